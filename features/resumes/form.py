"""The resume form: a new resume or one being edited, its name, text and primary mark, and Save."""

import dash_bootstrap_components as dbc
from dash import ALL, ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, dcc, html
from dash import no_update as skip
from flask_login import current_user

from components.callback_inputs import flag_input, id_input, text_input
from components.forms import feedback, feedback_outputs, field
from db import resumes as resume_queries
from db.connection import user_tx
from features.resumes import resume_list
from json_resume import TooDeeplyNested, as_resume_text
from validators import MIN_RESUME_LENGTH, drop_invisible, validate_resume


class Ids:
    editing_id = "resume-editing-id"
    saved = "resume-saved"
    title = "resume-form-title"
    name = "resume-name"
    content = "resume-content"
    primary = "resume-primary"
    save = "resume-save"
    new = "resume-new"
    dirty = "resume-dirty"
    message = "resume-message"


FIELDS = {"name": Ids.name, "content": Ids.content}
# What the form held when it was last loaded or saved: the form is "unsaved" when it differs.
EMPTY_FORM = {"name": "", "content": "", "primary": False}
NEW_TITLE = "New resume"


def stores() -> list:
    return [dcc.Store(id=Ids.editing_id), dcc.Store(id=Ids.saved, data=EMPTY_FORM)]


def card(upload_field) -> dbc.Card:
    """The form, with `upload_field` (the file upload) above the fields it fills."""
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(NEW_TITLE, id=Ids.title, className="h5 mb-3"),
                upload_field,
                field(Ids.name, "Name", placeholder="Backend 2026", maxLength=200),
                field(
                    Ids.content,
                    "Content",
                    textarea=True,
                    rows=16,
                    help_text=(
                        "Paste the resume as plain text, markdown or JSON Resume "
                        f"(at least {MIN_RESUME_LENGTH} characters)."
                    ),
                ),
                dbc.Checkbox(id=Ids.primary, label="Primary resume (used for new documents)", value=False),
                html.Div(
                    [
                        dbc.Button("Save", id=Ids.save, color="primary"),
                        # replaces-edits: the page asks first when the form holds unsaved changes.
                        dbc.Button("Start a new resume", id=Ids.new, color="link", class_name="replaces-edits"),
                        html.Span(id=Ids.dirty, className="unsaved-marker ms-auto small text-warning-emphasis"),
                    ],
                    className="mt-3 d-flex align-items-center gap-2",
                ),
                html.Div(id=Ids.message, className="mt-3", role="status"),
            ]
        )
    )


clientside_callback(
    ClientsideFunction("jobforge", "formDirty"),
    Output(Ids.dirty, "children"),
    Input(Ids.name, "value"),
    Input(Ids.content, "value"),
    Input(Ids.primary, "value"),
    Input(Ids.saved, "data"),
)


def saved_form(name: str, content: str, is_primary: bool) -> dict:
    return {"name": name, "content": content, "primary": bool(is_primary)}


# What a callback that puts a whole resume into the form returns: filled(...).
FILLED = {
    "editing_id": Output(Ids.editing_id, "data", allow_duplicate=True),
    "saved": Output(Ids.saved, "data", allow_duplicate=True),
    "name": Output(Ids.name, "value", allow_duplicate=True),
    "content": Output(Ids.content, "value", allow_duplicate=True),
    "primary": Output(Ids.primary, "value", allow_duplicate=True),
    "title": Output(Ids.title, "children", allow_duplicate=True),
}
UNCHANGED = dict.fromkeys(FILLED, skip)


def filled(editing_id: str, saved: dict, shown: dict, title: str) -> dict:
    """The form holding `shown` ({"name", "content", "primary"}), compared with `saved` for "unsaved"."""
    return {
        "editing_id": editing_id,
        "saved": saved,
        "name": shown["name"],
        "content": shown["content"],
        "primary": shown["primary"],
        "title": title,
    }


def emptied() -> dict:
    return filled("", EMPTY_FORM, EMPTY_FORM, NEW_TITLE)


def is_dirty(marker) -> bool:
    """Whether the form holds unsaved changes, as its marker shows them."""
    return bool(text_input(marker).strip())


@callback(
    output={"form": FILLED, "message": Output(Ids.message, "children", allow_duplicate=True)},
    inputs=[Input({"type": resume_list.Ids.edit, "index": ALL}, "n_clicks"), Input(Ids.new, "n_clicks")],
    prevent_initial_call=True,
)
def choose_resume(_edit_clicks, _new_clicks):
    if ctx.triggered_id == Ids.new:
        return {"form": emptied(), "message": ""}
    if not ctx.triggered or not ctx.triggered[0]["value"]:
        return {"form": UNCHANGED, "message": skip}  # buttons appearing in a refreshed list are not clicks
    resume_id = id_input(ctx.triggered_id["index"])
    with user_tx(current_user.id) as conn:
        resume = resume_queries.get_resume(conn, resume_id) if resume_id else None
    if resume is None:
        return {"form": UNCHANGED, "message": dbc.Alert("That resume no longer exists.", color="warning")}
    saved = saved_form(resume["name"], resume["content"], resume["is_primary"])
    return {"form": filled(str(resume["id"]), saved, saved, f"Edit “{resume['name']}”"), "message": ""}


CHANGED_ELSEWHERE = (
    "This resume was changed in another tab after you opened it, so nothing was saved. "
    "Your text is still in the form: Save again to replace the other version with yours, "
    "or copy what you need and click Edit to load the other version."
)


def _reply(message, **changes) -> dict:
    """save_resume's outputs: `changes` by output name, everything else left as it is."""
    unchanged = {"list": skip, "editing_id": skip, "saved": skip, "primary": skip, "title": skip, "content": skip}
    return {"message": message, **unchanged, **changes}


def _changed_elsewhere(current: dict, content_shown) -> dict:
    """save_resume's reply when another tab saved first: nothing saved, the person's text kept.

    The other version becomes the one the form is compared with, so a second Save is the
    person's deliberate choice to replace it.
    """
    now_saved = saved_form(current["name"], current["content"], current["is_primary"])
    message = dbc.Alert(CHANGED_ELSEWHERE, color="warning")
    return _reply(message, list=resume_list.cards(), saved=now_saved, content=content_shown)


@callback(
    output={
        "reply": {
            "message": Output(Ids.message, "children"),
            "list": Output(resume_list.Ids.list, "children", allow_duplicate=True),
            "editing_id": Output(Ids.editing_id, "data", allow_duplicate=True),
            "saved": Output(Ids.saved, "data", allow_duplicate=True),
            "primary": Output(Ids.primary, "value", allow_duplicate=True),
            "title": Output(Ids.title, "children", allow_duplicate=True),
            "content": Output(Ids.content, "value", allow_duplicate=True),
        },
        "feedback": feedback_outputs(FIELDS),
    },
    inputs=Input(Ids.save, "n_clicks"),
    state=[
        State(Ids.name, "value"),
        State(Ids.content, "value"),
        State(Ids.primary, "value"),
        State(Ids.editing_id, "data"),
        State(Ids.saved, "data"),
    ],
    running=[(Output(Ids.save, "disabled"), True, False)],
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
    content_shown = content if content != typed else skip
    errors = validate_resume(name, content) | too_deep
    if errors:
        return {"reply": _reply("", content=content_shown), "feedback": feedback(errors, FIELDS)}
    name, content = name.strip(), content.strip()
    with user_tx(current_user.id) as conn:
        if editing_id:
            editing = id_input(editing_id)
            try:
                found = editing is not None and resume_queries.update_resume(
                    conn, editing, name, content, is_primary, loaded if isinstance(loaded, dict) else None
                )
            except resume_queries.ResumeChanged as changed:
                return {"reply": _changed_elsewhere(changed.current, content_shown), "feedback": feedback({}, FIELDS)}
            resume_id = editing if found else None
        else:
            resume_id = resume_queries.create_resume(conn, name, content, is_primary)
        # The first resume becomes primary unasked: the box must show it, or the next save would undo it.
        stored = resume_queries.get_resume(conn, resume_id) if resume_id else None
    if stored is None:
        message = dbc.Alert("That resume no longer exists; your text is still in the form.", color="warning")
        # Saving again creates it anew; until then the form's text is unsaved.
        reply = _reply(
            message, list=resume_list.cards(), editing_id="", saved=EMPTY_FORM, title=NEW_TITLE, content=content_shown
        )
        return {"reply": reply, "feedback": feedback({}, FIELDS)}
    saved_note = f"Saved “{name}”."
    if converted:
        saved_note += " Your JSON Resume is now text: read it through, it is what the AI works from."
    reply = _reply(
        dbc.Alert(saved_note, color="success", duration=None if converted else 4000),
        list=resume_list.cards(),
        editing_id=str(resume_id),
        saved=saved_form(name, content, stored["is_primary"]),
        primary=stored["is_primary"],
        title=f"Edit “{name}”",
        content=content_shown,
    )
    return {"reply": reply, "feedback": feedback({}, FIELDS)}
