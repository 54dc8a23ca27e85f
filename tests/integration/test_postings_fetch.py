"""The posting fetcher against a local server: what it fetches, and every address it refuses.

No test here sends a packet beyond loopback: `connections` records each connection the fetcher
opens and refuses any to another address without trying it.
"""

import ipaddress
import shutil
import socket
import ssl
import subprocess
import time

import pytest

from postings import fetch as fetcher
from postings.fetch import MAX_BYTES, MAX_REDIRECTS, TIMEOUT_SECONDS, FetchError, Page, fetch, is_public_address
from tests.posting_server import PostingServer, page


@pytest.fixture
def site():
    with PostingServer() as server:
        yield server


@pytest.fixture
def connections(monkeypatch):
    """The addresses the fetcher connected to; anything but loopback is refused untried."""
    opened = []
    real = fetcher._open_socket

    def guarded(family, sockaddr, timeout):
        opened.append(sockaddr[0])
        if not ipaddress.ip_address(sockaddr[0]).is_loopback:
            raise ConnectionRefusedError("tests connect to loopback only")
        return real(family, sockaddr, timeout)

    monkeypatch.setattr(fetcher, "_open_socket", guarded)
    return opened


@pytest.fixture
def dns(monkeypatch):
    """Names answered by the test (name -> list of addresses, or one list per lookup); the rest as usual."""
    answers: dict[str, list] = {}
    lookups: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        entry = answers[host]
        addresses = entry.pop(0) if entry and isinstance(entry[0], list) else entry
        if not addresses:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
            for address in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    answers["lookups"] = lookups
    return answers


def _refusal(url: str, **kwargs) -> FetchError:
    with pytest.raises(FetchError) as refused:
        fetch(url, **kwargs)
    return refused.value


def test_an_allow_listed_local_page_is_fetched_with_its_final_url(site, connections):
    page_ = fetch(site.url("/redirect-to/jsonld"), site.allow_hosts)
    assert page_.url == site.url("/jsonld")
    assert '"@type": "JobPosting"' in page_.text()
    assert site.requests == ["/redirect-to/jsonld", "/jsonld"]
    assert connections == ["127.0.0.1", "127.0.0.1"]


def test_a_bare_host_name_allows_every_port_and_a_host_port_pair_only_its_own(site, connections):
    assert fetch(site.url("/jsonld"), ("127.0.0.1",)).body == page("jsonld-posting.html")
    assert _refusal(site.url("/jsonld"), allow_hosts=(f"127.0.0.1:{site.port + 1}",)).reason == "blocked"


BLOCKED = [
    "http://127.0.0.1/",  # loopback
    "http://127.8.9.10:8080/jobs",
    "http://[::1]/",
    "http://localhost/",
    "http://10.0.0.5/",  # private
    "http://172.16.3.4/",
    "http://192.168.1.1/",
    "http://[fc00::1]/",
    "http://[fd00:ec2::254]/",  # the AWS metadata service over IPv6
    "http://169.254.169.254/latest/meta-data/",  # link-local, the cloud metadata service
    "http://[fe80::1]/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://100.100.100.200/",  # Alibaba's metadata service
    "http://0.0.0.0/",  # unspecified
    "http://[::]/",
    "http://224.0.0.1/",  # multicast
    "http://[ff02::1]/",
    "http://240.0.0.1/",  # reserved
    "http://198.18.0.1/",  # benchmarking
    "http://192.0.2.10/",  # documentation
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[::ffff:10.0.0.1]/",
    "http://[64:ff9b::a00:1]/",  # NAT64 of 10.0.0.1
    "http://[2002:a00:1::1]/",  # 6to4 of 10.0.0.1
    "http://2130706433/",  # 127.0.0.1 written as one number
    "http://0x7f.1/",
    "http://017700000001/",
]


@pytest.mark.parametrize("url", BLOCKED)
def test_every_blocked_address_class_is_refused_without_connecting(url, connections):
    refusal = _refusal(url)
    assert refusal.reason == "blocked"
    assert "public web pages only" in str(refusal)
    assert connections == []


def test_the_blocked_classes_are_named_and_public_addresses_pass():
    for address in ("8.8.8.8", "93.184.215.14", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"):
        assert is_public_address(ipaddress.ip_address(address)), address
    for address in fetcher.METADATA_ADDRESSES:
        assert not is_public_address(address)


def test_a_public_name_pointing_inside_is_refused(dns, connections):
    dns["jobs.example.com"] = ["10.1.2.3"]
    assert _refusal("https://jobs.example.com/posting/1").reason == "blocked"
    # Every address is checked: one private answer among public ones refuses the name.
    dns["careers.example.com"] = ["93.184.215.14", "192.168.0.7"]
    assert _refusal("https://careers.example.com/").reason == "blocked"
    assert connections == []


def test_the_connection_goes_to_the_address_checked_even_if_the_name_changes_after(dns, connections):
    # Rebinding: a second lookup would answer loopback, but there is none; the checked address is used.
    dns["rebind.example.com"] = [["93.184.215.14"], ["127.0.0.1"]]
    assert _refusal("http://rebind.example.com/").reason == "unreachable"
    assert dns["lookups"] == ["rebind.example.com"]
    assert connections == ["93.184.215.14"]


def test_a_redirect_to_a_private_address_is_refused(site, connections):
    refusal = _refusal(site.url("/redirect-private"), allow_hosts=site.allow_hosts)
    assert refusal.reason == "blocked"
    assert "169.254.169.254" in str(refusal)
    assert connections == ["127.0.0.1"]


def test_a_redirect_to_a_name_pointing_inside_is_refused(site, dns, connections, monkeypatch):
    dns["inside.example.com"] = ["10.20.30.40"]
    monkeypatch.setattr("tests.posting_server.METADATA_URL", "http://inside.example.com/admin")
    assert _refusal(site.url("/redirect-private"), allow_hosts=site.allow_hosts).reason == "blocked"
    assert connections == ["127.0.0.1"]


def test_the_host_header_names_the_site_not_the_address(site, dns, connections):
    dns["postings.test"] = ["127.0.0.1"]
    url = f"http://postings.test:{site.port}/host"
    assert fetch(url, (f"postings.test:{site.port}",)).body == f"postings.test:{site.port}".encode()
    assert connections == ["127.0.0.1"]


def test_at_most_five_redirects_are_followed(site, connections):
    refusal = _refusal(site.url("/redirect-loop"), allow_hosts=site.allow_hosts)
    assert refusal.reason == "too_many_redirects"
    assert len(site.requests) == MAX_REDIRECTS + 1 == 6


def test_a_page_over_two_megabytes_is_refused_by_its_length_or_while_it_streams(site):
    assert MAX_BYTES == 2 * 1024 * 1024
    assert _refusal(site.url("/huge"), allow_hosts=site.allow_hosts).reason == "too_large"
    refusal = _refusal(site.url("/huge-streamed"), allow_hosts=site.allow_hosts)
    assert refusal.reason == "too_large"
    assert "larger than 2 MB" in str(refusal)


def test_a_site_that_never_answers_times_out_within_the_budget(site):
    started = time.monotonic()
    refusal = _refusal(site.url("/never"), allow_hosts=site.allow_hosts, timeout=0.5)
    assert refusal.reason == "timeout"
    assert time.monotonic() - started < 3


def test_the_default_budget_is_ten_seconds_for_the_whole_fetch(site):
    # The suite's one ten-second wait: the real default, end to end.
    assert TIMEOUT_SECONDS == 10
    started = time.monotonic()
    assert _refusal(site.url("/never"), allow_hosts=site.allow_hosts).reason == "timeout"
    assert 9.5 <= time.monotonic() - started < 12


@pytest.mark.parametrize(
    ("path", "reason", "words"),
    [
        ("/missing", "not_found", "was not found (HTTP 404)"),
        ("/pdf", "not_html", "not a web page (it is application/pdf)"),
    ],
)
def test_pages_that_are_no_posting_page_are_named(site, path, reason, words):
    refusal = _refusal(site.url(path), allow_hosts=site.allow_hosts)
    assert (refusal.reason, words in str(refusal)) == (reason, True)


def test_an_unknown_name_and_a_closed_port_are_clear_failures(dns, connections):
    dns["nosuch.example.com"] = []
    assert _refusal("https://nosuch.example.com/jobs/1").reason == "not_found"
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    assert _refusal(f"http://127.0.0.1:{port}/", allow_hosts=("127.0.0.1",)).reason == "unreachable"


@pytest.mark.parametrize(
    "url", ["ftp://example.com/job", "javascript:alert(1)", "file:///etc/passwd", "http://", "http://[::1/", "jobs"]
)
def test_only_http_and_https_links_are_fetched(url, connections):
    assert _refusal(url).reason == "bad_url"
    assert connections == []


def test_a_link_with_credentials_is_refused(connections):
    refusal = _refusal("https://user:secret@example.com/jobs")
    assert refusal.reason == "bad_url" and "user name and password" in str(refusal)


def test_the_page_is_decoded_by_its_header_or_its_meta_charset():
    latin = "<meta charset='windows-1252'><p>Café</p>".encode("cp1252")
    assert "Café" in Page("u", latin, None).text()
    assert "Café" in Page("u", "<p>Café</p>".encode("latin-1"), "latin-1").text()
    assert "Café" in Page("u", "<p>Café</p>".encode(), None).text()
    assert Page("u", b"<p>ok</p>", "no-such-charset").text() == "<p>ok</p>"


@pytest.fixture
def tls_site(tmp_path, dns):
    """An HTTPS posting server with a certificate for postings.test, a context trusting it, and the SNI it saw."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make the test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(  # noqa: S603 - a command written here
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=postings.test",
         "-addext", "subjectAltName=DNS:postings.test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    names = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _context: names.append(name)
    dns["postings.test"] = ["127.0.0.1"]
    with PostingServer(tls=context) as server:
        yield server.port, ssl.create_default_context(cafile=str(cert)), names


def test_https_goes_to_the_checked_address_with_the_site_name_for_sni_and_the_certificate(tls_site, connections):
    port, trusted, names = tls_site
    page_ = fetch(f"https://postings.test:{port}/jsonld", ("postings.test",), tls_context=trusted)
    assert page_.body == page("jsonld-posting.html")
    assert names == ["postings.test"]
    assert connections == ["127.0.0.1"]
    # Without the test's certificate authority the certificate is not trusted: a clear failure.
    assert _refusal(f"https://postings.test:{port}/jsonld", allow_hosts=("postings.test",)).reason == "tls"
