"""The board's callback as the browser calls it, and as a tampered browser might."""

import pytest

from db.applications import STATUSES
from features.dashboard import board
from features.dashboard.controls import Ids as ControlIds
from tests.dash_requests import DashPage


def _board_body(page: DashPage, clicks: list | None) -> dict:
    callback = page.callback_for(ControlIds.VIEW, "value", board.Ids.DATA)
    body = page.body(callback, {(ControlIds.VIEW, "value"): "board"}, [f"{ControlIds.VIEW}.value"])
    if clicks is None:  # the pattern's entry left as one value, which Dash hands over as None
        return body
    more = [
        {"id": {"type": board.Ids.MORE, "status": status}, "property": "n_clicks", "value": value}
        for status, value in zip(STATUSES, clicks, strict=False)
    ]
    # The "Show more" buttons are a pattern-matching input; in the dependencies its id is a JSON string.
    body["inputs"] = [more if item["id"].startswith("{") else item for item in body["inputs"]]
    return body


@pytest.mark.parametrize("clicks", [None, [None] * len(STATUSES), ["x", {}, -5], []])
def test_show_more_clicks_that_are_not_clicks_show_the_first_page(client, auth, clicks):
    auth.register()
    page = DashPage(client, "/")
    response = page.post(_board_body(page, clicks))
    assert response.status_code == 200
    columns = response.get_json()["response"][board.Ids.DATA]["data"]["columns"]
    assert [column["status"] for column in columns][:2] == ["draft", "applied"]
