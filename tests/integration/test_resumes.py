"""Renaming and deleting resumes (db/resumes.py) in real PostgreSQL as the application role."""

import pytest

from db import documents, resumes
from db.connection import user_tx
from tests.support import make_application, make_person

RESUME = "Backend engineer with Go and PostgreSQL. " * 5


@pytest.fixture
def person(pool):
    return make_person()


def _primary_names(conn) -> list[str]:
    return [row["name"] for row in resumes.list_resumes(conn) if row["is_primary"]]


def test_a_rename_alone_keeps_the_text_and_the_primary_mark(person):
    with user_tx(person) as conn:
        resume_id = resumes.create_resume(conn, "Backend", RESUME, True)
        loaded = {"name": "Backend", "content": RESUME}
        assert resumes.update_resume(conn, resume_id, "Backend 2026", RESUME, True, loaded)
        renamed = resumes.get_resume(conn, resume_id)
    assert (renamed["name"], renamed["content"], renamed["is_primary"]) == ("Backend 2026", RESUME, True)


def test_deleting_another_resume_leaves_the_primary_one(person):
    with user_tx(person) as conn:
        primary = resumes.create_resume(conn, "Main", RESUME, True)
        other = resumes.create_resume(conn, "Other", RESUME, False)
        assert resumes.delete_resume(conn, other)
        assert [row["id"] for row in resumes.list_resumes(conn)] == [primary]
        assert _primary_names(conn) == ["Main"]


def test_deleting_the_primary_resume_makes_the_chosen_one_primary(person):
    with user_tx(person) as conn:
        primary = resumes.create_resume(conn, "Main", RESUME, True)
        resumes.create_resume(conn, "Older", RESUME, False)
        chosen = resumes.create_resume(conn, "Chosen", RESUME, False)
        assert resumes.delete_resume(conn, primary, chosen)
        assert _primary_names(conn) == ["Chosen"]


def test_deleting_the_primary_resume_with_none_chosen_leaves_none_primary(person):
    with user_tx(person) as conn:
        primary = resumes.create_resume(conn, "Main", RESUME, True)
        resumes.create_resume(conn, "Other", RESUME, False)
        assert resumes.delete_resume(conn, primary, None)
        assert _primary_names(conn) == []
        assert [row["name"] for row in resumes.list_resumes(conn)] == ["Other"]


def test_the_next_primary_is_not_chosen_when_a_resume_that_was_not_primary_is_deleted(person):
    with user_tx(person) as conn:
        resumes.create_resume(conn, "Main", RESUME, True)
        other = resumes.create_resume(conn, "Other", RESUME, False)
        third = resumes.create_resume(conn, "Third", RESUME, False)
        assert resumes.delete_resume(conn, other, third)
        assert _primary_names(conn) == ["Main"]


def test_another_persons_resume_can_be_neither_deleted_nor_made_primary(person):
    someone_else = make_person("Sam", "Other")
    with user_tx(someone_else) as conn:
        theirs = resumes.create_resume(conn, "Theirs", RESUME, False)
        their_other = resumes.create_resume(conn, "Their other", RESUME, False)
        resumes.update_resume(conn, their_other, "Their other", RESUME, True)
    with user_tx(person) as conn:
        mine = resumes.create_resume(conn, "Mine", RESUME, True)
        assert resumes.delete_resume(conn, theirs) is False
        assert resumes.delete_resume(conn, mine, theirs)  # their id as the next primary changes nothing
    with user_tx(someone_else) as conn:
        assert [(row["name"], row["is_primary"]) for row in resumes.list_resumes(conn)] == [
            ("Their other", True),
            ("Theirs", False),
        ]


def test_deleting_a_resume_that_is_gone_already_says_so(person):
    with user_tx(person) as conn:
        resume_id = resumes.create_resume(conn, "Main", RESUME, True)
        assert resumes.delete_resume(conn, resume_id)
        assert resumes.delete_resume(conn, resume_id) is False


def test_documents_generated_from_a_deleted_resume_keep_their_text(person):
    application_id = make_application(person)
    with user_tx(person) as conn:
        resume_id = resumes.create_resume(conn, "Main", RESUME, True)
        conn.execute(
            "insert into embeddings (user_id, resume_id, model, dims, embedding)"
            " values (app_current_user_id(), %s, 'test', 3, '[1,0,0]')",
            (resume_id,),
        )
        documents.save_version(conn, application_id, "resume", "# Tailored\nBackend engineer, Go.", "generated", None)
        assert resumes.delete_resume(conn, resume_id)
        kept = documents.get_document(conn, application_id, "resume")
        left = conn.execute("select count(*) as n from embeddings where resume_id = %s", (resume_id,)).fetchone()
    assert kept["content"] == "# Tailored\nBackend engineer, Go."
    assert left["n"] == 0  # the resume's own vector goes with it
