"""The plain-SQL data layer against real PostgreSQL, as the application role."""

import psycopg
import pytest

from db import applications, documents, resumes
from db.connection import anonymous_statement, anonymous_tx, user_tx
from db.users import EmailTaken, create_user, end_sessions, find_login, get_current_user, session_user
from tests.conftest import unique_email
from tests.support import make_person

RESUME = "Backend engineer. " * 10
POSTING = "We are hiring a backend engineer for Go services. " * 2


@pytest.fixture
def person(pool):
    with anonymous_tx() as conn:
        return create_user(conn, unique_email(), "hash", "Pat", "Person")


def test_create_user_refuses_duplicate_email_in_any_case(pool):
    email = unique_email("Case")
    with anonymous_tx() as conn:
        create_user(conn, email, "hash", "A", "B")
    with pytest.raises(EmailTaken), anonymous_tx() as conn:
        create_user(conn, email.upper(), "hash", "C", "D")


def test_find_login_and_profile_never_show_the_hash_to_the_profile(person):
    with user_tx(person) as conn:
        profile = get_current_user(conn)
    assert profile["first_name"] == "Pat"
    assert "password_hash" not in profile
    with anonymous_tx() as conn:
        assert find_login(conn, profile["email"].upper())["id"] == person
        assert find_login(conn, "nobody@example.com") is None


def test_a_session_finds_its_person_only_while_its_epoch_is_current(person):
    with anonymous_statement() as conn:
        profile = session_user(conn, person, 0)
        assert (profile["id"], profile["first_name"], profile["session_epoch"]) == (person, "Pat", 0)
        assert "password_hash" not in profile
        assert session_user(conn, person, 1) is None
        assert session_user(conn, make_person(), 1) is None
    with user_tx(person) as conn:
        end_sessions(conn)
    with anonymous_statement() as conn:
        assert session_user(conn, person, 0) is None
        assert session_user(conn, person, 1)["id"] == person


def test_a_session_check_sets_the_person_for_the_rest_of_its_transaction_only_when_it_finds_them(person):
    with anonymous_tx() as conn:
        assert session_user(conn, person, 1) is None
        assert conn.execute("select app_current_user_id() as id").fetchone()["id"] is None
        session_user(conn, person, 0)
        assert conn.execute("select app_current_user_id() as id").fetchone()["id"] == person
    with anonymous_tx() as conn:
        assert conn.execute("select app_current_user_id() as id").fetchone()["id"] is None


def test_application_role_cannot_read_password_hashes_directly(person):
    with pytest.raises(psycopg.errors.InsufficientPrivilege), user_tx(person) as conn:
        conn.execute("select password_hash from users")


def test_first_resume_is_primary_and_primary_can_move(person):
    with user_tx(person) as conn:
        first = resumes.create_resume(conn, "First", RESUME, False)
        second = resumes.create_resume(conn, "Second", RESUME, False)
        assert resumes.list_resumes(conn)[0]["id"] == first
        resumes.update_resume(conn, second, "Second", RESUME + "more", True)
        listed = resumes.list_resumes(conn)
    assert [(row["name"], row["is_primary"]) for row in listed] == [("Second", True), ("First", False)]


def test_a_resume_saved_elsewhere_since_it_was_loaded_is_not_overwritten(person):
    with user_tx(person) as conn:
        resume_id = resumes.create_resume(conn, "Main", RESUME, False)
        other = resumes.create_resume(conn, "Other", RESUME, False)
        loaded = {"name": "Main", "content": RESUME}
        resumes.update_resume(conn, other, "Other", RESUME, True)  # moving the primary flag changes no text
        assert resumes.update_resume(conn, resume_id, "Main", RESUME + " tab one", False, loaded)
        with pytest.raises(resumes.ResumeChanged) as changed:
            resumes.update_resume(conn, resume_id, "Main", RESUME + " tab two", False, loaded)
        assert changed.value.current["content"] == RESUME + " tab one"
        assert resumes.get_resume(conn, resume_id)["content"] == RESUME + " tab one"


def test_only_one_primary_resume_per_person(person):
    with user_tx(person) as conn:
        first = resumes.create_resume(conn, "First", RESUME, True)
        resumes.create_resume(conn, "Second", RESUME, False)
    with pytest.raises(psycopg.errors.UniqueViolation), user_tx(person) as conn:
        conn.execute("update user_resumes set is_primary = true")
    with user_tx(person) as conn:
        assert resumes.list_resumes(conn)[0]["id"] == first


def test_application_status_and_updated_at(person):
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Acme", "Engineer", POSTING, None, "Remote")
        created = applications.get_application(conn, application_id)
    with user_tx(person) as conn:
        assert applications.set_status(conn, application_id, "interview")
        updated = applications.get_application(conn, application_id)
        assert applications.count_by_status(conn) == {"interview": 1}
    assert updated["status"] == "interview"
    assert updated["updated_at"] > created["updated_at"]
    with pytest.raises(ValueError), user_tx(person) as conn:
        applications.set_status(conn, application_id, "ghosted")


def test_database_refuses_a_non_web_job_url(person):
    with pytest.raises(psycopg.errors.CheckViolation), user_tx(person) as conn:
        applications.create_application(conn, "Acme", "Engineer", POSTING, "javascript:alert(1)", None)


def test_every_save_is_a_version_and_stale_saves_conflict(person):
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Acme", "Engineer", POSTING, None, None)
        generated = documents.save_version(
            conn, application_id, "cover_letter", "Draft", "generated", None, provider="offline", model="m"
        )
        edited = documents.save_version(conn, application_id, "cover_letter", "Draft, edited", "edited", 1)
    assert (generated["version"], edited["version"]) == (1, 2)

    with pytest.raises(documents.VersionConflict) as conflict, user_tx(person) as conn:
        documents.save_version(conn, application_id, "cover_letter", "Edit from an old tab", "edited", 1)
    assert conflict.value.current["content"] == "Draft, edited"

    with user_tx(person) as conn:
        current = documents.get_document(conn, application_id, "cover_letter")
        history = documents.list_versions(conn, current["id"])
    assert (current["content"], current["origin"]) == ("Draft, edited", "edited")
    assert [(row["version"], row["origin"], row["provider"]) for row in history] == [
        (2, "edited", None),
        (1, "generated", "offline"),
    ]


def test_unchanged_status_writes_nothing(person):
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Acme", "Engineer", POSTING, None, None)
        before = applications.get_application(conn, application_id)["updated_at"]
    with user_tx(person) as conn:
        assert applications.set_status(conn, application_id, "draft") is False
        assert applications.get_application(conn, application_id)["updated_at"] == before


def test_retried_save_of_the_same_text_is_not_a_conflict(person):
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Acme", "Engineer", POSTING, None, None)
        documents.save_version(conn, application_id, "research", "Notes", "edited", 0)
        again = documents.save_version(conn, application_id, "research", "Notes", "edited", 0)
    assert again["version"] == 1


def test_saving_for_someone_elses_application_finds_nothing(person, pool):
    with anonymous_tx() as conn:
        other = create_user(conn, unique_email(), "hash", "Other", "Person")
    with user_tx(other) as conn:
        theirs = applications.create_application(conn, "Acme", "Engineer", POSTING, None, None)
        documents.save_version(conn, theirs, "research", "Private", "edited", 0)
    with pytest.raises(LookupError), user_tx(person) as conn:
        documents.save_version(conn, theirs, "research", "Hijack", "edited", None)


def test_primary_resume_can_be_unmarked(person):
    with user_tx(person) as conn:
        only = resumes.create_resume(conn, "Only", RESUME, True)
        resumes.update_resume(conn, only, "Only", RESUME, False)
        assert resumes.get_resume(conn, only)["is_primary"] is False
        assert resumes.list_resumes(conn)[0]["id"] == only  # still the default: the most recent one


def test_weekly_counts_cover_twelve_weeks_with_empty_ones(person):
    with user_tx(person) as conn:
        applications.create_application(conn, "Acme", "Engineer", POSTING, None, None)
        applications.create_application(conn, "Globex", "Engineer", POSTING, None, None)
        weeks = applications.weekly_counts(conn)
    assert len(weeks) == 12
    assert weeks[-1]["n"] == 2
    assert sum(week["n"] for week in weeks) == 2


def test_the_database_refuses_a_document_over_the_limit(person):
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Co", "Role", POSTING, None, None)
    with pytest.raises(psycopg.errors.CheckViolation), user_tx(person) as conn:
        documents.save_version(conn, application_id, "cover_letter", "x" * 100_001, "edited", None)


def test_a_document_at_the_limit_of_distinct_words_is_saved_and_searchable(person):
    """Distinct words make the largest full-text vector; at the limit it still fits PostgreSQL's 1 MB."""
    words = " ".join(f"w{number:06d}" for number in range(12_500))[:100_000]
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Co", "Role", POSTING, None, None)
        documents.save_version(conn, application_id, "research", words, "edited", None)
        found = conn.execute(
            "select count(*) as n from documents where search_tsv @@ to_tsquery('english', 'w012000')"
        ).fetchone()
    assert found["n"] == 1
