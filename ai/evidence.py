"""Finding the lines of a resume that show a posting's requirement is met."""

import re
from dataclasses import dataclass, field

from ai.parsing import Resume, content_words, split_sentences
from ai.skills import find_skills

_YEARS = re.compile(r"(\d{1,2})\+?\s*(?:years|yrs)\b", re.IGNORECASE)
MIN_EVIDENCE_SCORE = 2.0


@dataclass
class Evidence:
    requirement: str
    line: str = ""  # the resume's own words; empty when nothing was found
    employer: str = ""
    kind: str = ""  # bullet | summary | skills
    missing_skills: list[str] = field(default_factory=list)  # requirement skills absent from the whole resume
    score: float = 0.0

    @property
    def found(self) -> bool:
        return bool(self.line)


def _candidate_lines(resume: Resume) -> list[tuple[str, str, str]]:
    """(line, employer, kind) for every bullet, summary sentence and skills line."""
    candidates = [(achievement.text, achievement.employer, "bullet") for achievement in resume.achievements]
    candidates += [(sentence, "", "summary") for sentence in split_sentences(resume.summary)]
    for section in resume.sections:
        if section.kind in ("skills", "other"):
            candidates += [(line, "", "skills") for line in section.lines]
    return candidates


def years_of_experience(text: str) -> int | None:
    """The largest 'N years' a text states, or None."""
    found = [int(match.group(1)) for match in _YEARS.finditer(text)]
    return max(found) if found else None


def find_evidence(requirement: str, resume: Resume) -> Evidence:
    """The resume line that best shows `requirement`, scored on shared skills and words."""
    wanted_skills = find_skills(requirement)
    wanted_words = content_words(requirement)
    evidence = Evidence(requirement, missing_skills=[skill for skill in wanted_skills if skill not in resume.skills])

    required_years = years_of_experience(requirement)
    if required_years is not None:
        # "8 years in marketing" is no evidence for "7+ years of backend engineering": the field must match too.
        field_words = wanted_words - {"years", "yrs", "experience", "professional"}
        for sentence in split_sentences(resume.summary):
            stated = years_of_experience(sentence)
            if stated is not None and stated >= required_years and field_words & content_words(sentence):
                evidence.line, evidence.kind, evidence.score = sentence.rstrip(".") + ".", "summary", 3.0
                return evidence

    best_score, best = 0.0, None
    for line, employer, kind in _candidate_lines(resume):
        line_skills = [skill for skill in find_skills(line) if skill in wanted_skills]
        if kind == "skills":
            # A skills list proves a skill is claimed, not what was done with it: rank it below bullets.
            score = 2.5 * len(line_skills)
            line = f"Listed in your skills: {', '.join(line_skills)}"
        else:
            score = 3 * len(line_skills) + len(wanted_words & content_words(line))
        if score > best_score:
            best_score, best = score, (line, employer, kind)
    if best is not None and best_score >= MIN_EVIDENCE_SCORE:
        evidence.line, evidence.employer, evidence.kind = best
        evidence.score = best_score
    return evidence
