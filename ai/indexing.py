"""Embedding postings and document versions as they are saved, off the request's critical path."""

import logging
import threading

import config
from ai.embeddings import EmbeddingError, get_embedder
from db.connection import user_tx
from db.embeddings import save_embedding

log = logging.getLogger(__name__)


def embed_now(user_id, text: str, *, application_id=None, document_version_id=None) -> None:
    """Embed `text` and store it for its source; failures are logged (never the text) and skipped.

    It never raises: a missing vector only leaves the text out of similarity search, while its
    callers (a background job that has saved a document, a thread) have nobody to raise to.
    """
    if not text.strip():
        return
    try:
        embedder = get_embedder(config.active())
        vector = embedder.embed_one(text)
        with user_tx(user_id) as conn:
            save_embedding(
                conn,
                model=embedder.model,
                vector=vector,
                application_id=application_id,
                document_version_id=document_version_id,
            )
    except EmbeddingError as error:
        log.warning("embedding with %s failed: %s", embedder.model, type(error).__name__)
    except Exception:
        log.exception("storing an embedding failed")


def embed_later(user_id, text: str, *, application_id=None, document_version_id=None) -> threading.Thread:
    """Embed in a short-lived thread so the person does not wait; returns the thread (tests join it).

    A thread per save, not a pool: saves are rare, and a pool's worker does not survive a fork.
    """
    sources = {"application_id": application_id, "document_version_id": document_version_id}
    worker = threading.Thread(target=embed_now, args=(user_id, text), kwargs=sources, name="embedding", daemon=True)
    worker.start()
    return worker


def embed_many_later(user_id, postings: list[tuple]) -> threading.Thread:
    """Embed many (application id, text) postings one after another in one thread: an import of
    thousands must not start a thread for each."""

    def embed_all():
        for application_id, text in postings:
            embed_now(user_id, text, application_id=application_id)

    worker = threading.Thread(target=embed_all, name="embedding-import", daemon=True)
    worker.start()
    return worker
