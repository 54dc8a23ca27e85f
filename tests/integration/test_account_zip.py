"""Download all my data: the zip's files read back, only the person's own, streamed in chunks as it is written."""

import csv
import io
import json
import random
import zipfile

import psycopg
import pytest

from db import account_data, contacts, documents, interviews, resumes
from db.connection import user_tx
from exports import account_zip
from tests.support import make_application, make_person, sign_up_client


@pytest.fixture
def signed_in(app):
    """(the signed-in person's id, their test client)."""
    return sign_up_client(app)


def _fill(user_id) -> dict:
    """Two applications (one with a timeline, interview, contact and a cover letter in three versions), two resumes."""
    northwind = make_application(user_id, "Northwind", "Backend Engineer", status="applied", notes="=SUM(A1)")
    make_application(user_id, "Contoso", "Data Engineer", location="Lisbon")
    with user_tx(user_id) as conn:
        resumes.create_resume(conn, "Main resume", "# Jordan Ellis\n\nGo and PostgreSQL. " * 5, True)
        resumes.create_resume(conn, "Data", "# Jordan Ellis\n\nSpark and SQL. " * 5, False)
        interviews.add_interview(conn, northwind, "2026-12-10 15:00+00", "technical", "Bring the design doc")
        contacts.add_contact(conn, northwind, "Dana Cho", "Recruiter", "dana@northwind.example")
        for text, origin in (("Dear Northwind, v1", "generated"), ("Dear Northwind, v2", "edited")):
            documents.save_version(conn, northwind, "cover_letter", text, origin, None)
        documents.save_version(conn, northwind, "cover_letter", "Dear Northwind, v3", "edited", None)
    return {"northwind": northwind}


def _download(client) -> tuple[zipfile.ZipFile, object]:
    response = client.get(account_zip.EXPORT_PATH)
    assert response.status_code == 200
    assert response.is_streamed
    return zipfile.ZipFile(io.BytesIO(response.get_data())), response


def test_the_zip_holds_every_file_of_the_person_and_a_readme(signed_in):
    user_id, client = signed_in
    ids = _fill(user_id)
    other = make_person("Other")
    make_application(other, "Initech", "Someone Else's Role")

    archive, response = _download(client)

    assert response.mimetype == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="job-forge-data-')
    assert archive.testzip() is None
    names = archive.namelist()
    assert names[:3] == ["README.md", "applications.csv", "applications.json"]
    folder = f"documents/northwind-backend-engineer-{str(ids['northwind'])[:8]}"
    assert {f"{folder}/cover_letter.md", *(f"{folder}/cover_letter-v{n}.md" for n in (1, 2, 3))} <= set(names)
    assert archive.read(f"{folder}/cover_letter.md").decode() == "Dear Northwind, v3"
    assert archive.read(f"{folder}/cover_letter-v1.md").decode() == "Dear Northwind, v1"
    resume_files = sorted(name for name in names if name.startswith("resumes/"))
    assert len(resume_files) == 2 and resume_files[1].endswith("-primary.md")
    assert archive.read(resume_files[1]).decode().startswith("# Jordan Ellis\n\nGo and PostgreSQL.")
    readme = archive.read("README.md").decode()
    assert all(name in readme for name in ("applications.csv", "applications.json", "resumes/", "documents/"))

    everything = b"".join(archive.read(name) for name in names).decode("utf-8-sig")
    assert "Initech" not in everything


def test_applications_json_has_every_field_with_timeline_interviews_and_contacts(signed_in):
    user_id, client = signed_in
    ids = _fill(user_id)
    archive, _ = _download(client)

    saved = {item["company"]: item for item in json.loads(archive.read("applications.json"))}
    assert set(saved) == {"Northwind", "Contoso"}
    northwind = saved["Northwind"]
    assert set(account_data.APPLICATION_FIELDS) | {"events", "interviews", "contacts", "sent"} == set(northwind)
    assert northwind["id"] == str(ids["northwind"]) and northwind["status"] == "applied"
    assert northwind["notes"] == "=SUM(A1)"  # exactly as typed: JSON has no formulas to fear
    assert {"created", "status"} <= {event["kind"] for event in northwind["events"]}
    assert northwind["interviews"][0]["notes"] == "Bring the design doc"
    assert northwind["contacts"][0]["email"] == "dana@northwind.example"
    assert saved["Contoso"]["location"] == "Lisbon" and saved["Contoso"]["contacts"] == []


def test_applications_csv_is_the_export_csv(signed_in):
    user_id, client = signed_in
    _fill(user_id)
    archive, _ = _download(client)

    rows = list(csv.DictReader(io.StringIO(archive.read("applications.csv").decode("utf-8-sig"))))
    assert sorted(row["Company"] for row in rows) == ["Contoso", "Northwind"]
    assert next(row for row in rows if row["Company"] == "Northwind")["Notes"] == "'=SUM(A1)"
    assert archive.read("applications.csv") == client.get("/applications/export.csv").get_data()


def test_an_empty_account_gets_a_valid_zip(signed_in):
    _, client = signed_in
    archive, _ = _download(client)
    assert json.loads(archive.read("applications.json")) == []
    assert archive.read("applications.csv").decode("utf-8-sig").count("\r\n") == 1  # the header alone


def test_the_zip_is_streamed_as_it_is_written_not_built_in_memory(monkeypatch, pool):
    person = make_person("Big")
    words = random.Random(8).choices(["go", "rust", "kafka", "sql", "team", "scale", "cloud", "api"], k=9_000)
    for number in range(40):  # about 2 MB of postings that deflate cannot shrink to nothing
        text = " ".join(random.Random(number).sample(words, len(words)))
        make_application(person, f"Company {number}", "Engineer", job_description=text)
    pages_read = []
    read_page = account_data.applications_after
    monkeypatch.setattr(account_data, "applications_after", lambda *args: pages_read.append(1) or read_page(*args))

    chunks = account_zip.account_zip(person)
    first = next(chunks)
    assert first.startswith(b"PK") and pages_read == []  # the first bytes leave before any application is read
    rest = list(chunks)

    total = len(first) + sum(map(len, rest))
    assert len(pages_read) >= 40 // account_zip.APPLICATION_PAGE
    # Each application's JSON leaves as its own chunk; the CSV part goes in applications_csv's pieces.
    assert len(rest) >= 10 and max(map(len, rest)) < total / 2
    archive = zipfile.ZipFile(io.BytesIO(first + b"".join(rest)))
    assert len(json.loads(archive.read("applications.json"))) == 40


def test_signed_out_people_are_sent_to_log_in(app):
    response = app.server.test_client().get(account_zip.EXPORT_PATH)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_database_outage_is_the_503_page_not_a_broken_zip(signed_in, monkeypatch):
    _, client = signed_in

    def unavailable(_conn):
        raise psycopg.OperationalError("server closed the connection")

    monkeypatch.setattr(account_zip.resumes, "list_resumes", unavailable)
    response = client.get(account_zip.EXPORT_PATH)
    assert response.status_code == 503
    assert response.mimetype == "text/html" and "unavailable" in response.get_data(as_text=True)
