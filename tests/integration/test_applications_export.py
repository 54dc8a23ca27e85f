"""GET /applications/export.csv through Flask's test client: the signed-in person's applications only."""

import csv
import io
from datetime import date

from applications_csv.cells import HEADER
from applications_export import PATH
from db import applications
from db.connection import user_tx
from tests.support import make_application, make_person, sign_up_client


def _rows(response) -> list[dict]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    assert reader.fieldnames == HEADER
    return list(reader)


def test_the_export_is_a_csv_download_of_every_own_application_archived_too(app):
    person, client = sign_up_client(app)
    other = make_person("Other")
    older = make_application(person, "Acme", "Engineer", status="applied", salary_min=100000, notes="=2+2")
    archived = make_application(person, "Globex", "Analyst", follow_up_on=date(2026, 12, 24))
    with user_tx(person) as conn:
        applications.set_archived(conn, archived, True)
    make_application(other, "Not Mine Inc")

    response = client.get(PATH)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8; header=present"
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="job-forge-applications-{date.today().isoformat()}.csv"'
    assert "no-store" in response.headers["Cache-Control"]
    rows = _rows(response)
    assert [row["Company"] for row in rows] == ["Globex", "Acme"]  # newest change first, as the dashboard
    globex, acme = rows
    assert globex["Archived"] == "yes" and globex["Follow up on"] == "2026-12-24"
    assert acme["Archived"] == "" and acme["Status"] == "Applied" and acme["Salary from"] == "100000"
    assert acme["Notes"] == "'=2+2"
    with user_tx(person) as conn:
        assert acme["Applied on"] == applications.get_application(conn, older)["applied_on"].isoformat()


def test_signed_out_the_export_redirects_to_the_login(client):
    response = client.get(PATH)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_a_person_with_no_applications_gets_the_header_row(app):
    _person, client = sign_up_client(app)
    assert _rows(client.get(PATH)) == []
