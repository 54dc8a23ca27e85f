"""Static files: compressed once per encoding, 304 when unchanged, a year's caching when fingerprinted."""

import json
import re

import brotli
import pytest

import static_files
from app import REGENERATOR_RUNTIME, SET_IMMEDIATE
from config import PROJECT_ROOT
from static_files import LONG_CACHE

STYLESHEET = "/assets/bootstrap.min.css"
LAZY = PROJECT_ROOT / "assets" / "lazy"


@pytest.fixture
def compressions(app, monkeypatch):
    """Every call into the compressor, as (encoding, size), from an empty cache."""
    app.server.extensions["jobforge_static_files"].clear()
    calls = []
    compress = static_files.compress

    def counting(data, encoding):
        calls.append((encoding, len(data)))
        return compress(data, encoding)

    monkeypatch.setattr(static_files, "compress", counting)
    return calls


def _page_urls(client) -> list[str]:
    """The scripts and stylesheets the dashboard links (a signed-in client)."""
    html = client.get("/").get_data(as_text=True)
    return re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', html)


def _script_paths(urls: list[str]) -> list[str]:
    return [url.split("?")[0] for url in urls]


def _suite_url(client, name: str) -> str:
    return next(url for url in _page_urls(client) if "/_dash-component-suites/" in url and name in url)


@pytest.mark.parametrize("encoding", ["br", "gzip", "zstd"])
def test_an_asset_is_compressed_once_per_encoding(client, compressions, encoding):
    first = client.get(STYLESHEET, headers={"Accept-Encoding": encoding})
    second = client.get(STYLESHEET, headers={"Accept-Encoding": encoding})
    assert first.status_code == second.status_code == 200
    assert first.headers["Content-Encoding"] == second.headers["Content-Encoding"] == encoding
    assert first.get_data() == second.get_data()
    assert first.headers["ETag"] == second.headers["ETag"]
    assert compressions == [(encoding, (PROJECT_ROOT / "assets" / "bootstrap.min.css").stat().st_size)]


def test_dashs_callback_graph_is_compressed_once_and_revalidated(app, client, auth, compressions):
    auth.register()
    first = client.get("/_dash-dependencies", headers={"Accept-Encoding": "br"})
    again = client.get("/_dash-dependencies", headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert (first.status_code, first.headers["Content-Encoding"], again.status_code) == (200, "br", 304)
    assert first.headers["Cache-Control"] == "no-cache"
    assert [encoding for encoding, _size in compressions] == ["br"]
    graph = json.loads(brotli.decompress(first.get_data()))
    assert any("getRowsResponse" in callback["output"] for callback in graph)
    assert app.server.test_client().get("/_dash-dependencies").status_code == 401  # still behind the sign-in


def test_a_dash_bundle_is_compressed_once_and_decompresses_to_the_file(client, auth, compressions):
    auth.register()
    url = _suite_url(client, "dash_core_components.v")
    first = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    second = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert first.headers["Content-Encoding"] == "br"
    assert first.get_data() == second.get_data() and first.headers["ETag"] == second.headers["ETag"]
    assert [encoding for encoding, _ in compressions] == ["br"]
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert brotli.decompress(first.get_data()) == plain.get_data()


def test_each_encoding_has_its_own_etag(client):
    etags = {
        encoding: client.get(STYLESHEET, headers={"Accept-Encoding": encoding}).headers["ETag"]
        for encoding in ("br", "gzip", "identity")
    }
    assert len(set(etags.values())) == 3
    assert not etags["br"].startswith("W/")  # strong: byte for byte the same in every worker


@pytest.mark.parametrize("encoding", ["br", "gzip", "identity"])
def test_if_none_match_gets_304_with_an_empty_body(client, encoding):
    first = client.get(STYLESHEET, headers={"Accept-Encoding": encoding})
    again = client.get(STYLESHEET, headers={"Accept-Encoding": encoding, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert again.headers["ETag"] == first.headers["ETag"]


def test_a_stale_or_other_encodings_etag_gets_the_file(client):
    gzip_etag = client.get(STYLESHEET, headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    for etag in (gzip_etag, '"something-else"'):
        response = client.get(STYLESHEET, headers={"Accept-Encoding": "br", "If-None-Match": etag})
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == "br"


def test_dash_bundles_answer_304_too(client, auth):
    auth.register()
    fingerprinted = _suite_url(client, "dash_renderer")
    # dcc's async chunks have no fingerprint: they are the ones a browser revalidates.
    unfingerprinted = "/_dash-component-suites/dash/dcc/async-graph.js"
    for url in (fingerprinted, unfingerprinted):
        first = client.get(url, headers={"Accept-Encoding": "br"})
        assert first.status_code == 200, url
        again = client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
        assert (again.status_code, again.get_data()) == (304, b""), url


def test_fingerprinted_urls_are_cached_for_a_year(client, auth):
    auth.register()
    urls = _page_urls(client)
    suites = [url for url in urls if url.startswith("/_dash-component-suites/")]
    assets = [url for url in urls if url.startswith("/assets/") and not url.startswith("/assets/lazy/")]
    assert suites and assets
    assert all("?m=" in url for url in assets)  # Dash's fingerprint for assets; lazy/ files carry a version
    lazy = [f"/assets/lazy/{path.name}" for path in LAZY.glob("*.js")]
    for url in suites + assets + lazy:
        response = client.get(url, headers={"Accept-Encoding": "br"})
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == LONG_CACHE, url
        assert "Accept-Encoding" in response.headers["Vary"], url


def test_unfingerprinted_files_are_revalidated(client, auth):
    auth.register()
    for url in ("/_dash-component-suites/dash/dcc/async-graph.js", STYLESHEET, "/_favicon.ico"):
        response = client.get(url, headers={"Accept-Encoding": "br"})
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == "no-cache", url
        assert "ETag" in response.headers, url


def test_pages_and_callbacks_keep_no_store_and_are_still_compressed(client, auth):
    auth.register()
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Content-Encoding"] == "gzip"
    callback = client.post("/_dash-update-component", json={}, headers={"Accept-Encoding": "gzip"})
    assert callback.headers["Cache-Control"] == "no-store"


def test_an_error_at_a_static_path_is_not_kept(client):
    # Dash's bundles are behind the sign-in: a signed-out request gets 401, which no cache may keep.
    response = client.get("/_dash-component-suites/dash/dcc/async-graph.js")
    assert response.status_code == 401
    assert response.headers["Cache-Control"] == "no-store"
    missing = client.get("/assets/no-such-file.css")
    assert missing.status_code == 404
    assert missing.headers["Cache-Control"] == "no-store"


def test_no_page_links_plotly_itself(client, auth):
    # dcc.Graph fetches plotly.js when it draws its first chart; assets/plotly_bundle.js says from where.
    auth.register()
    urls = _page_urls(client)
    assert not any("plotly" in url and url != "/assets/plotly_bundle.js" for url in _script_paths(urls))
    assert any(url.startswith("/assets/plotly_bundle.js") for url in urls)


def test_pages_link_regenerator_runtime_and_set_immediate_before_the_components_and_not_babels_polyfill(client, auth):
    auth.register()
    urls = _page_urls(client)
    assert not any("polyfill" in url for url in urls)
    runtime, immediate = urls.index(REGENERATOR_RUNTIME), urls.index(SET_IMMEDIATE)
    react = next(index for index, url in enumerate(urls) if "/deps/react-dom@" in url)
    first_component = next(
        index for index, url in enumerate(urls) if "_dash-component-suites" in url and "/deps/" not in url
    )
    assert react < min(runtime, immediate) and max(runtime, immediate) < first_component
    assert client.get(REGENERATOR_RUNTIME).status_code == client.get(SET_IMMEDIATE).status_code == 200


def test_lazy_files_are_named_for_the_version_inside_them():
    # They are cached for a year by name (assets/lazy/README.md): a changed file needs a new name.
    files = sorted(LAZY.glob("*.min.js"))
    assert files
    for path in files:
        version = re.search(r"-(\d+\.\d+\.\d+)\.min\.js$", path.name).group(1)
        assert f" v{version}\n" in path.read_text()[:300], path.name
    loader = (PROJECT_ROOT / "assets" / "plotly_bundle.js").read_text()
    assert all(f"assets/lazy/{path.name}" in loader for path in files if path.name.startswith("plotly"))
