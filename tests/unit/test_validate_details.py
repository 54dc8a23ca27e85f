"""The rules of "Edit details": every field's message, and the values saved once they pass."""

from datetime import date

import pytest

from validators import clean_details, validate_details

POSTING = "We are hiring a backend engineer to build Go services on Kubernetes."
VALID = {
    "company": " Acme ",
    "role_title": "Engineer",
    "job_description": POSTING,
    "job_url": "",
    "location": "",
    "salary_min": "120,000",
    "salary_max": "150 000",
    "salary_currency": "eur",
    "source": "LinkedIn",
    "priority": "high",
    "notes": "Ask about *on-call*.\n",
    "applied_on": "2026-11-20",
    "follow_up_on": "",
}


def test_valid_details_have_no_errors_and_are_cleaned():
    assert validate_details(VALID) == {}
    assert clean_details(VALID) == {
        "company": "Acme",
        "role_title": "Engineer",
        "job_description": POSTING,
        "job_url": None,
        "location": None,
        "salary_min": 120000,
        "salary_max": 150000,
        "salary_currency": "EUR",
        "source": "LinkedIn",
        "priority": "high",
        "notes": "Ask about *on-call*.",
        "applied_on": date(2026, 11, 20),
        "follow_up_on": None,
    }


def test_everything_optional_may_be_empty():
    empty = dict.fromkeys(VALID, "") | {"company": "Acme", "role_title": "Engineer", "job_description": POSTING}
    assert validate_details(empty | {"priority": "normal"}) == {}
    cleaned = clean_details(empty | {"priority": "normal"})
    assert cleaned["salary_min"] is cleaned["salary_currency"] is cleaned["applied_on"] is None
    assert cleaned["notes"] == ""


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"company": ""}, "company", "Enter the company's name."),
        ({"role_title": " "}, "role_title", "Enter the role title."),
        ({"job_description": "short"}, "job_description", "at least 50 characters (it has 5)"),
        ({"job_url": "ftp://acme.example"}, "job_url", "http:// or https://"),
        ({"location": "x" * 201}, "location", "Keep the location under 200 characters."),
        ({"salary_min": "12.5"}, "salary_min", "Enter a whole number, like 120000."),
        ({"salary_min": "lots"}, "salary_min", "Enter a whole number, like 120000."),
        ({"salary_min": "-5"}, "salary_min", "Enter an amount of 0 or more."),
        ({"salary_max": "٣٠٠"}, "salary_max", "Enter a whole number, like 120000."),  # digits, but not 0-9
        ({"salary_max": "9" * 11}, "salary_max", "Enter an amount up to 1,000,000,000."),
        ({"salary_max": "100000"}, "salary_max", "“Salary to” can't be below “Salary from”."),
        ({"salary_currency": "EURO"}, "salary_currency", "Use a 3-letter currency code, like USD or EUR."),
        ({"salary_currency": "E1R"}, "salary_currency", "Use a 3-letter currency code, like USD or EUR."),
        ({"source": "s" * 201}, "source", "Keep the source under 200 characters."),
        ({"source": "Link\x07edIn"}, "source", "Remove the hidden control characters"),
        ({"priority": "urgent"}, "priority", "Choose Low, Normal or High."),
        ({"priority": None}, "priority", "Choose Low, Normal or High."),
        ({"notes": "n" * 100_001}, "notes", "Notes can be at most 100,000 characters (they have 100,001)."),
        ({"applied_on": "2026-02-30"}, "applied_on", "Enter a date like 2026-12-01."),
        ({"applied_on": "12/01/2026"}, "applied_on", "Enter a date like 2026-12-01."),
        ({"follow_up_on": "20266-01-01"}, "follow_up_on", "Enter a date like 2026-12-01."),
        ({"follow_up_on": "2201-01-01"}, "follow_up_on", "Enter a date between 1970 and 2100."),
    ],
)
def test_each_error_names_its_field(changes, field, message):
    errors = validate_details(VALID | changes)
    assert list(errors) == [field]
    assert message in errors[field]


def test_values_of_the_wrong_type_count_as_empty():
    errors = validate_details(VALID | {"company": ["Acme"], "salary_min": 5, "notes": {"x": 1}})
    assert errors == {"company": "Enter the company's name."}
