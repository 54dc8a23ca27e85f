"""Callback requests of a shape the page never sends get a 400 and one log line, not a 500 and a traceback."""

import logging

import pytest

from features.dashboard import table
from tests.dash_requests import DashPage


def _table_body(page: DashPage) -> dict:
    callback = page.callback_for(table.Ids.GRID, "getRowsRequest")
    request = {"startRow": 0, "endRow": table.BLOCK, "sortModel": [], "filterModel": {}, "context": {}}
    return page.body(callback, {(table.Ids.GRID, "getRowsRequest"): request}, [f"{table.Ids.GRID}.getRowsRequest"])


def _without(body: dict, key: str) -> dict:
    return {name: value for name, value in body.items() if name != key}


MALFORMED = {
    "a list": lambda body: [body],
    "a string": lambda body: "x",
    "null": lambda body: None,
    "an empty object": lambda body: {},
    "no output": lambda body: _without(body, "output"),
    "an unknown output": lambda body: body | {"output": "nothing-here.children"},
    "an output that is a number": lambda body: body | {"output": 5},
    "inputs missing": lambda body: _without(body, "inputs"),
    "inputs not a list": lambda body: body | {"inputs": "x"},
    "inputs of text": lambda body: body | {"inputs": ["x"]},
    "one input too few": lambda body: body | {"inputs": []},
    "one input too many": lambda body: body | {"inputs": body["inputs"] * 2},
    "an input without an id": lambda body: body | {"inputs": [{"property": "getRowsRequest", "value": {}}]},
    "another component's input": lambda body: body | {"inputs": [dict(body["inputs"][0], id="elsewhere")]},
    "state not a list": lambda body: body | {"state": "x"},
    "outputs missing": lambda body: _without(body, "outputs"),
    "outputs of text": lambda body: body | {"outputs": "x"},
    "changedPropIds a number": lambda body: body | {"changedPropIds": 5},
    "changedPropIds of numbers": lambda body: body | {"changedPropIds": [5]},
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_body_is_refused_without_a_traceback(client, auth, caplog, name):
    auth.register()
    page = DashPage(client, "/")
    body = MALFORMED[name](_table_body(page))
    with caplog.at_level(logging.WARNING):
        response = client.post(f"/_dash-update-component?endId={page.end_id}", json=body, headers=page.headers)
    assert response.status_code == 400
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []
    assert any(record.getMessage().startswith("Refused a callback request") for record in caplog.records)


def test_a_body_that_is_not_json_is_refused(client, auth):
    auth.register()
    page = DashPage(client, "/")
    response = client.post(
        f"/_dash-update-component?endId={page.end_id}",
        data=b"output=x",
        headers=page.headers | {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400


def test_the_body_the_page_sends_is_answered(client, auth):
    auth.register()
    page = DashPage(client, "/")
    response = page.post(_table_body(page))
    assert response.status_code == 200
    assert response.get_json()["response"][table.Ids.GRID]["getRowsResponse"]["rowData"] == []


def test_a_malformed_body_from_someone_signed_out_is_a_401(client):
    response = client.post("/_dash-update-component", json={})
    assert response.status_code == 401
