"""The calendar feed and interview downloads through Flask's test client, read back with icalendar."""

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from calendar_feed import FEED_LIMIT_PER_LINK
from db import calendar_feeds, interviews
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from tests.conftest import unique_email
from tests.support import make_application, make_person

FOLLOW_UP = date(2026, 12, 3)


def _signed_up(auth) -> str:
    """Sign up through the form; returns the new person's user id."""
    email = unique_email()
    auth.register(email=email)
    with anonymous_tx() as conn:
        return find_login(conn, email)["id"]


def _with_follow_up_and_interview(person) -> dict:
    application_id = make_application(
        person, company="Northwind", role_title="Platform Engineer", follow_up_on=FOLLOW_UP
    )
    with user_tx(person) as conn:
        interview_id = interviews.add_interview(
            conn, application_id, "2026-12-08 15:00+00", "technical", "Bring a laptop"
        )
        token = calendar_feeds.reset_token(conn)
    return {"application": application_id, "interview": interview_id, "token": token}


def _events(response) -> dict[str, object]:
    """The events of an .ics response by SUMMARY."""
    return {str(event["SUMMARY"]): event for event in Calendar.from_ical(response.data).walk("VEVENT")}


def test_the_feed_needs_no_session_and_lists_follow_ups_and_interviews_with_a_link_back(app):
    person, other = make_person(), make_person("Other")
    mine = _with_follow_up_and_interview(person)
    _with_follow_up_and_interview(other)
    make_application(other, company="Not Mine Inc", follow_up_on=FOLLOW_UP)

    response = app.server.test_client().get(f"/calendar/{mine['token']}.ics")  # no cookie at all

    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "no-store" in response.headers["Cache-Control"]
    events = _events(response)
    assert set(events) == {
        "Follow up: Northwind — Platform Engineer",
        "Technical interview: Northwind — Platform Engineer",
    }
    link = f"http://localhost/applications/{mine['application']}"
    follow_up = events["Follow up: Northwind — Platform Engineer"]
    assert follow_up.start == FOLLOW_UP and follow_up.end == FOLLOW_UP + timedelta(days=1)
    assert follow_up.url == link and link in follow_up.description
    interview = events["Technical interview: Northwind — Platform Engineer"]
    assert interview.start == datetime.fromisoformat("2026-12-08 15:00+00:00")
    assert interview.end - interview.start == timedelta(hours=1)
    assert interview.url == link
    assert "Bring a laptop" not in response.get_data(as_text=True)  # calendar services keep copies: no notes
    assert interview.uid == f"interview-{mine['interview']}@job-forge"


def test_uids_stay_the_same_from_one_read_to_the_next(client):
    token = _with_follow_up_and_interview(make_person())["token"]
    first, second = (client.get(f"/calendar/{token}.ics") for _ in range(2))
    assert [str(event.uid) for event in Calendar.from_ical(first.data).walk("VEVENT")] == [
        str(event.uid) for event in Calendar.from_ical(second.data).walk("VEVENT")
    ]
    assert Calendar.from_ical(first.data)["UID"] == Calendar.from_ical(second.data)["UID"]


def test_a_reset_link_stops_the_old_url_at_once(client):
    person = make_person()
    old = _with_follow_up_and_interview(person)["token"]
    with user_tx(person) as conn:
        new = calendar_feeds.reset_token(conn)
    gone = client.get(f"/calendar/{old}.ics")
    assert (gone.status_code, gone.data) == (404, b"")
    assert client.get(f"/calendar/{new}.ics").status_code == 200


@pytest.mark.parametrize("token", ["not-a-token", "x" * 500, "%00"])
def test_an_unknown_token_is_an_empty_404(client, token):
    response = client.get(f"/calendar/{token}.ics")
    assert (response.status_code, response.data) == (404, b"")


def test_every_other_route_still_needs_a_session(client):
    interview_id = _with_follow_up_and_interview(make_person())["interview"]
    for path in ("/", "/settings", f"/interviews/{interview_id}.ics", "/calendar/", "/calendar/x/y.ics"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].startswith("/login")
    assert client.post("/_dash-update-component", json={}).status_code == 401
    assert client.get("/_dash-layout").status_code == 401


def test_an_interview_downloads_as_one_event_for_its_owner_only(client, auth):
    person = _signed_up(auth)
    mine = _with_follow_up_and_interview(person)
    theirs = _with_follow_up_and_interview(make_person("Other"))

    response = client.get(f"/interviews/{mine['interview']}.ics")

    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"] == 'attachment; filename="interview-northwind-2026-12-08.ics"'
    (event,) = Calendar.from_ical(response.data).walk("VEVENT")
    assert event["SUMMARY"] == "Technical interview: Northwind — Platform Engineer"
    assert "Bring a laptop" in event.description  # the person's own download carries the notes
    assert event.url == f"http://localhost/applications/{mine['application']}"
    assert client.get(f"/interviews/{theirs['interview']}.ics").status_code == 404
    assert client.get("/interviews/not-an-id.ics").status_code == 404


def test_one_link_is_read_at_most_so_often(client):
    token = _with_follow_up_and_interview(make_person())["token"]
    allowed = int(FEED_LIMIT_PER_LINK.split()[0])
    assert all(client.get(f"/calendar/{token}.ics").status_code == 200 for _ in range(allowed))
    assert client.get(f"/calendar/{token}.ics").status_code == 429
    # Another person's link is counted apart.
    other = _with_follow_up_and_interview(make_person())["token"]
    assert client.get(f"/calendar/{other}.ics").status_code == 200
