"""Export CSV and Import CSV in headless Chromium: the round trip into an empty account, and a file with bad rows."""

import time
from datetime import date
from pathlib import Path

from selenium.webdriver.common.by import By

from config import UPLOAD_MAX_BYTES
from db import events, users
from db.application_transfer import export_rows
from db.connection import anonymous_tx, user_tx
from features.dashboard.controls import Ids as ControlIds
from features.import_applications.ids import COLUMN_SELECTS, Ids
from features.import_applications.upload import TOO_LARGE
from tests.support import make_every_kind_of_application


def _signed_up(browser, first_name: str) -> str:
    email = browser.sign_up(first_name, "Importer")
    with anonymous_tx() as conn:
        return users.find_login(conn, email)["id"]


def _downloaded(folder: Path, suffix: str, timeout: float = 20) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [path for path in folder.glob(f"*{suffix}")]
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"nothing downloaded; the folder holds {[path.name for path in folder.iterdir()]}")


def _choose_file(browser, path: Path) -> None:
    upload = browser.component(Ids.upload)
    upload.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))


def _selected_column(browser, field: str) -> str:
    select = browser.component(COLUMN_SELECTS[field])
    return select.find_element(By.CSS_SELECTOR, "option:checked").text


def _both_widths(browser, name: str) -> None:
    browser.screenshot(name)
    browser.screenshot(f"{name}-phone", width=390)


def _applications(person) -> list[dict]:
    with user_tx(person) as conn:
        rows = list(export_rows(conn))
    return [row | {"created_on": row["created_on"].date()} for row in rows]


def test_export_then_import_into_an_empty_account_gives_the_same_applications(browser):
    person = _signed_up(browser, "Ada")
    make_every_kind_of_application(person)

    browser.open("/")
    browser.wait_for(
        lambda: browser.component(ControlIds.EXPORT) is not None and browser.component(ControlIds.EXPORT).is_displayed()
    )
    browser.click_link("Export CSV")
    exported = _downloaded(Path(browser.duo.download_path), ".csv")
    assert exported.name == f"job-forge-applications-{date.today().isoformat()}.csv"
    assert exported.read_bytes().startswith("\ufeffCompany,Role,Status".encode())
    assert browser.driver.current_url.endswith("/")  # a download, not a page change

    browser.log_out()
    empty = _signed_up(browser, "Bea")
    browser.click_link("Import from a CSV file")  # the empty dashboard's way in
    browser.wait_for(lambda: browser.component(Ids.upload) is not None)
    _choose_file(browser, exported)
    browser.wait_for(lambda: "This is a Job Forge export: every column is matched." in browser.text_of(Ids.about))
    assert _selected_column(browser, "job_description") == "Job description"
    assert _selected_column(browser, "salary") == "— not in the file —"
    browser.wait_for(lambda: "Will be imported" in browser.text_of(Ids.preview))
    _both_widths(browser, "import-mapping-own-export")
    browser.click_button("Import 4 rows")
    browser.wait_for(lambda: "Imported 4 applications." in browser.text_of(Ids.report), timeout=20)
    _both_widths(browser, "import-report-own-export")

    assert _applications(empty) == _applications(person)
    browser.click_link("See them on the dashboard")
    browser.wait_for(lambda: "Zürich Versicherung, AG" in browser.driver.find_element(By.TAG_NAME, "body").text)
    assert browser.duo.get_logs() == []


BAD_ROWS = (
    "Company;Job Title;Status;Date Applied;Link;Salary\r\n"
    "Acme;Backend Engineer;Interviewing;25/03/2026;acme.example/jobs/1;€60.000 - 70.000\r\n"
    ";Data Analyst;Applied;01/03/2026;;\r\n"
    "Globex;SRE;Ghosted;31/02/2026;;\r\n"
    "Initech;Designer;Maybe later;02/03/2026;https://initech.example/jobs/9;\r\n"
    "Umbrella;QA Lead;Applied;yesterday;;lots\r\n"
)


def test_a_file_with_bad_rows_imports_the_good_ones_and_reports_each(browser, tmp_path):
    person = _signed_up(browser, "Cy")
    not_csv = tmp_path / "resume.pdf"
    not_csv.write_bytes(b"%PDF-1.7 not a spreadsheet")
    tracker = tmp_path / "tracker.csv"
    tracker.write_text(BAD_ROWS, encoding="utf-8")

    too_large = tmp_path / "everything.csv"
    too_large.write_bytes(b"Company,Role\n" + b"x" * UPLOAD_MAX_BYTES)

    browser.open("/applications/import")
    browser.wait_for(lambda: browser.component(Ids.upload) is not None)
    _choose_file(browser, too_large)  # refused in the browser, before it is read
    browser.wait_for(lambda: browser.text_of(Ids.upload_message) == TOO_LARGE)
    _choose_file(browser, not_csv)
    browser.wait_for(
        lambda: "This is a PDF, not a CSV file. Nothing was imported." in browser.text_of(Ids.upload_message)
    )

    _choose_file(browser, tracker)
    browser.wait_for(lambda: "5 rows, UTF-8, columns separated by semicolons." in browser.text_of(Ids.about))
    assert browser.text_of(Ids.upload_message) == ""
    assert [_selected_column(browser, field) for field in ("company", "role_title", "status", "applied_on")] == [
        "Company",
        "Job Title",
        "Status",
        "Date Applied",
    ]
    assert (_selected_column(browser, "job_url"), _selected_column(browser, "salary")) == ("Link", "Salary")
    assert browser.field("Day first: 03/04/2026 is 3 April").is_selected()  # 25/03 can only be day first
    assert "Dates in this file only make sense day first." in browser.text_of(Ids.day_first_help)
    statuses = browser.text_of(Ids.statuses)
    assert "“Ghosted” → No response" in statuses
    assert "“Maybe later” → Draft (not a status Job Forge knows)" in statuses
    browser.wait_for(lambda: "Refused: No company." in browser.text_of(Ids.preview))
    assert "2026-03-25" in browser.text_of(Ids.preview)
    _both_widths(browser, "import-mapping-tracker")

    browser.click_button("Import 5 rows")
    browser.wait_for(lambda: "Imported 2 applications. 3 rows were refused" in browser.text_of(Ids.report), timeout=20)
    report = browser.text_of(Ids.report)
    assert "3 Data Analyst Refused: No company." in report
    assert "4 Globex SRE Refused: Applied on: There is no such date." in report
    assert "6 Umbrella QA Lead Refused: Applied on: “yesterday” is not a date" in report
    assert "Salary: “lots” is not an amount" in report
    assert "5 Initech Designer Imported. Status: “Maybe later” is not one Job Forge knows; imported as Draft." in report
    assert "2 Acme Backend Engineer Imported. Job URL: read “acme.example/jobs/1” as https://acme.example/jobs/1." in (
        report
    )
    _both_widths(browser, "import-report-tracker")

    with user_tx(person) as conn:
        saved = conn.execute(
            "select id, company, status, applied_on, job_url, salary_min, salary_max, salary_currency"
            " from applications order by company"
        ).fetchall()
        acme_events = [event["kind"] for event in events.list_for(conn, saved[0]["id"])]
    assert [{key: value for key, value in row.items() if key != "id"} for row in saved] == [
        {
            "company": "Acme",
            "status": "interview",
            "applied_on": date(2026, 3, 25),
            "job_url": "https://acme.example/jobs/1",
            "salary_min": 60000,
            "salary_max": 70000,
            "salary_currency": "EUR",
        },
        {
            "company": "Initech",
            "status": "draft",
            "applied_on": date(2026, 3, 2),
            "job_url": "https://initech.example/jobs/9",
            "salary_min": None,
            "salary_max": None,
            "salary_currency": None,
        },
    ]
    assert acme_events == ["status", "imported", "created"]
    browser.open(f"/applications/{saved[0]['id']}")
    browser.wait_for_text("Imported from a CSV file")
    assert browser.duo.get_logs() == []
