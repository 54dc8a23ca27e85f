"""Log lines as text or as one JSON object a line (LOG_FORMAT), with a request id and an access line per request.

What a line may hold is narrow on purpose: the method, the path without its query (which may carry
tokens) and with any calendar feed token taken out, the status, the duration and the request id.
Exceptions give their type and stack but not their message, which can quote a person's data (a
unique-violation names the email). Nothing here reads a body, a form, a header value or a cookie
other than X-Request-ID, which is kept only when it is a short token of safe characters.
"""

import json
import logging
import re
import secrets
import time
import traceback
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request

from calendar_feed import redact_feed_tokens

ACCESS_LOG = "jobforge.access"
REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
_ACCESS_FIELDS = ("method", "path", "status", "duration_ms")
_MAX_PATH = 200
_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Chatty at INFO: pgserver and yoyo at start-up, psycopg's pool on every checkout.
_QUIET = ("pgserver", "yoyo", "psycopg.pool")


class RedactFeedTokens(logging.Filter):
    """Calendar feed tokens taken out of a line: a feed URL is a credential (calendar apps send no cookie), and
    log files are read, copied and kept far more widely than the database."""

    def filter(self, record):
        message = record.getMessage()
        if "/calendar/" in message:
            record.msg, record.args = redact_feed_tokens(message), None
        return True


def _request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, the request id in a request, access fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = _request_id()
        if request_id:
            line["request_id"] = request_id
        line |= {field: getattr(record, field) for field in _ACCESS_FIELDS if hasattr(record, field)}
        if record.exc_info and record.exc_info[0]:
            line["exception"] = record.exc_info[0].__name__
            line["stack"] = "".join(traceback.format_tb(record.exc_info[2]))
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(log_format: str) -> None:
    """The process's logging: every line through one handler on stderr, in `log_format` ("text" or "json")."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(_TEXT_FORMAT))
    handler.addFilter(RedactFeedTokens())
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    for name in _QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    # In text mode gunicorn's own access log (gunicorn.conf.py) has these lines already.
    logging.getLogger(ACCESS_LOG).setLevel(logging.INFO if log_format == "json" else logging.WARNING)


def install_request_logging(server: Flask) -> None:
    """A request id for every request (sent back as X-Request-ID) and one access line when it is answered.

    Install it before anything else that answers early (the login guard), so every request has both.
    """
    access_log = logging.getLogger(ACCESS_LOG)

    @server.before_request
    def start_request():
        g.request_started = time.perf_counter()
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = incoming if _SAFE_REQUEST_ID.fullmatch(incoming) else secrets.token_hex(8)

    @server.after_request
    def log_request(response):
        response.headers[REQUEST_ID_HEADER] = g.request_id
        if access_log.isEnabledFor(logging.INFO):
            fields = {
                "method": request.method,
                "path": redact_feed_tokens(request.path)[:_MAX_PATH],
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 1),
            }
            access_log.info("%(method)s %(path)s %(status)s", fields, extra=fields)
        return response
