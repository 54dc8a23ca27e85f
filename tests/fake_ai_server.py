"""A local HTTP server that speaks the Anthropic and OpenAI wire formats, for tests with the real SDKs.

    with FakeAIServer() as fake:
        fake.reply(FakeReply(text="Hi there", chunks=["Hi", " there"]))
        client = anthropic.Anthropic(api_key="k", base_url=fake.url, max_retries=0)
        client = openai.OpenAI(api_key="k", base_url=fake.openai_base_url, max_retries=0)

Streams use chunked transfer encoding, so a stream cut short by `break_after` is an incomplete
body to the client (an error), not a response that merely ended early.
"""

import base64
import contextlib
import hashlib
import json
import socket
import struct
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANTHROPIC_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    529: "overloaded_error",
}
OPENAI_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    403: "permission_denied",
    404: "invalid_request_error",
    429: "rate_limit_exceeded",
}


@dataclass
class FakeReply:
    """One answer from the fake server, queued with FakeAIServer.reply() or .reply_embeddings()."""

    text: str = "Hello from the fake model."
    chunks: list[str] | None = None  # stream in these pieces (default: the text in about three pieces)
    status: int = 200  # anything else: a JSON error body in the provider's format
    break_after: int | None = None  # streaming: close the socket abruptly after this many chunks (never finishing)
    delay: float = 0.0  # seconds to wait before answering (for timeouts)
    chunk_delay: float = 0.0  # seconds between streamed chunks
    error_type: str | None = None  # with a non-200 status: the error type in the body (default: the usual one)
    stream_error: str | None = None  # streaming: after the chunks, send an error event of this type and stop

    def pieces(self) -> list[str]:
        if self.chunks is not None:
            return list(self.chunks)
        if not self.text:
            return []
        size = max(1, -(-len(self.text) // 3))
        return [self.text[start : start + size] for start in range(0, len(self.text), size)]


def fake_embedding(text: str, dims: int) -> list[float]:
    """A deterministic unit vector for `text`: equal texts get equal vectors, different texts differ."""
    raw = hashlib.shake_256(text.encode()).digest(4 * dims)
    values = [(number / 0xFFFFFFFF) * 2 - 1 for number in struct.unpack(f"<{dims}I", raw)]
    norm = sum(value * value for value in values) ** 0.5 or 1.0
    return [value / norm for value in values]


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connections are refused)."""
    return f"http://127.0.0.1:{free_port()}"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: "FakeAIServer"

    def handle_error(self, request, client_address):
        # A client that timed out or a socket we cut on purpose is part of the test, not a failure.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format, *args):
        pass

    def setup(self):
        super().setup()
        self.server.fake._track(self.connection, open_=True)

    def finish(self):
        self.server.fake._track(self.connection, open_=False)
        super().finish()

    # -- dispatch -------------------------------------------------------------------------------------

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            body = {"_raw": raw.decode(errors="replace")}
        fake = self.server.fake
        path = self.path.split("?", 1)[0]
        fake._record(
            {"path": path, "headers": {name.lower(): value for name, value in self.headers.items()}, "body": body}
        )
        handlers = {
            "/v1/messages": self._anthropic,
            "/v1/chat/completions": self._openai_chat,
            "/v1/embeddings": self._openai_embeddings,
        }
        handler = handlers.get(path)
        if handler is None:
            self._send_json(404, {"error": {"type": "not_found", "message": f"no fake endpoint {path}"}})
            return
        reply = fake._next_reply(embeddings=path == "/v1/embeddings")
        if reply.delay and fake._stopping.wait(reply.delay):
            return
        handler(reply, body)

    # -- Anthropic ------------------------------------------------------------------------------------

    def _anthropic(self, reply: FakeReply, body: dict):
        model = body.get("model", "fake-model")
        if reply.status != 200:
            error_type = reply.error_type or ANTHROPIC_ERROR_TYPES.get(reply.status, "api_error")
            error = {"type": error_type, "message": f"Fake {error_type} ({reply.status})."}
            self._send_json(reply.status, {"type": "error", "error": error}, _error_headers(reply.status, "request-id"))
            return
        if not body.get("stream"):
            message = _anthropic_message(model, [{"type": "text", "text": reply.text}] if reply.text else [])
            message.update(stop_reason="end_turn", usage={"input_tokens": 1, "output_tokens": len(reply.text.split())})
            self._send_json(200, message, {"request-id": "req_fake"})
            return

        start = {"type": "message_start", "message": _anthropic_message(model, [])}
        events = [
            (
                "content_block_start",
                {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            ),
        ]
        deltas = [
            (
                "content_block_delta",
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}},
            )
            for piece in reply.pieces()
        ]
        if reply.stream_error:
            ending = [
                ("error", {"type": "error", "error": {"type": reply.stream_error, "message": "Fake stream error."}})
            ]
        else:
            ending = [
                ("content_block_stop", {"type": "content_block_stop", "index": 0}),
                (
                    "message_delta",
                    {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 1}},
                ),
                ("message_stop", {"type": "message_stop"}),
            ]

        def frame(name: str, data: dict) -> bytes:
            return f"event: {name}\ndata: {json.dumps(data)}\n\n".encode()

        self._stream(
            reply,
            [frame("message_start", start)] + [frame(*event) for event in events],
            [frame(*event) for event in deltas],
            [frame(*event) for event in ending],
        )

    # -- OpenAI ---------------------------------------------------------------------------------------

    def _openai_error(self, reply: FakeReply):
        status = reply.status
        error_type = reply.error_type or OPENAI_ERROR_TYPES.get(status, "server_error")
        error = {"type": error_type, "message": f"Fake {error_type} ({status}).", "param": None, "code": error_type}
        self._send_json(status, {"error": error}, _error_headers(status, "x-request-id"))

    def _openai_chat(self, reply: FakeReply, body: dict):
        model = body.get("model", "fake-model")
        if reply.status != 200:
            self._openai_error(reply)
            return
        if not body.get("stream"):
            completion = {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": 0,
                "model": model,
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": reply.text}, "finish_reason": "stop"}
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
            self._send_json(200, completion, {"x-request-id": "req_fake"})
            return

        def frame(delta: dict, finish_reason: str | None = None) -> bytes:
            chunk = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
            }
            return f"data: {json.dumps(chunk)}\n\n".encode()

        if reply.stream_error:
            error = {"error": {"type": reply.stream_error, "message": "Fake stream error.", "code": None}}
            ending = [f"data: {json.dumps(error)}\n\n".encode()]
        else:
            ending = [frame({}, "stop"), b"data: [DONE]\n\n"]
        self._stream(
            reply,
            [frame({"role": "assistant", "content": ""})],
            [frame({"content": piece}) for piece in reply.pieces()],
            ending,
        )

    def _openai_embeddings(self, reply: FakeReply, body: dict):
        if reply.status != 200:
            self._openai_error(reply)
            return
        texts = body.get("input", [])
        texts = [texts] if isinstance(texts, str) else list(texts)
        dims = body.get("dimensions") or self.server.fake.embedding_dims
        data = []
        for index, text in enumerate(texts):
            vector = fake_embedding(str(text), dims)
            if body.get("encoding_format") == "base64":
                embedding = base64.b64encode(struct.pack(f"<{dims}f", *vector)).decode()
            else:
                embedding = vector
            data.append({"object": "embedding", "embedding": embedding, "index": index})
        tokens = sum(len(str(text).split()) for text in texts)
        payload = {
            "object": "list",
            "data": data,
            "model": body.get("model", "fake-embedding-model"),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }
        self._send_json(200, payload, {"x-request-id": "req_fake"})

    # -- HTTP -----------------------------------------------------------------------------------------

    def _send_json(self, status: int, payload: dict, headers: dict | None = None):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, reply: FakeReply, opening: list[bytes], pieces: list[bytes], ending: list[bytes]):
        """Send SSE frames as HTTP chunks; with `break_after`, cut the socket after that many pieces."""
        stopping = self.server.fake._stopping
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for frame in opening:
            self._write_chunk(frame)
        if reply.break_after is not None:
            pieces = pieces[: reply.break_after]
        for count, frame in enumerate(pieces):
            if count and reply.chunk_delay and stopping.wait(reply.chunk_delay):
                return
            self._write_chunk(frame)
        if reply.break_after is not None:
            self._cut()  # no ending and no final empty chunk: the client sees an incomplete body
            return
        for frame in ending:
            self._write_chunk(frame)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _write_chunk(self, data: bytes):
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _cut(self):
        self.close_connection = True
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)


def _error_headers(status: int, request_id_header: str) -> dict:
    headers = {request_id_header: "req_fake"}
    if status == 429 or status >= 500:
        headers["retry-after-ms"] = "10"  # retryable: ask the SDKs to retry at once, so retry tests stay fast
    return headers


def _anthropic_message(model: str, content: list) -> dict:
    return {
        "id": "msg_fake",
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 0},
    }


class FakeAIServer:
    """The fake provider: queue replies with `reply()` (text generation) and `reply_embeddings()`;
    `requests` holds what the SDKs sent, in order, as {"path", "headers" (lower-case names), "body" (parsed JSON)}.

    Embedding requests have their own queue because the app embeds in background threads: a stray
    embedding call must not take a reply a test queued for the generation it is about to start."""

    def __init__(self, embedding_dims: int = 8):
        self.embedding_dims = embedding_dims
        self.requests: list[dict] = []
        self._replies: deque[FakeReply] = deque()
        self._embedding_replies: deque[FakeReply] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.url = ""
        self.openai_base_url = ""

    def reply(self, *replies: FakeReply) -> None:
        """Queue replies for the next Messages / chat-completions requests, in order; once the queue is
        empty, requests get FakeReply()."""
        with self._lock:
            self._replies.extend(replies)

    def reply_embeddings(self, *replies: FakeReply) -> None:
        """Queue replies for the next embeddings requests, in order (default: vectors for the inputs)."""
        with self._lock:
            self._embedding_replies.extend(replies)

    def start(self) -> "FakeAIServer":
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{port}"
        self.openai_base_url = f"{self.url}/v1"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="fake-ai-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:  # idle keep-alive connections would otherwise hold their threads
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> "FakeAIServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _next_reply(self, embeddings: bool) -> FakeReply:
        queue = self._embedding_replies if embeddings else self._replies
        with self._lock:
            return queue.popleft() if queue else FakeReply()

    def _record(self, request: dict) -> None:
        with self._lock:
            self.requests.append(request)

    def _track(self, connection: socket.socket, open_: bool) -> None:
        with self._lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)
