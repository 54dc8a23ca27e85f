"""Form validation rules."""

import pytest

from validators import (
    drop_invisible,
    email_error,
    invisible_characters_error,
    password_error,
    validate_application,
    validate_resume,
)

POSTING = "We are hiring a backend engineer to build Go services on Kubernetes."


def test_valid_application_has_no_errors():
    assert validate_application("Acme", "Engineer", POSTING, "https://acme.example/jobs/1", "Remote") == {}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (("", "Engineer", POSTING, "", ""), "company", "Enter the company's name."),
        (("Acme", "   ", POSTING, "", ""), "role_title", "Enter the role title."),
        (("Acme", "Engineer", "short", "", ""), "job_description", "at least 50 characters (it has 5)"),
        (("Acme", "Engineer", POSTING, "ftp://acme.example", ""), "job_url", "http:// or https://"),
        (("Acme", "Engineer", POSTING, "acme.example/jobs", ""), "job_url", "http:// or https://"),
        (("Acme", "Engineer", POSTING, "javascript:alert(1)", ""), "job_url", "http:// or https://"),
        (("Acme", "Engineer", POSTING, "http://[::1", ""), "job_url", "http:// or https://"),
        (("Acme", "Engineer", POSTING, "https://a:b@[x]/", ""), "job_url", "http:// or https://"),
        (("Acme", "Engineer", POSTING, "https://exa mple.com/jobs", ""), "job_url", "http:// or https://"),
        ((["Acme"], "Engineer", POSTING, None, ""), "company", "Enter the company's name"),
    ],
)
def test_application_errors_name_the_field(fields, field, message):
    errors = validate_application(*fields)
    assert list(errors) == [field]
    assert message in errors[field]


def test_resume_needs_a_name_and_100_characters():
    errors = validate_resume("", "x" * 99)
    assert set(errors) == {"name", "content"}
    assert "at least 100 characters (it has 99)" in errors["content"]
    assert validate_resume("Main", "x" * 100) == {}


@pytest.mark.parametrize("email", ["name@example.com", "first.last+jobs@sub.example.org"])
def test_good_emails(email):
    assert email_error(email) is None


@pytest.mark.parametrize("email", ["", "name", "name@", "@example.com", "a b@example.com"])
def test_bad_emails(email):
    assert email_error(email)


def test_password_length_rules():
    assert password_error("123456789") == "Use at least 10 characters."
    assert password_error("1234567890") is None
    assert "at most 72 bytes" in password_error("é" * 40)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Acme\x00 Corp", "Acme Corp"),
        ("lone \ud800 high and \udfff low", "lone  high and  low"),
        ("bell\x07 escape\x1b form\x0c vertical\x0b", "bell escape form vertical"),
        ("tab\tnewline\ncarriage\r\n", "tab\tnewline\ncarriage\r\n"),
        ("accents é, emoji 😀, CJK 職", "accents é, emoji 😀, CJK 職"),
    ],
)
def test_drop_invisible_keeps_what_a_person_can_see(text, kept):
    assert drop_invisible(text) == kept


@pytest.mark.parametrize("text", ["Ac\x00me", "\ud800", "x\x1fy"])
def test_invisible_characters_are_named(text):
    assert invisible_characters_error(text) == "Remove the hidden control characters from this field."


@pytest.mark.parametrize("text", ["", "Acme", "two\nlines\twith tab\r\n", "😀 職"])
def test_visible_text_has_no_invisible_characters_error(text):
    assert invisible_characters_error(text) is None
