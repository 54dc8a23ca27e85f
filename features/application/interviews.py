"""Interviews of the application: add, edit and remove, each with its own .ics download.

Dates and times are typed in the person's own time zone (read from the browser) and stored as
an instant, so the calendar feed and downloads place them right in any calendar app.
"""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html
from dash import no_update as skip
from dash.exceptions import PreventUpdate
from flask_login import current_user

from components.callback_inputs import id_input, text_input
from components.forms import field
from components.status import INTERVIEW_KIND_LABELS
from db import interviews as interview_queries
from db.connection import user_tx
from features.application import common, item_forms, timeline
from features.application.common import load_application, parse_id
from features.application.item_forms import clicked_item, feedback_outputs, feedback_values, form_outputs, form_values
from validators import MAX_TRACKING_NOTES, date_value, drop_invisible, time_value, validate_interview

KIND_OPTIONS = [{"label": label, "value": kind} for kind, label in INTERVIEW_KIND_LABELS.items()]


class Ids:
    time_zone = "interviews-time-zone"  # a dcc.Store: the browser's IANA time zone name
    changed = "interviews-changed"
    editing = "interviews-editing"
    items = "interviews-list"
    heading = "interview-form-heading"
    date = "interview-date"
    time = "interview-time"
    kind = "interview-kind"
    notes = "interview-notes"
    save = "interview-save"
    cancel = "interview-cancel"
    message = "interview-message"
    edit = "interview-edit"  # pattern-matching {"type": edit, "id": interview id}
    remove = "interview-remove"


FIELDS = {"date": Ids.date, "time": Ids.time, "kind": Ids.kind, "notes": Ids.notes}


def card() -> dbc.Card:
    fields = [
        dbc.Row(
            [
                dbc.Col(field(Ids.date, "Date", type="date"), sm=6, md=4),
                dbc.Col(field(Ids.time, "Time", type="time"), sm=6, md=4),
                dbc.Col(_kind_field(), md=4),
            ],
            class_name="g-2",
        ),
        field(Ids.notes, "Interview notes", textarea=True, rows=2, maxLength=MAX_TRACKING_NOTES),
        dcc.Store(id=Ids.time_zone),
    ]
    return item_forms.card(Ids, "Interviews", "interview", fields)


def _kind_field() -> html.Div:
    return html.Div(
        [
            dbc.Label("Kind", html_for=Ids.kind),
            dbc.Select(id=Ids.kind, options=KIND_OPTIONS, value="phone_screen"),
            dbc.FormFeedback(id=f"{Ids.kind}-feedback", type="invalid"),
        ],
        className="mb-3",
    )


def _start(day: str, time_of_day: str, zone: ZoneInfo) -> datetime:
    return datetime.combine(date_value(day), time_value(time_of_day), tzinfo=zone)


def _zone(name) -> ZoneInfo:
    """The browser's time zone; UTC when it sent none or one this server does not know."""
    try:
        return ZoneInfo(text_input(name)) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(starts_at: datetime) -> str:
    return f"{starts_at:%a}, {starts_at:%b} {starts_at.day}, {starts_at.year} · {starts_at:%H:%M}"


def _item(row: dict, zone: ZoneInfo) -> html.Li:
    starts_at = row["starts_at"].astimezone(zone)
    label = INTERVIEW_KIND_LABELS[row["kind"]]
    details = [
        html.Div([html.Span(_when(starts_at), className="fw-semibold"), f" · {label}"]),
        html.A("Download .ics", href=f"/interviews/{row['id']}.ics", className="small", download=""),
    ]
    if row["notes"]:
        details.insert(
            1, html.Div(row["notes"], className="small text-body-secondary", style={"whiteSpace": "pre-wrap"})
        )
    what = f"{label.lower()} interview on {starts_at:%b} {starts_at.day}"
    return html.Li(
        [html.Div(details), item_forms.item_buttons(Ids, row["id"], what)],
        className="list-group-item d-flex justify-content-between align-items-start gap-2 flex-wrap",
    )


def _list(rows: list[dict], zone: ZoneInfo):
    if not rows:
        return html.P(
            "No interviews yet. Add one below: it shows on the timeline and in your calendar feed.",
            className="text-body-secondary mb-0",
        )
    return html.Ul([_item(row, zone) for row in rows], className="list-group")


@callback(
    Output(Ids.items, "children"),
    Input(common.Ids.application_id, "data"),
    Input(Ids.time_zone, "data"),
    Input(Ids.changed, "data"),
)
def show_interviews(application_id, time_zone, _changed):
    parsed = parse_id(application_id)
    if parsed is None or time_zone is None:  # the time zone arrives from the browser right after load
        return skip
    with user_tx(current_user.id) as conn:
        rows = interview_queries.list_for(conn, parsed)
    return _list(rows, _zone(time_zone))


@callback(
    Output(Ids.changed, "data", allow_duplicate=True),
    Output(timeline.Ids.changed, "data", allow_duplicate=True),
    Input({"type": Ids.remove, "id": ALL}, "n_clicks"),
    prevent_initial_call=True,
)
def remove_interview(_clicks):
    """Remove takes the interview and its timeline event (someone else's id removes nothing)."""
    removed = clicked_item()
    if removed is None:
        raise PreventUpdate
    with user_tx(current_user.id) as conn:
        interview_queries.delete_interview(conn, removed)
    return timeline.changed(), timeline.changed()


clientside_callback(
    "function () { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; }",
    Output(Ids.time_zone, "data"),
    Input(Ids.time_zone, "id"),
)

_EMPTY = {"date": "", "time": "", "kind": "phone_screen", "notes": ""}


@callback(
    output={**form_outputs(Ids, FIELDS), **feedback_outputs(FIELDS)},
    inputs=[Input({"type": Ids.edit, "id": ALL}, "n_clicks"), Input(Ids.cancel, "n_clicks")],
    state=State(Ids.time_zone, "data"),
    prevent_initial_call=True,
)
def edit_interview(_edits, _cancel, time_zone):
    """Edit fills the form with the interview; Cancel empties it again."""
    cleared = feedback_values(FIELDS, {})
    if ctx.triggered_id == Ids.cancel:
        return form_values("interview", _EMPTY, None) | cleared
    editing = clicked_item()
    if editing is None:  # a list re-rendered: nothing was clicked
        raise PreventUpdate
    with user_tx(current_user.id) as conn:
        row = interview_queries.get_interview(conn, editing)
    if row is None:
        return form_values("interview", _EMPTY, None) | cleared
    starts_at = row["starts_at"].astimezone(_zone(time_zone))
    values = {"date": f"{starts_at:%Y-%m-%d}", "time": f"{starts_at:%H:%M}", "kind": row["kind"], "notes": row["notes"]}
    return form_values("interview", values, str(row["id"])) | cleared


@callback(
    output={
        **form_outputs(Ids, FIELDS, allow_duplicate=True),
        **feedback_outputs(FIELDS, allow_duplicate=True),
        "message": Output(Ids.message, "children"),
        "changed": Output(Ids.changed, "data"),
        "timeline": Output(timeline.Ids.changed, "data", allow_duplicate=True),
    },
    inputs=Input(Ids.save, "n_clicks"),
    state=[
        State(Ids.date, "value"),
        State(Ids.time, "value"),
        State(Ids.kind, "value"),
        State(Ids.notes, "value"),
        State(Ids.editing, "data"),
        State(Ids.time_zone, "data"),
        State(common.Ids.application_id, "data"),
    ],
    prevent_initial_call=True,
)
def save_interview(_clicks, day, time_of_day, kind, notes, editing, time_zone, application_id):
    """Add or save; a wrong field gets its message and everything typed stays in the form."""
    day, time_of_day, kind = text_input(day), text_input(time_of_day), text_input(kind)
    notes = drop_invisible(text_input(notes)).strip()  # pasted text: invisible characters dropped, not refused
    errors = validate_interview(day, time_of_day, kind, notes)
    unchanged = dict.fromkeys(form_outputs(Ids, FIELDS), skip) | {"changed": skip, "timeline": skip}
    if errors:
        return unchanged | feedback_values(FIELDS, errors) | {"message": ""}
    starts_at = _start(day, time_of_day, _zone(time_zone))
    editing = id_input(editing)
    with user_tx(current_user.id) as conn:
        if editing is not None:
            saved = interview_queries.update_interview(conn, editing, starts_at, kind, notes)
            message = "Interview saved." if saved else "That interview was removed; add it again if you need it."
        elif load_application(conn, application_id) is not None:
            interview_queries.add_interview(conn, parse_id(application_id), starts_at, kind, notes)
            saved, message = True, "Interview added."
        else:
            saved, message = False, "This application is no longer here."
    return (
        form_values("interview", _EMPTY, None)
        | feedback_values(FIELDS, {})
        | {"message": message, "changed": timeline.changed(), "timeline": timeline.changed() if saved else skip}
    )
