"""Settings' calendar feed: the private link to follow-ups and interviews, made, shown once and reset."""

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, html
from flask import url_for
from flask_login import current_user

from components.section_card import section_card
from db import calendar_feeds
from db.connection import user_tx


class Ids:
    url = "calendar-feed-url"
    copy = "calendar-feed-copy"
    reset = "calendar-feed-reset"
    copied = "calendar-feed-copied"
    explanation = "calendar-feed-explanation"


def card() -> dbc.Card:
    return section_card(
        "Calendar feed",
        "Your follow-up dates and interviews in your own calendar app: add this private link "
        "as a subscription (Google Calendar: Other calendars, From URL; Apple Calendar: File, "
        "New Calendar Subscription). Anyone with the link sees those events, so keep it to yourself.",
        [
            dbc.Label("Calendar feed URL", html_for=Ids.url),
            dbc.InputGroup(
                [
                    dbc.Input(id=Ids.url, readonly=True, value=""),
                    dbc.Button("Copy", id=Ids.copy, color="secondary", outline=True, disabled=True),
                    dbc.Button("Create link", id=Ids.reset, color="primary"),
                ]
            ),
            html.Div(id=Ids.copied, className="small text-success mt-1", role="status"),
            dbc.FormText(id=Ids.explanation),
        ],
        class_name="mt-4",
    )


@callback(
    output={
        "url": Output(Ids.url, "value"),
        "placeholder": Output(Ids.url, "placeholder"),
        "copy_disabled": Output(Ids.copy, "disabled"),
        "reset_label": Output(Ids.reset, "children"),
        "explanation": Output(Ids.explanation, "children"),
    },
    inputs=Input(Ids.reset, "n_clicks"),
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
    Output(Ids.copied, "children"),
    Input(Ids.copy, "n_clicks"),
    Input(Ids.url, "value"),
    State(Ids.url, "id"),
)
