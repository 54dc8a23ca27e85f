"""The notice that a person already has an application to this company, URL or posting.

It informs and never blocks: the same company may well have a second opening worth applying to.
"""

import logging

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from flask_login import current_user

import config
from ai.embeddings import EmbeddingError, get_embedder
from components.callback_inputs import text_input
from components.status import STATUS_LABELS
from db import applications as application_queries
from db import embeddings as embedding_queries
from db.connection import user_tx
from features.new_application import import_link
from features.new_application.ids import FIELDS
from validators import MIN_JOB_DESCRIPTION_LENGTH, drop_invisible

log = logging.getLogger(__name__)

# Cosine similarity from which two postings count as the same job. Measured with the local model on
# the fixture postings: distinct postings, even for neighbouring roles (backend vs senior backend),
# score at most 0.85; the same posting with a fifth of its lines dropped or boilerplate added scores
# 0.978 or more, and only half of it 0.91. 0.95 sits between the two groups. Not yet calibrated for
# text-embedding-3-small, whose scores run lower for related text, so there it errs towards silence.
NEAR_IDENTICAL = 0.95
MAX_NOTICES = 3


class Ids:
    notice = "duplicate-notice"


def notice() -> html.Div:
    return html.Div(id=Ids.notice, role="status", **{"aria-live": "polite"})


def _when(row: dict) -> str:
    day = row["applied_on"] or row["created_at"].date()
    return day.strftime("%b %d, %Y").replace(" 0", " ")


def _similar_postings(conn, posting: str) -> list[dict]:
    if len(posting.strip()) < MIN_JOB_DESCRIPTION_LENGTH:
        return []
    try:
        embedder = get_embedder(config.active())
        vector = embedder.embed_one(posting)
    except EmbeddingError as error:
        # The notice is a courtesy: without a vector it falls back to company and URL alone.
        log.warning("embedding a posting for the duplicate notice failed: %s", type(error).__name__)
        return []
    return embedding_queries.near_identical_postings(conn, vector, embedder.model, NEAR_IDENTICAL)


def find_earlier(conn, company: str, job_url: str, posting: str) -> list[dict]:
    """Earlier applications like this one (same company, same URL or same posting), newest first."""
    found = {}
    if company.strip() or job_url.strip():
        for row in application_queries.find_duplicates(conn, company.strip(), job_url.strip() or None):
            found[row["id"]] = row
    for row in _similar_postings(conn, posting):
        found.setdefault(row["id"], row)
    return sorted(found.values(), key=lambda row: row["created_at"], reverse=True)[:MAX_NOTICES]


def _alert(rows: list[dict]) -> dbc.Alert:
    lines = [
        html.Div(
            [
                f"You already have an application to {row['company']} ({STATUS_LABELS[row['status']]}, {_when(row)}): ",
                dcc.Link(row["role_title"], href=f"/applications/{row['id']}", className="alert-link"),
            ]
        )
        for row in rows
    ]
    return dbc.Alert(lines, color="info", class_name="duplicate-notice")


@callback(
    Output(Ids.notice, "children"),
    # On leaving a field, not on each key: a posting is embedded to be compared.
    Input(FIELDS["company"], "n_blur"),
    Input(FIELDS["job_url"], "n_blur"),
    Input(FIELDS["job_description"], "n_blur"),
    Input(import_link.Ids.imported, "data"),  # a posting imported from a link fills the fields without a blur
    State(FIELDS["company"], "value"),
    State(FIELDS["job_url"], "value"),
    State(FIELDS["job_description"], "value"),
    prevent_initial_call=True,
)
def show_notice(_company_left, _url_left, _posting_left, _imported, company, job_url, posting):
    company, job_url = text_input(company), text_input(job_url)
    posting = drop_invisible(text_input(posting))
    with user_tx(current_user.id) as conn:
        rows = find_earlier(conn, company, job_url, posting)
    return _alert(rows) if rows else None
