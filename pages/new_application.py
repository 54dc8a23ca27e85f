"""Adding an application: import it from a link, or type the company, the role and the posting."""

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from features.new_application import form, import_link
from features.new_application.ids import Ids

dash.register_page(__name__, path="/applications/new", title="New application · Job Forge", order=2)


def layout(**_kwargs):
    return dbc.Row(
        dbc.Col(
            [
                dcc.Location(id=Ids.REDIRECT, refresh="callback-nav"),
                html.H1("New application", className="h3 mb-4"),
                import_link.section(),
                form.form(),
            ],
            lg=10,
            xl=8,
        )
    )
