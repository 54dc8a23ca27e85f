"""Job Forge: the app factory, and `python app.py` to run it on this machine."""

import logging
import signal
import sys

import dash
from flask import Flask, render_template_string, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf
from werkzeug.middleware.proxy_fix import ProxyFix

import background_jobs
from auth import init_auth
from components import shell
from config import PROJECT_ROOT, Config, activate
from db.startup import start_database

log = logging.getLogger("jobforge")

CSRF_COOKIE = "_csrf_token"  # the name dash-renderer copies into its X-CSRFToken header

_ERROR_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Job Forge</title>
<link rel="stylesheet" href="/assets/bootstrap.min.css"></head><body class="container py-5">
<h1 class="h4">{{ title }}</h1><p>{{ message }}</p><p><a href="/">Back to the dashboard</a></p></body></html>"""


def _cookies_secure(config: Config) -> bool:
    return config.secure_cookies or request.is_secure


class _SessionCookieSecureOverHttps(SecureCookieSessionInterface):
    """Marks the session cookie Secure when the request came over https (or SECURE_COOKIES=1)."""

    def __init__(self, config: Config):
        self._config = config

    def get_cookie_secure(self, app) -> bool:
        return _cookies_secure(self._config)


def _create_server(config: Config) -> Flask:
    server = Flask(__name__)
    server.config.update(
        SECRET_KEY=config.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,  # valid for the session: a tab left open overnight still works
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
    )
    server.session_interface = _SessionCookieSecureOverHttps(config)
    if config.trust_proxy:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=1, x_proto=1, x_host=1)
    init_auth(server, config.redis_url or "memory://")  # first: anonymous requests get 401 before CSRF checks
    CSRFProtect(server)

    @server.after_request
    def share_csrf_token(response):
        if response.mimetype == "text/html":
            response.set_cookie(
                CSRF_COOKIE, generate_csrf(), samesite="Lax", secure=_cookies_secure(config), httponly=False
            )
        return response

    @server.after_request
    def restrict_images(response):
        # Documents render in the browser: images only from this site, so no planted URL is fetched.
        response.headers.setdefault("Content-Security-Policy", "img-src 'self' data:")
        return response

    @server.errorhandler(CSRFError)
    def csrf_failed(error):
        message = "Your form was open too long or came from elsewhere. Go back, reload and try again."
        return render_template_string(_ERROR_PAGE, title="Please try again", message=message), 400

    @server.errorhandler(500)
    def server_error(error):
        message = "Something went wrong on our side. Nothing you saved was lost."
        return render_template_string(_ERROR_PAGE, title="Sorry", message=message), 500

    return server


def create_app(config: Config | None = None) -> dash.Dash:
    config = config or Config.from_env()
    activate(config)
    start_database(config)
    server = _create_server(config)
    manager = background_jobs.manager_for(config)
    app = dash.Dash(
        __name__,
        server=server,
        use_pages=True,
        pages_folder=str(PROJECT_ROOT / "pages"),
        assets_folder=str(PROJECT_ROOT / "assets"),
        title="Job Forge",
        update_title=None,
        compress=True,
        suppress_callback_exceptions=True,
        background_callback_manager=manager,
    )
    server.extensions["jobforge_background"] = manager
    app.layout = shell.layout
    return app


def create_server() -> Flask:
    """For gunicorn: `gunicorn 'app:create_server()'`."""
    return create_app().server


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for chatty in ("pgserver", "yoyo"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    # SIGTERM exits through sys.exit so the embedded database is stopped cleanly (atexit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    settings = Config.from_env()
    jobforge = create_app(settings)
    log.info("Job Forge is at http://%s:%s", settings.host, settings.port)
    jobforge.run(host=settings.host, port=settings.port, debug=False)
