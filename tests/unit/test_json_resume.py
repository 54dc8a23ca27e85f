"""Pasted JSON Resume documents become the text a person would have written."""

import json

import pytest

from ai.parsing import parse_posting, parse_resume
from json_resume import as_job, as_resume_text
from tests.conftest import fixture_text


def test_json_resume_sample_becomes_a_markdown_resume_with_every_fact():
    text = as_resume_text(fixture_text("resume-jsonresume-sample.json"))
    assert text.startswith("# Richard Hendriks\nProgrammer\n")
    for fact in (
        "Pied Piper",
        "2013-12-01 – 2014-12-01",
        "Successfully won Techcrunch Disrupt",
        "Miss Direction",
        "University of Oklahoma",
        "Web Development: HTML, CSS, Javascript",
        "English: Native speaker",
    ):
        assert fact in text
    assert "{" not in text and '"' not in text.replace("“length-limited”", "")


def test_the_resume_text_parses_with_employers_and_skills():
    resume = parse_resume(as_resume_text(fixture_text("resume-jsonresume-sample.json")))
    assert {achievement.employer for achievement in resume.achievements} == {"Pied Piper", ""}
    assert resume.summary.startswith("Richard hails from Tulsa.")
    assert {"JavaScript", "HTML", "CSS"} <= set(resume.skills)


def test_json_job_sample_becomes_a_posting_with_requirements():
    job = as_job(fixture_text("jd-jsonresume-sample.json"))
    assert (job["company"], job["role_title"]) == ("Microsoft", "Web Developer")
    posting = parse_posting(job["job_description"])
    assert "3+ years of experience in web development" in posting.must_have
    assert "Develop and maintain web applications" in posting.responsibilities
    assert "Salary" not in " ".join(posting.must_have)


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Ellis\nSenior engineer with 9 years of experience.",
        "{not json at all",
        json.dumps(["a", "list"]),
        json.dumps({"some": "other json"}),
    ],
)
def test_other_text_is_left_alone(text):
    assert as_resume_text(text) is None
    assert as_job(text) is None


def test_partial_and_odd_values_are_skipped_not_crashed():
    text = as_resume_text(json.dumps({"basics": {"name": 7, "label": "Engineer"}, "work": [None, {"name": "Acme"}]}))
    assert text.startswith("# Resume\nEngineer")
    assert "### Acme" in text
