"""Base resumes: paste, name, edit and choose the primary one."""

import dash
import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update
from flask_login import current_user

from components.callback_inputs import flag_input, id_input, text_input
from components.forms import feedback, feedback_outputs, field
from db import resumes as resume_queries
from db.connection import user_tx
from json_resume import TooDeeplyNested, as_resume_text
from validators import MIN_RESUME_LENGTH, drop_invisible, validate_resume

dash.register_page(__name__, path="/resumes", title="Resumes · Job Forge", order=1)

FIELDS = {"name": "resume-name", "content": "resume-content"}
# What the form held when it was last loaded or saved: the form is "unsaved" when it differs.
EMPTY_FORM = {"name": "", "content": "", "primary": False}


def layout(**_kwargs):
    form = dbc.Card(
        dbc.CardBody(
            [
                html.H2("New resume", id="resume-form-title", className="h5 mb-3"),
                field(FIELDS["name"], "Name", placeholder="Backend 2026", maxLength=200),
                field(
                    FIELDS["content"],
                    "Content",
                    textarea=True,
                    rows=16,
                    help_text=(
                        "Paste the resume as plain text, markdown or JSON Resume "
                        f"(at least {MIN_RESUME_LENGTH} characters)."
                    ),
                ),
                dbc.Checkbox(id="resume-primary", label="Primary resume (used for new documents)", value=False),
                html.Div(
                    [
                        dbc.Button("Save", id="resume-save", color="primary"),
                        # replaces-edits: the page asks first when the form holds unsaved changes.
                        dbc.Button("Start a new resume", id="resume-new", color="link", class_name="replaces-edits"),
                        html.Span(id="resume-dirty", className="unsaved-marker ms-auto small text-warning-emphasis"),
                    ],
                    className="mt-3 d-flex align-items-center gap-2",
                ),
                html.Div(id="resume-message", className="mt-3", role="status"),
            ]
        )
    )
    return html.Div(
        [
            dcc.Store(id="resume-editing-id"),
            dcc.Store(id="resume-saved", data=EMPTY_FORM),
            html.H1("Resumes", className="h3 mb-4"),
            dbc.Row(
                [
                    dbc.Col(html.Div(id="resume-list"), lg=5, class_name="mb-4"),
                    dbc.Col(form, lg=7),
                ]
            ),
        ]
    )


def _resume_card(resume: dict) -> dbc.Card:
    title = [html.Span(resume["name"], className="fw-semibold me-2")]
    if resume["is_primary"]:
        title.append(dbc.Badge("Primary", color="success"))
    return dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    [
                        html.Div(title),
                        dbc.Button(
                            "Edit",
                            id={"type": "resume-edit", "index": str(resume["id"])},
                            size="sm",
                            color="secondary",
                            outline=True,
                            class_name="replaces-edits",
                        ),
                    ],
                    className="d-flex justify-content-between align-items-center mb-2",
                ),
                html.Div(resume["content"][:400], className="resume-content text-body-secondary"),
            ]
        ),
        class_name="mb-3 resume-card",
    )


def _resume_list() -> list:
    with user_tx(current_user.id) as conn:
        resumes = resume_queries.list_resumes(conn)
    if not resumes:
        return [dbc.Alert("No resumes yet. Paste your first one in the form.", color="info")]
    return [_resume_card(resume) for resume in resumes]


@callback(Output("resume-list", "children"), Input("resume-list", "id"))
def show_resumes(_):
    return _resume_list()


clientside_callback(
    ClientsideFunction("jobforge", "formDirty"),
    Output("resume-dirty", "children"),
    Input(FIELDS["name"], "value"),
    Input(FIELDS["content"], "value"),
    Input("resume-primary", "value"),
    Input("resume-saved", "data"),
)


def _saved_form(name: str, content: str, is_primary: bool) -> dict:
    return {"name": name, "content": content, "primary": bool(is_primary)}


@callback(
    Output("resume-editing-id", "data"),
    Output("resume-saved", "data"),
    Output(FIELDS["name"], "value"),
    Output(FIELDS["content"], "value"),
    Output("resume-primary", "value"),
    Output("resume-form-title", "children"),
    Output("resume-message", "children", allow_duplicate=True),
    Input({"type": "resume-edit", "index": ALL}, "n_clicks"),
    Input("resume-new", "n_clicks"),
    prevent_initial_call=True,
)
def choose_resume(edit_clicks, _new_clicks):
    if ctx.triggered_id == "resume-new":
        return "", EMPTY_FORM, "", "", False, "New resume", ""
    if not ctx.triggered or not ctx.triggered[0]["value"]:
        return (no_update,) * 7  # buttons appearing in a refreshed list are not clicks
    resume_id = id_input(ctx.triggered_id["index"])
    with user_tx(current_user.id) as conn:
        resume = resume_queries.get_resume(conn, resume_id) if resume_id else None
    if resume is None:
        return (no_update,) * 6 + (dbc.Alert("That resume no longer exists.", color="warning"),)
    saved = _saved_form(resume["name"], resume["content"], resume["is_primary"])
    title = f"Edit “{resume['name']}”"
    return str(resume["id"]), saved, resume["name"], resume["content"], resume["is_primary"], title, ""


CHANGED_ELSEWHERE = (
    "This resume was changed in another tab after you opened it, so nothing was saved. "
    "Your text is still in the form: Save again to replace the other version with yours, "
    "or copy what you need and click Edit to load the other version."
)


def _changed_elsewhere(current: dict, content_shown) -> tuple:
    """save_resume's reply when another tab saved first: nothing saved, the person's text kept.

    The other version becomes the one the form is compared with, so a second Save is the
    person's deliberate choice to replace it.
    """
    now_saved = _saved_form(current["name"], current["content"], current["is_primary"])
    message = dbc.Alert(CHANGED_ELSEWHERE, color="warning")
    return message, _resume_list(), no_update, now_saved, no_update, no_update, content_shown, *feedback({}, FIELDS)


@callback(
    Output("resume-message", "children"),
    Output("resume-list", "children", allow_duplicate=True),
    Output("resume-editing-id", "data", allow_duplicate=True),
    Output("resume-saved", "data", allow_duplicate=True),
    Output("resume-primary", "value", allow_duplicate=True),
    Output("resume-form-title", "children", allow_duplicate=True),
    Output(FIELDS["content"], "value", allow_duplicate=True),
    *feedback_outputs(FIELDS),
    Input("resume-save", "n_clicks"),
    State(FIELDS["name"], "value"),
    State(FIELDS["content"], "value"),
    State("resume-primary", "value"),
    State("resume-editing-id", "data"),
    State("resume-saved", "data"),
    running=[(Output("resume-save", "disabled"), True, False)],
    prevent_initial_call=True,
)
def save_resume(_clicks, name, content, is_primary, editing_id, loaded):
    name, editing_id, is_primary = text_input(name), text_input(editing_id), flag_input(is_primary)
    typed = text_input(content)
    try:
        converted, too_deep = as_resume_text(typed), {}
    except TooDeeplyNested as error:
        converted, too_deep = None, {"content": str(error)}
    # A pasted JSON Resume is saved as readable text, and a paste's invisible characters are
    # dropped: either way the form shows the text that is saved, so it matches what is stored.
    content = converted or drop_invisible(typed)
    content_shown = content if content != typed else no_update
    errors = validate_resume(name, content) | too_deep
    if errors:
        return "", no_update, no_update, no_update, no_update, no_update, content_shown, *feedback(errors, FIELDS)
    name, content = name.strip(), content.strip()
    with user_tx(current_user.id) as conn:
        if editing_id:
            editing = id_input(editing_id)
            try:
                found = editing is not None and resume_queries.update_resume(
                    conn, editing, name, content, is_primary, loaded if isinstance(loaded, dict) else None
                )
            except resume_queries.ResumeChanged as changed:
                return _changed_elsewhere(changed.current, content_shown)
            resume_id = editing if found else None
        else:
            resume_id = resume_queries.create_resume(conn, name, content, is_primary)
        # The first resume becomes primary unasked: the box must show it, or the next save would undo it.
        stored = resume_queries.get_resume(conn, resume_id) if resume_id else None
    if stored is None:
        message = dbc.Alert("That resume no longer exists; your text is still in the form.", color="warning")
        # Saving again creates it anew; until then the form's text is unsaved.
        return message, _resume_list(), "", EMPTY_FORM, no_update, "New resume", content_shown, *feedback({}, FIELDS)
    saved_note = f"Saved “{name}”."
    if converted:
        saved_note += " Your JSON Resume is now text: read it through, it is what the AI works from."
    message = dbc.Alert(saved_note, color="success", duration=None if converted else 4000)
    saved = _saved_form(name, content, stored["is_primary"])
    title = f"Edit “{name}”"
    return (
        message,
        _resume_list(),
        str(resume_id),
        saved,
        stored["is_primary"],
        title,
        content_shown,
        *feedback({}, FIELDS),
    )
