"""Interviews of an application, each also an event on its timeline."""

from db import events

KINDS = ("phone_screen", "technical", "onsite", "final", "other")
_COLUMNS = "id, application_id, starts_at, kind, notes, created_at, updated_at"


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown interview kind {kind!r}")


def add_interview(conn, application_id, starts_at, kind: str, notes: str = ""):
    _check_kind(kind)
    row = conn.execute(
        "insert into interviews (user_id, application_id, starts_at, kind, notes)"
        " values (app_current_user_id(), %s, %s, %s, %s) returning id",
        (application_id, starts_at, kind, notes),
    ).fetchone()
    events.record(conn, application_id, "interview", interview_id=row["id"], occurred_at=starts_at)
    return row["id"]


def update_interview(conn, interview_id, starts_at, kind: str, notes: str) -> bool:
    _check_kind(kind)
    row = conn.execute(
        "update interviews set starts_at = %s, kind = %s, notes = %s where id = %s returning id",
        (starts_at, kind, notes, interview_id),
    ).fetchone()
    if row is None:
        return False
    conn.execute("update application_events set occurred_at = %s where interview_id = %s", (starts_at, interview_id))
    return True


def delete_interview(conn, interview_id) -> bool:
    """Remove it and its timeline event."""
    return conn.execute("delete from interviews where id = %s returning id", (interview_id,)).fetchone() is not None


def get_interview(conn, interview_id) -> dict | None:
    return conn.execute(
        "select i.id, i.application_id, i.starts_at, i.kind, i.notes, a.company, a.role_title"
        " from interviews i join applications a on a.id = i.application_id where i.id = %s",
        (interview_id,),
    ).fetchone()


def list_for(conn, application_id) -> list[dict]:
    return conn.execute(
        f"select {_COLUMNS} from interviews where application_id = %s order by starts_at", (application_id,)
    ).fetchall()
