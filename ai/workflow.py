"""The three phases — research, optimized resume, cover letter — each feeding the next."""

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from ai import offline, prompting
from ai.injection import drop_instructions
from ai.providers import Provider
from db import documents as document_queries
from db import resumes as resume_queries

PHASES = ("research", "resume", "cover_letter")
PHASE_LABELS = {"research": "Research", "resume": "Resume", "cover_letter": "Cover letter"}
OFFLINE_PROMPT_VERSION = "offline-1"


class MissingInput(Exception):
    """A phase cannot run yet; `message` says why and `link` where to fix it."""

    def __init__(self, message: str, link: str, link_text: str):
        super().__init__(message)
        self.message = message
        self.link = link
        self.link_text = link_text


@dataclass
class Inputs:
    company: str
    role_title: str
    job_description: str
    resumes: list[str]
    signer: str
    writing_sample: str = ""
    documents: dict[str, str] = field(default_factory=dict)  # current text of each phase's document


def load_inputs(conn, application: dict, profile: dict, resume_ids: list | None = None) -> Inputs:
    """Everything the phases read, from the person's own rows (RLS applies)."""
    chosen = resume_queries.list_resumes(conn)
    if resume_ids:
        wanted = {str(resume_id) for resume_id in resume_ids}
        chosen = [resume for resume in chosen if str(resume["id"]) in wanted]
    else:
        chosen = chosen[:1]  # primary first, else the most recent
    documents = {}
    for phase in PHASES:
        document = document_queries.get_document(conn, application["id"], phase)
        documents[phase] = document["content"] if document else ""
    return Inputs(
        company=application["company"],
        role_title=application["role_title"],
        job_description=application["job_description"],
        resumes=[resume["content"] for resume in chosen],
        signer=f"{profile['first_name']} {profile['last_name']}",
        writing_sample=profile.get("writing_sample") or "",
        documents=documents,
    )


def check_inputs(inputs: Inputs) -> None:
    if not inputs.resumes:
        raise MissingInput("Add a resume first: every document is written from it.", "/resumes", "Go to resumes")


def _prompt(phase: str, inputs: Inputs) -> tuple[str, list[dict]]:
    resumes = "\n\n".join(inputs.resumes)
    application = f"Company: {inputs.company.strip()}\nRole: {inputs.role_title.strip()}"
    fenced = {"application": application, "posting": inputs.job_description, "resumes": resumes}
    if phase == "resume":
        fenced["research"] = inputs.documents.get("research", "")
    if phase == "cover_letter":
        fenced = {
            "application": f"{application}\nSigned by: {inputs.signer.strip()}",
            "posting": inputs.job_description,
            "research": inputs.documents.get("research", ""),
            "resume": inputs.documents.get("resume") or resumes,
            "writing_sample": inputs.writing_sample,
        }
    return prompting.render(phase, fenced)


def offline_draft(phase: str, inputs: Inputs) -> str:
    """The offline drafter's document; sentences that try to instruct a model are left out first."""
    resumes = [drop_instructions(resume) for resume in inputs.resumes]
    posting = drop_instructions(inputs.job_description)
    if phase == "research":
        return offline.draft_research(resumes, posting, inputs.company, inputs.role_title)
    if phase == "resume":
        return offline.draft_resume(resumes, posting)
    letter_source = drop_instructions(inputs.documents.get("resume") or "") or resumes[0]
    return offline.draft_cover_letter(
        letter_source,
        posting,
        inputs.company,
        inputs.role_title,
        inputs.signer,
        inputs.writing_sample,
    )


def prompt_version(provider: Provider, phase: str) -> str:
    return OFFLINE_PROMPT_VERSION if provider.name == "offline" else prompting.load_template(phase).version


def stream_phase(provider: Provider, phase: str, inputs: Inputs, offline_pace: float = 0.0) -> Iterator[str]:
    """The phase's text as it is written; raises ProviderError or MissingInput."""
    check_inputs(inputs)
    if provider.name == "offline":
        for chunk in offline.stream_chunks(offline_draft(phase, inputs)):
            if offline_pace:
                time.sleep(offline_pace)  # the pace of a model, so people can watch and cancel
            yield chunk
        return
    system, messages = _prompt(phase, inputs)
    yield from provider.stream(system, messages)


def keep_unsaved_text(conn, application_id, phase: str, editor_text: str | None) -> None:
    """Store what the person typed but did not save, so a regeneration never loses a word of it."""
    current = document_queries.get_document(conn, application_id, phase)
    if editor_text and editor_text.strip() and (current is None or editor_text != current["content"]):
        document_queries.save_version(conn, application_id, phase, editor_text, "edited", None)
