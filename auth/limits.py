"""Rate limits on sign-in and sign-up (flask-limiter), so passwords cannot be guessed at speed."""

from flask import request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

import config

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def _email_key() -> str:
    return "email:" + (request.form.get("email") or "").strip().lower()


def _only_posts() -> bool:
    return request.method != "POST"


login_limits = [
    limiter.limit(lambda: config.active().login_limit_per_address, exempt_when=_only_posts),
    limiter.limit(lambda: config.active().login_limit_per_email, key_func=_email_key, exempt_when=_only_posts),
]
signup_limit = limiter.limit(lambda: config.active().signup_limit_per_address, exempt_when=_only_posts)
