"""The dashboard's overview: counts per status, follow-ups due and charts from the timeline."""

from datetime import date, timedelta

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate
from flask_login import current_user

from components.callback_inputs import id_input
from components.status import STATUS_COLORS, STATUS_LABELS
from db import applications
from db import overview as queries
from db.applications import STATUSES
from db.connection import user_tx
from features.dashboard import overview_charts as charts

SNOOZE = timedelta(weeks=1)
# Follow-ups listed at once: each is a few components, and hot callbacks send little of those.
FOLLOW_UPS_SHOWN = 10
_GRAPH_CONFIG = {"displayModeBar": False, "responsive": True}


class Ids:
    panel = "overview-panel"
    # Its data changes after a follow-up is done or snoozed, which redraws the overview.
    refresh = "overview-refresh"
    empty = "overview-empty"
    empty_text = "overview-empty-text"
    content = "overview-content"
    counts = "overview-counts"
    follow_ups = "overview-follow-ups"
    sent_hint = "overview-sent-hint"
    sent_charts = "overview-sent-charts"
    funnel = "overview-funnel"
    response = "overview-response"
    weekly = "overview-weekly"
    stages = "overview-stages"
    # Pattern-matching button types; each button's "application" key is the application's id.
    done = "overview-follow-up-done"
    snooze = "overview-follow-up-snooze"


def _card(title: str, body, **col) -> dbc.Col:
    return dbc.Col(
        dbc.Card(
            [dbc.CardHeader(html.H2(title, className="h6 mb-0")), dbc.CardBody(body)],
            class_name="h-100",
        ),
        xs=12,
        class_name="mb-3",
        **col,
    )


def _graph(component_id: str, height: int) -> dcc.Graph:
    # A fixed height with responsive width: the chart follows its card when the window narrows.
    return dcc.Graph(id=component_id, config=_GRAPH_CONFIG, style={"height": f"{height}px"})


def panel() -> html.Div:
    """The overview's skeleton; its data loads in `show_overview` when it mounts."""
    return html.Div(
        [
            dcc.Store(id=Ids.refresh, data=0),
            html.Div(
                dbc.Card(dbc.CardBody(id=Ids.empty_text), class_name="text-center py-4"),
                id=Ids.empty,
                hidden=True,
            ),
            html.Div(
                [
                    html.Ul(
                        id=Ids.counts,
                        className="list-unstyled d-grid gap-2 mb-3",
                        # All seven in a row on a wide screen, two by two on a phone.
                        style={"gridTemplateColumns": "repeat(auto-fit, minmax(7.5rem, 1fr))"},
                    ),
                    dbc.Row(
                        [
                            _card("Follow-ups due", html.Div(id=Ids.follow_ups), lg=7),
                            _card("Applications sent per week", _graph(Ids.weekly, 220), lg=5),
                        ]
                    ),
                    html.P(
                        "Move an application to Applied to see your funnel, response rate and days in each stage.",
                        id=Ids.sent_hint,
                        className="alert alert-light border",
                        hidden=True,
                    ),
                    html.Div(
                        dbc.Row(
                            [
                                _card("Funnel", _graph(Ids.funnel, 220), lg=4),
                                _card("Response rate", _graph(Ids.response, 220), lg=4),
                                _card("Median days in each stage", _graph(Ids.stages, 220), lg=4),
                            ]
                        ),
                        id=Ids.sent_charts,
                    ),
                ],
                id=Ids.content,
            ),
        ],
        id=Ids.panel,
    )


def _empty_text(archived: bool) -> list:
    """What to do first when no application is shown."""
    add_one = dcc.Link("add one", href="/applications/new")
    if archived:
        return [
            html.P(["Every application is archived — ", add_one, "."], className="h5"),
            html.P(
                "Archived applications are left out of the overview; “Unarchive” on an application brings it back.",
                className="text-body-secondary mb-0",
            ),
        ]
    return [
        html.P(["No applications yet — ", add_one, "."], className="h5"),
        html.P(
            "Counts, follow-ups due and charts of your progress show up here.", className="text-body-secondary mb-0"
        ),
    ]


def _counts(counts: dict[str, int]) -> list:
    return [
        html.Li(
            html.Div(
                [
                    html.Div(
                        str(counts.get(status, 0)), className=f"fs-4 fw-semibold text-{STATUS_COLORS[status]}-emphasis"
                    ),
                    html.Div(STATUS_LABELS[status], className="small text-body-secondary"),
                ],
                className="border rounded text-center py-2 h-100",
            ),
        )
        for status in STATUSES
    ]


def _due_label(follow_up_on: date, today: date) -> str:
    overdue = (today - follow_up_on).days
    when = follow_up_on.strftime("%b %d, %Y")
    if overdue == 0:
        return f"Due today ({when})"
    return f"{when} · {overdue} day{'s' if overdue != 1 else ''} overdue"


def _follow_up(row: dict, today: date) -> html.Li:
    key = str(row["id"])
    return html.Li(
        [
            html.Div(
                [
                    dcc.Link(row["company"], href=f"/applications/{key}", className="fw-semibold me-2"),
                    html.Span(row["role_title"], className="text-body-secondary"),
                    html.Div(_due_label(row["follow_up_on"], today), className="small text-danger-emphasis"),
                ],
                className="me-auto",
            ),
            html.Div(
                [
                    html.Button(
                        "Done",
                        id={"type": Ids.done, "application": key},
                        className="btn btn-sm btn-outline-success",
                        **{"aria-label": f"Done: follow-up on {row['company']}"},
                    ),
                    html.Button(
                        "Snooze a week",
                        id={"type": Ids.snooze, "application": key},
                        className="btn btn-sm btn-outline-secondary",
                        **{"aria-label": f"Snooze a week: follow-up on {row['company']}"},
                    ),
                ],
                className="d-flex gap-2 flex-shrink-0",
            ),
        ],
        className="list-group-item d-flex flex-wrap align-items-center gap-2 overview-follow-up",
    )


def _follow_ups(rows: list[dict], total: int, today: date) -> list:
    if not rows:
        return [
            html.P(
                "Nothing due. Set “Follow up on” on an application to be reminded here.",
                className="text-body-secondary mb-0",
            )
        ]
    shown = [html.Ul([_follow_up(row, today) for row in rows], className="list-group list-group-flush")]
    if total > len(rows):
        shown.append(html.P(f"The {len(rows)} oldest of {total} due.", className="small text-body-secondary mt-2"))
    return shown


_DATA_OUTPUTS = ("counts", "follow_ups", "weekly", "sent_hint", "sent_charts", "funnel", "response", "stages")


@callback(
    output={
        "empty": Output(Ids.empty, "hidden"),
        "empty_text": Output(Ids.empty_text, "children"),
        "content": Output(Ids.content, "hidden"),
        "counts": Output(Ids.counts, "children"),
        "follow_ups": Output(Ids.follow_ups, "children"),
        "weekly": Output(Ids.weekly, "figure"),
        "sent_hint": Output(Ids.sent_hint, "hidden"),
        "sent_charts": Output(Ids.sent_charts, "hidden"),
        "funnel": Output(Ids.funnel, "figure"),
        "response": Output(Ids.response, "figure"),
        "stages": Output(Ids.stages, "figure"),
    },
    inputs=Input(Ids.refresh, "data"),
)
def show_overview(_refreshed):
    today = date.today()
    with user_tx(current_user.id) as conn:
        counts = queries.status_counts(conn, current_user.id)
        if not counts:
            return {
                "empty": False,
                "empty_text": _empty_text(queries.has_archived(conn, current_user.id)),
                "content": True,
                **dict.fromkeys(_DATA_OUTPUTS, no_update),
            }
        due, total_due = queries.follow_ups_due(conn, current_user.id, today, FOLLOW_UPS_SHOWN)
        weeks = queries.applications_per_week(conn, current_user.id, today)
        reached = queries.funnel(conn, current_user.id)
        medians = queries.median_days_in_stage(conn, current_user.id) if reached["applied"] else {}
    rate = queries.response_rate(reached)
    sent = rate is not None
    return {
        "empty": True,
        "empty_text": no_update,
        "content": False,
        "counts": _counts(counts),
        "follow_ups": _follow_ups(due, total_due, today),
        "weekly": charts.weekly_figure(weeks),
        "sent_hint": sent,
        "sent_charts": not sent,
        "funnel": charts.funnel_figure(reached) if sent else no_update,
        "response": charts.response_figure(reached, rate) if sent else no_update,
        "stages": charts.stages_figure(medians) if sent else no_update,
    }


@callback(
    Output(Ids.refresh, "data"),
    Input({"type": Ids.done, "application": ALL}, "n_clicks"),
    Input({"type": Ids.snooze, "application": ALL}, "n_clicks"),
    State(Ids.refresh, "data"),
    prevent_initial_call=True,
)
def act_on_follow_up(_done, _snooze, refreshed):
    """ "Done" clears the follow-up date, "Snooze a week" moves it a week past today; then the overview redraws."""
    button = ctx.triggered_id
    # New buttons arriving with a redraw trigger this too, with no click.
    if not isinstance(button, dict) or not ctx.triggered[0]["value"]:
        raise PreventUpdate
    application_id = id_input(button.get("application"))
    if application_id is None:
        raise PreventUpdate
    follow_up_on = None if button.get("type") == Ids.done else date.today() + SNOOZE
    with user_tx(current_user.id) as conn:
        # Row level security: another person's application is not found, and nothing changes.
        saved = applications.update_details(conn, application_id, {"follow_up_on": follow_up_on})
    if saved is None:
        raise PreventUpdate
    return (refreshed if isinstance(refreshed, int) else 0) + 1
