"""The controls every dashboard view reads (which view is shown, whether archived applications are),
and the way in and out of them as CSV."""

import dash_bootstrap_components as dbc
from dash import html

from applications_export import PATH as EXPORT_PATH

IMPORT_PATH = "/applications/import"


class Ids:
    VIEW = "dashboard-view"
    SHOW_ARCHIVED = "dashboard-show-archived"
    EXPORT = "dashboard-export-csv"
    IMPORT = "dashboard-import-csv"


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
            html.Div(
                [
                    dbc.Switch(id=Ids.SHOW_ARCHIVED, label="Show archived", value=False, class_name="mb-0"),
                    # Together, so that on a phone they move to the next line as a pair.
                    html.Div(
                        [
                            # A plain link: the browser downloads the file itself (external_link: not Dash's router).
                            dbc.Button(
                                "Export CSV",
                                id=Ids.EXPORT,
                                href=EXPORT_PATH,
                                external_link=True,
                                color="secondary",
                                outline=True,
                                size="sm",
                            ),
                            dbc.Button(
                                "Import CSV",
                                id=Ids.IMPORT,
                                href=IMPORT_PATH,
                                color="secondary",
                                outline=True,
                                size="sm",
                            ),
                        ],
                        className="d-flex gap-2",
                    ),
                ],
                className="d-flex flex-wrap align-items-center gap-3",
            ),
        ],
        className="d-flex flex-wrap align-items-center justify-content-between gap-3 mb-3",
    )
