"""The person's resumes as cards, primary first, each with Edit and Delete."""

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, html
from flask_login import current_user

from db import resumes as resume_queries
from db.connection import user_tx


class Ids:
    list = "resume-list"
    # Pattern-matching types: {"type": Ids.edit, "index": resume id}.
    edit = "resume-edit"
    delete = "resume-delete"


def column() -> html.Div:
    return html.Div(id=Ids.list)


def _card(resume: dict) -> dbc.Card:
    title = [html.Span(resume["name"], className="fw-semibold me-2 text-break")]
    if resume["is_primary"]:
        title.append(dbc.Badge("Primary", color="success"))
    index = str(resume["id"])
    actions = html.Div(
        [
            dbc.Button(
                "Edit",
                id={"type": Ids.edit, "index": index},
                size="sm",
                color="secondary",
                outline=True,
                class_name="replaces-edits",
            ),
            dbc.Button("Delete", id={"type": Ids.delete, "index": index}, size="sm", color="danger", outline=True),
        ],
        className="d-flex gap-2 flex-shrink-0",
    )
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [html.Div(title), actions], className="d-flex justify-content-between align-items-start gap-2 mb-2"
                ),
                html.Div(resume["content"][:400], className="resume-content text-body-secondary"),
            ]
        ),
        class_name="mb-3 resume-card",
    )


def cards() -> list:
    """The cards as they are now; callbacks that change a resume return them to redraw the list."""
    with user_tx(current_user.id) as conn:
        resumes = resume_queries.list_resumes(conn)
    if not resumes:
        return [dbc.Alert("No resumes yet. Paste your first one in the form, or upload a file.", color="info")]
    return [_card(resume) for resume in resumes]


@callback(Output(Ids.list, "children"), Input(Ids.list, "id"))
def show_resumes(_):
    return cards()
