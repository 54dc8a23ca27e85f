"""Import applications from a CSV file: choose it, match its columns with a preview, import, read the report.

Each step is a feature module in features/import_applications/; this file registers the page and
puts them in order. Importing the features registers their callbacks.
"""

import dash
from dash import html

from features.dashboard.controls import IMPORT_PATH
from features.import_applications import mapping, report, upload

dash.register_page(__name__, path=IMPORT_PATH, title="Import applications · Job Forge", order=2)


def layout(**_kwargs):
    return html.Div(
        [
            html.H1("Import applications", className="h3 mb-1"),
            html.P(
                "Bring in the applications you track elsewhere, or a file you exported from Job Forge. "
                "Nothing is saved until you press Import, and then the whole file is saved together.",
                className="text-body-secondary mb-4",
            ),
            upload.card(),
            mapping.panel(),
            report.card(),
        ]
    )
