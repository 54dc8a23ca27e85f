"""CSRF protection covers Dash callbacks too: dash-renderer sends the cookie back as a header."""

import json

from features.dashboard.overview import Ids
from tests.dash_requests import DashPage


def _overview_callback(client) -> dict:
    page = DashPage(client, "/")
    callback = page.callback_for(Ids.refresh, "data", Ids.counts)
    return page.body(callback, {(Ids.refresh, "data"): 0}, [f"{Ids.refresh}.data"])


def test_callback_without_csrf_header_is_refused(client, auth):
    auth.register()
    response = client.post("/_dash-update-component", json=_overview_callback(client))
    assert response.status_code == 400


def test_callback_with_csrf_header_runs(client, auth):
    auth.register()
    body = _overview_callback(client)
    token = client.get_cookie("_csrf_token").value
    response = client.post("/_dash-update-component", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert "No applications yet" in json.dumps(response.get_json())


def test_cross_site_text_plain_post_is_refused(client, auth):
    auth.register()
    body = json.dumps(_overview_callback(client))
    response = client.post("/_dash-update-component", data=body, headers={"Content-Type": "text/plain"})
    assert response.status_code in (400, 415)
