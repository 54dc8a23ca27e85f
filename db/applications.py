"""Job applications: the posting, the details the person keeps about it, and where it stands."""

from db import events, submissions

STATUSES = ("draft", "applied", "interview", "offer", "rejected", "withdrawn", "no_response")
CLOSED_STATUSES = ("rejected", "withdrawn", "no_response")
# Reaching one of these means the application went out.
SENT_STATUSES = ("applied", "interview", "offer")
PRIORITIES = ("low", "normal", "high")
# What "Edit details" may change; status, archiving and deletion have functions of their own.
DETAIL_FIELDS = (
    "company",
    "role_title",
    "job_description",
    "job_url",
    "location",
    "salary_min",
    "salary_max",
    "salary_currency",
    "source",
    "priority",
    "notes",
    "applied_on",
    "follow_up_on",
)

_COLUMNS = (
    "id, company, role_title, job_description, job_url, location, status, salary_min, salary_max,"
    " salary_currency, source, priority, notes, applied_on, follow_up_on, archived_at, created_at, updated_at"
)


def create_application(
    conn,
    company: str,
    role_title: str,
    job_description: str,
    job_url: str | None,
    location: str | None,
    **details,
):
    """Insert an application (any DETAIL_FIELDS may be given too) and record its creation."""
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    values = {
        "company": company,
        "role_title": role_title,
        "job_description": job_description,
        "job_url": job_url,
        "location": location,
    } | details
    columns = ", ".join(values)
    placeholders = ", ".join(f"%({name})s" for name in values)
    row = conn.execute(
        f"insert into applications (user_id, {columns}) values (app_current_user_id(), {placeholders})"
        " returning id, created_at",
        values,
    ).fetchone()
    events.record(conn, row["id"], "created", occurred_at=row["created_at"])
    return row["id"]


def get_application(conn, application_id) -> dict | None:
    return conn.execute(f"select {_COLUMNS} from applications where id = %s", (application_id,)).fetchone()


def update_details(conn, application_id, changes: dict) -> dict | None:
    """Write the given DETAIL_FIELDS; return the application as saved, or None if it is not there.

    A change of "applied on" is recorded on the timeline.
    """
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    before = conn.execute("select applied_on from applications where id = %s for update", (application_id,)).fetchone()
    if before is None:
        return None
    if changes:
        assignments = ", ".join(f"{name} = %({name})s" for name in changes)
        conn.execute(f"update applications set {assignments} where id = %(id)s", changes | {"id": application_id})
    if "applied_on" in changes and changes["applied_on"] != before["applied_on"]:
        events.record(conn, application_id, "applied_on", on_date=changes["applied_on"])
    return get_application(conn, application_id)


def set_status(conn, application_id, status: str, actor: str = "person") -> bool:
    """Move an application to `status`, on the timeline; False if unchanged or not found.

    The first time it is sent (applied or later), "applied on" becomes today unless already set,
    and the current resume and cover letter versions are recorded as what was sent.
    """
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    before = conn.execute(
        "select status, applied_on from applications where id = %s for update", (application_id,)
    ).fetchone()
    # Unchanged status writes nothing, so opening a page never bumps updated_at.
    if before is None or before["status"] == status:
        return False
    conn.execute("update applications set status = %s where id = %s", (status, application_id))
    events.record(conn, application_id, "status", actor=actor, from_status=before["status"], to_status=status)
    if status in SENT_STATUSES and not submissions.list_for(conn, application_id):
        applied_on = before["applied_on"]
        if applied_on is None:
            applied_on = conn.execute(
                "update applications set applied_on = current_date where id = %s returning applied_on",
                (application_id,),
            ).fetchone()["applied_on"]
            events.record(conn, application_id, "applied_on", actor="system", on_date=applied_on)
        submissions.record_sent(conn, application_id, applied_on)
    return True


def set_archived(conn, application_id, archived: bool) -> bool:
    """Archive (hide from the dashboard) or bring back; False if unchanged or not found."""
    row = conn.execute(
        "update applications set archived_at = case when %(archived)s then now() end"
        " where id = %(id)s and (archived_at is not null) <> %(archived)s returning id",
        {"id": application_id, "archived": archived},
    ).fetchone()
    if row is None:
        return False
    events.record(conn, application_id, "archived" if archived else "unarchived")
    return True


def delete_application(conn, application_id) -> bool:
    """Remove it with its documents, versions, embeddings, events, interviews and contacts."""
    # Embeddings of document versions hang off the versions; the composite keys cascade the rest.
    row = conn.execute("delete from applications where id = %s returning id", (application_id,)).fetchone()
    return row is not None


def earlier_sources(conn, limit: int = 50) -> list[str]:
    """The person's own "Source" values, most used first, for suggestions."""
    rows = conn.execute(
        "select source from applications where source is not null and btrim(source) <> ''"
        " group by source order by count(*) desc, max(updated_at) desc limit %s",
        (limit,),
    ).fetchall()
    return [row["source"] for row in rows]


def find_duplicates(conn, company: str, job_url: str | None, exclude_id=None, limit: int = 3) -> list[dict]:
    """Applications to the same company (ignoring case and punctuation) or with the same job URL."""
    return conn.execute(
        "select id, company, role_title, status, applied_on, created_at from applications"
        " where (company_key = regexp_replace(lower(%(company)s), '[^[:alnum:]]+', '', 'g')"
        "        or (%(url)s::text is not null and rtrim(lower(job_url), '/') = rtrim(lower(%(url)s::text), '/')))"
        "   and id is distinct from %(exclude)s::uuid"
        " order by created_at desc limit %(limit)s",
        {"company": company, "url": job_url, "exclude": exclude_id, "limit": limit},
    ).fetchall()


def list_applications(conn, limit: int = 200) -> list[dict]:
    """Most recently updated first, archived ones left out."""
    return conn.execute(
        "select id, company, role_title, location, status, updated_at from applications"
        " where archived_at is null order by updated_at desc limit %s",
        (limit,),
    ).fetchall()


def count_by_status(conn) -> dict[str, int]:
    rows = conn.execute(
        "select status, count(*) as n from applications where archived_at is null group by status"
    ).fetchall()
    return {row["status"]: row["n"] for row in rows}


def weekly_counts(conn, weeks: int = 12) -> list[dict]:
    """Applications created per week over the last `weeks` weeks, empty weeks included."""
    return conn.execute(
        "select week::date as week, count(a.id) as n"
        " from generate_series(date_trunc('week', now()) - make_interval(weeks => %s - 1),"
        "                      date_trunc('week', now()), interval '1 week') as week"
        " left join applications a on date_trunc('week', a.created_at) = week and a.archived_at is null"
        " group by week order by week",
        (weeks,),
    ).fetchall()
