"""Settings' "Your data": download all of it as one zip, or delete the account after the password."""

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html
from dash import no_update as skip
from flask import url_for

from auth import account
from components.callback_inputs import text_input
from components.confirm_modal import ConfirmIds, confirm_modal
from components.forms import field
from components.section_card import section_card
from exports.account_zip import EXPORT_PATH


class Ids:
    download = "your-data-download"
    delete = "your-data-delete"
    modal = "delete-account-modal"
    password = "delete-account-password"  # noqa: S105 - a component id
    password_feedback = f"{password}-feedback"
    confirm = "delete-account-confirm"
    cancel = "delete-account-cancel"
    leave = "delete-account-leave"  # where the browser goes once the account is gone


def card() -> dbc.Card:
    return section_card(
        "Your data",
        "One zip file with everything Job Forge keeps for you: your applications (as a spreadsheet "
        "and in full, with timelines, interviews and contacts), your resumes, and every document "
        "with all its versions, as Markdown.",
        [
            # A plain link: the browser downloads the file the server streams.
            html.A("Download all my data", id=Ids.download, href=EXPORT_PATH, className="btn btn-primary"),
            html.Hr(className="my-4"),
            html.P(
                "Deleting your account removes it and all your data for good, and signs you out everywhere.",
                className="text-body-secondary",
            ),
            dbc.Button("Delete my account", id=Ids.delete, color="danger", outline=True),
            _confirm_modal(),
            dcc.Location(id=Ids.leave, refresh=True),
        ],
        class_name="mt-4",
    )


def _confirm_modal() -> dbc.Modal:
    return confirm_modal(
        ConfirmIds(modal=Ids.modal, confirm=Ids.confirm, cancel=Ids.cancel),
        [
            html.P("This deletes your account and all your data. Enter your password to confirm."),
            field(Ids.password, "Password", type="password", autoComplete="current-password", maxLength=200),
        ],
        "Delete account and data",
        title="Delete my account",
        danger=True,
    )


@callback(
    output={
        "open": Output(Ids.modal, "is_open"),
        "password": Output(Ids.password, "value"),
        "invalid": Output(Ids.password, "invalid", allow_duplicate=True),
        "message": Output(Ids.password_feedback, "children", allow_duplicate=True),
    },
    inputs=[Input(Ids.delete, "n_clicks"), Input(Ids.cancel, "n_clicks")],
    prevent_initial_call=True,
)
def open_or_close(_delete, _cancel):
    """Opens on "Delete my account" with an empty password, closes on Cancel (nothing deleted)."""
    return {"open": ctx.triggered_id == Ids.delete, "password": "", "invalid": False, "message": ""}


@callback(
    Output(Ids.password, "invalid"),
    Output(Ids.password_feedback, "children"),
    Output(Ids.leave, "href"),
    Input(Ids.confirm, "n_clicks"),
    State(Ids.password, "value"),
    prevent_initial_call=True,
)
def delete_account(_clicks, password):
    errors = account.delete_account(text_input(password))
    if errors:
        return True, errors["password"], skip
    return False, "", url_for("auth.account_deleted")
