"""Base resumes: paste or upload, name, edit, delete and choose the primary one.

Each feature lives in features/resumes/ with its ids, layout piece and callbacks; this file
registers the page and assembles the pieces. Importing the features registers their callbacks.
"""

import dash
import dash_bootstrap_components as dbc
from dash import html

from features.resumes import delete, form, resume_list, upload

dash.register_page(__name__, path="/resumes", title="Resumes · Job Forge", order=1)


def layout(**_kwargs):
    return html.Div(
        [
            *form.stores(),
            html.H1("Resumes", className="h3 mb-4"),
            dbc.Row(
                [
                    dbc.Col(resume_list.column(), lg=5, class_name="mb-4"),
                    dbc.Col(form.card(upload.field()), lg=7),
                ]
            ),
            delete.modal(),
        ]
    )
