"""Every application at once: read in the dashboard's order for an export, written many in one go by an import."""

import uuid
from collections.abc import Iterator
from datetime import date

from psycopg.types.json import Jsonb

# What an import writes for each application, and its SQL type in jsonb_to_recordset.
IMPORT_COLUMNS = {
    "company": "text",
    "role_title": "text",
    "job_description": "text",
    "job_url": "text",
    "location": "text",
    "status": "text",
    "salary_min": "integer",
    "salary_max": "integer",
    "salary_currency": "text",
    "source": "text",
    "priority": "text",
    "notes": "text",
    "applied_on": "date",
    "follow_up_on": "date",
    "archived": "boolean",
    "created_on": "date",
}
_DIRECT = [name for name in IMPORT_COLUMNS if name not in ("archived", "created_on")]

_EXPORT = (
    "select company, role_title, status, priority, applied_on, follow_up_on, salary_min, salary_max,"
    " salary_currency, source, location, job_url, archived_at is not null as archived, created_at as created_on,"
    " notes, job_description from applications order by updated_at desc, id desc"
)


def export_rows(conn, batch: int = 500) -> Iterator[dict]:
    """Every application, archived ones too, newest change first; read through a server-side
    cursor, so thousands of postings are never all in memory at once."""
    with conn.cursor(name="applications_export") as cursor:
        cursor.itersize = batch
        cursor.execute(_EXPORT)
        yield from cursor


def _json_ready(value):
    return value.isoformat() if isinstance(value, date) else value


def import_rows(conn, rows: list[dict]) -> list[uuid.UUID]:
    """Insert `rows` (each with every IMPORT_COLUMNS key, already checked) and their timelines:
    created (on its "added on" date, or now), imported, and the status it arrived in.

    Four statements whatever the number of rows. The caller's transaction holds them all, so a
    row the database refuses leaves nothing behind. The first row is the most recently updated,
    as in an export, so the dashboard shows them in the file's order.
    """
    if not rows:
        return []
    ids = [uuid.uuid4() for _ in rows]
    records = [
        {"id": str(new_id), "ord": number} | {key: _json_ready(row[key]) for key in IMPORT_COLUMNS}
        for number, (new_id, row) in enumerate(zip(ids, rows, strict=True))
    ]
    types = ", ".join(
        f"{name} {sql_type}" for name, sql_type in ({"id": "uuid", "ord": "integer"} | IMPORT_COLUMNS).items()
    )
    direct = ", ".join(_DIRECT)
    conn.execute(
        f"insert into applications (id, user_id, {direct}, archived_at, created_at, updated_at)"
        f" select r.id, app_current_user_id(), {', '.join(f'r.{name}' for name in _DIRECT)},"
        "  case when r.archived then now() end, coalesce(r.created_on::timestamptz, now()),"
        "  now() - make_interval(secs => r.ord / 1e6)"
        f" from jsonb_to_recordset(%s) as r({types})",
        (Jsonb(records),),
    )
    conn.execute(
        "insert into application_events (user_id, application_id, kind, occurred_at)"
        " select user_id, id, 'created', created_at from applications where id = any(%(ids)s)",
        {"ids": ids},
    )
    conn.execute(
        "insert into application_events (user_id, application_id, kind)"
        " select user_id, id, 'imported' from applications where id = any(%(ids)s)",
        {"ids": ids},
    )
    conn.execute(
        "insert into application_events (user_id, application_id, kind, to_status)"
        " select user_id, id, 'status', status from applications where id = any(%(ids)s) and status <> 'draft'",
        {"ids": ids},
    )
    return ids
