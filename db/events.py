"""The timeline: what happened to each application and when (application_events)."""

EVENT_KINDS = ("created", "status", "interview", "sent", "applied_on", "archived", "unarchived", "imported")

_COLUMNS = (
    "id, application_id, kind, actor, from_status, to_status, on_date, interview_id, submission_id,"
    " occurred_at, created_at"
)


def record(
    conn,
    application_id,
    kind: str,
    *,
    actor: str = "person",
    from_status: str | None = None,
    to_status: str | None = None,
    on_date=None,
    interview_id=None,
    submission_id=None,
    occurred_at=None,
):
    """Add an event (now, unless `occurred_at` says when it happened) and return its id."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown event kind {kind!r}")
    row = conn.execute(
        "insert into application_events (user_id, application_id, kind, actor, from_status, to_status, on_date,"
        " interview_id, submission_id, occurred_at)"
        " values (app_current_user_id(), %s, %s, %s, %s, %s, %s, %s, %s, coalesce(%s, clock_timestamp())) returning id",
        (application_id, kind, actor, from_status, to_status, on_date, interview_id, submission_id, occurred_at),
    ).fetchone()
    return row["id"]


def list_for(conn, application_id) -> list[dict]:
    """An application's events, newest first."""
    return conn.execute(
        f"select {_COLUMNS} from application_events where application_id = %s"
        " order by occurred_at desc, created_at desc",
        (application_id,),
    ).fetchall()


def set_occurred_at(conn, event_id, occurred_at) -> bool:
    """Correct when something happened (a backdated status change); False if not found."""
    row = conn.execute(
        "update application_events set occurred_at = %s where id = %s returning id", (occurred_at, event_id)
    ).fetchone()
    return row is not None
