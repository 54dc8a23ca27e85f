"""One application: the posting, its status, and the three AI documents with their editors.

Each feature lives in features/application/ with its layout piece, ids and callbacks; this file
registers the page and assembles the pieces. Importing the features registers their callbacks.
"""

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from features.application import (
    common,
    contacts,
    details,
    details_form,
    documents,
    generation,
    insights,
    interviews,
    loading,
    sent,
    timeline,
)

dash.register_page(__name__, path_template="/applications/<application_id>", title="Application · Job Forge", order=3)


def layout(application_id: str = "", **_kwargs):
    documents_card = dbc.Card(
        [
            dbc.CardHeader(
                html.Div(
                    [html.Span("Documents", className="fw-semibold"), generation.provider_badge()],
                    className="d-flex justify-content-between align-items-center",
                )
            ),
            dbc.CardBody([*generation.controls(), documents.editor_tabs()]),
        ],
        class_name="mb-4",
    )
    return html.Div(
        [
            dcc.Store(id=common.Ids.application_id, data=application_id),
            *generation.stores(),
            loading.not_found(),
            loading.view(
                [
                    details.header(),
                    details_form.panel(),
                    dbc.Row([dbc.Col([details.record(), sent.card()], lg=7), dbc.Col(timeline.card(), lg=5)]),
                    dbc.Row([dbc.Col(interviews.card(), lg=7), dbc.Col(contacts.card(), lg=5)]),
                    documents_card,
                    insights.insights_row(),
                    details.posting(),
                ]
            ),
            generation.confirm_modal(),
        ]
    )
