"""Private calendar feed links: a token per person, stored only as its SHA-256 hash."""

import hashlib
import secrets

from db.applications import CLOSED_STATUSES


def _hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def reset_token(conn) -> str:
    """A new token for the signed-in person; any earlier one stops working in this transaction."""
    token = secrets.token_urlsafe(32)
    conn.execute(
        "insert into calendar_feeds (user_id, token_hash) values (app_current_user_id(), %s)"
        " on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()",
        (_hash(token),),
    )
    return token


def has_feed(conn) -> bool:
    return conn.execute("select exists (select 1 from calendar_feeds) as found").fetchone()["found"]


def owner_of(conn, token: str):
    """The user id a feed token belongs to, or None; works before any user is set."""
    if not token or len(token) > 100:
        return None
    return conn.execute("select calendar_feed_owner(%s) as id", (_hash(token),)).fetchone()["id"]


def feed_entries(conn) -> dict[str, list[dict]]:
    """What the feed lists: open follow-ups and interviews, each with its application."""
    follow_ups = conn.execute(
        "select id, company, role_title, follow_up_on from applications"
        " where follow_up_on is not null and archived_at is null"
        " and status <> all(%s) order by follow_up_on",
        (list(CLOSED_STATUSES),),
    ).fetchall()
    interviews = conn.execute(
        "select i.id, i.application_id, i.starts_at, i.kind, a.company, a.role_title"
        " from interviews i join applications a on a.id = i.application_id order by i.starts_at"
    ).fetchall()
    return {"follow_ups": follow_ups, "interviews": interviews}
