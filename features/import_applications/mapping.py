"""Step 2: which column is which field, how dates are written, and a preview of the first rows as read.

Every change of a choice reads the first rows again on the server (from the small summary the
upload made), so the preview shows exactly what the import will do with them.
"""

import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from applications_csv import values
from applications_csv.cells import as_text
from applications_csv.mapping import FIELD_LABELS, REQUIRED, convert_row
from components.callback_inputs import BadCallbackInput, text_input
from components.status import STATUS_LABELS
from features.import_applications.ids import COLUMN_SELECTS, Ids
from features.import_applications.run import clean_mapping

DAY_FIRST_OPTIONS = [
    {"label": "Month first: 03/04/2026 is March 4", "value": "month"},
    {"label": "Day first: 03/04/2026 is 3 April", "value": "day"},
]
PREVIEW_CHARACTERS = 40  # of a long cell (notes, a posting), on one line; the import takes it whole
_MISSING = {"company": "Choose the column with the company.", "role_title": "Choose the column with the role."}


def _select(name: str) -> html.Div:
    select_id = COLUMN_SELECTS[name]
    return html.Div(
        [
            dbc.Label(FIELD_LABELS[name], html_for=select_id, class_name="mb-1 small fw-semibold"),
            dbc.Select(id=select_id, options=[], size="sm"),
            dbc.FormFeedback(id=f"{select_id}-feedback", type="invalid"),
        ],
        className="mb-2",
    )


def panel() -> html.Div:
    return html.Div(
        dbc.Card(
            [
                dbc.CardHeader("2. Match the columns", class_name="fw-semibold"),
                dbc.CardBody(
                    [
                        html.P(id=Ids.about, className="mb-3"),
                        dbc.Row([dbc.Col(_select(name), xs=12, sm=6, lg=4) for name in FIELD_LABELS]),
                        html.Fieldset(
                            [
                                html.Legend("Dates like 03/04/2026", className="fs-6 fw-semibold mb-1"),
                                dbc.RadioItems(id=Ids.day_first, options=DAY_FIRST_OPTIONS, value="month"),
                                dbc.FormText(
                                    [
                                        html.Span(id=Ids.day_first_help),
                                        " Dates like 2026-04-03 and 3 Apr 2026 are read as they are;"
                                        " 03.04.2026 is always day first.",
                                    ]
                                ),
                            ],
                            className="my-3",
                        ),
                        html.Div(id=Ids.statuses, className="mb-3"),
                        html.H2("Preview", className="h6"),
                        html.Div(id=Ids.preview, className="mb-3"),
                        dcc.Loading(
                            html.Div(
                                [
                                    dbc.Button("Import", id=Ids.start, color="primary"),
                                    html.Div(id=Ids.start_message, className="mt-2", role="alert"),
                                ]
                            ),
                            type="circle",
                        ),
                    ]
                ),
            ],
            class_name="mb-4",
        ),
        id=Ids.mapping_panel,
        hidden=True,
    )


def chosen_mapping(selected: dict) -> dict:
    """The selects' values (a column number as text, or upload.NOT_IN_FILE) as {field: column index}."""
    chosen = {}
    for name, value in selected.items():
        text = text_input(value)
        if text.isdigit():
            chosen[name] = int(text)
    return chosen


def _status_summary(summary: dict, mapping: dict) -> html.Div | None:
    index = mapping.get("status")
    if index is None:
        return dbc.Alert("No status column: every application is imported as a Draft.", color="light")
    seen = summary["distinct"][index]
    if seen is None:
        return html.P(f"The status column has many different values; each is read as below: {_known_words()}")
    items = []
    for text in seen:
        status, recognised = values.status_cell(text)
        note = "" if recognised else " (not a status Job Forge knows)"
        items.append(html.Li(f"“{text}” → {STATUS_LABELS[status]}{note}"))
    return html.Div(
        [html.Div("Statuses in this file", className="fw-semibold small"), html.Ul(items, className="small")]
    )


def _known_words() -> str:
    return (
        "Applied, Interviewing, Offer, Rejected, Ghosted (No response), Wishlist (Draft), Withdrawn; others as Draft."
    )


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_CHARACTERS else text[: PREVIEW_CHARACTERS - 1] + "…"


def _columns(mapping: dict) -> list[str]:
    """The fields the preview shows: those mapped, a salary range shown as from, to and currency."""
    shown = [name for name in FIELD_LABELS if mapping.get(name) is not None and name != "salary"]
    if mapping.get("salary") is not None:
        shown += [name for name in ("salary_min", "salary_max", "salary_currency") if name not in shown]
    return shown


def preview_table(summary: dict, mapping: dict, day_first: bool) -> dbc.Table:
    """The first rows as the import reads them: each mapped field, and what happens to the row."""
    columns = _columns(mapping)
    used = {name: index for name, index in mapping.items() if index is not None}
    head = html.Thead(html.Tr([html.Th("Row"), html.Th("Result"), *[html.Th(FIELD_LABELS[name]) for name in columns]]))
    body = []
    for number, row in zip(summary["numbers"], summary["rows"], strict=True):
        cells = {name: row[index] for name, index in used.items()}
        result = convert_row(number, cells, day_first)
        if result.application is None:  # shown as it is in the file
            shown = [_one_line(cells.get(name, "")) for name in columns]
            outcome = html.Td(
                "Refused: " + " ".join(result.refused), className="text-danger", style={"minWidth": "16rem"}
            )
        else:
            shown = [_one_line(as_text(name, result.application[name])) for name in columns]
            outcome = html.Td(" ".join(["Will be imported.", *result.notes]), style={"minWidth": "16rem"})
        body.append(html.Tr([html.Td(number), outcome, *[html.Td(text, className="text-nowrap") for text in shown]]))
    return dbc.Table([head, html.Tbody(body)], hover=True, responsive=True, size="sm", class_name="small")


_SELECTS = {name: Input(select, "value") for name, select in COLUMN_SELECTS.items()}


@callback(
    output={
        "preview": Output(Ids.preview, "children"),
        "statuses": Output(Ids.statuses, "children"),
        "invalid": {name: Output(COLUMN_SELECTS[name], "invalid") for name in REQUIRED},
        "messages": {name: Output(f"{COLUMN_SELECTS[name]}-feedback", "children") for name in REQUIRED},
        "disabled": Output(Ids.start, "disabled"),
        "label": Output(Ids.start, "children"),
    },
    inputs={"selected": _SELECTS, "order": Input(Ids.day_first, "value"), "summary": Input(Ids.summary, "data")},
    prevent_initial_call=True,
)
def preview(selected, order, summary):
    """Read the first rows again with the choices as they are now; the import waits for company and role."""
    if summary is None:
        return {
            "preview": None,
            "statuses": None,
            "invalid": dict.fromkeys(REQUIRED, False),
            "messages": dict.fromkeys(REQUIRED, ""),
            "disabled": True,
            "label": "Import",
        }
    if not isinstance(summary, dict):
        raise BadCallbackInput("expected the summary the upload made")
    mapping = clean_mapping(chosen_mapping(selected), len(summary.get("header", [])))
    missing = {name: _MISSING[name] for name in REQUIRED if mapping[name] is None}
    try:
        table, statuses = preview_table(summary, mapping, order == "day"), _status_summary(summary, mapping)
        count = int(summary["count"])
    except (KeyError, IndexError, TypeError, AttributeError, ValueError) as error:
        raise BadCallbackInput("expected the summary the upload made") from error
    return {
        "preview": table,
        "statuses": statuses,
        "invalid": {name: name in missing for name in REQUIRED},
        "messages": {name: missing.get(name, "") for name in REQUIRED},
        "disabled": bool(missing),
        "label": f"Import {count:,} {'row' if count == 1 else 'rows'}",
    }
