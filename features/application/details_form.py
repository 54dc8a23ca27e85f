""" "Edit details": every field of the application in one form, checked on the server when saved.

The form is filled from the database when it opens and left alone after a refused save, so what
was typed stays next to its messages. A save shows the saved values through details.SHOWN and
refreshes the timeline (a changed "applied on" is an event).
"""

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, html
from dash import no_update as skip
from flask_login import current_user

from components.callback_inputs import text_input
from components.forms import field
from components.status import PRIORITY_OPTIONS
from db import applications as application_queries
from db.connection import user_tx
from features.application import common, details, timeline
from features.application.common import load_application
from validators import clean_details, drop_invisible, validate_details

# Offered in the "Currency" field; any other 3-letter code is accepted too.
CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NZD", "SGD")

FIELDS = {name: f"details-{name.replace('_', '-')}" for name in application_queries.DETAIL_FIELDS}


class Ids:
    panel = "details-form"
    sources = "details-source-suggestions"
    currencies = "details-currency-suggestions"
    save = "details-save"
    cancel = "details-cancel"
    message = "details-message"


def _priority_field() -> html.Div:
    control_id = FIELDS["priority"]
    return html.Div(
        [
            dbc.Label("Priority", html_for=control_id),
            dbc.Select(id=control_id, options=PRIORITY_OPTIONS),
            dbc.FormFeedback(id=f"{control_id}-feedback", type="invalid"),
        ],
        className="mb-3",
    )


def panel() -> dbc.Collapse:
    return dbc.Collapse(
        dbc.Card(
            [
                dbc.CardHeader("Edit details", class_name="fw-semibold"),
                dbc.CardBody(
                    [
                        dbc.Row(
                            [
                                dbc.Col(field(FIELDS["company"], "Company", maxLength=200), md=6),
                                dbc.Col(field(FIELDS["role_title"], "Role title", maxLength=200), md=6),
                            ]
                        ),
                        field(FIELDS["job_description"], "Job description", textarea=True, rows=8),
                        dbc.Row(
                            [
                                dbc.Col(field(FIELDS["job_url"], "Job URL", type="url", placeholder="https://"), md=8),
                                dbc.Col(field(FIELDS["location"], "Location", placeholder="Remote"), md=4),
                            ]
                        ),
                        dbc.Row(
                            [
                                # Text, not type=number: the server sees what was typed and can say what is wrong.
                                dbc.Col(field(FIELDS["salary_min"], "Salary from", inputMode="numeric"), xs=6, md=4),
                                dbc.Col(field(FIELDS["salary_max"], "Salary to", inputMode="numeric"), xs=6, md=4),
                                dbc.Col(
                                    field(
                                        FIELDS["salary_currency"],
                                        "Currency",
                                        list=Ids.currencies,
                                        maxLength=3,
                                        autoComplete="off",
                                        help_text="A 3-letter code, like USD.",
                                    ),
                                    md=4,
                                ),
                            ]
                        ),
                        html.Datalist([html.Option(value=code) for code in CURRENCIES], id=Ids.currencies),
                        dbc.Row(
                            [
                                dbc.Col(
                                    field(
                                        FIELDS["source"],
                                        "Source",
                                        list=Ids.sources,
                                        maxLength=200,
                                        autoComplete="off",
                                        help_text="Where you found the posting.",
                                    ),
                                    md=6,
                                ),
                                dbc.Col(_priority_field(), md=6),
                            ]
                        ),
                        html.Datalist(id=Ids.sources),
                        dbc.Row(
                            [
                                dbc.Col(field(FIELDS["applied_on"], "Applied on", type="date"), sm=6),
                                dbc.Col(field(FIELDS["follow_up_on"], "Follow up on", type="date"), sm=6),
                            ]
                        ),
                        field(
                            FIELDS["notes"],
                            "Notes",
                            textarea=True,
                            rows=5,
                            help_text="Markdown: **bold**, *italic*, lists and links.",
                        ),
                        html.Div(id=Ids.message, role="alert"),
                        html.Div(
                            [
                                dbc.Button("Save details", id=Ids.save, color="primary"),
                                dbc.Button("Cancel", id=Ids.cancel, color="secondary", outline=True),
                            ],
                            className="d-flex gap-2",
                        ),
                    ]
                ),
            ],
            class_name="mb-4",
        ),
        id=Ids.panel,
        is_open=False,
    )


def _as_typed(value) -> str:
    """A saved value as the form shows it: amounts and dates as text, nothing as ""."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


_VALUES = {name: Output(field_id, "value") for name, field_id in FIELDS.items()}
_INVALID = {name: Output(field_id, "invalid") for name, field_id in FIELDS.items()}
_MESSAGES = {name: Output(f"{field_id}-feedback", "children") for name, field_id in FIELDS.items()}


@callback(
    output={
        "open": Output(Ids.panel, "is_open"),
        "values": _VALUES,
        "invalid": _INVALID,
        "sources": Output(Ids.sources, "children"),
        "message": Output(Ids.message, "children"),
    },
    inputs=[Input(details.Ids.edit, "n_clicks"), Input(Ids.cancel, "n_clicks")],
    state=[State(Ids.panel, "is_open"), State(common.Ids.application_id, "data")],
    prevent_initial_call=True,
)
def open_form(_edit, _cancel, is_open, application_id):
    unchanged = {
        "values": dict.fromkeys(FIELDS, skip),
        "invalid": dict.fromkeys(FIELDS, skip),
        "sources": skip,
        "message": skip,
    }
    if ctx.triggered_id == Ids.cancel:
        return unchanged | {"open": False}
    if is_open:  # already editing: what was typed stays
        return unchanged | {"open": skip}
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
        sources = application_queries.earlier_sources(conn) if application else []
    if application is None:
        return unchanged | {"open": True, "message": _not_found()}
    return {
        "open": True,
        "values": {name: _as_typed(application[name]) for name in FIELDS},
        "invalid": dict.fromkeys(FIELDS, False),
        "sources": [html.Option(value=source) for source in sources],
        "message": "",
    }


def _not_found() -> dbc.Alert:
    return dbc.Alert("This application is not there any more.", color="warning", class_name="mb-3")


@callback(
    output={
        "invalid": {name: Output(field_id, "invalid", allow_duplicate=True) for name, field_id in FIELDS.items()},
        "messages": _MESSAGES,
        "message": Output(Ids.message, "children", allow_duplicate=True),
        "open": Output(Ids.panel, "is_open", allow_duplicate=True),
        "shown": details.SHOWN,
        "changed": Output(timeline.Ids.changed, "data", allow_duplicate=True),
    },
    inputs={"_clicks": Input(Ids.save, "n_clicks")},
    state={
        "application_id": State(common.Ids.application_id, "data"),
        "values": {name: State(field_id, "value") for name, field_id in FIELDS.items()},
    },
    running=[(Output(Ids.save, "disabled"), True, False)],
    prevent_initial_call=True,
)
def save_details(_clicks, application_id, values):
    # Every field is text in the page; the priority select's value is text too.
    values = {name: text_input(value) for name, value in values.items()}
    # Long pasted texts lose their invisible characters; in the short fields they are a message.
    values["job_description"] = drop_invisible(values["job_description"])
    values["notes"] = drop_invisible(values["notes"])
    errors = validate_details(values)
    feedback = {
        "invalid": {name: name in errors for name in FIELDS},
        "messages": {name: errors.get(name, "") for name in FIELDS},
    }
    unchanged = {"shown": dict.fromkeys(details.SHOWN, skip), "changed": skip, "open": skip}
    if errors:
        return feedback | unchanged | {"message": dbc.Alert("Check the fields marked in red.", color="danger")}
    parsed = common.parse_id(application_id)
    with user_tx(current_user.id) as conn:
        saved = application_queries.update_details(conn, parsed, clean_details(values)) if parsed else None
    if saved is None:
        return feedback | unchanged | {"message": _not_found()}
    return feedback | {"message": "", "open": False, "shown": details.shown(saved), "changed": timeline.changed()}
