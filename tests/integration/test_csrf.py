"""CSRF protection covers Dash callbacks too: dash-renderer sends the cookie back as a header."""

import json

CALLBACK = {
    "output": "dashboard-content.children",
    "outputs": {"id": "dashboard-content", "property": "children"},
    "inputs": [{"id": "dashboard-content", "property": "id", "value": "dashboard-content"}],
    "changedPropIds": [],
    "state": [],
}


def test_callback_without_csrf_header_is_refused(client, auth):
    auth.register()
    response = client.post("/_dash-update-component", json=CALLBACK)
    assert response.status_code == 400


def test_callback_with_csrf_header_runs(client, auth):
    auth.register()
    client.get("/")
    token = client.get_cookie("_csrf_token").value
    response = client.post("/_dash-update-component", json=CALLBACK, headers={"X-CSRFToken": token})
    assert response.status_code == 200
    assert "No applications yet" in json.dumps(response.get_json())


def test_cross_site_text_plain_post_is_refused(client, auth):
    auth.register()
    response = client.post("/_dash-update-component", data=json.dumps(CALLBACK), headers={"Content-Type": "text/plain"})
    assert response.status_code in (400, 415)
