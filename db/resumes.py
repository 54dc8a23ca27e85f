"""A person's base resumes."""


def list_resumes(conn) -> list[dict]:
    """Primary first, then the most recently updated: the first is the one a phase uses by default."""
    return conn.execute(
        "select id, name, content, is_primary, updated_at from user_resumes order by is_primary desc, updated_at desc"
    ).fetchall()


def get_resume(conn, resume_id) -> dict | None:
    return conn.execute(
        "select id, name, content, is_primary, updated_at from user_resumes where id = %s",
        (resume_id,),
    ).fetchone()


def _lock_resumes(conn) -> None:
    """Serialise changes to one person's primary resume (two tabs saving at once)."""
    conn.execute("select pg_advisory_xact_lock(hashtextextended(app_current_user_id()::text, 0))")


def _make_primary(conn, resume_id) -> None:
    # Two statements: the partial unique index is checked row by row, so clear first.
    conn.execute("update user_resumes set is_primary = false where is_primary and id <> %s", (resume_id,))
    conn.execute("update user_resumes set is_primary = true where id = %s", (resume_id,))


def create_resume(conn, name: str, content: str, is_primary: bool):
    """Add a resume and return its id. The first resume a person saves is primary."""
    _lock_resumes(conn)
    has_any = conn.execute("select exists (select from user_resumes) as has_any").fetchone()
    row = conn.execute(
        "insert into user_resumes (user_id, name, content) values (app_current_user_id(), %s, %s) returning id",
        (name, content),
    ).fetchone()
    if is_primary or not has_any["has_any"]:
        _make_primary(conn, row["id"])
    return row["id"]


class ResumeChanged(Exception):
    """The resume's name or text is no longer what the form loaded: another tab saved it since."""

    def __init__(self, current: dict):
        super().__init__("the resume was changed since it was loaded")
        self.current = current


def update_resume(conn, resume_id, name: str, content: str, is_primary: bool, loaded: dict | None = None) -> bool:
    """Change a resume; False when it does not exist for this person.

    With `loaded` ({"name", "content"} as the form got them), raises ResumeChanged instead of
    overwriting a text someone saved since.
    """
    _lock_resumes(conn)
    current = conn.execute(
        "select id, name, content, is_primary from user_resumes where id = %s for update", (resume_id,)
    ).fetchone()
    if current is None:
        return False
    if loaded is not None and (current["name"], current["content"]) != (loaded.get("name"), loaded.get("content")):
        raise ResumeChanged(current)
    conn.execute("update user_resumes set name = %s, content = %s where id = %s", (name, content, resume_id))
    if is_primary:
        _make_primary(conn, resume_id)
    else:
        conn.execute("update user_resumes set is_primary = false where id = %s", (resume_id,))
    return True


def delete_resume(conn, resume_id, next_primary_id=None) -> bool:
    """Delete a resume; False when it does not exist for this person.

    When it was the primary one, `next_primary_id` (another of the person's resumes) becomes
    primary, or none does. Generated documents hold their own text, so they stay as they are.
    """
    _lock_resumes(conn)
    deleted = conn.execute("delete from user_resumes where id = %s returning is_primary", (resume_id,)).fetchone()
    if deleted is None:
        return False
    if deleted["is_primary"] and next_primary_id is not None:
        # Someone else's id, or one deleted meanwhile, updates no row: then none is primary.
        conn.execute("update user_resumes set is_primary = true where id = %s", (next_primary_id,))
    return True
