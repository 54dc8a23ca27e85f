"""Producing documents for an application and saving them as new versions."""

from ai import offline
from db import documents as document_queries
from db import resumes as resume_queries


class MissingResume(Exception):
    """The person has no resume yet, so there is nothing to write from."""


def generate_cover_letter(conn, application: dict, signer: str, unsaved_text: str | None = None) -> dict:
    """Draft a cover letter and make it the current version; return the document.

    Text the person typed but did not save is kept as an edited version first, so a
    regeneration never loses a word of it.
    """
    resume = resume_queries.get_primary_resume(conn)
    if resume is None:
        raise MissingResume()
    current = document_queries.get_document(conn, application["id"], "cover_letter")
    if unsaved_text and unsaved_text.strip() and (current is None or unsaved_text != current["content"]):
        document_queries.save_version(conn, application["id"], "cover_letter", unsaved_text, "edited", None)
    text = offline.draft_cover_letter(
        resume["content"], application["job_description"], application["company"], application["role_title"], signer
    )
    return document_queries.save_version(
        conn,
        application["id"],
        "cover_letter",
        text,
        "generated",
        None,
        provider=offline.PROVIDER,
        model=offline.MODEL,
    )
