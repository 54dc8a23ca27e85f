"""Settings: which AI writes the documents, and a sample of the person's own writing."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html
from flask_login import current_user

import config
from ai.providers import available_providers, default_provider_name
from components.callback_inputs import text_input
from components.forms import field
from db import users as user_queries
from db.connection import user_tx
from validators import drop_invisible

dash.register_page(__name__, path="/settings", title="Settings · Job Forge", order=4)

MAX_WRITING_SAMPLE = 5_000


def layout(**_kwargs):
    return dbc.Row(
        dbc.Col(
            [
                html.H1("Settings", className="h3 mb-4"),
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H2("AI provider", className="h5"),
                            html.P(
                                "Which model writes your research, resumes and cover letters. Only the providers "
                                "this server is configured for are listed; the offline drafter always works.",
                                className="text-body-secondary",
                            ),
                            dbc.RadioItems(id="settings-provider", class_name="mb-4"),
                            field(
                                "settings-writing-sample",
                                "Writing sample",
                                textarea=True,
                                rows=8,
                                maxLength=MAX_WRITING_SAMPLE,
                                help_text="Optional. A few paragraphs you wrote (an email, an old cover letter): "
                                "cover letters follow its voice.",
                            ),
                            dbc.Button("Save", id="settings-save", color="primary"),
                            html.Div(id="settings-message", className="mt-3", role="status"),
                        ]
                    )
                ),
            ],
            lg=8,
        )
    )


@callback(
    Output("settings-provider", "options"),
    Output("settings-provider", "value"),
    Output("settings-writing-sample", "value"),
    Input("settings-provider", "id"),
)
def show_settings(_):
    settings = config.active()
    providers = available_providers(settings)
    with user_tx(current_user.id) as conn:
        profile = user_queries.get_current_user(conn)
    chosen = profile["ai_provider"] if profile["ai_provider"] in providers else default_provider_name(settings)
    options = [{"label": provider.label, "value": name} for name, provider in providers.items()]
    return options, chosen, profile["writing_sample"]


@callback(
    Output("settings-message", "children"),
    Output("settings-writing-sample", "invalid"),
    Output("settings-writing-sample-feedback", "children"),
    Input("settings-save", "n_clicks"),
    State("settings-provider", "value"),
    State("settings-writing-sample", "value"),
    prevent_initial_call=True,
)
def save_settings(_clicks, provider, writing_sample):
    provider = text_input(provider)
    # Pasted text: its invisible characters are dropped, not refused.
    writing_sample = drop_invisible(text_input(writing_sample)).strip()
    if len(writing_sample) > MAX_WRITING_SAMPLE:
        return None, True, f"Keep the sample under {MAX_WRITING_SAMPLE:,} characters."
    if provider not in available_providers(config.active()):
        return dbc.Alert("Choose one of the providers listed.", color="warning"), False, ""
    with user_tx(current_user.id) as conn:
        user_queries.update_settings(conn, provider, writing_sample)
    return dbc.Alert("Saved.", color="success", duration=4000), False, ""
