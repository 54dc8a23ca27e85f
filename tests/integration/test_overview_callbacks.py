"""The overview's callbacks through the Flask test client: what they send, and follow-ups only of one's own."""

import json
from datetime import date, timedelta

import pytest

from db import applications
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from features.dashboard.overview import Ids
from tests.conftest import unique_email
from tests.dash_requests import DashPage
from tests.support import make_application, make_person

TODAY = date.today()


@pytest.fixture
def signed_in(auth):
    """(the signed-in person's id, a loaded dashboard page)."""
    email = unique_email()
    auth.register(email=email)
    with anonymous_tx() as conn:
        person = find_login(conn, email)["id"]
    return person, DashPage(auth._client, "/")


def _show(page: DashPage) -> dict:
    callback = page.callback_for(Ids.refresh, "data", Ids.counts)
    response = page.post(page.body(callback, {(Ids.refresh, "data"): 0}, [f"{Ids.refresh}.data"]))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["response"]


def _click(page: DashPage, button: str, application_id, n_clicks=1):
    """A click on one follow-up's button, as dash-renderer sends it for the ALL pattern."""
    callback = next(dep for dep in page.callbacks if dep["output"] == f"{Ids.refresh}.data")
    clicked = {"application": str(application_id), "type": button}
    inputs = [
        [{"id": clicked, "property": "n_clicks", "value": n_clicks}] if kind == button else []
        for kind in (Ids.done, Ids.snooze)
    ]
    body = {
        "output": callback["output"],
        "outputs": {"id": Ids.refresh, "property": "data"},
        "inputs": inputs,
        "state": [{"id": Ids.refresh, "property": "data", "value": 0}],
        "changedPropIds": [json.dumps(clicked, sort_keys=True, separators=(",", ":")) + ".n_clicks"],
    }
    return page.post(body)


def _follow_up_on(person, application_id):
    with user_tx(person) as conn:
        return applications.get_application(conn, application_id)["follow_up_on"]


def test_a_new_person_is_told_to_add_an_application(signed_in):
    _, page = signed_in
    shown = _show(page)
    assert shown[Ids.empty]["hidden"] is False
    assert shown[Ids.content]["hidden"] is True
    assert "No applications yet" in json.dumps(shown[Ids.empty_text])
    assert Ids.funnel not in shown  # nothing else is sent


def test_only_archived_applications_say_so(signed_in):
    person, page = signed_in
    application_id = make_application(person, "Globex", status="applied")
    with user_tx(person) as conn:
        applications.set_archived(conn, application_id, True)
    assert "Every application is archived" in json.dumps(_show(page)[Ids.empty_text])


def test_the_overview_sends_figure_data_for_what_was_sent(signed_in):
    person, page = signed_in
    make_application(person, "Globex", status="applied", follow_up_on=TODAY)
    make_application(person, "Initech", status="interview")
    shown = _show(page)
    assert shown[Ids.sent_charts]["hidden"] is False and shown[Ids.sent_hint]["hidden"] is True
    funnel = shown[Ids.funnel]["figure"]["data"][0]
    assert (funnel["type"], funnel["x"]) == ("funnel", [2, 1, 0])
    assert shown[Ids.response]["figure"]["data"][0]["value"] == 50.0
    assert sum(shown[Ids.weekly]["figure"]["data"][0]["y"]) == 2
    assert "Globex" in json.dumps(shown[Ids.follow_ups])


def test_nothing_sent_yet_hides_the_funnel_and_says_what_to_do(signed_in):
    person, page = signed_in
    make_application(person, "Draft Co")
    shown = _show(page)
    assert shown[Ids.sent_hint]["hidden"] is False and shown[Ids.sent_charts]["hidden"] is True
    assert Ids.funnel not in shown


def test_done_clears_and_snooze_moves_the_follow_up(signed_in):
    person, page = signed_in
    done = make_application(person, "Globex", status="applied", follow_up_on=TODAY - timedelta(days=2))
    snoozed = make_application(person, "Initech", status="applied", follow_up_on=TODAY)
    response = _click(page, Ids.done, done)
    assert response.status_code == 200
    assert response.get_json()["response"][Ids.refresh]["data"] == 1
    assert _follow_up_on(person, done) is None
    assert _click(page, Ids.snooze, snoozed).status_code == 200
    assert _follow_up_on(person, snoozed) == TODAY + timedelta(weeks=1)


@pytest.mark.parametrize("n_clicks", [None, 0])
def test_buttons_arriving_with_a_redraw_change_nothing(signed_in, n_clicks):
    person, page = signed_in
    application_id = make_application(person, "Globex", status="applied", follow_up_on=TODAY)
    assert _click(page, Ids.done, application_id, n_clicks).status_code == 204
    assert _follow_up_on(person, application_id) == TODAY


def test_another_persons_or_an_unknown_application_is_left_alone(signed_in):
    _, page = signed_in
    other = make_person("Other")
    theirs = make_application(other, "Theirs", status="applied", follow_up_on=TODAY)
    for forged in (theirs, "00000000-0000-0000-0000-000000000000", "not-an-id"):
        for button in (Ids.done, Ids.snooze):
            assert _click(page, button, forged).status_code == 204
    assert _follow_up_on(other, theirs) == TODAY
