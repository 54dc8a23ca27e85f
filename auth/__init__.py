"""Accounts: sign-up, login and logout as plain Flask routes, and the guard on every other route."""

from flask import Flask
from flask_login import LoginManager

from auth.guard import install_guard
from auth.limits import limiter
from auth.users import load_user
from auth.views import blueprint
from db.connection import end_pending

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.user_loader(load_user)


def init_auth(server: Flask, storage_uri: str) -> None:
    server.config["RATELIMIT_STORAGE_URI"] = storage_uri
    limiter.init_app(server)
    login_manager.init_app(server)
    server.register_blueprint(blueprint)
    install_guard(server)
    # A request whose work never reached a user_tx leaves the transaction load_user began: end it.
    server.teardown_request(lambda _error: end_pending())
