"""Rate limits on sign-in and sign-up (flask-limiter), so passwords cannot be guessed at speed."""

from flask import g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import parse_many

import config

limiter = Limiter(key_func=get_remote_address, default_limits=[])

# The only blueprints whose views carry limits (sign-in and sign-up, the calendar feed). Every other
# request, Dash's callbacks above all, skips flask-limiter's resolving of limits per request: a twentieth
# of a light callback's time (docs/performance.md). tests/integration/test_limits.py fails for a limit elsewhere.
LIMITED_BLUEPRINTS = frozenset({"auth", "calendar"})


@limiter.request_filter
def _carries_no_limit() -> bool:
    return request.blueprint not in LIMITED_BLUEPRINTS


# The shared scope names the failure counter per email and address, so it can be read back.
_FAILURES_SCOPE = "login-failures"


def _email() -> str:
    return (request.form.get("email") or "").strip().lower()


def _email_and_address_key() -> str:
    return f"email:{_email()}|address:{get_remote_address()}"


def _email_key() -> str:
    return "email:" + _email()


def _only_posts() -> bool:
    return request.method != "POST"


def record_failed_login() -> None:
    """Marks this request as a sign-in whose password was checked and wrong: only those count."""
    g.login_failed = True


def _failed(_response) -> bool:
    return g.get("login_failed", False)


def _address_has_not_failed() -> bool:
    """True when this address has no failed sign-in for this email in the current window."""
    key = _email_and_address_key()
    # flask-limiter keeps a shared limit's counter under (key, scope) when no key prefix is set.
    return all(
        limiter.limiter.get_window_stats(limit, key, _FAILURES_SCOPE).remaining >= limit.amount
        for limit in parse_many(config.active().login_limit_per_email)
    )


_login_limits = [
    # Every sign-in attempt from one address.
    limiter.limit(lambda: config.active().login_limit_per_address, exempt_when=_only_posts),
    # Failures for one email from one address: the guessing address waits, the person elsewhere does not.
    limiter.shared_limit(
        lambda: config.active().login_limit_per_email,
        _FAILURES_SCOPE,
        key_func=_email_and_address_key,
        exempt_when=_only_posts,
        deduct_when=_failed,
    ),
    # Failures for one email from every address that has failed for it: guesses spread over many
    # addresses stop them all, while an address that has not failed still signs in.
    limiter.limit(
        lambda: config.active().login_limit_per_email,
        key_func=_email_key,
        exempt_when=lambda: _only_posts() or _address_has_not_failed(),
        deduct_when=_failed,
    ),
]


def login_limit(view):
    for limit in reversed(_login_limits):
        view = limit(view)
    return view


signup_limit = limiter.limit(lambda: config.active().signup_limit_per_address, exempt_when=_only_posts)
