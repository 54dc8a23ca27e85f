"""The controls every dashboard view reads: which view is shown and whether archived applications are."""

import dash_bootstrap_components as dbc
from dash import html


class Ids:
    VIEW = "dashboard-view"
    SHOW_ARCHIVED = "dashboard-show-archived"


VIEW_OPTIONS = [
    {"label": "Board", "value": "board"},
    {"label": "Table", "value": "table"},
    {"label": "Overview", "value": "overview"},
]


def toolbar() -> html.Div:
    return html.Div(
        [
            # Radio buttons drawn as a button group: one tab stop, arrow keys choose, as a radio group should.
            html.Div(
                dbc.RadioItems(
                    id=Ids.VIEW,
                    options=VIEW_OPTIONS,
                    class_name="btn-group",
                    input_class_name="btn-check",
                    label_class_name="btn btn-outline-primary",
                    label_checked_class_name="active",
                    inline=True,
                ),
                className="view-switch",
                role="radiogroup",
                **{"aria-label": "View"},
            ),
            dbc.Switch(id=Ids.SHOW_ARCHIVED, label="Show archived", value=False, class_name="mb-0"),
        ],
        className="d-flex flex-wrap align-items-center justify-content-between gap-3 mb-3",
    )
