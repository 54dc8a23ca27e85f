"""Interviews and contacts callbacks with ids from the browser: someone else's id changes and shows nothing."""

import json

from db import contacts, interviews
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from tests.conftest import unique_email
from tests.dash_requests import DashPage
from tests.support import make_application, make_person


def _signed_in(client, auth):
    email = unique_email()
    auth.register(email=email)
    with anonymous_tx() as conn:
        return find_login(conn, email)["id"]


def _click_item(client, path: str, pattern: str, item_id) -> dict:
    """Posts the callback an item button (Edit, Remove) with `item_id` fires, as a click on it."""
    page = DashPage(client, path)
    pattern_id = json.dumps({"id": ["ALL"], "type": pattern}, separators=(",", ":"))  # as _dash-dependencies names it
    callback = next(dep for dep in page.callbacks if any(item["id"] == pattern_id for item in dep["inputs"]))
    body = page.body(callback, {}, [])
    button = {"id": {"type": pattern, "id": str(item_id)}, "property": "n_clicks", "value": 1}
    body["inputs"] = [[button] if item["id"] == pattern_id else item for item in body["inputs"]]
    body["changedPropIds"] = [json.dumps(button["id"], sort_keys=True, separators=(",", ":")) + ".n_clicks"]
    return page.post(body)


def test_someone_elses_interview_and_contact_cannot_be_removed_or_opened(client, auth):
    me = _signed_in(client, auth)
    path = f"/applications/{make_application(me)}"
    other = make_person("Other")
    theirs = make_application(other, company="Theirs Inc")
    with user_tx(other) as conn:
        interview_id = interviews.add_interview(conn, theirs, "2026-12-08 15:00+00", "final", "Secret notes")
        contact_id = contacts.add_contact(conn, theirs, "Secret Person", None, "secret@theirs.example")

    for pattern, item_id in (("interview-remove", interview_id), ("contact-remove", contact_id)):
        assert _click_item(client, path, pattern, item_id).status_code in (200, 204)
    for pattern, item_id in (("interview-edit", interview_id), ("contact-edit", contact_id)):
        response = _click_item(client, path, pattern, item_id)
        assert response.status_code == 200
        assert "Secret" not in response.get_data(as_text=True)  # the form is emptied, never filled with theirs

    with user_tx(other) as conn:
        assert [row["id"] for row in interviews.list_for(conn, theirs)] == [interview_id]
        assert [row["id"] for row in contacts.list_for(conn, theirs)] == [contact_id]
