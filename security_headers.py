"""Hardening headers on every response: a strict Content-Security-Policy, no framing, no sniffing, no caching."""

import dash
from dash import _callback as dash_callback
from flask import Flask, request

from static_files import is_static_path

# A static file's own caching is set by static_files; anything else may hold a person's text, and so may an error
# answered at a static path (a 401 names no person, but nothing there is worth keeping either).
_STATIC_FILE_STATUSES = {200, 206, 304}


# A policy is enforced only for what a browser runs as a document or a worker. A stylesheet, an icon or a script
# loaded by <script> (all sent with nosniff) is neither, and 27 of the Table view's 33 responses are such files:
# the policy and X-Frame-Options on each were 17 KB of its first load (docs/performance.md).
_DOCUMENT_TYPES = {"text/html", "image/svg+xml", "application/xhtml+xml", "text/xml", "application/xml"}


def _may_run_as_document_or_worker(response) -> bool:
    return response.mimetype in _DOCUMENT_TYPES or "worker" in request.path.lower()


def content_security_policy(script_hashes: list[str]) -> str:
    directives = {
        "default-src": ["'self'"],
        # Dash's own inline scripts (the renderer's start) are allowed by their hashes, nothing else inline.
        "script-src": ["'self'", *script_hashes],
        # Components and plotly.js set styles from script (<style> elements included).
        "style-src": ["'self'", "'unsafe-inline'"],
        # Documents render in the browser: images only from this site, so no planted URL is fetched.
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _inline_script_counts(app: dash.Dash) -> tuple[int, int]:
    return len(app._inline_scripts), len(dash_callback.GLOBAL_INLINE_SCRIPTS)


def install_security_headers(server: Flask, app: dash.Dash) -> None:
    policy = {}

    def current_policy() -> str:
        # Hashed again only when Dash holds more inline scripts than last time (a clientside callback
        # registered after the first response, which Dash moves to the app's list as it serves a page):
        # hashing them all for every callback was a fiftieth of its time.
        if policy.get("scripts") != _inline_script_counts(app):
            policy["value"] = content_security_policy(list(app.csp_hashes()))
            policy["scripts"] = _inline_script_counts(app)  # after: csp_hashes moves Dash's global list to the app's
        return policy["value"]

    @server.after_request
    def harden(response):
        static_file = is_static_path(request.path) and response.status_code in _STATIC_FILE_STATUSES
        if not static_file or _may_run_as_document_or_worker(response):
            response.headers["Content-Security-Policy"] = current_policy()
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if not static_file:
            response.headers["Cache-Control"] = "no-store"
        return response
