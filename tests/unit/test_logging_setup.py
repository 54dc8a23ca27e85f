"""The JSON log formatter: one object a line, access fields when given, exceptions without their message."""

import json
import logging
import sys

from logging_setup import JsonFormatter, RedactFeedTokens


def _record(msg, args=(), exc_info=None, **extra) -> logging.LogRecord:
    record = logging.LogRecord("jobforge", logging.WARNING, __file__, 1, msg, args, exc_info)
    record.__dict__.update(extra)
    return record


def test_a_record_is_one_json_object_on_one_line():
    text = JsonFormatter().format(_record("saved %s\nrows", (3,)))
    assert "\n" not in text
    line = json.loads(text)
    assert line["message"] == "saved 3\nrows"
    assert (line["level"], line["logger"]) == ("WARNING", "jobforge")
    assert line["time"].endswith("+00:00")
    assert "request_id" not in line  # outside a request
    assert "status" not in line


def test_access_fields_are_kept_as_given():
    fields = {"method": "GET", "path": "/health", "status": 200, "duration_ms": 1.5}
    line = json.loads(JsonFormatter().format(_record("GET /health 200", **fields)))
    assert {key: line[key] for key in fields} == fields


def test_an_exception_gives_its_type_and_stack_but_not_its_message():
    email = "someone@example.com"
    try:
        raise ValueError(f"Key (email)=({email}) already exists")
    except ValueError:
        record = _record("could not save", exc_info=sys.exc_info())
    line = json.loads(JsonFormatter().format(record))
    assert line["exception"] == "ValueError"
    assert "test_an_exception_gives_its_type" in line["stack"]
    assert "someone@example.com" not in json.dumps(line)


def test_a_feed_token_is_taken_out_before_formatting():
    record = _record("database unavailable: %s %s", ("GET", "/calendar/s3cret-Token_x.ics"))
    assert RedactFeedTokens().filter(record)
    assert json.loads(JsonFormatter().format(record))["message"] == "database unavailable: GET /calendar/[token]"
