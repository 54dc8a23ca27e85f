"""Turning pasted JSON Resume documents (resume and job, jsonresume.org schema) into readable text."""

import json
import re

# Keys that mark a pasted JSON object as a JSON Resume resume or job, not some other JSON.
_RESUME_KEYS = {"basics", "work", "education", "skills", "projects", "volunteer"}
_JOB_KEYS = {"title", "company", "description", "responsibilities", "qualifications"}


def _load(text: str) -> dict | None:
    stripped = (text or "").strip()
    if not stripped.startswith("{"):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _items(value) -> list:
    return value if isinstance(value, list) else []


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
        for p in _items(basics.get("profiles"))
        if isinstance(p, dict)
    ]
    lines = [f"# {_text(basics.get('name')) or 'Resume'}"]
    if _text(basics.get("label")):
        lines.append(_text(basics.get("label")))
    contact = _joined(
        _text(basics.get("email")), _text(basics.get("phone")), _text(basics.get("url")), _place(basics.get("location"))
    )
    lines += [line for line in (contact, _joined(*profiles)) if line] + [""]
    if _text(basics.get("summary")):
        lines += _section("Summary", [_text(basics.get("summary"))])

    work = []
    for job in (job for job in _items(data.get("work")) if isinstance(job, dict)):
        # Employer first: a title like "CEO/President" is not always recognisable as one.
        heading = _joined(_text(job.get("name")), _text(job.get("position")), separator=" — ")
        if _place(job.get("location")):
            heading += f", {_place(job.get('location'))}"
        work += _entry(heading, _dates(job), _text(job.get("summary")), _strings(job.get("highlights")))
    lines += _section("Experience", work)

    projects = []
    for project in (project for project in _items(data.get("projects")) if isinstance(project, dict)):
        heading = _joined(_text(project.get("name")), _text(project.get("entity")), separator=" — ")
        projects += _entry(
            heading, _dates(project), _text(project.get("description")), _strings(project.get("highlights"))
        )
    lines += _section("Projects", projects)

    volunteer = []
    for role in (role for role in _items(data.get("volunteer")) if isinstance(role, dict)):
        heading = _joined(_text(role.get("organization")), _text(role.get("position")), separator=" — ")
        volunteer += _entry(heading, _dates(role), _text(role.get("summary")), _strings(role.get("highlights")))
    lines += _section("Volunteer", volunteer)

    education = []
    for school in (school for school in _items(data.get("education")) if isinstance(school, dict)):
        degree = _joined(_text(school.get("studyType")), _text(school.get("area")), separator=" in ")
        line = _joined(degree, _text(school.get("institution")), separator=" — ")
        dates = _dates(school)
        education.append(line + (f" ({dates})" if dates else ""))
        if _text(school.get("score")):
            education.append(f"Score: {_text(school.get('score'))}")
        if _strings(school.get("courses")):
            education.append(f"Courses: {', '.join(_strings(school.get('courses')))}")
    lines += _section("Education", education)

    skills = [
        _joined(_text(skill.get("name")), ", ".join(_strings(skill.get("keywords"))), separator=": ")
        for skill in _items(data.get("skills"))
        if isinstance(skill, dict)
    ]
    lines += _section("Skills", [skill for skill in skills if skill])

    awards = [
        _joined(_text(award.get("title")), _text(award.get("awarder")), _text(award.get("date")), separator=" — ")
        + (f": {_text(award.get('summary'))}" if _text(award.get("summary")) else "")
        for award in _items(data.get("awards"))
        if isinstance(award, dict)
    ]
    lines += _section("Awards", [f"- {award}" for award in awards if award])
    publications = [
        _joined(_text(item.get("name")), _text(item.get("publisher")), _text(item.get("releaseDate")), separator=" — ")
        for item in _items(data.get("publications"))
        if isinstance(item, dict)
    ]
    lines += _section("Publications", [f"- {item}" for item in publications if item])
    languages = [
        _joined(_text(item.get("language")), _text(item.get("fluency")), separator=": ")
        for item in _items(data.get("languages"))
        if isinstance(item, dict)
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
        if _strings(data.get(key)):
            lines += [heading] + [f"- {item}" for item in _strings(data.get(key))] + [""]
    skills = [
        _joined(_text(skill.get("name")), ", ".join(_strings(skill.get("keywords"))), separator=": ")
        for skill in _items(data.get("skills"))
        if isinstance(skill, dict)
    ]
    if any(skills):
        lines += ["Skills:"] + [f"- {skill}" for skill in skills if skill] + [""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def as_resume_text(text: str) -> str | None:
    """The markdown for a pasted JSON Resume resume, or None when the text is not one."""
    data = _load(text)
    return resume_markdown(data) if data is not None and _RESUME_KEYS & data.keys() else None


def as_job(text: str) -> dict | None:
    """{"company", "role_title", "job_description"} for a pasted JSON Resume job, or None when it is not one."""
    data = _load(text)
    if data is None or len(_JOB_KEYS & data.keys()) < 2:
        return None
    return {
        "company": _text(data.get("company")),
        "role_title": _text(data.get("title")),
        "job_description": job_text(data),
    }
