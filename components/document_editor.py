"""The editor for one generated document: markdown source, live preview, history, export."""

import json

import dash_bootstrap_components as dbc
from dash import dcc, html

EXPORT_LABELS = {"md": "Markdown (.md)", "docx": "Word (.docx)", "pdf": "PDF (.pdf)"}


def doc_id(kind: str, doc: str) -> dict:
    """Pattern-matching id of one piece of one document's editor."""
    return {"type": kind, "doc": doc}


def dom_id(component_id: dict) -> str:
    """The id attribute Dash renders for a dict id, for a <label>'s `for`."""
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def document_editor(doc: str, label: str) -> html.Div:
    editor_id = doc_id("editor", doc)
    toolbar = html.Div(
        [
            dbc.Button(f"Generate {label.lower()}", id=doc_id("generate", doc), color="primary"),
            dbc.Button("Save", id=doc_id("save", doc), color="success", outline=True),
            dbc.DropdownMenu(
                [
                    dbc.DropdownMenuItem(text, id={"type": "export", "doc": doc, "fmt": fmt})
                    for fmt, text in EXPORT_LABELS.items()
                ],
                label="Download",
                color="outline-secondary",
                id=doc_id("export-menu", doc),
            ),
            dbc.Button("History", id=doc_id("history-toggle", doc), color="link"),
            html.Span(id=doc_id("dirty", doc), className="unsaved-marker ms-auto small text-warning-emphasis"),
            html.Span(id=doc_id("origin", doc), className="small text-body-secondary"),
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
            html.Pre(id=doc_id("conflict-text", doc), className="conflict-text border rounded p-2 bg-body"),
            html.Div(
                [
                    dbc.Button(
                        "Save mine as the newest version", id=doc_id("keep-mine", doc), color="danger", size="sm"
                    ),
                    dbc.Button(
                        "Load the saved text instead", id=doc_id("take-theirs", doc), color="secondary", size="sm"
                    ),
                ],
                className="d-flex gap-2",
            ),
        ],
        id=doc_id("conflict", doc),
        color="warning",
        is_open=False,
    )
    history = dbc.Collapse(
        dbc.Card(
            dbc.CardBody(
                [
                    html.Div(id=doc_id("history-list", doc), className="mb-3"),
                    dbc.Row(
                        [
                            dbc.Col(
                                [
                                    dbc.Label("Compare version", html_for=dom_id(doc_id("compare-a", doc))),
                                    dbc.Select(id=doc_id("compare-a", doc)),
                                ],
                                sm=4,
                            ),
                            dbc.Col(
                                [
                                    dbc.Label("with version", html_for=dom_id(doc_id("compare-b", doc))),
                                    dbc.Select(id=doc_id("compare-b", doc)),
                                ],
                                sm=4,
                            ),
                            dbc.Col(
                                dbc.Button(
                                    "Restore the first one", id=doc_id("restore", doc), color="warning", outline=True
                                ),
                                sm=4,
                                class_name="d-flex align-items-end",
                            ),
                        ],
                        class_name="g-2 mb-3",
                    ),
                    html.Div(id=doc_id("diff", doc), className="diff"),
                ]
            ),
            class_name="mb-3",
        ),
        id=doc_id("history", doc),
        is_open=False,
    )
    return html.Div(
        [
            dcc.Store(id=doc_id("version", doc)),
            dcc.Store(id=doc_id("saved-text", doc)),
            dcc.Download(id=doc_id("download", doc)),
            toolbar,
            html.Div(id=doc_id("message", doc), role="status"),
            conflict,
            html.Div(id=doc_id("flags", doc)),  # the grounding check, for the documents that get one
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
                                id=doc_id("preview", doc),
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
