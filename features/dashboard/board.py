"""The board: one column per status with its count, the newest cards of each, moved by drag or "Move to".

The server sends plain card data to a store; assets/dashboard.js draws the cards (a few DOM nodes
each, not a Dash component tree: see design.md, "Hot callbacks send data") and reports a drag or
a "Move to" choice through the MOVE store, which the board callback saves with set_status, so
every move is on the timeline, in the same transaction that reads the board again.
"""

import os
import uuid

import dash_bootstrap_components as dbc
from dash import (
    ALL,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    get_asset_url,
    html,
)
from dash.exceptions import PreventUpdate
from flask_login import current_user

from components.status import PRIORITY_LABELS, STATUS_COLORS, STATUS_LABELS, STATUS_TEXT_COLORS
from config import PROJECT_ROOT
from db import applications as application_queries
from db import dashboard as queries
from db.applications import STATUSES
from db.connection import user_tx
from features.dashboard.controls import Ids as ControlIds

PAGE = 20  # cards a column shows at first, and how many more "Show more" adds
MAX_CARDS = 500  # a column never draws more, however often "Show more" is pressed


class Ids:
    PANEL = "board-panel"
    DATA = "board-data"  # the cards to draw, per column
    MOVE = "board-move"  # {id, status, nonce} from a drag or a "Move to" menu
    MESSAGE = "board-message"
    COUNT = "board-count"  # {"type": COUNT, "status": s}
    LIST = "board-list"  # the element the cards of a status are drawn into: board-list-<status>
    MORE = "board-more"  # {"type": MORE, "status": s}
    SCRIPTS = "board-scripts"  # the URLs of the scripts the board needs, loaded before its cards are drawn


SORTABLE = "vendor/Sortable.min.js"  # not linked from every page (assets_path_ignore in app.py): the board's alone


def scripts() -> list[str]:
    """SortableJS at the URL Dash would link it from (?m=: cached for a year, static_files.py)."""
    modified = int(os.stat(PROJECT_ROOT / "assets" / SORTABLE).st_mtime)
    return [f"{get_asset_url(SORTABLE)}?m={modified}"]


def _column(status: str) -> html.Section:
    return html.Section(
        [
            html.H2(
                [
                    html.Span(STATUS_LABELS[status]),
                    dbc.Badge(
                        "0",
                        id={"type": Ids.COUNT, "status": status},
                        color=STATUS_COLORS[status],
                        text_color=STATUS_TEXT_COLORS[status],
                        pill=True,
                    ),
                ],
                className="h6 d-flex justify-content-between align-items-center mb-2",
            ),
            # Filled by assets/dashboard.js, never by Dash, so Sortable may move its children.
            html.Div(id=f"{Ids.LIST}-{status}", className="board-list", **{"data-status": status}),
            dbc.Button(
                "Show more",
                id={"type": Ids.MORE, "status": status},
                color="link",
                size="sm",
                class_name="w-100",
                style={"display": "none"},
            ),
        ],
        className="board-column",
        **{"aria-label": STATUS_LABELS[status]},
    )


def panel() -> html.Div:
    return html.Div(
        [
            dcc.Store(id=Ids.DATA),
            dcc.Store(id=Ids.MOVE),
            dcc.Store(id=Ids.SCRIPTS, data=scripts()),
            html.Div(id=Ids.MESSAGE, className="small text-success mb-2", role="status"),
            html.Div([_column(status) for status in STATUSES], className="board"),
        ],
        id=Ids.PANEL,
    )


def _card(row: dict) -> dict:
    return {
        "id": str(row["id"]),
        "company": row["company"],
        "role": row["role_title"],
        "priority": row["priority"],
        "followUp": row["follow_up_on"].isoformat() if row["follow_up_on"] else None,
    }


def _parse_move(move) -> tuple[uuid.UUID, str] | None:
    """A move as the browser reported it, or None if it is not one (the id is only a lookup key)."""
    if not isinstance(move, dict) or move.get("status") not in STATUSES:
        return None
    try:
        return uuid.UUID(str(move.get("id"))), move["status"]
    except ValueError:
        return None


def _limits(more_clicks) -> dict[str, int]:
    """Cards to show per column: a page more for each "Show more" click (the clicks came from the browser)."""
    clicks = more_clicks if isinstance(more_clicks, list) else []
    clicks = [*clicks[: len(STATUSES)], *[None] * (len(STATUSES) - len(clicks))]
    return {
        status: min(MAX_CARDS, PAGE * (1 + (count if isinstance(count, int) and count > 0 else 0)))
        for status, count in zip(STATUSES, clicks, strict=True)
    }


@callback(
    Output(Ids.DATA, "data"),
    Output(Ids.MESSAGE, "children"),
    Input(ControlIds.VIEW, "value"),
    Input(ControlIds.SHOW_ARCHIVED, "value"),
    Input(Ids.MOVE, "data"),
    Input({"type": Ids.MORE, "status": ALL}, "n_clicks"),
)
def show_board(view, show_archived, move, more_clicks):
    if view != "board":
        raise PreventUpdate
    message = ""
    with user_tx(current_user.id) as conn:
        parsed = _parse_move(move) if ctx.triggered_id == Ids.MOVE else None
        if parsed and application_queries.set_status(conn, *parsed):
            moved = application_queries.get_application(conn, parsed[0])
            message = f"Moved {moved['company']} to {STATUS_LABELS[parsed[1]]}."
        board = queries.board(conn, current_user.id, _limits(more_clicks), include_archived=bool(show_archived))
    columns = [
        {"status": status, "count": board["counts"][status], "cards": [_card(row) for row in board["cards"][status]]}
        for status in STATUSES
    ]
    return {"columns": columns, "statuses": STATUS_LABELS, "priorities": PRIORITY_LABELS}, message


clientside_callback(
    ClientsideFunction("jobforgeDashboard", "renderBoard"),
    Output({"type": Ids.COUNT, "status": ALL}, "children"),
    Output({"type": Ids.MORE, "status": ALL}, "style"),
    Input(Ids.DATA, "data"),
    State({"type": Ids.COUNT, "status": ALL}, "id"),
    State(Ids.SCRIPTS, "data"),
)
