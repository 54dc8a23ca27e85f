"""Writing the documents with AI: resume choice, generate and cancel, the confirm dialog, streaming progress."""

import logging
import time
import traceback

import dash_bootstrap_components as dbc
import psycopg
from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, html, set_props
from dash import no_update as skip
from flask_login import current_user

import config
from ai.indexing import embed_now
from ai.providers import ProviderError, get_provider
from ai.workflow import PHASE_LABELS, PHASES, MissingInput, keep_unsaved_text, load_inputs, prompt_version, stream_phase
from components.callback_inputs import id_list_input, text_input
from components.confirm_modal import ConfirmIds
from components.confirm_modal import confirm_modal as confirm_dialog
from components.document_editor import Part, doc_id
from db import documents as document_queries
from db import resumes as resume_queries
from db import users as user_queries
from db.connection import generation_slot, user_tx
from features.application import common, documents
from features.application.common import load_application
from features.application.documents import editor_state
from validators import document_length_error, drop_invisible

PROGRESS_INTERVAL = 0.15  # seconds between streamed updates sent to the browser
HISTORY_BUTTONS = (Part.restore, Part.keep_mine, Part.take_theirs)

log = logging.getLogger("jobforge")


class Ids:
    request = "generate-request"  # what to write: {"phases": [...], "nonce": ...}
    pending = "pending-request"  # a request waiting for the confirm dialog
    stream = "stream-buffer"  # text streamed by the running job
    resumes = "resume-picker"
    provider = "provider-label"
    generate_all = "generate-all"  # assets/clientside.js's requestGeneration names it too
    cancel = "cancel-generation"
    progress = "generation-progress"
    message = "generation-message"
    confirm_modal = "confirm-modal"
    confirm = "confirm-generate"
    confirm_cancel = "confirm-cancel"


def stores() -> list:
    return [
        dcc.Store(id=Ids.request),
        dcc.Store(id=Ids.pending),
        dcc.Store(id=Ids.stream),
    ]


def provider_badge() -> dbc.Badge:
    return dbc.Badge(id=Ids.provider, color="info", text_color="dark")  # white on Bootstrap's cyan is 1.9:1


def controls() -> list:
    """The resume choice, the generate-all and cancel buttons, and the lines saying how a run goes."""
    buttons = html.Div(
        [
            # Checkboxes, not dcc.Dropdown: Dash 4's dropdown takes focus through an aria-hidden input, so a
            # screen reader is told nothing when the keyboard reaches it.
            html.Fieldset(
                [
                    html.Legend("Resumes to use", className="form-label small mb-1 fs-6"),
                    dbc.Checklist(id=Ids.resumes, inline=True),
                ],
                className="flex-grow-1",
                style={"minWidth": "16rem"},
            ),
            html.Div(
                [
                    dbc.Button("Generate all", id=Ids.generate_all, color="primary"),
                    dbc.Button("Cancel", id=Ids.cancel, color="danger", outline=True, disabled=True),
                ],
                className="d-flex gap-2 align-items-end",
            ),
        ],
        className="d-flex flex-wrap gap-3 align-items-end mb-2",
    )
    return [
        buttons,
        html.Div(id=Ids.progress, className="small text-body-secondary mb-2", role="status"),
        html.Div(id=Ids.message, role="alert"),
    ]


def confirm_modal() -> dbc.Modal:
    return confirm_dialog(
        ConfirmIds(modal=Ids.confirm_modal, confirm=Ids.confirm, cancel=Ids.confirm_cancel),
        "A document you would regenerate has unsaved changes. They are kept in its "
        "history before the new draft replaces the text in the editor.",
        "Keep my edits in history and regenerate",
        cancel_label="Not now",
        title="Replace a document you are editing?",
    )


LOADED = {
    "resume_options": Output(Ids.resumes, "options"),
    "resumes": Output(Ids.resumes, "value"),
    "provider": Output(Ids.provider, "children"),
}


def loaded(conn, _application: dict) -> dict:
    resumes = resume_queries.list_resumes(conn)
    profile = user_queries.get_current_user(conn)
    options = [
        {"label": f"{resume['name']} (primary)" if resume["is_primary"] else resume["name"], "value": str(resume["id"])}
        for resume in resumes
    ]
    return {
        "resume_options": options,
        "resumes": [str(resumes[0]["id"])] if resumes else [],
        "provider": get_provider(config.active(), profile["ai_provider"]).label,
    }


clientside_callback(
    ClientsideFunction("jobforge", "showStream"),
    Output(doc_id(Part.editor, ALL), "value", allow_duplicate=True),
    Input(Ids.stream, "data"),
    State(doc_id(Part.editor, ALL), "id"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction("jobforge", "stopStream"),
    Output(Ids.stream, "data", allow_duplicate=True),
    Input(Ids.cancel, "n_clicks"),
    State(Ids.request, "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction("jobforge", "requestGeneration"),
    Output(Ids.request, "data"),
    Output(Ids.pending, "data"),
    Output(Ids.confirm_modal, "is_open"),
    Input(doc_id(Part.generate, ALL), "n_clicks"),
    Input(Ids.generate_all, "n_clicks"),
    State(doc_id(Part.editor, ALL), "value"),
    State(doc_id(Part.saved_text, ALL), "data"),
    State(doc_id(Part.editor, ALL), "id"),
    prevent_initial_call=True,
)


@callback(
    Output(Ids.request, "data", allow_duplicate=True),
    Output(Ids.confirm_modal, "is_open", allow_duplicate=True),
    Output(Ids.message, "children", allow_duplicate=True),
    Input(Ids.confirm, "n_clicks"),
    Input(Ids.confirm_cancel, "n_clicks"),
    State(Ids.pending, "data"),
    State(common.Ids.application_id, "data"),
    State(doc_id(Part.editor, ALL), "value"),
    State(doc_id(Part.saved_text, ALL), "data"),
    State(doc_id(Part.editor, ALL), "id"),
    prevent_initial_call=True,
)
def confirm_generation(_confirm, _cancel, pending, application_id, texts, saved_texts, editor_ids):
    """Keeps the unsaved edits as versions before the generation starts, as the dialog promises.

    Done here, not in the job: a cancel, or a job still waiting for a worker, must not lose them.
    """
    if ctx.triggered_id != Ids.confirm:
        return skip, False, skip
    phases = _requested_phases(pending)
    unsaved = {
        editor_id["doc"]: drop_invisible(text_input(text))
        for editor_id, text, saved in zip(editor_ids, texts, saved_texts, strict=True)
        if editor_id["doc"] in phases and text_input(text) != text_input(saved)
    }
    for phase, text in unsaved.items():
        if problem := document_length_error(text, "save"):
            refused = f"Your {PHASE_LABELS[phase].lower()} was not regenerated: {problem}"
            return skip, False, dbc.Alert(refused, color="warning")
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
        if application is None:
            return skip, False, skip
        for phase, text in unsaved.items():
            keep_unsaved_text(conn, application["id"], phase, text)
    return {"phases": phases, "nonce": time.time()}, False, None


def _requested_phases(request) -> list[str]:
    """The phases a generate request from the browser names, in order; unknown names are ignored."""
    asked = request.get("phases") if isinstance(request, dict) else None
    return [phase for phase in PHASES if isinstance(asked, list) and phase in asked]


def _each_phase(kind: str, prop: str) -> list[Output]:
    return [Output(doc_id(kind, phase), prop, allow_duplicate=True) for phase in PHASES]


# One output per phase, not ALL: only the requested documents change, the others may hold edits.
EDITORS = {
    "editors": _each_phase(Part.editor, "value"),
    "versions": _each_phase(Part.version, "data"),
    "saved_texts": _each_phase(Part.saved_text, "data"),
    "origins": _each_phase(Part.origin, "children"),
}
UNCHANGED_EDITORS = {key: [skip] * len(PHASES) for key in EDITORS}


def _result_outputs(message: Output) -> dict:
    """What a run ends with, and a cancel too: the editors, one message, the progress line emptied."""
    return {**EDITORS, "message": message, "progress": Output(Ids.progress, "children", allow_duplicate=True)}


def _final_state(user_id, application: dict, phases: list[str]) -> dict[str, list]:
    """The editors of `phases` as saved (keyed like EDITORS), no_update for the others."""
    with user_tx(user_id) as conn:
        state = editor_state(conn, application)
    return {
        key: [value if phase in phases else skip for phase, value in zip(PHASES, values, strict=True)]
        for key, values in state.items()
    }


@callback(
    output=_result_outputs(Output(Ids.message, "children")),
    inputs=Input(Ids.request, "data"),
    state=[
        State(common.Ids.application_id, "data"),
        State(Ids.resumes, "value"),
        State(doc_id(Part.saved_text, ALL), "data"),
    ],
    background=True,
    progress=[Output(Ids.progress, "children"), Output(documents.Ids.tabs, "active_tab")],
    running=[
        *[(Output(doc_id(Part.generate, phase), "disabled"), True, False) for phase in PHASES],
        (Output(Ids.generate_all, "disabled"), True, False),
        (Output(Ids.cancel, "disabled"), False, True),
        *[(Output(doc_id(Part.save, phase), "disabled"), True, False) for phase in PHASES],
        *[(Output(doc_id(Part.editor, phase), "readonly"), True, False) for phase in PHASES],
        # Restoring or resolving a conflict mid-run would take half-streamed text for the person's own.
        *[(Output(doc_id(button, phase), "disabled"), True, False) for button in HISTORY_BUTTONS for phase in PHASES],
    ],
    cancel=[Input(Ids.cancel, "n_clicks")],
    prevent_initial_call=True,
)
def generate(set_progress, request, application_id, resume_ids, saved_texts):
    """Runs in a background process: streams each requested phase into its editor, then saves it.

    Only the requested documents are touched. Text streams through set_props; the progress line
    and the tab switch go through set_progress once per phase, so a person can look at another tab.
    Whatever fails, the editors end showing the saved documents and one message says what happened.
    """
    user_id = ctx.custom_data["user_id"]
    request = request if isinstance(request, dict) else {}
    phases = _requested_phases(request)
    application = None
    try:
        with user_tx(user_id) as conn:
            application = load_application(conn, application_id)
            profile = application and user_queries.get_current_user(conn)
        if application is None:
            gone = dbc.Alert("This application no longer exists.", color="warning")
            return {**UNCHANGED_EDITORS, "message": gone, "progress": ""}
        message = _write_phases(set_progress, user_id, request, phases, application, profile, resume_ids)
        final = _final_state(user_id, application, phases)
    except Exception as error:  # noqa: BLE001 - any failure must leave the saved documents on the page
        # The type and the frames only: a database error's message can quote the row, document text and all.
        log.error("generation failed (%s)\n%s", type(error).__name__, "".join(traceback.format_tb(error.__traceback__)))
        message = _failure_message(error)
        final = _after_failure(user_id, application, phases, saved_texts)
    set_props(Ids.stream, {"data": None})  # nothing half-written may arrive after the result
    return {**final, "message": message, "progress": ""}


def _write_phases(set_progress, user_id, request: dict, phases: list[str], application, profile, resume_ids):
    """Streams and saves each phase in turn; returns the message to show (None: all went well)."""
    settings = config.active()
    provider = get_provider(settings, profile["ai_provider"])
    with generation_slot(user_id) as free:
        if not free:
            return dbc.Alert("Another generation of yours is running. Wait for it, or cancel it.", color="warning")
        for step, phase in enumerate(phases, 1):
            set_progress([f"{PHASE_LABELS[phase]} {step}/{len(phases)} · {provider.label}", phase])
            with user_tx(user_id) as conn:
                inputs = load_inputs(conn, application, profile, id_list_input(resume_ids))
            try:
                written, last_sent = "", 0.0
                for chunk in stream_phase(provider, phase, inputs, settings.offline_pace):
                    written += chunk
                    if time.monotonic() - last_sent >= PROGRESS_INTERVAL:
                        # Through a buffer the browser checks: text that arrives after a cancel is dropped.
                        streamed = {"nonce": request.get("nonce"), "doc": phase, "text": written}
                        set_props(Ids.stream, {"data": streamed})
                        last_sent = time.monotonic()
            except MissingInput as missing:
                link = dcc.Link(missing.link_text, href=missing.link)
                return dbc.Alert([missing.message, " ", link], color="warning")
            except ProviderError as error:
                return dbc.Alert(f"{error.message} Your {PHASE_LABELS[phase].lower()} is as it was.", color="danger")
            text = drop_invisible(written)
            with user_tx(user_id) as conn:
                saved_version = document_queries.save_version(
                    conn,
                    application["id"],
                    phase,
                    text,
                    "generated",
                    None,
                    provider=provider.name,
                    model=provider.model,
                    prompt_version=prompt_version(provider, phase),
                )
            embed_now(user_id, text, document_version_id=saved_version["version_id"])  # already off the request path
    done = ", ".join(PHASE_LABELS[phase].lower() for phase in phases)
    label = "Offline draft" if provider.name == "offline" else provider.label
    return dbc.Alert(f"{label}: wrote the {done}. Edit freely, then save.", color="info", dismissable=True)


def _failure_message(error: Exception) -> dbc.Alert:
    if isinstance(error, psycopg.OperationalError):
        what = "The database became unavailable while writing"
        when = "in a minute"
    else:
        what = "Something went wrong on our side while writing"
        when = "in a moment"
    return dbc.Alert(f"{what}; the editors show what is saved. Try again {when}.", color="danger")


def _after_failure(user_id, application, phases: list[str], saved_texts) -> dict[str, list]:
    """The editors after a failed run: the saved documents, from the database if it answers,
    else as this page last saved them."""
    if application is not None:
        try:
            return _final_state(user_id, application, phases)
        except psycopg.Error:
            pass
    if not (isinstance(saved_texts, list) and len(saved_texts) == len(PHASES)):
        return UNCHANGED_EDITORS
    texts = [text if isinstance(text, str) else "" for text in saved_texts]
    shown = [text if phase in phases else skip for phase, text in zip(PHASES, texts, strict=True)]
    return {**UNCHANGED_EDITORS, "editors": shown}


@callback(
    output=_result_outputs(Output(Ids.message, "children", allow_duplicate=True)),
    inputs=Input(Ids.cancel, "n_clicks"),
    state=[
        State(common.Ids.application_id, "data"),
        State(Ids.request, "data"),
        State(doc_id(Part.version, ALL), "data"),
    ],
    prevent_initial_call=True,
)
def cancelled(_clicks, application_id, request, versions_before):
    """After a cancel the cancelled documents show what is saved: nothing half-written stays."""
    phases = _requested_phases(request)
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
    if application is None:
        return {**UNCHANGED_EDITORS, "message": skip, "progress": ""}
    final = _final_state(current_user.id, application, phases)
    finished = [
        PHASE_LABELS[phase].lower()
        for phase, before, now in zip(PHASES, versions_before, final["versions"], strict=True)
        if phase in phases and now is not skip and (now or 0) > (before or 0)
    ]
    text = "Cancelled. Your documents are as they were."
    if finished:
        text = f"Cancelled. The {', '.join(finished)} finished before the cancel and is saved; the rest is as it was."
    return {**final, "message": dbc.Alert(text, color="secondary", dismissable=True), "progress": ""}
