"""The application's timeline: what happened and when, newest first, each date correctable.

Any feature that records an event (a status change, saved details, an added interview) refreshes
the timeline and "What was sent" by setting the store Ids.changed to a new value, e.g. with
`Output(timeline.Ids.changed, "data", allow_duplicate=True)` returning `timeline.changed()`.
"""

import time
from datetime import date

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html
from dash import no_update as skip
from flask_login import current_user

from components.callback_inputs import id_input, text_input
from components.confirm_modal import ConfirmIds, confirm_modal
from components.status import STATUS_LABELS
from db import events as event_queries
from db.connection import user_tx
from features.application import common
from features.application.common import day_label, parse_id
from validators import date_value

WHO = {"person": "you", "system": "Job Forge"}


class Ids:
    changed = "timeline-changed"  # a dcc.Store: any new value makes the timeline read its events again
    events = "timeline-events"
    date_modal = "timeline-date-modal"
    date_title = "timeline-date-title"
    date_event = "timeline-date-event"  # the event being corrected: a lookup key from the browser
    date_input = "timeline-date-input"
    date_save = "timeline-date-save"
    date_cancel = "timeline-date-cancel"
    edit_date = "timeline-edit-date"  # pattern-matching {"type": edit_date, "event": id}


def changed() -> int:
    """A value for Ids.changed that differs from the last one."""
    return time.time_ns()


def card() -> dbc.Card:
    return dbc.Card(
        [
            dbc.CardHeader("Timeline", class_name="fw-semibold"),
            dbc.CardBody(html.Ol(id=Ids.events, className="list-unstyled mb-0")),
            dcc.Store(id=Ids.changed),
            dcc.Store(id=Ids.date_event),
            _date_modal(),
        ],
        class_name="mb-4",
    )


def _date_modal() -> dbc.Modal:
    return confirm_modal(
        ConfirmIds(modal=Ids.date_modal, confirm=Ids.date_save, cancel=Ids.date_cancel),
        [
            html.P(id=Ids.date_title),
            dbc.Label("When it happened", html_for=Ids.date_input),
            dbc.Input(id=Ids.date_input, type="date"),
            dbc.FormFeedback(id=f"{Ids.date_input}-feedback", type="invalid"),
        ],
        "Save date",
        title="Correct the date",
    )


def describe(event: dict) -> str:
    """What happened, in words: "Draft → Applied", "Applied on set to Dec 1, 2026"."""
    kind = event["kind"]
    if kind == "status":
        to_status = STATUS_LABELS.get(event["to_status"], event["to_status"])
        if not event["from_status"]:
            return f"Status set to {to_status}"
        return f"{STATUS_LABELS.get(event['from_status'], event['from_status'])} → {to_status}"
    if kind == "applied_on":
        return f"Applied on set to {day_label(event['on_date'])}" if event["on_date"] else "Applied on cleared"
    return {
        "created": "Created",
        "interview": "Interview added",
        "sent": "Sent",
        "archived": "Archived",
        "unarchived": "Unarchived",
        "imported": "Imported from a CSV file",
    }[kind]


def _item(event: dict) -> html.Li:
    what = describe(event)
    return html.Li(
        [
            html.Div(what, className="fw-semibold"),
            html.Div(
                [
                    html.Span(f"{day_label(event['occurred_at'].date())} · by {WHO[event['actor']]}"),
                    # html.Button: dbc.Button takes no aria-label, and "Edit date" alone says not of what; the
                    # name starts with the visible words, which speech input users say to press it.
                    html.Button(
                        "Edit date",
                        id={"type": Ids.edit_date, "event": str(event["id"])},
                        className="btn btn-link btn-sm p-0 ms-2 align-baseline",
                        **{"aria-label": f"Edit date of “{what}”"},
                    ),
                ],
                className="small text-body-secondary",
            ),
        ],
        className="mb-2",
    )


def _items(conn, application_id) -> list:
    rows = event_queries.list_for(conn, application_id)
    return [_item(event) for event in rows] or [html.Li("Nothing has happened yet.", className="text-body-secondary")]


LOADED = {"events": Output(Ids.events, "children")}


def loaded(conn, application: dict) -> dict:
    return {"events": _items(conn, application["id"])}


def redraw_on_change(component_id: str, draw) -> None:
    """Redraw `component_id`'s children with `draw(conn, application_id)` whenever Ids.changed moves."""

    @callback(
        Output(component_id, "children", allow_duplicate=True),
        Input(Ids.changed, "data"),
        State(common.Ids.application_id, "data"),
        prevent_initial_call=True,
    )
    def redraw(_changed, application_id):
        parsed = parse_id(application_id)
        if parsed is None:
            return skip
        with user_tx(current_user.id) as conn:
            return draw(conn, parsed)


redraw_on_change(Ids.events, _items)


def _event_of(conn, application_id, event_id) -> dict | None:
    """The event if it is this application's (RLS makes anyone else's invisible anyway)."""
    parsed = parse_id(application_id)
    if parsed is None or event_id is None:
        return None
    return next((row for row in event_queries.list_for(conn, parsed) if row["id"] == event_id), None)


@callback(
    output={
        "open": Output(Ids.date_modal, "is_open"),
        "event": Output(Ids.date_event, "data"),
        "title": Output(Ids.date_title, "children"),
        "day": Output(Ids.date_input, "value"),
        "invalid": Output(Ids.date_input, "invalid"),
    },
    inputs=Input({"type": Ids.edit_date, "event": ALL}, "n_clicks"),
    state=State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def open_date(_clicks, application_id):
    # Re-drawing the list adds buttons, which fires this with nothing clicked.
    if not ctx.triggered_id or not ctx.triggered[0]["value"]:
        return dict.fromkeys(ctx.outputs_grouping, skip)
    event_id = id_input(ctx.triggered_id["event"])
    with user_tx(current_user.id) as conn:
        event = _event_of(conn, application_id, event_id)
    if event is None:
        return dict.fromkeys(ctx.outputs_grouping, skip)
    return {
        "open": True,
        "event": str(event["id"]),
        "title": f"When did “{describe(event)}” happen?",
        "day": event["occurred_at"].date().isoformat(),
        "invalid": False,
    }


@callback(
    output={
        "open": Output(Ids.date_modal, "is_open", allow_duplicate=True),
        "invalid": Output(Ids.date_input, "invalid", allow_duplicate=True),
        "message": Output(f"{Ids.date_input}-feedback", "children"),
        "changed": Output(Ids.changed, "data", allow_duplicate=True),
    },
    inputs=[Input(Ids.date_save, "n_clicks"), Input(Ids.date_cancel, "n_clicks")],
    state=[State(Ids.date_input, "value"), State(Ids.date_event, "data"), State(common.Ids.application_id, "data")],
    prevent_initial_call=True,
)
def save_date(_save, _cancel, day, event_id, application_id):
    closed = {"open": False, "invalid": False, "message": "", "changed": skip}
    if ctx.triggered_id == Ids.date_cancel:
        return closed
    try:
        new_day = date_value(text_input(day))
        if new_day is None:
            raise ValueError("Enter the date it happened.")
        if new_day > date.today():
            raise ValueError("Enter a date that is not in the future.")
    except ValueError as error:
        return {"open": skip, "invalid": True, "message": str(error), "changed": skip}
    with user_tx(current_user.id) as conn:
        event = _event_of(conn, application_id, id_input(event_id))
        if event is None:
            return {"open": skip, "invalid": True, "message": "This event is not there any more.", "changed": skip}
        # The time of day stays, so events of one day keep their order.
        occurred_at = event["occurred_at"].replace(year=new_day.year, month=new_day.month, day=new_day.day)
        event_queries.set_occurred_at(conn, event["id"], occurred_at)
    return closed | {"changed": changed()}
