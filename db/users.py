"""People: sign-up and login lookups (before a user id is known) and the signed-in user's row."""

import psycopg


class EmailTaken(Exception):
    """An account with this email already exists, in any letter case."""


def create_user(conn, email: str, password_hash: str, first_name: str, last_name: str):
    """Create an account and return its id; raise EmailTaken for a duplicate email."""
    try:
        with conn.transaction():
            row = conn.execute(
                "select auth_create_user(%s, %s, %s, %s) as id",
                (email, password_hash, first_name, last_name),
            ).fetchone()
    except psycopg.errors.UniqueViolation as exc:
        raise EmailTaken(email) from exc
    return row["id"]


def find_login(conn, email: str) -> dict | None:
    """The id and password hash for an email, or None."""
    return conn.execute("select id, password_hash from auth_find_login(%s)", (email,)).fetchone()


def session_user(conn, user_id, session_epoch: int) -> dict | None:
    """The profile of a session's user, if the session's epoch is still theirs (migration 0010)."""
    return conn.execute(
        "select id, email, first_name, last_name, session_epoch from auth_session_user(%s, %s)",
        (user_id, session_epoch),
    ).fetchone()


def get_current_user(conn) -> dict | None:
    """The signed-in person's profile (never the password hash)."""
    return conn.execute(
        "select id, email, first_name, last_name, writing_sample, ai_provider, session_epoch"
        " from users where id = app_current_user_id()"
    ).fetchone()


def update_settings(conn, ai_provider: str, writing_sample: str) -> None:
    conn.execute(
        "update users set ai_provider = %s, writing_sample = %s where id = app_current_user_id()",
        (ai_provider, writing_sample),
    )


def end_sessions(conn) -> None:
    """Invalidate every session of the signed-in person (see migration 0002)."""
    conn.execute("update users set session_epoch = session_epoch + 1 where id = app_current_user_id()")


DASHBOARD_VIEWS = ("board", "table", "overview")


def get_dashboard_view(conn) -> str:
    row = conn.execute("select dashboard_view from users where id = app_current_user_id()").fetchone()
    return row["dashboard_view"] if row else DASHBOARD_VIEWS[0]


def set_dashboard_view(conn, view: str) -> None:
    if view not in DASHBOARD_VIEWS:
        raise ValueError(f"unknown dashboard view {view!r}")
    conn.execute("update users set dashboard_view = %s where id = app_current_user_id()", (view,))
