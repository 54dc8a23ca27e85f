"""A deterministic check that a generated document claims nothing the source resumes do not contain."""

import re
from dataclasses import dataclass

from ai.parsing import _ENTRY_SEPARATORS, _strip_markup, is_date, is_job_title, parse_resume
from ai.skills import find_skills

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
_LIST_MARKER = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)
_ORGANISATION = re.compile(r"(?i:\b(?:at|joined))[ ]+([A-Z][\w&'.-]*(?:[ ]+[A-Z][\w&'.-]*){0,3})")


@dataclass(frozen=True)
class Flag:
    kind: str  # employer | title | date | number | skill
    value: str

    @property
    def message(self) -> str:
        what = {"employer": "Employer", "title": "Job title", "date": "Year", "number": "Number", "skill": "Skill"}
        return f"{what[self.kind]} “{self.value}” is not in your resumes."


def _numbers(text: str) -> set[str]:
    """Numeric values as written without thousands separators: '$1,200' → '1200', '99.97%' → '99.97'."""
    text = _LIST_MARKER.sub("", text)
    values = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(0)
        values.add(raw.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw) else raw)
    return values


def _job_header_names(text: str) -> list[tuple[str, str]]:
    """(kind, name) for every employer or title named in the job headers of a resume-shaped text."""
    found = []
    for section in parse_resume(text).sections:
        if section.kind != "experience":
            continue
        for entry in section.entries:
            for line in entry.header:
                for part in _ENTRY_SEPARATORS.split(_strip_markup(line)):
                    name = re.split(r"[,(]", part)[0].strip(" ()")
                    # Dates ("2015)", "Present", "Jan 2019") are checked as numbers, not as names.
                    if re.search(r"[A-Za-z]", name) and not is_date(name):
                        found.append(("title" if is_job_title(name) else "employer", name))
    return found


def check_grounding(generated: str, sources: list[str], allowed: list[str] = ()) -> list[Flag]:
    """Every employer, title, year, number and skill in `generated` that no source contains.

    `allowed` are texts the document may name although no resume does: the company and role applied for.
    """
    known = "\n".join([*sources, *allowed])
    known_lower = known.lower()
    flags: list[Flag] = []

    def flag(kind: str, value: str) -> None:
        if Flag(kind, value) not in flags:
            flags.append(Flag(kind, value))

    known_skills = set(find_skills(known))

    def named_in_sources(name: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", known_lower) is not None

    for kind, name in _job_header_names(generated):
        if not named_in_sources(name):
            flag(kind, name)
    # "at Google" needs Google as an employer (or the company applied to), not inside "Google Analytics".
    employers = {name.lower() for source in sources for kind, name in _job_header_names(source) if kind == "employer"}
    employers |= {text.lower() for text in allowed}
    for match in _ORGANISATION.finditer(generated):
        # "at Acme Corp. I joined…" → "Acme Corp": a name ends at a sentence end.
        name = re.split(r"\.\s", match.group(1))[0].strip(" .,")
        said_so = re.search(rf"\b(?:at|joined) {re.escape(name.lower())}(?!\w)", known_lower)
        if name and name not in known_skills and not said_so and not any(name.lower() in e for e in employers):
            flag("employer", name)

    known_numbers = _numbers(known)
    for value in sorted(_numbers(generated) - known_numbers):
        flag("date" if _YEAR.match(value) else "number", value)

    for skill in find_skills(generated):
        if skill not in known_skills:
            flag("skill", skill)
    return flags
