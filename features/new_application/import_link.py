"""Import from link: the server fetches a posting's page and fills the form's empty fields for review.

What the person already typed is never replaced: only empty fields are filled, and the message says
which were kept, so a field is taken from the posting by clearing it and importing again.
"""

import logging
import uuid

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, dcc, html
from dash import no_update as skip

import config
from components.callback_inputs import text_input
from components.section_card import section_card
from features.new_application.ids import FIELDS
from postings.fetch import FetchError, fetch
from postings.parse import NotAPosting, parse_posting
from validators import drop_invisible, url_error

log = logging.getLogger(__name__)

NAMES = {
    "company": "company",
    "role_title": "role title",
    "job_description": "job description",
    "job_url": "job URL",
    "location": "location",
}


class Ids:
    link = "import-link-url"
    feedback = "import-link-url-feedback"
    button = "import-link-button"
    status = "import-link-status"
    imported = "import-link-imported"  # a dcc.Store changed on every fill, for what rechecks the form


def section() -> dbc.Card:
    return section_card(
        "Import from link",
        "Paste the link to a posting: Job Forge reads the page and fills the empty fields below, "
        "for you to check before you save.",
        [
            dbc.Label("Posting link", html_for=Ids.link),
            dbc.InputGroup(
                [
                    dbc.Input(id=Ids.link, type="url", placeholder="https://", maxLength=2000, inputmode="url"),
                    dbc.Button("Import", id=Ids.button, color="primary", outline=True),
                    dbc.FormFeedback(id=Ids.feedback, type="invalid"),
                ],
                class_name="has-validation",
            ),
            html.Div(id=Ids.status, role="status", className="mt-2", **{"aria-live": "polite"}),
            dcc.Store(id=Ids.imported),
        ],
        compact=True,
        class_name="mb-3 import-link",
    )


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _found(link: str) -> dict:
    """The posting's values by field, or FetchError / NotAPosting."""
    page = fetch(link, config.active().fetch_allow_hosts)
    posting = parse_posting(page.text())
    values = {
        "company": posting.company,
        "role_title": posting.role_title,
        "job_description": posting.job_description,
        "job_url": link,
        "location": posting.location,
    }
    return {key: drop_invisible(value).strip() for key, value in values.items()}


def fill(typed: dict, found: dict) -> tuple[dict, dbc.Alert]:
    """The values to set (only where the person typed nothing) and the message saying what happened."""
    filled = {key: value for key, value in found.items() if value and not typed[key].strip()}
    kept = [NAMES[key] for key, value in found.items() if value and typed[key].strip() and typed[key].strip() != value]
    missing = [NAMES[key] for key, value in found.items() if not value and not typed[key].strip()]
    if filled:
        lines = [f"Filled the {_listed([NAMES[key] for key in filled])} from the posting. Check them, then save."]
    else:
        lines = ["Nothing was filled: every field the posting gives already had text."]
    if kept:
        lines.append(
            f"Kept what you typed in the {_listed(kept)}; clear a field and import again to take the posting's."
        )
    if missing:
        lines.append(f"The page did not give the {_listed(missing)}.")
    message = dbc.Alert([html.Div(line) for line in lines], color="success" if filled else "info", class_name="mb-0")
    return filled, message


@callback(
    output={
        "values": {key: Output(field_id, "value", allow_duplicate=True) for key, field_id in FIELDS.items()},
        "invalid": {key: Output(field_id, "invalid", allow_duplicate=True) for key, field_id in FIELDS.items()},
        "link_invalid": Output(Ids.link, "invalid"),
        "link_message": Output(Ids.feedback, "children"),
        "status": Output(Ids.status, "children"),
        "imported": Output(Ids.imported, "data"),
    },
    inputs={"_clicks": Input(Ids.button, "n_clicks"), "_entered": Input(Ids.link, "n_submit")},
    state={
        "link": State(Ids.link, "value"),
        "typed": {key: State(field_id, "value") for key, field_id in FIELDS.items()},
    },
    running=[(Output(Ids.button, "disabled"), True, False), (Output(Ids.button, "children"), "Importing…", "Import")],
    prevent_initial_call=True,
)
def import_from_link(_clicks, _entered, link, typed):
    link = text_input(link).strip()
    typed = {key: text_input(value) for key, value in typed.items()}
    unchanged = {"values": dict.fromkeys(FIELDS, skip), "invalid": dict.fromkeys(FIELDS, skip), "imported": skip}
    problem = "Paste the link to a posting first." if not link else url_error(link)
    if problem is None:
        try:
            found = _found(link)
        except (FetchError, NotAPosting) as error:
            # The reason only: a link can carry a person's tokens, and a page's text is theirs.
            log.info("importing a posting from a link failed: %s", getattr(error, "reason", "not_a_posting"))
            problem = str(error)
    if problem is not None:
        return unchanged | {"link_invalid": True, "link_message": problem, "status": None}
    filled, message = fill(typed, found)
    return {
        "values": {key: filled.get(key, skip) for key in FIELDS},
        "invalid": {key: False if key in filled else skip for key in FIELDS},
        "link_invalid": False,
        "link_message": "",
        "status": message,
        "imported": uuid.uuid4().hex,
    }
