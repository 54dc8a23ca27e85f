"""Error pages: a 503 while the database is down, and no error page that touches the database."""

import uuid

import psycopg
import pytest
from flask import session
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import InternalServerError, RequestEntityTooLarge

from config import MAX_REQUEST_BYTES
from db import connection
from error_pages import DATABASE_DOWN, SERVER_ERROR, TOO_LONG, TOO_SLOW


@pytest.fixture
def signed_in_client(client, auth):
    auth.register()
    return client


def test_a_signed_in_person_gets_the_outage_page(signed_in_client, database_down):
    page = signed_in_client.get("/")
    assert page.status_code == 503
    assert DATABASE_DOWN in page.get_data(as_text=True)
    assert page.headers["Retry-After"] == "60"
    callback = signed_in_client.post("/_dash-update-component", json={})
    assert callback.status_code == 503


@pytest.fixture
def tripwire(monkeypatch):
    def touched():
        raise AssertionError("an error page touched the database")

    monkeypatch.setattr(connection, "_get_pool", touched)


@pytest.mark.parametrize(
    ("error", "status", "message"),
    [
        (InternalServerError(), 500, SERVER_ERROR),
        (RequestEntityTooLarge(), 413, TOO_LONG),
        (CSRFError(), 400, "reload and try again"),
        (psycopg.OperationalError("server closed the connection"), 503, DATABASE_DOWN),
        (psycopg.errors.QueryCanceled("statement timeout"), 504, TOO_SLOW),
    ],
)
def test_error_pages_never_touch_the_database(app, tripwire, error, status, message):
    """Rendering through a template would load the signed-in person (flask-login's context processor)."""
    server = app.server
    with server.test_request_context("/"):
        session["_user_id"] = f"{uuid.uuid4()}:0"
        if isinstance(error, InternalServerError):
            response = server.handle_exception(RuntimeError("boom"))
        else:
            response = server.make_response(server.handle_user_exception(error))
    assert response.status_code == status
    assert message in response.get_data(as_text=True)


def test_a_callback_over_the_body_limit_gets_the_too_long_page(signed_in_client):
    signed_in_client.get("/")
    token = signed_in_client.get_cookie("_csrf_token").value
    body = {
        "output": "x.children",
        "inputs": [{"id": "x", "property": "value", "value": "a" * (MAX_REQUEST_BYTES + 1)}],
    }
    response = signed_in_client.post("/_dash-update-component", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 413
    assert TOO_LONG in response.get_data(as_text=True)
