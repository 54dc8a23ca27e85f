"""The offline drafter writes grounded cover letters."""

import pytest

from ai.offline import draft_cover_letter
from ai.skills import find_skills
from tests.conftest import FIXTURE_POSTINGS, FIXTURE_RESUMES, fixture_text


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


@pytest.mark.parametrize("resume", FIXTURE_RESUMES)
@pytest.mark.parametrize("posting", FIXTURE_POSTINGS)
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


def test_research_report_covers_requirements_with_evidence_and_gaps():
    from ai.offline import draft_research

    report = draft_research(
        [fixture_text("resume-backend-engineer.txt")],
        fixture_text("jd-senior-backend-engineer.txt"),
        "Northwind Cloud",
        "Senior Backend Engineer",
    )
    assert report.startswith("# Research: Senior Backend Engineer at Northwind Cloud")
    assert "**Seniority:** senior; the posting asks for 7+ years; your resume states 9 years." in report
    assert "**Covered:** Strong proficiency in Go for production services" in report
    assert "Rebuilt search indexing pipeline in Go" in report
    gaps = report.split("## Gaps", 1)[1].split("##", 1)[0]
    assert "caching" in gaps
    assert "## Questions to prepare" in report and "## Team and company" in report


def test_mismatched_resume_research_shows_gaps():
    from ai.offline import draft_research

    report = draft_research(
        [fixture_text("resume-marketing-mismatch.txt")],
        fixture_text("jd-senior-backend-engineer.txt"),
        "Northwind Cloud",
        "Senior Backend Engineer",
    )
    assert report.count("**Gap:**") >= 4


def test_optimized_resume_keeps_every_bullet_and_adds_none():
    from ai.offline import draft_resume
    from ai.parsing import parse_resume

    source = fixture_text("resume-strong-senior.txt")
    optimized = draft_resume([source], fixture_text("jd-senior-backend-engineer.txt"))
    before = sorted(a.text for a in parse_resume(source).achievements)
    after = sorted(a.text for a in parse_resume(optimized).achievements)
    assert after == before
    first_job_bullets = optimized.split("### ", 2)[1]
    assert first_job_bullets.index("observability") < first_job_bullets.index("Led technical interviews")


def test_letter_from_the_optimized_resume_names_the_employers():
    from ai.offline import draft_resume

    optimized = draft_resume(
        [fixture_text("resume-backend-engineer.txt")], fixture_text("jd-senior-backend-engineer.txt")
    )
    letter = draft_cover_letter(
        optimized, fixture_text("jd-senior-backend-engineer.txt"), "Northwind Cloud", "Senior Backend Engineer", "J E"
    )
    assert "At Meridian Technologies, I" in letter
    assert "At Staff" not in letter


def test_writing_sample_sets_the_sign_off():
    letter = draft_cover_letter(
        fixture_text("resume-standard.txt"),
        fixture_text("jd-frontend-engineer.txt"),
        "Acme",
        "Engineer",
        "Priya",
        writing_sample="Hi team,\n\nThanks for the chat today.\n\nCheers,\nPriya",
    )
    assert "Cheers,  \nPriya" in letter


def test_years_in_another_field_are_no_evidence():
    from ai.evidence import find_evidence
    from ai.parsing import parse_resume

    marketing = parse_resume(fixture_text("resume-marketing-mismatch.txt"))
    assert not find_evidence("7+ years of backend software engineering experience", marketing).found
    backend = parse_resume(fixture_text("resume-backend-engineer.txt"))
    assert "9 years" in find_evidence("7+ years of backend software engineering experience", backend).line


@pytest.mark.parametrize(
    ("bullet", "sentence"),
    [
        ("Built a job queue in Go", "At Acme, I built a job queue in Go."),
        ("Mentored 4 engineers", "At Acme, I mentored 4 engineers."),
        ("Lead a team of 5 engineers", "At Acme, I lead a team of 5 engineers."),
        ("Manages AWS infrastructure for 40 services", "At Acme, I manage AWS infrastructure for 40 services."),
        ("Successfully launched the mobile app", "At Acme, I launched the mobile app."),
        ("I built the app", "At Acme, I built the app."),
        ("AWS cost reduction of 30%", "At Acme, I worked on AWS cost reduction of 30%."),
        (
            "LLM Eval Toolkit (Open Source) — Evaluation framework for LLMs",
            "At Acme, I worked on LLM Eval Toolkit (Open Source): evaluation framework for LLMs.",
        ),
        ("Sole engineer on the checkout rewrite", ""),
        ("Lead engineer on payments", ""),
        ("Owner of the on-call rotation", ""),
    ],
)
def test_bullets_become_first_person_sentences(bullet, sentence):
    from ai.offline.cover_letter import _first_person
    from ai.parsing import Achievement

    assert _first_person(Achievement(bullet, "Acme"), same_employer_as_before=False) == sentence


@pytest.mark.parametrize(
    ("summary", "introduction"),
    [
        (
            "Senior software engineer with 9 years in fintech.",
            "I am a senior software engineer with 9 years in fintech.",
        ),
        ("Sr. Software Engineer with 10 years in fintech.", "I am a Sr. Software Engineer with 10 years in fintech."),
        ("Product Manager at Acme with 6 years.", "I am a Product Manager at Acme with 6 years."),
        ("AWS-certified engineer with 5 years.", "I am an AWS-certified engineer with 5 years."),
        ("Engineer with 5 years.", "I am an engineer with 5 years."),
        ("Passionate about developer experience.", ""),
        ("Over 10 years of experience building web apps.", ""),
        ("Jordan is a senior engineer with 9 years.", ""),
        ("Software engineers who love data.", ""),
    ],
)
def test_introduction_only_from_a_title(summary, introduction):
    from ai.offline.cover_letter import _introduction

    assert _introduction(summary) == introduction


_SKILLS_RESUME = """Sam Lee

EXPERIENCE
Engineer — Acme (2019 – Present)
- Built reporting pipelines in Go on Kubernetes

SKILLS
Go, Kubernetes, SQL, Python
"""


def test_asked_skills_sentence_is_singular_for_one_and_says_where_each_is_shown():
    one = draft_cover_letter(_SKILLS_RESUME, "Requirements: strong SQL.\n", "Acme", "Engineer", "Sam")
    assert "Your posting asks for SQL, which is listed in my skills." in one
    both = draft_cover_letter(_SKILLS_RESUME, "Requirements: Go; Kubernetes; SQL.\n", "Acme", "Engineer", "Sam")
    assert (
        "Your posting asks for Go and Kubernetes, and each of these is part of the work described in my experience; "
        "SQL is listed in my skills." in both
    )


def test_team_sentences_are_whole_and_not_taken_from_requirements():
    from ai.offline import draft_research

    posting = (
        "We are a small team building payments software for customers in\n"
        "twelve countries, and we work remotely.\n\n"
        "Requirements: experience working with our team on call; strong SQL.\n\n"
        "Responsibilities\n- Collaborate with the team on the billing roadmap\n"
    )
    report = draft_research([_SKILLS_RESUME], posting, "Acme", "Engineer")
    team = report.split("## Team and company", 1)[1].split("##", 1)[0]
    expected = "We are a small team building payments software for customers in twelve countries, and we work remotely."
    assert f"- “{expected}”" in team
    assert "on call" not in team and "billing roadmap" not in team
