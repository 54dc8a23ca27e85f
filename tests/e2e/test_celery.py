"""The scaled-out deployment in headless Chromium: gunicorn serving, Celery workers generating through Redis."""

import os
import shutil
import sys
import time

import pytest
from celery import Celery

from tests.e2e.conftest import Browser
from tests.fake_ai_server import free_port
from tests.processes import Processes, answers, gunicorn_command, wait_until

COVER_LETTER_ORIGIN = {"type": "origin", "doc": "cover_letter"}


@pytest.fixture(scope="module")
def deployment(database_urls, tmp_path_factory):
    """Redis, one Celery worker and gunicorn with two workers, as docs/deploy.md runs them: the app's URL."""
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server; `make test` tries)")
    app_url, owner_url = database_urls
    workdir = tmp_path_factory.mktemp("celery-deployment")
    processes = Processes(workdir)
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
        processes.start("gunicorn", gunicorn_command(), env | {"PORT": str(web_port)})
        base_url = f"http://127.0.0.1:{web_port}"
        wait_until(lambda: answers(base_url + "/login"), "gunicorn")
        broker = Celery(broker=redis_url)
        wait_until(lambda: bool(broker.control.ping(timeout=0.5)), "the Celery worker")
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
