"""Settings: which AI writes the documents, a sample of the person's own writing, and the calendar feed."""

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, html
from flask import url_for
from flask_login import current_user

import config
from ai.providers import available_providers, default_provider_name
from components.callback_inputs import text_input
from components.forms import field
from db import calendar_feeds
from db import users as user_queries
from db.connection import user_tx
from validators import drop_invisible

dash.register_page(__name__, path="/settings", title="Settings · Job Forge", order=4)

MAX_WRITING_SAMPLE = 5_000


class CalendarIds:
    url = "calendar-feed-url"
    copy = "calendar-feed-copy"
    reset = "calendar-feed-reset"
    copied = "calendar-feed-copied"
    explanation = "calendar-feed-explanation"


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
                calendar_feed_card(),
            ],
            lg=8,
        )
    )


def calendar_feed_card() -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Calendar feed", className="h5"),
                html.P(
                    "Your follow-up dates and interviews in your own calendar app: add this private link "
                    "as a subscription (Google Calendar: Other calendars, From URL; Apple Calendar: File, "
                    "New Calendar Subscription). Anyone with the link sees those events, so keep it to yourself.",
                    className="text-body-secondary",
                ),
                dbc.Label("Calendar feed URL", html_for=CalendarIds.url),
                dbc.InputGroup(
                    [
                        dbc.Input(id=CalendarIds.url, readonly=True, value=""),
                        dbc.Button("Copy", id=CalendarIds.copy, color="secondary", outline=True, disabled=True),
                        dbc.Button("Create link", id=CalendarIds.reset, color="primary"),
                    ]
                ),
                html.Div(id=CalendarIds.copied, className="small text-success mt-1", role="status"),
                dbc.FormText(id=CalendarIds.explanation),
            ]
        ),
        class_name="mt-4",
    )


@callback(
    output={
        "url": Output(CalendarIds.url, "value"),
        "placeholder": Output(CalendarIds.url, "placeholder"),
        "copy_disabled": Output(CalendarIds.copy, "disabled"),
        "reset_label": Output(CalendarIds.reset, "children"),
        "explanation": Output(CalendarIds.explanation, "children"),
    },
    inputs=Input(CalendarIds.reset, "n_clicks"),
)
def show_or_reset_calendar_link(clicks):
    """What the person sees of their feed link, and "Create link" / "Reset link".

    Only a hash of the token is stored, so the full URL can be shown only right after it is made.
    A person who opens Settings to subscribe another device therefore needs a new link, and must
    learn before clicking that the old one stops working at once: the text next to the button says
    so. There is no confirmation step, because a reset is quickly undone in effect (paste the new
    link where the old one was) while a dialog would stand between every first-time person and
    their link.
    """
    with user_tx(current_user.id) as conn:
        if clicks:
            had_feed = calendar_feeds.has_feed(conn)
            token = calendar_feeds.reset_token(conn)
        elif calendar_feeds.has_feed(conn):
            return {
                "url": "",
                "placeholder": "Your link is working; it was shown once, when it was made",
                "copy_disabled": True,
                "reset_label": "Reset link",
                "explanation": "For your safety a link is shown only once. To subscribe another calendar, "
                "reset it: you get a new link, and the old one stops working at once, so calendars "
                "subscribed to it need the new one too.",
            }
        else:
            return {
                "url": "",
                "placeholder": "No link yet",
                "copy_disabled": True,
                "reset_label": "Create link",
                "explanation": "Create a link, copy it, and add it to your calendar app as a subscription.",
            }
    replaced = " Your old link has stopped working: use this one wherever you had subscribed." if had_feed else ""
    return {
        "url": url_for("calendar.feed", token=token, _external=True),
        "placeholder": "",
        "copy_disabled": False,
        "reset_label": "Reset link",
        "explanation": "Copy this link now: it is shown only this once." + replaced,
    }


clientside_callback(
    ClientsideFunction("jobforge", "copyLink"),
    Output(CalendarIds.copied, "children"),
    Input(CalendarIds.copy, "n_clicks"),
    Input(CalendarIds.url, "value"),
    State(CalendarIds.url, "id"),
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
