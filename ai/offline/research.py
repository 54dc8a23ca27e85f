"""The offline research report: what the posting asks for and where the person's resumes show it."""

import re

from ai.evidence import Evidence, find_evidence, years_of_experience
from ai.offline.wording import listed
from ai.parsing import (
    Posting,
    Resume,
    parse_posting,
    parse_resume,
)

_SENIORITY_WORDS = (
    "intern",
    "junior",
    "mid-level",
    "senior",
    "staff",
    "principal",
    "lead",
    "manager",
    "director",
    "head",
)
_SIGNAL_WORDS = re.compile(
    r"\b(team|we|we're|our|culture|mission|remote|hybrid|on-site|onsite|customers?|users|fast-paced|growth|"
    r"startup|series [a-d]|collaborat\w*|values?)\b",
    re.IGNORECASE,
)


def _seniority(role_title: str, job_description: str, resume: Resume) -> str:
    text = f"{role_title} {job_description[:400]}".lower()
    level = next((word for word in _SENIORITY_WORDS if re.search(rf"\b{word}\b", text)), "not stated")
    required = years_of_experience(job_description)
    stated = years_of_experience(resume.summary)
    parts = [f"**Seniority:** {level}"]
    if required is not None:
        parts.append(f"the posting asks for {required}+ years")
    if stated is not None:
        parts.append(f"your resume states {stated} years")
    return "; ".join(parts) + "."


def _signals(posting: Posting) -> list[str]:
    """Sentences in which the posting talks about the team, the company or how they work.

    From the posting's context only: requirement, responsibility and benefit lists say what the job
    asks, not who the team is.
    """
    found = []
    for sentence in posting.context:
        sentence = sentence.strip(" -•*")
        looks_like_data = re.search(r'[{}]|": ', sentence)  # a posting pasted as JSON
        wanted = 30 <= len(sentence) <= 300 and _SIGNAL_WORDS.search(sentence) and not looks_like_data
        if wanted and sentence not in found:
            found.append(sentence)
    return found[:5]


def _evidence_item(evidence: Evidence) -> str:
    if not evidence.found:
        return f"- **Gap:** {evidence.requirement}  \n  No evidence found in your resume."
    where = f" ({evidence.employer})" if evidence.employer else ""
    status = "Partly covered" if evidence.missing_skills else "Covered"
    quoted = evidence.line if evidence.kind == "skills" else f"“{evidence.line}”"
    line = f"- **{status}:** {evidence.requirement}  \n  Evidence: {quoted}{where}"
    if evidence.missing_skills:
        line += f"; not shown: {listed(evidence.missing_skills)}"
    return line


def draft_research(resume_texts: list[str], job_description: str, company: str, role_title: str) -> str:
    """A research report: what the posting asks, how the resumes cover it, gaps, questions."""
    resume = parse_resume("\n\n".join(resume_texts))
    posting = parse_posting(job_description)
    must = [find_evidence(item, resume) for item in posting.must_have]
    nice = [find_evidence(item, resume) for item in posting.nice_to_have]

    lines = [
        f"# Research: {role_title.strip()} at {company.strip()}",
        "",
        _seniority(role_title, job_description, resume),
    ]
    lines += ["", "## Must-have requirements", ""]
    lines += [_evidence_item(item) for item in must] or ["The posting lists no requirements in a form I can read."]
    if nice:
        lines += ["", "## Nice to have", ""] + [_evidence_item(item) for item in nice]

    present = [skill for skill in posting.skills if skill in resume.skills]
    missing = [skill for skill in posting.skills if skill not in resume.skills]
    lines += ["", "## Keywords", ""]
    lines.append(f"- In your resume: {listed(present)}" if present else "- None of the posting's keywords appear yet.")
    if missing:
        lines.append(f"- Not in your resume: {listed(missing)}")

    if signals := _signals(posting):
        lines += ["", "## Team and company", ""] + [f"- “{sentence}”" for sentence in signals]

    gaps = [item for item in must if not item.found]
    missing_must = [skill for skill in posting.must_have_skills if skill not in resume.skills]
    lines += ["", "## Gaps", ""]
    if gaps or missing_must:
        lines += [f"- {item.requirement}" for item in gaps]
        lines += [
            f"- {skill} (asked for as a must-have)"
            for skill in missing_must
            if not any(skill in item.missing_skills for item in gaps)
        ]
    else:
        lines.append("- No must-have requirement is without evidence.")

    strongest = sorted((item for item in must + nice if item.kind == "bullet"), key=lambda item: -item.score)
    questions = list(
        dict.fromkeys(f"Walk through “{item.line}”: your part, the trade-offs, the result." for item in strongest)
    )[:3]
    questions += [
        f"How would you get up to speed on {skill}? Prepare an honest answer and a plan." for skill in missing_must[:2]
    ]
    questions += [
        f"How would you approach this part of the role: {item.rstrip('.')}?" for item in posting.responsibilities[:2]
    ]
    if questions:
        lines += ["", "## Questions to prepare", ""] + [
            f"{number}. {question}" for number, question in enumerate(questions, 1)
        ]
    return "\n".join(lines) + "\n"
