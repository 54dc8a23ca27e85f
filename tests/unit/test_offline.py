"""The offline drafter writes grounded cover letters."""

import pytest

from ai.offline import draft_cover_letter
from ai.skills import find_skills
from tests.conftest import fixture_text

RESUMES = [
    "resume-backend-engineer.txt",
    "resume-marketing-mismatch.txt",
    "resume-standard.txt",
    "resume-strong-senior.txt",
    "resume-weak-sparse.txt",
    "resume-markdown-example.md",
]
POSTINGS = [
    "jd-senior-backend-engineer.txt",
    "jd-backend-engineer.txt",
    "jd-frontend-engineer.txt",
    "jd-product-manager.txt",
]


def _letter(resume: str, posting: str, company="Northwind Cloud", role="Senior Backend Engineer") -> str:
    return draft_cover_letter(fixture_text(resume), fixture_text(posting), company, role, "Jordan Ellis")


def test_backend_letter_names_company_role_and_shared_skills():
    letter = _letter("resume-backend-engineer.txt", "jd-senior-backend-engineer.txt")
    assert "Northwind Cloud" in letter
    assert "Senior Backend Engineer" in letter
    mentioned = set(find_skills(letter))
    assert {"Go", "Kubernetes", "AWS", "Prometheus"} <= mentioned
    assert "Meridian Technologies" in letter
    assert letter.rstrip().endswith("Jordan Ellis")


def test_backend_letter_mentions_no_skill_the_resume_lacks():
    resume_skills = set(find_skills(fixture_text("resume-backend-engineer.txt")))
    letter = _letter("resume-backend-engineer.txt", "jd-senior-backend-engineer.txt")
    body = letter.replace("Senior Backend Engineer", "").replace("Northwind Cloud", "")
    invented = set(find_skills(body)) - resume_skills
    # The posting asks for caching, which this resume never mentions: it must not appear.
    assert "caching" in find_skills(fixture_text("jd-senior-backend-engineer.txt"))
    assert invented == set()


@pytest.mark.parametrize("resume", RESUMES)
@pytest.mark.parametrize("posting", POSTINGS)
def test_every_fixture_pair_is_grounded(resume, posting):
    letter = _letter(resume, posting, company="Acme", role="Engineer")
    body = letter.replace("Acme", "").replace("Engineer", "")
    resume_skills = set(find_skills(fixture_text(resume)))
    assert set(find_skills(body)) <= resume_skills
    assert letter.startswith("Dear Acme hiring team,")


def test_mismatched_resume_does_not_claim_the_postings_skills():
    letter = _letter("resume-marketing-mismatch.txt", "jd-senior-backend-engineer.txt")
    assert "Kubernetes" not in letter
    assert "Your posting asks for" not in letter


def test_letter_is_deterministic():
    first = _letter("resume-standard.txt", "jd-frontend-engineer.txt")
    assert first == _letter("resume-standard.txt", "jd-frontend-engineer.txt")
