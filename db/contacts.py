"""People met through an application: recruiters, hiring managers, referrers."""

_COLUMNS = "id, application_id, name, role, email, notes, created_at, updated_at"


def add_contact(conn, application_id, name: str, role: str | None, email: str | None, notes: str = ""):
    row = conn.execute(
        "insert into contacts (user_id, application_id, name, role, email, notes)"
        " values (app_current_user_id(), %s, %s, %s, %s, %s) returning id",
        (application_id, name, role, email, notes),
    ).fetchone()
    return row["id"]


def update_contact(conn, contact_id, name: str, role: str | None, email: str | None, notes: str) -> bool:
    row = conn.execute(
        "update contacts set name = %s, role = %s, email = %s, notes = %s where id = %s returning id",
        (name, role, email, notes, contact_id),
    ).fetchone()
    return row is not None


def delete_contact(conn, contact_id) -> bool:
    return conn.execute("delete from contacts where id = %s returning id", (contact_id,)).fetchone() is not None


def get_contact(conn, contact_id) -> dict | None:
    return conn.execute(f"select {_COLUMNS} from contacts where id = %s", (contact_id,)).fetchone()


def list_for(conn, application_id) -> list[dict]:
    return conn.execute(
        f"select {_COLUMNS} from contacts where application_id = %s order by lower(name), created_at",
        (application_id,),
    ).fetchall()
