"""The documents' editors: loading, saving with conflict detection, history, compare, restore and export."""

import difflib
from datetime import date

import dash_bootstrap_components as dbc
from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, html
from dash import no_update as skip
from flask_login import current_user

import exports
from ai.indexing import embed_later
from ai.workflow import PHASE_LABELS, PHASES, keep_unsaved_text
from components.callback_inputs import text_input
from components.document_editor import Part, doc_id, document_editor, export_id
from db import documents as document_queries
from db.connection import user_tx
from features.application import common
from features.application.common import load_application
from validators import document_length_error, drop_invisible


class Ids:
    tabs = "document-tabs"


def editor_tabs() -> dbc.Tabs:
    return dbc.Tabs(
        [
            dbc.Tab(document_editor(phase, PHASE_LABELS[phase]), label=PHASE_LABELS[phase], tab_id=phase)
            for phase in PHASES
        ],
        id=Ids.tabs,
        active_tab="cover_letter",
    )


def origin_label(document: dict | None) -> str:
    """'Offline draft · version 1', 'Edited by you · version 2'."""
    if not document or not document.get("version"):
        return ""
    if document["origin"] == "generated":
        made_by = "Offline draft" if document["provider"] == "offline" else f"Written by {document['provider']}"
    else:
        made_by = "Edited by you" if document["origin"] == "edited" else "Restored"
    return f"{made_by} · version {document['version']}"


def editor_state(conn, application: dict) -> dict[str, list]:
    """Every editor as saved, one value per phase in PHASES order, keyed like LOADED."""
    documents = [document_queries.get_document(conn, application["id"], phase) or {} for phase in PHASES]
    texts = [document.get("content", "") for document in documents]
    return {
        "editors": texts,
        "versions": [document.get("version", 0) for document in documents],
        "saved_texts": list(texts),
        "origins": [origin_label(document) for document in documents],
    }


LOADED = {
    "editors": Output(doc_id(Part.editor, ALL), "value"),
    "versions": Output(doc_id(Part.version, ALL), "data"),
    "saved_texts": Output(doc_id(Part.saved_text, ALL), "data"),
    "origins": Output(doc_id(Part.origin, ALL), "children"),
}
loaded = editor_state


# One editor's text and the saved version it shows, as take-theirs and restore replace them.
SHOWN = {
    "editor": Output(doc_id(Part.editor, MATCH), "value", allow_duplicate=True),
    "version": Output(doc_id(Part.version, MATCH), "data", allow_duplicate=True),
    "saved_text": Output(doc_id(Part.saved_text, MATCH), "data", allow_duplicate=True),
    "origin": Output(doc_id(Part.origin, MATCH), "children", allow_duplicate=True),
}
UNCHANGED = dict.fromkeys(SHOWN, skip)


def _showing(text: str, document: dict) -> dict:
    """Values for SHOWN: `text` in the editor, saved as `document`."""
    return {"editor": text, "version": document["version"], "saved_text": text, "origin": origin_label(document)}


def _saved_document(conn, application_id, phase: str) -> dict | None:
    application = load_application(conn, application_id)
    return application and document_queries.get_document(conn, application["id"], phase)


clientside_callback(
    ClientsideFunction("jobforge", "preview"),
    Output(doc_id(Part.preview, MATCH), "children"),
    Input(doc_id(Part.editor, MATCH), "value"),
)
clientside_callback(
    ClientsideFunction("jobforge", "dirty"),
    Output(doc_id(Part.dirty, MATCH), "children"),
    Input(doc_id(Part.editor, MATCH), "value"),
    Input(doc_id(Part.saved_text, MATCH), "data"),
)


@callback(
    output={
        "version": Output(doc_id(Part.version, MATCH), "data", allow_duplicate=True),
        "saved_text": Output(doc_id(Part.saved_text, MATCH), "data", allow_duplicate=True),
        "origin": Output(doc_id(Part.origin, MATCH), "children", allow_duplicate=True),
        "message": Output(doc_id(Part.message, MATCH), "children"),
        "conflict": Output(doc_id(Part.conflict, MATCH), "is_open"),
        "conflict_text": Output(doc_id(Part.conflict_text, MATCH), "children"),
    },
    inputs=[Input(doc_id(Part.save, MATCH), "n_clicks"), Input(doc_id(Part.keep_mine, MATCH), "n_clicks")],
    state=[
        State(doc_id(Part.editor, MATCH), "value"),
        State(doc_id(Part.version, MATCH), "data"),
        State(common.Ids.application_id, "data"),
    ],
    running=[(Output(doc_id(Part.save, MATCH), "disabled"), True, False)],
    prevent_initial_call=True,
)
def save(_save, _keep_mine, typed, base_version, application_id):
    phase = ctx.triggered_id["doc"]
    kept = {"version": skip, "saved_text": skip, "origin": skip, "conflict": skip, "conflict_text": skip}
    typed = text_input(typed)
    text = drop_invisible(typed)  # pasted control characters: PostgreSQL cannot store them, nobody sees them
    if not text.strip():
        return {**kept, "message": dbc.Alert("There is nothing to save yet.", color="warning")}
    if problem := document_length_error(text, "save"):
        return {**kept, "message": dbc.Alert(problem, color="warning")}
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
        if application is None:
            return {**kept, "message": dbc.Alert("This application no longer exists.", color="warning")}
        # "Keep mine": the person saw both texts and chose theirs, so no version check.
        base = None if ctx.triggered_id["type"] == Part.keep_mine else (base_version or 0)
        try:
            document = document_queries.save_version(conn, application["id"], phase, text, "edited", base)
        except document_queries.VersionConflict as conflict:
            return {**kept, "message": None, "conflict": True, "conflict_text": conflict.current["content"]}
    if document.get("version_id"):
        embed_later(current_user.id, text, document_version_id=document["version_id"])
    # The editor's own text counts as saved, so the unsaved mark goes although invisible characters were dropped.
    return {
        "version": document["version"],
        "saved_text": typed,
        "origin": origin_label(document),
        "message": dbc.Alert("Saved.", color="success", duration=4000, class_name="py-2"),
        "conflict": False,
        "conflict_text": "",
    }


@callback(
    output={
        **SHOWN,
        "conflict": Output(doc_id(Part.conflict, MATCH), "is_open", allow_duplicate=True),
    },
    inputs=Input(doc_id(Part.take_theirs, MATCH), "n_clicks"),
    state=State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def take_theirs(_clicks, application_id):
    with user_tx(current_user.id) as conn:
        document = _saved_document(conn, application_id, ctx.triggered_id["doc"])
    shown = _showing(document["content"], document) if document else UNCHANGED
    return {**shown, "conflict": False}


@callback(
    Output(doc_id(Part.history, MATCH), "is_open"),
    Input(doc_id(Part.history_toggle, MATCH), "n_clicks"),
    State(doc_id(Part.history, MATCH), "is_open"),
    prevent_initial_call=True,
)
def toggle_history(_clicks, is_open):
    return not is_open


def _version_label(row: dict) -> str:
    made_by = {"generated": row["provider"] or "generated", "edited": "your edit", "restored": "restored"}[
        row["origin"]
    ]
    return f"Version {row['version']} · {made_by} · {row['created_at']:%b %d, %H:%M}"


@callback(
    output={
        "items": Output(doc_id(Part.history_list, MATCH), "children"),
        "first_options": Output(doc_id(Part.compare_a, MATCH), "options"),
        "first": Output(doc_id(Part.compare_a, MATCH), "value"),
        "second_options": Output(doc_id(Part.compare_b, MATCH), "options"),
        "second": Output(doc_id(Part.compare_b, MATCH), "value"),
    },
    inputs=[Input(doc_id(Part.history, MATCH), "is_open"), Input(doc_id(Part.version, MATCH), "data")],
    state=State(common.Ids.application_id, "data"),
)
def show_history(is_open, _version, application_id):
    if not is_open:
        return skip
    phase = ctx.outputs_grouping["items"]["id"]["doc"]
    with user_tx(current_user.id) as conn:
        document = _saved_document(conn, application_id, phase)
        rows = document_queries.list_versions(conn, document["id"]) if document else []
    if not rows:
        empty = html.P("No versions yet.", className="text-body-secondary mb-0")
        return {"items": empty, "first_options": [], "first": None, "second_options": [], "second": None}
    options = [{"label": f"Version {row['version']}", "value": str(row["version"])} for row in rows]
    return {
        "items": html.Ul(
            [html.Li(_version_label(row), className="version-item") for row in rows], className="mb-0 small"
        ),
        "first_options": options,
        "first": str(rows[1]["version"]) if len(rows) > 1 else str(rows[0]["version"]),
        "second_options": options,
        "second": str(rows[0]["version"]),
    }


def _diff_view(old: str, new: str, old_label: str, new_label: str) -> html.Div:
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), old_label, new_label, n=2, lineterm=""))
    if not lines:
        return html.P("The two versions are the same.", className="text-body-secondary mb-0")
    rows = []
    for line in lines[2:]:
        kind = {"+": "diff-add", "-": "diff-del", "@": "diff-hunk"}.get(line[:1], "diff-same")
        rows.append(html.Div(line or " ", className=f"diff-line {kind}"))
    return html.Div(rows, className="diff-view border rounded")


def _two_versions(conn, application_id, phase: str, first: str, second: str):
    """(application, version `first`, version `second`) of a document, Nones where missing."""
    application = load_application(conn, application_id)
    document = application and document_queries.get_document(conn, application["id"], phase)
    numbers = [_version_number(first), _version_number(second)]
    if not document or None in numbers:
        return application, None, None
    return application, *(document_queries.get_version(conn, document["id"], number) for number in numbers)


def _version_number(value) -> int | None:
    """A version number chosen in the browser; anything else chooses nothing."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


@callback(
    Output(doc_id(Part.diff, MATCH), "children"),
    Input(doc_id(Part.compare_a, MATCH), "value"),
    Input(doc_id(Part.compare_b, MATCH), "value"),
    State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def show_diff(first, second, application_id):
    phase = ctx.outputs_list["id"]["doc"]
    with user_tx(current_user.id) as conn:
        _, old, new = _two_versions(conn, application_id, phase, first, second)
    if not old or not new:
        return None
    return _diff_view(old["content"], new["content"], f"Version {old['version']}", f"Version {new['version']}")


@callback(
    output={
        **SHOWN,
        "message": Output(doc_id(Part.message, MATCH), "children", allow_duplicate=True),
    },
    inputs=Input(doc_id(Part.restore, MATCH), "n_clicks"),
    state=[
        State(doc_id(Part.compare_a, MATCH), "value"),
        State(doc_id(Part.editor, MATCH), "value"),
        State(common.Ids.application_id, "data"),
    ],
    prevent_initial_call=True,
)
def restore(_clicks, version, editor_text, application_id):
    phase = ctx.triggered_id["doc"]
    editor_text = drop_invisible(text_input(editor_text))
    if problem := document_length_error(editor_text, "save"):
        # What the editor holds is kept as a version before the restore, and it could not be.
        return {**UNCHANGED, "message": dbc.Alert(problem, color="warning")}
    with user_tx(current_user.id) as conn:
        application, chosen, _ = _two_versions(conn, application_id, phase, version, version)
        if not chosen:
            return {**UNCHANGED, "message": dbc.Alert("Choose a version to restore.", color="warning")}
        if document_length_error(chosen["content"], "restore"):
            too_long = f"Version {chosen['version']} is longer than a document may be now, so it cannot be restored."
            return {**UNCHANGED, "message": dbc.Alert(too_long, color="warning")}
        # Restoring is an explicit choice of text: what the editor held is kept as a version first.
        keep_unsaved_text(conn, application["id"], phase, editor_text)
        restored = document_queries.save_version(conn, application["id"], phase, chosen["content"], "restored", None)
    embed_later(current_user.id, chosen["content"], document_version_id=restored["version_id"])
    note = f"Restored version {chosen['version']} as version {restored['version']}."
    return {
        **_showing(chosen["content"], restored),
        "message": dbc.Alert(note, color="success", duration=5000, class_name="py-2"),
    }


@callback(
    Output(doc_id(Part.download, MATCH), "data"),
    Output(doc_id(Part.message, MATCH), "children", allow_duplicate=True),
    Input(export_id(MATCH, ALL), "n_clicks"),
    State(doc_id(Part.editor, MATCH), "value"),
    State(common.Ids.application_id, "data"),
    prevent_initial_call=True,
)
def export(clicks, text, application_id):
    if not ctx.triggered or not ctx.triggered[0]["value"]:
        return skip, skip
    phase, fmt = ctx.triggered_id["doc"], ctx.triggered_id["fmt"]
    text = drop_invisible(text_input(text))
    if problem := document_length_error(text, "download"):
        return skip, dbc.Alert(problem, color="warning")
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
    if application is None or not text.strip():
        return skip, skip
    title = f"{PHASE_LABELS[phase]} — {application['role_title']} at {application['company']}"
    content = exports.export_document(text, fmt, title)
    filename = exports.export_filename(application["company"], application["role_title"], phase, date.today(), fmt)
    return dcc.send_bytes(content, filename, type=exports.media_type(fmt)), None
