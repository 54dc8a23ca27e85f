"""Step 1: choose a CSV file; it is read on the server and the mapping step is filled from it.

The upload keeps the file to send it once more with the import; what the mapping step shows comes
from a small summary (Ids.summary): the header, the first rows and each column's values.
"""

import base64
import binascii

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc
from dash import no_update as skip

from applications_csv.mapping import FIELD_LABELS, is_own_export, propose, propose_day_first
from applications_csv.reader import UnreadableFile, read_csv
from components.callback_inputs import text_input
from components.file_upload import drop_zone
from config import UPLOAD_MAX_BYTES
from features.import_applications.ids import COLUMN_SELECTS, Ids

LIMIT_MB = UPLOAD_MAX_BYTES // (1024 * 1024)
TOO_LARGE = f"This file is larger than {LIMIT_MB} MB. Split it and import the parts one after another."
PREVIEW_ROWS = 5
DISTINCT_VALUES = 30  # a column's values kept for the status summary; more means "many different ones"
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars"}


def card() -> dbc.Card:
    return dbc.Card(
        [
            dbc.CardHeader("1. Choose the file", class_name="fw-semibold"),
            dbc.CardBody(
                [
                    drop_zone(Ids.upload, Ids.upload_message, "Choose a CSV file", TOO_LARGE),
                    dbc.FormText(
                        f"A CSV file up to {LIMIT_MB} MB and 5,000 rows with a header row: Job Forge's own "
                        "Export CSV, or a file from another tracker or a spreadsheet (save it as “CSV UTF-8”)."
                    ),
                    dcc.Store(id=Ids.summary),
                ]
            ),
        ],
        class_name="mb-4",
    )


def file_bytes(contents: str) -> bytes:
    """The bytes of a dcc.Upload's `data:<type>;base64,<data>`; UnreadableFile when it is none."""
    header, separator, encoded = contents.partition(",")
    if not separator or not header.endswith(";base64"):
        raise UnreadableFile("This file could not be read. Try choosing it again.")
    if len(encoded) * 3 // 4 > UPLOAD_MAX_BYTES + 2:  # base64's padding makes up to 2 bytes of slack
        raise UnreadableFile(TOO_LARGE)
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise UnreadableFile("This file could not be read. Try choosing it again.") from None


def _distinct(rows: list[list[str]], index: int) -> list[str] | None:
    values: list[str] = []
    for row in rows:
        value = row[index].strip()[:60]
        if value and value not in values:
            if len(values) == DISTINCT_VALUES:
                return None
            values.append(value)
    return values


def _about(filename: str, csv_file, own: bool) -> str:
    rows = len(csv_file.rows)
    what = f"“{filename}”: {rows:,} {'row' if rows == 1 else 'rows'}, {csv_file.encoding}, "
    what += f"columns separated by {_DELIMITER_NAMES.get(csv_file.delimiter, csv_file.delimiter)}."
    if csv_file.encoding == "Windows-1252":
        what += " It is not UTF-8, so it was read as Windows-1252 (Western European): check the accents below."
    if own:
        what += " This is a Job Forge export: every column is matched."
    return what


_SELECT_OPTIONS = {name: Output(select, "options") for name, select in COLUMN_SELECTS.items()}
_SELECT_VALUES = {name: Output(select, "value") for name, select in COLUMN_SELECTS.items()}
NOT_IN_FILE = "none"  # not "": dbc.Select keeps "" for its own empty placeholder
_NOT_IN_FILE = {"label": "— not in the file —", "value": NOT_IN_FILE}


@callback(
    output={
        "summary": Output(Ids.summary, "data"),
        "options": _SELECT_OPTIONS,
        "values": _SELECT_VALUES,
        "day_first": Output(Ids.day_first, "value"),
        "day_first_help": Output(Ids.day_first_help, "children"),
        "hidden": Output(Ids.mapping_panel, "hidden"),
        "about": Output(Ids.about, "children"),
        "message": Output(Ids.upload_message, "children", allow_duplicate=True),
        "report": Output(Ids.report, "children", allow_duplicate=True),
    },
    inputs=Input(Ids.upload, "contents"),
    state=State(Ids.upload, "filename"),
    prevent_initial_call=True,
)
def read_upload(contents, filename):
    """Read the chosen file and propose a column for each field and the order of day and month."""
    unchanged = {"options": dict.fromkeys(FIELD_LABELS, skip), "values": dict.fromkeys(FIELD_LABELS, skip)}
    filename = text_input(filename)
    try:
        csv_file = read_csv(file_bytes(text_input(contents)))
    except UnreadableFile as refused:
        return unchanged | {
            "summary": None,
            "day_first": skip,
            "day_first_help": skip,
            "hidden": True,
            "about": "",
            "message": f"{refused} Nothing was imported.",
            "report": None,
        }
    mapping = propose(csv_file.header)
    day_first = propose_day_first(csv_file, mapping)
    options = [_NOT_IN_FILE] + [
        {"label": name or f"Column {index + 1}", "value": str(index)} for index, name in enumerate(csv_file.header)
    ]
    summary = {
        "filename": filename,
        "header": csv_file.header,
        "rows": csv_file.rows[:PREVIEW_ROWS],
        "numbers": csv_file.row_numbers[:PREVIEW_ROWS],
        "count": len(csv_file.rows),
        "distinct": [_distinct(csv_file.rows, index) for index in range(len(csv_file.header))],
    }
    if day_first is None:
        help_text = "Nothing in this file shows which comes first, so check the preview's dates."
    else:
        help_text = f"Dates in this file only make sense {'day' if day_first else 'month'} first."
    return {
        "summary": summary,
        "options": dict.fromkeys(FIELD_LABELS, options),
        "values": {name: NOT_IN_FILE if index is None else str(index) for name, index in mapping.items()},
        "day_first": "day" if day_first else "month",
        "day_first_help": help_text,
        "hidden": False,
        "about": _about(filename, csv_file, is_own_export(csv_file.header)),
        "message": "",
        "report": None,
    }
