"""The three phases run offline, each feeding the next."""

import pytest

from ai.providers import OfflineProvider
from ai.workflow import PHASES, Inputs, MissingInput, offline_draft, stream_phase
from tests.conftest import fixture_text


def _inputs(resumes) -> Inputs:
    return Inputs(
        company="Northwind Cloud",
        role_title="Senior Backend Engineer",
        job_description=fixture_text("jd-senior-backend-engineer.txt"),
        resumes=resumes,
        signer="Jordan Ellis",
    )


def test_phases_stream_whole_documents():
    inputs = _inputs([fixture_text("resume-backend-engineer.txt")])
    for phase in PHASES:
        streamed = "".join(stream_phase(OfflineProvider(), phase, inputs))
        assert streamed == offline_draft(phase, inputs)
        inputs.documents[phase] = streamed
    assert inputs.documents["cover_letter"].startswith("Dear Northwind Cloud hiring team,")


def test_no_resume_says_where_to_fix_it():
    with pytest.raises(MissingInput) as missing:
        list(stream_phase(OfflineProvider(), "research", _inputs([])))
    assert missing.value.link == "/resumes"
