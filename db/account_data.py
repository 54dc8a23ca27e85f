"""A person's whole account read in pages (keyset on ids), for the download of all their data."""

from db.applications import DETAIL_FIELDS

APPLICATION_FIELDS = ("id", *DETAIL_FIELDS, "status", "archived_at", "created_at", "updated_at")
_FIRST_ID = "00000000-0000-0000-0000-000000000000"


def applications_after(conn, after_id, limit: int) -> list[dict]:
    """Every field of up to `limit` applications whose id follows `after_id` (None: from the first)."""
    return conn.execute(
        f"select {', '.join(APPLICATION_FIELDS)} from applications where id > %s order by id limit %s",
        (after_id or _FIRST_ID, limit),
    ).fetchall()


def versions_after(conn, after: tuple | None, limit: int) -> list[dict]:
    """Up to `limit` document versions with their text, in (application id, type, version) order after `after`.

    `is_current` marks the version the document shows now.
    """
    return conn.execute(
        "select d.application_id, a.company, a.role_title, d.doc_type, v.version, v.content, v.origin,"
        " v.provider, v.model, v.created_at, v.version = d.version as is_current"
        " from document_versions v join documents d on d.id = v.document_id"
        " join applications a on a.id = d.application_id"
        " where (d.application_id, d.doc_type, v.version) > (%s, %s, %s)"
        " order by d.application_id, d.doc_type, v.version limit %s",
        (*(after or (_FIRST_ID, "", 0)), limit),
    ).fetchall()
