"""The offline drafter: real, grounded drafts built only from the person's resume and the posting."""

import re
from dataclasses import dataclass

from ai.parsing import Achievement, Posting, Resume, content_words, first_sentence, parse_posting, parse_resume
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


def _closing_focus(posting: Posting, resume: Resume) -> str:
    """A short responsibility as a verb phrase ('architect and scale …'), or ''.

    One naming a skill the resume lacks is passed over: the letter would seem to claim it.
    """
    for item in posting.responsibilities:
        words = item.split()
        if not words or len(item) > 120 or not set(find_skills(item)) <= set(resume.skills):
            continue
        if words[0][0].isupper() and not words[0].lower().endswith(("s", "ing")):
            return item[0].lower() + item[1:].rstrip(".")
    return ""


def draft_cover_letter(resume_text: str, job_description: str, company: str, role_title: str, signer: str) -> str:
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
    paragraphs.append(f"Sincerely,  \n{signer.strip() or resume.name}")
    return "\n\n".join(paragraphs) + "\n"
