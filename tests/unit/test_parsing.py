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


def _employers(experience: str) -> list[tuple[str, str]]:
    resume = parse_resume(f"Sam Lee\n\nEXPERIENCE\n{experience}")
    return [(achievement.employer, achievement.text) for achievement in resume.achievements]


def test_a_date_is_never_an_employer():
    company_then_title = "Acme Corp — San Francisco, CA\nSenior Software Engineer | 2019 – Present\n- Built a queue\n"
    assert _employers(company_then_title) == [("Acme Corp", "Built a queue")]
    dates_first = "2019 – Present — Acme Corp\nPlatform Engineer\n- Built a queue\n"
    assert _employers(dates_first) == [("Acme Corp", "Built a queue")]
    title_then_company = "Software Engineer — Lead Generation Co, Austin (2019 – Present)\n- Built a queue\n"
    assert _employers(title_then_company) == [("Lead Generation Co", "Built a queue")]


def test_title_company_and_dates_on_three_lines():
    assert _employers("Senior Software Engineer\nAcme Corp\nJan 2019 - Present\n- Built a queue\n") == [
        ("Acme Corp", "Built a queue")
    ]
    # Only dates beside the title: no employer rather than "Jan 2019".
    assert _employers("Senior Software Engineer\nJan 2019 - Present\n- Built a queue\n") == [("", "Built a queue")]


def test_a_second_job_does_not_inherit_the_first_employer():
    experience = (
        "Backend Developer — Globex (2019 – 2022)\n- Built a queue\n"
        "Initech\nSoftware Engineer 2016-2019\n- Implemented rate limiting\n"
        "Staff Engineer 2014-2016\n- Wrote the billing engine\n"
    )
    assert _employers(experience) == [
        ("Globex", "Built a queue"),
        ("Initech", "Implemented rate limiting"),
        ("", "Wrote the billing engine"),
    ]


def test_sentences_do_not_end_at_abbreviations():
    from ai.parsing import first_sentence, split_sentences

    assert first_sentence("Sr. Software Engineer at Acme Inc. with 10 years. I like Go.") == (
        "Sr. Software Engineer at Acme Inc. with 10 years."
    )
    assert split_sentences("Engineer, e.g. Payments work. Next one.") == ["Engineer, e.g. Payments work.", "Next one."]


def test_optional_items_and_statements_are_not_requirements():
    posting = parse_posting(
        "Requirements: 3+ years of SQL; experience with Figma is a plus. Technical background appreciated but not "
        "required — you will not write code. You will own the roadmap for billing.\n"
    )
    assert posting.must_have == ["3+ years of SQL"]
    assert posting.nice_to_have == ["experience with Figma is a plus"]
    assert posting.responsibilities == ["You will own the roadmap for billing"]


def test_benefits_are_ignored_and_short_headings_are_recognised():
    posting = parse_posting(
        "Backend Engineer at Globex\n\nWhat you'll bring\n- Strong Go skills\n\nWho you are\n- You write clear docs\n\n"
        "Bonus points\n- Terraform\n\nCompensation, bonus and equity\n- Competitive salary plus annual bonus\n\n"
        "What you'll get\n- Unlimited PTO\n\nWhat you'll do\n- Build Go services\n"
    )
    assert posting.must_have == ["Strong Go skills", "You write clear docs"]
    assert posting.nice_to_have == ["Terraform"]
    assert posting.responsibilities == ["Build Go services"]
