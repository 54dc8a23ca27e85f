"""Generated documents and their versions: every generation and every saved edit is kept."""


class VersionConflict(Exception):
    """The document changed since the editor loaded it (another tab or a generation)."""

    def __init__(self, current: dict):
        super().__init__("document changed since it was loaded")
        self.current = current


def get_document(conn, application_id, doc_type: str) -> dict | None:
    """The current text, with who or what made its version."""
    return conn.execute(
        "select d.id, d.content, d.version, d.updated_at, v.origin, v.provider, v.id as version_id"
        " from documents d left join document_versions v on v.document_id = d.id and v.version = d.version"
        " where d.application_id = %s and d.doc_type = %s",
        (application_id, doc_type),
    ).fetchone()


def save_version(
    conn,
    application_id,
    doc_type: str,
    content: str,
    origin: str,
    base_version: int | None,
    provider: str | None = None,
    model: str | None = None,
    prompt_version: str | None = None,
) -> dict:
    """Make `content` the current text as a new version; return the document and its `version_id`.

    `base_version` is the version the editor started from; if the document has moved on
    since, nothing is written and VersionConflict carries the current document.
    None skips the check (a generation always adds a version on top).
    """
    conn.execute(
        "insert into documents (user_id, application_id, doc_type)"
        " values (app_current_user_id(), %s, %s) on conflict (application_id, doc_type) do nothing",
        (application_id, doc_type),
    )
    current = conn.execute(
        "select id, content, version from documents where application_id = %s and doc_type = %s for update",
        (application_id, doc_type),
    ).fetchone()
    if current is None:
        raise LookupError("no such application for this person")
    if current["content"] == content and current["version"] > 0:
        return get_document(conn, application_id, doc_type)  # a retried save: nothing new to keep
    if base_version is not None and current["version"] != base_version:
        raise VersionConflict(current)
    document = conn.execute(
        "update documents set content = %s, version = version + 1 where id = %s"
        " returning id, content, version, updated_at, %s::text as origin, %s::text as provider",
        (content, current["id"], origin, provider),
    ).fetchone()
    version_row = conn.execute(
        "insert into document_versions"
        " (user_id, document_id, version, content, origin, provider, model, prompt_version)"
        " values (app_current_user_id(), %s, %s, %s, %s, %s, %s, %s) returning id",
        (document["id"], document["version"], content, origin, provider, model, prompt_version),
    ).fetchone()
    return document | {"version_id": version_row["id"]}


def list_versions(conn, document_id) -> list[dict]:
    return conn.execute(
        "select id, version, origin, provider, model, created_at from document_versions"
        " where document_id = %s order by version desc",
        (document_id,),
    ).fetchall()


def get_version(conn, document_id, version: int) -> dict | None:
    return conn.execute(
        "select id, version, content, origin, provider, model, prompt_version, created_at from document_versions"
        " where document_id = %s and version = %s",
        (document_id, version),
    ).fetchone()
