"""The dashboard overview's figures: counts, follow-ups due, funnel, weekly sends, days per stage.

Every query aggregates in SQL and leaves archived applications out. Each also names the person
(`user_id = %s`) although row level security already restricts the rows: the policy's user id is
an InitPlan parameter the planner cannot match to an index, the literal id it can.
"""

from datetime import date, timedelta

from db.applications import CLOSED_STATUSES

# The funnel's stages in order; reaching a later one implies the earlier ones were passed.
FUNNEL_STAGES = ("applied", "interview", "offer")
WEEKS = 12

# Applications of the person that are archived: few, read from a partial index (0006_overview).
_NOT_ARCHIVED = (
    "not exists (select 1 from applications a"
    " where a.user_id = %(user)s and a.archived_at is not null and a.id = e.application_id)"
)


def status_counts(conn, user_id) -> dict[str, int]:
    """How many applications are in each status (statuses with none are left out)."""
    rows = conn.execute(
        "select status, count(*) as n from applications where user_id = %s and archived_at is null group by status",
        (user_id,),
    ).fetchall()
    return {row["status"]: row["n"] for row in rows}


def has_archived(conn, user_id) -> bool:
    """Whether any of the person's applications is archived (when none is left out, the overview says why)."""
    row = conn.execute(
        "select exists (select from applications where user_id = %s and archived_at is not null) as any", (user_id,)
    ).fetchone()
    return row["any"]


def follow_ups_due(conn, user_id, today: date, limit: int = 10) -> tuple[list[dict], int]:
    """Open applications whose follow-up date is `today` or earlier, oldest first: (the first `limit`, how many)."""
    rows = conn.execute(
        "select id, company, role_title, follow_up_on, count(*) over () as total from applications"
        " where user_id = %(user)s and follow_up_on <= %(today)s and archived_at is null"
        "   and status <> all(%(closed)s)"
        " order by follow_up_on, id limit %(limit)s",
        {"user": user_id, "today": today, "closed": list(CLOSED_STATUSES), "limit": limit},
    ).fetchall()
    total = rows[0]["total"] if rows else 0
    return [{name: row[name] for name in ("id", "company", "role_title", "follow_up_on")} for row in rows], total


def funnel(conn, user_id) -> dict[str, int]:
    """How many applications ever reached each stage, from the status events (a later stage counts for the earlier).

    A rejection after an interview still counts at interview: the event that reached it is kept.
    """
    row = conn.execute(
        "select count(*) filter (where reached >= 1) as applied,"
        "       count(*) filter (where reached >= 2) as interview,"
        "       count(*) filter (where reached >= 3) as offer"
        " from (select max(case e.to_status when 'applied' then 1 when 'interview' then 2 else 3 end) as reached"
        "       from application_events e"
        "       where e.user_id = %(user)s and e.kind = 'status' and e.to_status = any(%(stages)s)"
        f"        and {_NOT_ARCHIVED}"
        "       group by e.application_id) as furthest",
        {"user": user_id, "stages": list(FUNNEL_STAGES)},
    ).fetchone()
    return {stage: row[stage] for stage in FUNNEL_STAGES}


def week_starts(today: date, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last `weeks` weeks, this one last."""
    this_week = today - timedelta(days=today.weekday())
    return [this_week - timedelta(weeks=weeks - 1 - number) for number in range(weeks)]


def applications_per_week(conn, user_id, today: date, weeks: int = WEEKS) -> list[dict]:
    """Applications sent per week over the last `weeks` weeks, empty weeks included.

    Sent on "applied on" when it is set, else on the day of the first status event that reached
    applied or beyond.
    """
    first = week_starts(today, weeks)[0]
    end = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    return conn.execute(
        "with sent as ("
        "  select applied_on as day from applications"
        "  where user_id = %(user)s and archived_at is null and applied_on >= %(first)s and applied_on < %(end)s"
        "  union all"
        # An application with no "applied on": its first sent event, when that falls in the weeks shown.
        "  select min(e.occurred_at)::date from application_events e"
        "  where e.user_id = %(user)s and e.kind = 'status' and e.to_status = any(%(stages)s)"
        "    and e.application_id in (select id from applications"
        "                             where user_id = %(user)s and applied_on is null and archived_at is null)"
        "  group by e.application_id"
        "  having min(e.occurred_at) >= %(first)s::date and min(e.occurred_at) < %(end)s::date"
        ")"
        " select week::date as week, coalesce(per_week.n, 0) as n"
        " from generate_series(%(first)s::date, %(end)s::date - 7, interval '1 week') as week"
        " left join (select date_trunc('week', day::timestamp)::date as monday, count(*) as n"
        "            from sent group by monday) as per_week on per_week.monday = week::date"
        " order by week",
        {"user": user_id, "first": first, "end": end, "stages": list(FUNNEL_STAGES)},
    ).fetchall()


def median_days_in_stage(conn, user_id) -> dict[str, dict]:
    """Per funnel stage that some application has left: the median days spent in it and how many left it.

    A stage lasts from the status event that entered it to the application's next status event.
    """
    rows = conn.execute(
        # Intervals, not epoch seconds: extract() gives numeric, slow to compute for every stay.
        "select stage, percentile_cont(0.5) within group (order by stay) as median_stay, count(*) as n"
        " from (select e.to_status as stage, lead(e.occurred_at) over by_application - e.occurred_at as stay"
        "       from application_events e"
        f"      where e.user_id = %(user)s and e.kind = 'status' and {_NOT_ARCHIVED}"
        "       window by_application as (partition by e.application_id order by e.occurred_at)) as stays"
        " where stay is not null and stage = any(%(stages)s)"
        " group by stage",
        {"user": user_id, "stages": list(FUNNEL_STAGES)},
    ).fetchall()
    found = {row["stage"]: {"median_days": row["median_stay"] / timedelta(days=1), "n": row["n"]} for row in rows}
    return {stage: found[stage] for stage in FUNNEL_STAGES if stage in found}


def response_rate(reached: dict[str, int]) -> float | None:
    """The share of applications sent that reached an interview or beyond (None before any was sent)."""
    if not reached["applied"]:
        return None
    return reached["interview"] / reached["applied"]
