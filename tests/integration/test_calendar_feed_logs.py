"""A calendar feed token never reaches a log: gunicorn's access log and the app's own lines."""

import logging
import os
import urllib.error
import urllib.request

from db import calendar_feeds
from db.connection import user_tx
from logging_setup import RedactFeedTokens
from tests.fake_ai_server import free_port
from tests.processes import Processes, answers, gunicorn_command, wait_until
from tests.support import make_person


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local http URL
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_gunicorn_logs_the_feed_request_without_its_token(database_urls, pool, tmp_path):
    app_url, owner_url = database_urls
    with user_tx(make_person()) as conn:
        token = calendar_feeds.reset_token(conn)
    port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=app_url,
        MIGRATION_DATABASE_URL=owner_url,
        SECRET_KEY="test-secret-key",
        JOBFORGE_DATA_DIR=str(tmp_path / "data"),
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    processes = Processes(tmp_path)
    try:
        processes.start("gunicorn", gunicorn_command(), env)
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(url + "/login"), "gunicorn")
        assert _status(f"{url}/calendar/{token}.ics") == 200
        assert _status(f"{url}/calendar/{token}-wrong.ics") == 404
    finally:
        processes.stop()
    log = (tmp_path / "gunicorn.log").read_text()
    assert token not in log
    assert log.count('"GET /calendar/[token] HTTP/1.1" 200') == 1
    assert log.count('"GET /calendar/[token] HTTP/1.1" 404') == 1


def test_the_apps_own_log_lines_lose_the_token_too():
    record = logging.LogRecord("jobforge", logging.WARNING, __file__, 1, "database unavailable: %s %s", None, None)
    record.args = ("GET", "/calendar/s3cret-Token_x.ics")
    assert RedactFeedTokens().filter(record)
    assert record.getMessage() == "database unavailable: GET /calendar/[token]"
