"""The import page's callbacks as the browser sends them, and as a forged request might."""

import base64

from db.connection import user_tx
from features.import_applications.ids import COLUMN_SELECTS, Ids
from features.import_applications.upload import NOT_IN_FILE
from tests.dash_requests import DashPage
from tests.support import sign_up_client

PATH = "/applications/import"
FILE = b"Company,Job Title,Status\r\nAcme,Engineer,Ghosted\r\n,Analyst,Applied\r\n"


def _contents(data: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(data).decode()


def _call(page: DashPage, trigger: tuple, values: dict):
    callback = page.callback_for(*trigger)
    return page.post(page.body(callback, {trigger: values.pop(trigger, 1), **values}, [".".join(trigger)]))


def _selected(company="0", role="1", status="2") -> dict:
    chosen = dict.fromkeys(COLUMN_SELECTS, NOT_IN_FILE) | {"company": company, "role_title": role, "status": status}
    return {(COLUMN_SELECTS[name], "value"): value for name, value in chosen.items()}


def test_reading_the_upload_proposes_the_columns(app):
    _person, client = sign_up_client(app)
    page = DashPage(client, PATH)
    response = _call(page, (Ids.upload, "contents"), {(Ids.upload, "contents"): _contents(FILE)})
    assert response.status_code == 200
    shown = response.get_json()["response"]
    assert shown[COLUMN_SELECTS["company"]]["value"] == "0"
    assert shown[COLUMN_SELECTS["role_title"]]["value"] == "1"
    assert shown[COLUMN_SELECTS["notes"]]["value"] == NOT_IN_FILE
    assert shown[Ids.summary]["data"]["count"] == 2


def test_the_import_saves_the_good_rows_for_the_signed_in_person_only(app):
    person, client = sign_up_client(app)
    other, _ = sign_up_client(app)
    page = DashPage(client, PATH)
    values = {(Ids.upload, "contents"): _contents(FILE), (Ids.day_first, "value"): "month", **_selected()}
    response = _call(page, (Ids.start, "n_clicks"), values)
    assert response.status_code == 200
    report = str(response.get_json()["response"][Ids.report]["children"])
    assert "Imported 1 application. 1 row was refused" in report
    with user_tx(person) as conn:
        assert [row["company"] for row in conn.execute("select company from applications").fetchall()] == ["Acme"]
    with user_tx(other) as conn:
        assert conn.execute("select count(*) as n from applications").fetchone()["n"] == 0


def test_without_a_file_the_import_says_so_and_saves_nothing(app):
    person, client = sign_up_client(app)
    page = DashPage(client, PATH)
    values = {(Ids.upload, "contents"): None, (Ids.day_first, "value"): "month", **_selected()}
    response = _call(page, (Ids.start, "n_clicks"), values)
    assert "could not be read" in str(response.get_json()["response"][Ids.start_message]["children"])
    with user_tx(person) as conn:
        assert conn.execute("select count(*) as n from applications").fetchone()["n"] == 0


def test_a_forged_summary_or_upload_is_a_400(app):
    _person, client = sign_up_client(app)
    page = DashPage(client, PATH)
    preview = {(Ids.summary, "data"): {"header": ["a", "b"], "rows": "nope"}, (Ids.day_first, "value"): "month"}
    assert _call(page, (Ids.summary, "data"), {**preview, **_selected()}).status_code == 400
    assert _call(page, (Ids.upload, "contents"), {(Ids.upload, "contents"): ["not", "text"]}).status_code == 400
