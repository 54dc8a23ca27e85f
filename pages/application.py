"""One application: the posting, its status, and the cover letter editor."""

import uuid

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html, no_update
from flask_login import current_user

from ai.workflow import MissingResume, generate_cover_letter
from components.status import STATUS_OPTIONS, status_badge
from db import applications as application_queries
from db import documents as document_queries
from db.connection import user_tx

dash.register_page(__name__, path_template="/applications/<application_id>", title="Application · Job Forge", order=3)


def layout(application_id: str = "", **_kwargs):
    return html.Div(
        [
            dcc.Store(id="application-id", data=application_id),
            dcc.Store(id="cover-letter-version"),
            dbc.Alert(
                [html.H1("Application not found", className="h4"), dcc.Link("Back to the dashboard", href="/")],
                id="application-not-found",
                color="warning",
                is_open=False,
            ),
            html.Div(id="application-view", hidden=True, children=_view()),
        ]
    )


def _view() -> list:
    header = html.Div(
        [
            html.Div(
                [
                    html.H1(id="application-title", className="h3 mb-1"),
                    html.Div(id="application-meta", className="text-body-secondary"),
                ]
            ),
            html.Div(
                [
                    dbc.Label("Status", html_for="application-status", class_name="mb-1 small"),
                    dbc.Select(id="application-status", options=STATUS_OPTIONS, style={"minWidth": "10rem"}),
                    html.Div(id="application-status-saved", className="small text-success mt-1", role="status"),
                ]
            ),
        ],
        className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4",
    )
    posting = dbc.Card(
        [
            dbc.CardHeader("Job posting"),
            dbc.CardBody(html.Div(id="application-posting", className="posting-text")),
        ],
        class_name="mb-4",
    )
    editor = dbc.Card(
        [
            dbc.CardHeader(
                html.Div(
                    [
                        html.Span("Cover letter", className="fw-semibold"),
                        html.Span(id="cover-letter-origin", className="small text-body-secondary"),
                    ],
                    className="d-flex justify-content-between align-items-center",
                )
            ),
            dbc.CardBody(
                [
                    html.Div(
                        [
                            dbc.Button("Generate cover letter", id="generate-cover-letter", color="primary"),
                            dbc.Button("Save", id="save-cover-letter", color="success", outline=True),
                        ],
                        className="d-flex gap-2 mb-3",
                    ),
                    html.Div(id="cover-letter-message", role="status"),
                    dbc.Row(
                        [
                            dbc.Col(
                                [
                                    dbc.Label("Cover letter (Markdown)", html_for="cover-letter-editor"),
                                    dbc.Textarea(
                                        id="cover-letter-editor",
                                        class_name="editor-source",
                                        rows=18,
                                        submit_on_enter=False,
                                        placeholder="Press “Generate cover letter” for a draft, or write your own.",
                                    ),
                                ],
                                lg=6,
                                class_name="mb-3",
                            ),
                            dbc.Col(
                                [
                                    html.Div("Preview", className="form-label"),
                                    dcc.Markdown(
                                        id="cover-letter-preview",
                                        className="editor-preview border rounded p-3",
                                        link_target="_blank",
                                    ),
                                ],
                                lg=6,
                            ),
                        ]
                    ),
                ]
            ),
        ]
    )
    return [header, posting, editor]


def _parse_id(application_id) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(application_id))
    except ValueError:
        return None


def _load_application(conn, application_id) -> dict | None:
    parsed = _parse_id(application_id)
    return application_queries.get_application(conn, parsed) if parsed else None


def _origin_label(document: dict | None) -> str:
    """'Offline draft · version 1', 'Edited by you · version 2'."""
    if document is None:
        return ""
    if document["origin"] == "generated":
        made_by = "Offline draft" if document["provider"] == "offline" else f"Written by {document['provider']}"
    else:
        made_by = "Edited by you" if document["origin"] == "edited" else "Restored"
    return f"{made_by} · version {document['version']}"


@callback(
    Output("application-not-found", "is_open"),
    Output("application-view", "hidden"),
    Output("application-title", "children"),
    Output("application-meta", "children"),
    Output("application-posting", "children"),
    Output("application-status", "value"),
    Output("cover-letter-editor", "value"),
    Output("cover-letter-version", "data"),
    Output("cover-letter-origin", "children"),
    Input("application-id", "data"),
)
def show_application(application_id):
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        document = application and document_queries.get_document(conn, application["id"], "cover_letter")
    if application is None:
        return True, True, *([no_update] * 7)
    meta = [html.Span(application["company"], className="fw-semibold")]
    if application["location"]:
        meta.append(f" · {application['location']}")
    if application["job_url"]:
        meta += [" · ", html.A("Posting", href=application["job_url"], target="_blank", rel="noopener noreferrer")]
    return (
        False,
        False,
        application["role_title"],
        meta,
        application["job_description"],
        application["status"],
        document["content"] if document else "",
        document["version"] if document else 0,
        _origin_label(document),
    )


@callback(
    Output("application-status-saved", "children"),
    Input("application-status", "value"),
    State("application-id", "data"),
    prevent_initial_call=True,
)
def change_status(status, application_id):
    parsed = _parse_id(application_id)
    if parsed is None or status is None:
        return no_update
    with user_tx(current_user.id) as conn:
        changed = application_queries.set_status(conn, parsed, status)
    return ["Status saved ", status_badge(status)] if changed else no_update


@callback(
    Output("cover-letter-editor", "value", allow_duplicate=True),
    Output("cover-letter-version", "data", allow_duplicate=True),
    Output("cover-letter-origin", "children", allow_duplicate=True),
    Output("cover-letter-message", "children"),
    Input("generate-cover-letter", "n_clicks"),
    State("application-id", "data"),
    State("cover-letter-editor", "value"),
    running=[
        (Output("generate-cover-letter", "disabled"), True, False),
        (Output("save-cover-letter", "disabled"), True, False),
    ],
    prevent_initial_call=True,
)
def generate(_clicks, application_id, editor_text):
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        if application is None:
            return no_update, no_update, no_update, dbc.Alert("This application no longer exists.", color="warning")
        try:
            document = generate_cover_letter(conn, application, current_user.full_name, editor_text)
        except MissingResume:
            message = dbc.Alert(
                [
                    "Add a resume first: the cover letter is written from it. ",
                    dcc.Link("Go to resumes", href="/resumes"),
                ],
                color="warning",
            )
            return no_update, no_update, no_update, message
    message = dbc.Alert(
        "Offline draft written from your primary resume and this posting. Edit it freely, then save.",
        color="info",
        dismissable=True,
    )
    return document["content"], document["version"], _origin_label(document), message


@callback(
    Output("cover-letter-version", "data", allow_duplicate=True),
    Output("cover-letter-origin", "children", allow_duplicate=True),
    Output("cover-letter-message", "children", allow_duplicate=True),
    Input("save-cover-letter", "n_clicks"),
    State("application-id", "data"),
    State("cover-letter-editor", "value"),
    State("cover-letter-version", "data"),
    running=[(Output("save-cover-letter", "disabled"), True, False)],
    prevent_initial_call=True,
)
def save(_clicks, application_id, text, base_version):
    if not (text or "").strip():
        return no_update, no_update, dbc.Alert("There is nothing to save yet.", color="warning")
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        if application is None:
            return no_update, no_update, dbc.Alert("This application no longer exists.", color="warning")
        try:
            document = document_queries.save_version(
                conn, application["id"], "cover_letter", text, "edited", base_version or 0
            )
        except document_queries.VersionConflict as conflict:
            message = dbc.Alert(
                f"This cover letter was changed elsewhere (now version {conflict.current['version']}). "
                "Your text is still in the editor: copy it, reload the page, and merge.",
                color="danger",
            )
            return no_update, no_update, message
    return document["version"], _origin_label(document), dbc.Alert("Saved.", color="success", duration=4000)


clientside_callback(
    "function (text) { return text || ''; }",
    Output("cover-letter-preview", "children"),
    Input("cover-letter-editor", "value"),
)
