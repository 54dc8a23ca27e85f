"""Cells from other trackers read as Job Forge values: dates, statuses, priorities, salaries, yes/no."""

from datetime import date

import pytest

from applications_csv.values import (
    amount_cell,
    date_cell,
    numeric_order,
    priority_cell,
    salary_cell,
    status_cell,
    yes_no_cell,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        ("2026-3-1", date(2026, 3, 1)),
        ("2026/03/01", date(2026, 3, 1)),
        ("2026-03-01T09:30:00Z", date(2026, 3, 1)),
        ("2026-03-01 09:30:00+01:00", date(2026, 3, 1)),
        ("1 Mar 2026", date(2026, 3, 1)),
        ("01-Mar-2026", date(2026, 3, 1)),
        ("March 1, 2026", date(2026, 3, 1)),
        ("Sun, 1st March 2026", date(2026, 3, 1)),
        ("1 Sept 2026", date(2026, 9, 1)),
        ("  ", None),
        ("", None),
    ],
)
def test_dates_in_common_forms(text, expected):
    assert date_cell(text, day_first=False) == expected
    assert date_cell(text, day_first=True) == expected  # none of these depends on the order


def test_slashed_dates_follow_the_order_chosen_and_dotted_ones_are_day_first():
    assert date_cell("03/04/2026", day_first=False) == date(2026, 3, 4)
    assert date_cell("03/04/2026", day_first=True) == date(2026, 4, 3)
    assert date_cell("3/4/26 9:30 AM", day_first=False) == date(2026, 3, 4)
    assert date_cell("03.04.2026", day_first=False) == date(2026, 4, 3)


@pytest.mark.parametrize(
    ("text", "order"),
    [("13/04/2026", "day"), ("04/13/2026", "month"), ("03/04/2026", None), ("13.04.2026", None), ("x", None)],
)
def test_the_order_a_slashed_date_shows(text, order):
    assert numeric_order(text) == order


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("02/30/2026", "no such date"),
        ("13/13/2026", "no such date"),
        ("1 Mar 1900", "between 1970 and 2100"),
        ("soon", "not a date"),
        ("2026", "not a date"),
        ("Mar 2026", "not a date"),
    ],
)
def test_what_is_no_date_says_why(text, message):
    with pytest.raises(ValueError, match=message):
        date_cell(text, day_first=False)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Applied", "applied"),
        ("INTERVIEWING", "interview"),
        ("Phone screen", "interview"),
        ("Offer", "offer"),
        ("Rejected", "rejected"),
        ("Ghosted", "no_response"),
        ("No response", "no_response"),
        ("no_response", "no_response"),
        ("Wishlist", "draft"),
        ("Bookmarked", "draft"),
        ("Withdrawn", "withdrawn"),
        ("", "draft"),
    ],
)
def test_statuses_of_other_trackers_map_to_ours(text, status):
    assert status_cell(text) == (status, True)


def test_an_unknown_status_is_a_draft_and_says_it_was_not_recognised():
    assert status_cell("Maybe later") == ("draft", False)


@pytest.mark.parametrize(
    ("text", "priority"), [("High", "high"), ("medium", "normal"), ("1", "low"), ("5", "high"), ("", "normal")]
)
def test_priorities(text, priority):
    assert priority_cell(text) == (priority, True)
    assert priority_cell("whenever") == ("normal", False)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("120000", 120000),
        ("120,000", 120000),
        ("120 000", 120000),
        ("120.000", 120000),
        ("$120K", 120000),
        ("120000.00", 120000),
        ("", None),
    ],
)
def test_amounts(text, amount):
    assert amount_cell(text) == amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120000", (120000, None, None)),
        ("$120k - 150k", (120000, 150000, "USD")),
        ("EUR 50.000 to 60.000", (50000, 60000, "EUR")),
        ("£45,000–£55,000 per year", (45000, 55000, "GBP")),
        ("90k/yr", (90000, None, None)),
        ("", (None, None, None)),
    ],
)
def test_salaries_as_amounts_or_ranges(text, expected):
    assert salary_cell(text) == expected


@pytest.mark.parametrize("text", ["competitive", "1-2-3", "-5000", "12e9"])
def test_what_is_no_salary_says_why(text):
    with pytest.raises(ValueError, match="not an amount"):
        salary_cell(text)


def test_yes_and_no():
    assert [yes_no_cell(text) for text in ("yes", "TRUE", "1", "x", "", "no", "False")] == [True] * 4 + [False] * 3
    with pytest.raises(ValueError, match="neither yes nor no"):
        yes_no_cell("maybe")
