"""One application: the posting, its status, and the three AI documents with their editors."""

import difflib
import logging
import time
import traceback
import uuid
from datetime import date

import dash
import dash_bootstrap_components as dbc
import psycopg
from dash import (
    ALL,
    MATCH,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
    dcc,
    html,
    set_props,
)
from dash import no_update as skip
from flask_login import current_user

import config
import exports
from ai.embeddings import EmbeddingError, get_embedder
from ai.grounding import check_grounding
from ai.indexing import embed_later, embed_now
from ai.match import match_score
from ai.providers import ProviderError, get_provider
from ai.workflow import PHASE_LABELS, PHASES, MissingInput, keep_unsaved_text, load_inputs, prompt_version, stream_phase
from components.callback_inputs import id_list_input, text_input
from components.document_editor import doc_id, document_editor
from components.status import STATUS_OPTIONS, status_badge
from db import applications as application_queries
from db import documents as document_queries
from db import embeddings as embedding_queries
from db import resumes as resume_queries
from db import users as user_queries
from db.connection import generation_slot, user_tx
from validators import document_length_error, drop_invisible

dash.register_page(__name__, path_template="/applications/<application_id>", title="Application · Job Forge", order=3)

GROUNDED = ("resume", "cover_letter")  # documents whose facts must all come from the resumes
HISTORY_BUTTONS = ("restore", "keep-mine", "take-theirs")
PROGRESS_INTERVAL = 0.15  # seconds between streamed updates sent to the browser

log = logging.getLogger("jobforge")


def layout(application_id: str = "", **_kwargs):
    return html.Div(
        [
            dcc.Store(id="application-id", data=application_id),
            dcc.Store(id="generate-request"),
            dcc.Store(id="pending-request"),
            dcc.Store(id="stream-buffer"),
            dbc.Alert(
                [html.H1("Application not found", className="h4"), dcc.Link("Back to the dashboard", href="/")],
                id="application-not-found",
                color="warning",
                is_open=False,
            ),
            html.Div(id="application-view", hidden=True, children=_view()),
            dbc.Modal(
                [
                    dbc.ModalHeader(dbc.ModalTitle("Replace a document you are editing?")),
                    dbc.ModalBody(
                        "A document you would regenerate has unsaved changes. They are kept in its "
                        "history before the new draft replaces the text in the editor."
                    ),
                    dbc.ModalFooter(
                        [
                            dbc.Button("Not now", id="confirm-cancel", color="secondary", outline=True),
                            dbc.Button(
                                "Keep my edits in history and regenerate", id="confirm-generate", color="primary"
                            ),
                        ]
                    ),
                ],
                id="confirm-modal",
                is_open=False,
            ),
        ]
    )


def _view() -> list:
    header = html.Div(
        [
            html.Div(
                [
                    html.H1(id="application-title", className="h3 mb-1"),
                    html.Div(id="application-meta", className="text-body-secondary"),
                ]
            ),
            html.Div(
                [
                    dbc.Label("Status", html_for="application-status", class_name="mb-1 small"),
                    dbc.Select(id="application-status", options=STATUS_OPTIONS, style={"minWidth": "10rem"}),
                    html.Div(id="application-status-saved", className="small text-success mt-1", role="status"),
                ]
            ),
        ],
        className="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-4",
    )
    controls = html.Div(
        [
            html.Div(
                [
                    dbc.Label("Resumes to use", html_for="resume-picker", class_name="small mb-1"),
                    dcc.Dropdown(id="resume-picker", multi=True, placeholder="Your primary resume"),
                ],
                className="flex-grow-1",
                style={"minWidth": "16rem"},
            ),
            html.Div(
                [
                    dbc.Button("Generate all", id="generate-all", color="primary"),
                    dbc.Button("Cancel", id="cancel-generation", color="danger", outline=True, disabled=True),
                ],
                className="d-flex gap-2 align-items-end",
            ),
        ],
        className="d-flex flex-wrap gap-3 align-items-end mb-2",
    )
    documents = dbc.Card(
        [
            dbc.CardHeader(
                html.Div(
                    [html.Span("Documents", className="fw-semibold"), dbc.Badge(id="provider-label", color="info")],
                    className="d-flex justify-content-between align-items-center",
                )
            ),
            dbc.CardBody(
                [
                    controls,
                    html.Div(id="generation-progress", className="small text-body-secondary mb-2", role="status"),
                    html.Div(id="generation-message", role="alert"),
                    dbc.Tabs(
                        [
                            dbc.Tab(
                                document_editor(phase, PHASE_LABELS[phase]),
                                label=PHASE_LABELS[phase],
                                tab_id=phase,
                            )
                            for phase in PHASES
                        ],
                        id="document-tabs",
                        active_tab="cover_letter",
                    ),
                ]
            ),
        ],
        class_name="mb-4",
    )
    insights = dbc.Row(
        [
            dbc.Col(
                dbc.Card([dbc.CardHeader("Match score"), dbc.CardBody(dcc.Loading(html.Div(id="match-score")))]),
                lg=7,
                class_name="mb-4",
            ),
            dbc.Col(
                dbc.Card(
                    [
                        dbc.CardHeader("Similar applications"),
                        dbc.CardBody(dcc.Loading(html.Div(id="similar-applications"))),
                    ]
                ),
                lg=5,
                class_name="mb-4",
            ),
        ]
    )
    posting = dbc.Card(
        [dbc.CardHeader("Job posting"), dbc.CardBody(html.Div(id="application-posting", className="posting-text"))],
        class_name="mb-4",
    )
    return [header, documents, insights, posting]


def _parse_id(application_id) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(application_id))
    except ValueError:
        return None


def _load_application(conn, application_id) -> dict | None:
    parsed = _parse_id(application_id)
    return application_queries.get_application(conn, parsed) if parsed else None


def _origin_label(document: dict | None) -> str:
    """'Offline draft · version 1', 'Edited by you · version 2'."""
    if not document or not document.get("version"):
        return ""
    if document["origin"] == "generated":
        made_by = "Offline draft" if document["provider"] == "offline" else f"Written by {document['provider']}"
    else:
        made_by = "Edited by you" if document["origin"] == "edited" else "Restored"
    return f"{made_by} · version {document['version']}"


def _flags_view(text: str, sources: list[str], allowed: list[str]):
    if not text.strip():
        return None
    flags = check_grounding(text, sources, allowed)
    if not flags:
        return dbc.Alert(
            "Every employer, title, year, number and skill here is in your resumes.",
            color="success",
            class_name="py-2 small grounding-ok",
        )
    return dbc.Alert(
        [html.Div("Check these: not found in your resumes", className="fw-semibold mb-1")]
        + [html.Div(flag.message, className="grounding-flag") for flag in flags],
        color="warning",
        class_name="py-2 small grounding-flags",
    )


def _documents_state(conn, application: dict) -> dict[str, dict | None]:
    return {phase: document_queries.get_document(conn, application["id"], phase) for phase in PHASES}


def _editor_outputs(documents: dict[str, dict | None]) -> tuple[list, list, list, list]:
    """(texts, versions, saved texts, origin labels), one per phase in PHASES order."""
    texts = [(documents[phase] or {}).get("content", "") for phase in PHASES]
    versions = [(documents[phase] or {}).get("version", 0) for phase in PHASES]
    origins = [_origin_label(documents[phase]) for phase in PHASES]
    return texts, versions, list(texts), origins


@callback(
    Output(doc_id("flags", MATCH), "children"),
    Input(doc_id("version", MATCH), "data"),
    State("application-id", "data"),
)
def show_grounding(_version, application_id):
    """Checks the saved text again whenever a version lands: page load, generation, save, restore.

    The letter may name the company, the role and its signer although no resume does.
    """
    phase = ctx.outputs_list["id"]["doc"]
    if phase not in GROUNDED:
        return None
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        document = application and document_queries.get_document(conn, application["id"], phase)
        if not document:
            return None
        sources = [resume["content"] for resume in resume_queries.list_resumes(conn)]
        profile = user_queries.get_current_user(conn)
    allowed = [application["company"], application["role_title"], f"{profile['first_name']} {profile['last_name']}"]
    return _flags_view(document["content"], sources, allowed)


@callback(
    Output("application-not-found", "is_open"),
    Output("application-view", "hidden"),
    Output("application-title", "children"),
    Output("application-meta", "children"),
    Output("application-posting", "children"),
    Output("application-status", "value"),
    Output("resume-picker", "options"),
    Output("resume-picker", "value"),
    Output("provider-label", "children"),
    Output(doc_id("editor", ALL), "value"),
    Output(doc_id("version", ALL), "data"),
    Output(doc_id("saved-text", ALL), "data"),
    Output(doc_id("origin", ALL), "children"),
    Input("application-id", "data"),
)
def show_application(application_id):
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        if application is None:
            return True, True, *([skip] * 7), *([[skip] * len(PHASES)] * 4)
        texts, versions, saved, origins = _editor_outputs(_documents_state(conn, application))
        resumes = resume_queries.list_resumes(conn)
        profile = user_queries.get_current_user(conn)
    provider = get_provider(config.active(), profile["ai_provider"])
    meta = [html.Span(application["company"], className="fw-semibold")]
    if application["location"]:
        meta.append(f" · {application['location']}")
    if application["job_url"]:
        meta += [" · ", html.A("Posting", href=application["job_url"], target="_blank", rel="noopener noreferrer")]
    options = [
        {"label": f"{resume['name']} (primary)" if resume["is_primary"] else resume["name"], "value": str(resume["id"])}
        for resume in resumes
    ]
    chosen = [str(resumes[0]["id"])] if resumes else []
    return (
        False,
        False,
        application["role_title"],
        meta,
        application["job_description"],
        application["status"],
        options,
        chosen,
        provider.label,
        texts,
        versions,
        saved,
        origins,
    )


@callback(
    Output("application-status-saved", "children"),
    Input("application-status", "value"),
    State("application-id", "data"),
    prevent_initial_call=True,
)
def change_status(status, application_id):
    parsed = _parse_id(application_id)
    if parsed is None or status not in application_queries.STATUSES:
        return skip
    with user_tx(current_user.id) as conn:
        changed = application_queries.set_status(conn, parsed, status)
    return ["Status saved ", status_badge(status)] if changed else skip


clientside_callback(
    ClientsideFunction("jobforge", "preview"),
    Output(doc_id("preview", MATCH), "children"),
    Input(doc_id("editor", MATCH), "value"),
)
clientside_callback(
    ClientsideFunction("jobforge", "dirty"),
    Output(doc_id("dirty", MATCH), "children"),
    Input(doc_id("editor", MATCH), "value"),
    Input(doc_id("saved-text", MATCH), "data"),
)
clientside_callback(
    ClientsideFunction("jobforge", "showStream"),
    Output(doc_id("editor", ALL), "value", allow_duplicate=True),
    Input("stream-buffer", "data"),
    State(doc_id("editor", ALL), "id"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction("jobforge", "stopStream"),
    Output("stream-buffer", "data", allow_duplicate=True),
    Input("cancel-generation", "n_clicks"),
    State("generate-request", "data"),
    prevent_initial_call=True,
)
clientside_callback(
    ClientsideFunction("jobforge", "requestGeneration"),
    Output("generate-request", "data"),
    Output("pending-request", "data"),
    Output("confirm-modal", "is_open"),
    Input(doc_id("generate", ALL), "n_clicks"),
    Input("generate-all", "n_clicks"),
    State(doc_id("editor", ALL), "value"),
    State(doc_id("saved-text", ALL), "data"),
    State(doc_id("editor", ALL), "id"),
    prevent_initial_call=True,
)


@callback(
    Output("generate-request", "data", allow_duplicate=True),
    Output("confirm-modal", "is_open", allow_duplicate=True),
    Output("generation-message", "children", allow_duplicate=True),
    Input("confirm-generate", "n_clicks"),
    Input("confirm-cancel", "n_clicks"),
    State("pending-request", "data"),
    State("application-id", "data"),
    State(doc_id("editor", ALL), "value"),
    State(doc_id("saved-text", ALL), "data"),
    State(doc_id("editor", ALL), "id"),
    prevent_initial_call=True,
)
def confirm_generation(_confirm, _cancel, pending, application_id, texts, saved_texts, editor_ids):
    """Keeps the unsaved edits as versions before the generation starts, as the dialog promises.

    Done here, not in the job: a cancel, or a job still waiting for a worker, must not lose them.
    """
    if ctx.triggered_id != "confirm-generate":
        return skip, False, skip
    phases = _requested_phases(pending)
    unsaved = {
        editor_id["doc"]: drop_invisible(text_input(text))
        for editor_id, text, saved in zip(editor_ids, texts, saved_texts, strict=True)
        if editor_id["doc"] in phases and text_input(text) != text_input(saved)
    }
    for phase, text in unsaved.items():
        if problem := document_length_error(text):
            refused = f"Your {PHASE_LABELS[phase].lower()} was not regenerated: {problem}"
            return skip, False, dbc.Alert(refused, color="warning")
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
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


def _only(phases: list[str], values: list) -> list:
    """Values for the requested phases, no_update for the others (their editors may hold edits)."""
    return [value if phase in phases else skip for phase, value in zip(PHASES, values, strict=True)]


def _final_state(user_id, application: dict, phases: list[str]) -> list:
    """Editors, versions, saved texts and origins of `phases` as saved."""
    with user_tx(user_id) as conn:
        texts, versions, saved, origins = _editor_outputs(_documents_state(conn, application))
    return [*_only(phases, texts), *_only(phases, versions), *_only(phases, saved), *_only(phases, origins)]


@callback(
    output=[
        *_each_phase("editor", "value"),
        *_each_phase("version", "data"),
        *_each_phase("saved-text", "data"),
        *_each_phase("origin", "children"),
        Output("generation-message", "children"),
        Output("generation-progress", "children", allow_duplicate=True),
    ],
    inputs=Input("generate-request", "data"),
    state=[
        State("application-id", "data"),
        State("resume-picker", "value"),
        State(doc_id("saved-text", ALL), "data"),
    ],
    background=True,
    progress=[Output("generation-progress", "children"), Output("document-tabs", "active_tab")],
    running=[
        *[(Output(doc_id("generate", phase), "disabled"), True, False) for phase in PHASES],
        (Output("generate-all", "disabled"), True, False),
        (Output("cancel-generation", "disabled"), False, True),
        *[(Output(doc_id("save", phase), "disabled"), True, False) for phase in PHASES],
        *[(Output(doc_id("editor", phase), "readonly"), True, False) for phase in PHASES],
        # Restoring or resolving a conflict mid-run would take half-streamed text for the person's own.
        *[(Output(doc_id(button, phase), "disabled"), True, False) for button in HISTORY_BUTTONS for phase in PHASES],
    ],
    cancel=[Input("cancel-generation", "n_clicks")],
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
            application = _load_application(conn, application_id)
            profile = application and user_queries.get_current_user(conn)
        if application is None:
            gone = dbc.Alert("This application no longer exists.", color="warning")
            return [skip] * (4 * len(PHASES)) + [gone, ""]
        message = _write_phases(set_progress, user_id, request, phases, application, profile, resume_ids)
        final = _final_state(user_id, application, phases)
    except Exception as error:  # noqa: BLE001 - any failure must leave the saved documents on the page
        # The type and the frames only: a database error's message can quote the row, document text and all.
        log.error("generation failed (%s)\n%s", type(error).__name__, "".join(traceback.format_tb(error.__traceback__)))
        message = _failure_message(error)
        final = _after_failure(user_id, application, phases, saved_texts)
    set_props("stream-buffer", {"data": None})  # nothing half-written may arrive after the result
    return [*final, message, ""]


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
                        set_props(
                            "stream-buffer", {"data": {"nonce": request.get("nonce"), "doc": phase, "text": written}}
                        )
                        last_sent = time.monotonic()
            except MissingInput as missing:
                link = dcc.Link(missing.link_text, href=missing.link)
                return dbc.Alert([missing.message, " ", link], color="warning")
            except ProviderError as error:
                return dbc.Alert(f"{error.message} Your {PHASE_LABELS[phase].lower()} is as it was.", color="danger")
            with user_tx(user_id) as conn:
                saved_version = document_queries.save_version(
                    conn,
                    application["id"],
                    phase,
                    drop_invisible(written),
                    "generated",
                    None,
                    provider=provider.name,
                    model=provider.model,
                    prompt_version=prompt_version(provider, phase),
                )
            embed_now(user_id, written, document_version_id=saved_version["version_id"])  # already off the request path
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


def _after_failure(user_id, application, phases: list[str], saved_texts) -> list:
    """The editors after a failed run: the saved documents, from the database if it answers,
    else as this page last saved them."""
    if application is not None:
        try:
            return _final_state(user_id, application, phases)
        except psycopg.Error:
            pass
    if not (isinstance(saved_texts, list) and len(saved_texts) == len(PHASES)):
        return [skip] * (4 * len(PHASES))
    texts = [text if isinstance(text, str) else "" for text in saved_texts]
    return [*_only(phases, texts), *([skip] * (3 * len(PHASES)))]


@callback(
    *_each_phase("editor", "value"),
    *_each_phase("version", "data"),
    *_each_phase("saved-text", "data"),
    *_each_phase("origin", "children"),
    Output("generation-message", "children", allow_duplicate=True),
    Output("generation-progress", "children", allow_duplicate=True),
    Input("cancel-generation", "n_clicks"),
    State("application-id", "data"),
    State("generate-request", "data"),
    State(doc_id("version", ALL), "data"),
    prevent_initial_call=True,
)
def cancelled(_clicks, application_id, request, versions_before):
    """After a cancel the cancelled documents show what is saved: nothing half-written stays."""
    phases = _requested_phases(request)
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
    if application is None:
        return [skip] * (4 * len(PHASES)) + [skip, ""]
    final = _final_state(current_user.id, application, phases)
    versions_now = final[len(PHASES) : 2 * len(PHASES)]
    finished = [
        PHASE_LABELS[phase].lower()
        for phase, before, now in zip(PHASES, versions_before, versions_now, strict=True)
        if phase in phases and now is not skip and (now or 0) > (before or 0)
    ]
    text = "Cancelled. Your documents are as they were."
    if finished:
        text = f"Cancelled. The {', '.join(finished)} finished before the cancel and is saved; the rest is as it was."
    return [*final, dbc.Alert(text, color="secondary", dismissable=True), ""]


@callback(
    Output(doc_id("version", MATCH), "data", allow_duplicate=True),
    Output(doc_id("saved-text", MATCH), "data", allow_duplicate=True),
    Output(doc_id("origin", MATCH), "children", allow_duplicate=True),
    Output(doc_id("message", MATCH), "children"),
    Output(doc_id("conflict", MATCH), "is_open"),
    Output(doc_id("conflict-text", MATCH), "children"),
    Input(doc_id("save", MATCH), "n_clicks"),
    Input(doc_id("keep-mine", MATCH), "n_clicks"),
    State(doc_id("editor", MATCH), "value"),
    State(doc_id("version", MATCH), "data"),
    State("application-id", "data"),
    running=[(Output(doc_id("save", MATCH), "disabled"), True, False)],
    prevent_initial_call=True,
)
def save(_save, _keep_mine, typed, base_version, application_id):
    phase = ctx.triggered_id["doc"]
    typed = text_input(typed)
    text = drop_invisible(typed)  # pasted control characters: PostgreSQL cannot store them, nobody sees them
    if not text.strip():
        return skip, skip, skip, dbc.Alert("There is nothing to save yet.", color="warning"), skip, skip
    if problem := document_length_error(text):
        return skip, skip, skip, dbc.Alert(problem, color="warning"), skip, skip
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        if application is None:
            return skip, skip, skip, dbc.Alert("This application no longer exists.", color="warning"), skip, skip
        # "Keep mine": the person saw both texts and chose theirs, so no version check.
        base = None if ctx.triggered_id["type"] == "keep-mine" else (base_version or 0)
        try:
            document = document_queries.save_version(conn, application["id"], phase, text, "edited", base)
        except document_queries.VersionConflict as conflict:
            return skip, skip, skip, None, True, conflict.current["content"]
    if document.get("version_id"):
        embed_later(current_user.id, text, document_version_id=document["version_id"])
    saved = dbc.Alert("Saved.", color="success", duration=4000, class_name="py-2")
    # The editor's own text counts as saved, so the unsaved mark goes although invisible characters were dropped.
    return document["version"], typed, _origin_label(document), saved, False, ""


@callback(
    Output(doc_id("editor", MATCH), "value", allow_duplicate=True),
    Output(doc_id("version", MATCH), "data", allow_duplicate=True),
    Output(doc_id("saved-text", MATCH), "data", allow_duplicate=True),
    Output(doc_id("origin", MATCH), "children", allow_duplicate=True),
    Output(doc_id("conflict", MATCH), "is_open", allow_duplicate=True),
    Input(doc_id("take-theirs", MATCH), "n_clicks"),
    State("application-id", "data"),
    prevent_initial_call=True,
)
def take_theirs(_clicks, application_id):
    phase = ctx.triggered_id["doc"]
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        document = application and document_queries.get_document(conn, application["id"], phase)
    if not document:
        return skip, skip, skip, skip, False
    return document["content"], document["version"], document["content"], _origin_label(document), False


@callback(
    Output(doc_id("history", MATCH), "is_open"),
    Input(doc_id("history-toggle", MATCH), "n_clicks"),
    State(doc_id("history", MATCH), "is_open"),
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
    Output(doc_id("history-list", MATCH), "children"),
    Output(doc_id("compare-a", MATCH), "options"),
    Output(doc_id("compare-a", MATCH), "value"),
    Output(doc_id("compare-b", MATCH), "options"),
    Output(doc_id("compare-b", MATCH), "value"),
    Input(doc_id("history", MATCH), "is_open"),
    Input(doc_id("version", MATCH), "data"),
    State("application-id", "data"),
)
def show_history(is_open, _version, application_id):
    if not is_open:
        return skip, skip, skip, skip, skip
    phase = ctx.outputs_list[0]["id"]["doc"]
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        document = application and document_queries.get_document(conn, application["id"], phase)
        rows = document_queries.list_versions(conn, document["id"]) if document else []
    if not rows:
        return html.P("No versions yet.", className="text-body-secondary mb-0"), [], None, [], None
    items = html.Ul([html.Li(_version_label(row), className="version-item") for row in rows], className="mb-0 small")
    options = [{"label": f"Version {row['version']}", "value": str(row["version"])} for row in rows]
    older = str(rows[1]["version"]) if len(rows) > 1 else str(rows[0]["version"])
    return items, options, older, options, str(rows[0]["version"])


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
    application = _load_application(conn, application_id)
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
    Output(doc_id("diff", MATCH), "children"),
    Input(doc_id("compare-a", MATCH), "value"),
    Input(doc_id("compare-b", MATCH), "value"),
    State("application-id", "data"),
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
    Output(doc_id("editor", MATCH), "value", allow_duplicate=True),
    Output(doc_id("version", MATCH), "data", allow_duplicate=True),
    Output(doc_id("saved-text", MATCH), "data", allow_duplicate=True),
    Output(doc_id("origin", MATCH), "children", allow_duplicate=True),
    Output(doc_id("message", MATCH), "children", allow_duplicate=True),
    Input(doc_id("restore", MATCH), "n_clicks"),
    State(doc_id("compare-a", MATCH), "value"),
    State(doc_id("editor", MATCH), "value"),
    State("application-id", "data"),
    prevent_initial_call=True,
)
def restore(_clicks, version, editor_text, application_id):
    phase = ctx.triggered_id["doc"]
    editor_text = drop_invisible(text_input(editor_text))
    if problem := document_length_error(editor_text):
        # What the editor holds is kept as a version before the restore, and it could not be.
        return skip, skip, skip, skip, dbc.Alert(problem, color="warning")
    with user_tx(current_user.id) as conn:
        application, chosen, _ = _two_versions(conn, application_id, phase, version, version)
        if not chosen:
            return skip, skip, skip, skip, dbc.Alert("Choose a version to restore.", color="warning")
        if document_length_error(chosen["content"]):
            too_long = f"Version {chosen['version']} is longer than a document may be now, so it cannot be restored."
            return skip, skip, skip, skip, dbc.Alert(too_long, color="warning")
        # Restoring is an explicit choice of text: what the editor held is kept as a version first.
        keep_unsaved_text(conn, application["id"], phase, editor_text)
        restored = document_queries.save_version(conn, application["id"], phase, chosen["content"], "restored", None)
    embed_later(current_user.id, chosen["content"], document_version_id=restored["version_id"])
    note = dbc.Alert(
        f"Restored version {chosen['version']} as version {restored['version']}.",
        color="success",
        duration=5000,
        class_name="py-2",
    )
    return chosen["content"], restored["version"], chosen["content"], _origin_label(restored), note


@callback(
    Output(doc_id("download", MATCH), "data"),
    Output(doc_id("message", MATCH), "children", allow_duplicate=True),
    Input({"type": "export", "doc": MATCH, "fmt": ALL}, "n_clicks"),
    State(doc_id("editor", MATCH), "value"),
    State("application-id", "data"),
    prevent_initial_call=True,
)
def export(clicks, text, application_id):
    if not ctx.triggered or not ctx.triggered[0]["value"]:
        return skip, skip
    phase, fmt = ctx.triggered_id["doc"], ctx.triggered_id["fmt"]
    text = drop_invisible(text_input(text))
    if problem := document_length_error(text):
        return skip, dbc.Alert(problem.replace("to save", "to download"), color="warning")
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
    if application is None or not text.strip():
        return skip, skip
    title = f"{PHASE_LABELS[phase]} — {application['role_title']} at {application['company']}"
    content = exports.export_document(text, fmt, title)
    filename = exports.export_filename(application["company"], application["role_title"], phase, date.today(), fmt)
    return dcc.send_bytes(content, filename, type=exports.media_type(fmt)), None


def _match_view(result) -> list:
    score_color = "success" if result.score >= 70 else "warning" if result.score >= 40 else "danger"
    header = [
        html.Span(f"{result.score}", className=f"display-6 fw-semibold text-{score_color} me-2", id="match-number"),
        html.Span("/ 100", className="text-body-secondary me-3"),
    ]
    if result.provisional:
        header.append(dbc.Badge(result.provisional_reason, color="secondary"))
    summary = html.P(
        f"Keywords covered: {result.keyword_coverage:.0%} of the posting's skills · "
        f"similarity of the whole texts: {result.semantic_similarity:.2f}",
        className="small text-body-secondary mt-2",
    )
    items = []
    for match in result.requirements:
        kind = "Must-have" if match.must_have else "Nice to have"
        if match.met:
            how = "by keywords" if match.matched_by == "keywords" else "by meaning"
            detail = html.Div([f"Evidence ({how}): ", html.Q(match.evidence)], className="small text-body-secondary")
            mark = dbc.Badge("found", color="success", class_name="me-2")
        else:
            detail = html.Div("Missing from your resume.", className="small text-danger-emphasis")
            mark = dbc.Badge("missing", color="danger", class_name="me-2")
        items.append(
            html.Li(
                [mark, html.Span(match.requirement), html.Span(f" · {kind}", className="small"), detail],
                className="mb-2 requirement-item",
            )
        )
    improve = []
    if result.to_improve:
        improve = [
            html.Div("What would raise the score", className="fw-semibold mt-3 mb-1"),
            html.Ul([html.Li(item) for item in result.to_improve], className="small mb-0"),
        ]
    header_row = html.Div(header, className="d-flex align-items-center flex-wrap")
    return [header_row, summary, html.Ul(items, className="list-unstyled mb-0"), *improve]


@callback(
    Output("match-score", "children"),
    Input("resume-picker", "value"),  # set once the page has loaded, then by the person
    State("application-id", "data"),
)
def show_match(resume_ids, application_id):
    with user_tx(current_user.id) as conn:
        application = _load_application(conn, application_id)
        if application is None:
            return None
        resumes = resume_queries.list_resumes(conn)
    chosen = [resume for resume in resumes if str(resume["id"]) in set(resume_ids or [])] or resumes[:1]
    if not chosen:
        return html.P(["Add a resume to see how well it fits: ", dcc.Link("Go to resumes", href="/resumes")])
    resume_text = "\n\n".join(resume["content"] for resume in chosen)
    try:
        result = match_score(resume_text, application["job_description"], get_embedder(config.active()))
    except EmbeddingError:
        return dbc.Alert(
            "The match score needs the embedding service, which did not answer. Reload later.", color="warning"
        )
    return _match_view(result)


@callback(Output("similar-applications", "children"), Input("application-id", "data"))
def show_similar(application_id):
    parsed = _parse_id(application_id)
    if parsed is None:
        return None
    embedder = get_embedder(config.active())
    with user_tx(current_user.id) as conn:
        rows = embedding_queries.similar_applications(conn, parsed, embedder.model)
    if not rows:
        return html.P(
            "None yet: applications with similar postings show up here.", className="text-body-secondary mb-0"
        )
    return html.Ul(
        [
            html.Li(
                [
                    # A full page load: the same ids on the next application's page would otherwise
                    # receive this one's running generation.
                    dcc.Link(
                        f"{row['role_title']} at {row['company']}",
                        href=f"/applications/{row['application_id']}",
                        refresh=True,
                    ),
                    html.Span(f" · {row['similarity']:.0%} alike", className="small text-body-secondary"),
                ],
                className="mb-1",
            )
            for row in rows
        ],
        className="mb-0 similar-list",
    )
