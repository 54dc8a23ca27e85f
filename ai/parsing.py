"""Reading the structure of plain-text and markdown resumes and job postings."""

import re
from dataclasses import dataclass, field

from ai.skills import find_skills

_BULLET = re.compile(r"^\s*(?:[-*•·▪‣]|\d+[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_ENTRY_SEPARATORS = re.compile(r"\s+(?:—|--|–|-|\||@|at)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CONTENT_WORD = re.compile(r"[a-z][a-z+#/.-]{2,}")
_STOPWORDS = frozenset(
    [
        "and",
        "the",
        "for",
        "with",
        "from",
        "that",
        "this",
        "you",
        "your",
        "our",
        "are",
        "will",
        "have",
        "has",
        "was",
        "were",
        "into",
        "over",
        "across",
        "about",
        "their",
        "them",
        "they",
        "its",
        "able",
        "who",
        "what",
        "when",
        "where",
        "how",
        "all",
        "any",
        "can",
        "not",
        "but",
        "experience",
        "years",
        "year",
        "strong",
        "deep",
        "proficiency",
        "hands-on",
        "working",
        "work",
        "using",
        "use",
        "used",
        "including",
        "include",
        "such",
        "well",
        "etc",
        "role",
        "team",
        "teams",
    ]
)


def _strip_markup(line: str) -> str:
    line = _MARKDOWN_HEADING.sub("", line)
    return line.replace("**", "").replace("__", "").strip()


def _is_heading(line: str) -> bool:
    """ALL-CAPS lines, markdown headings and short lines ending in a colon start sections."""
    stripped = line.strip()
    if not stripped or _BULLET.match(stripped):
        return False
    if _MARKDOWN_HEADING.match(stripped):
        return True
    letters = [ch for ch in re.sub(r"\([^()]*\)", "", stripped) if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(stripped) <= 60:
        return True
    return stripped.endswith(":") and len(stripped) <= 40


def content_words(text: str) -> set[str]:
    """Lower-case words that carry meaning, for overlap scores."""
    return {word.strip(".-/") for word in _CONTENT_WORD.findall(text.lower())} - _STOPWORDS


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()


@dataclass
class Achievement:
    """One bullet of a resume, with the employer it belongs to when known."""

    text: str
    employer: str = ""


@dataclass
class Entry:
    """One job or project: its header lines as written, and its bullets."""

    header: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    employer: str = ""


@dataclass
class Section:
    title: str
    kind: str  # summary | experience | skills | projects | other
    lines: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Resume:
    name: str = ""
    contact: list[str] = field(default_factory=list)
    summary: str = ""
    sections: list[Section] = field(default_factory=list)
    achievements: list[Achievement] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)


TITLE_WORDS = re.compile(
    r"\b(engineer|developer|manager|designer|analyst|lead|director|scientist|consultant|specialist|intern|"
    r"architect|head|vp|officer|associate|coordinator|administrator|marketer|writer|editor|recruiter)\b",
    re.IGNORECASE,
)


def _employer_from(entry_line: str, is_markdown_heading: bool) -> str:
    """The first part of a job header that is not a job title.

    'Staff Engineer — Acme, Austin (2021 – Present)' → 'Acme'; '### Acme -- Remote' → 'Acme'.
    """
    parts = _ENTRY_SEPARATORS.split(_strip_markup(entry_line))
    if len(parts) < 2 and not is_markdown_heading:
        return ""
    for part in parts:
        name = re.split(r"[,(]", part)[0].strip()
        if name and re.search(r"[A-Za-z]", name) and not TITLE_WORDS.search(name):
            return name
    return ""


def _section_kind(heading: str) -> str:
    lowered = heading.lower()
    for kind, words in (
        ("summary", ("summary", "profile", "about", "objective")),
        ("experience", ("experience", "employment", "work history", "career")),
        ("skills", ("skills", "technologies", "tools")),
        ("projects", ("projects",)),
    ):
        if any(word in lowered for word in words):
            return kind
    return "other"


def _without_html_comments(text: str) -> str:
    return re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)


def _add_entry_line(section: Section, line: str) -> None:
    """Bullets belong to the entry above them; a header line after bullets starts a new entry."""
    is_markdown_heading = bool(_MARKDOWN_HEADING.match(line))
    if _BULLET.match(line):
        if not section.entries:
            section.entries.append(Entry())
        section.entries[-1].bullets.append(_strip_markup(_BULLET.sub("", line)))
        return
    if not section.entries or section.entries[-1].bullets:
        previous_employer = section.entries[-1].employer if section.entries else ""
        section.entries.append(Entry(employer=previous_employer))
    entry = section.entries[-1]
    entry.header.append(line)
    if is_markdown_heading or _ENTRY_SEPARATORS.search(_strip_markup(line)):
        entry.employer = _employer_from(line, is_markdown_heading) or entry.employer


def normalise(text: str) -> str:
    """One space for any run of spaces and tabs, \n line ends: keeps every regex here linear."""
    return re.sub(r"[ \t\f\v\xa0]+", " ", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_resume(text: str) -> Resume:
    text = _without_html_comments(normalise(text))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    resume = Resume(skills=find_skills(text))
    if not lines:
        return resume
    first = _strip_markup(lines[0])
    resume.name = _ENTRY_SEPARATORS.split(first)[-1] if first.lower().startswith("resume") else first

    section: Section | None = None
    for line in lines[1:]:
        # A heading that reads like "Employer -- City" is a job inside the section, not a new one.
        if _is_heading(line) and not _ENTRY_SEPARATORS.search(_strip_markup(line)):
            title = _strip_markup(line).rstrip(":")
            section = Section(title=title, kind=_section_kind(title))
            resume.sections.append(section)
        elif section is None:
            resume.contact.append(line)
        elif section.kind in ("experience", "projects"):
            _add_entry_line(section, line)
        else:
            section.lines.append(line)

    for section in resume.sections:
        if section.kind == "summary" and not resume.summary:
            resume.summary = " ".join(_strip_markup(line) for line in section.lines)
        for entry in section.entries:
            employer = entry.employer if section.kind == "experience" else ""
            resume.achievements += [Achievement(bullet, employer) for bullet in entry.bullets]
    return resume


@dataclass
class Posting:
    must_have: list[str] = field(default_factory=list)
    nice_to_have: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    must_have_skills: list[str] = field(default_factory=list)


def _posting_kind(heading: str) -> str | None:
    lowered = heading.lower()
    if any(word in lowered for word in ("nice", "bonus", "preferred", "plus", "good to have")):
        return "nice_to_have"
    if any(word in lowered for word in ("require", "must", "qualification", "you have", "you bring", "skills")):
        return "must_have"
    if any(word in lowered for word in ("responsib", "you'll do", "you will do", "what you", "duties")):
        return "responsibilities"
    return None


def _items(text: str) -> list[str]:
    """Split a requirement paragraph on semicolons and sentence ends; keep bullets whole."""
    return [item.strip(" .;") for item in re.split(r";\s+|(?<=[a-z)])\.\s+(?=[A-Z])", text) if item.strip(" .;")]


def _blocks(text: str) -> list[tuple[str, str]]:
    """("heading" | "bullet" | "paragraph", text): prose lines are joined into paragraphs."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush():
        if paragraph:
            blocks.append(("paragraph", " ".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            flush()
        elif _is_heading(stripped):
            flush()
            blocks.append(("heading", stripped))
        elif _BULLET.match(stripped):
            flush()
            blocks.append(("bullet", _strip_markup(_BULLET.sub("", stripped))))
        else:
            paragraph.append(stripped)
    flush()
    return blocks


def parse_posting(text: str) -> Posting:
    text = normalise(text)
    posting = Posting(skills=find_skills(text))
    kind = None
    for block_type, block in _blocks(text):
        if block_type == "heading":
            kind = _posting_kind(block)
            continue
        labelled = re.match(r"^([A-Za-z][A-Za-z '()/-]{2,40}):\s+(.+)$", block)
        if block_type == "paragraph" and labelled and _posting_kind(labelled.group(1)):
            getattr(posting, _posting_kind(labelled.group(1))).extend(_items(labelled.group(2)))
        elif kind is not None:
            getattr(posting, kind).extend(_items(block) if block_type == "paragraph" else [block])
    requirement_text = " ".join(posting.must_have)
    posting.must_have_skills = find_skills(requirement_text) if requirement_text else posting.skills
    return posting
