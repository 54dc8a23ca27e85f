"""People met through the application (recruiters, hiring managers, referrers): add, edit, remove."""

import time

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html
from dash import no_update as skip
from dash.exceptions import PreventUpdate
from flask_login import current_user

from components.callback_inputs import id_input, text_input
from components.forms import field
from db import contacts as contact_queries
from db.connection import user_tx
from features.application import common
from features.application.common import load_application, parse_id
from features.application.item_forms import clicked_item, feedback_outputs, feedback_values, form_mode, item_buttons
from validators import drop_invisible, email_error, invisible_characters_error

# sql/migrations/0004_tracking.sql holds the same limits.
MAX_NAME = 200
MAX_EMAIL = 320
MAX_NOTES = 20_000


class Ids:
    changed = "contacts-changed"  # a dcc.Store: any new value reads the list again
    editing = "contacts-editing"  # a dcc.Store: the id of the contact in the form, None to add one
    items = "contacts-list"
    heading = "contact-form-heading"
    name = "contact-name"
    role = "contact-role"
    email = "contact-email"
    notes = "contact-notes"
    save = "contact-save"
    cancel = "contact-cancel"
    message = "contact-message"
    edit = "contact-edit"  # pattern-matching {"type": edit, "id": contact id}
    remove = "contact-remove"


FIELDS = {"name": Ids.name, "role": Ids.role, "email": Ids.email, "notes": Ids.notes}


def card() -> dbc.Card:
    return dbc.Card(
        [
            dbc.CardHeader("Contacts", class_name="fw-semibold"),
            dbc.CardBody(
                [
                    html.Div(id=Ids.items, className="mb-3"),
                    html.H3("Add contact", id=Ids.heading, className="h6"),
                    field(Ids.name, "Name", maxLength=MAX_NAME),
                    dbc.Row(
                        [
                            dbc.Col(field(Ids.role, "Role", maxLength=MAX_NAME), sm=6),
                            dbc.Col(field(Ids.email, "Email", type="text", inputMode="email"), sm=6),
                        ],
                        class_name="g-2",
                    ),
                    field(Ids.notes, "Contact notes", textarea=True, rows=2, maxLength=MAX_NOTES),
                    html.Div(
                        [
                            dbc.Button("Add contact", id=Ids.save, color="primary"),
                            dbc.Button("Cancel", id=Ids.cancel, color="secondary", outline=True, class_name="d-none"),
                        ],
                        className="d-flex gap-2",
                    ),
                    html.Div(id=Ids.message, className="small mt-2", role="status"),
                    dcc.Store(id=Ids.changed),
                    dcc.Store(id=Ids.editing),
                ]
            ),
        ],
        class_name="mb-4",
    )


def _errors(name: str, role: str, email: str, notes: str) -> dict:
    """Errors by field; short fields refuse invisible characters, the notes had theirs dropped."""
    errors = {}
    if not name:
        errors["name"] = "Enter the contact's name."
    elif len(name) > MAX_NAME:
        errors["name"] = f"Keep the name under {MAX_NAME} characters."
    if len(role) > MAX_NAME:
        errors["role"] = f"Keep the role under {MAX_NAME} characters."
    if email and (len(email) > MAX_EMAIL or email_error(email)):
        errors["email"] = email_error(email) or f"Keep the email under {MAX_EMAIL} characters."
    if len(notes) > MAX_NOTES:
        errors["notes"] = f"Keep the notes under {MAX_NOTES:,} characters (they have {len(notes):,})."
    for key, value in (("name", name), ("role", role), ("email", email)):
        if problem := invisible_characters_error(value):
            errors[key] = problem
    return errors


def _item(row: dict) -> html.Li:
    heading = [html.Span(row["name"], className="fw-semibold")]
    if row["role"]:
        heading.append(f" · {row['role']}")
    details = [html.Div(heading)]
    if row["email"]:
        details.append(html.A(row["email"], href=f"mailto:{row['email']}", className="small"))
    if row["notes"]:
        details.append(html.Div(row["notes"], className="small text-body-secondary", style={"whiteSpace": "pre-wrap"}))
    return html.Li(
        [html.Div(details, className="text-break"), item_buttons(Ids.edit, Ids.remove, row["id"], row["name"])],
        className="list-group-item d-flex justify-content-between align-items-start gap-2 flex-wrap",
    )


@callback(Output(Ids.items, "children"), Input(common.Ids.application_id, "data"), Input(Ids.changed, "data"))
def show_contacts(application_id, _changed):
    parsed = parse_id(application_id)
    if parsed is None:
        return skip
    with user_tx(current_user.id) as conn:
        rows = contact_queries.list_for(conn, parsed)
    if not rows:
        return html.P(
            "No contacts yet: add the recruiter or the people you meet.", className="text-body-secondary mb-0"
        )
    return html.Ul([_item(row) for row in rows], className="list-group")


@callback(
    Output(Ids.changed, "data", allow_duplicate=True),
    Input({"type": Ids.remove, "id": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def remove_contact(_clicks):
    removed = clicked_item()
    if removed is None:
        raise PreventUpdate
    with user_tx(current_user.id) as conn:
        contact_queries.delete_contact(conn, removed)
    return time.time_ns()


_FORM = {
    "name": Output(Ids.name, "value"),
    "role": Output(Ids.role, "value"),
    "email": Output(Ids.email, "value"),
    "notes": Output(Ids.notes, "value"),
    "editing": Output(Ids.editing, "data"),
    "heading": Output(Ids.heading, "children"),
    "save_label": Output(Ids.save, "children"),
    "cancel_hidden": Output(Ids.cancel, "className"),
}
_EMPTY = dict.fromkeys(("name", "role", "email", "notes"), "")


def _form(values: dict, editing) -> dict:
    mode = form_mode("contact", editing is not None)
    return values | {
        "editing": editing,
        "heading": mode["heading"],
        "save_label": mode["save_label"],
        "cancel_hidden": "d-none" if mode["cancel_hidden"] else "",
    }


@callback(
    output={**_FORM, **feedback_outputs(FIELDS)},
    inputs=[Input({"type": Ids.edit, "id": ALL}, "n_clicks"), Input(Ids.cancel, "n_clicks")],
    prevent_initial_call=True,
)
def edit_contact(_edits, _cancel):
    """Edit fills the form with the contact; Cancel empties it again."""
    cleared = feedback_values(FIELDS, {})
    if ctx.triggered_id == Ids.cancel:
        return _form(_EMPTY, None) | cleared
    editing = clicked_item()
    if editing is None:  # a list re-rendered: nothing was clicked
        raise PreventUpdate
    with user_tx(current_user.id) as conn:
        row = contact_queries.get_contact(conn, editing)
    if row is None:
        return _form(_EMPTY, None) | cleared
    values = {key: row[key] or "" for key in _EMPTY}
    return _form(values, str(row["id"])) | cleared


@callback(
    output={
        **{
            key: Output(prop.component_id, prop.component_property, allow_duplicate=True) for key, prop in _FORM.items()
        },
        **feedback_outputs(FIELDS, allow_duplicate=True),
        "message": Output(Ids.message, "children"),
        "changed": Output(Ids.changed, "data"),
    },
    inputs=Input(Ids.save, "n_clicks"),
    state=[
        State(Ids.name, "value"),
        State(Ids.role, "value"),
        State(Ids.email, "value"),
        State(Ids.notes, "value"),
        State(Ids.editing, "data"),
        State(common.Ids.application_id, "data"),
    ],
    prevent_initial_call=True,
)
def save_contact(_clicks, name, role, email, notes, editing, application_id):
    """Add or save; a wrong field gets its message and everything typed stays in the form."""
    name, role, email = (text_input(value).strip() for value in (name, role, email))
    notes = drop_invisible(text_input(notes)).strip()  # pasted text: invisible characters dropped, not refused
    errors = _errors(name, role, email, notes)
    if errors:
        return dict.fromkeys(_FORM, skip) | feedback_values(FIELDS, errors) | {"message": "", "changed": skip}
    editing = id_input(editing)
    with user_tx(current_user.id) as conn:
        if editing is not None:
            saved = contact_queries.update_contact(conn, editing, name, role or None, email or None, notes)
            message = "Contact saved." if saved else "That contact was removed; add it again if you need it."
        elif load_application(conn, application_id) is not None:
            contact_queries.add_contact(conn, parse_id(application_id), name, role or None, email or None, notes)
            message = "Contact added."
        else:
            message = "This application is no longer here."
    return _form(_EMPTY, None) | feedback_values(FIELDS, {}) | {"message": message, "changed": time.time_ns()}
