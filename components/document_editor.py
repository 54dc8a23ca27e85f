"""The editor for one generated document: markdown source, live preview, history, export."""

import json

import dash_bootstrap_components as dbc
from dash import dcc, html

EXPORT_LABELS = {"md": "Markdown (.md)", "docx": "Word (.docx)", "pdf": "PDF (.pdf)"}


class Part:
    """The kinds in an editor's pattern-matching ids: doc_id(Part.editor, "cover_letter")."""

    editor = "editor"
    preview = "preview"
    dirty = "dirty"
    origin = "origin"
    version = "version"
    saved_text = "saved-text"
    message = "message"
    flags = "flags"
    generate = "generate"
    save = "save"
    export = "export"
    export_menu = "export-menu"
    download = "download"
    history_toggle = "history-toggle"
    history = "history"
    history_list = "history-list"
    compare_a = "compare-a"
    compare_b = "compare-b"
    diff = "diff"
    restore = "restore"
    conflict = "conflict"
    conflict_text = "conflict-text"
    keep_mine = "keep-mine"
    take_theirs = "take-theirs"


def doc_id(kind: str, doc: str) -> dict:
    """Pattern-matching id of one piece of one document's editor."""
    return {"type": kind, "doc": doc}


def export_id(doc: str, fmt: str) -> dict:
    """Id of one document's download in one format (EXPORT_LABELS' keys)."""
    return {"type": Part.export, "doc": doc, "fmt": fmt}


def dom_id(component_id: dict) -> str:
    """The id attribute Dash renders for a dict id, for a <label>'s `for`."""
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def document_editor(doc: str, label: str) -> html.Div:
    editor_id = doc_id(Part.editor, doc)
    toolbar = html.Div(
        [
            dbc.Button(f"Generate {label.lower()}", id=doc_id(Part.generate, doc), color="primary"),
            dbc.Button("Save", id=doc_id(Part.save, doc), color="success", outline=True),
            dbc.DropdownMenu(
                [dbc.DropdownMenuItem(text, id=export_id(doc, fmt)) for fmt, text in EXPORT_LABELS.items()],
                label="Download",
                color="outline-secondary",
                id=doc_id(Part.export_menu, doc),
            ),
            dbc.Button("History", id=doc_id(Part.history_toggle, doc), color="link"),
            html.Span(id=doc_id(Part.dirty, doc), className="unsaved-marker ms-auto small text-warning-emphasis"),
            html.Span(id=doc_id(Part.origin, doc), className="small text-body-secondary"),
        ],
        className="d-flex flex-wrap align-items-center gap-2 mb-3",
    )
    conflict = dbc.Alert(
        [
            html.P(
                "This document was changed in another tab or by a generation since you opened it. "
                "Both texts are kept: yours is in the editor, the saved one is below.",
                className="mb-2",
            ),
            html.Pre(id=doc_id(Part.conflict_text, doc), className="conflict-text border rounded p-2 bg-body"),
            html.Div(
                [
                    dbc.Button(
                        "Save mine as the newest version", id=doc_id(Part.keep_mine, doc), color="danger", size="sm"
                    ),
                    dbc.Button(
                        "Load the saved text instead", id=doc_id(Part.take_theirs, doc), color="secondary", size="sm"
                    ),
                ],
                className="d-flex gap-2",
            ),
        ],
        id=doc_id(Part.conflict, doc),
        color="warning",
        is_open=False,
    )
    history = dbc.Collapse(
        dbc.Card(
            dbc.CardBody(
                [
                    html.Div(id=doc_id(Part.history_list, doc), className="mb-3"),
                    dbc.Row(
                        [
                            dbc.Col(
                                [
                                    dbc.Label("Compare version", html_for=dom_id(doc_id(Part.compare_a, doc))),
                                    dbc.Select(id=doc_id(Part.compare_a, doc)),
                                ],
                                sm=4,
                            ),
                            dbc.Col(
                                [
                                    dbc.Label("with version", html_for=dom_id(doc_id(Part.compare_b, doc))),
                                    dbc.Select(id=doc_id(Part.compare_b, doc)),
                                ],
                                sm=4,
                            ),
                            dbc.Col(
                                dbc.Button(
                                    "Restore the first one", id=doc_id(Part.restore, doc), color="warning", outline=True
                                ),
                                sm=4,
                                class_name="d-flex align-items-end",
                            ),
                        ],
                        class_name="g-2 mb-3",
                    ),
                    html.Div(id=doc_id(Part.diff, doc), className="diff"),
                ]
            ),
            class_name="mb-3",
        ),
        id=doc_id(Part.history, doc),
        is_open=False,
    )
    return html.Div(
        [
            dcc.Store(id=doc_id(Part.version, doc)),
            dcc.Store(id=doc_id(Part.saved_text, doc)),
            dcc.Download(id=doc_id(Part.download, doc)),
            toolbar,
            html.Div(id=doc_id(Part.message, doc), role="status"),
            conflict,
            html.Div(id=doc_id(Part.flags, doc)),  # the grounding check, for the documents that get one
            history,
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Label(f"{label} (Markdown)", html_for=dom_id(editor_id)),
                            dbc.Textarea(id=editor_id, class_name="editor-source", rows=20, submit_on_enter=False),
                        ],
                        lg=6,
                        class_name="mb-3",
                    ),
                    dbc.Col(
                        [
                            html.Div("Preview", className="form-label"),
                            dcc.Markdown(
                                id=doc_id(Part.preview, doc),
                                className="editor-preview border rounded p-3",
                                link_target="_blank",
                            ),
                        ],
                        lg=6,
                    ),
                ]
            ),
        ],
        className="pt-3",
    )
