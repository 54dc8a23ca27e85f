"""Server-side checks of what people type into forms; each returns {field: message}."""

import re
from datetime import date, time
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from db.applications import PRIORITIES
from db.interviews import KINDS as INTERVIEW_KINDS

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 72  # bcrypt reads only the first 72 bytes
MIN_JOB_DESCRIPTION_LENGTH = 50
MIN_RESUME_LENGTH = 100
MAX_TEXT_LENGTH = 100_000
# Far beyond any resume or letter; every save keeps a full copy, and export and search read it whole.
# sql/migrations/0003_bounded_text.sql holds the same number.
MAX_DOCUMENT_LENGTH = 100_000


# PostgreSQL refuses NUL in text and UTF-8 cannot encode a lone surrogate; the other C0
# controls (all but tab, newline, carriage return) are invisible in a form and only
# arrive by pasting, so they go by the same rule.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def drop_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text)


def invisible_characters_error(text: str) -> str | None:
    if _INVISIBLE.search(text):
        return "Remove the hidden control characters from this field."
    return None


def document_length_error(text: str, verb: str) -> str | None:
    """Why `text` is too long to be a document, naming what the person tried: "save", "download"."""
    if len(text) > MAX_DOCUMENT_LENGTH:
        return (
            f"This text has {len(text):,} characters; a document can have at most {MAX_DOCUMENT_LENGTH:,}. "
            f"Shorten it to {verb}; your text is still here."
        )
    return None


def email_error(email: str) -> str | None:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return "Enter a valid email address, like name@example.com."
    return None


def password_error(password: str) -> str | None:
    # A callback's JSON can carry a lone surrogate, which no keyboard types and bcrypt's bytes cannot hold.
    if _SURROGATE.search(password):
        return "Use only characters you can type; this password holds an unreadable one."
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if len(password.encode()) > MAX_PASSWORD_LENGTH:
        return f"Use at most {MAX_PASSWORD_LENGTH} bytes."
    return None


def _clean(value) -> str:
    # Values come from the browser: anything that is not text counts as empty.
    return value.strip() if isinstance(value, str) else ""


def _length_error(text: str, minimum: int, what: str) -> str | None:
    if len(text) < minimum:
        return f"{what} needs at least {minimum} characters (it has {len(text)})."
    if len(text) > MAX_TEXT_LENGTH:
        return f"{what} can be at most {MAX_TEXT_LENGTH:,} characters."
    return None


def url_error(url: str) -> str | None:
    message = "Enter a web address starting with http:// or https://."
    try:
        parts = urlsplit(url)
        host = parts.hostname  # parsing the host raises for a malformed one, such as "http://[::1"
    except ValueError:
        return message
    if parts.scheme not in ("http", "https") or not host or any(ch.isspace() for ch in parts.netloc):
        return message
    return None


def _invisible_errors(**fields) -> dict:
    return {key: problem for key, value in fields.items() if (problem := invisible_characters_error(_clean(value)))}


def validate_application(company, role_title, job_description, job_url, location) -> dict:
    """Errors by field; the long job description's invisible characters are the caller's to drop."""
    errors = {}
    for key, value, what in (("company", company, "the company's name"), ("role_title", role_title, "the role title")):
        if not _clean(value):
            errors[key] = f"Enter {what}."
        elif len(_clean(value)) > 200:
            errors[key] = f"Keep {what} under 200 characters."
    description_error = _length_error(_clean(job_description), MIN_JOB_DESCRIPTION_LENGTH, "The job description")
    if description_error:
        errors["job_description"] = description_error
    if _clean(job_url) and (problem := url_error(_clean(job_url))):
        errors["job_url"] = problem
    elif len(_clean(job_url)) > 2000:
        errors["job_url"] = "Keep the web address under 2,000 characters."
    if len(_clean(location)) > 200:
        errors["location"] = "Keep the location under 200 characters."
    return errors | _invisible_errors(company=company, role_title=role_title, job_url=job_url, location=location)


def validate_resume(name, content) -> dict:
    """Errors by field; the pasted content's invisible characters are the caller's to drop."""
    errors = {}
    if not _clean(name):
        errors["name"] = "Give the resume a name, like “Backend 2026”."
    elif len(_clean(name)) > 200:
        errors["name"] = "Keep the name under 200 characters."
    content_error = _length_error(_clean(content), MIN_RESUME_LENGTH, "The resume")
    if content_error:
        errors["content"] = content_error
    return errors | _invisible_errors(name=name)


# What "Edit details" accepts beyond validate_application's fields.
MAX_SALARY = 1_000_000_000  # far beyond any salary, well inside the integer column
MAX_SOURCE_LENGTH = 200
EARLIEST_YEAR, LATEST_YEAR = 1970, 2100  # a date outside these is a typo (a five-digit year)
_AMOUNT = re.compile("[0-9]+")
_THOUSANDS = re.compile(r"[\s,_]")  # "120,000" and "120 000" are how people write amounts
_ISO_DATE = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CURRENCY = re.compile("[A-Z]{3}")


def salary_value(text) -> int | None:
    """A salary as typed ("120,000"), None when empty; ValueError saying why when it is no whole amount."""
    amount = _THOUSANDS.sub("", _clean(text))
    if not amount:
        return None
    if amount.startswith("-") and _AMOUNT.fullmatch(amount[1:]):
        raise ValueError("Enter an amount of 0 or more.")
    if not _AMOUNT.fullmatch(amount):
        raise ValueError("Enter a whole number, like 120000.")
    if int(amount) > MAX_SALARY:
        raise ValueError(f"Enter an amount up to {MAX_SALARY:,}.")
    return int(amount)


def date_value(text) -> date | None:
    """A date input's value (YYYY-MM-DD), None when empty; ValueError saying why when it is no date."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    try:
        if not _ISO_DATE.fullmatch(cleaned):
            raise ValueError
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError("Enter a date like 2026-12-01.") from None
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValueError(f"Enter a date between {EARLIEST_YEAR} and {LATEST_YEAR}.")
    return day


def currency_value(text) -> str | None:
    """A currency code upper-cased ("eur" is EUR), None when empty; ValueError when not 3 letters."""
    code = _clean(text).upper()
    if code and not _CURRENCY.fullmatch(code):
        raise ValueError("Use a 3-letter currency code, like USD or EUR.")
    return code or None


def _parse_error(parse, value) -> str | None:
    try:
        parse(value)
    except ValueError as error:
        return str(error)
    return None


def validate_details(values: dict) -> dict:
    """Errors by field for every DETAIL_FIELDS value as typed.

    The job description's and the notes' invisible characters are the caller's to drop."""
    errors = validate_application(
        *(values.get(key) for key in ("company", "role_title", "job_description", "job_url", "location"))
    )
    for key, parse in (
        ("salary_min", salary_value),
        ("salary_max", salary_value),
        ("salary_currency", currency_value),
        ("applied_on", date_value),
        ("follow_up_on", date_value),
    ):
        if problem := _parse_error(parse, values.get(key)):
            errors[key] = problem
    if "salary_min" not in errors and "salary_max" not in errors:
        low, high = salary_value(values.get("salary_min")), salary_value(values.get("salary_max"))
        if low is not None and high is not None and high < low:
            errors["salary_max"] = "“Salary to” can't be below “Salary from”."
    if len(_clean(values.get("source"))) > MAX_SOURCE_LENGTH:
        errors["source"] = f"Keep the source under {MAX_SOURCE_LENGTH} characters."
    if values.get("priority") not in PRIORITIES:
        errors["priority"] = "Choose Low, Normal or High."
    notes = values.get("notes") if isinstance(values.get("notes"), str) else ""
    if len(notes.strip()) > MAX_TEXT_LENGTH:
        errors["notes"] = f"Notes can be at most {MAX_TEXT_LENGTH:,} characters (they have {len(notes.strip()):,})."
    return errors | _invisible_errors(source=values.get("source"), salary_currency=values.get("salary_currency"))


def clean_details(values: dict) -> dict:
    """The changes to save from values that passed validate_details: trimmed, parsed, empty as None."""
    cleaned = {key: _clean(values.get(key)) for key in ("company", "role_title", "job_description")}
    for key in ("job_url", "location", "source"):
        cleaned[key] = _clean(values.get(key)) or None
    return cleaned | {
        "salary_min": salary_value(values.get("salary_min")),
        "salary_max": salary_value(values.get("salary_max")),
        "salary_currency": currency_value(values.get("salary_currency")),
        "priority": values["priority"],
        "notes": _clean(values.get("notes")),
        "applied_on": date_value(values.get("applied_on")),
        "follow_up_on": date_value(values.get("follow_up_on")),
    }


# Interviews and contacts; sql/migrations/0004_tracking.sql holds the same limits.
MAX_CONTACT_FIELD = 200
MAX_CONTACT_EMAIL = 320
MAX_TRACKING_NOTES = 20_000
_TIME = re.compile("[0-9]{2}:[0-9]{2}(:[0-9]{2})?")  # what a time input sends: 14:30 or 14:30:00


def time_value(text) -> time:
    """A time input's value; ValueError saying why when it is no time of day."""
    cleaned = _clean(text)
    try:
        if not _TIME.fullmatch(cleaned):
            raise ValueError
        return time.fromisoformat(cleaned)
    except ValueError:
        raise ValueError("Enter a time like 14:30.") from None


def _notes_error(notes: str) -> str | None:
    if len(notes) > MAX_TRACKING_NOTES:
        return f"Keep the notes under {MAX_TRACKING_NOTES:,} characters (they have {len(notes):,})."
    return None


def validate_interview(day, time_of_day, kind, notes: str) -> dict:
    """Errors by field; the notes' invisible characters are the caller's to drop."""
    errors = {}
    for key, value, parse, missing in (
        ("date", day, date_value, "Enter the date of the interview."),
        ("time", time_of_day, time_value, "Enter the time it starts."),
    ):
        if not _clean(value):
            errors[key] = missing
        elif problem := _parse_error(parse, value):
            errors[key] = problem
    if kind not in INTERVIEW_KINDS:
        errors["kind"] = "Choose the kind of interview."
    if problem := _notes_error(notes):
        errors["notes"] = problem
    return errors


def validate_contact(name, role, email, notes: str) -> dict:
    """Errors by field; short fields refuse invisible characters, the notes' are the caller's to drop."""
    errors = {}
    name, role, email = _clean(name), _clean(role), _clean(email)
    if not name:
        errors["name"] = "Enter the contact's name."
    elif len(name) > MAX_CONTACT_FIELD:
        errors["name"] = f"Keep the name under {MAX_CONTACT_FIELD} characters."
    if len(role) > MAX_CONTACT_FIELD:
        errors["role"] = f"Keep the role under {MAX_CONTACT_FIELD} characters."
    if len(email) > MAX_CONTACT_EMAIL:
        errors["email"] = f"Keep the email under {MAX_CONTACT_EMAIL} characters."
    elif email and (problem := email_error(email)):
        errors["email"] = problem
    if problem := _notes_error(notes):
        errors["notes"] = problem
    return errors | _invisible_errors(name=name, role=role, email=email)
