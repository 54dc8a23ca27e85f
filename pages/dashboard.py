"""The dashboard: every application as a board, a table or an overview, the choice kept per person.

The layout is a skeleton that queries nothing; the view last chosen is read (and each new choice
saved) by one callback, which mounts that view alone: each view loads its own data and its own
libraries (ag-grid's table, plotly for the overview's charts) only when it is shown.
"""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, ctx, html, no_update
from flask_login import current_user

from db import dashboard as dashboard_queries
from db import users
from db.connection import user_tx
from features.dashboard import board, overview, table, view_scripts  # noqa: F401 - view_scripts: its index hook
from features.dashboard.controls import IMPORT_PATH, toolbar
from features.dashboard.controls import Ids as ControlIds

dash.register_page(__name__, path="/", title="Dashboard · Job Forge", order=0)


class Ids:
    EMPTY = "dashboard-empty"
    CONTENT = "dashboard-content"
    VIEW = "dashboard-view-shown"


PANELS = {"board": board.panel, "table": table.panel, "overview": overview.panel}


def _empty_state() -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("No applications yet", className="h5"),
                html.P(
                    "Add a job you are interested in: paste the posting, and Job Forge drafts the "
                    "cover letter from your resume. Every application then shows up here, on a board "
                    "by status and in a table you can sort and search.",
                    className="mb-3",
                ),
                html.Div(
                    [
                        dbc.Button("Add your first application", href="/applications/new", color="primary"),
                        dbc.Button("Import from a CSV file", href=IMPORT_PATH, color="primary", outline=True),
                    ],
                    className="d-flex flex-wrap justify-content-center gap-2",
                ),
            ]
        ),
        class_name="text-center py-4",
    )


def layout(**_kwargs):
    return html.Div(
        [
            html.Div(
                [
                    html.H1("Your applications", className="h3 mb-0"),
                    dbc.Button("New application", href="/applications/new", color="primary"),
                ],
                className="d-flex justify-content-between align-items-center mb-4",
            ),
            html.Div(_empty_state(), id=Ids.EMPTY, hidden=True),
            html.Div(
                [
                    toolbar(),
                    html.Div(id=Ids.VIEW),
                ],
                id=Ids.CONTENT,
                hidden=True,
            ),
        ]
    )


@callback(
    output={
        "view": Output(ControlIds.VIEW, "value"),
        "empty": Output(Ids.EMPTY, "hidden"),
        "content": Output(Ids.CONTENT, "hidden"),
        "shown": Output(Ids.VIEW, "children"),
    },
    inputs=Input(ControlIds.VIEW, "value"),
)
def choose_view(chosen):
    """On arrival, the view the person last chose; afterwards, save each new choice."""
    with user_tx(current_user.id) as conn:
        chose = ctx.triggered_id == ControlIds.VIEW and chosen in users.DASHBOARD_VIEWS
        if chose:
            users.set_dashboard_view(conn, chosen)
            view = chosen
        else:
            view = users.get_dashboard_view(conn)
        empty = not dashboard_queries.has_applications(conn, current_user.id)
    return {
        # The switch already shows a choice the person made; setting it again would reload the view.
        "view": no_update if chose else view,
        "empty": not empty,
        "content": empty,
        "shown": PANELS[view](),
    }
