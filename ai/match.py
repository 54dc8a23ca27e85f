"""An explainable resume-to-posting match score: per requirement, the resume line that shows it, or what is missing."""

import re
from dataclasses import dataclass

import numpy as np

from ai.embeddings import Embedder
from ai.evidence import years_of_experience
from ai.parsing import content_words, parse_posting, parse_resume
from ai.skills import find_skills

# Weights of the three parts of the score: requirements shown, posting skills present, overall likeness.
REQUIREMENTS_WEIGHT = 0.55
KEYWORDS_WEIGHT = 0.30
SEMANTIC_WEIGHT = 0.15
# A requirement shown only in other words counts a little less than one shown in the posting's words.
MEANING_CREDIT = 0.7
# A line counts as showing a requirement by meaning from this cosine up. Calibrated on the fixture
# resumes with the local model: true matches 0.6-0.9; below 0.6 mostly generic lines ("Helped with the
# development of software applications") that sit near any engineering requirement.
MEANING_THRESHOLD = 0.6
# Whole resume vs whole posting: with the local model every posting-resume pair lands between
# about 0.6 (a marketing resume for a backend job) and 0.85 (a close fit); this range maps to 0-1.
SEMANTIC_RANGE = (0.55, 0.9)
# Under this the posting says too little to judge a fit.
MIN_POSTING_CHARS = 300
MIN_REQUIREMENTS = 3

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class RequirementMatch:
    requirement: str
    must_have: bool
    matched_by: str  # "keywords" | "meaning" | "missing"
    evidence: str  # the resume's own line, or "missing"
    similarity: float  # cosine between the requirement and the evidence line (best line when missing)

    @property
    def met(self) -> bool:
        return self.matched_by != "missing"


@dataclass(frozen=True)
class MatchResult:
    score: int  # 0-100
    requirements: list[RequirementMatch]
    keyword_coverage: float  # share of the posting's skills the resume mentions, 0-1
    skills_missing: list[str]
    semantic_similarity: float  # cosine between the whole resume and the whole posting
    to_improve: list[str]  # what would raise the score, most valuable first
    provisional_reason: str = ""  # one line for the person saying why the score is provisional; "" when it is not

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_reason)


def _evidence_lines(resume_text: str) -> list[tuple[str, str]]:
    """(line, kind) for every resume line that can show a requirement: bullets, summary sentences, skills, the rest."""
    resume = parse_resume(resume_text)
    lines = [(achievement.text, "bullet") for achievement in resume.achievements]
    lines += [(sentence, "sentence") for sentence in _SENTENCE_END.split(resume.summary) if sentence.strip()]
    for section in resume.sections:
        if section.kind == "skills":
            lines += [(line, "skills") for line in section.lines]
        elif section.kind != "summary":
            lines += [(line, "sentence") for line in section.lines]
    return lines


def _keyword_score(requirement_skills: list[str], requirement_words: set[str], line: str, kind: str) -> float:
    """How well a line shows the requirement in the posting's own words; 0 when it does not.

    It must share one of the requirement's named skills or, when the requirement names none, two of its
    content words. A skills list shows a skill is claimed, not used: it ranks below any bullet showing it.
    """
    shared_skills = len(set(requirement_skills) & set(find_skills(line)))
    if kind == "skills":
        return 2.0 if shared_skills else 0.0
    shared_words = len(requirement_words & content_words(line))
    if shared_skills:
        return 3.0 * shared_skills + shared_words
    return float(shared_words) if not requirement_skills and shared_words >= 2 else 0.0


def _match_requirement(
    requirement: str,
    must_have: bool,
    lines: list[tuple[str, str]],
    similarities: np.ndarray,
    resume_skills: set[str],
    resume_years: int | None,
) -> RequirementMatch:
    skills = find_skills(requirement)
    words = content_words(requirement)
    best_meaning = int(np.argmax(similarities)) if len(lines) else -1
    best_similarity = float(similarities[best_meaning]) if len(lines) else 0.0

    def missing() -> RequirementMatch:
        return RequirementMatch(requirement, must_have, "missing", "missing", best_similarity)

    required_years = years_of_experience(requirement)
    if required_years is not None and resume_years is not None and resume_years < required_years:
        return missing()
    # A named skill the resume never mentions cannot be shown by a line that merely sounds alike.
    if skills and not set(skills) & resume_skills:
        return missing()

    scores = [_keyword_score(skills, words, line, kind) for line, kind in lines]
    best_keywords = max(range(len(lines)), key=lambda i: (scores[i], similarities[i]), default=-1)
    if best_keywords >= 0 and scores[best_keywords] > 0:
        line = lines[best_keywords][0]
        return RequirementMatch(requirement, must_have, "keywords", line, float(similarities[best_keywords]))
    if best_similarity >= MEANING_THRESHOLD:
        return RequirementMatch(requirement, must_have, "meaning", lines[best_meaning][0], best_similarity)
    return missing()


def match_score(resume_text: str, posting_text: str, embedder: Embedder) -> MatchResult:
    """How well the resume fits the posting, with the evidence for each requirement and what is missing."""
    posting = parse_posting(posting_text)
    resume_skills = set(find_skills(resume_text))
    lines = _evidence_lines(resume_text)
    requirements = [(text, True) for text in posting.must_have] + [(text, False) for text in posting.nice_to_have]

    # One call for every text: one request when the embedder is a remote API.
    texts = [resume_text, posting_text] + [text for text, _ in requirements] + [line for line, _ in lines]
    vectors = embedder.embed(texts)
    semantic_similarity = float(vectors[0] @ vectors[1])
    requirement_vectors = vectors[2 : 2 + len(requirements)]
    line_vectors = vectors[2 + len(requirements) :]

    resume_years = years_of_experience(resume_text)
    matches = [
        _match_requirement(text, must_have, lines, line_vectors @ vector, resume_skills, resume_years)
        for (text, must_have), vector in zip(requirements, requirement_vectors, strict=True)
    ]

    skills_present = [skill for skill in posting.skills if skill in resume_skills]
    skills_missing = [skill for skill in posting.skills if skill not in resume_skills]
    keyword_coverage = len(skills_present) / len(posting.skills) if posting.skills else 0.0

    parts = []  # (weight, value) of each part the posting gives enough to judge
    if matches:
        credit = {"keywords": 1.0, "meaning": MEANING_CREDIT, "missing": 0.0}
        weights = [2.0 if match.must_have else 1.0 for match in matches]
        earned = sum(weight * credit[match.matched_by] for weight, match in zip(weights, matches, strict=True))
        parts.append((REQUIREMENTS_WEIGHT, earned / sum(weights)))
    if posting.skills:
        parts.append((KEYWORDS_WEIGHT, keyword_coverage))
    low, high = SEMANTIC_RANGE
    parts.append((SEMANTIC_WEIGHT, min(max((semantic_similarity - low) / (high - low), 0.0), 1.0)))
    score = round(100 * sum(weight * value for weight, value in parts) / sum(weight for weight, _ in parts))

    return MatchResult(
        score=score,
        requirements=matches,
        keyword_coverage=round(keyword_coverage, 3),
        skills_missing=skills_missing,
        semantic_similarity=round(semantic_similarity, 3),
        to_improve=_to_improve(matches, posting.must_have_skills, resume_skills),
        provisional_reason=_provisional_reason(posting_text, len(requirements)),
    )


def _provisional_reason(posting_text: str, requirement_count: int) -> str:
    # A short posting is the reason to give even when it also names few requirements: it is what to fix.
    if len(posting_text.strip()) < MIN_POSTING_CHARS:
        return "Provisional: the posting is too short to judge"
    if requirement_count < MIN_REQUIREMENTS:
        return f"Provisional: the posting names fewer than {MIN_REQUIREMENTS} requirements"
    return ""


def _to_improve(matches: list[RequirementMatch], must_have_skills: list[str], resume_skills: set[str]) -> list[str]:
    """Advice that never asks to invent anything: each item applies only if it is true of the person."""
    advice = [f"Mention {skill} if you have used it." for skill in must_have_skills if skill not in resume_skills]
    advice += [
        f"Show evidence for the must-have: {match.requirement.rstrip('.')}."
        for match in matches
        if match.must_have and not match.met
    ]
    advice += [
        f"Use the posting's words for: {match.requirement} (your line matches it only in meaning)."
        for match in matches
        if match.must_have and match.matched_by == "meaning"
    ]
    advice += [
        f"If true, show the nice-to-have: {match.requirement.rstrip('.')}."
        for match in matches
        if not match.must_have and not match.met
    ]
    return advice
