"""Hardening headers on every response: a strict Content-Security-Policy, no framing, no sniffing, no caching."""

import dash
from flask import Flask, request

from static_files import is_static_path

# A static file's own caching is set by static_files; anything else may hold a person's text, and so may an error
# answered at a static path (a 401 names no person, but nothing there is worth keeping either).
_STATIC_FILE_STATUSES = {200, 206, 304}


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


def install_security_headers(server: Flask, app: dash.Dash) -> None:
    @server.after_request
    def harden(response):
        # Built for each response: inline clientside callbacks may be registered after the first page
        # was served, and hashing a few short scripts costs microseconds.
        response.headers["Content-Security-Policy"] = content_security_policy(list(app.csp_hashes()))
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if not (is_static_path(request.path) and response.status_code in _STATIC_FILE_STATUSES):
            response.headers["Cache-Control"] = "no-store"
        return response
