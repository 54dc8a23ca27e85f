"""db.applications: what the validators accept is saved and read back exactly, as the application role."""

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import validators
from db import applications
from db.connection import user_tx
from tests.property.strategies import typed_text

pytestmark = pytest.mark.usefixtures("pool")
DETAILS = ("company", "role_title", "job_description", "job_url", "location")


def _messages_only(errors: dict) -> bool:
    return all(isinstance(message, str) and message.strip() for message in errors.values())


new_applications = st.fixed_dictionaries(
    {
        "company": typed_text.map(lambda text: text[:190] + " Co"),
        "role_title": typed_text.map(lambda text: "Engineer " + text[:190]),
        "job_description": typed_text.map(lambda text: "We hire. " * 6 + text),
        "job_url": st.one_of(st.just(""), typed_text.map(lambda text: "https://jobs.example/" + text)),
        "location": typed_text,
    }
)


@given(new_applications)
@example(dict.fromkeys(DETAILS, "") | {"company": "Acme\x00", "role_title": "Dev", "job_description": "x" * 60})
@example(dict.fromkeys(DETAILS, "") | {"company": "Acme", "role_title": "Dev", "job_description": "\x00\ud800" * 60})
def test_an_accepted_new_application_reads_back_as_saved(person, typed):
    # As pages/new_application.py saves: the posting's invisible characters dropped, the fields trimmed.
    values = typed | {"job_description": validators.drop_invisible(typed["job_description"])}
    errors = validators.validate_application(*(values[key] for key in DETAILS))
    assert _messages_only(errors)
    if errors:
        return
    saved = {key: values[key].strip() for key in DETAILS}
    saved |= {"job_url": saved["job_url"] or None, "location": saved["location"] or None}
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, *(saved[key] for key in DETAILS))
    with user_tx(person) as conn:
        stored = applications.get_application(conn, application_id)
    assert {key: stored[key] for key in DETAILS} == saved


days = st.dates(date(validators.EARLIEST_YEAR, 1, 1), date(validators.LATEST_YEAR, 12, 31))
detail_changes = st.fixed_dictionaries(
    {
        "company": typed_text.map(lambda text: "Co " + text[:190]),
        "role_title": typed_text.map(lambda text: text[:190] + " Lead"),
        "job_description": typed_text.map(lambda text: text + " and more." * 6),
        "job_url": st.just(""),
        "location": typed_text,
        "source": typed_text,
        "notes": typed_text,
        "salary_min": st.one_of(st.just(""), st.integers(0, 10**6).map(str)),
        "salary_max": st.one_of(st.just(""), st.integers(10**6, validators.MAX_SALARY).map("{:,}".format)),
        "salary_currency": st.one_of(st.just(""), st.from_regex("[a-zA-Z]{3}", fullmatch=True)),
        "priority": st.sampled_from(applications.PRIORITIES),
        "applied_on": st.one_of(st.just(""), days.map(str)),
        "follow_up_on": st.one_of(st.just(""), days.map(str)),
    }
)


@given(detail_changes)
def test_accepted_details_read_back_as_cleaned(person, typed):
    # As features/application/details_form.py saves: long texts' invisible characters dropped, then cleaned.
    values = typed | {key: validators.drop_invisible(typed[key]) for key in ("job_description", "notes")}
    errors = validators.validate_details(values)
    assert _messages_only(errors)
    if errors:
        return
    changes = validators.clean_details(values)
    with user_tx(person) as conn:
        application_id = applications.create_application(conn, "Acme", "Engineer", "A posting. " * 5, None, None)
        applications.update_details(conn, application_id, changes)
    with user_tx(person) as conn:
        stored = applications.get_application(conn, application_id)
    assert {key: stored[key] for key in changes} == changes
