"""Rate limits (auth/limits.py): every view that carries one is in a blueprint the limiter checks."""

from flask_limiter.util import get_qualified_name

from auth.limits import LIMITED_BLUEPRINTS, limiter


def test_every_view_with_a_limit_is_in_a_blueprint_the_limiter_checks(app):
    limited = {
        endpoint
        for endpoint, view in app.server.view_functions.items()
        if get_qualified_name(view) in limiter._marked_for_limiting
    }
    assert {"auth.login", "auth.register", "calendar.feed"} <= limited
    assert {endpoint.rpartition(".")[0] for endpoint in limited} <= LIMITED_BLUEPRINTS
