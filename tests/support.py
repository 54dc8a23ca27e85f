"""Factories for tests: people and their applications, made through the real data layer."""

from db import applications
from db.connection import anonymous_tx, user_tx
from db.users import create_user
from tests.conftest import unique_email

POSTING = "We are hiring a backend engineer for Go services and PostgreSQL. " * 2


def make_person(first_name: str = "Pat", last_name: str = "Person") -> str:
    """A new account (no password that signs in); returns its user id."""
    with anonymous_tx() as conn:
        return create_user(conn, unique_email(first_name.lower()), "not-a-hash", first_name, last_name)


def make_application(user_id, company: str = "Acme", role_title: str = "Engineer", **details):
    """An application of `user_id`'s; any field of applications.DETAIL_FIELDS may be given."""
    job_description = details.pop("job_description", POSTING)
    job_url = details.pop("job_url", None)
    location = details.pop("location", None)
    status = details.pop("status", None)
    with user_tx(user_id) as conn:
        application_id = applications.create_application(
            conn, company, role_title, job_description, job_url, location, **details
        )
        if status:
            applications.set_status(conn, application_id, status)
    return application_id
