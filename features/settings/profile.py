"""Settings' profile: the person's name, their email and their password, each changed on its own."""

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html
from dash import no_update as skip
from flask_login import current_user

from auth import account
from components.callback_inputs import text_input
from components.forms import feedback, feedback_outputs, field
from components.section_card import section_card
from db import users as user_queries
from db.connection import user_tx
from validators import MIN_PASSWORD_LENGTH


class Ids:
    first_name = "profile-first-name"
    last_name = "profile-last-name"
    save_name = "profile-save-name"
    name_message = "profile-name-message"
    email = "profile-email"
    email_password = "profile-email-password"  # noqa: S105 - a component id
    save_email = "profile-save-email"
    email_message = "profile-email-message"
    current_password = "profile-current-password"  # noqa: S105 - a component id
    new_password = "profile-new-password"  # noqa: S105 - a component id
    save_password = "profile-save-password"  # noqa: S105 - a component id
    password_message = "profile-password-message"  # noqa: S105 - a component id


# Each form's error keys (as auth.account returns them) and the fields their messages sit under.
NAME_FIELDS = {"first_name": Ids.first_name, "last_name": Ids.last_name}
EMAIL_FIELDS = {"email": Ids.email, "password": Ids.email_password}
PASSWORD_FIELDS = {"current_password": Ids.current_password, "new_password": Ids.new_password}


def _password(field_id: str, label: str, autocomplete: str, **extra) -> html.Div:
    return field(field_id, label, type="password", autoComplete=autocomplete, maxLength=200, **extra)


def _section(title: str, children: list, button: str, button_id: str, message_id: str) -> html.Div:
    return html.Div(
        [
            html.H3(title, className="h6 fw-semibold border-top pt-3 mb-3"),
            *children,
            dbc.Button(button, id=button_id, color="primary", outline=True),
            html.Div(id=message_id, className="mt-2", role="status"),
        ],
        className="mb-4",
    )


def card() -> dbc.Card:
    name = [
        dbc.Row(
            [
                dbc.Col(field(Ids.first_name, "First name", maxLength=account.MAX_NAME_LENGTH), sm=6),
                dbc.Col(field(Ids.last_name, "Last name", maxLength=account.MAX_NAME_LENGTH), sm=6),
            ]
        )
    ]
    email = [
        field(Ids.email, "Email", type="email", autoComplete="email"),
        _password(Ids.email_password, "Your password", "current-password", help_text="Needed to change your email."),
    ]
    password = [
        _password(Ids.current_password, "Current password", "current-password"),
        _password(
            Ids.new_password,
            "New password",
            "new-password",
            help_text=f"At least {MIN_PASSWORD_LENGTH} characters. You stay signed in here; "
            "every other device is signed out.",
        ),
    ]
    return section_card(
        "Profile",
        None,
        [
            _section("Name", name, "Save name", Ids.save_name, Ids.name_message),
            _section("Sign-in email", email, "Change email", Ids.save_email, Ids.email_message),
            _section("Password", password, "Change password", Ids.save_password, Ids.password_message),
        ],
        class_name="mt-4",
    )


@callback(
    Output(Ids.first_name, "value"),
    Output(Ids.last_name, "value"),
    Output(Ids.email, "value"),
    Input(Ids.first_name, "id"),
)
def show_profile(_):
    with user_tx(current_user.id) as conn:
        profile = user_queries.get_current_user(conn)
    return profile["first_name"], profile["last_name"], profile["email"]


def _outputs(fields: dict, message_id: str, cleared: tuple[str, ...] = ()) -> dict:
    outputs = {"message": Output(message_id, "children"), "feedback": feedback_outputs(fields)}
    return outputs | ({"cleared": [Output(field_id, "value") for field_id in cleared]} if cleared else {})


def _answer(errors: dict, fields: dict, done: str, cleared: int = 0) -> dict:
    """The message and each field's invalid flag and message; a done form's `cleared` password fields emptied."""
    message = None if errors else dbc.Alert(done, color="success", duration=6000)
    answer = {"message": message, "feedback": feedback(errors, fields)}
    return answer | ({"cleared": [skip if errors else ""] * cleared} if cleared else {})


@callback(
    output=_outputs(NAME_FIELDS, Ids.name_message),
    inputs=Input(Ids.save_name, "n_clicks"),
    state=[State(Ids.first_name, "value"), State(Ids.last_name, "value")],
    prevent_initial_call=True,
)
def save_name(_clicks, first_name, last_name):
    errors = account.rename(text_input(first_name), text_input(last_name))
    return _answer(errors, NAME_FIELDS, "Saved your name.")


@callback(
    output=_outputs(EMAIL_FIELDS, Ids.email_message, (Ids.email_password,)),
    inputs=Input(Ids.save_email, "n_clicks"),
    state=[State(Ids.email, "value"), State(Ids.email_password, "value")],
    prevent_initial_call=True,
)
def save_email(_clicks, email, password):
    errors = account.change_email(text_input(email), text_input(password))
    return _answer(errors, EMAIL_FIELDS, "Your email is changed: sign in with it from now on.", cleared=1)


@callback(
    output=_outputs(PASSWORD_FIELDS, Ids.password_message, (Ids.current_password, Ids.new_password)),
    inputs=Input(Ids.save_password, "n_clicks"),
    state=[State(Ids.current_password, "value"), State(Ids.new_password, "value")],
    prevent_initial_call=True,
)
def save_password(_clicks, current_password, new_password):
    errors = account.change_password(text_input(current_password), text_input(new_password))
    return _answer(errors, PASSWORD_FIELDS, "Your password is changed. Every other device is signed out.", cleared=2)
