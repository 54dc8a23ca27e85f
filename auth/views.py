"""The /register, /login and /logout routes, and the page shown once an account is deleted."""

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from auth.forms import LoginForm, RegisterForm
from auth.guard import safe_next
from auth.limits import login_limit, record_failed_login, signup_limit
from auth.passwords import check_password, hash_password
from auth.users import load_user
from db import users as user_queries
from db.connection import anonymous_tx, user_tx
from validators import MIN_PASSWORD_LENGTH

blueprint = Blueprint("auth", __name__, template_folder="templates")


def _fresh_session() -> None:
    """Drop everything the session held, the CSRF secret included, so nothing carries over."""
    session.clear()
    # Flask-WTF caches this request's token in g; without this the response would hand out
    # a token for the secret just dropped.
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)


def _start_session(user_id) -> None:
    _fresh_session()
    with user_tx(user_id) as conn:
        epoch = user_queries.get_current_user(conn)["session_epoch"]
    login_user(load_user(f"{user_id}:{epoch}"))


@blueprint.route("/register", methods=["GET", "POST"])
@signup_limit
def register():
    if current_user.is_authenticated:
        return redirect("/")
    form = RegisterForm()
    if form.validate_on_submit():
        password_hash = hash_password(form.password.data)  # slow on purpose: not while holding a connection
        try:
            with anonymous_tx() as conn:
                user_id = user_queries.create_user(
                    conn,
                    form.email.data.strip(),
                    password_hash,
                    form.first_name.data.strip(),
                    form.last_name.data.strip(),
                )
        except user_queries.EmailTaken:
            form.email.errors.append("An account with this email already exists. Log in instead?")
        else:
            _start_session(user_id)
            return redirect(safe_next(request.args.get("next")))
    return render_template(
        "auth/register.html",
        form=form,
        next=request.args.get("next", ""),
        min_password_length=MIN_PASSWORD_LENGTH,
    )


@blueprint.route("/login", methods=["GET", "POST"])
@login_limit
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    if form.validate_on_submit():
        with anonymous_tx() as conn:
            account = user_queries.find_login(conn, form.email.data)
        password_hash = account["password_hash"] if account else None
        if check_password(form.password.data, password_hash):
            _start_session(account["id"])
            return redirect(safe_next(request.args.get("next")))
        record_failed_login()
        form.password.errors.append("Email or password is not right.")
    return render_template("auth/login.html", form=form, next=request.args.get("next", ""))


@blueprint.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        with user_tx(current_user.id) as conn:
            user_queries.end_sessions(conn)
    logout_user()
    _fresh_session()
    flash("You are logged out on every device.")
    return redirect(url_for("auth.login"))


@blueprint.route("/account-deleted")
def account_deleted():
    """Where a person lands after deleting their account (features/settings/your_data.py), signed out."""
    return render_template("auth/account_deleted.html")


@blueprint.app_errorhandler(429)
def too_many_attempts(_error):
    message = "Too many attempts. Wait a few minutes, then try again."
    if request.endpoint == "auth.register":
        form = RegisterForm()
        form.email.errors = [message]
        page = render_template(
            "auth/register.html",
            form=form,
            next=request.args.get("next", ""),
            min_password_length=MIN_PASSWORD_LENGTH,
        )
        return page, 429
    form = LoginForm()
    form.password.errors = [message]
    return render_template("auth/login.html", form=form, next=request.args.get("next", "")), 429
