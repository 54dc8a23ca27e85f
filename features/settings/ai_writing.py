"""Which AI writes the documents, and a sample of the person's own writing for cover letters."""

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html
from flask_login import current_user

import config
from ai.providers import available_providers, default_provider_name
from components.callback_inputs import text_input
from components.forms import field
from components.section_card import section_card
from db import users as user_queries
from db.connection import user_tx
from validators import drop_invisible

MAX_WRITING_SAMPLE = 5_000


class Ids:
    provider = "settings-provider"
    writing_sample = "settings-writing-sample"
    writing_sample_feedback = f"{writing_sample}-feedback"
    save = "settings-save"
    message = "settings-message"


def card() -> dbc.Card:
    return section_card(
        "AI provider",
        "Which model writes your research, resumes and cover letters. Only the providers "
        "this server is configured for are listed; the offline drafter always works.",
        [
            dbc.RadioItems(id=Ids.provider, class_name="mb-4"),
            field(
                Ids.writing_sample,
                "Writing sample",
                textarea=True,
                rows=8,
                maxLength=MAX_WRITING_SAMPLE,
                help_text="Optional. A few paragraphs you wrote (an email, an old cover letter): "
                "cover letters follow its voice.",
            ),
            dbc.Button("Save", id=Ids.save, color="primary"),
            html.Div(id=Ids.message, className="mt-3", role="status"),
        ],
    )


@callback(
    Output(Ids.provider, "options"),
    Output(Ids.provider, "value"),
    Output(Ids.writing_sample, "value"),
    Input(Ids.provider, "id"),
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
    Output(Ids.message, "children"),
    Output(Ids.writing_sample, "invalid"),
    Output(Ids.writing_sample_feedback, "children"),
    Input(Ids.save, "n_clicks"),
    State(Ids.provider, "value"),
    State(Ids.writing_sample, "value"),
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
