"""Settings: the AI and writing sample, the calendar feed, the profile, and the person's own data."""

import dash
import dash_bootstrap_components as dbc
from dash import html

from features.settings import ai_writing, calendar_link, profile, your_data

dash.register_page(__name__, path="/settings", title="Settings · Job Forge", order=4)


def layout(**_kwargs):
    return dbc.Row(
        dbc.Col(
            [
                html.H1("Settings", className="h3 mb-4"),
                ai_writing.card(),
                calendar_link.card(),
                profile.card(),
                your_data.card(),
            ],
            lg=8,
        )
    )
