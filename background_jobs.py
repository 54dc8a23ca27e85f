"""Background callbacks (AI generation) in local processes or on Celery workers, each job bound to one person.

Dash keys a job by the callback's inputs alone, and row level security does not reach the job
store: two people who send the same request body would share one result slot. Every key here
starts with a tag of the signed-in person, and every handle the browser presents is checked
against that tag before anything is read, cancelled or deleted.
"""

import hashlib
import hmac
import os
from contextlib import suppress
from pathlib import Path

import dash
import diskcache
import psutil
from flask import current_app
from flask_login import current_user

from config import Config

JOB_RESULT_SECONDS = 3600  # results a page never collected (it was closed) are not kept longer
_JOB_SEPARATOR = "."  # between a job's cache key and its process id or task id in the browser's handle


@dash.hooks.custom_data("user_id")
def _signed_in_user(_context) -> str | None:
    """Background jobs run outside the request: this hands them the signed-in person's id."""
    return str(current_user.id) if current_user.is_authenticated else None


def without_credentials(context: dict) -> dict:
    """The callback context minus the request's cookies and headers (the session cookie among them)."""
    return {key: value for key, value in context.items() if key not in ("cookies", "headers")}


def job_key_prefix(user_id) -> str:
    """How every stored entry (result, progress, streamed text) of a person's jobs begins, and no one else's:
    a tag nobody else can compute (keyed with the server's secret)."""
    secret = current_app.secret_key.encode()
    return hmac.new(secret, f"job-owner:{user_id}".encode(), hashlib.sha256).hexdigest()[:32] + "-"


def _owner_prefix() -> str | None:
    if not current_user or not current_user.is_authenticated:
        return None
    return job_key_prefix(current_user.id)


def _owned(key) -> bool:
    prefix = _owner_prefix()
    return prefix is not None and isinstance(key, str) and key.startswith(prefix)


class _PersonBoundJobs:
    """Mixed into a Dash manager: keys and handles carry the owner, and only the owner's count."""

    def build_cache_key(self, fn, args, cache_args_to_ignore, triggered):
        prefix = _owner_prefix()
        if prefix is None:
            raise PermissionError("background jobs are started by signed-in people only")
        return prefix + super().build_cache_key(fn, args, cache_args_to_ignore, triggered)

    def call_job_fn(self, key, job_fn, args, context):
        job = super().call_job_fn(key, job_fn, args, without_credentials(context))
        # The handle names the key too, so a cancel can check the owner and drop what the job left.
        return f"{key}{_JOB_SEPARATOR}{job}"

    @staticmethod
    def _owned_job(handle) -> tuple[str, str] | None:
        """(cache key, process or task id) of a handle the signed-in person owns, else None."""
        key, separator, job = str(handle or "").rpartition(_JOB_SEPARATOR)
        return (key, job) if separator and job and _owned(key) else None

    def _drop(self, key: str) -> None:
        for entry in (key, self._make_progress_key(key), self._make_set_props_key(key)):
            self.clear_cache_entry(entry)

    def terminate_job(self, job):
        """A cancel, or a newer run replacing this one: the job is stopped and what it wrote dropped."""
        owned = self._owned_job(job)
        if owned is None:
            return
        key, process = owned
        super().terminate_job(process)
        self._drop(key)

    def terminate_unhealthy_job(self, job):
        owned = self._owned_job(job)
        return bool(owned) and super().terminate_unhealthy_job(owned[1])

    def job_running(self, job):
        owned = self._owned_job(job)
        return bool(owned) and super().job_running(owned[1])

    def get_progress(self, key):
        return super().get_progress(key) if _owned(key) else None

    def result_ready(self, key):
        return _owned(key) and super().result_ready(key)

    def get_result(self, key, job):
        """The result, once, for its owner; the finished process is reaped, its streamed text kept for this poll."""
        if not _owned(key):
            return self.UNDEFINED
        result = super().get_result(key, None)
        owned = self._owned_job(job)
        if result is not self.UNDEFINED and owned is not None:
            super().terminate_job(owned[1])
        return result

    def get_updated_props(self, key):
        return super().get_updated_props(key) if _owned(key) else {}


def forget_person(manager, user_id) -> int:
    """Drop every stored job entry of a person (a deleted account); returns how many."""
    return manager.drop_keys_starting(job_key_prefix(user_id))


class _PrivateDisk(diskcache.Disk):
    """Job values stored as files are readable by this user only: they hold document text."""

    def store(self, value, read, key=diskcache.core.UNKNOWN):
        stored = super().store(value, read, key)
        filename = stored[2]
        if filename:
            full_path = Path(self._directory) / filename
            os.chmod(full_path, 0o600)
            for folder in (full_path.parent, full_path.parent.parent):
                os.chmod(folder, 0o700)
        return stored


class _JobCache(diskcache.Cache):
    """A private job store whose entries expire: a result nobody collects does not stay on disk."""

    def set(self, key, value, expire=None, read=False, tag=None, retry=False):
        return super().set(key, value, expire=expire or JOB_RESULT_SECONDS, read=read, tag=tag, retry=retry)


def _private_job_cache(folder: Path) -> _JobCache:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # a folder left by an older version may be 0755
    database = folder / diskcache.core.DBNAME
    # SQLite gives its -wal and -shm files the database file's mode, so this one decides all three.
    os.close(os.open(database, os.O_CREAT | os.O_WRONLY, 0o600))
    for name in os.listdir(folder):
        if (folder / name).is_file():
            os.chmod(folder / name, 0o600)
    # secure_delete: a collected result's text is overwritten in the database file, not just unlinked.
    return _JobCache(str(folder), disk=_PrivateDisk, sqlite_secure_delete=1)


def _load_what_jobs_load_lazily(config: Config) -> None:
    """Local jobs are forked from a server that runs threads. A module another thread is importing at
    the moment of the fork, or the model it is loading, stays locked in the child for ever (seen: a
    job stuck importing openai). So what a job loads on first use is loaded once, before any fork.
    Anthropic's SDK takes seconds to import and serves only a configured key; the others always."""
    import openai

    from ai.embeddings import load_local_model

    # Building a client imports the SDK's HTTP transport, which the SDKs load on first use.
    openai.OpenAI(api_key="unused")
    if config.anthropic_api_key:
        import anthropic

        anthropic.Anthropic(api_key="unused")
    load_local_model()


class LocalJobProcesses(dash.DiskcacheManager):
    """Dash's local job processes, stopped without waiting on another worker's."""

    def terminate_job(self, job):
        """Dash's, without waiting for a job process that another worker started.

        Dash kills the job and then waits up to 1 s for its pid to go. A finished job is a zombie until
        the worker that started it reaps it, so when another worker collected the result (every other
        poll, with two workers) it held that worker for the whole second, for nothing.
        """
        if job is None:
            return
        try:
            process = psutil.Process(int(job))
            if process.ppid() == os.getpid():
                super().terminate_job(job)  # ours: killed and reaped at once
                return
            if process.status() == psutil.STATUS_ZOMBIE:
                return  # finished; the worker that started it reaps it
            doomed = [*process.children(recursive=True), process]
        except psutil.NoSuchProcess:
            return
        for each in doomed:
            with suppress(psutil.NoSuchProcess):
                each.kill()


class DiskcacheJobs(_PersonBoundJobs, LocalJobProcesses):
    """Local background processes, results in a private diskcache."""

    def call_job_fn(self, key, job_fn, args, context):
        self.handle.expire()  # results of closed pages, past their hour
        return super().call_job_fn(key, job_fn, args, context)

    def drop_keys_starting(self, prefix: str) -> int:
        doomed = [key for key in self.handle.iterkeys() if isinstance(key, str) and key.startswith(prefix)]
        return sum(bool(self.handle.delete(key)) for key in doomed)


class CeleryJobs(_PersonBoundJobs, dash.CeleryManager):
    """Celery workers through Redis; results expire there after JOB_RESULT_SECONDS."""

    def drop_keys_starting(self, prefix: str) -> int:
        # Dash stores results, progress and streamed text under its own keys, unprefixed, in Celery's
        # result backend; a job's task record holds no callback data (the job returns nothing).
        redis = self.handle.backend.client
        doomed = list(redis.scan_iter(match=f"{prefix}*", count=500))
        return redis.delete(*doomed) if doomed else 0


def manager_for(config: Config):
    """Background callbacks on Celery workers through Redis when REDIS_URL is set, else local processes."""
    if config.redis_url:
        from celery import Celery

        celery_app = Celery("jobforge", broker=config.redis_url, backend=config.redis_url)
        celery_app.conf.result_expires = JOB_RESULT_SECONDS
        return CeleryJobs(celery_app, expire=JOB_RESULT_SECONDS)
    _load_what_jobs_load_lazily(config)
    return DiskcacheJobs(_private_job_cache(config.data_dir / "background-jobs"), expire=JOB_RESULT_SECONDS)
