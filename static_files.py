"""Static files compressed once per file and encoding, 304 when unchanged, cached a year when fingerprinted."""

# Flask-Compress alone recompressed every static response on every request (57 ms zstd, 200 ms gzip of worker CPU
# for plotly.js alone) and suffixed the ETag after Flask and Dash had compared If-None-Match, so files under /assets
# came back in full on every reload. Its own cache (COMPRESS_CACHE_KEY / COMPRESS_CACHE_BACKEND) does not fit: it
# applies to every response, pages and callbacks included, keyed by the request alone with no way to opt out (a page
# holds a person's data); its DictCache never evicts; and streamed responses, which is how Flask sends /assets, are
# never cached at all. So static files are handled here, and Flask-Compress keeps compressing pages and callbacks.

import hashlib
import os
import queue
import threading
from collections import OrderedDict

import brotli
from dash.fingerprint import check_fingerprint
from flask import Flask, Response, request
from flask_compress import Compress
from flask_compress.compat import compression  # zstd from the standard library or its backport, as the library uses

STATIC_PREFIXES = ("/assets/", "/_dash-component-suites/")
# Dash's callback graph is the same JSON for everyone and for every request of a process, with no one's data in
# it: compressed once like a file (7.6 KB at zstd 3 as a page, 5.7 at brotli 9) and answered 304 on a reload.
STATIC_PATHS = {"/_favicon.ico", "/_dash-dependencies"}
# Files under assets/lazy/ carry their version in their name (assets/lazy/README.md): a new version is a new URL.
VERSIONED_PREFIX = "/assets/lazy/"
LONG_CACHE = "public, max-age=31536000, immutable"
# Unfingerprinted files (dcc's async chunks, the favicon without ?v=) may change with a deploy: always revalidate.
REVALIDATE = "no-cache"

# Best first when the browser accepts several equally. Each file is compressed once per process, so the levels can
# be high: for the plotly bundle brotli 9 takes 0.2 s once and saves 11 % over brotli 4; brotli 11 would take 3.7 s.
ENCODINGS = ("br", "zstd", "gzip")
BROTLI_QUALITY = 9
# Files this large (AG Grid, plotly, dcc, dbc, dash-renderer, React DOM, Bootstrap's CSS) are sent at brotli 9 at
# first and at 11 once a background thread has compressed them again, smallest first: 11 saves 8 % of AG Grid
# (43 KB) and 23 KB of the rest of the Table view, but takes 0.2-5 s of CPU per file, too long for a visitor to
# wait, and is paid once per process.
BEST_BROTLI_QUALITY = 11
BEST_MIN_SIZE = 100 * 1024
ZSTD_LEVEL = 12
GZIP_LEVEL = 9
COMPRESSIBLE = {
    "application/javascript",
    "text/javascript",
    "text/css",
    "application/json",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
}
MIN_SIZE = 500  # smaller bodies gain less than the header costs
CACHE_BUDGET = 32 * 1024 * 1024  # compressed bytes kept per process; the app's own files need about 3 MB


def is_static_path(path: str) -> bool:
    return path.startswith(STATIC_PREFIXES) or path in STATIC_PATHS


def is_fingerprinted(path: str, args) -> bool:
    """True when the URL changes whenever the file does, so the file may be cached for a year."""
    if path.startswith("/_dash-component-suites/"):
        return check_fingerprint(path)[1]  # Dash's ".v<version>m<mtime>." in the file name
    if path.startswith(VERSIONED_PREFIX):
        return True
    if path.startswith("/assets/"):
        return "m" in args  # Dash links assets as ?m=<mtime>
    return path == "/_favicon.ico" and "v" in args  # Dash's own icon, ?v=<dash version>


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=BROTLI_QUALITY)
    if encoding == "zstd":
        return compression.zstd.compress(data, ZSTD_LEVEL)
    if encoding == "gzip":
        return compression.gzip.compress(data, GZIP_LEVEL, mtime=0)
    raise ValueError(f"unknown encoding {encoding}")


class CompressedFiles:
    """Compressed bodies by (content ETag, encoding), least recently used dropped past a byte budget.

    Keyed by content, not by URL: Dash accepts any fingerprint in a component-suite URL, so keying by URL would let
    anyone grow the cache without bound with made-up fingerprints of one file.
    """

    def __init__(self, budget: int = CACHE_BUDGET):
        self.budget = budget
        self._entries: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()  # the development and test servers answer from threads
        self._to_improve: queue.PriorityQueue | None = None  # (size, key, data) for the thread that recompresses at 11
        self._improving: set[tuple[str, str]] = set()

    def get(self, etag: str, encoding: str, data: bytes) -> bytes:
        key = (etag, encoding)
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
                return body
        body = compress(data, encoding)  # outside the lock: another thread may compress the same file meanwhile
        self._put(key, body)
        if encoding == "br" and len(data) >= BEST_MIN_SIZE:
            self._improve_later(key, data)
        return body

    def _put(self, key: tuple[str, str], body: bytes, replace: bool = False) -> None:
        """Keeps `body` for `key`: a new entry, or with `replace` in place of the one there (if still there)."""
        with self._lock:
            old = self._entries.get(key)
            if replace and old is None:
                return  # dropped or cleared meanwhile
            if not replace and old is not None:
                return  # another thread compressed it first
            self._entries[key] = body
            self._size += len(body) - len(old or b"")
            while self._size > self.budget and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped)

    def _improve_later(self, key: tuple[str, str], data: bytes) -> None:
        with self._lock:
            if key in self._improving:
                return
            self._improving.add(key)
            if self._to_improve is None:
                # Started in the process that serves (gunicorn forks workers after the app is built, and a
                # thread does not survive a fork); a daemon, so a worker that stops does not wait for it.
                self._to_improve = queue.PriorityQueue()
                threading.Thread(target=self._improve, name="brotli-best", daemon=True).start()
        self._to_improve.put((len(data), key, data))  # the small files first: most of the bytes saved soonest

    def _improve(self) -> None:
        if hasattr(os, "setpriority"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # this thread only: requests come first
        while True:
            _size, key, data = self._to_improve.get()
            # Brotli lets go of the GIL while it works. The body keeps the ETag of the brotli-9 one: the same
            # file in the same encoding, so a browser holding either gets 304.
            self._put(key, brotli.compress(data, quality=BEST_BROTLI_QUALITY), replace=True)
            with self._lock:
                self._improving.discard(key)  # if it is dropped later, its next request starts again from 9

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0
            self._improving.clear()


def _content_etag(response: Response, data: bytes) -> str:
    """The identity body's ETag: Flask's (mtime, size, name) for /assets, Dash's md5 if it made one, else an md5."""
    etag, _weak = response.get_etag()
    return etag or hashlib.md5(data, usedforsecurity=False).hexdigest()


def _finish_static(response: Response, files: CompressedFiles) -> Response:
    response.headers["Cache-Control"] = LONG_CACHE if is_fingerprinted(request.path, request.args) else REVALIDATE
    response.headers["Vary"] = "Accept-Encoding"  # the same file for everyone; only the encoding differs
    response.direct_passthrough = False  # Flask streams files from disk; read them to compress or hash
    data = response.get_data()
    etag = _content_etag(response, data)
    encoding = None
    if response.mimetype in COMPRESSIBLE and len(data) >= MIN_SIZE:
        encoding = request.accept_encodings.best_match(ENCODINGS)
    if encoding:
        response.set_data(files.get(etag, encoding, data))
        response.headers["Content-Encoding"] = encoding
        # One strong ETag per representation, the same in every worker and after a restart.
        etag = f"{etag}-{encoding}"
    response.set_etag(etag)
    # Compared here, against the representation being sent: Flask and Dash compared If-None-Match with the
    # uncompressed file's ETag, which the browser never saw.
    return response.make_conditional(request)


def install_static_files(server: Flask) -> CompressedFiles:
    """Serves static files through the cache above and everything else through Flask-Compress.

    Dash must be created with compress=False: this replaces the Flask-Compress hook it would register.
    """
    server.config["COMPRESS_REGISTER"] = False
    compress_dynamic = Compress(server)
    files = CompressedFiles()
    server.extensions["jobforge_static_files"] = files

    @server.after_request
    def compress_response(response: Response) -> Response:
        if (
            is_static_path(request.path)
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and "Content-Encoding" not in response.headers
        ):
            return _finish_static(response, files)
        return compress_dynamic.after_request(response)

    return files
