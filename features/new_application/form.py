"""The new-application form: company, role, posting, link and place, saved with its checks."""

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, no_update
from flask_login import current_user

from ai.indexing import embed_later
from components.callback_inputs import text_input
from components.forms import feedback, feedback_outputs, field
from db import applications as application_queries
from db.connection import user_tx
from features.new_application import duplicate_notice
from features.new_application.ids import FIELDS, Ids
from json_resume import TooDeeplyNested, as_job
from validators import MIN_JOB_DESCRIPTION_LENGTH, drop_invisible, validate_application

# A pasted JSON Resume job is turned into text in the form, so the person sees what is saved.
CONVERTED_FIELDS = ("company", "role_title", "job_description")


def form() -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                dbc.Row(
                    [
                        dbc.Col(field(FIELDS["company"], "Company", maxLength=200), md=6),
                        dbc.Col(field(FIELDS["role_title"], "Role title", maxLength=200), md=6),
                    ]
                ),
                field(
                    FIELDS["job_description"],
                    "Job description",
                    textarea=True,
                    rows=12,
                    help_text=f"Paste the whole posting, at least {MIN_JOB_DESCRIPTION_LENGTH} characters.",
                ),
                dbc.Row(
                    [
                        dbc.Col(field(FIELDS["job_url"], "Job URL", type="url", placeholder="https://"), md=8),
                        dbc.Col(field(FIELDS["location"], "Location", placeholder="Remote"), md=4),
                    ]
                ),
                duplicate_notice.notice(),
                dbc.Button("Save", id=Ids.SAVE, color="primary"),
            ]
        )
    )


@callback(
    output={
        "redirect": Output(Ids.REDIRECT, "href"),
        "shown": [Output(FIELDS[key], "value", allow_duplicate=True) for key in CONVERTED_FIELDS],
        "feedback": feedback_outputs(FIELDS),
    },
    inputs=[Input(Ids.SAVE, "n_clicks")],
    state=[State(field_id, "value") for field_id in FIELDS.values()],
    running=[(Output(Ids.SAVE, "disabled"), True, False)],
    prevent_initial_call=True,
)
def save_application(_clicks, company, role_title, job_description, job_url, location):
    company, role_title, job_url, location = map(text_input, (company, role_title, job_url, location))
    # A pasted posting's invisible characters are dropped; in the short fields they are a message.
    job_description = drop_invisible(text_input(job_description))
    shown = [no_update] * len(CONVERTED_FIELDS)
    try:
        job, too_deep = as_job(job_description), {}
    except TooDeeplyNested as error:
        job, too_deep = None, {"job_description": str(error)}
    if job:
        # What the person typed in the company and role fields wins over the JSON's.
        company = company if company.strip() else job["company"]
        role_title = role_title if role_title.strip() else job["role_title"]
        job_description = job["job_description"]
        shown = [company, role_title, job_description]
    errors = validate_application(company, role_title, job_description, job_url, location) | too_deep
    if errors:
        return {"redirect": no_update, "shown": shown, "feedback": feedback(errors, FIELDS)}
    with user_tx(current_user.id) as conn:
        application_id = application_queries.create_application(
            conn,
            company.strip(),
            role_title.strip(),
            job_description.strip(),
            job_url.strip() or None,
            location.strip() or None,
        )
    embed_later(current_user.id, job_description.strip(), application_id=application_id)
    return {"redirect": f"/applications/{application_id}", "shown": shown, "feedback": feedback({}, FIELDS)}
