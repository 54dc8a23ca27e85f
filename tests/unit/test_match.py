"""The explainable match score, with the local embedding model on the fixture resumes and postings."""

import pytest

from ai.embeddings import LocalEmbedder
from ai.match import match_score
from tests.conftest import fixture_text


@pytest.fixture(scope="module")
def embedder():
    return LocalEmbedder()


@pytest.fixture(scope="module")
def senior_backend():
    return fixture_text("jd-senior-backend-engineer.txt")


def test_backend_resume_scores_far_above_the_marketing_resume(embedder, senior_backend):
    backend = match_score(fixture_text("resume-backend-engineer.txt"), senior_backend, embedder)
    marketing = match_score(fixture_text("resume-marketing-mismatch.txt"), senior_backend, embedder)
    assert 0 <= marketing.score < 30 < 70 < backend.score <= 100
    assert backend.keyword_coverage > 0.7 > 0.1 > marketing.keyword_coverage
    assert backend.semantic_similarity > marketing.semantic_similarity
    assert not backend.provisional and not marketing.provisional
    assert backend.provisional_reason == marketing.provisional_reason == ""


def test_each_requirement_has_its_evidence_line_or_is_missing(embedder, senior_backend):
    resume = fixture_text("resume-backend-engineer.txt")
    result = match_score(resume, senior_backend, embedder)
    met = [match for match in result.requirements if match.met]
    assert len(met) >= 3
    assert all(match.evidence in resume for match in met)  # the resume's own words, never rewritten
    by_requirement = {match.requirement: match for match in result.requirements}
    observability = by_requirement["Experience with observability tooling (Prometheus, Grafana, OpenTelemetry)"]
    assert observability.matched_by == "keywords"
    assert observability.evidence.startswith("Designed observability platform")
    assert {match.must_have for match in result.requirements} == {True, False}


def test_a_matching_meaning_counts_when_the_words_differ(embedder, senior_backend):
    result = match_score(fixture_text("resume-backend-engineer.txt"), senior_backend, embedder)
    years = next(match for match in result.requirements if match.requirement.startswith("7+ years"))
    assert years.matched_by == "meaning"
    assert "9 years of experience" in years.evidence


def test_missing_requirements_and_what_would_raise_the_score(embedder, senior_backend):
    result = match_score(fixture_text("resume-marketing-mismatch.txt"), senior_backend, embedder)
    must_haves = [match for match in result.requirements if match.must_have]
    assert all(match.matched_by == "missing" and match.evidence == "missing" for match in must_haves)
    assert "Go" in result.skills_missing and "Kubernetes" in result.skills_missing
    assert "Mention Go if you have used it." in result.to_improve
    assert any(
        item.startswith("Show evidence for the must-have: Strong proficiency in Go") for item in result.to_improve
    )


def test_a_short_posting_gives_a_provisional_score(embedder):
    result = match_score(fixture_text("resume-backend-engineer.txt"), "Backend engineer. Go and Kubernetes.", embedder)
    assert result.provisional
    assert result.provisional_reason == "Provisional: the posting is too short to judge"
    assert 0 <= result.score <= 100


def test_a_long_posting_with_two_requirements_says_so_not_that_it_is_short(embedder):
    posting = (
        "Northwind Cloud builds the billing platform that thousands of small businesses rely on every month."
        " Our team is small, senior and friendly, and we ship to production several times a day. You will own"
        " services end to end, from design through on-call, and work closely with product and support to make"
        " invoicing boring and reliable for our customers.\n\n"
        "Requirements:\n"
        "- 5+ years building backend services in Python\n"
        "- Experience operating PostgreSQL in production\n"
    )
    result = match_score(fixture_text("resume-backend-engineer.txt"), posting, embedder)
    assert len(posting) > 300 and len(result.requirements) == 2
    assert result.provisional
    assert result.provisional_reason == "Provisional: the posting names fewer than 3 requirements"


def test_same_inputs_same_result(embedder, senior_backend):
    resume = fixture_text("resume-strong-senior.txt")
    assert match_score(resume, senior_backend, embedder) == match_score(resume, senior_backend, embedder)
