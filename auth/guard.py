"""Keeps every route but login, sign-up and static files behind a login."""

from urllib.parse import urlsplit

from flask import Flask, abort, redirect, request, url_for
from flask_login import current_user

# The calendar feed is read by calendar apps, which have no session: its token is the credential.
# /health is asked by load balancers and Docker, which have none either; it says only "ok" or "unavailable".
PUBLIC_ENDPOINTS = {"auth.login", "auth.register", "auth.account_deleted", "static", "calendar.feed", "health.health"}
PUBLIC_PREFIXES = ("/assets/",)
PUBLIC_PATHS = {"/_favicon.ico"}


def safe_next(target: str | None) -> str:
    """`target` if it is a path on this site, else the dashboard."""
    if not target or "\\" in target or any(ord(ch) < 32 for ch in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _is_public() -> bool:
    return (
        request.endpoint in PUBLIC_ENDPOINTS
        or request.path in PUBLIC_PATHS
        or (request.path.startswith(PUBLIC_PREFIXES) and ".." not in request.path)
    )


def install_guard(server: Flask) -> None:
    @server.before_request
    def require_login():
        if _is_public() or current_user.is_authenticated:
            return None
        # Dash's own endpoints answer 401 instead of a redirect the renderer cannot follow.
        if request.path.startswith(("/_dash-", "/_reload-hash")) or request.method != "GET":
            abort(401)
        next_path = request.full_path if request.query_string else request.path
        return redirect(url_for("auth.login", next=next_path))
