"""The application record: details, status, archive, delete and duplicates, as the application role."""

from datetime import date

import psycopg
import pytest

from db import applications, documents, events, interviews, submissions
from db.connection import user_tx
from tests.support import EVERY_FIELD, make_application, make_person


@pytest.fixture
def person(pool):
    return make_person()


def test_every_detail_is_saved_and_read_back(person):
    application_id = make_application(person, job_description="Build things.")  # EVERY_FIELD has the default's
    changes = {name: EVERY_FIELD[name] for name in applications.DETAIL_FIELDS}
    with user_tx(person) as conn:
        saved = applications.update_details(conn, application_id, changes)
    with user_tx(person) as conn:
        again = applications.get_application(conn, application_id)
    assert {name: saved[name] for name in changes} == changes
    assert {name: again[name] for name in changes} == changes


def test_the_database_refuses_what_the_form_must_catch(person):
    application_id = make_application(person)
    for bad in ({"salary_min": 10, "salary_max": 5}, {"salary_currency": "euro"}, {"priority": "urgent"}):
        with pytest.raises(psycopg.errors.CheckViolation), user_tx(person) as conn:
            applications.update_details(conn, application_id, bad)


def test_first_move_to_applied_sets_applied_on_and_records_what_was_sent(person):
    application_id = make_application(person)
    with user_tx(person) as conn:
        documents.save_version(conn, application_id, "resume", "Resume v1", "generated", None)
        documents.save_version(conn, application_id, "cover_letter", "Letter v1", "generated", None)
        assert applications.set_status(conn, application_id, "applied")
        assert applications.get_application(conn, application_id)["applied_on"] == date.today()
        sent = submissions.list_for(conn, application_id)
    assert [(row["resume_version"], row["cover_letter_version"]) for row in sent] == [(1, 1)]
    with user_tx(person) as conn:
        documents.save_version(conn, application_id, "resume", "Resume v2, edited", "edited", 1)
        assert applications.set_status(conn, application_id, "interview")
        again = submissions.list_for(conn, application_id)
        text = submissions.sent_text(conn, again[0]["resume_version_id"])
    assert len(again) == 1
    assert text["content"] == "Resume v1"


def test_applied_on_already_set_is_kept(person):
    application_id = make_application(person, applied_on=date(2026, 11, 1))
    with user_tx(person) as conn:
        applications.set_status(conn, application_id, "applied")
        assert applications.get_application(conn, application_id)["applied_on"] == date(2026, 11, 1)


def test_status_changes_are_on_the_timeline_and_unchanged_status_writes_nothing(person):
    application_id = make_application(person)
    with user_tx(person) as conn:
        assert applications.set_status(conn, application_id, "applied")
        assert not applications.set_status(conn, application_id, "applied")
        assert applications.set_status(conn, application_id, "no_response")
        timeline = events.list_for(conn, application_id)
    moves = [(e["from_status"], e["to_status"]) for e in timeline if e["kind"] == "status"]
    assert moves == [("applied", "no_response"), ("draft", "applied")]
    assert {e["kind"] for e in timeline} == {"created", "status", "applied_on", "sent"}


def test_sent_versions_cannot_be_rewritten(person):
    application_id = make_application(person)
    with user_tx(person) as conn:
        documents.save_version(conn, application_id, "cover_letter", "Dear Acme", "generated", None)
        applications.set_status(conn, application_id, "applied")
    with pytest.raises(psycopg.errors.InsufficientPrivilege), user_tx(person) as conn:
        conn.execute("update document_versions set content = 'rewritten'")


def test_archive_hides_from_counts_and_unarchive_restores(person):
    application_id = make_application(person)
    with user_tx(person) as conn:
        assert applications.set_archived(conn, application_id, True)
        assert not applications.set_archived(conn, application_id, True)
        assert applications.count_by_status(conn) == {}
        assert applications.set_archived(conn, application_id, False)
        assert applications.count_by_status(conn) == {"draft": 1}


def test_delete_removes_everything_that_hangs_off_it(person):
    application_id = make_application(person)
    with user_tx(person) as conn:
        documents.save_version(conn, application_id, "cover_letter", "Dear Acme", "generated", None)
        interviews.add_interview(conn, application_id, "2026-12-10 09:00+00", "phone_screen")
        applications.set_status(conn, application_id, "applied")
        assert applications.delete_application(conn, application_id)
        for table in ("documents", "document_versions", "application_events", "interviews", "application_submissions"):
            assert conn.execute(f"select count(*) as n from {table}").fetchone()["n"] == 0, table
        assert not applications.delete_application(conn, application_id)


def test_duplicates_ignore_case_punctuation_and_trailing_slashes(person):
    first = make_application(person, company="Acme, Inc.", job_url="https://acme.example/jobs/7/")
    with user_tx(person) as conn:
        by_company = applications.find_duplicates(conn, "ACME inc", None)
        by_url = applications.find_duplicates(conn, "Other", "https://ACME.example/jobs/7")
        neither = applications.find_duplicates(conn, "Initech", "https://initech.example")
        itself = applications.find_duplicates(conn, "Acme Inc", None, exclude_id=first)
    assert [row["id"] for row in by_company] == [first]
    assert [row["id"] for row in by_url] == [first]
    assert neither == [] and itself == []


def test_duplicates_and_sources_are_the_persons_own(person):
    make_application(person, company="Acme", source="LinkedIn")
    make_application(person, company="Acme", source="LinkedIn")
    make_application(person, company="Globex", source="Referral")
    other = make_person("Other")
    make_application(other, company="Initech", source="Hacker News")
    with user_tx(other) as conn:
        assert applications.find_duplicates(conn, "Acme", None) == []
        assert applications.earlier_sources(conn) == ["Hacker News"]
    with user_tx(person) as conn:
        assert applications.earlier_sources(conn) == ["LinkedIn", "Referral"]
