"""Fetching a page someone pasted a link to: public addresses only, bounded in time, size and redirects.

The host is resolved here, every address it resolves to is checked, and the connection goes to the
checked address (with the name's Host header and TLS server name), so a DNS answer that changes
between the check and the connection (rebinding) cannot reach inside. Redirects are followed by
hand, each new address checked the same way.
"""

import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

TIMEOUT_SECONDS = 10.0
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_HEADERS = {
    "User-Agent": "JobForge/1.0 (job posting import)",
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "identity",
    "Connection": "close",
}
# Cloud metadata services; all sit in blocked ranges already, named so that stays true by test.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address) for address in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
# NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits: check that address too.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(Exception):
    """A page that could not or may not be fetched; `reason` is for code, the message for the person."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    body: bytes
    charset: str | None  # from the Content-Type header

    def text(self) -> str:
        return _decode(self.body, self.charset)


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for an address on the public internet; loopback, private, link-local and the rest are not."""
    if isinstance(address, ipaddress.IPv6Address):
        # An IPv4-mapped or NAT64 address reaches exactly the IPv4 address inside it.
        if address.ipv4_mapped is not None:
            return is_public_address(address.ipv4_mapped)
        if address in _NAT64:
            return is_public_address(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        embedded = [address.sixtofour, address.teredo[1] if address.teredo else None]
        if any(inner is not None and not is_public_address(inner) for inner in embedded):
            return False
    flags = (
        address.is_loopback,
        address.is_private,
        address.is_link_local,
        address.is_multicast,
        address.is_reserved,
        address.is_unspecified,
        address.is_site_local if isinstance(address, ipaddress.IPv6Address) else False,
    )
    return address.is_global and not any(flags) and address not in METADATA_ADDRESSES


def _is_allowed(host: str, port: int, allow_hosts) -> bool:
    shown = f"[{host}]" if ":" in host else host
    return host in allow_hosts or f"{shown}:{port}" in allow_hosts


class _Deadline:
    """One budget for the whole fetch; when it runs out the open socket is shut, waking any read."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds
        self.expired = False
        self._timer: threading.Timer | None = None

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise _timed_out()
        return left

    def guard(self, sock: socket.socket) -> None:
        self.release()

        def expire():
            self.expired = True
            with contextlib.suppress(OSError):  # already closed: nothing left to wake
                sock.shutdown(socket.SHUT_RDWR)

        self._timer = threading.Timer(max(0.0, self.end - time.monotonic()), expire)
        self._timer.daemon = True
        self._timer.start()

    def release(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def _timed_out() -> FetchError:
    return FetchError("timeout", "The site took too long to answer. Try again later, or paste the posting.")


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str


def _target(url: str) -> _Target:
    refused = FetchError("bad_url", "Enter a web address starting with http:// or https://.")
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise refused from error
    if parts.scheme not in ("http", "https") or not host:
        raise refused
    if parts.username is not None or parts.password is not None:
        raise FetchError("bad_url", "Remove the user name and password from the link.")
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return _Target(parts.scheme, host.lower(), port or (443 if parts.scheme == "https" else 80), path)


def _lookup(host: str, port: int, seconds: float) -> list[tuple]:
    """getaddrinfo within `seconds`, in a thread of its own: it takes no timeout itself."""
    # A thread per lookup, not a shared pool: dash_duo's server shutdown ends every thread it finds.
    answer: dict = {}

    def look_up():
        try:
            answer["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            answer["error"] = error

    thread = threading.Thread(target=look_up, name="fetch-resolve", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise _timed_out()
    if "error" in answer:
        raise answer["error"]
    return answer["infos"]


def _resolve(target: _Target, deadline: _Deadline, allow_hosts) -> list[tuple]:
    """The addresses to connect to, each checked; any blocked one refuses the whole name."""
    try:
        infos = _lookup(target.host, target.port, deadline.remaining())
    except (OSError, UnicodeError) as error:
        raise FetchError("not_found", f"No site answers at {target.host}. Check the link.") from error
    if not _is_allowed(target.host, target.port, allow_hosts):
        for *_rest, sockaddr in infos:
            if not is_public_address(ipaddress.ip_address(sockaddr[0])):
                raise FetchError(
                    "blocked",
                    f"{target.host} is an internal or private address; Job Forge fetches public web pages only.",
                )
    return [(family, sockaddr) for family, _type, _proto, _name, sockaddr in infos]


def _open_socket(family: int, sockaddr: tuple, timeout: float) -> socket.socket:
    """The one place a connection is opened, to an address already checked."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(sockaddr)
    except OSError:
        sock.close()
        raise
    return sock


class _PinnedHTTP(http.client.HTTPConnection):
    """A connection to one checked address; Host still names the site."""

    def __init__(self, target: _Target, family: int, sockaddr: tuple, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self._family, self._sockaddr = family, sockaddr
        self.pinned: socket.socket | None = None  # kept after http.client lets go of it for the response

    def connect(self):
        self.sock = self.pinned = _open_socket(self._family, self._sockaddr, self.timeout)


class _PinnedHTTPS(_PinnedHTTP):
    """TLS to one checked address, with the site's name as server name and for the certificate check."""

    default_port = 443

    def __init__(self, target, family, sockaddr, timeout, context: ssl.SSLContext):
        super().__init__(target, family, sockaddr, timeout)
        self._context = context

    def connect(self):
        self.sock = self.pinned = self._context.wrap_socket(
            _open_socket(self._family, self._sockaddr, self.timeout), server_hostname=self.host
        )


def _connect(target: _Target, addresses, deadline: _Deadline, tls_context) -> _PinnedHTTP:
    last_error: OSError | None = None
    for family, sockaddr in addresses:
        if target.scheme == "https":
            conn = _PinnedHTTPS(target, family, sockaddr, deadline.remaining(), tls_context)
        else:
            conn = _PinnedHTTP(target, family, sockaddr, deadline.remaining())
        try:
            conn.connect()
        except ssl.SSLError as error:
            raise FetchError("tls", f"{target.host}'s security certificate could not be checked.") from error
        except TimeoutError as error:
            raise _timed_out() from error
        except OSError as error:
            last_error = error
            continue
        deadline.guard(conn.pinned)
        return conn
    raise FetchError("unreachable", f"{target.host} did not accept a connection. Check the link.") from last_error


def _read_body(response: http.client.HTTPResponse, conn: _PinnedHTTP, deadline: _Deadline, max_bytes: int) -> bytes:
    too_large = FetchError("too_large", f"That page is larger than {max_bytes // (1024 * 1024)} MB; paste the posting.")
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise too_large
    body = bytearray()
    while True:
        conn.pinned.settimeout(deadline.remaining())
        chunk = response.read1(_CHUNK)
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > max_bytes:
            raise too_large


def _check_status(response: http.client.HTTPResponse) -> None:
    status = response.status
    if status in (404, 410):
        raise FetchError("not_found", f"That page was not found (HTTP {status}); the posting may have closed.")
    if status in (401, 403):
        raise FetchError("http_error", f"The site would not show that page (HTTP {status}). Paste the posting instead.")
    if status >= 400:
        raise FetchError("http_error", f"The site answered with an error (HTTP {status}). Try again later.")
    if status != 200:
        raise FetchError("http_error", f"The site gave no page (HTTP {status}).")
    content_type = (response.getheader("Content-Type") or "text/html").split(";")[0].strip().lower()
    if content_type not in _HTML_TYPES:
        raise FetchError("not_html", f"That link is not a web page (it is {content_type[:80]}).")
    if (response.getheader("Content-Encoding") or "identity").lower() != "identity":
        raise FetchError("not_html", "The site sent the page in a form Job Forge cannot read. Paste the posting.")


def _one_hop(url, deadline, allow_hosts, tls_context, max_bytes) -> tuple[str | None, Page | None]:
    """(next URL, None) for a redirect, (None, page) for a page."""
    target = _target(url)
    conn = _connect(target, _resolve(target, deadline, allow_hosts), deadline, tls_context)
    response = None
    try:
        conn.request("GET", target.path, headers=_HEADERS)
        response = conn.getresponse()
        location = response.getheader("Location")
        if response.status in _REDIRECTS and location:
            return urljoin(url, location), None
        _check_status(response)
        body = _read_body(response, conn, deadline, max_bytes)
        return None, Page(url, body, response.headers.get_content_charset())
    except (OSError, http.client.HTTPException) as error:
        if deadline.expired or isinstance(error, TimeoutError):
            raise _timed_out() from error
        raise FetchError("unreachable", f"The connection to {target.host} broke off. Try again.") from error
    finally:
        deadline.release()
        if response is not None:
            response.close()
        conn.close()
        conn.pinned.close()


def fetch(
    url: str,
    allow_hosts=(),
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    tls_context: ssl.SSLContext | None = None,
) -> Page:
    """The page at `url`, or FetchError. `allow_hosts` skip the address check (tests' local servers)."""
    deadline = _Deadline(timeout)
    context = tls_context or ssl.create_default_context()
    for _hop in range(MAX_REDIRECTS + 1):
        url, page = _one_hop(url, deadline, allow_hosts, context, max_bytes)
        if page is not None:
            return page
    raise FetchError("too_many_redirects", f"That link redirects more than {MAX_REDIRECTS} times.")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode(body: bytes, charset: str | None) -> str:
    if charset is None and (declared := _META_CHARSET.search(body[:4096])):
        charset = declared.group(1).decode("ascii")
    try:
        return body.decode(charset or "utf-8", errors="replace")
    # An unknown name, or a codec that takes no "replace" (idna) or fails anyway (punycode).
    except (LookupError, UnicodeError):
        return body.decode("utf-8", errors="replace")
