"""Saved postings and document versions get embeddings in the background."""

from ai.embeddings import LOCAL_MODEL_NAME
from ai.indexing import embed_later, embed_now
from db import applications, documents
from db.connection import anonymous_tx, user_tx
from db.embeddings import similar_applications
from db.users import create_user
from tests.conftest import fixture_text, unique_email


def test_postings_and_versions_are_embedded_and_found_similar(app):
    with anonymous_tx() as conn:
        person = create_user(conn, unique_email(), "hash", "Pat", "Person")
    postings = {}
    with user_tx(person) as conn:
        for name in ("jd-senior-backend-engineer.txt", "jd-backend-engineer.txt", "jd-product-manager.txt"):
            postings[name] = applications.create_application(conn, "Co", name, fixture_text(name), None, None)
        version = documents.save_version(conn, postings["jd-backend-engineer.txt"], "research", "Notes", "edited", 0)
    workers = [embed_later(person, fixture_text(name), application_id=app_id) for name, app_id in postings.items()]
    workers.append(embed_later(person, "Notes about Kafka", document_version_id=version["version_id"]))
    for worker in workers:
        worker.join(timeout=30)

    with user_tx(person) as conn:
        stored = conn.execute("select model, dims, count(*) as n from embeddings group by model, dims").fetchall()
        similar = similar_applications(conn, postings["jd-senior-backend-engineer.txt"], LOCAL_MODEL_NAME)
    assert stored == [{"model": LOCAL_MODEL_NAME, "dims": 256, "n": 4}]
    assert [row["role_title"] for row in similar] == ["jd-backend-engineer.txt", "jd-product-manager.txt"]


def test_blank_text_stores_nothing(app):
    with anonymous_tx() as conn:
        person = create_user(conn, unique_email(), "hash", "Pat", "Person")
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Co", "Role", "x" * 60, None, None)
    embed_later(person, "   ", application_id=application_id).join(timeout=10)
    with user_tx(person) as conn:
        assert conn.execute("select count(*) as n from embeddings").fetchone()["n"] == 0


def test_a_vector_that_cannot_be_stored_is_logged_not_raised(app, caplog):
    """The generation job embeds after saving: a failure there must not take the saved document down."""
    with anonymous_tx() as conn:
        owner = create_user(conn, unique_email(), "hash", "Pat", "Person")
        other = create_user(conn, unique_email(), "hash", "Sam", "Other")
    with user_tx(owner) as conn:
        application_id = applications.create_application(conn, "Co", "Role", "x" * 60, None, None)
    embed_now(other, "Text about Kafka", application_id=application_id)  # RLS: not the other person's row
    assert "storing an embedding failed" in caplog.text
    assert "Kafka" not in caplog.text
    with user_tx(owner) as conn:
        assert conn.execute("select count(*) as n from embeddings").fetchone()["n"] == 0
