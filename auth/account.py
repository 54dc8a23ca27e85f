"""The signed-in person's own account: name, email, password, and deleting it, each checked on the server.

Each function returns the problems found as {field: message} (empty: done). Changing the email or
the password, and deleting the account, need the current password. bcrypt is slow on purpose, so
the hash is read in one short transaction and checked with no connection held.
"""

from flask import current_app, session
from flask_login import current_user, login_user, logout_user

import background_jobs
from auth.passwords import check_password, hash_password
from auth.users import load_user
from db import users as user_queries
from db.connection import hold_generation_slot, user_tx
from validators import email_error, invisible_characters_error, password_error

MAX_NAME_LENGTH = 100  # as at sign-up (auth/forms.py)
WRONG_PASSWORD = "That is not your current password."  # noqa: S105 - a message
GENERATION_RUNNING = (
    "A document is being written for you right now. Cancel it or let it finish, then delete your account."
)


def _name_error(name: str, what: str) -> str | None:
    if not name:
        return f"Enter your {what}."
    if len(name) > MAX_NAME_LENGTH:
        return f"Keep your {what} under {MAX_NAME_LENGTH} characters."
    return invisible_characters_error(name)


def rename(first_name: str, last_name: str) -> dict:
    first_name, last_name = first_name.strip(), last_name.strip()
    errors = {
        key: problem
        for key, problem in (
            ("first_name", _name_error(first_name, "first name")),
            ("last_name", _name_error(last_name, "last name")),
        )
        if problem
    }
    if not errors:
        with user_tx(current_user.id) as conn:
            user_queries.rename(conn, first_name, last_name)
    return errors


def _password_is_right(password: str) -> bool:
    with user_tx(current_user.id) as conn:
        stored = user_queries.password_hash(conn)
    return bool(password) and check_password(password, stored)


def change_email(email: str, password: str) -> dict:
    email = email.strip()
    problem = invisible_characters_error(email) or email_error(email)
    if problem:
        return {"email": problem}
    if not _password_is_right(password):
        return {"password": WRONG_PASSWORD}
    try:
        with user_tx(current_user.id) as conn:
            user_queries.change_email(conn, email)
    except user_queries.EmailTaken:
        return {"email": "Another account already uses this email."}
    return {}


def change_password(current_password: str, new_password: str) -> dict:
    """A new password ends every other session; this one is issued again with the new epoch."""
    if problem := password_error(new_password):
        return {"new_password": problem}
    if not _password_is_right(current_password):
        return {"current_password": WRONG_PASSWORD}
    new_hash = hash_password(new_password)
    with user_tx(current_user.id) as conn:
        epoch = user_queries.set_password(conn, new_hash)
    # The session cookie names the epoch: this session moves on with it, every other one stops loading.
    login_user(load_user(f"{current_user.id}:{epoch}"))
    return {}


def delete_account(password: str) -> dict:
    """Deletes the person and all their rows, drops their background jobs' results, and signs them out.

    Every session ends with the users row (a session loads only an existing user). The person's
    generation slot is held while deleting, so no job of theirs is writing meanwhile, and none
    can start afterwards (no session can).
    """
    if not _password_is_right(password):
        return {"password": WRONG_PASSWORD}
    user_id = current_user.id
    with user_tx(user_id) as conn:
        if not hold_generation_slot(conn, user_id):
            return {"password": GENERATION_RUNNING}
        user_queries.delete_account(conn)
    background_jobs.forget_person(current_app.extensions["jobforge_background"], user_id)
    logout_user()
    session.clear()
    return {}
