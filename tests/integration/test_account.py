"""The person's own account through Settings' callbacks: name, email, password, and deleting it all."""

import psycopg
import pytest
from psycopg import sql

import background_jobs
from db import users as user_queries
from db.connection import user_tx
from features.settings import profile, your_data
from tests.conftest import TEST_PASSWORD, AuthActions, unique_email
from tests.dash_requests import DashPage
from tests.support import CATALOG_TENANT_TABLES, make_person, make_rows_in_every_table, sign_up_client

NEW_PASSWORD = "a brand new passphrase"


class Person:
    """A signed-up person with a test client of their own (several clients: several devices)."""

    def __init__(self, app, email=None):
        self.email = email or unique_email()
        self.id, self.client = sign_up_client(app, self.email)

    def another_device(self, app, password=TEST_PASSWORD):
        device = app.server.test_client()
        AuthActions(device).login(self.email, password)
        return device

    def post(self, trigger: str, values: dict, client=None):
        """Settings' callback that `trigger`'s click runs, with these (id, property) values: the response."""
        page = DashPage(client or self.client, "/settings")
        callback = page.callback_for(trigger, "n_clicks")
        return page.post(page.body(callback, {(trigger, "n_clicks"): 1, **values}, [f"{trigger}.n_clicks"]))

    def call(self, trigger: str, values: dict, client=None) -> dict:
        response = self.post(trigger, values, client)
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        return response.get_json()["response"]

    def profile(self) -> dict:
        with user_tx(self.id) as conn:
            return user_queries.get_current_user(conn)


def signed_in(client) -> bool:
    return client.get("/settings").status_code == 200


@pytest.fixture
def person(app):
    return Person(app)


def _rows_of(owner_url, user_id) -> dict[str, int]:
    """Rows naming `user_id` in each table, counted by the owner with forced security lifted (rolled back)."""
    with psycopg.connect(owner_url) as conn:
        tables = [row[0] for row in conn.execute(CATALOG_TENANT_TABLES)]
        counts = {}
        for name in tables:
            column = "id" if name == "users" else "user_id"
            conn.execute(sql.SQL("alter table {} no force row level security").format(sql.Identifier(name)))
            query = sql.SQL("select count(*) from {} where {} = %s").format(
                sql.Identifier(name), sql.Identifier(column)
            )
            counts[name] = conn.execute(query, (user_id,)).fetchone()[0]
        conn.rollback()
    return counts


def test_deleting_the_account_leaves_no_row_of_theirs_in_any_table(app, database_urls, person):
    _, owner_url = database_urls
    make_rows_in_every_table(person.id)
    someone_else = make_person("Other")
    make_rows_in_every_table(someone_else)
    before = _rows_of(owner_url, person.id)
    assert len(before) >= 11 and all(count >= 1 for count in before.values()), before
    phone = person.another_device(app)

    answer = person.call(your_data.Ids.confirm, {(your_data.Ids.password, "value"): TEST_PASSWORD})

    assert answer[your_data.Ids.leave]["href"] == "/account-deleted"
    after = _rows_of(owner_url, person.id)
    assert after == dict.fromkeys(before, 0)
    assert all(count >= 1 for count in _rows_of(owner_url, someone_else).values())
    assert not signed_in(person.client) and not signed_in(phone)
    assert person.client.get("/account-deleted").status_code == 200
    assert "Log in" in AuthActions(person.client).login(person.email).get_data(as_text=True)


def test_a_wrong_password_deletes_nothing_and_says_so_next_to_the_field(app, database_urls, person):
    _, owner_url = database_urls
    make_rows_in_every_table(person.id)
    before = _rows_of(owner_url, person.id)

    answer = person.call(your_data.Ids.confirm, {(your_data.Ids.password, "value"): "not my password"})

    assert answer[your_data.Ids.password]["invalid"] is True
    assert answer[your_data.Ids.password_feedback]["children"] == "That is not your current password."
    assert your_data.Ids.leave not in answer
    assert _rows_of(owner_url, person.id) == before
    assert signed_in(person.client)


def test_the_email_can_sign_up_again_after_deletion(app, person):
    person.call(your_data.Ids.confirm, {(your_data.Ids.password, "value"): TEST_PASSWORD})
    again = Person(app, email=person.email.upper())
    assert again.id != person.id and signed_in(again.client)


def test_no_account_is_deleted_while_one_of_its_documents_is_being_written(app, person):
    with user_tx(person.id) as conn:
        conn.execute("select pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"generation:{person.id}",))
        answer = person.call(your_data.Ids.confirm, {(your_data.Ids.password, "value"): TEST_PASSWORD})
    assert "being written" in answer[your_data.Ids.password_feedback]["children"]
    assert person.profile() is not None and signed_in(person.client)


def test_deleting_drops_the_persons_background_job_entries_only(app, person):
    jobs = app.server.extensions["jobforge_background"].handle
    other = Person(app)
    with app.server.app_context():
        keys = {who.id: background_jobs.job_key_prefix(who.id) + "0123abcd" for who in (person, other)}
    for key in keys.values():
        jobs.set(key, "result text")
        jobs.set(f"{key}-progress", "progress")
    person.call(your_data.Ids.confirm, {(your_data.Ids.password, "value"): TEST_PASSWORD})
    assert keys[person.id] not in jobs and f"{keys[person.id]}-progress" not in jobs
    assert jobs.get(keys[other.id]) == "result text" and jobs.get(f"{keys[other.id]}-progress") == "progress"


def test_name_is_changed_and_a_blank_one_refused_next_to_the_field(person):
    refused = person.call(
        profile.Ids.save_name, {(profile.Ids.first_name, "value"): "  ", (profile.Ids.last_name, "value"): "Rivera"}
    )
    assert refused[f"{profile.Ids.first_name}-feedback"]["children"] == "Enter your first name."
    assert person.profile()["first_name"] == "Jordan"

    person.call(
        profile.Ids.save_name, {(profile.Ids.first_name, "value"): "Jo", (profile.Ids.last_name, "value"): "Rivera"}
    )
    assert (person.profile()["first_name"], person.profile()["last_name"]) == ("Jo", "Rivera")


def _change_email(person, email, password=TEST_PASSWORD) -> dict:
    return person.call(
        profile.Ids.save_email, {(profile.Ids.email, "value"): email, (profile.Ids.email_password, "value"): password}
    )


def test_email_change_needs_the_password(app, person):
    new_email = unique_email("new")
    answer = _change_email(person, new_email, password="not my password")
    assert answer[f"{profile.Ids.email_password}-feedback"]["children"] == "That is not your current password."
    assert person.profile()["email"] == person.email

    answer = _change_email(person, new_email)
    assert answer[profile.Ids.email_password] == {"invalid": False, "value": ""}
    assert person.profile()["email"] == new_email
    device = app.server.test_client()
    AuthActions(device).login(new_email.upper())
    assert signed_in(device)


def test_an_email_another_account_has_in_any_case_is_refused(app, person):
    taken = Person(app).email
    answer = _change_email(person, taken.upper())
    assert answer[f"{profile.Ids.email}-feedback"]["children"] == "Another account already uses this email."
    assert answer[profile.Ids.email]["invalid"] is True
    assert person.profile()["email"] == person.email


def test_an_invalid_email_is_refused_before_the_password_is_checked(person):
    answer = _change_email(person, "not an email", password="wrong")
    assert answer[f"{profile.Ids.email}-feedback"]["children"].startswith("Enter a valid email address")
    assert answer[profile.Ids.email_password]["invalid"] is False


def _change_password(person, current, new) -> dict:
    return person.call(
        profile.Ids.save_password,
        {(profile.Ids.current_password, "value"): current, (profile.Ids.new_password, "value"): new},
    )


def test_password_change_signs_out_every_other_session_and_keeps_this_one(app, person):
    laptop = person.another_device(app)
    assert signed_in(laptop)

    answer = _change_password(person, TEST_PASSWORD, NEW_PASSWORD)

    assert answer[profile.Ids.new_password] == {"invalid": False, "value": ""}
    assert signed_in(person.client)
    assert not signed_in(laptop)
    assert signed_in(person.another_device(app, NEW_PASSWORD))
    assert not signed_in(person.another_device(app, TEST_PASSWORD))


def test_password_change_needs_the_current_password_and_a_long_enough_new_one(app, person):
    wrong = _change_password(person, "not my password", NEW_PASSWORD)
    assert wrong[f"{profile.Ids.current_password}-feedback"]["children"] == "That is not your current password."
    short = _change_password(person, TEST_PASSWORD, "short")
    assert short[f"{profile.Ids.new_password}-feedback"]["children"] == "Use at least 10 characters."
    assert "value" not in short[profile.Ids.new_password]  # what was typed stays
    assert signed_in(person.another_device(app, TEST_PASSWORD))


def test_nobody_changes_another_persons_email_or_password(app, person):
    other = Person(app)
    with user_tx(other.id) as conn:
        changed = conn.execute(
            "update users set email = 'x@example.com', password_hash = 'x' where id = %s", (person.id,)
        )
        assert changed.rowcount == 0
    assert signed_in(person.another_device(app))


@pytest.mark.parametrize(
    ("trigger", "field"),
    [
        (your_data.Ids.confirm, your_data.Ids.password),
        (profile.Ids.save_email, profile.Ids.email),
        (profile.Ids.save_password, profile.Ids.new_password),
        (profile.Ids.save_name, profile.Ids.first_name),
    ],
)
def test_a_forged_value_that_is_not_text_is_refused_and_changes_nothing(person, trigger, field):
    before = person.profile()
    assert person.post(trigger, {(field, "value"): [TEST_PASSWORD]}).status_code == 400
    assert person.profile() == before and signed_in(person.client)
