"""Upload a file: a PDF, Word, Markdown or text resume read into the form, to check before Save.

Text the person typed and has not saved is replaced only after they say so.
"""

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, ctx, dcc, html
from dash import no_update as skip

import resume_files
from components.callback_inputs import text_input
from components.confirm_modal import ConfirmIds, confirm_modal
from components.file_upload import drop_zone
from config import UPLOAD_MAX_BYTES
from features.resumes import form


class Ids:
    upload = "resume-upload"
    feedback = "resume-upload-feedback"
    pending = "resume-upload-pending"
    ask = "resume-upload-ask"
    ask_text = "resume-upload-ask-text"
    keep = "resume-upload-keep"
    replace = "resume-upload-replace"


def field() -> html.Div:
    limit_mb = UPLOAD_MAX_BYTES // (1024 * 1024)
    return html.Div(
        [
            drop_zone(Ids.upload, Ids.feedback, "Upload a file", str(resume_files.too_large())),
            dbc.FormText(
                f"PDF, Word (.docx), Markdown or text, up to {limit_mb} MB. Its text goes into the form below."
            ),
            dcc.Store(id=Ids.pending),
            _ask_modal(),
        ],
        className="mb-3",
    )


def _ask_modal() -> dbc.Modal:
    return confirm_modal(
        ConfirmIds(modal=Ids.ask, confirm=Ids.replace, cancel=Ids.keep),
        html.Div(id=Ids.ask_text),  # the question names the file: read_file writes it
        "Use the file’s text",
        cancel_label="Keep my text",
        title="Replace the text in the form?",
    )


def _from_file(name: str, content: str, filename: str) -> dict:
    """The form as a new resume holding the file's text: nothing of it is saved yet."""
    shown = {"name": name, "content": content, "primary": False}
    return form.filled("", form.EMPTY_FORM, shown, f"New resume from “{filename}”")


def _read_note(filename: str) -> dbc.Alert:
    return dbc.Alert(
        f"Read “{filename}”. Check the text and the name below (files lose some layout), then Save.", color="info"
    )


@callback(
    output={
        "form": form.FILLED,
        "message": Output(form.Ids.message, "children", allow_duplicate=True),
        "feedback": Output(Ids.feedback, "children"),
        "contents": Output(Ids.upload, "contents"),
        "pending": Output(Ids.pending, "data"),
        "ask": Output(Ids.ask, "is_open"),
        "ask_text": Output(Ids.ask_text, "children"),
    },
    inputs=Input(Ids.upload, "contents"),
    state=[State(Ids.upload, "filename"), State(form.Ids.dirty, "children")],
    prevent_initial_call=True,
)
def read_file(contents, filename, dirty):
    # Emptied once read: the same file chosen again is read again, and the page does not keep it.
    unchanged = {"form": form.UNCHANGED, "message": skip, "contents": None, "pending": skip, "ask": skip}
    if contents is None:  # the emptying itself
        return unchanged | {"contents": skip, "feedback": skip, "ask_text": skip}
    contents, filename = text_input(contents), text_input(filename)
    try:
        text = resume_files.extract_text(resume_files.decode_upload(contents), filename)
    except resume_files.FileRefused as refused:
        return unchanged | {"feedback": str(refused), "ask_text": skip}
    shown_name = resume_files.resume_name(filename) or "Uploaded resume"
    if form.is_dirty(dirty):
        question = f"The form holds changes you have not saved. Put the text of “{filename}” in their place?"
        pending = {"name": shown_name, "content": text, "filename": filename}
        return unchanged | {"feedback": "", "pending": pending, "ask": True, "ask_text": question}
    return unchanged | {
        "form": _from_file(shown_name, text, filename),
        "message": _read_note(filename),
        "feedback": "",
        "ask_text": skip,
    }


@callback(
    output={
        "form": form.FILLED,
        "message": Output(form.Ids.message, "children", allow_duplicate=True),
        "pending": Output(Ids.pending, "data", allow_duplicate=True),
        "ask": Output(Ids.ask, "is_open", allow_duplicate=True),
    },
    inputs=[Input(Ids.replace, "n_clicks"), Input(Ids.keep, "n_clicks")],
    state=State(Ids.pending, "data"),
    prevent_initial_call=True,
)
def answer(_replace, _keep, pending):
    done = {"form": form.UNCHANGED, "message": skip, "pending": None, "ask": False}
    if ctx.triggered_id != Ids.replace or not isinstance(pending, dict):
        return done | {"message": dbc.Alert("Your text is kept; the file was not used.", color="secondary")}
    name, content, filename = (text_input(pending.get(key)) for key in ("name", "content", "filename"))
    return done | {"form": _from_file(name, content, filename), "message": _read_note(filename)}
