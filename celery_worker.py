"""Celery workers for background callbacks when REDIS_URL is set: `celery -A celery_worker worker`."""

from app import create_app

# The worker builds the same app, so every background callback is registered under the same key.
celery_app = create_app().server.extensions["jobforge_background"].handle
