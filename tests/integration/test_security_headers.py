"""Hardening headers on pages, callbacks and error pages; static files stay cacheable."""

import base64
import hashlib
import re

from dash import _callback as dash_callback


def _directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_pages_carry_a_strict_policy_and_no_store(client, auth):
    auth.register()
    page = client.get("/")
    csp = _directives(page)
    assert csp["default-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["img-src"] == "'self' data:"
    assert csp["frame-ancestors"] == "'self'"
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "same-origin"
    assert page.headers["Cache-Control"] == "no-store"


def test_every_inline_script_of_a_page_is_allowed_by_its_hash(client, auth):
    auth.register()
    page = client.get("/")
    html = re.sub(r"<!--.*?-->", "", page.get_data(as_text=True), flags=re.S)  # Dash's note for old IE
    inline = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert inline, "Dash starts its renderer with an inline script"
    allowed = _directives(page)["script-src"].split()
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed


def test_an_inline_script_registered_after_the_first_response_is_allowed_too(app, client, auth):
    auth.register()
    client.get("/")  # the policy is built and kept
    script = "window.jobforgeLateScript = 1;"
    dash_callback.GLOBAL_INLINE_SCRIPTS.append(script)  # as an inline clientside callback registers it
    try:
        allowed = _directives(client.get("/"))["script-src"].split()
    finally:
        app._inline_scripts.remove(script)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in allowed


def test_callbacks_and_error_pages_carry_the_headers_too(client, auth):
    auth.register()
    callback = client.post("/_dash-update-component", json={})
    assert "default-src 'self'" in callback.headers["Content-Security-Policy"]
    assert callback.headers["Cache-Control"] == "no-store"
    signed_out = client.post("/logout")  # no CSRF token: the error page
    assert signed_out.status_code == 400
    assert "frame-ancestors 'self'" in signed_out.headers["Content-Security-Policy"]


def test_static_files_stay_cacheable(client):
    stylesheet = client.get("/assets/bootstrap.min.css")
    assert stylesheet.status_code == 200
    assert stylesheet.headers.get("Cache-Control") != "no-store"
    assert stylesheet.headers["X-Content-Type-Options"] == "nosniff"


def test_files_that_never_run_as_a_document_skip_the_policy_and_the_rest_keep_it(client, auth):
    auth.register()  # Dash's component suites are behind the sign-in
    stylesheet = client.get("/assets/bootstrap.min.css")
    assert "Content-Security-Policy" not in stylesheet.headers
    assert "X-Frame-Options" not in stylesheet.headers
    script = client.get("/assets/clientside.js")
    assert script.status_code == 200 and "Content-Security-Policy" not in script.headers
    worker = client.get("/_dash-component-suites/dash/dash-renderer/build/dash-ws-worker.js")
    assert worker.status_code == 200, "Dash's worker script moved: find it again"
    assert "default-src 'self'" in worker.headers["Content-Security-Policy"]
    missing = client.get("/assets/no-such-file.js")  # an error page is HTML
    assert "default-src 'self'" in missing.headers["Content-Security-Policy"]
