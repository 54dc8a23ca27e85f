"""Request ids and JSON access lines, and a whole journey's log holding none of a person's text or secrets."""

import http.cookiejar
import io
import json
import logging
import os
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from db import calendar_feeds
from db import resumes as resume_queries
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from features.new_application.ids import FIELDS as NEW_APPLICATION_FIELDS
from features.new_application.ids import Ids as NewApplicationIds
from features.resumes.form import Ids as ResumeIds
from logging_setup import ACCESS_LOG, REQUEST_ID_HEADER, JsonFormatter, RedactFeedTokens
from tests.conftest import AuthActions, fixture_text
from tests.dash_requests import DashPage
from tests.fake_ai_server import free_port
from tests.processes import Processes, answers, gunicorn_command, wait_until

RESUME = fixture_text("resume-backend-engineer.txt")
POSTING = fixture_text("jd-backend-engineer.txt")
ACCESS_KEYS = {"time", "level", "logger", "message", "request_id", "method", "path", "status", "duration_ms"}


@pytest.fixture
def json_log():
    """Every INFO line of this process while the test runs, as the JSON handler writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactFeedTokens())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(level)


def _access_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == ACCESS_LOG]


def test_each_request_is_one_access_line_with_its_id_and_without_its_query(app, json_log):
    response = app.server.test_client().get("/login?next=/applications&token=query-secret")
    [line] = _access_lines(json_log())
    assert set(line) == ACCESS_KEYS
    assert (line["method"], line["path"], line["status"]) == ("GET", "/login", 200)
    assert line["request_id"] == response.headers[REQUEST_ID_HEADER]
    assert isinstance(line["duration_ms"], float)
    assert "query-secret" not in json.dumps(line)


def test_requests_the_guard_refuses_are_logged_too(app, json_log):
    response = app.server.test_client().post("/_dash-update-component", json={})
    assert response.status_code == 401
    [line] = _access_lines(json_log())
    assert (line["method"], line["path"], line["status"]) == ("POST", "/_dash-update-component", 401)


@pytest.mark.parametrize(
    ("incoming", "kept"),
    [("lb-7f3a.91_x", True), ("", False), ("has space", False), ("x" * 65, False), ("a@example.com", False)],
)
def test_an_incoming_request_id_is_kept_only_when_it_is_a_short_safe_token(app, json_log, incoming, kept):
    response = app.server.test_client().get("/health", headers={REQUEST_ID_HEADER: incoming})
    sent_back = response.headers[REQUEST_ID_HEADER]
    assert (sent_back == incoming) is kept
    assert re.fullmatch(r"[A-Za-z0-9._-]{1,64}", sent_back)
    assert _access_lines(json_log())[0]["request_id"] == sent_back


def test_every_request_gets_an_id_of_its_own(client):
    assert client.get("/health").headers[REQUEST_ID_HEADER] != client.get("/health").headers[REQUEST_ID_HEADER]


def test_the_apps_own_lines_in_a_request_carry_its_request_id(app, json_log):
    server = app.server
    with server.test_request_context("/", headers={REQUEST_ID_HEADER: "req-42"}):
        server.preprocess_request()
        logging.getLogger("jobforge").warning("something to say")
    [line] = [line for line in json_log() if line["message"] == "something to say"]
    assert line["request_id"] == "req-42"


def test_a_feed_path_is_logged_without_its_token(app, json_log):
    assert app.server.test_client().get("/calendar/Guessed_Token-123.ics").status_code == 404
    [line] = _access_lines(json_log())
    assert line["path"] == "/calendar/[token]"


def _save_resume(client, name: str, content: str):
    page = DashPage(client, "/resumes")
    callback = page.callback_for(ResumeIds.save, "n_clicks")
    values = {
        (ResumeIds.save, "n_clicks"): 1,
        (ResumeIds.name, "value"): name,
        (ResumeIds.content, "value"): content,
        (ResumeIds.primary, "value"): True,
        (ResumeIds.editing_id, "data"): "",
        (ResumeIds.saved, "data"): {"name": "", "content": "", "primary": False},
    }
    response = page.post(page.body(callback, values, [f"{ResumeIds.save}.n_clicks"]))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]


def _save_application(client, fields: dict) -> str:
    page = DashPage(client, "/applications/new")
    callback = page.callback_for(NewApplicationIds.SAVE, "n_clicks")
    values = {(NewApplicationIds.SAVE, "n_clicks"): 1} | {
        (NEW_APPLICATION_FIELDS[key], "value"): value for key, value in fields.items()
    }
    response = page.post(page.body(callback, values, [f"{NewApplicationIds.SAVE}.n_clicks"]))
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"][NewApplicationIds.REDIRECT]["href"]


def test_a_whole_journeys_log_holds_no_email_password_text_cookie_or_key(app, json_log):
    mark = uuid.uuid4().hex[:12]
    email, password = f"journey-{mark}@example.com", f"pass-{mark}-word"
    resume_marker, posting_marker, company = f"resume-{mark}-line", f"posting-{mark}-line", f"Company {mark}"
    client = app.server.test_client()
    auth = AuthActions(client)
    assert auth.register(email=email, password=password).status_code == 302
    session_cookie = client.get_cookie("session").value
    _save_resume(client, f"Resume {mark}", f"{RESUME}\n{resume_marker}")
    href = _save_application(
        client,
        {
            "company": company,
            "role_title": "Backend Engineer",
            "job_description": f"{POSTING}\n{posting_marker}",
            "job_url": f"https://jobs.example.com/{mark}",
            "location": "Remote",
        },
    )
    assert client.get(href).status_code == 200
    with anonymous_tx() as conn:
        user_id = find_login(conn, email)["id"]
    with user_tx(user_id) as conn:
        assert [row["name"] for row in resume_queries.list_resumes(conn)] == [f"Resume {mark}"]
        feed_token = calendar_feeds.reset_token(conn)
    assert client.get(f"/calendar/{feed_token}.ics").status_code == 200
    auth.logout()
    assert auth.login(email, password).status_code == 302

    lines = json_log()
    access = _access_lines(lines)
    assert {("POST", "/register"), ("POST", "/_dash-update-component"), ("POST", "/login")} <= {
        (line["method"], line["path"]) for line in access
    }
    assert all(set(line) == ACCESS_KEYS for line in access)
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    for secret in (email, password, resume_marker, posting_marker, company, mark, session_cookie, feed_token):
        assert secret not in text
    assert app.server.config["SECRET_KEY"] not in text


def _csrf_token(opener, url: str) -> str:
    with opener.open(url, timeout=10) as response:
        page = response.read().decode()
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_gunicorn_with_log_format_json_writes_only_json_lines_and_no_secret(database_urls, pool, tmp_path):
    app_url, owner_url = database_urls
    mark = uuid.uuid4().hex[:12]
    email, password = f"gunicorn-{mark}@example.com", f"pass-{mark}-word"
    secrets = {
        "SECRET_KEY": f"secret-key-{mark}",
        "ANTHROPIC_API_KEY": f"sk-ant-fake-{mark}",
        "OPENAI_API_KEY": f"sk-fake-{mark}",
    }
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=app_url,
        MIGRATION_DATABASE_URL=owner_url,
        JOBFORGE_DATA_DIR=str(tmp_path / "data"),
        PORT=str(port),
        WEB_CONCURRENCY="1",
        LOG_FORMAT="json",
        **secrets,
    )
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    processes = Processes(tmp_path)
    url = f"http://127.0.0.1:{port}"
    try:
        processes.start("gunicorn", gunicorn_command(), env)
        wait_until(lambda: answers(url + "/health"), "gunicorn")
        form = {"csrf_token": _csrf_token(opener, url + "/register"), "first_name": "Gun", "last_name": "Icorn"}
        body = urllib.parse.urlencode(form | {"email": email, "password": password}).encode()
        with opener.open(url + "/register", data=body, timeout=10) as response:
            assert response.status == 200  # the dashboard, after the redirect
        request = urllib.request.Request(url + "/health", headers={REQUEST_ID_HEADER: f"probe-{mark}"})  # noqa: S310
        with opener.open(request, timeout=10) as response:
            assert response.headers[REQUEST_ID_HEADER] == f"probe-{mark}"
        with pytest.raises(urllib.error.HTTPError):
            opener.open(f"{url}/calendar/token-{mark}.ics", timeout=10)
        cookies = [cookie.value for cookie in jar]
    finally:
        processes.stop()
    raw = (tmp_path / "gunicorn.log").read_text()
    lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
    access = _access_lines(lines)
    assert [line["status"] for line in access if line["request_id"] == f"probe-{mark}"] == [200]
    assert {(line["method"], line["path"], line["status"]) for line in access} >= {
        ("POST", "/register", 302),
        ("GET", "/calendar/[token]", 404),
    }
    assert any(line["logger"] == "gunicorn.error" for line in lines)
    assert cookies
    for secret in (email, password, *secrets.values(), *cookies, f"token-{mark}"):
        assert secret not in raw
