"""Reading resumes and postings."""

from ai.parsing import parse_posting, parse_resume
from ai.skills import find_skills
from tests.conftest import fixture_text


def test_skills_respect_case_for_ordinary_words():
    assert find_skills("Strong Go and REST experience") == ["Go", "REST APIs"]
    assert find_skills("Let's go and rest after we ship") == []
    assert "Java" not in find_skills("JavaScript and TypeScript")


def test_plain_text_resume():
    resume = parse_resume(fixture_text("resume-backend-engineer.txt"))
    assert resume.name == "Jordan Ellis"
    assert resume.summary.startswith("Senior software engineer with 9 years")
    employers = [achievement.employer for achievement in resume.achievements]
    assert employers[0] == "Meridian Technologies"
    assert "Stackline Inc." in employers and "Luminary Digital" in employers
    assert {"Go", "Kubernetes", "PostgreSQL", "Kafka"} <= set(resume.skills)


def test_markdown_resume():
    resume = parse_resume(fixture_text("resume-markdown-example.md"))
    assert resume.name == "Alex Chen"
    assert resume.achievements[0].employer == "TechFin Corp"
    assert not any("Computer Science" in achievement.text for achievement in resume.achievements)


def test_posting_with_headed_sections():
    posting = parse_posting(fixture_text("jd-senior-backend-engineer.txt"))
    assert len(posting.must_have) == 7
    assert posting.must_have[1] == "Strong proficiency in Go for production services"
    assert "gRPC and event streaming (Kafka)" in posting.nice_to_have
    assert posting.responsibilities[0] == "Architect and scale distributed backend services"
    assert "Kafka" not in posting.must_have_skills
    assert {"Go", "Kubernetes", "AWS", "PostgreSQL"} <= set(posting.must_have_skills)


def test_posting_in_prose_splits_requirements_on_semicolons():
    posting = parse_posting(fixture_text("jd-backend-engineer.txt"))
    assert posting.must_have[0] == "4+ years of professional Python experience"
    assert "deep knowledge of async programming with asyncio" in posting.must_have
