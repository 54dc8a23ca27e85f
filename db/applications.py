"""Job applications: the posting and where it stands."""

STATUSES = ("draft", "applied", "interview", "offer", "rejected")

_COLUMNS = "id, company, role_title, job_description, job_url, location, status, created_at, updated_at"


def create_application(
    conn, company: str, role_title: str, job_description: str, job_url: str | None, location: str | None
):
    row = conn.execute(
        "insert into applications (user_id, company, role_title, job_description, job_url, location)"
        " values (app_current_user_id(), %s, %s, %s, %s, %s) returning id",
        (company, role_title, job_description, job_url, location),
    ).fetchone()
    return row["id"]


def get_application(conn, application_id) -> dict | None:
    return conn.execute(f"select {_COLUMNS} from applications where id = %s", (application_id,)).fetchone()


def list_applications(conn, limit: int = 200) -> list[dict]:
    """Most recently updated first, for the dashboard."""
    return conn.execute(
        "select id, company, role_title, location, status, updated_at from applications"
        " order by updated_at desc limit %s",
        (limit,),
    ).fetchall()


def count_by_status(conn) -> dict[str, int]:
    rows = conn.execute("select status, count(*) as n from applications group by status").fetchall()
    return {row["status"]: row["n"] for row in rows}


def set_status(conn, application_id, status: str) -> bool:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    # Unchanged status writes nothing, so opening a page never bumps updated_at.
    row = conn.execute(
        "update applications set status = %s where id = %s and status is distinct from %s returning id",
        (status, application_id, status),
    ).fetchone()
    return row is not None


def weekly_counts(conn, weeks: int = 12) -> list[dict]:
    """Applications created per week over the last `weeks` weeks, empty weeks included."""
    return conn.execute(
        "select week::date as week, count(a.id) as n"
        " from generate_series(date_trunc('week', now()) - make_interval(weeks => %s - 1),"
        "                      date_trunc('week', now()), interval '1 week') as week"
        " left join applications a on date_trunc('week', a.created_at) = week"
        " group by week order by week",
        (weeks,),
    ).fetchall()
