"""What was sent: each time the application went out, the resume and cover letter versions as sent.

The versions are frozen by db.submissions when the status first becomes applied; each opens its
text exactly as it was, however the documents were edited or regenerated since.
"""

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, callback, ctx, html
from dash import no_update as skip
from flask_login import current_user

from components.callback_inputs import id_input
from db import submissions as submission_queries
from db.connection import user_tx
from features.application import timeline
from features.application.common import day_label

DOC_LABELS = {"resume": "Resume", "cover_letter": "Cover letter"}


class Ids:
    submissions = "sent-submissions"
    modal = "sent-modal"
    modal_title = "sent-modal-title"
    modal_text = "sent-modal-text"
    open_version = "sent-open-version"  # pattern-matching {"type": open_version, "version": id}


def card() -> dbc.Card:
    return dbc.Card(
        [
            dbc.CardHeader("What was sent", class_name="fw-semibold"),
            dbc.CardBody(html.Ul(id=Ids.submissions, className="list-unstyled mb-0")),
            dbc.Modal(
                [
                    dbc.ModalHeader(dbc.ModalTitle(id=Ids.modal_title)),
                    dbc.ModalBody(html.Pre(id=Ids.modal_text, className="sent-text mb-0")),
                ],
                id=Ids.modal,
                size="lg",
                scrollable=True,
                is_open=False,
            ),
        ],
        class_name="mb-4",
    )


def _version_button(doc_type: str, version_id, number: int) -> dbc.Button:
    return dbc.Button(
        f"{DOC_LABELS[doc_type]} v{number}",
        id={"type": Ids.open_version, "version": str(version_id)},
        color="link",
        class_name="p-0 align-baseline",
    )


def _line(submission: dict) -> html.Li:
    parts = [
        _version_button(doc_type, submission[f"{doc_type}_version_id"], submission[f"{doc_type}_version"])
        for doc_type in DOC_LABELS
        if submission[f"{doc_type}_version_id"]
    ]
    sent_on = f"Sent on {day_label(submission['sent_on'])}"
    if not parts:
        return html.Li(
            [sent_on, html.Div("No documents were recorded: none had been generated yet.", className="small")],
            className="mb-2",
        )
    joined = [parts[0]]
    for part in parts[1:]:
        joined += [" · ", part]
    return html.Li([f"{sent_on}: ", *joined], className="mb-2")


def _lines(conn, application_id) -> list:
    rows = submission_queries.list_for(conn, application_id)
    if not rows:
        return [
            html.Li(
                "Not sent yet. When the status becomes Applied, the resume and cover letter of that moment"
                " are kept here exactly as they were.",
                className="text-body-secondary small",
            )
        ]
    return [_line(row) for row in rows]


LOADED = {"submissions": Output(Ids.submissions, "children")}


def loaded(conn, application: dict) -> dict:
    return {"submissions": _lines(conn, application["id"])}


timeline.redraw_on_change(Ids.submissions, _lines)


@callback(
    Output(Ids.modal, "is_open"),
    Output(Ids.modal_title, "children"),
    Output(Ids.modal_text, "children"),
    Input({"type": Ids.open_version, "version": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def open_version(_clicks):
    # Re-drawing the lines adds buttons, which fires this with nothing clicked.
    if not ctx.triggered_id or not ctx.triggered[0]["value"]:
        return skip, skip, skip
    version_id = id_input(ctx.triggered_id["version"])
    with user_tx(current_user.id) as conn:
        sent = submission_queries.sent_text(conn, version_id) if version_id else None
    if sent is None:
        return True, "Not found", "This version is not there any more."
    return True, f"{DOC_LABELS[sent['doc_type']]} v{sent['version']}, as sent", sent["content"]
