"""The export's cells: formula starts neutralised so that restoring gives back exactly what was there."""

from datetime import UTC, date, datetime

import pytest

from applications_csv.cells import COLUMNS, HEADER, cells, neutralise, restore


@pytest.mark.parametrize("text", ["=1+1", "+31 20 555", "-5", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")'])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Acme", "", "'quoted", "''", "1=1", " =padded", "Notes\n=line two"])
def test_a_cell_that_would_not_run_is_left_alone(text):
    assert neutralise(text) == text


@pytest.mark.parametrize(
    "text",
    ["=1+1", "'=1+1", "''=1+1", "'", "''", "'hello", "- bullet\n- two", "@team", "Acme", "", "=", "'-"],
)
def test_restore_gives_back_exactly_what_was_neutralised(text):
    assert restore(neutralise(text)) == text


def test_restore_takes_off_the_apostrophe_a_person_typed_before_a_formula_start():
    assert restore("'=not a formula") == "=not a formula"
    assert restore("'Company") == "'Company"


def _application(**changes) -> dict:
    application = {
        "company": "Acme",
        "role_title": "Engineer",
        "status": "no_response",
        "priority": "high",
        "applied_on": date(2026, 3, 1),
        "follow_up_on": None,
        "salary_min": 120000,
        "salary_max": None,
        "salary_currency": "EUR",
        "source": "=cmd|' /C calc'!A0",
        "location": None,
        "job_url": "https://example.com/jobs/1",
        "archived": True,
        "created_on": datetime(2026, 2, 27, 23, 0, tzinfo=UTC),
        "notes": "- ask about on-call",
        "job_description": "We build things.",
    }
    return application | changes


def test_every_field_becomes_a_cell_in_the_header_order():
    row = cells(_application())
    assert len(row) == len(HEADER) == len(COLUMNS)
    by_header = dict(zip(HEADER, row, strict=True))
    assert by_header == {
        "Company": "Acme",
        "Role": "Engineer",
        "Status": "No response",
        "Priority": "High",
        "Applied on": "2026-03-01",
        "Follow up on": "",
        "Salary from": "120000",
        "Salary to": "",
        "Currency": "EUR",
        "Source": "'=cmd|' /C calc'!A0",
        "Location": "",
        "Job URL": "https://example.com/jobs/1",
        "Archived": "yes",
        "Added on": "2026-02-27",
        "Notes": "'- ask about on-call",
        "Job description": "We build things.",
    }


def test_not_archived_is_an_empty_cell():
    assert cells(_application(archived=False))[HEADER.index("Archived")] == ""
