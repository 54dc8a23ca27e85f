"""Callback inputs read as the type the page sends; any other is a 400 and one log line, not a 500."""

import logging
import uuid

from flask import Flask, request

log = logging.getLogger("jobforge")


class BadCallbackInput(ValueError):
    """A callback input of a type the page never sends: a broken or forged request."""


def _refuse(value, expected: str):
    raise BadCallbackInput(f"expected {expected}, got {type(value).__name__}")


def text_input(value) -> str:
    """A text field's value; None (never typed in) is ""."""
    if value is None:
        return ""
    if not isinstance(value, str):
        _refuse(value, "text")
    return value


def flag_input(value) -> bool:
    """A checkbox's value; None (never ticked) is False."""
    if value is None:
        return False
    if not isinstance(value, bool):
        _refuse(value, "true or false")
    return value


def id_input(value) -> uuid.UUID | None:
    """An id the page holds; None, or text that is no id (an edited URL), finds nothing."""
    if value is None:
        return None
    if not isinstance(value, str):
        _refuse(value, "an id as text")
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def id_list_input(value) -> list[str]:
    """The ids a multiple choice holds; None (nothing chosen yet) is []."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        _refuse(value, "a list of ids")
    return value


def install_callback_input_errors(server: Flask) -> None:
    """Answers BadCallbackInput with 400; Flask logs no traceback for an error it has a handler for."""

    @server.errorhandler(BadCallbackInput)
    def refuse(error: BadCallbackInput):
        body = request.get_json(silent=True)
        callback = body.get("output") if isinstance(body, dict) else None
        log.warning("Refused callback %r: %s", str(callback)[:200], error)
        return "A value in this request is not of the kind the page sends.", 400
