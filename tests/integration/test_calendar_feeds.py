"""Calendar feed tokens: stored as a hash, found without a session, reset at once."""

from datetime import date

from db import calendar_feeds, interviews
from db.connection import anonymous_tx, user_tx
from tests.support import make_application, make_person


def test_a_token_finds_its_owner_only_until_it_is_reset(pool):
    person = make_person()
    with user_tx(person) as conn:
        assert not calendar_feeds.has_feed(conn)
        old = calendar_feeds.reset_token(conn)
        stored = conn.execute("select token_hash from calendar_feeds").fetchone()["token_hash"]
    assert old.encode() not in bytes(stored)
    with anonymous_tx() as conn:
        assert calendar_feeds.owner_of(conn, old) == person
    with user_tx(person) as conn:
        new = calendar_feeds.reset_token(conn)
        assert calendar_feeds.has_feed(conn)
    with anonymous_tx() as conn:
        assert calendar_feeds.owner_of(conn, old) is None
        assert calendar_feeds.owner_of(conn, new) == person
        assert calendar_feeds.owner_of(conn, "") is None
        # The lookup reveals an owner, never the table.
        assert conn.execute("select count(*) as n from calendar_feeds").fetchone()["n"] == 0


def test_feed_entries_are_open_follow_ups_and_interviews_of_that_person(pool):
    person, other = make_person(), make_person("Other")
    due = make_application(person, company="Acme", follow_up_on=date(2026, 12, 3))
    make_application(person, company="Closed Co", follow_up_on=date(2026, 12, 3), status="rejected")
    make_application(other, company="Not mine", follow_up_on=date(2026, 12, 3))
    with user_tx(person) as conn:
        interviews.add_interview(conn, due, "2026-12-08 15:00+00", "onsite")
        entries = calendar_feeds.feed_entries(conn)
    assert [row["company"] for row in entries["follow_ups"]] == ["Acme"]
    assert [(row["company"], row["kind"]) for row in entries["interviews"]] == [("Acme", "onsite")]


def test_the_lookup_function_is_narrow(pool):
    with anonymous_tx() as conn:
        row = conn.execute(
            "select pg_get_userbyid(p.proowner) as owner, p.prosecdef, p.proconfig,"
            " has_function_privilege('public', p.oid, 'execute') as public_can_run"
            " from pg_proc p where p.proname = 'calendar_feed_owner'"
        ).fetchone()
    assert row == {
        "owner": "jobforge_auth",
        "prosecdef": True,
        "proconfig": ["search_path=pg_catalog, pg_temp"],
        "public_can_run": False,
    }
