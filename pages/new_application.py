"""Adding an application: the company, the role and the posting."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html, no_update
from flask_login import current_user

from ai.indexing import embed_later
from components.callback_inputs import text_input
from components.forms import feedback, feedback_outputs, field
from db import applications as application_queries
from db.connection import user_tx
from features.new_application import duplicate_notice, import_link
from features.new_application.ids import FIELDS
from json_resume import TooDeeplyNested, as_job
from validators import MIN_JOB_DESCRIPTION_LENGTH, drop_invisible, validate_application

dash.register_page(__name__, path="/applications/new", title="New application · Job Forge", order=2)


def layout(**_kwargs):
    return dbc.Row(
        dbc.Col(
            [
                dcc.Location(id="new-application-redirect", refresh="callback-nav"),
                html.H1("New application", className="h3 mb-4"),
                import_link.section(),
                dbc.Card(
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
                                    dbc.Col(
                                        field(
                                            FIELDS["job_url"],
                                            "Job URL",
                                            type="url",
                                            placeholder="https://",
                                        ),
                                        md=8,
                                    ),
                                    dbc.Col(field(FIELDS["location"], "Location", placeholder="Remote"), md=4),
                                ]
                            ),
                            duplicate_notice.notice(),
                            dbc.Button("Save", id="new-application-save", color="primary"),
                        ]
                    )
                ),
            ],
            lg=10,
            xl=8,
        )
    )


# A pasted JSON Resume job is turned into text in the form, so the person sees what is saved.
CONVERTED_FIELDS = ("company", "role_title", "job_description")


@callback(
    Output("new-application-redirect", "href"),
    *(Output(FIELDS[key], "value", allow_duplicate=True) for key in CONVERTED_FIELDS),
    *feedback_outputs(FIELDS),
    Input("new-application-save", "n_clicks"),
    *(State(field_id, "value") for field_id in FIELDS.values()),
    running=[(Output("new-application-save", "disabled"), True, False)],
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
        return no_update, *shown, *feedback(errors, FIELDS)
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
    return f"/applications/{application_id}", *shown, *feedback({}, FIELDS)
