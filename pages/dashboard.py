"""The dashboard: every application at a glance, newest activity first."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html
from flask_login import current_user

from components.status import STATUS_COLORS, status_badge
from db import applications as application_queries
from db.applications import STATUSES
from db.connection import user_tx

dash.register_page(__name__, path="/", title="Dashboard · Job Forge", order=0)


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
            dcc.Loading(html.Div(id="dashboard-content"), type="dot"),
        ]
    )


def _stat_cards(counts: dict[str, int]) -> dbc.Row:
    cards = [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.Div(str(counts.get(status, 0)), className=f"display-6 text-{STATUS_COLORS[status]}"),
                        html.Div(status.capitalize(), className="text-body-secondary small"),
                    ]
                ),
                class_name="stat-card text-center h-100",
            ),
            xs=6,
            md=True,
            class_name="mb-3",
        )
        for status in STATUSES
    ]
    return dbc.Row(cards, class_name="mb-2")


def _activity_chart(weeks: list[dict]) -> dcc.Graph:
    """Applications added per week: plain figure data, no component tree."""
    figure = {
        "data": [
            {
                "type": "bar",
                "x": [row["week"].isoformat() for row in weeks],
                "y": [row["n"] for row in weeks],
                "marker": {"color": "#0d6efd"},
                "hovertemplate": "Week of %{x|%b %d}: %{y}<extra></extra>",
            }
        ],
        "layout": {
            "title": {"text": "Applications added per week", "font": {"size": 14}, "x": 0},
            "margin": {"l": 30, "r": 10, "t": 40, "b": 30},
            "height": 220,
            # Whole numbers only: a tick every application while the counts are small.
            "yaxis": {"rangemode": "tozero", "tickformat": "d", "fixedrange": True}
            | ({"dtick": 1} if max((row["n"] for row in weeks), default=0) <= 5 else {}),
            "xaxis": {"tickformat": "%b %d", "fixedrange": True},
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
        },
    }
    return dcc.Graph(figure=figure, config={"displayModeBar": False}, id="activity-chart")


def _table(rows: list[dict]) -> dbc.Table:
    header = html.Thead(html.Tr([html.Th("Company"), html.Th("Role"), html.Th("Status"), html.Th("Last update")]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(dcc.Link(row["company"], href=f"/applications/{row['id']}", className="fw-semibold")),
                    html.Td(row["role_title"]),
                    html.Td(status_badge(row["status"])),
                    html.Td(row["updated_at"].strftime("%b %d, %Y"), className="text-nowrap"),
                ]
            )
            for row in rows
        ]
    )
    return dbc.Table([header, body], hover=True, responsive=True, class_name="align-middle", id="applications-table")


@callback(Output("dashboard-content", "children"), Input("dashboard-content", "id"))
def show_applications(_):
    with user_tx(current_user.id) as conn:
        rows = application_queries.list_applications(conn)
        counts = application_queries.count_by_status(conn)
        weeks = application_queries.weekly_counts(conn)
    if not rows:
        return dbc.Card(
            dbc.CardBody(
                [
                    html.H2("No applications yet", className="h5"),
                    html.P(
                        "Add a job you are interested in: paste the posting, and Job Forge drafts the "
                        "cover letter from your resume.",
                        className="mb-3",
                    ),
                    dbc.Button("Add your first application", href="/applications/new", color="primary"),
                ]
            ),
            class_name="text-center py-4",
        )
    return [
        _stat_cards(counts),
        dbc.Card(dbc.CardBody(_activity_chart(weeks)), class_name="mb-3"),
        dbc.Card(dbc.CardBody(_table(rows), class_name="p-0 px-3")),
    ]
