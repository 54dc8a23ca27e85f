"""Step 3: the import itself, and its report: every row of the file, imported or refused and why."""

import logging

import dash_bootstrap_components as dbc
import psycopg
from dash import Input, Output, State, callback, html
from flask_login import current_user

from applications_csv.reader import UnreadableFile
from components.callback_inputs import text_input
from features.import_applications.ids import COLUMN_SELECTS, Ids
from features.import_applications.mapping import chosen_mapping
from features.import_applications.run import import_file
from features.import_applications.upload import file_bytes

log = logging.getLogger("jobforge")
LISTED_ROWS = 200  # up to this many rows, the report lists every one


def card() -> html.Div:
    return html.Div(id=Ids.report)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _summary(results) -> dbc.Alert:
    imported = sum(result.application is not None for result in results)
    refused = len(results) - imported
    text = f"Imported {_plural(imported, 'application')}."
    if refused:
        text += f" {_plural(refused, 'row')} {'was' if refused == 1 else 'were'} refused; the table says why."
        text += " Fix them in your file and import just those rows again."
    return dbc.Alert(
        [text, " ", html.A("See them on the dashboard", href="/", className="alert-link")],
        color="warning" if refused else "success",
        id=f"{Ids.report}-summary",
    )


def _row(result) -> html.Tr:
    if result.application is None:
        outcome, style = "Refused: " + " ".join(result.refused), "table-danger"
    else:
        outcome, style = " ".join(["Imported.", *result.notes]), ""
    return html.Tr(
        [html.Td(result.number), html.Td(result.company), html.Td(result.role_title), html.Td(outcome)],
        className=style,
    )


def _ranges(numbers: list[int]) -> str:
    """Row numbers as runs: [2, 3, 4, 7] is "2–4, 7"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in runs)


def report(results) -> html.Div:
    """Every row in a table; in a long file, the rows imported exactly as they were are named by
    number in one line instead (a table of thousands of rows would take the browser seconds)."""
    listed, plain = results, []
    if len(results) > LISTED_ROWS:
        listed = [result for result in results if result.application is None or result.notes]
        plain = [result.number for result in results if result.application is not None and not result.notes]
    head = html.Thead(html.Tr([html.Th("Row"), html.Th("Company"), html.Th("Role"), html.Th("Result")]))
    body = [_summary(results)]
    if plain:
        body.append(html.P(f"Imported as they were: rows {_ranges(plain)}.", className="small"))
    if listed:
        body.append(
            dbc.Table(
                [head, html.Tbody([_row(result) for result in listed])],
                responsive=True,
                size="sm",
                class_name="small import-report",
            )
        )
    return dbc.Card([dbc.CardHeader("3. Report", class_name="fw-semibold"), dbc.CardBody(body)], class_name="mb-4")


def _refused(message: str) -> dict:
    return {"report": None, "message": dbc.Alert(message, color="danger"), "hidden": False}


def _refused(message: str) -> dict:
    return {"report": None, "message": dbc.Alert(message, color="danger"), "hidden": False}


@callback(
    output={
        "report": Output(Ids.report, "children", allow_duplicate=True),
        "message": Output(Ids.start_message, "children"),
        "hidden": Output(Ids.mapping_panel, "hidden", allow_duplicate=True),
    },
    inputs={"_clicks": Input(Ids.start, "n_clicks")},
    state={
        "contents": State(Ids.upload, "contents"),
        "selected": {name: State(select, "value") for name, select in COLUMN_SELECTS.items()},
        "order": State(Ids.day_first, "value"),
    },
    prevent_initial_call=True,
)
def start_import(_clicks, contents, selected, order):
    """Import with the choices shown; the file comes again from the upload and is read afresh."""
    try:
        results = import_file(
            current_user.id, file_bytes(text_input(contents)), chosen_mapping(selected), order == "day"
        )
    except UnreadableFile as refused:
        return _refused(f"{refused} Nothing was imported.")
    except (psycopg.IntegrityError, psycopg.DataError) as error:
        # A row past the checks that the database refuses: the one transaction saved none of them.
        log.warning("an import was refused by the database: %s", type(error).__name__)
        return _refused("The database refused one of the rows, so nothing was imported. Check the preview's values.")
    return {"report": report(results), "message": "", "hidden": True}
