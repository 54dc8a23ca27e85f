"""Search: one box over the person's applications and documents, by meaning and by words."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from flask_login import current_user

import config
from ai.embeddings import EmbeddingError, get_embedder
from components.callback_inputs import text_input
from db import embeddings as embedding_queries
from db.connection import user_tx
from validators import drop_invisible

dash.register_page(__name__, path="/search", title="Search · Job Forge", order=5)

MAX_QUERY_LENGTH = 500


def layout(**_kwargs):
    return html.Div(
        [
            html.H1("Search", className="h3 mb-4"),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label("Search your applications and documents", html_for="search-query"),
                            dbc.Input(
                                id="search-query",
                                type="search",
                                placeholder="e.g. Kubernetes migration, fintech, remote",
                                maxLength=MAX_QUERY_LENGTH,
                            ),
                            dbc.FormText("Finds postings and documents by meaning and by their words."),
                        ],
                        md=9,
                    ),
                    dbc.Col(
                        dbc.Button("Search", id="search-button", color="primary", class_name="w-100"),
                        md=3,
                        class_name="d-flex align-items-center",
                    ),
                ],
                class_name="mb-4 g-2",
            ),
            dcc.Loading(html.Div(id="search-results")),
        ]
    )


def _result(row: dict) -> dbc.ListGroupItem:
    how = " and ".join(row["matched_by"])
    return dbc.ListGroupItem(
        [
            html.Div(
                [
                    dcc.Link(
                        f"{row['role_title']} at {row['company']}",
                        href=f"/applications/{row['application_id']}",
                        className="fw-semibold",
                    ),
                    dbc.Badge(
                        embedding_queries.MATCH_KINDS[row["matched"]],
                        color="light",
                        text_color="dark",
                        class_name="ms-2",
                    ),
                ]
            ),
            html.Div(row["snippet"], className="small text-body-secondary mt-1"),
            html.Div(f"matched by {how}", className="small text-body-secondary"),
        ],
        class_name="search-result",
    )


@callback(
    Output("search-results", "children"),
    Input("search-button", "n_clicks"),
    Input("search-query", "n_submit"),
    State("search-query", "value"),
    prevent_initial_call=True,
)
def search(_clicks, _submitted, query):
    # A pasted query's invisible characters are dropped: they could match nothing anyway.
    query = drop_invisible(text_input(query)).strip()[:MAX_QUERY_LENGTH]
    if not query:
        return None
    embedder = get_embedder(config.active())
    try:
        vector = embedder.embed_one(query)
    except EmbeddingError:
        vector = None  # words alone still find things
    with user_tx(current_user.id) as conn:
        rows = embedding_queries.search(conn, query, vector, embedder.model)
    if not rows:
        return dbc.Alert(f"Nothing matches “{query}” yet.", color="secondary")
    return dbc.ListGroup([_result(row) for row in rows])
