"""The offline drafter: real, grounded drafts built only from the person's resume and the posting."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ai.evidence import Evidence, find_evidence, years_of_experience
from ai.parsing import (
    Achievement,
    Posting,
    Resume,
    _strip_markup,
    content_words,
    first_sentence,
    parse_posting,
    parse_resume,
)
from ai.skills import find_skills

PROVIDER = "offline"
MODEL = "offline-drafter-1"

_IRREGULAR_PAST = frozenset(
    [
        "built",
        "led",
        "ran",
        "grew",
        "won",
        "made",
        "wrote",
        "drove",
        "set",
        "took",
        "cut",
        "oversaw",
        "brought",
        "began",
        "taught",
        "sold",
        "spent",
        "kept",
        "held",
        "shipped",
        "rebuilt",
        "rewrote",
        "founded",
        "did",
    ]
)


@dataclass
class RankedAchievement:
    achievement: Achievement
    score: float
    skills: list[str]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def rank_achievements(resume: Resume, posting: Posting) -> list[RankedAchievement]:
    """The person's own bullets, most relevant to the posting first (stable for ties)."""
    must = set(posting.must_have_skills)
    wanted = set(posting.skills)
    posting_words = content_words(" ".join(posting.must_have + posting.nice_to_have + posting.responsibilities))
    ranked = []
    for achievement in resume.achievements:
        skills = [skill for skill in find_skills(achievement.text) if skill in wanted]
        overlap = len(content_words(achievement.text) & posting_words)
        score = 3 * len(must.intersection(skills)) + len(skills) + 0.5 * overlap
        ranked.append(RankedAchievement(achievement, score, skills))
    return sorted(ranked, key=lambda item: -item.score)


def _first_person(achievement: Achievement, same_employer_as_before: bool) -> str:
    """'Built a queue …' → 'At Acme, I built a queue ….' — the person's words, in the first person."""
    text = achievement.text.rstrip(" .;")
    first_word = text.split()[0] if text.split() else ""
    lowered = first_word.lower()
    keep_case = len(first_word) > 1 and first_word[1].isupper()  # an acronym such as "AWS"
    if lowered.endswith("ed") or lowered in _IRREGULAR_PAST:
        sentence = f"I {text if keep_case else text[0].lower() + text[1:]}"
    elif lowered == "responsible":
        sentence = f"I was {text[0].lower() + text[1:]}"
    else:
        sentence = f"my work included {text[0].lower() + text[1:]}"
    if same_employer_as_before:
        sentence = sentence.replace("I ", "I also ", 1) if sentence.startswith("I ") else sentence
    elif achievement.employer:
        return f"At {achievement.employer}, {sentence}."
    return f"{sentence[0].upper()}{sentence[1:]}."


def _achievements_paragraph(chosen: list[Achievement]) -> str:
    """The chosen bullets grouped by employer, each employer named once."""
    by_employer: dict[str, list[Achievement]] = {}
    for achievement in chosen:
        by_employer.setdefault(achievement.employer, []).append(achievement)
    sentences = []
    for group in by_employer.values():
        sentences += [_first_person(item, same_employer_as_before=index > 0) for index, item in enumerate(group)]
    return " ".join(sentences)


def _introduction(summary: str) -> str:
    sentence = first_sentence(summary).rstrip(".")
    if not sentence:
        return ""
    if re.match(r"^(I|I'm|I am|My)\b", sentence):
        return f"{sentence}."
    article = "an" if sentence[0].lower() in "aeiou" else "a"
    return f"I am {article} {sentence[0].lower()}{sentence[1:]}."


_WORK_VERBS = frozenset(
    [
        "architect",
        "build",
        "design",
        "develop",
        "drive",
        "lead",
        "own",
        "scale",
        "create",
        "deliver",
        "ship",
        "improve",
        "define",
        "grow",
        "run",
        "manage",
        "maintain",
        "support",
        "implement",
        "optimize",
        "optimise",
        "mentor",
        "partner",
        "collaborate",
        "establish",
        "launch",
        "automate",
        "operate",
        "modernize",
        "modernise",
        "migrate",
        "analyze",
        "analyse",
        "research",
        "plan",
        "shape",
        "evolve",
    ]
)


def _closing_focus(posting: Posting, resume: Resume) -> str:
    """A short responsibility as a verb phrase ('architect and scale …'), or ''.

    Only plain work ("Build …", "Lead …") qualifies: no numbers, names or first person, and no
    skill the resume lacks — the letter would otherwise seem to claim it, or repeat a planted order.
    """
    for item in posting.responsibilities:
        words = item.split()
        if not words or len(item) > 120 or words[0].lower() not in _WORK_VERBS:
            continue
        if re.search(r"[\d$€£]|\b(I|me|my|tell|say|salary|accept)\b", item) or any(w[:1].isupper() for w in words[1:]):
            continue
        if set(find_skills(item)) <= set(resume.skills):
            return item[0].lower() + item[1:].rstrip(".")
    return ""


def _closing_word(writing_sample: str) -> str:
    """The sign-off the person uses in their own writing ('Best,', 'Cheers,'), else 'Sincerely,'."""
    for line in reversed(writing_sample.strip().splitlines()):
        if re.fullmatch(
            r"(best|best regards|kind regards|warm regards|regards|sincerely|cheers|thanks|thank you)[,!]?",
            line.strip(),
            re.IGNORECASE,
        ):
            return line.strip().rstrip(",!") + ","
    return "Sincerely,"


def draft_cover_letter(
    resume_text: str, job_description: str, company: str, role_title: str, signer: str, writing_sample: str = ""
) -> str:
    """A cover letter in markdown; every fact in it comes from the resume or the form."""
    resume = parse_resume(resume_text)
    posting = parse_posting(job_description)
    company, role_title = company.strip(), role_title.strip()

    paragraphs = [f"Dear {company} hiring team,"]
    opening = f"I am writing to apply for the {role_title} role at {company}."
    if introduction := _introduction(resume.summary):
        opening = f"{opening} {introduction}"
    paragraphs.append(opening)

    must_matched = [skill for skill in posting.must_have_skills if skill in resume.skills]
    if must_matched:
        paragraphs.append(
            f"Your posting asks for {_join(must_matched[:6])}, and each of these is part of the work "
            "described in my resume."
        )

    ranked = rank_achievements(resume, posting)
    chosen = [item.achievement for item in ranked if item.score > 0][:3]
    if chosen:
        paragraphs.append(_achievements_paragraph(chosen))

    extras = [skill for skill in posting.skills if skill in resume.skills and skill not in must_matched]
    if extras:
        paragraphs.append(f"I also bring experience with {_join(extras[:5])}, which the role mentions as well.")

    focus = _closing_focus(posting, resume)
    if focus:
        paragraphs.append(f"I would welcome a conversation about how I can help {company} {focus}.")
    else:
        paragraphs.append(f"I would welcome a conversation about the {role_title} role.")
    paragraphs.append(f"{_closing_word(writing_sample)}  \n{signer.strip() or resume.name}")
    return "\n\n".join(paragraphs) + "\n"


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


def _signals(job_description: str) -> list[str]:
    """Sentences in which the posting talks about the team, the company or how they work."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", job_description)
    found = []
    for sentence in sentences:
        sentence = sentence.strip(" -•*")
        if 30 <= len(sentence) <= 300 and _SIGNAL_WORDS.search(sentence) and sentence not in found:
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
        line += f"; not shown: {_join(evidence.missing_skills)}"
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
    lines.append(f"- In your resume: {_join(present)}" if present else "- None of the posting's keywords appear yet.")
    if missing:
        lines.append(f"- Not in your resume: {_join(missing)}")

    if signals := _signals(job_description):
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


def _relevance(text: str, posting: Posting, posting_words: set[str]) -> float:
    skills = find_skills(text)
    must = len(set(skills) & set(posting.must_have_skills))
    return 3 * must + len(set(skills) & set(posting.skills)) + 0.5 * len(content_words(text) & posting_words)


def draft_resume(resume_texts: list[str], job_description: str) -> str:
    """The first resume reordered for the posting: most relevant skills and bullets first, nothing added."""
    resume = parse_resume(resume_texts[0])
    posting = parse_posting(job_description)
    posting_words = content_words(" ".join(posting.must_have + posting.nice_to_have + posting.responsibilities))

    lines = [f"# {resume.name}"]
    if resume.contact:
        lines.append("  \n".join(resume.contact))
    order = {"summary": 0, "skills": 1, "experience": 2, "projects": 3}
    for section in sorted(resume.sections, key=lambda section: order.get(section.kind, 4)):
        lines += ["", f"## {section.title.title() if section.title.isupper() else section.title}", ""]
        if section.kind == "skills":
            relevant = [skill for skill in posting.skills if skill in resume.skills]
            if relevant:
                lines += [f"**Most relevant here:** {', '.join(relevant)}", ""]
        lines += [f"{line}  " if index < len(section.lines) - 1 else line for index, line in enumerate(section.lines)]
        for entry in section.entries:
            if entry.header:
                lines += [f"### {_strip_markup(entry.header[0])}"] + entry.header[1:] + [""]
            ranked = sorted(entry.bullets, key=lambda bullet: -_relevance(bullet, posting, posting_words))
            lines += [f"- {bullet}" for bullet in ranked] + [""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip() + "\n"


def stream_chunks(text: str, size: int = 48) -> Iterator[str]:
    """The text in pieces ending at word boundaries, as a model would stream it."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            space = text.rfind(" ", start + 1, end)
            end = space + 1 if space > start else end
        yield text[start:end]
        start = end
