"""The application's own details: title, company and location, the posting text, and its status."""

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html
from dash import no_update as skip
from flask_login import current_user

from components.status import STATUS_OPTIONS, status_badge
from db import applications as application_queries
from db.connection import user_tx
from features.application import common
from features.application.common import parse_id


class Ids:
    title = "application-title"
    meta = "application-meta"
    posting = "application-posting"
    status = "application-status"
    status_saved = "application-status-saved"


def header() -> html.Div:
    return html.Div(
        [
            html.Div(
                [
                    html.H1(id=Ids.title, className="h3 mb-1"),
                    html.Div(id=Ids.meta, className="text-body-secondary"),
                ]
            ),
            html.Div(
                [
                    dbc.Label("Status", html_for=Ids.status, class_name="mb-1 small"),
                    dbc.Select(id=Ids.status, options=STATUS_OPTIONS, style={"minWidth": "10rem"}),
                    html.Div(id=Ids.status_saved, className="small text-success mt-1", role="status"),
                ]
            ),
        ],
        className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4",
    )


def posting() -> dbc.Card:
    return dbc.Card(
        [dbc.CardHeader("Job posting"), dbc.CardBody(html.Div(id=Ids.posting, className="posting-text"))],
        class_name="mb-4",
    )


LOADED = {
    "title": Output(Ids.title, "children"),
    "meta": Output(Ids.meta, "children"),
    "posting": Output(Ids.posting, "children"),
    "status": Output(Ids.status, "value"),
}


def loaded(_conn, application: dict) -> dict:
    meta = [html.Span(application["company"], className="fw-semibold")]
    if application["location"]:
        meta.append(f" · {application['location']}")
    if application["job_url"]:
        meta += [" · ", html.A("Posting", href=application["job_url"], target="_blank", rel="noopener noreferrer")]
    return {
        "title": application["role_title"],
        "meta": meta,
        "posting": application["job_description"],
        "status": application["status"],
    }


@callback(
    Output(Ids.status_saved, "children"),
    Input(Ids.status, "value"),
    State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def change_status(status, application_id):
    parsed = parse_id(application_id)
    if parsed is None or status not in application_queries.STATUSES:
        return skip
    with user_tx(current_user.id) as conn:
        changed = application_queries.set_status(conn, parsed, status)
    return ["Status saved ", status_badge(status)] if changed else skip
