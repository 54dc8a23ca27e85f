"""A local HTTP server of saved job-posting pages (tests/fixtures/postings) and of misbehaving sites.

    with PostingServer() as site:
        fetch(site.url("/jsonld"), allow_hosts=site.allow_hosts)

/jsonld and /main-text serve the fixtures; /huge is the main-text page padded past 2 MB, with its
Content-Length, and /huge-streamed the same without one; /redirect-private redirects to the cloud
metadata address, /redirect-to/<path> to a page of its own, /redirect-loop forever; /never accepts
the connection and never answers; /missing is a 404, /pdf a document that is no web page and /host
echoes the Host header it was sent.
"""

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import FIXTURES

PAGES = {"/jsonld": "jsonld-posting.html", "/main-text": "main-text-posting.html"}
HUGE_BYTES = 3 * 1024 * 1024
METADATA_URL = "http://169.254.169.254/latest/meta-data/"


def page(name: str) -> bytes:
    return (FIXTURES / "postings" / name).read_bytes()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format, *args):  # noqa: A002 - the name BaseHTTPRequestHandler gives it
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _huge(self, with_length: bool):
        start = page("main-text-posting.html")
        padding = b"<!-- " + b"x" * (HUGE_BYTES - len(start)) + b" -->"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if with_length:
            self.send_header("Content-Length", str(len(start) + len(padding)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        try:
            self.wfile.write(start)
            for offset in range(0, len(padding), 64 * 1024):
                self.wfile.write(padding[offset : offset + 64 * 1024])
        except OSError:
            pass  # the client stopped reading, as it should

    def do_GET(self):  # noqa: N802 - the name BaseHTTPRequestHandler calls
        self.server.requests.append(self.path)
        if self.path in PAGES:
            self._send(200, page(PAGES[self.path]))
        elif self.path in ("/huge", "/huge-streamed"):
            self._huge(with_length=self.path == "/huge")
            self.close_connection = True
        elif self.path == "/redirect-private":
            self._send(302, Location=METADATA_URL)
        elif self.path.startswith("/redirect-to/"):
            self._send(301, Location=self.path.removeprefix("/redirect-to"))
        elif self.path == "/redirect-loop":
            self._send(302, Location="/redirect-loop")
        elif self.path == "/never":
            self.server.stopping.wait()
            self.close_connection = True
        elif self.path == "/pdf":
            self._send(200, b"%PDF-1.7\n", content_type="application/pdf")
        elif self.path == "/host":
            self._send(200, self.headers["Host"].encode())
        else:
            self._send(404, b"<h1>Not found</h1>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, tls: ssl.SSLContext | None):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stopping = threading.Event()
        self.requests: list[str] = []
        if tls is not None:
            self.socket = tls.wrap_socket(self.socket, server_side=True)


class PostingServer:
    """The server on a free port of 127.0.0.1, in a thread, for the length of a `with` block.

    With `tls` (a server-side SSLContext) it speaks HTTPS.
    """

    def __init__(self, tls: ssl.SSLContext | None = None):
        self._tls = tls

    def __enter__(self):
        self._server = _Server(self._tls)
        self.port = self._server.server_address[1]
        self.allow_hosts = (f"127.0.0.1:{self.port}",)
        self.requests = self._server.requests
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __exit__(self, *_exc):
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
