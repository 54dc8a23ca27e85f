"""The duplicate notice: same company, same URL or a nearly identical posting, of the person's own."""

from ai.indexing import embed_now
from db.connection import user_tx
from features.new_application.duplicate_notice import find_earlier
from tests.conftest import fixture_text
from tests.support import make_application, make_person

BACKEND = fixture_text("jd-backend-engineer.txt")
SENIOR_BACKEND = fixture_text("jd-senior-backend-engineer.txt")


def _with_posting_vector(person, company: str, posting: str):
    application_id = make_application(person, company=company, job_description=posting)
    embed_now(person, posting, application_id=application_id)
    return application_id


def test_same_company_in_other_letters_and_punctuation(app):
    person = make_person()
    earlier = make_application(person, company="Acme, Inc.")
    with user_tx(person) as conn:
        assert [row["id"] for row in find_earlier(conn, "ACME inc", "", "")] == [earlier]
        assert find_earlier(conn, "Globex", "", "") == []


def test_same_posting_lightly_edited_is_found_and_a_neighbouring_role_is_not(app):
    person = make_person()
    earlier = _with_posting_vector(person, "Acme", BACKEND)
    lines = BACKEND.splitlines()
    edited = "\n".join(line for number, line in enumerate(lines) if number % 5 != 2)
    with user_tx(person) as conn:
        assert [row["id"] for row in find_earlier(conn, "Another name", "", edited)] == [earlier]
        assert find_earlier(conn, "Another name", "", SENIOR_BACKEND) == []


def test_another_persons_applications_are_never_mentioned(app):
    owner, other = make_person(), make_person("Other")
    _with_posting_vector(owner, "Acme", BACKEND)
    with user_tx(other) as conn:
        assert find_earlier(conn, "Acme", "", BACKEND) == []
