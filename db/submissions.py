"""What was sent: the document versions current when an application went out."""

from db import events

_SENT = """
    select s.id, s.sent_on, s.created_at,
           s.resume_version_id, r.version as resume_version,
           s.cover_letter_version_id, c.version as cover_letter_version
    from application_submissions s
    left join document_versions r on r.id = s.resume_version_id
    left join document_versions c on c.id = s.cover_letter_version_id
"""


def record_sent(conn, application_id, sent_on) -> dict:
    """Freeze the current resume and cover letter versions as sent on `sent_on`, on the timeline."""
    current = conn.execute(
        "select d.doc_type, v.id from documents d"
        " join document_versions v on v.document_id = d.id and v.version = d.version"
        " where d.application_id = %s and d.doc_type in ('resume', 'cover_letter')",
        (application_id,),
    ).fetchall()
    versions = {row["doc_type"]: row["id"] for row in current}
    row = conn.execute(
        "insert into application_submissions (user_id, application_id, sent_on, resume_version_id,"
        " cover_letter_version_id) values (app_current_user_id(), %s, %s, %s, %s) returning id",
        (application_id, sent_on, versions.get("resume"), versions.get("cover_letter")),
    ).fetchone()
    events.record(conn, application_id, "sent", actor="system", submission_id=row["id"], on_date=sent_on)
    return conn.execute(_SENT + " where s.id = %s", (row["id"],)).fetchone()


def list_for(conn, application_id) -> list[dict]:
    """Each time the application was sent, newest first, with the version numbers."""
    return conn.execute(
        _SENT + " where s.application_id = %s order by s.sent_on desc, s.created_at desc", (application_id,)
    ).fetchall()


def sent_text(conn, version_id) -> dict | None:
    """The text of a sent version exactly as it was, with its type and number."""
    return conn.execute(
        "select d.doc_type, v.version, v.content, v.created_at from document_versions v"
        " join documents d on d.id = v.document_id where v.id = %s"
        " and exists (select 1 from application_submissions s"
        "             where v.id in (s.resume_version_id, s.cover_letter_version_id))",
        (version_id,),
    ).fetchone()
