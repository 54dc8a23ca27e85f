"""Pasted JSON Resume documents become the text a person would have written."""

import json

import pytest

from ai.parsing import parse_posting, parse_resume
from json_resume import TooDeeplyNested, as_job, as_resume_text
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


DEEP_OBJECT = '{"basics": {"name": "Jordan", "profiles": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}}"


@pytest.mark.parametrize("text", ['{"basics": ' + "[" * 100_000, DEEP_OBJECT])
@pytest.mark.parametrize("convert", [as_resume_text, as_job])
def test_json_nested_too_deeply_to_read_is_refused_with_a_message(convert, text):
    with pytest.raises(TooDeeplyNested, match="This JSON is nested too deeply to read"):
        convert(text)


def test_a_deep_list_that_is_no_json_object_is_left_as_text():
    assert as_resume_text("[" * 100_000) is None


def test_escaped_invisible_characters_in_json_values_are_dropped():
    pasted = json.dumps({"basics": {"name": "Jor\x00dan\ud800", "label": "Engi\x07neer"}})
    assert "\\u0000" in pasted  # json.dumps writes them as escapes, which json.loads turns back into characters
    assert as_resume_text(pasted).startswith("# Jordan\nEngineer\n")
