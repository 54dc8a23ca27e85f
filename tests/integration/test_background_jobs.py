"""Background jobs: local processes or Celery workers, each job bound to the person who started it."""

import dataclasses
import os
import shutil
import stat
import subprocess
import sys
import time

import dash
import diskcache
import psutil
import pytest
import redis

import background_jobs
import config
from db import applications, resumes
from db.connection import anonymous_tx, user_tx
from db.users import find_login
from tests.conftest import AuthActions, fixture_text, unique_email
from tests.dash_requests import DashPage
from tests.fake_ai_server import free_port
from tests.processes import Processes, wait_until

COMPANY = "Northwind Cloud"


def test_local_processes_without_redis(app, tmp_path):
    settings = dataclasses.replace(config.active(), data_dir=tmp_path)
    assert isinstance(background_jobs.manager_for(settings), dash.DiskcacheManager)


def test_celery_workers_with_redis(app, tmp_path):
    settings = dataclasses.replace(config.active(), data_dir=tmp_path, redis_url="redis://127.0.0.1:6399/0")
    manager = background_jobs.manager_for(settings)
    assert isinstance(manager, dash.CeleryManager)
    assert manager.handle.conf.broker_url == "redis://127.0.0.1:6399/0"


def test_the_app_keeps_its_manager_for_the_celery_worker(app):
    assert app.server.extensions["jobforge_background"] is app._background_manager


def test_jobs_are_handed_no_cookies_or_headers():
    context = {
        "cookies": {"session": "secret"},
        "headers": {"Cookie": "session=secret"},
        "custom_data": {"user_id": "u"},
    }
    assert background_jobs.without_credentials(context) == {"custom_data": {"user_id": "u"}}


@pytest.fixture
def person_with_an_application(app):
    """A signed-in client whose person has a resume and an application: (client, application id, resume id)."""
    client = app.server.test_client()
    email = unique_email()
    AuthActions(client).register(email=email)
    with anonymous_tx() as conn:
        user_id = find_login(conn, email)["id"]
    with user_tx(user_id) as conn:
        resume_id = resumes.create_resume(conn, "Backend", fixture_text("resume-backend-engineer.txt"), True)
        application_id = applications.create_application(
            conn, COMPANY, "Senior Backend Engineer", fixture_text("jd-senior-backend-engineer.txt"), None, None
        )
    return client, application_id, resume_id


@pytest.fixture
def other_person(app):
    client = app.server.test_client()
    AuthActions(client).register()
    return client


def _generation_started(person) -> tuple[DashPage, dict, dict]:
    """The person's application page, the generate request it sent, and the job's handles."""
    client, application_id, resume_id = person
    page = DashPage(client, f"/applications/{application_id}")
    body = _generate_body(page, application_id, resume_id)
    return page, body, page.start_background(body)


def _generate_body(page: DashPage, application_id, resume_id) -> dict:
    callback = page.callback_for("generate-request", "data")
    values = {
        ("generate-request", "data"): {"phases": ["research"], "nonce": 1.5},
        ("application-id", "data"): str(application_id),
        ("resume-picker", "value"): [str(resume_id)],
    }
    return page.body(callback, values, ["generate-request.data"])


def test_someone_replaying_a_generate_request_gets_only_their_own_job(person_with_an_application, other_person):
    page_a, body, handles_a = _generation_started(person_with_an_application)

    page_b = DashPage(other_person, "/")
    handles_b = page_b.start_background(body)  # the very same body
    result_b, seen_b = page_b.poll_until_done(body, handles_b)
    result_a, _ = page_a.poll_until_done(body, handles_a)

    assert "no longer exists" in str(result_b["response"])  # B's job ran as B, who cannot see A's application
    assert not any(COMPANY in text or "Research" in text for text in seen_b)
    assert COMPANY in str(result_a["response"])


def test_handles_presented_by_someone_else_give_nothing(person_with_an_application, other_person):
    page_a, body, handles_a = _generation_started(person_with_an_application)

    page_b = DashPage(other_person, "/")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        stolen = page_b.poll(body, handles_a, end_id=page_a.end_id)  # A's handles, A's page token
        assert stolen.status_code == 204, stolen.get_data(as_text=True)[:300]
        time.sleep(0.2)

    result_a, _ = page_a.poll_until_done(body, handles_a)
    assert COMPANY in str(result_a["response"])


def test_job_files_are_private_and_a_collected_result_is_gone(person_with_an_application, app):
    cache = app._background_manager.handle
    folder = cache.directory
    page, body, handles = _generation_started(person_with_an_application)
    page.poll_until_done(body, handles)

    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    for parent, folders, files in os.walk(folder):
        for name in folders:
            assert stat.S_IMODE(os.stat(os.path.join(parent, name)).st_mode) == 0o700, name
        for name in files:
            assert stat.S_IMODE(os.stat(os.path.join(parent, name)).st_mode) == 0o600, name
    key = handles["cacheKey"].rpartition("~")[0]
    assert [stored for stored in cache.iterkeys() if stored.startswith(key)] == []


def _wait_for_streamed_text(page: DashPage, body: dict, handles: dict) -> None:
    deadline = time.monotonic() + 20
    while '"sideUpdate"' not in page.poll(body, handles).get_data(as_text=True):
        assert time.monotonic() < deadline, "nothing streamed"
        time.sleep(0.1)


def _cancel(page: DashPage, job: str, end_id: str | None = None):
    callback = page.callback_for("cancel-generation", "n_clicks", output="cancel-generation.id")
    body = page.body(callback, {("cancel-generation", "n_clicks"): 1}, ["cancel-generation.n_clicks"])
    return page.post(body, end_id, cancelJob=job)


def test_only_the_owner_can_cancel_and_a_cancel_drops_what_the_job_wrote(person_with_an_application, other_person, app):
    page_a, body, handles = _generation_started(person_with_an_application)
    _wait_for_streamed_text(page_a, body, handles)

    _cancel(DashPage(other_person, "/"), handles["job"], end_id=page_a.end_id)
    page_a.poll_until_done(body, handles)  # B's cancel stopped nothing

    body["inputs"][0]["value"]["nonce"] = 2.5
    handles = page_a.start_background(body)
    _wait_for_streamed_text(page_a, body, handles)
    _cancel(page_a, handles["job"])
    key = handles["cacheKey"].rpartition("~")[0]
    time.sleep(0.5)
    assert [stored for stored in app._background_manager.handle.iterkeys() if stored.startswith(key)] == []
    assert page_a.poll(body, handles).status_code == 204


def test_forgetting_a_person_drops_only_their_entries_from_redis(app, tmp_path):
    """Celery's result backend (Redis) holds what Dash's jobs store; a deleted account's entries go."""
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server; `make test` tries)")
    processes = Processes(tmp_path)
    port = free_port()
    processes.start(
        "redis", [redis_server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--dir", str(tmp_path)]
    )
    try:
        settings = dataclasses.replace(config.active(), data_dir=tmp_path, redis_url=f"redis://127.0.0.1:{port}/0")
        manager = background_jobs.manager_for(settings)
        backend = manager.handle.backend

        def answering() -> bool:
            try:
                return backend.client.ping()
            except redis.exceptions.ConnectionError:
                return False

        wait_until(answering, "redis")
        with app.server.app_context():
            mine, theirs = (background_jobs.job_key_prefix(who) + "0123abcd" for who in ("person-a", "person-b"))
            for key in (mine, theirs):
                backend.set(key, "result text")
                backend.set(f"{key}-set_props", "streamed text")
            assert background_jobs.forget_person(manager, "person-a") == 2
        assert backend.get(mine) is None and backend.get(f"{mine}-set_props") is None
        assert backend.get(theirs) == b"result text" and backend.get(f"{theirs}-set_props") == b"streamed text"
    finally:
        processes.stop(show_logs=False)


# Stands in for another gunicorn worker: it starts a job process and does not reap it until told.
_OTHER_WORKER = """
import os, sys, time
pid = os.fork()
if pid == 0:
    time.sleep(float(sys.argv[1]))
    os._exit(0)
print(pid, flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def job_of_another_worker(app):
    """start(seconds): a job process another worker started, running for that long, then unreaped."""
    workers = []

    def start(seconds: float) -> psutil.Process:
        worker = subprocess.Popen(  # noqa: S603 (our own script, run by this interpreter)
            [sys.executable, "-c", _OTHER_WORKER, str(seconds)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        workers.append(worker)
        return psutil.Process(int(worker.stdout.readline()))

    yield start
    for worker in workers:
        worker.communicate("\n", timeout=10)


def test_collecting_a_result_another_worker_produced_does_not_wait_for_its_process(
    app, tmp_path, job_of_another_worker
):
    manager = background_jobs.LocalJobProcesses(diskcache.Cache(tmp_path))
    job = job_of_another_worker(0)
    wait_until(lambda: job.status() == psutil.STATUS_ZOMBIE, "the job to finish")
    started = time.monotonic()
    manager.terminate_job(str(job.pid))
    # Dash waited up to 1 s for a pid that only its own worker can reap: a worker held for nothing.
    assert time.monotonic() - started < 0.5


def test_a_running_job_another_worker_started_is_stopped(app, tmp_path, job_of_another_worker):
    manager = background_jobs.LocalJobProcesses(diskcache.Cache(tmp_path))
    job = job_of_another_worker(60)
    manager.terminate_job(str(job.pid))
    wait_until(lambda: job.status() == psutil.STATUS_ZOMBIE, "the job to be killed")
