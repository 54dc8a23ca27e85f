"""Turning pasted JSON Resume documents (resume and job, jsonresume.org schema) into readable text."""

import json
import re

from validators import drop_invisible

# Keys that mark a pasted JSON object as a JSON Resume resume or job, not some other JSON.
_RESUME_KEYS = {"basics", "work", "education", "skills", "projects", "volunteer"}
_JOB_KEYS = {"title", "company", "description", "responsibilities", "qualifications"}


class TooDeeplyNested(ValueError):
    """Pasted JSON nested deeper than the parser follows; its message is for the person."""

    def __init__(self):
        super().__init__("This JSON is nested too deeply to read. Paste the resume or posting as plain text instead.")


def _load(text: str) -> dict | None:
    stripped = (text or "").strip()
    if not stripped.startswith("{"):
        return None
    try:
        data = json.loads(stripped)
    except RecursionError as exc:
        raise TooDeeplyNested from exc
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _text(value) -> str:
    # JSON escapes such as \u0000 decode to the invisible characters a pasted text loses: these go too.
    return drop_invisible(value).strip() if isinstance(value, str) else ""


def _items(value) -> list:
    return value if isinstance(value, list) else []


def _objects(value) -> list[dict]:
    """The JSON objects of a list (entries of another kind are skipped)."""
    return [item for item in _items(value) if isinstance(item, dict)]


def _skill_lines(data: dict) -> list[str]:
    """'Web Development: HTML, CSS' for each skill group of a resume or a job."""
    lines = [
        _joined(_text(skill.get("name")), ", ".join(_strings(skill.get("keywords"))), separator=": ")
        for skill in _objects(data.get("skills"))
    ]
    return [line for line in lines if line]


def _strings(value) -> list[str]:
    return [text for text in (_text(item) for item in _items(value)) if text]


def _dates(entry: dict, start_key: str = "startDate", end_key: str = "endDate") -> str:
    start, end = _text(entry.get(start_key)), _text(entry.get(end_key))
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"{start} – Present"
    return end


def _joined(*parts: str, separator: str = " | ") -> str:
    return separator.join(part for part in parts if part)


def _place(location) -> str:
    if not isinstance(location, dict):
        return _text(location)
    return ", ".join(part for part in (_text(location.get(key)) for key in ("city", "region", "countryCode")) if part)


def _entry(heading: str, dates: str, summary: str, highlights: list[str]) -> list[str]:
    lines = [f"### {heading}" + (f" ({dates})" if dates else "")]
    if summary:
        lines.append(summary)
    lines += [f"- {highlight}" for highlight in highlights]
    return lines + [""]


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"## {title}", "", *lines, ""] if lines else []


def resume_markdown(data: dict) -> str:
    """A JSON Resume as the markdown resume a person would write: every fact kept, nothing added."""
    basics = data.get("basics") if isinstance(data.get("basics"), dict) else {}
    profiles = [
        _joined(_text(p.get("network")), _text(p.get("url")) or _text(p.get("username")), separator=": ")
        for p in _objects(basics.get("profiles"))
    ]
    lines = [f"# {_text(basics.get('name')) or 'Resume'}"]
    if label := _text(basics.get("label")):
        lines.append(label)
    contact = _joined(
        _text(basics.get("email")), _text(basics.get("phone")), _text(basics.get("url")), _place(basics.get("location"))
    )
    lines += [line for line in (contact, _joined(*profiles)) if line] + [""]
    if summary := _text(basics.get("summary")):
        lines += _section("Summary", [summary])

    # Employer first in job headings: a title like "CEO/President" is not always recognisable as one.
    for title, key, heading_keys, summary_key, located in (
        ("Experience", "work", ("name", "position"), "summary", True),
        ("Projects", "projects", ("name", "entity"), "description", False),
        ("Volunteer", "volunteer", ("organization", "position"), "summary", False),
    ):
        entries = []
        for item in _objects(data.get(key)):
            heading = _joined(*(_text(item.get(part)) for part in heading_keys), separator=" — ")
            if located and (place := _place(item.get("location"))):
                heading += f", {place}"
            entries += _entry(heading, _dates(item), _text(item.get(summary_key)), _strings(item.get("highlights")))
        lines += _section(title, entries)

    education = []
    for school in _objects(data.get("education")):
        degree = _joined(_text(school.get("studyType")), _text(school.get("area")), separator=" in ")
        line = _joined(degree, _text(school.get("institution")), separator=" — ")
        dates = _dates(school)
        education.append(line + (f" ({dates})" if dates else ""))
        if score := _text(school.get("score")):
            education.append(f"Score: {score}")
        if courses := _strings(school.get("courses")):
            education.append(f"Courses: {', '.join(courses)}")
    lines += _section("Education", education)

    lines += _section("Skills", _skill_lines(data))

    awards = [
        _joined(_text(award.get("title")), _text(award.get("awarder")), _text(award.get("date")), separator=" — ")
        + (f": {_text(award.get('summary'))}" if _text(award.get("summary")) else "")
        for award in _objects(data.get("awards"))
    ]
    lines += _section("Awards", [f"- {award}" for award in awards if award])
    publications = [
        _joined(_text(item.get("name")), _text(item.get("publisher")), _text(item.get("releaseDate")), separator=" — ")
        for item in _objects(data.get("publications"))
    ]
    lines += _section("Publications", [f"- {item}" for item in publications if item])
    languages = [
        _joined(_text(item.get("language")), _text(item.get("fluency")), separator=": ")
        for item in _objects(data.get("languages"))
    ]
    lines += _section(
        "Languages", [", ".join(language for language in languages if language)] if any(languages) else []
    )
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def job_text(data: dict) -> str:
    """A JSON Resume job as the plain-text posting a person would paste."""
    lines = [_joined(_text(data.get("title")), _text(data.get("company")), separator=" — ")]
    lines.append(
        _joined(
            _text(data.get("type")),
            _text(data.get("remote")),
            _place(data.get("location")),
            _text(data.get("experience")),
            separator=" · ",
        )
    )
    if _text(data.get("salary")):
        lines.append(f"Salary: {_text(data.get('salary'))}")
    lines.append("")
    if _text(data.get("description")):
        lines += [_text(data.get("description")), ""]
    for heading, key in (("Responsibilities:", "responsibilities"), ("Requirements:", "qualifications")):
        if items := _strings(data.get(key)):
            lines += [heading] + [f"- {item}" for item in items] + [""]
    if skills := _skill_lines(data):
        lines += ["Skills:"] + [f"- {skill}" for skill in skills] + [""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def as_resume_text(text: str) -> str | None:
    """The markdown for a pasted JSON Resume resume, or None when the text is not one.

    Raises TooDeeplyNested for JSON too deep to read."""
    data = _load(text)
    return resume_markdown(data) if data is not None and _RESUME_KEYS & data.keys() else None


def as_job(text: str) -> dict | None:
    """{"company", "role_title", "job_description"} for a pasted JSON Resume job, or None when it is not one.

    Raises TooDeeplyNested for JSON too deep to read."""
    data = _load(text)
    if data is None or len(_JOB_KEYS & data.keys()) < 2:
        return None
    return {
        "company": _text(data.get("company")),
        "role_title": _text(data.get("title")),
        "job_description": job_text(data),
    }
