"""An import from start to end: export, then import into an empty account, gives the same applications."""

import threading
from datetime import date

import pytest

from applications_csv.mapping import propose
from applications_csv.reader import UnreadableFile, read_csv
from applications_export import PATH
from db import applications
from db.connection import user_tx
from db.dashboard import has_applications
from features.import_applications.run import clean_mapping, import_file
from tests.support import make_every_kind_of_application, make_person, sign_up_client


def test_export_then_import_into_an_empty_account_reproduces_every_field(app):
    person, client = sign_up_client(app)
    make_every_kind_of_application(person)
    exported = client.get(PATH).get_data()
    empty, empty_client = sign_up_client(app)

    header = read_csv(exported).header
    results = import_file(empty, exported, propose(header), day_first=False)

    assert [result.refused for result in results] == [[]] * 4
    assert [result.notes for result in results] == [[]] * 4
    with user_tx(person) as conn:
        before = [applications.get_application(conn, row["id"]) for row in _ids(conn)]
    with user_tx(empty) as conn:
        after = [applications.get_application(conn, row["id"]) for row in _ids(conn)]
    fields = [*applications.DETAIL_FIELDS, "status"]
    for was, now in zip(before, after, strict=True):
        assert {key: now[key] for key in fields} == {key: was[key] for key in fields}
    assert [row["archived_at"] is not None for row in after] == [row["archived_at"] is not None for row in before]
    assert [row["created_at"].date() for row in after] == [row["created_at"].date() for row in before]
    # And its own export is the same file, byte for byte.
    assert empty_client.get(PATH).get_data() == exported


def _ids(conn) -> list[dict]:
    return conn.execute("select id from applications order by updated_at desc, id desc").fetchall()


@pytest.mark.usefixtures("pool")
def test_a_file_that_cannot_be_read_changes_nothing():
    person = make_person()
    with pytest.raises(UnreadableFile):
        import_file(person, b"PK\x03\x04 a workbook", {"company": 0}, day_first=False)
    with user_tx(person) as conn:
        assert not has_applications(conn, person)


@pytest.mark.usefixtures("pool")
def test_bad_rows_are_refused_and_the_good_ones_imported_with_their_postings_embedded(monkeypatch):
    person = make_person()
    started = []
    monkeypatch.setattr("features.import_applications.run.embed_many_later", lambda *args: started.append(args))
    data = (
        b"Company,Job Title,Status,Date Applied,Description\r\n"
        b"Acme,Engineer,Ghosted,13/03/2026,We need a Go engineer for our payments platform\r\n"
        b",Analyst,Applied,2026-03-01,\r\n"
        b"Globex,SRE,Applied,someday,\r\n"
        b"Initech,Designer,Whatever,,\r\n"
    )
    mapping = propose(read_csv(data).header)
    results = import_file(person, data, mapping, day_first=True)
    assert [(r.number, r.application is not None) for r in results] == [(2, True), (3, False), (4, False), (5, True)]
    assert results[1].refused == ["No company."]
    assert results[2].refused[0].startswith("Applied on: “someday” is not a date")
    assert results[3].notes == ["Status: “Whatever” is not one Job Forge knows; imported as Draft."]
    with user_tx(person) as conn:
        rows = conn.execute("select company, status, applied_on from applications order by company").fetchall()
    assert rows == [
        {"company": "Acme", "status": "no_response", "applied_on": date(2026, 3, 13)},
        {"company": "Initech", "status": "draft", "applied_on": None},
    ]
    ((user_id, postings),) = started
    assert user_id == person
    assert [text for _id, text in postings] == ["We need a Go engineer for our payments platform"]


@pytest.mark.usefixtures("pool")
def test_imported_postings_are_embedded_for_search():
    person = make_person()
    data = b"Company,Role,Job description\nAcme,Engineer,Kubernetes operators written in Go\n"
    import_file(person, data, propose(read_csv(data).header), day_first=False)
    for worker in threading.enumerate():
        if worker.name == "embedding-import":
            worker.join(timeout=30)
    with user_tx(person) as conn:
        count = conn.execute("select count(*) as n from embeddings where application_id is not null").fetchone()
    assert count["n"] == 1


def test_a_mapping_from_the_browser_keeps_only_fields_and_columns_of_the_file():
    chosen = {"company": 0, "role_title": 5, "notes": "1", "status": True, "user_id": 1, "location": 1}
    assert {k: v for k, v in clean_mapping(chosen, columns=3).items() if v is not None} == {"company": 0, "location": 1}
