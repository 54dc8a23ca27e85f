"""db.application_transfer: many applications written in one go with their timelines, and read back for export."""

from datetime import date

import psycopg
import pytest

from db import events
from db.application_transfer import IMPORT_COLUMNS, export_rows, import_rows
from db.connection import user_tx
from db.dashboard import has_applications
from tests.support import EVERY_FIELD, make_application, make_person

pytestmark = pytest.mark.usefixtures("pool")


def _row(**changes) -> dict:
    return {
        "company": "Acme",
        "role_title": "Engineer",
        "job_description": "",
        "job_url": None,
        "location": None,
        "status": "draft",
        "salary_min": None,
        "salary_max": None,
        "salary_currency": None,
        "source": None,
        "priority": "normal",
        "notes": "",
        "applied_on": None,
        "follow_up_on": None,
        "archived": False,
        "created_on": None,
    } | changes


def test_imported_rows_keep_every_field_and_the_files_order():
    person = make_person()
    # archived and created_on are the import's own: an application made otherwise starts unarchived, today.
    rows = [
        _row(**EVERY_FIELD, archived=True, created_on=date(2026, 2, 20)),
        _row(company="Globex"),
        _row(company="Initech"),
    ]
    with user_tx(person) as conn:
        ids = import_rows(conn, rows)
        exported = list(export_rows(conn))
    assert len(ids) == 3
    assert [row["company"] for row in exported] == [EVERY_FIELD["company"], "Globex", "Initech"]
    every = exported[0]
    assert {key: every[key] for key in IMPORT_COLUMNS if key != "created_on"} == {
        key: value for key, value in rows[0].items() if key != "created_on"
    }
    assert every["created_on"].date() == date(2026, 2, 20)


def test_each_imported_row_has_created_imported_and_its_status_on_the_timeline():
    person = make_person()
    with user_tx(person) as conn:
        offer, draft = import_rows(conn, [_row(status="offer"), _row(company="Draft Co")])
        offer_events = events.list_for(conn, offer)
        draft_events = events.list_for(conn, draft)
    assert [(e["kind"], e["to_status"]) for e in offer_events] == [
        ("status", "offer"),
        ("imported", None),
        ("created", None),
    ]
    assert [e["kind"] for e in draft_events] == ["imported", "created"]


def test_a_row_the_database_refuses_leaves_nothing_of_the_import():
    person = make_person()
    with pytest.raises(psycopg.errors.CheckViolation), user_tx(person) as conn:
        import_rows(conn, [_row(company="Fine"), _row(company="Bad", salary_min=10, salary_max=5)])
    with user_tx(person) as conn:
        assert not has_applications(conn, person)
        assert conn.execute("select count(*) as n from application_events").fetchone()["n"] == 0


def test_an_import_writes_only_the_current_persons_rows_and_the_export_reads_only_theirs():
    person, other = make_person(), make_person("Other")
    make_application(other, "Theirs")
    with user_tx(person) as conn:
        import_rows(conn, [_row(company="Mine")])
        assert [row["company"] for row in export_rows(conn)] == ["Mine"]
    with user_tx(other) as conn:
        assert [row["company"] for row in export_rows(conn)] == ["Theirs"]


def test_five_thousand_rows_in_one_go():
    person = make_person()
    with user_tx(person) as conn:
        ids = import_rows(conn, [_row(company=f"Company {n}") for n in range(5000)])
        exported = [row["company"] for row in export_rows(conn, batch=700)]
    assert len(set(ids)) == 5000
    assert exported == [f"Company {n}" for n in range(5000)]


def test_nothing_to_import_writes_nothing():
    person = make_person()
    with user_tx(person) as conn:
        assert import_rows(conn, []) == []
        assert not has_applications(conn, person)
