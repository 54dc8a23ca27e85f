"""Job Forge: the app factory. `make run` serves it with gunicorn (gunicorn.conf.py)."""

import dash
from dash import _dash_renderer, dash_table
from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect, generate_csrf
from werkzeug.middleware.proxy_fix import ProxyFix

import applications_export
import background_jobs
import calendar_feed
import health
from auth import init_auth
from components import shell
from components.callback_envelope import install_callback_envelope_check
from components.callback_inputs import install_callback_input_errors
from config import MAX_REQUEST_BYTES, PROJECT_ROOT, Config, activate
from db.connection import use_database
from db.startup import prepare_database
from error_pages import install_error_pages
from exports import account_zip
from logging_setup import configure_logging, install_request_logging
from security_headers import install_security_headers
from static_files import install_static_files

CSRF_COOKIE = "_csrf_token"  # the name dash-renderer copies into its X-CSRFToken header


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
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
    )
    server.session_interface = _SessionCookieSecureOverHttps(config)
    if config.trust_proxy:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=1, x_proto=1, x_host=1)
    install_request_logging(server)  # before the guard: requests it refuses get an id and an access line too
    init_auth(server, config.redis_url or "memory://")  # first: anonymous requests get 401 before CSRF checks
    CSRFProtect(server)

    @server.after_request
    def share_csrf_token(response):
        if response.mimetype == "text/html":
            response.set_cookie(
                CSRF_COOKIE, generate_csrf(), samesite="Lax", secure=_cookies_secure(config), httponly=False
            )
        return response

    server.register_blueprint(health.blueprint)
    server.register_blueprint(calendar_feed.blueprint)
    server.register_blueprint(account_zip.blueprint)
    server.register_blueprint(applications_export.blueprint)
    install_error_pages(server)
    install_callback_input_errors(server)
    return server


def _unlink_data_table() -> None:
    """Dash links DataTable's bundle (9 KB compressed) from every page, as it does each library it imports; no page
    here uses DataTable (tables are html.Table or AG Grid)."""
    for resource in dash_table._js_dist:
        if resource["relative_package_path"] == "dash_table/bundle.js":
            resource["dynamic"] = True  # still served, should a page ever use it


# What Babel's polyfill gave that browsers lack, linked in its place (assets/lazy/README.md).
REGENERATOR_RUNTIME = "/assets/lazy/regenerator-runtime-0.14.1.min.js"
SET_IMMEDIATE = "/assets/lazy/setimmediate-1.0.5.min.js"


def _unlink_babel_polyfill() -> None:
    """Dash links Babel's polyfill before React on every page (32 KB compressed): core-js, whose language features
    every browser Dash 4 runs in has natively, and regenerator-runtime, the global `regeneratorRuntime` that the
    async code of dash-renderer, dcc and dbc calls. Linked in its place, where Dash puts external scripts (right
    after React, before every component library): that runtime and core-js's one non-standard global these
    libraries use, `setImmediate` (without it dcc schedules its promise callbacks with setTimeout, later, and a
    page re-rendered after the person scrolled away, tests/e2e/test_documents.py showed). 3.8 KB for both."""
    for dependency in _dash_renderer._js_dist_dependencies:
        for lists in (dependency["relative_package_path"], dependency["external_url"]):
            for mode, paths in lists.items():
                lists[mode] = [path for path in paths if "polyfill" not in path]


def create_app(config: Config | None = None) -> dash.Dash:
    config = config or Config.from_env()
    _unlink_data_table()
    _unlink_babel_polyfill()
    activate(config)
    use_database(prepare_database(config), config.pool_min_size, config.pool_max_size)
    server = _create_server(config)
    manager = background_jobs.manager_for(config)
    app = dash.Dash(
        __name__,
        server=server,
        use_pages=True,
        pages_folder=str(PROJECT_ROOT / "pages"),
        assets_folder=str(PROJECT_ROOT / "assets"),
        title="Job Forge",
        external_scripts=[SET_IMMEDIATE, REGENERATOR_RUNTIME],
        update_title=None,
        # static_files compresses (once per file) and Flask-Compress the rest; Dash's compress=True would
        # register Flask-Compress for every response.
        compress=False,
        # Loaded only where needed (assets/plotly_bundle.js; SortableJS by the board), not linked from every page.
        assets_path_ignore=["^lazy$", "^vendor$"],
        suppress_callback_exceptions=True,
        background_callback_manager=manager,
    )
    server.extensions["jobforge_background"] = manager
    install_static_files(server)
    install_security_headers(server, app)
    install_callback_envelope_check(server, app)
    app.layout = shell.layout
    return app


def create_server() -> Flask:
    """For gunicorn: `gunicorn 'app:create_server()'`. Logging is set up first, so start-up lines share its format."""
    config = Config.from_env()
    configure_logging(config.log_format)
    return create_app(config).server
