"""Background callbacks run in local processes, or on Celery workers when REDIS_URL is set."""

import dataclasses

import dash

import config
from app import _background_manager


def test_local_processes_without_redis(app, tmp_path):
    settings = dataclasses.replace(config.active(), data_dir=tmp_path)
    assert isinstance(_background_manager(settings), dash.DiskcacheManager)


def test_celery_workers_with_redis(app, tmp_path):
    settings = dataclasses.replace(config.active(), data_dir=tmp_path, redis_url="redis://127.0.0.1:6399/0")
    manager = _background_manager(settings)
    assert isinstance(manager, dash.CeleryManager)
    assert manager.handle.conf.broker_url == "redis://127.0.0.1:6399/0"


def test_the_app_keeps_its_manager_for_the_celery_worker(app):
    assert app.server.extensions["jobforge_background"] is app._background_manager


def test_jobs_are_handed_no_cookies_or_headers():
    from app import _without_credentials

    context = {
        "cookies": {"session": "secret"},
        "headers": {"Cookie": "session=secret"},
        "custom_data": {"user_id": "u"},
    }
    assert _without_credentials(context) == {"custom_data": {"user_id": "u"}}
