"""Deleting a resume after a question; for the primary one the question asks which becomes primary.

Documents generated earlier hold their own text and stay as they are.
"""

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html
from dash import no_update as skip
from flask_login import current_user

from components.callback_inputs import id_input, text_input
from components.confirm_modal import ConfirmIds, confirm_modal
from db import resumes as resume_queries
from db.connection import user_tx
from features.resumes import form, resume_list

NO_PRIMARY = "none"  # the choice's value for "no primary resume" (resume ids are uuids)
KEPT_DOCUMENTS = "Documents generated from it keep their text."


class Ids:
    modal = "resume-delete-modal"
    question = "resume-delete-question"
    choice = "resume-delete-next-primary"
    choice_group = "resume-delete-choice-group"
    target = "resume-delete-target"
    cancel = "resume-delete-cancel"
    confirm = "resume-delete-confirm"


def modal() -> html.Div:
    return html.Div(
        [
            dcc.Store(id=Ids.target),
            confirm_modal(
                ConfirmIds(modal=Ids.modal, confirm=Ids.confirm, cancel=Ids.cancel),
                [
                    html.P(id=Ids.question),
                    html.Fieldset(
                        [
                            html.Legend("Which resume becomes primary?", className="fs-6 fw-semibold"),
                            dbc.RadioItems(id=Ids.choice, options=[]),
                        ],
                        id=Ids.choice_group,
                        hidden=True,
                    ),
                ],
                "Delete resume",
                title="Delete this resume?",
                danger=True,
            ),
        ]
    )


ASKED = {
    "open": Output(Ids.modal, "is_open"),
    "question": Output(Ids.question, "children"),
    "options": Output(Ids.choice, "options"),
    "choice": Output(Ids.choice, "value"),
    "choice_hidden": Output(Ids.choice_group, "hidden"),
    "target": Output(Ids.target, "data"),
    "message": Output(form.Ids.message, "children", allow_duplicate=True),
}


@callback(
    output=ASKED,
    inputs=[Input({"type": resume_list.Ids.delete, "index": ALL}, "n_clicks"), Input(Ids.cancel, "n_clicks")],
    prevent_initial_call=True,
)
def ask(_delete_clicks, _cancel):
    unchanged = dict.fromkeys(ASKED, skip)
    if ctx.triggered_id == Ids.cancel:
        return unchanged | {"open": False, "target": None}
    if not ctx.triggered or not ctx.triggered[0]["value"]:
        return unchanged  # buttons appearing in a refreshed list are not clicks
    resume_id = id_input(ctx.triggered_id["index"])
    with user_tx(current_user.id) as conn:
        resumes = resume_queries.list_resumes(conn) if resume_id else []
    resume = next((row for row in resumes if row["id"] == resume_id), None)
    if resume is None:
        return unchanged | {"message": dbc.Alert("That resume no longer exists.", color="warning")}
    others = [row for row in resumes if row["id"] != resume_id]
    question = f"Delete “{resume['name']}”? {KEPT_DOCUMENTS}"
    options = [{"label": row["name"], "value": str(row["id"])} for row in others]
    choosing = resume["is_primary"] and bool(others)
    if choosing:
        question = f"“{resume['name']}” is your primary resume, the one new documents start from. {question}"
        options.append({"label": "None: no primary resume", "value": NO_PRIMARY})
    return {
        "open": True,
        "question": question,
        "options": options if choosing else [],
        "choice": options[0]["value"] if choosing else None,
        "choice_hidden": not choosing,
        "target": str(resume_id),
        "message": skip,
    }


@callback(
    output={
        "open": Output(Ids.modal, "is_open", allow_duplicate=True),
        "target": Output(Ids.target, "data", allow_duplicate=True),
        "list": Output(resume_list.Ids.list, "children", allow_duplicate=True),
        "message": Output(form.Ids.message, "children", allow_duplicate=True),
        "form": form.FILLED,
    },
    inputs=Input(Ids.confirm, "n_clicks"),
    state=[
        State(Ids.target, "data"),
        State(Ids.choice, "value"),
        State(form.Ids.editing_id, "data"),
        State(form.Ids.saved, "data"),
        State(form.Ids.dirty, "children"),
    ],
    prevent_initial_call=True,
)
def delete(_confirm, target, choice, editing_id, saved, dirty):
    resume_id, editing_id = id_input(target), text_input(editing_id)
    choice = text_input(choice)
    next_primary = None if choice == NO_PRIMARY else id_input(choice)
    with user_tx(current_user.id) as conn:
        resume = resume_queries.get_resume(conn, resume_id) if resume_id else None
        deleted = resume is not None and resume_queries.delete_resume(conn, resume_id, next_primary)
    done = {"open": False, "target": None, "list": resume_list.cards(), "form": form.UNCHANGED}
    if not deleted:
        return done | {"message": dbc.Alert("That resume no longer exists.", color="warning")}
    message = dbc.Alert(f"Deleted “{resume['name']}”. {KEPT_DOCUMENTS}", color="success")
    if editing_id == str(resume_id):
        if not form.is_dirty(dirty):
            return done | {"message": message, "form": form.emptied()}
        # Unsaved edits of the deleted resume stay in the form, now as a new resume that Save creates.
        note = dbc.Alert(
            f"Deleted “{resume['name']}”. Your unsaved changes are still in the form: Save makes them a new "
            f"resume. {KEPT_DOCUMENTS}",
            color="warning",
        )
        return done | {
            "message": note,
            "form": form.UNCHANGED | {"editing_id": "", "saved": form.EMPTY_FORM, "title": form.NEW_TITLE},
        }
    if resume["is_primary"] and next_primary is not None and editing_id == str(next_primary):
        # The resume in the form is primary now: its box must show it, or the next Save would undo it.
        now_saved = (saved if isinstance(saved, dict) else form.EMPTY_FORM) | {"primary": True}
        return done | {"message": message, "form": form.UNCHANGED | {"primary": True, "saved": now_saved}}
    return done | {"message": message}
