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


# Also the first statement of a signed-in request's transaction (db.connection.begin_for_user).
SESSION_USER = (
    "select id, email, first_name, last_name, session_epoch,"
    " set_config('app.current_user_id', id::text, true) as current_user_id"
    " from auth_session_user(%s, %s)"
)


def session_user(conn, user_id, session_epoch: int) -> dict | None:
    """The profile of a session's user, if the session's epoch is still theirs (migrations 0010, 0011), and in the
    same statement app.current_user_id set to them for the rest of `conn`'s transaction (only if found)."""
    return conn.execute(SESSION_USER, (user_id, session_epoch)).fetchone()


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


def end_sessions(conn) -> int:
    """Invalidate every session of the signed-in person (see migration 0002); returns the new epoch."""
    return conn.execute(
        "update users set session_epoch = session_epoch + 1 where id = app_current_user_id() returning session_epoch"
    ).fetchone()["session_epoch"]


def password_hash(conn) -> str | None:
    """The signed-in person's password hash, through the login lookup (the role cannot read the column)."""
    row = conn.execute(
        "select l.password_hash from users u, auth_find_login(u.email) l where u.id = app_current_user_id()"
    ).fetchone()
    return row["password_hash"] if row else None


def rename(conn, first_name: str, last_name: str) -> None:
    conn.execute(
        "update users set first_name = %s, last_name = %s where id = app_current_user_id()", (first_name, last_name)
    )


def change_email(conn, email: str) -> None:
    """Raise EmailTaken when another account has this email in any letter case."""
    try:
        with conn.transaction():
            conn.execute("update users set email = %s where id = app_current_user_id()", (email,))
    except psycopg.errors.UniqueViolation as exc:
        raise EmailTaken(email) from exc


def set_password(conn, new_hash: str) -> int:
    """Store a new password hash and end every session (migration 0002); returns the new epoch."""
    conn.execute("update users set password_hash = %s where id = app_current_user_id()", (new_hash,))
    return end_sessions(conn)


def delete_account(conn) -> bool:
    """Delete the signed-in person; their rows in every other table go with it (on delete cascade)."""
    return conn.execute("delete from users where id = app_current_user_id()").rowcount == 1


DASHBOARD_VIEWS = ("board", "table", "overview")


def get_dashboard_view(conn) -> str:
    row = conn.execute("select dashboard_view from users where id = app_current_user_id()").fetchone()
    return row["dashboard_view"] if row else DASHBOARD_VIEWS[0]


def set_dashboard_view(conn, view: str) -> None:
    if view not in DASHBOARD_VIEWS:
        raise ValueError(f"unknown dashboard view {view!r}")
    conn.execute("update users set dashboard_view = %s where id = app_current_user_id()", (view,))
