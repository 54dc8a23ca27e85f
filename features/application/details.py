"""The application's own details: title, company and location, its record, the posting and its status.

Also archiving (hidden from the dashboard until unarchived) and deleting after a question.
"Edit details" is details_form.py; it shows what it saved through SHOWN and shown().
"""

import re

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html
from dash import no_update as skip
from flask_login import current_user

from components.confirm_modal import ConfirmIds, confirm_modal
from components.status import PRIORITY_LABELS, STATUS_OPTIONS, status_badge
from db import applications as application_queries
from db.connection import user_tx
from features.application import common, timeline
from features.application.common import day_label, load_application, parse_id

DELETE_QUESTION = "Delete this application and its documents?"


class Ids:
    title = "application-title"
    meta = "application-meta"
    archived_badge = "application-archived"
    posting = "application-posting"
    status = "application-status"
    status_saved = "application-status-saved"
    record = "application-record"
    edit = "application-edit-details"
    archive = "application-archive"
    unarchive = "application-unarchive"
    delete = "application-delete"
    delete_modal = "application-delete-modal"
    delete_cancel = "application-delete-cancel"
    delete_confirm = "application-delete-confirm"
    redirect = "application-redirect"


def header() -> html.Div:
    actions = html.Div(
        [
            # html.Button: dbc.Button has no `hidden`, and only one of the two shows at a time.
            html.Button("Archive", id=Ids.archive, className="btn btn-outline-secondary btn-sm"),
            html.Button("Unarchive", id=Ids.unarchive, className="btn btn-outline-secondary btn-sm", hidden=True),
            dbc.Button("Delete", id=Ids.delete, color="danger", outline=True, size="sm"),
        ],
        className="d-flex gap-2 mt-2",
    )
    return html.Div(
        [
            html.Div(
                [
                    html.H1(
                        [
                            html.Span(id=Ids.title),
                            html.Span(
                                "Archived",
                                id=Ids.archived_badge,
                                className="badge text-bg-secondary ms-2 fs-6",
                                hidden=True,
                            ),
                        ],
                        className="h3 mb-1",
                    ),
                    html.Div(id=Ids.meta, className="text-body-secondary"),
                ]
            ),
            html.Div(
                [
                    dbc.Label("Status", html_for=Ids.status, class_name="mb-1 small"),
                    dbc.Select(id=Ids.status, options=STATUS_OPTIONS, style={"minWidth": "10rem"}),
                    html.Div(id=Ids.status_saved, className="small text-success mt-1", role="status"),
                    actions,
                ]
            ),
            dcc.Location(id=Ids.redirect, refresh="callback-nav"),
            _delete_modal(),
        ],
        className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4",
    )


def _delete_modal() -> dbc.Modal:
    ids = ConfirmIds(modal=Ids.delete_modal, confirm=Ids.delete_confirm, cancel=Ids.delete_cancel)
    return confirm_modal(ids, DELETE_QUESTION, "Delete application", danger=True)


def record() -> dbc.Card:
    """The details kept about the application (salary, source, dates, notes), with "Edit details"."""
    return dbc.Card(
        [
            dbc.CardHeader(
                html.Div(
                    [
                        html.Span("Details", className="fw-semibold"),
                        dbc.Button("Edit details", id=Ids.edit, color="primary", outline=True, size="sm"),
                    ],
                    className="d-flex justify-content-between align-items-center",
                )
            ),
            dbc.CardBody(html.Div(id=Ids.record)),
        ],
        class_name="mb-4",
    )


def posting() -> dbc.Card:
    return dbc.Card(
        [dbc.CardHeader("Job posting"), dbc.CardBody(html.Div(id=Ids.posting, className="posting-text"))],
        class_name="mb-4",
    )


def _safe_markdown(text: str) -> str:
    """Images become their alt text and only web and mail links stay links, as in the documents' preview
    (assets/clientside.js): the page's Content-Security-Policy would refuse anything else anyway."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"!\[([^\]]*)\](\[[^\]]*\])?", r"\1", text)
    text = text.replace("![", "[")
    text = re.sub(r"\]\((?!https?:|mailto:|#)[^)]*\)", "]()", text, flags=re.I)
    return re.sub(r"^( {0,3}\[[^\]]+\]:[ \t]*)(?!<?(?:https?:|mailto:|#))\S+", r"\1#", text, flags=re.I | re.M)


def _salary(application: dict) -> str | None:
    low, high, currency = application["salary_min"], application["salary_max"], application["salary_currency"]
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        amount = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    else:
        amount = f"from {low:,}" if low is not None else f"up to {high:,}"
    return f"{amount} {currency}" if currency else amount


def _record(application: dict) -> list:
    rows = [
        ("Salary", _salary(application)),
        ("Source", application["source"]),
        ("Priority", PRIORITY_LABELS[application["priority"]]),
        ("Applied on", application["applied_on"] and day_label(application["applied_on"])),
        ("Follow up on", application["follow_up_on"] and day_label(application["follow_up_on"])),
    ]
    items = []
    for label, value in rows:
        shown = value or html.Span("Not set", className="text-body-secondary")
        items += [html.Dt(label, className="col-5 col-sm-4"), html.Dd(shown, className="col-7 col-sm-8 mb-1")]
    notes = (
        dcc.Markdown(_safe_markdown(application["notes"]), className="record-notes", link_target="_blank")
        if application["notes"]
        else html.P("No notes yet.", className="text-body-secondary mb-0")
    )
    return [html.Dl(items, className="row mb-2"), html.H2("Notes", className="h6"), notes]


def _meta(application: dict) -> list:
    meta = [html.Span(application["company"], className="fw-semibold")]
    if application["location"]:
        meta.append(f" · {application['location']}")
    if application["job_url"]:
        meta += [" · ", html.A("Posting", href=application["job_url"], target="_blank", rel="noopener noreferrer")]
    return meta


def _shown_outputs(allow_duplicate: bool) -> dict:
    return {
        "title": Output(Ids.title, "children", allow_duplicate=allow_duplicate),
        "meta": Output(Ids.meta, "children", allow_duplicate=allow_duplicate),
        "record": Output(Ids.record, "children", allow_duplicate=allow_duplicate),
        "posting": Output(Ids.posting, "children", allow_duplicate=allow_duplicate),
        "archived": Output(Ids.archived_badge, "hidden", allow_duplicate=allow_duplicate),
        "archive": Output(Ids.archive, "hidden", allow_duplicate=allow_duplicate),
        "unarchive": Output(Ids.unarchive, "hidden", allow_duplicate=allow_duplicate),
    }


# What any callback that changed the application returns to show it as saved: shown(application).
SHOWN = _shown_outputs(allow_duplicate=True)


def shown(application: dict) -> dict:
    archived = application["archived_at"] is not None
    return {
        "title": application["role_title"],
        "meta": _meta(application),
        "record": _record(application),
        "posting": application["job_description"],
        "archived": not archived,
        "archive": archived,
        "unarchive": not archived,
    }


LOADED = {**_shown_outputs(allow_duplicate=False), "status": Output(Ids.status, "value")}


def loaded(_conn, application: dict) -> dict:
    return shown(application) | {"status": application["status"]}


@callback(
    output={
        "saved": Output(Ids.status_saved, "children"),
        "shown": SHOWN,
        "changed": Output(timeline.Ids.changed, "data", allow_duplicate=True),
    },
    inputs=Input(Ids.status, "value"),
    state=State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def change_status(status, application_id):
    parsed = parse_id(application_id)
    unchanged = {"saved": skip, "shown": dict.fromkeys(SHOWN, skip), "changed": skip}
    if parsed is None or status not in application_queries.STATUSES:
        return unchanged
    with user_tx(current_user.id) as conn:
        if not application_queries.set_status(conn, parsed, status):
            return unchanged
        application = application_queries.get_application(conn, parsed)
    # Moving to applied may have set "applied on" and recorded what was sent.
    return {
        "saved": ["Status saved ", status_badge(status)],
        "shown": shown(application),
        "changed": timeline.changed(),
    }


@callback(
    output={"shown": SHOWN, "changed": Output(timeline.Ids.changed, "data", allow_duplicate=True)},
    inputs=[Input(Ids.archive, "n_clicks"), Input(Ids.unarchive, "n_clicks")],
    state=State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def archive(_archive, _unarchive, application_id):
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
        if application is None:
            return {"shown": dict.fromkeys(SHOWN, skip), "changed": skip}
        application_queries.set_archived(conn, application["id"], ctx.triggered_id == Ids.archive)
        application = application_queries.get_application(conn, application["id"])
    return {"shown": shown(application), "changed": timeline.changed()}


@callback(
    Output(Ids.delete_modal, "is_open"),
    Input(Ids.delete, "n_clicks"),
    Input(Ids.delete_cancel, "n_clicks"),
    prevent_initial_call=True,
)
def ask_delete(_delete, _cancel):
    return ctx.triggered_id == Ids.delete


@callback(
    Output(Ids.redirect, "href"),
    Input(Ids.delete_confirm, "n_clicks"),
    State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def delete(_confirm, application_id):
    parsed = parse_id(application_id)
    if parsed is not None:
        with user_tx(current_user.id) as conn:
            # Someone else's id deletes nothing: row level security hides their row.
            application_queries.delete_application(conn, parsed)
    return "/"
