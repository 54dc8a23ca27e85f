"""The table: every application in an AG Grid whose rows the server pages, sorts, filters and searches.

The grid uses AG Grid's infinite row model: it asks for a block of rows at a time (getRowsRequest)
and the server answers with plain row data (getRowsResponse), so a person with 5,000 applications
waits for one indexed page, as one with 5 does. The filters above the grid travel in the grid's
context (assets/dashboard.js puts them there and has the grid start again from the first block).
In the default order, each block continues from the last row of the one before (keyset), using
the cursors this module keeps in a store; other orders use a bounded offset.

AG Grid's main bundle (1.3 MB, 300 KB compressed) and the chunk holding its React grid are not
linked from every page, as Dash links each component library: the table view loads them
(assets/dashboard.js, loadGrid) and draws the grid in the browser once they have run, with no
request of its own; when Table is the person's view, the dashboard's HTML already links them
(features/dashboard/view_scripts.py), so they download with the page's other scripts.
"""

import json
import os
import uuid
from datetime import date, datetime

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import (
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    dcc,
    get_relative_path,
    html,
)
from dash.exceptions import PreventUpdate
from dash.fingerprint import build_fingerprint
from flask_login import current_user

from components.status import PRIORITY_LABELS, PRIORITY_OPTIONS, STATUS_LABELS, STATUS_OPTIONS
from db import applications as application_queries
from db import dashboard as queries
from db.connection import user_tx
from features.dashboard.controls import Ids as ControlIds

BLOCK = 50  # rows per request; the grid asks for the next block as the person scrolls
ANY = "*"  # a filter's "Any" (dbc.Select keeps "" for its own placeholder)


GRID_BUNDLE = "dash_ag_grid.min.js"
# The webpack chunk the bundle would fetch when the first grid renders; run beside the bundle instead,
# in any order (webpack takes up chunks that ran before it), it is never fetched a second time.
GRID_CHUNK = "async-community.js"
for _resource in dag._js_dist:
    if _resource["relative_package_path"] == GRID_BUNDLE:
        _resource["dynamic"] = True  # served, but not linked from the pages: panel() loads it


def _suite_url(name: str) -> str:
    """A file of dash-ag-grid's at a fingerprinted URL, as Dash links bundles (cached for a year: static_files.py)."""
    modified = int(os.stat(os.path.join(os.path.dirname(dag.__file__), name)).st_mtime)
    return get_relative_path(
        f"/_dash-component-suites/dash_ag_grid/{build_fingerprint(name, dag.__version__, modified)}"
    )


def grid_scripts() -> list[str]:
    return [_suite_url(GRID_BUNDLE), _suite_url(GRID_CHUNK)]


class Ids:
    PANEL = "table-panel"
    GRID = "applications-grid"
    GRID_HOLDER = "applications-grid-holder"
    GRID_BUNDLE = "applications-grid-bundle"  # {"scripts": URLs, "grid": the grid's id, "component": the grid}
    CURSORS = "table-cursors"  # {"query": signature, "after": {start row: [updated_at, id]}}
    REFRESHED = "table-refreshed"  # when the grid was last told to start again
    FILTER_NAMES = "table-filter-names"  # the names the filters have in the grid's context, in input order
    NAVIGATE = "table-navigate"
    SEARCH = "table-search"
    STATUS = "table-status"
    PRIORITY = "table-priority"
    SOURCE = "table-source"
    DATE_FIELD = "table-date-field"
    DATE_FROM = "table-date-from"
    DATE_TO = "table-date-to"


COLUMNS = [
    {"field": "company", "headerName": "Company", "cellRenderer": "ApplicationLink", "minWidth": 140, "flex": 2},
    {"field": "role_title", "headerName": "Role", "minWidth": 140, "flex": 2},
    {"field": "status", "headerName": "Status", "minWidth": 100, "flex": 1},
    {"field": "priority", "headerName": "Priority", "minWidth": 90, "flex": 1},
    {"field": "source", "headerName": "Source", "minWidth": 100, "flex": 1},
    {"field": "location", "headerName": "Location", "minWidth": 100, "flex": 1},
    {"field": "applied_on", "headerName": "Applied on", "minWidth": 110, "flex": 1},
    {"field": "follow_up_on", "headerName": "Follow up on", "minWidth": 120, "flex": 1},
    {"field": "updated_at", "headerName": "Updated", "minWidth": 110, "flex": 1, "sort": "desc"},
]
FILTER_INPUTS = {
    "search": Ids.SEARCH,
    "status": Ids.STATUS,
    "priority": Ids.PRIORITY,
    "source": Ids.SOURCE,
    "dateField": Ids.DATE_FIELD,
    "dateFrom": Ids.DATE_FROM,
    "dateTo": Ids.DATE_TO,
    "archived": ControlIds.SHOW_ARCHIVED,
}


def _labelled(label: str, control, width: str) -> html.Div:
    return html.Div([dbc.Label(label, html_for=control.id, class_name="small mb-1"), control], className=width)


def _filters() -> html.Div:
    any_option = [{"label": "Any", "value": ANY}]
    date_fields = [{"label": "Updated", "value": "updated_at"}, {"label": "Applied on", "value": "applied_on"}]
    return html.Div(
        [
            _labelled(
                "Search applications",
                dbc.Input(id=Ids.SEARCH, type="search", debounce=0.3, placeholder="Company, role, posting, notes…"),
                "table-filter-search",
            ),
            _labelled("Status", dbc.Select(id=Ids.STATUS, options=any_option + STATUS_OPTIONS, value=ANY), ""),
            _labelled("Priority", dbc.Select(id=Ids.PRIORITY, options=any_option + PRIORITY_OPTIONS, value=ANY), ""),
            _labelled("Source", dbc.Select(id=Ids.SOURCE, options=any_option, value=ANY), ""),
            _labelled("Date", dbc.Select(id=Ids.DATE_FIELD, options=date_fields, value="updated_at"), ""),
            _labelled("From", dbc.Input(id=Ids.DATE_FROM, type="date"), ""),
            _labelled("To", dbc.Input(id=Ids.DATE_TO, type="date"), ""),
        ],
        className="table-filters mb-3",
    )


def panel() -> html.Div:
    return html.Div(
        [
            dcc.Store(id=Ids.CURSORS),
            dcc.Store(id=Ids.REFRESHED),
            dcc.Store(id=Ids.FILTER_NAMES, data=list(FILTER_INPUTS)),
            dcc.Store(
                id=Ids.GRID_BUNDLE,
                data={"scripts": grid_scripts(), "grid": Ids.GRID, "component": grid().to_plotly_json()},
            ),
            dcc.Location(id=Ids.NAVIGATE, refresh="callback-nav"),
            _filters(),
            html.Div(id=Ids.GRID_HOLDER, className="applications-grid-holder", style={"minHeight": "32rem"}),
        ],
        id=Ids.PANEL,
    )


def grid() -> dag.AgGrid:
    return dag.AgGrid(
        id=Ids.GRID,
        columnDefs=COLUMNS,
        defaultColDef={"sortable": True, "resizable": True, "suppressHeaderMenuButton": True},
        rowModelType="infinite",
        getRowId="params.data.id",
        dashGridOptions={
            "cacheBlockSize": BLOCK,
            "maxBlocksInCache": 20,
            "rowHeight": 40,
            "context": {},
        },
        className="applications-grid",
        style={"height": "32rem"},
    )


# Drawn in the browser from the component in the store: a server callback here cost a round trip
# after the scripts had run, before the grid could even ask for its first rows.
clientside_callback(
    ClientsideFunction("jobforgeDashboard", "loadGrid"),
    Output(Ids.GRID_HOLDER, "children"),
    Input(Ids.GRID_BUNDLE, "data"),
)


def _text(value, limit: int) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def parse_request(request: dict) -> queries.TableQuery:
    """The grid's request (sort model and the filters in its context), checked value by value."""
    context = request.get("context") if isinstance(request.get("context"), dict) else {}
    sort_model = request.get("sortModel") if isinstance(request.get("sortModel"), list) else []
    sort = sort_model[0] if sort_model and isinstance(sort_model[0], dict) else {}
    status, priority, source = context.get("status"), context.get("priority"), context.get("source")
    date_field = context.get("dateField")
    return queries.TableQuery(
        sort=sort.get("colId") if sort.get("colId") in queries.SORTS else "updated_at",
        descending=sort.get("sort") != "asc",
        status=status if status in STATUS_LABELS else None,
        priority=priority if priority in PRIORITY_LABELS else None,
        source=None if source == ANY else _text(source, 200) or None,
        date_field=date_field if date_field in queries.DATE_FIELDS else "updated_at",
        date_from=_date(context.get("dateFrom")),
        date_to=_date(context.get("dateTo")),
        search=_text(context.get("search"), queries.MAX_SEARCH_LENGTH),
        include_archived=context.get("archived") is True,
    )


def _row(row: dict) -> dict:
    return {
        "id": str(row["id"]),
        "company": row["company"] + (" (archived)" if row["archived_at"] else ""),
        "role_title": row["role_title"],
        "status": STATUS_LABELS[row["status"]],
        "priority": PRIORITY_LABELS[row["priority"]],
        "source": row["source"],
        "location": row["location"],
        "applied_on": row["applied_on"].isoformat() if row["applied_on"] else None,
        "follow_up_on": row["follow_up_on"].isoformat() if row["follow_up_on"] else None,
        "updated_at": row["updated_at"].date().isoformat(),
    }


def _cursor(value) -> tuple[datetime, uuid.UUID] | None:
    """A keyset cursor the server handed out earlier, or None; it came back through the browser."""
    try:
        updated_at, application_id = value
        return datetime.fromisoformat(updated_at), uuid.UUID(application_id)
    except (TypeError, ValueError):
        return None


def _start_row(request: dict) -> int:
    start = request.get("startRow")
    return start if isinstance(start, int) and 0 <= start <= 1_000_000 else 0


@callback(
    Output(Ids.GRID, "getRowsResponse"),
    Output(Ids.CURSORS, "data"),
    Input(Ids.GRID, "getRowsRequest"),
    State(Ids.CURSORS, "data"),
)
def rows(request, cursors):
    if not isinstance(request, dict):
        raise PreventUpdate
    query = parse_request(request)
    signature = json.dumps(vars(query), default=str, sort_keys=True)
    # Cursors from another query (filters or sort changed since) are of no use.
    known = cursors["after"] if isinstance(cursors, dict) and cursors.get("query") == signature else {}
    start = _start_row(request)
    after = _cursor(known.get(str(start))) if query.keyset else None
    with user_tx(current_user.id) as conn:
        found = queries.table_page(conn, current_user.id, query, BLOCK, after=after, offset=0 if after else start)
    response = {"rowData": [_row(row) for row in found]}
    if len(found) < BLOCK:
        response["rowCount"] = start + len(found)  # the last block: the grid stops asking
    elif query.keyset:
        updated_at, last_id = queries.cursor_of(found[-1])
        known = known | {str(start + len(found)): [updated_at.isoformat(), str(last_id)]}
    return response, {"query": signature, "after": known}


@callback(Output(Ids.SOURCE, "options"), Input(ControlIds.VIEW, "value"))
def source_options(view):
    if view != "table":
        raise PreventUpdate
    with user_tx(current_user.id) as conn:
        sources = application_queries.earlier_sources(conn)
    return [{"label": "Any", "value": ANY}] + [{"label": source, "value": source} for source in sources]


clientside_callback(
    ClientsideFunction("jobforgeDashboard", "refreshTable"),
    Output(Ids.REFRESHED, "data"),
    [Input(ControlIds.VIEW, "value")] + [Input(component, "value") for component in FILTER_INPUTS.values()],
    State(Ids.FILTER_NAMES, "data"),
    State(Ids.GRID_BUNDLE, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("jobforgeDashboard", "openRow"),
    Output(Ids.NAVIGATE, "href"),
    Input(Ids.GRID, "cellClicked"),
    prevent_initial_call=True,
)
