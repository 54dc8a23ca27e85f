"""The overview's figures (db/overview.py) as the application role: counts, follow-ups, funnel, weeks, stages."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from db import applications, events, overview
from db.connection import user_tx
from tests.support import make_application, make_person

TODAY = date.today()


@pytest.fixture
def person(pool):
    return make_person()


@pytest.fixture
def someone_else(pool):
    """Another person with one of everything: none of it may ever count for `person`."""
    other = make_person("Other")
    make_application(other, "Elsewhere", status="offer", follow_up_on=TODAY - timedelta(days=3))
    make_application(other, "Elsewhere too", status="interview", applied_on=TODAY)
    return other


def _status_events(conn, application_id) -> dict[str, dict]:
    return {row["to_status"]: row for row in events.list_for(conn, application_id) if row["kind"] == "status"}


def _backdate(user_id, application_id, to_status: str, days_ago: float) -> None:
    """Say the move to `to_status` happened `days_ago` days ago (the person corrects the timeline)."""
    with user_tx(user_id) as conn:
        event = _status_events(conn, application_id)[to_status]
        events.set_occurred_at(conn, event["id"], datetime.now(UTC) - timedelta(days=days_ago))


def _move(user_id, application_id, *statuses: str) -> None:
    with user_tx(user_id) as conn:
        for status in statuses:
            applications.set_status(conn, application_id, status)


def _archive(user_id, application_id) -> None:
    with user_tx(user_id) as conn:
        applications.set_archived(conn, application_id, True)


def test_counts_per_status_leave_out_archived_and_other_people(person, someone_else):
    make_application(person, "A", status="applied")
    make_application(person, "B", status="applied")
    make_application(person, "C")
    make_application(person, "D", status="no_response")
    _archive(person, make_application(person, "E", status="offer"))
    with user_tx(person) as conn:
        assert overview.status_counts(conn, person) == {"applied": 2, "draft": 1, "no_response": 1}
    with user_tx(make_person()) as conn:
        assert overview.status_counts(conn, someone_else) == {}  # naming another id shows nothing either


def test_follow_ups_due_are_open_unarchived_and_today_or_earlier_oldest_first(person, someone_else):
    yesterday = make_application(person, "Yesterday", status="applied", follow_up_on=TODAY - timedelta(days=1))
    today = make_application(person, "Today", role_title="Analyst", follow_up_on=TODAY)
    oldest = make_application(person, "Oldest", status="interview", follow_up_on=TODAY - timedelta(days=30))
    make_application(person, "Tomorrow", status="applied", follow_up_on=TODAY + timedelta(days=1))
    make_application(person, "No date", status="applied")
    for closed in applications.CLOSED_STATUSES:
        make_application(person, f"Closed {closed}", status=closed, follow_up_on=TODAY - timedelta(days=2))
    _archive(person, make_application(person, "Archived", status="applied", follow_up_on=TODAY - timedelta(days=2)))
    with user_tx(person) as conn:
        due, total = overview.follow_ups_due(conn, person, TODAY)
        first, same_total = overview.follow_ups_due(conn, person, TODAY, limit=1)
    assert [row["id"] for row in due] == [oldest, yesterday, today]
    assert due[2] == {"id": today, "company": "Today", "role_title": "Analyst", "follow_up_on": TODAY}
    assert total == 3
    assert ([row["id"] for row in first], same_total) == ([oldest], 3)


def test_nothing_due_is_an_empty_list(person, someone_else):
    with user_tx(person) as conn:
        assert overview.follow_ups_due(conn, person, TODAY) == ([], 0)


def test_funnel_counts_every_stage_an_application_ever_reached(person, someone_else):
    rejected_after_interview = make_application(person, "A", status="applied")
    _move(person, rejected_after_interview, "interview", "rejected")
    offer = make_application(person, "B", status="applied")
    _move(person, offer, "interview", "offer")
    straight_to_interview = make_application(person, "C", status="interview")  # skipped applied: passed it
    make_application(person, "D", status="applied")
    make_application(person, "E", status="rejected")  # never sent
    make_application(person, "F")
    _archive(person, make_application(person, "G", status="offer"))
    # A move recorded today that happened last month still counts, and once.
    _backdate(person, offer, "interview", 30)
    _backdate(person, straight_to_interview, "interview", 45)
    with user_tx(person) as conn:
        reached = overview.funnel(conn, person)
    assert reached == {"applied": 4, "interview": 3, "offer": 1}
    assert overview.response_rate(reached) == 0.75


def test_funnel_of_a_person_who_sent_nothing(person, someone_else):
    make_application(person, "Draft")
    with user_tx(person) as conn:
        reached = overview.funnel(conn, person)
    assert reached == {"applied": 0, "interview": 0, "offer": 0}
    assert overview.response_rate(reached) is None


def test_applications_per_week_from_applied_on_or_the_first_sent_event(person, someone_else):
    weeks = overview.week_starts(TODAY)
    make_application(person, "This week", status="applied", applied_on=TODAY)
    make_application(person, "Same week", status="rejected", applied_on=TODAY)
    make_application(person, "Three weeks ago", status="interview", applied_on=weeks[-4] + timedelta(days=2))
    make_application(person, "Too old", status="applied", applied_on=weeks[0] - timedelta(days=1))
    make_application(person, "Draft")
    _archive(person, make_application(person, "Archived", status="applied", applied_on=TODAY))
    # "Applied on" cleared: the first event that sent it says when (backdated to week 6 of 12).
    no_date = make_application(person, "No date", status="applied")
    _move(person, no_date, "interview")
    with user_tx(person) as conn:
        applications.update_details(conn, no_date, {"applied_on": None})
        event = _status_events(conn, no_date)["applied"]
        events.set_occurred_at(conn, event["id"], datetime.combine(weeks[5] + timedelta(days=3), time(12), UTC))
    with user_tx(person) as conn:
        rows = overview.applications_per_week(conn, person, TODAY)
    assert [row["week"] for row in rows] == weeks
    assert all(week.weekday() == 0 for week in weeks) and len(weeks) == 12
    counts = [row["n"] for row in rows]
    assert counts == [0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 2]


def test_median_days_in_each_stage_from_consecutive_status_events(person, someone_else):
    first = make_application(person, "First", status="applied")
    _move(person, first, "interview", "rejected")
    _backdate(person, first, "applied", 10)
    _backdate(person, first, "interview", 4)
    second = make_application(person, "Second", status="applied")
    _move(person, second, "interview")  # still in interview: that stay has not ended
    _backdate(person, second, "applied", 3)
    make_application(person, "Third", status="applied")  # still applied
    archived = make_application(person, "Archived", status="applied")
    _move(person, archived, "offer")
    _backdate(person, archived, "applied", 100)
    _archive(person, archived)
    with user_tx(person) as conn:
        medians = overview.median_days_in_stage(conn, person)
    assert list(medians) == ["applied", "interview"]
    assert medians["applied"]["n"] == 2
    assert medians["applied"]["median_days"] == pytest.approx(4.5, abs=0.01)  # of 10 − 4 = 6 and 3 days
    assert medians["interview"]["n"] == 1
    assert medians["interview"]["median_days"] == pytest.approx(4.0, abs=0.01)


def test_a_person_with_nothing_has_empty_figures(person, someone_else):
    with user_tx(person) as conn:
        assert overview.status_counts(conn, person) == {}
        assert overview.median_days_in_stage(conn, person) == {}
        assert [row["n"] for row in overview.applications_per_week(conn, person, TODAY)] == [0] * 12
