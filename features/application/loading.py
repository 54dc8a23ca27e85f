"""Page load: one callback fills every feature from one transaction, so the page appears complete.

The editors must not become editable before their saved text arrives (it would replace what
was typed), so the view is shown by the same response that fills them.
"""

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, ctx, dcc, html
from dash import no_update as skip
from flask_login import current_user

from db.connection import user_tx
from features.application import common, details, documents, generation, sent, timeline
from features.application.common import load_application

# Each: LOADED and loaded().
FEATURES = {"details": details, "documents": documents, "generation": generation, "timeline": timeline, "sent": sent}


class Ids:
    not_found = "application-not-found"
    view = "application-view"


def not_found() -> dbc.Alert:
    return dbc.Alert(
        [html.H1("Application not found", className="h4"), dcc.Link("Back to the dashboard", href="/")],
        id=Ids.not_found,
        color="warning",
        is_open=False,
    )


def view(children: list) -> html.Div:
    """The application's features, hidden until it has loaded."""
    return html.Div(id=Ids.view, hidden=True, children=children)


def _unchanged(spec):
    """no_update for one output; a wildcard output (ALL) needs one per component it matched."""
    return [skip] * len(spec) if isinstance(spec, list) else skip


@callback(
    output={
        "not_found": Output(Ids.not_found, "is_open"),
        "hidden": Output(Ids.view, "hidden"),
        **{name: feature.LOADED for name, feature in FEATURES.items()},
    },
    inputs=Input(common.Ids.application_id, "data"),
)
def show_application(application_id):
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
        if application is None:
            unchanged = {
                name: {key: _unchanged(spec) for key, spec in ctx.outputs_grouping[name].items()} for name in FEATURES
            }
            return {"not_found": True, "hidden": True, **unchanged}
        filled = {name: feature.loaded(conn, application) for name, feature in FEATURES.items()}
    return {"not_found": False, "hidden": False, **filled}
