"""Reading the structure of plain-text and markdown resumes and job postings."""

import re
from dataclasses import dataclass, field

from ai.skills import find_skills

_BULLET = re.compile(r"^\s*(?:[-*•·▪‣]|\d+[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_ENTRY_SEPARATORS = re.compile(r"\s+(?:—|--|–|-|\||@|at)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# A full stop after these ends an abbreviation, not a sentence: "Sr. Software Engineer", "Acme Inc. in Austin".
_ABBREVIATIONS = frozenset(
    ["sr", "jr", "dr", "mr", "mrs", "ms", "st", "inc", "ltd", "co", "corp", "e.g", "i.e", "etc", "vs", "approx", "no"]
)
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


def split_sentences(text: str) -> list[str]:
    """Sentences of a prose text; a full stop after an abbreviation or an initial does not end one."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        last_word = text[start : match.start()].split()[-1] if text[start : match.start()].split() else ""
        stem = last_word.rstrip(".").lstrip("(").lower()
        if last_word.endswith(".") and (stem in _ABBREVIATIONS or re.fullmatch(r"[a-z]", stem)):
            continue
        sentences.append(text[start : match.start()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [sentence for sentence in sentences if sentence]


def first_sentence(text: str) -> str:
    sentences = split_sentences(text.strip())
    return sentences[0] if sentences else ""


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
    r"architect|head|vp|officer|associate|coordinator|administrator|marketer|writer|editor|recruiter|"
    r"leader|founder|programmer|researcher|strategist|ceo|cto|cfo|coo|president)\b",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|present|current|now|today|to|since|spring|summer|fall|autumn|winter)\b",
    re.IGNORECASE,
)


def is_date(text: str) -> bool:
    """'Jan 2019', '2019 – Present', '(Present)', '03/2021': only dates, brackets and punctuation."""
    without_words = _DATE_WORDS.sub("", text)
    return not re.search(r"[A-Za-z]", without_words) and text.strip(" ()[],.-–—") != ""


def is_job_title(text: str) -> bool:
    """A title ends with a title word ('Staff Software Engineer') or opens with one followed by 'of'
    ('Head of Product'); 'Lead Generation Co' only contains one, so it is a company."""
    words = re.sub(r"\b(?:19|20)\d\d\b.*$", "", text).strip(" ,()–—-").split()
    if not words:
        return False
    return bool(
        TITLE_WORDS.fullmatch(words[-1]) or (len(words) > 2 and TITLE_WORDS.fullmatch(words[0]) and words[1] == "of")
    )


def _employer_from(entry_line: str, is_markdown_heading: bool) -> str:
    """The first part of a job header that is neither a job title nor a date.

    'Staff Engineer — Acme, Austin (2021 – Present)' → 'Acme'; '### Acme -- Remote' → 'Acme'.
    """
    parts = _ENTRY_SEPARATORS.split(_strip_markup(entry_line))
    if len(parts) < 2 and not is_markdown_heading:
        return ""
    for part in parts:
        name = re.split(r"[,(]", part)[0].strip()
        if name and re.search(r"[A-Za-z]", name) and not is_job_title(name) and not is_date(part):
            return name
    return ""


def _looks_like_company(line: str) -> bool:
    """A header line on its own that reads as a name: 'Initech', 'Acme Corp' — short, capitalised, no dates."""
    words = _strip_markup(line).split()
    small_words = {"of", "and", "&", "the", "for"}
    return (
        0 < len(words) <= 4
        and not re.search(r"[\d,.:;!?|()]", " ".join(words).rstrip("."))
        and all(word[0].isupper() or word in small_words for word in words)
        and not is_job_title(" ".join(words))
        and words[0].lower() not in {"remote", "hybrid", "on-site", "onsite"}
    )


def _employer_of_block(header: list[str]) -> str:
    """For headers without separators ('Senior Engineer' / 'Acme Corp' / 'Jan 2019 - Present'): the one
    company-looking line beside a job title line, or '' when there is not exactly one."""
    if not any(is_job_title(_strip_markup(line)) for line in header):
        return ""
    names = [_strip_markup(line) for line in header if _looks_like_company(line)]
    return names[0] if len(names) == 1 else ""


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
    """Bullets belong to the entry above them; a header line after bullets starts a new entry.

    A new entry never inherits the employer of the one before: a wrong "At X" is worse than none.
    """
    is_markdown_heading = bool(_MARKDOWN_HEADING.match(line))
    if _BULLET.match(line):
        if not section.entries:
            section.entries.append(Entry())
        section.entries[-1].bullets.append(_strip_markup(_BULLET.sub("", line)))
        return
    if not section.entries or section.entries[-1].bullets:
        section.entries.append(Entry())
    entry = section.entries[-1]
    entry.header.append(line)
    # The first header line naming an employer wins: a later "Title | 2019 – Present" line names none.
    if not entry.employer and (is_markdown_heading or _ENTRY_SEPARATORS.search(_strip_markup(line))):
        entry.employer = _employer_from(line, is_markdown_heading)


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
            employer = (entry.employer or _employer_of_block(entry.header)) if section.kind == "experience" else ""
            resume.achievements += [Achievement(bullet, employer) for bullet in entry.bullets]
    return resume


@dataclass
class Posting:
    must_have: list[str] = field(default_factory=list)
    nice_to_have: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    must_have_skills: list[str] = field(default_factory=list)
    # Sentences and bullets outside the requirement, responsibility and benefit lists: what the
    # posting says about the team, the company and how they work.
    context: list[str] = field(default_factory=list)


_BENEFIT_HEADINGS = re.compile(
    r"benefit|perk|compensation|salary|\bpay\b|we offer|what we offer|what you(?:'ll| will)? get|why join",
    re.IGNORECASE,
)
_NICE_HEADINGS = re.compile(r"nice|bonus|preferred|\bplus\b|good to have", re.IGNORECASE)
_MUST_HEADINGS = re.compile(
    r"require|must|qualification|you have|you bring|what you(?:'ll| will)? (?:bring|need)|who you are|about you|"
    r"looking for|skills",
    re.IGNORECASE,
)
_RESPONSIBILITY_HEADINGS = re.compile(r"responsib|you'll do|you will do|what you|duties", re.IGNORECASE)
# Inside a requirement list, these say the item is optional ("appreciated but not required").
_OPTIONAL_ITEM = re.compile(
    r"\bnot required\b|\bappreciated\b|\ba plus\b|\bbonus\b|\bnice[- ]to[- ]have\b", re.IGNORECASE
)
# "You will own …", "You take ownership of …": the work itself, not a requirement to be met.
_DUTY_ITEM = re.compile(
    r"^you(?:'ll| will| would| take| own| lead| drive| build| design| shape| partner| collaborate| ship)\b",
    re.IGNORECASE,
)


def _posting_kind(heading: str) -> str | None:
    """The list a heading introduces: must_have | nice_to_have | responsibilities | benefits, or None."""
    # Benefits first: "Compensation, bonus and equity" is pay, not a bonus requirement.
    for kind, pattern in (
        ("benefits", _BENEFIT_HEADINGS),
        ("nice_to_have", _NICE_HEADINGS),
        ("must_have", _MUST_HEADINGS),
        ("responsibilities", _RESPONSIBILITY_HEADINGS),
    ):
        if pattern.search(heading):
            return kind
    return None


def _add_items(posting: Posting, kind: str, items: list[str]) -> None:
    """Items go to the list their heading names, unless they say otherwise."""
    if kind == "benefits":
        return
    for item in items:
        if kind == "must_have" and _DUTY_ITEM.match(item):
            posting.responsibilities.append(item)
        elif kind == "must_have" and _OPTIONAL_ITEM.search(item):
            # "Technical background appreciated but not required" asks for nothing.
            if not re.search(r"\bnot required\b", item, re.IGNORECASE):
                posting.nice_to_have.append(item)
        else:
            getattr(posting, kind).append(item)


def _items(text: str) -> list[str]:
    """Split a requirement paragraph on semicolons and sentence ends; keep bullets whole."""
    return [item.strip(" .;") for item in re.split(r";\s+|(?<=[a-z)])\.\s+(?=[A-Z])", text) if item.strip(" .;")]


def _is_posting_heading(line: str, next_line: str) -> bool:
    """Besides the headings resumes use: a short line without end punctuation that names a posting
    section ('What you'll bring') or that a bullet list follows ('About the job')."""
    if _BULLET.match(line) or not line[:1].isupper() or len(line) > 40 or len(line.split()) > 6:
        return False
    if re.search(r"[.,;!?]$", line):
        return False
    return _posting_kind(line) is not None or bool(_BULLET.match(next_line))


def _blocks(text: str) -> list[tuple[str, str]]:
    """("heading" | "bullet" | "paragraph", text): prose lines are joined into paragraphs."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush():
        if paragraph:
            blocks.append(("paragraph", " ".join(paragraph)))
            paragraph.clear()

    lines = [raw.strip() for raw in text.splitlines()]
    for index, stripped in enumerate(lines):
        next_line = next((line for line in lines[index + 1 :] if line), "")
        if not stripped:
            flush()
        elif _is_heading(stripped) or (not paragraph and _is_posting_heading(stripped, next_line)):
            flush()
            blocks.append(("heading", stripped))
        elif _BULLET.match(stripped):
            flush()
            blocks.append(("bullet", _strip_markup(_BULLET.sub("", stripped))))
        else:
            if paragraph and _is_standalone_line(paragraph[-1]):
                flush()
            paragraph.append(stripped)
    flush()
    return blocks


def _is_standalone_line(line: str) -> bool:
    """A short line that does not run on ('Northwind Cloud | Remote') is a line of its own, not a wrapped one."""
    runs_on = re.search(r"[,;:(–—-]$|\b(?:and|or|of|the|a|an|to|with|for|in|on|our|your)$", line, re.IGNORECASE)
    return len(line) < 50 and not runs_on and not line.endswith((".", "!", "?"))


def _labelled(paragraph: str) -> tuple[str, str] | None:
    """("must_have", "4+ years …") for a paragraph such as "Requirements: 4+ years …", else None."""
    labelled = re.match(r"^([A-Za-z][A-Za-z '()/-]{2,40}):\s+(.+)$", paragraph)
    if labelled and (kind := _posting_kind(labelled.group(1))):
        return kind, labelled.group(2)
    return None


def parse_posting(text: str) -> Posting:
    text = normalise(text)
    posting = Posting(skills=find_skills(text))
    kind = None
    for block_type, block in _blocks(text):
        if block_type == "heading":
            kind = _posting_kind(block)
            continue
        labelled = _labelled(block) if block_type == "paragraph" else None
        if labelled:
            _add_items(posting, labelled[0], _items(labelled[1]))
        elif kind is not None:
            _add_items(posting, kind, _items(block) if block_type == "paragraph" else [block])
        else:
            posting.context += split_sentences(block) if block_type == "paragraph" else [block]
    requirement_text = " ".join(posting.must_have)
    posting.must_have_skills = find_skills(requirement_text) if requirement_text else posting.skills
    return posting
