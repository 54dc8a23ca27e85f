"""Callbacks given characters PostgreSQL refuses, or values of the wrong type, as a browser or a forger sends them."""

import logging

import pytest

from db import applications as application_queries
from db import resumes as resume_queries
from db import users as user_queries
from db.connection import anonymous_tx, user_tx
from features.new_application.ids import Ids as NewApplicationIds
from tests.conftest import AuthActions, fixture_text, unique_email
from tests.dash_requests import DashPage

HIDDEN_CHARACTERS = "Remove the hidden control characters from this field."
POSTING = fixture_text("jd-backend-engineer.txt")
RESUME = fixture_text("resume-backend-engineer.txt")
# What a paste can carry that a person never sees: a NUL, a bell, and half of an emoji's surrogate pair.
INVISIBLE = "\x00\x07\ud83d"


@pytest.fixture
def person(app):
    """A signed-in test client and the person's user id."""
    client = app.server.test_client()
    email = unique_email("bad-input")
    AuthActions(client).register(email=email)
    with anonymous_tx() as conn:
        user_id = user_queries.find_login(conn, email)["id"]
    return client, user_id


def _call(client, path: str, trigger: tuple[str, str], values: dict):
    """Runs the callback that `trigger` (component id, property) fires, with the browser values given."""
    page = DashPage(client, path)
    callback = page.callback_for(*trigger)
    return page.post(page.body(callback, {trigger: 1, **values}, [f"{trigger[0]}.{trigger[1]}"]))


def _outputs(response) -> dict:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_json()["response"]


def _new_application(client, **fields):
    values = {
        "company": "Northwind Cloud",
        "role-title": "Backend Engineer",
        "job-description": POSTING,
        "job-url": "https://jobs.example.com/1",
        "location": "Remote",
    } | fields
    return _call(
        client,
        "/applications/new",
        (NewApplicationIds.SAVE, "n_clicks"),
        {(f"new-{key}", "value"): value for key, value in values.items()},
    )


def _applications(user_id) -> list[dict]:
    with user_tx(user_id) as conn:
        return [
            application_queries.get_application(conn, row["id"]) for row in application_queries.list_applications(conn)
        ]


def test_pasted_job_description_loses_its_invisible_characters_and_is_saved(person):
    client, user_id = person
    pasted = POSTING[:40] + INVISIBLE + POSTING[40:]
    outputs = _outputs(_new_application(client, **{"job-description": pasted}))
    assert outputs[NewApplicationIds.REDIRECT]["href"].startswith("/applications/")
    [saved] = _applications(user_id)
    assert saved["job_description"] == POSTING.strip()


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("company", "North\x00wind"),
        ("role-title", "Back\ud800end Engineer"),
        ("job-url", "https://jobs.example.com/\x00"),
        ("location", "Re\x1bmote"),
    ],
)
def test_invisible_characters_in_a_short_field_are_a_message_next_to_it(person, key, typed):
    client, user_id = person
    outputs = _outputs(_new_application(client, **{key: typed}))
    assert outputs[f"new-{key}"]["invalid"] is True
    assert outputs[f"new-{key}-feedback"]["children"] == HIDDEN_CHARACTERS
    assert "value" not in outputs[f"new-{key}"]  # what was typed stays in the field
    assert _applications(user_id) == []


def _save_resume(client, name, content, editing_id=""):
    return _call(
        client,
        "/resumes",
        ("resume-save", "n_clicks"),
        {
            ("resume-name", "value"): name,
            ("resume-content", "value"): content,
            ("resume-primary", "value"): False,
            ("resume-editing-id", "data"): editing_id,
            ("resume-saved", "data"): {"name": "", "content": "", "primary": False},
        },
    )


def test_pasted_resume_loses_its_invisible_characters_and_the_form_shows_what_was_saved(person):
    client, user_id = person
    outputs = _outputs(_save_resume(client, "Backend", RESUME[:60] + INVISIBLE + RESUME[60:]))
    assert "Saved “Backend”." in str(outputs["resume-message"]["children"])
    assert outputs["resume-content"]["value"] == RESUME
    assert outputs["resume-saved"]["data"]["content"] == RESUME.strip()
    with user_tx(user_id) as conn:
        [stored] = resume_queries.list_resumes(conn)
    assert stored["content"] == RESUME.strip()


def test_invisible_characters_in_a_resume_name_are_a_message_next_to_it(person):
    client, user_id = person
    outputs = _outputs(_save_resume(client, "Back\x00end", RESUME))
    assert outputs["resume-name"]["invalid"] is True
    assert outputs["resume-name-feedback"]["children"] == HIDDEN_CHARACTERS
    with user_tx(user_id) as conn:
        assert resume_queries.list_resumes(conn) == []


def test_writing_sample_loses_its_invisible_characters_and_is_saved(person):
    client, user_id = person
    outputs = _outputs(
        _call(
            client,
            "/settings",
            ("settings-save", "n_clicks"),
            {("settings-provider", "value"): "offline", ("settings-writing-sample", "value"): "Hello\x00 there\ud800."},
        )
    )
    assert "Saved." in str(outputs["settings-message"]["children"])
    with user_tx(user_id) as conn:
        assert user_queries.get_current_user(conn)["writing_sample"] == "Hello there."


def test_search_ignores_invisible_characters_in_the_query(person):
    client, _ = person
    outputs = _outputs(
        _call(client, "/search", ("search-button", "n_clicks"), {("search-query", "value"): "Kuber\x00netes\ud800"})
    )
    assert "Nothing matches “Kubernetes” yet." in str(outputs["search-results"]["children"])


TOO_DEEP = '{"basics": {"name": "Jordan", "work": ' + "[" * 100_000
TOO_DEEP_MESSAGE = "This JSON is nested too deeply to read."


def test_a_job_in_json_nested_too_deeply_is_a_message_next_to_the_field(person):
    client, user_id = person
    outputs = _outputs(_new_application(client, **{"job-description": TOO_DEEP}))
    assert outputs["new-job-description"]["invalid"] is True
    assert outputs["new-job-description-feedback"]["children"].startswith(TOO_DEEP_MESSAGE)
    assert "value" not in outputs["new-job-description"]
    assert _applications(user_id) == []


def test_a_resume_in_json_nested_too_deeply_is_a_message_next_to_the_field(person):
    client, user_id = person
    outputs = _outputs(_save_resume(client, "Backend", TOO_DEEP))
    assert outputs["resume-content"]["invalid"] is True
    assert outputs["resume-content-feedback"]["children"].startswith(TOO_DEEP_MESSAGE)
    assert "value" not in outputs["resume-content"]
    with user_tx(user_id) as conn:
        assert resume_queries.list_resumes(conn) == []


WRONG_TYPES = [5, ["a list"], {"a": "dict"}, True]


@pytest.mark.parametrize("wrong", WRONG_TYPES)
@pytest.mark.parametrize("key", ["company", "role-title", "job-description", "job-url", "location"])
def test_new_application_refuses_a_value_of_the_wrong_type(person, key, wrong):
    client, user_id = person
    assert _new_application(client, **{key: wrong}).status_code == 400
    assert _applications(user_id) == []


@pytest.mark.parametrize(
    ("state", "wrong"),
    [
        (("resume-name", "value"), ["Backend"]),
        (("resume-content", "value"), {"basics": {}}),
        (("resume-editing-id", "data"), 5),
        (("resume-primary", "value"), "yes"),
    ],
)
def test_saving_a_resume_refuses_a_value_of_the_wrong_type(person, state, wrong):
    client, user_id = person
    values = {
        ("resume-name", "value"): "Backend",
        ("resume-content", "value"): RESUME,
        ("resume-primary", "value"): False,
        ("resume-editing-id", "data"): "",
        ("resume-saved", "data"): {"name": "", "content": "", "primary": False},
        state: wrong,
    }
    assert _call(client, "/resumes", ("resume-save", "n_clicks"), values).status_code == 400
    with user_tx(user_id) as conn:
        assert resume_queries.list_resumes(conn) == []


def test_a_resume_edit_button_with_a_number_for_an_id_is_refused(person):
    client, _ = person
    page = DashPage(client, "/resumes")
    callback = page.callback_for("resume-new", "n_clicks")
    edit = {"id": {"type": "resume-edit", "index": 5}, "property": "n_clicks", "value": 1}
    body = page.body(callback, {}, ['{"index":5,"type":"resume-edit"}.n_clicks'])
    body["inputs"][0] = [edit]
    assert page.post(body).status_code == 400


@pytest.mark.parametrize(
    ("state", "wrong"), [(("settings-provider", "value"), ["offline"]), (("settings-writing-sample", "value"), 5)]
)
def test_settings_refuse_a_value_of_the_wrong_type(person, state, wrong):
    client, _ = person
    values = {("settings-provider", "value"): "offline", ("settings-writing-sample", "value"): "Hello.", state: wrong}
    assert _call(client, "/settings", ("settings-save", "n_clicks"), values).status_code == 400


@pytest.mark.parametrize("wrong", WRONG_TYPES)
def test_search_refuses_a_query_of_the_wrong_type(person, wrong):
    client, _ = person
    assert (
        _call(client, "/search", ("search-button", "n_clicks"), {("search-query", "value"): wrong}).status_code == 400
    )


def test_a_refused_callback_input_is_one_log_line_without_a_traceback(person, caplog):
    client, _ = person
    with caplog.at_level(logging.INFO):
        response = _call(client, "/search", ("search-button", "n_clicks"), {("search-query", "value"): ["x"]})
    assert response.status_code == 400
    assert [record for record in caplog.records if record.exc_info] == []
    [line] = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert "search-results.children" in line.getMessage()
    assert "\n" not in line.getMessage()
