"""Proposing which column is which field, and reading rows into applications or refusals with reasons."""

from datetime import date

from applications_csv.cells import HEADER
from applications_csv.mapping import convert, convert_row, is_own_export, propose, propose_day_first
from applications_csv.reader import read_csv


def test_the_projects_own_export_maps_every_column_to_its_field():
    mapping = propose(HEADER)
    assert is_own_export(HEADER)
    assert mapping["salary"] is None
    assert {name: HEADER[index] for name, index in mapping.items() if index is not None} == {
        "company": "Company",
        "role_title": "Role",
        "status": "Status",
        "priority": "Priority",
        "applied_on": "Applied on",
        "follow_up_on": "Follow up on",
        "salary_min": "Salary from",
        "salary_max": "Salary to",
        "salary_currency": "Currency",
        "source": "Source",
        "location": "Location",
        "job_url": "Job URL",
        "archived": "Archived",
        "created_on": "Added on",
        "notes": "Notes",
        "job_description": "Job description",
    }


def test_other_trackers_column_names_are_recognised():
    header = [
        "Company Name",
        "Position",
        "Stage",
        "Date Applied",
        "Link",
        "Salary",
        "Comments",
        "Excitement",
        "Ignored",
    ]
    mapping = propose(header)
    assert {name: header[index] for name, index in mapping.items() if index is not None} == {
        "company": "Company Name",
        "role_title": "Position",
        "status": "Stage",
        "applied_on": "Date Applied",
        "job_url": "Link",
        "salary": "Salary",
        "notes": "Comments",
        "priority": "Excitement",
    }
    assert not is_own_export(header)


def test_job_title_and_url_headers():
    mapping = propose(["Job Title", "Company", "URL", "Status"])
    assert (mapping["role_title"], mapping["company"], mapping["job_url"], mapping["status"]) == (0, 1, 2, 3)


def test_the_date_order_is_proposed_from_the_dates_in_the_file():
    def proposal(*dates):
        csv_file = read_csv(("Company,Role,Date Applied\n" + "".join(f"A,R,{d}\n" for d in dates)).encode())
        return propose_day_first(csv_file, propose(csv_file.header))

    assert proposal("03/04/2026", "25/04/2026") is True
    assert proposal("03/04/2026", "04/25/2026") is False
    assert proposal("03/04/2026", "2026-04-25") is None  # nothing tells
    assert proposal("13/04/2026", "04/13/2026") is None  # the file contradicts itself


def test_a_row_becomes_an_application_with_every_field():
    result = convert_row(
        7,
        {
            "company": " Acme ",
            "role_title": "Engineer",
            "status": "Ghosted",
            "applied_on": "1 Mar 2026",
            "salary": "$120k - 150k",
            "job_url": "https://acme.example/jobs/1",
            "notes": "'=SUM(A1)",
            "archived": "yes",
        },
        day_first=False,
    )
    assert result.refused == [] and result.notes == []
    assert result.number == 7
    assert result.application == {
        "company": "Acme",
        "role_title": "Engineer",
        "location": None,
        "source": None,
        "job_url": "https://acme.example/jobs/1",
        "notes": "=SUM(A1)",
        "job_description": "",
        "status": "no_response",
        "priority": "normal",
        "applied_on": date(2026, 3, 1),
        "follow_up_on": None,
        "created_on": None,
        "salary_min": 120000,
        "salary_max": 150000,
        "salary_currency": "USD",
        "archived": True,
    }


def test_refused_rows_say_every_reason():
    result = convert_row(
        3,
        {"company": "", "role_title": "Engineer", "applied_on": "someday", "salary_min": "lots", "archived": "maybe"},
        day_first=False,
    )
    assert result.application is None
    assert result.refused[0] == "No company."
    assert any(reason.startswith("Applied on: “someday” is not a date") for reason in result.refused)
    assert any(reason.startswith("Salary: “lots” is not an amount") for reason in result.refused)
    assert any(reason.startswith("Archived:") for reason in result.refused)


def test_what_was_read_differently_is_noted():
    result = convert_row(
        2, {"company": "Acme", "role_title": "SRE", "status": "Maybe", "job_url": "acme.example/jobs"}, False
    )
    assert result.application["status"] == "draft"
    assert result.application["job_url"] == "https://acme.example/jobs"
    assert result.notes == [
        "Job URL: read “acme.example/jobs” as https://acme.example/jobs.",
        "Status: “Maybe” is not one Job Forge knows; imported as Draft.",
    ]


def test_bad_urls_long_fields_and_upside_down_salaries_are_refused():
    result = convert_row(
        2,
        {"company": "A" * 201, "role_title": "SRE", "job_url": "ftp://x", "salary_min": "9", "salary_max": "5"},
        False,
    )
    assert result.application is None
    assert result.refused == [
        "Company has 201 characters; at most 200 fit.",
        "Job URL: “ftp://x” is not a web address starting with http:// or https://.",
        "Salary: “to” (5) is below “from” (9).",
    ]


def test_convert_reads_each_row_through_the_mapping():
    csv_file = read_csv(b"Position,Company,Ignored\nEngineer,Acme,x\nAnalyst,,y\n")
    results = convert(csv_file, propose(csv_file.header), day_first=False)
    assert [(r.number, r.company, r.role_title, r.application is not None) for r in results] == [
        (2, "Acme", "Engineer", True),
        (3, "", "Analyst", False),
    ]
