"""The rules for interviews and contacts: each message, including what a browser's own inputs never send."""

from datetime import time

import pytest

from validators import time_value, validate_contact, validate_interview


def test_a_complete_interview_passes():
    assert validate_interview("2026-12-08", "15:00", "onsite", "Bring a laptop") == {}


@pytest.mark.parametrize(
    ("day", "time_of_day", "kind", "notes", "expected"),
    [
        ("", "", "onsite", "", {"date": "Enter the date of the interview.", "time": "Enter the time it starts."}),
        ("2026-02-30", "15:00", "onsite", "", {"date": "Enter a date like 2026-12-01."}),
        ("12/08/2026", "15:00", "onsite", "", {"date": "Enter a date like 2026-12-01."}),
        ("20260-12-08", "15:00", "onsite", "", {"date": "Enter a date like 2026-12-01."}),
        ("2026-12-08", "25:00", "onsite", "", {"time": "Enter a time like 14:30."}),
        ("2026-12-08", "3pm", "onsite", "", {"time": "Enter a time like 14:30."}),
        ("2026-12-08", "15:00", "lunch", "", {"kind": "Choose the kind of interview."}),
        ("2026-12-08", "15:00", None, "", {"kind": "Choose the kind of interview."}),
        (
            "2026-12-08",
            "15:00",
            "final",
            "x" * 20_001,
            {"notes": "Keep the notes under 20,000 characters (they have 20,001)."},
        ),
    ],
)
def test_each_interview_message(day, time_of_day, kind, notes, expected):
    assert validate_interview(day, time_of_day, kind, notes) == expected


def test_a_time_input_may_send_seconds():
    assert time_value("09:05:30") == time(9, 5, 30)


def test_a_contact_needs_only_a_name():
    assert validate_contact("Sam Lee", "", "", "") == {}
    assert validate_contact("Sam Lee", "Recruiter", "sam@contoso.example", "Met at a meetup") == {}


@pytest.mark.parametrize(
    ("name", "role", "email", "expected"),
    [
        ("  ", "", "", {"name": "Enter the contact's name."}),
        (
            "S" * 201,
            "R" * 201,
            "",
            {"name": "Keep the name under 200 characters.", "role": "Keep the role under 200 characters."},
        ),
        ("Sam", "", "sam@", {"email": "Enter a valid email address, like name@example.com."}),
        ("Sam", "", "a" * 310 + "@example.com", {"email": "Keep the email under 320 characters."}),
        (
            "Sam\x07",
            "Re\x00cruiter",
            "",
            {
                "name": "Remove the hidden control characters from this field.",
                "role": "Remove the hidden control characters from this field.",
            },
        ),
    ],
)
def test_each_contact_message(name, role, email, expected):
    assert validate_contact(name, role, email, "") == expected
