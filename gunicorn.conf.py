"""gunicorn settings for `make run` and the Docker image: `gunicorn -c gunicorn.conf.py`.

The app is built once in the master (preload): the embedded database starts and migrations run
there, before any worker forks. Workers only open their own connection pool, on first use, so a
worker that starts while the database is down keeps running and answers 503.
"""

import os

from gunicorn.glogging import Logger

from calendar_feed import redact_feed_tokens
from config import log_format_from_env
from logging_setup import JsonFormatter, RedactFeedTokens

log_format = log_format_from_env()
wsgi_app = "app:create_server()"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
# Sync workers, two per two cores, measured best here (docs/performance.md).
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
preload_app = True
# Worker timeout ≫ request budget (statement timeout 10 s) ≫ pool timeout (5 s): see db/connection.py.
timeout = 30
graceful_timeout = 10
# In JSON the app writes the access lines itself, with their request ids (logging_setup.py).
accesslog = None if log_format == "json" else "-"


class _LoggerWithoutFeedTokens(Logger):
    """gunicorn's logs with calendar feed tokens taken out of the request line and path.

    A feed URL is a credential (calendar apps send no cookie), and log files are read, copied and
    kept far more widely than the database.
    """

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:
            if log_format == "json":
                handler.setFormatter(JsonFormatter())
            handler.addFilter(RedactFeedTokens())  # "Error handling request <uri>" names the path

    def access(self, resp, req, environ, request_time):
        environ = dict(environ, RAW_URI=redact_feed_tokens(environ.get("RAW_URI", "")))
        environ["PATH_INFO"] = redact_feed_tokens(environ.get("PATH_INFO", ""))
        super().access(resp, req, environ, request_time)


logger_class = _LoggerWithoutFeedTokens
# Not used, and one per user account: a second server on the machine (tests, two checkouts) would take it.
control_socket_disable = True


def when_ready(server):
    server.log.info("Job Forge is at http://%s", bind)
