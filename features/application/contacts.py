"""People met through the application (recruiters, hiring managers, referrers): add, edit, remove."""

import time

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, html
from dash import no_update as skip
from dash.exceptions import PreventUpdate
from flask_login import current_user

from components.callback_inputs import id_input, text_input
from components.forms import field
from db import contacts as contact_queries
from db.connection import user_tx
from features.application import common, item_forms
from features.application.common import load_application, parse_id
from features.application.item_forms import clicked_item, feedback_outputs, feedback_values, form_outputs, form_values
from validators import MAX_CONTACT_FIELD, MAX_TRACKING_NOTES, drop_invisible, validate_contact


class Ids:
    changed = "contacts-changed"
    editing = "contacts-editing"
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
    fields = [
        field(Ids.name, "Name", maxLength=MAX_CONTACT_FIELD),
        dbc.Row(
            [
                dbc.Col(field(Ids.role, "Role", maxLength=MAX_CONTACT_FIELD), sm=6),
                dbc.Col(field(Ids.email, "Email", type="text", inputMode="email"), sm=6),
            ],
            class_name="g-2",
        ),
        field(Ids.notes, "Contact notes", textarea=True, rows=2, maxLength=MAX_TRACKING_NOTES),
    ]
    return item_forms.card(Ids, "Contacts", "contact", fields)


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
        [html.Div(details, className="text-break"), item_forms.item_buttons(Ids, row["id"], row["name"])],
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


_EMPTY = dict.fromkeys(FIELDS, "")


@callback(
    output={**form_outputs(Ids, FIELDS), **feedback_outputs(FIELDS)},
    inputs=[Input({"type": Ids.edit, "id": ALL}, "n_clicks"), Input(Ids.cancel, "n_clicks")],
    prevent_initial_call=True,
)
def edit_contact(_edits, _cancel):
    """Edit fills the form with the contact; Cancel empties it again."""
    cleared = feedback_values(FIELDS, {})
    if ctx.triggered_id == Ids.cancel:
        return form_values("contact", _EMPTY, None) | cleared
    editing = clicked_item()
    if editing is None:  # a list re-rendered: nothing was clicked
        raise PreventUpdate
    with user_tx(current_user.id) as conn:
        row = contact_queries.get_contact(conn, editing)
    if row is None:
        return form_values("contact", _EMPTY, None) | cleared
    values = {key: row[key] or "" for key in _EMPTY}
    return form_values("contact", values, str(row["id"])) | cleared


@callback(
    output={
        **form_outputs(Ids, FIELDS, allow_duplicate=True),
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
    errors = validate_contact(name, role, email, notes)
    if errors:
        return (
            dict.fromkeys(form_outputs(Ids, FIELDS), skip)
            | feedback_values(FIELDS, errors)
            | {"message": "", "changed": skip}
        )
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
    return (
        form_values("contact", _EMPTY, None)
        | feedback_values(FIELDS, {})
        | {"message": message, "changed": time.time_ns()}
    )
