"""A database outage under the production command: answers within seconds, no worker dies, nothing typed is lost."""

import os
import re
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pgserver
import psutil
import pytest
import requests

from error_pages import DATABASE_DOWN
from tests.conftest import TEST_PASSWORD, fixture_text, unique_email
from tests.e2e.conftest import Browser
from tests.fake_ai_server import free_port
from tests.processes import Processes, answers, gunicorn_command, wait_until

# Far inside gunicorn's 30 s worker timeout: the pool gives up after 5 s (db/connection.py).
OUTAGE_ANSWER_SECONDS = 10


class Deployment:
    """`make run` in a folder of its own: gunicorn's master with its embedded database, and two workers."""

    def __init__(self, url: str, pgdata: Path, master: psutil.Process):
        self.url = url
        self.pgdata = pgdata
        self.master = master

    def workers(self) -> set[int]:
        return {child.pid for child in self.master.children()}

    def stop_database(self) -> None:
        postmaster = int((self.pgdata / "postmaster.pid").read_text().split()[0])
        os.kill(postmaster, signal.SIGINT)  # PostgreSQL's fast shutdown
        wait_until(lambda: not psutil.pid_exists(postmaster), "the database shutdown", timeout=20)

    def start_database(self) -> None:
        # pgserver starts it again with the options it used before. Its handle is kept per process, so
        # a second restart asks it again; dropping this process's handle leaves the master the last
        # one, so the master still stops the server when it exits.
        server = pgserver.get_server(self.pgdata, cleanup_mode=None)
        server.ensure_postgres_running()
        server.cleanup()


@contextmanager
def _make_run(workdir: Path) -> Iterator[Deployment]:
    """The production command with nothing configured, as `make run` starts it, in a folder of its own."""
    processes = Processes(workdir)
    unset = ("DATABASE_URL", "MIGRATION_DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ANTHROPIC_API_KEY", "OPENAI_API_KEY")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    port = free_port()
    env.update(JOBFORGE_DATA_DIR=str(workdir / "data"), PORT=str(port))
    try:
        master = processes.start("gunicorn", gunicorn_command(), env)
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(url + "/login"), "gunicorn")
        yield Deployment(url, workdir / "data" / "pgdata", psutil.Process(master.pid))
    finally:
        processes.stop()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    with _make_run(tmp_path_factory.mktemp("outage")) as running:
        yield running


def _signed_in_session(url: str) -> requests.Session:
    session = requests.Session()
    form = session.get(url + "/register").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    fields = {"first_name": "Ada", "last_name": "Byron", "email": unique_email(), "password": TEST_PASSWORD}
    assert session.post(url + "/register", data={"csrf_token": token, **fields}).url == url + "/"
    return session


def _timed_get(session: requests.Session, url: str) -> tuple[requests.Response, float]:
    started = time.monotonic()
    response = session.get(url, timeout=60)
    return response, time.monotonic() - started


def test_an_outage_is_a_503_within_seconds_and_the_first_request_after_it_succeeds(deployment):
    session = _signed_in_session(deployment.url)
    workers = deployment.workers()
    assert len(workers) == 2
    deployment.stop_database()
    try:
        for _ in range(3):  # more than once: the first answer must not be luck, nor leave a worker stuck
            response, seconds = _timed_get(session, deployment.url + "/")
            assert response.status_code == 503
            assert DATABASE_DOWN in response.text
            assert seconds < OUTAGE_ANSWER_SECONDS
        callback = session.post(deployment.url + "/_dash-update-component", json={}, timeout=60)
        assert callback.status_code == 503
    finally:
        deployment.start_database()
    response, seconds = _timed_get(session, deployment.url + "/")
    assert response.status_code == 200
    assert seconds < OUTAGE_ANSWER_SECONDS
    assert deployment.workers() == workers  # no worker was killed or replaced


def test_text_typed_before_an_outage_is_saved_after_it(dash_duo, deployment):
    browser = Browser(dash_duo, deployment.url)
    browser.sign_up("Grace", "Hopper")
    browser.open("/resumes")
    browser.fill("Name", "Typed before the outage")
    browser.paste("Content", fixture_text("resume-standard.txt"))
    deployment.stop_database()
    try:
        browser.click_button("Save")
        browser.wait_for(lambda: DATABASE_DOWN in browser.text_of("jobforge-refusal"), timeout=OUTAGE_ANSWER_SECONDS)
        browser.screenshot("outage-banner")
    finally:
        deployment.start_database()
    assert browser.field("Content").get_attribute("value") == fixture_text("resume-standard.txt")
    browser.click_button("Save")
    browser.wait_for_text("Saved “Typed before the outage”.")
    browser.driver.refresh()
    browser.wait_for_text("Typed before the outage")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_stopping_the_server_stops_the_workers_and_the_embedded_database(tmp_path, stop):
    with _make_run(tmp_path) as running:
        postmaster = int((running.pgdata / "postmaster.pid").read_text().split()[0])
        workers = running.workers()
        running.master.send_signal(stop)
        running.master.wait(timeout=30)
        wait_until(lambda: not psutil.pid_exists(postmaster), "the database shutdown", timeout=20)
        assert not any(psutil.pid_exists(worker) for worker in workers)
        assert not (running.pgdata / "postmaster.pid").exists()
