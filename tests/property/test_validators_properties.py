"""validators.py on any input: a message per field, or the value accepted and storable as it will be saved."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

import validators
from db.applications import DETAIL_FIELDS, PRIORITIES
from tests.property.strategies import any_text, any_value

# What PostgreSQL cannot store in text (NUL) or UTF-8 cannot encode (lone surrogates).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Beyond every length limit validators.py sets (100,000 at most); built by repetition, as generating
# it character by character is slow.
huge_text = st.builds(
    lambda text, length: ((text or "x") * (length // len(text or "x") + 1))[:length],
    any_text,
    st.integers(100_001, 110_000),
)
field_text = st.one_of(any_value, huge_text)


def _is_messages(errors: dict, fields) -> bool:
    return set(errors) <= set(fields) and all(isinstance(m, str) and m.strip() for m in errors.values())


def _storable(*values) -> bool:
    return all(not isinstance(value, str) or not _UNSTORABLE.search(value) for value in values)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


@given(field_text, field_text, field_text, field_text, field_text)
@example("Acme\x00", "Engineer", "x" * 60, "", "")
@example("Acme", "\ud800", "x" * 60, "", "")
def test_an_application_is_refused_with_messages_or_saved_as_typed(company, role_title, job_description, url, location):
    job_description = validators.drop_invisible(_text(job_description))  # as pages/new_application.py does
    errors = validators.validate_application(company, role_title, job_description, url, location)
    fields = ("company", "role_title", "job_description", "job_url", "location")
    assert _is_messages(errors, fields)
    short = {"company": company, "role_title": role_title, "job_url": url, "location": location}
    for key, value in short.items():
        if validators.invisible_characters_error(_text(value).strip()):
            assert key in errors
    if not errors:
        saved = [_text(value).strip() for value in (*short.values(), job_description)]
        assert _storable(*saved)
        assert 0 < len(saved[0]) <= 200 and 0 < len(saved[1]) <= 200
        assert validators.MIN_JOB_DESCRIPTION_LENGTH <= len(saved[4]) <= validators.MAX_TEXT_LENGTH


@given(field_text, field_text)
def test_a_resume_is_refused_with_messages_or_saved_as_typed(name, content):
    content = validators.drop_invisible(_text(content))  # as features/resumes/form.py does
    errors = validators.validate_resume(name, content)
    assert _is_messages(errors, ("name", "content"))
    if validators.invisible_characters_error(_text(name).strip()):
        assert "name" in errors
    if not errors:
        assert _storable(_text(name).strip(), content.strip())
        assert validators.MIN_RESUME_LENGTH <= len(content.strip()) <= validators.MAX_TEXT_LENGTH


detail_values = st.fixed_dictionaries(
    {key: field_text for key in DETAIL_FIELDS if key != "priority"}
    | {"priority": st.one_of(st.sampled_from(PRIORITIES), any_value)}
)


@given(detail_values)
@example(dict.fromkeys(DETAIL_FIELDS, "") | {"company": "A", "role_title": "B", "job_description": "j" * 50})
def test_details_are_refused_with_messages_or_cleaned_into_storable_values(values):
    for key in ("job_description", "notes"):  # as features/application/details_form.py does
        values[key] = validators.drop_invisible(_text(values[key]))
    errors = validators.validate_details(values)
    assert _is_messages(errors, DETAIL_FIELDS)
    if not errors:
        cleaned = validators.clean_details(values)
        assert set(cleaned) <= set(DETAIL_FIELDS)
        assert _storable(*cleaned.values())
        low, high = cleaned["salary_min"], cleaned["salary_max"]
        assert low is None or high is None or low <= high


@given(field_text, field_text, field_text, any_text)
def test_a_contact_is_refused_with_messages_or_storable(name, role, email, notes):
    notes = validators.drop_invisible(notes).strip()  # as features/application/contacts.py does
    errors = validators.validate_contact(name, role, email, notes)
    assert _is_messages(errors, ("name", "role", "email", "notes"))
    if not errors:
        assert _storable(*(_text(value).strip() for value in (name, role, email)), notes)


@given(any_value, any_value, any_value, any_text)
def test_an_interview_is_refused_with_messages_or_has_a_date_and_time(day, time_of_day, kind, notes):
    errors = validators.validate_interview(day, time_of_day, kind, validators.drop_invisible(notes))
    assert _is_messages(errors, ("date", "time", "kind", "notes"))
    if not errors:
        assert validators.date_value(day) is not None and validators.time_value(time_of_day) is not None


@given(
    st.sampled_from([validators.salary_value, validators.date_value, validators.currency_value, validators.time_value]),
    field_text,
)
def test_value_readers_return_a_value_or_say_why_in_words(read, value):
    try:
        read(value)
    except ValueError as error:
        assert str(error).strip()


@given(field_text)
@example("\ud800" * 10)
@example("correct horse \udfff")
def test_a_password_is_refused_with_a_message_or_fits_bcrypt(password):
    problem = validators.password_error(_text(password))
    assert problem is None or problem.strip()
    if problem is None:
        assert len(password) >= validators.MIN_PASSWORD_LENGTH and len(password.encode()) <= 72


@given(field_text)
@example("name\ud800@example.com")
@example("name\x00@example.com")
def test_an_email_is_refused_with_a_message_or_storable(email):
    problem = validators.email_error(_text(email))
    assert problem is None or problem.strip()
    if problem is None:
        assert _storable(email)


@given(field_text)
def test_a_document_is_refused_only_past_its_length_limit(text):
    text = _text(text)
    problem = validators.document_length_error(text, "save")
    assert (problem is None) == (len(text) <= validators.MAX_DOCUMENT_LENGTH)
    assert problem is None or "your text is still here" in problem


@given(any_text)
def test_dropping_invisible_characters_keeps_everything_else_in_order(text):
    dropped = validators.drop_invisible(text)
    assert validators.invisible_characters_error(dropped) is None and _storable(dropped)
    assert dropped == "".join(ch for ch in text if not validators.invisible_characters_error(ch))
