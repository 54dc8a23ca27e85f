"""The scaled-out deployment in headless Chromium: gunicorn serving, Celery workers generating through Redis."""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from celery import Celery

from config import PROJECT_ROOT
from tests.e2e.conftest import Browser
from tests.fake_ai_server import free_port

COVER_LETTER_ORIGIN = {"type": "origin", "doc": "cover_letter"}


def _wait_until(ready, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert time.monotonic() < deadline, f"{what} did not start within {timeout:.0f} s"
        time.sleep(0.3)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - an http URL built here
            return response.status == 200
    except OSError:
        return False


class _Processes:
    """Started processes, each logging to a file; stopped in reverse order, their logs shown on failure."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 - the process writes to it until stop()
        process = subprocess.Popen(  # noqa: S603 - commands this module wrote
            command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        self.started.append((name, process))
        return process

    def stop(self) -> None:
        for name, process in reversed(self.started):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            print(f"--- {name} log (tail) ---")
            print((self.log_dir / f"{name}.log").read_text(errors="replace")[-3000:])


@pytest.fixture(scope="module")
def deployment(database_urls, tmp_path_factory):
    """Redis, one Celery worker and gunicorn with two workers, as docs/deploy.md runs them: the app's URL."""
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server; `make test` tries)")
    app_url, owner_url = database_urls
    workdir = tmp_path_factory.mktemp("celery-deployment")
    processes = _Processes(workdir)
    try:
        redis_port = free_port()
        processes.start(
            "redis",
            [redis_server, "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "", "--appendonly", "no"]
            + ["--dir", str(workdir)],
        )
        redis_url = f"redis://127.0.0.1:{redis_port}/0"
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL")
        }
        env.update(
            DATABASE_URL=app_url,
            MIGRATION_DATABASE_URL=owner_url,
            SECRET_KEY="celery-deployment-test-key",
            REDIS_URL=redis_url,
            JOBFORGE_DATA_DIR=str(workdir / "data"),
            OFFLINE_PACE="0.1",  # slow enough to cancel mid-stream
        )
        processes.start(
            "celery",
            [sys.executable, "-m", "celery", "-A", "celery_worker", "worker", "--concurrency=1", "--loglevel=INFO"]
            + ["--without-gossip", "--without-mingle", "--without-heartbeat"],
            env,
        )
        web_port = free_port()
        processes.start(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{web_port}"]
            + ["app:create_server()"],
            env,
        )
        base_url = f"http://127.0.0.1:{web_port}"
        _wait_until(lambda: _answers(base_url + "/login"), "gunicorn")
        broker = Celery(broker=redis_url)
        _wait_until(lambda: bool(broker.control.ping(timeout=0.5)), "the Celery worker")
        yield base_url
    finally:
        processes.stop()


def test_generation_streams_cancels_and_saves_on_a_celery_worker(dash_duo, deployment):
    """With REDIS_URL set, a generation runs on a Celery worker: it streams, a cancel stops it, the next one saves."""
    browser = Browser(dash_duo, deployment)
    browser.new_person_with_an_application()

    browser.click_button("Generate cover letter")
    browser.wait_for(lambda: "Cover letter 1/1" in browser.text_of("generation-progress"), timeout=30)
    browser.wait_for(lambda: browser.editor_text("cover_letter").startswith("Dear"), timeout=30)
    browser.click_button("Cancel")
    browser.wait_for_text("Cancelled. Your documents are as they were.", timeout=20)
    time.sleep(2)  # a worker that went on anyway would stream or save in this time
    browser.driver.refresh()
    browser.wait_for(lambda: browser.text_of("provider-label") != "")
    assert browser.editor_text("cover_letter") == ""
    assert browser.text_of(COVER_LETTER_ORIGIN) == ""

    browser.click_button("Generate cover letter")
    browser.wait_for(lambda: browser.text_of(COVER_LETTER_ORIGIN) == "Offline draft · version 1", timeout=60)
    letter = browser.editor_text("cover_letter")
    assert letter.startswith("Dear Northwind Cloud hiring team,")
    browser.driver.refresh()
    browser.wait_for(lambda: browser.editor_text("cover_letter") == letter)
    browser.screenshot("celery-generated")
    assert browser.duo.get_logs() == []
