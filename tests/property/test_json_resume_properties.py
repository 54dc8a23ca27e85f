"""json_resume.py on any JSON value or text: markdown or None, TooDeeplyNested past its depth, nothing else."""

import json
import re

from hypothesis import example, given
from hypothesis import strategies as st

from json_resume import TooDeeplyNested, as_job, as_resume_text
from tests.property import strategies
from tests.property.strategies import any_text

# The schema's own keys, so that generated objects often look like a resume or a job and reach the converter.
KEYS = [
    *("basics", "work", "education", "skills", "projects", "volunteer", "awards", "publications", "languages"),
    *("name", "label", "email", "phone", "url", "summary", "location", "profiles", "network", "username"),
    *("city", "region", "countryCode", "position", "startDate", "endDate", "highlights", "description"),
    *("entity", "organization", "studyType", "area", "institution", "score", "courses", "keywords"),
    *("title", "awarder", "date", "publisher", "releaseDate", "language", "fluency"),
    *("company", "type", "remote", "experience", "salary", "responsibilities", "qualifications"),
]
json_values = strategies.json_values(KEYS)
resume_like = st.dictionaries(st.sampled_from(KEYS), json_values, min_size=1, max_size=10)
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _converted(text: str) -> list:
    """Both conversions; each is markdown, None, or the documented refusal."""
    results = []
    for convert in (as_resume_text, as_job):
        try:
            results.append(convert(text))
        except TooDeeplyNested as error:
            assert str(error).strip()
            results.append(error)
    return results


@given(st.one_of(json_values, resume_like), st.booleans())
@example({"basics": "\ud800", "work": [{"name": "\x00Acme"}]}, False)
@example({"title": 1e308, "company": float("nan")}, True)
def test_any_json_value_becomes_text_without_invisible_characters_or_none(value, ascii_only):
    resume, job = _converted(json.dumps(value, ensure_ascii=ascii_only, allow_nan=True))
    assert resume is None or (isinstance(resume, str) and not _UNSTORABLE.search(resume))
    if isinstance(value, dict) and value.keys() & {"basics", "work", "education", "skills", "projects", "volunteer"}:
        assert resume.startswith("# ")
    assert job is None or all(isinstance(text, str) and not _UNSTORABLE.search(text) for text in job.values())


@given(any_text)
@example("{")
@example('{"basics": ' + "[" * 50_000)
def test_any_text_is_converted_refused_or_left_alone(text):
    _converted(text)


@given(st.integers(5_000, 200_000), st.sampled_from(["[", '{"a":']))
def test_json_nested_past_the_parsers_depth_is_too_deeply_nested(depth, opener):
    closer = "]" if opener == "[" else "}"
    text = '{"basics": ' + opener * depth + "1" + closer * depth + "}"
    assert [type(result) for result in _converted(text)] == [TooDeeplyNested, TooDeeplyNested]
