"""The application record's callbacks through the Flask test client: edit, status, timeline dates,
archive, delete and what was sent, for one's own application and, refused, for someone else's."""

import json
from datetime import date, timedelta

import pytest

from db import applications, documents, events, submissions
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from features.application import details, details_form, sent, timeline
from tests.conftest import unique_email
from tests.dash_requests import DashPage
from tests.support import POSTING, make_application, make_person

FORM = {
    "company": "Globex",
    "role_title": "Staff Engineer",
    "job_description": POSTING,
    "job_url": "https://globex.example/jobs/1",
    "location": "Remote",
    "salary_min": "120,000",
    "salary_max": "150000",
    "salary_currency": "eur",
    "source": "LinkedIn",
    "priority": "high",
    "notes": "Ask about **on-call**.",
    "applied_on": "2026-11-20",
    "follow_up_on": "2026-12-04",
}


@pytest.fixture
def signed_in(auth):
    """(the signed-in person's id, the test client)."""
    email = unique_email()
    auth.register(email=email)
    with anonymous_tx() as conn:
        return find_login(conn, email)["id"], auth._client


def _call(client, application_id, trigger: tuple, values: dict, output: str = ""):
    page = DashPage(client, f"/applications/{application_id}")
    callback = page.callback_for(*trigger, output)
    values = {trigger: 1, ("application-id", "data"): str(application_id), **values}
    response = page.post(page.body(callback, values, [f"{trigger[0]}.{trigger[1]}"]))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]


def _click(client, application_id, button: dict):
    """A click on one of a list's buttons, as dash-renderer sends it for an ALL pattern."""
    page = DashPage(client, f"/applications/{application_id}")
    pattern = {**button, **{key: ["ALL"] for key in button if key != "type"}}
    callback = page.callback_for(json.dumps(pattern, sort_keys=True, separators=(",", ":")), "n_clicks")
    body = page.body(callback, {("application-id", "data"): str(application_id)}, [])
    body["inputs"] = [[{"id": button, "property": "n_clicks", "value": 1}]]
    body["changedPropIds"] = [json.dumps(button, sort_keys=True, separators=(",", ":")) + ".n_clicks"]
    response = page.post(body)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]


def _save(client, application_id, **changes):
    values = {(details_form.FIELDS[name], "value"): value for name, value in (FORM | changes).items()}
    return _call(client, application_id, (details_form.Ids.save, "n_clicks"), values)


def _get(person, application_id):
    with user_tx(person) as conn:
        return applications.get_application(conn, application_id)


def test_saved_details_are_stored_and_shown(signed_in):
    person, client = signed_in
    application_id = make_application(person)
    shown = _save(client, application_id)
    saved = _get(person, application_id)
    assert (saved["company"], saved["salary_min"], saved["salary_currency"]) == ("Globex", 120000, "EUR")
    assert (saved["applied_on"], saved["follow_up_on"]) == (date(2026, 11, 20), date(2026, 12, 4))
    assert shown[details.Ids.title]["children"] == "Staff Engineer"
    record = json.dumps(shown[details.Ids.record]["children"], ensure_ascii=False)
    assert "120,000–150,000 EUR" in record and "Nov 20, 2026" in record and "**on-call**" in record
    assert shown[details_form.Ids.panel]["is_open"] is False
    assert timeline.Ids.changed in shown
    with user_tx(person) as conn:
        assert [event["kind"] for event in events.list_for(conn, application_id)] == ["applied_on", "created"]


def test_refused_details_say_why_next_to_each_field_and_save_nothing(signed_in):
    person, client = signed_in
    application_id = make_application(person)
    shown = _save(client, application_id, salary_min="12.5", salary_currency="EURO", applied_on="2026-02-30")
    assert shown[f"{details_form.FIELDS['salary_min']}-feedback"]["children"] == "Enter a whole number, like 120000."
    assert shown[details_form.FIELDS["salary_currency"]]["invalid"] is True
    assert shown[details_form.FIELDS["company"]]["invalid"] is False
    assert details.Ids.title not in shown and details_form.Ids.panel not in shown
    assert _get(person, application_id)["company"] == "Acme"


def test_someone_elses_application_is_not_found_and_untouched(signed_in):
    _, client = signed_in
    other = make_person()
    theirs = make_application(other, "Theirs")
    shown = _save(client, theirs)
    assert "not there any more" in json.dumps(shown[details_form.Ids.message])
    opened = _call(client, theirs, (details.Ids.edit, "n_clicks"), {(details_form.Ids.panel, "is_open"): False})
    assert "Theirs" not in json.dumps(opened)
    _call(client, theirs, (details.Ids.status, "value"), {(details.Ids.status, "value"): "withdrawn"})
    _call(client, theirs, (details.Ids.archive, "n_clicks"), {})
    _call(client, theirs, (details.Ids.delete_confirm, "n_clicks"), {})
    after = _get(other, theirs)
    assert (after["company"], after["status"], after["archived_at"]) == ("Theirs", "draft", None)


def test_the_form_opens_with_the_saved_values_and_the_persons_sources(signed_in):
    person, client = signed_in
    make_application(person, "Earlier", source="Referral")
    application_id = make_application(person, salary_min=90000, applied_on=date(2026, 10, 1))
    opened = _call(client, application_id, (details.Ids.edit, "n_clicks"), {(details_form.Ids.panel, "is_open"): False})
    assert opened[details_form.FIELDS["salary_min"]]["value"] == "90000"
    assert opened[details_form.FIELDS["applied_on"]]["value"] == "2026-10-01"
    assert opened[details_form.FIELDS["priority"]]["value"] == "normal"
    assert "Referral" in json.dumps(opened[details_form.Ids.sources]["children"])


def test_a_status_change_and_archiving_refresh_the_timeline(signed_in):
    person, client = signed_in
    application_id = make_application(person)
    shown = _call(client, application_id, (details.Ids.status, "value"), {(details.Ids.status, "value"): "withdrawn"})
    assert timeline.Ids.changed in shown
    shown = _call(client, application_id, (details.Ids.archive, "n_clicks"), {})
    assert shown[details.Ids.archived_badge]["hidden"] is False
    assert shown[details.Ids.unarchive]["hidden"] is False
    assert _get(person, application_id)["archived_at"] is not None
    with user_tx(person) as conn:
        kinds = [(event["kind"], event["to_status"]) for event in events.list_for(conn, application_id)]
    assert kinds == [("archived", None), ("status", "withdrawn"), ("created", None)]
    listed = _call(client, application_id, (timeline.Ids.changed, "data"), {(timeline.Ids.changed, "data"): 1})
    text = json.dumps(listed[timeline.Ids.events]["children"], ensure_ascii=False)
    assert "Draft → Withdrawn" in text and "Archived" in text and "by you" in text


def _event(person, application_id, kind):
    with user_tx(person) as conn:
        return next(event for event in events.list_for(conn, application_id) if event["kind"] == kind)


def _save_date(client, application_id, event_id, day):
    return _call(
        client,
        application_id,
        (timeline.Ids.date_save, "n_clicks"),
        {(timeline.Ids.date_input, "value"): day, (timeline.Ids.date_event, "data"): str(event_id)},
    )


def test_an_events_date_is_corrected_keeping_its_time(signed_in):
    person, client = signed_in
    application_id = make_application(person, status="applied")
    status = _event(person, application_id, "status")
    shown = _save_date(client, application_id, status["id"], "2026-11-03")
    assert shown[timeline.Ids.date_modal]["is_open"] is False
    corrected = _event(person, application_id, "status")["occurred_at"]
    assert corrected.date() == date(2026, 11, 3)
    assert corrected.time() == status["occurred_at"].time()
    future = (date.today() + timedelta(days=2)).isoformat()
    refused = _save_date(client, application_id, status["id"], future)
    assert refused[f"{timeline.Ids.date_input}-feedback"]["children"] == "Enter a date that is not in the future."


def test_someone_elses_event_is_not_found(signed_in):
    _, client = signed_in
    other = make_person()
    theirs = make_application(other, status="applied")
    their_event = _event(other, theirs, "status")
    mine = make_application(signed_in[0])
    shown = _save_date(client, mine, their_event["id"], "2026-01-02")
    assert shown[f"{timeline.Ids.date_input}-feedback"]["children"] == "This event is not there any more."
    assert _event(other, theirs, "status")["occurred_at"] == their_event["occurred_at"]


def test_what_was_sent_opens_as_sent_and_never_someone_elses(signed_in):
    person, client = signed_in
    application_id = make_application(person)
    with user_tx(person) as conn:
        documents.save_version(conn, application_id, "cover_letter", "Dear Acme, v1", "generated", None)
        applications.set_status(conn, application_id, "applied")
        documents.save_version(conn, application_id, "cover_letter", "Dear Acme, edited", "edited", 1)
        version_id = submissions.list_for(conn, application_id)[0]["cover_letter_version_id"]
    listed = _call(client, application_id, (timeline.Ids.changed, "data"), {}, sent.Ids.submissions)
    line = json.dumps(listed[sent.Ids.submissions]["children"])
    assert f"Sent on {date.today():%b} {date.today().day}, {date.today().year}: " in line
    assert "Cover letter v1" in line and "Resume" not in line
    opened = _click(client, application_id, {"type": sent.Ids.open_version, "version": str(version_id)})
    assert opened[sent.Ids.modal_text]["children"] == "Dear Acme, v1"

    other = make_person()
    theirs = make_application(other)
    with user_tx(other) as conn:
        documents.save_version(conn, theirs, "cover_letter", "Their secret letter", "generated", None)
        applications.set_status(conn, theirs, "applied")
        their_version = submissions.list_for(conn, theirs)[0]["cover_letter_version_id"]
    opened = _click(client, application_id, {"type": sent.Ids.open_version, "version": str(their_version)})
    assert opened[sent.Ids.modal_text]["children"] == "This version is not there any more."


def test_sent_before_any_document_says_none_were_recorded(signed_in):
    person, client = signed_in
    application_id = make_application(person, status="applied")
    listed = _call(client, application_id, (timeline.Ids.changed, "data"), {}, sent.Ids.submissions)
    assert "No documents were recorded" in json.dumps(listed[sent.Ids.submissions]["children"])


def test_delete_removes_it_and_goes_to_the_dashboard(signed_in):
    person, client = signed_in
    application_id = make_application(person)
    shown = _call(client, application_id, (details.Ids.delete_confirm, "n_clicks"), {})
    assert shown[details.Ids.redirect]["href"] == "/"
    assert _get(person, application_id) is None
