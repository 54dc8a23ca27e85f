"""GET /health: 200 with the database, a quick 503 without it, and no session either way."""

import time

from db.connection import HEALTH_TIMEOUT


def test_health_answers_ok_without_a_session_and_sets_no_cookie(app):
    response = app.server.test_client().get("/health")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok"
    assert response.mimetype == "text/plain"
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_health_answers_503_within_about_its_timeout_while_the_database_is_down(app, database_down):
    client = app.server.test_client()
    started = time.monotonic()
    response = client.get("/health")
    waited = time.monotonic() - started
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "unavailable"
    assert "Set-Cookie" not in response.headers
    assert waited < HEALTH_TIMEOUT + 1.0


def test_health_says_nothing_but_its_word_for_a_signed_in_person_either(client, auth):
    auth.register()
    response = client.get("/health")
    assert (response.status_code, response.get_data(as_text=True)) == (200, "ok")
