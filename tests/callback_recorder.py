"""Every Dash callback request a test app receives, recorded at the server, and replayed by other clients."""

import base64
import binascii
import contextlib
import json
import threading
from dataclasses import dataclass
from urllib.parse import parse_qs

from flask import Flask, request, request_started

CALLBACK_PATH = "/_dash-update-component"
# What dash-renderer sends that the server reads; the cookie and the rest belong to the client replaying.
REPLAYED_HEADERS = ("Content-Type", "X-CSRFToken")
JOB_HANDLES = ("cacheKey", "job")


def text_in(value) -> str:
    """Every string in a JSON value, one a line, with what base64 ones (data: URLs, downloads) decode to."""
    parts = []

    def walk(item):
        if isinstance(item, dict):
            if item.get("base64") is True and isinstance(item.get("content"), str):  # a dcc.Download's file
                parts.append(_decoded(item["content"]))
            for inner in item.values():
                walk(inner)
        elif isinstance(item, list):
            for inner in item:
                walk(inner)
        elif isinstance(item, str):
            parts.append(item)
            if item.startswith("data:") and ";base64," in item:
                parts.append(_decoded(item.partition(";base64,")[2]))

    walk(value)
    return "\n".join(parts)


def _decoded(encoded: str) -> str:
    with contextlib.suppress(binascii.Error, ValueError):
        return base64.b64decode(encoded).decode("utf-8", "replace")
    return ""


@dataclass(frozen=True)
class RecordedRequest:
    query_string: str
    headers: dict
    body: bytes

    @property
    def url(self) -> str:
        return f"{CALLBACK_PATH}?{self.query_string}" if self.query_string else CALLBACK_PATH

    @property
    def query(self) -> dict[str, str]:
        return {name: values[0] for name, values in parse_qs(self.query_string).items()}

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def callback(self) -> str:
        """The callback's output, as /_dash-dependencies names it."""
        return self.json["output"]

    @property
    def is_poll(self) -> bool:
        """A background callback's poll for progress or result: it presents a job's handles."""
        return all(name in self.query for name in JOB_HANDLES)

    def carried_text(self) -> str:
        """All the text the request sends, the contents of uploaded files decoded."""
        return text_in(self.json)

    def replay(self, client, csrf_token: str | None):
        """The same request from `client`, with its own CSRF token (None: the recorded one, as a thief has)."""
        headers = dict(self.headers)
        if csrf_token is not None:
            headers["X-CSRFToken"] = csrf_token
        return client.post(self.url, data=self.body, headers=headers)


class CallbackRecorder:
    """Within `with`, records each POST to Dash's callback endpoint, background polls among them, as it arrives.

    At the server (Flask's request_started signal) rather than in Chromium: it sees exactly the bytes the
    server read, large upload bodies whole, with no browser log to enable, and it can be connected to the
    session's app after it has served requests (a before_request hook cannot).
    """

    def __init__(self, server: Flask):
        self._server = server
        self._lock = threading.Lock()
        self.requests: list[RecordedRequest] = []

    def _record(self, _sender, **_extra) -> None:
        if request.method != "POST" or request.path != CALLBACK_PATH:
            return
        recorded = RecordedRequest(
            query_string=request.query_string.decode(),
            headers={name: request.headers[name] for name in REPLAYED_HEADERS if name in request.headers},
            body=request.get_data(cache=True),  # cached: the callback reads it again
        )
        with self._lock:
            self.requests.append(recorded)

    def __enter__(self):
        request_started.connect(self._record, self._server)
        return self

    def __exit__(self, *_exc):
        request_started.disconnect(self._record, self._server)

    def callbacks_fired(self) -> set[str]:
        return {recorded.callback for recorded in self.requests}


def server_callbacks(dependencies: list[dict]) -> set[str]:
    """The outputs of the callbacks that run on the server (clientside ones send no request)."""
    return {dep["output"] for dep in dependencies if not dep.get("clientside_function")}


def response_text(response) -> str:
    """What an answer holds for a reader: its JSON's strings and decoded files, or its raw text."""
    data = response.get_json(silent=True)
    return text_in(data) if data is not None else response.get_data(as_text=True)
