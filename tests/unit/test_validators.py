"""Form validation rules."""

import pytest

from validators import email_error, password_error, validate_application, validate_resume

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
