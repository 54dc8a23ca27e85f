"""The offline optimized resume: the first resume reordered for the posting, nothing added."""

import re

from ai.parsing import (
    Posting,
    _strip_markup,
    content_words,
    parse_posting,
    parse_resume,
)
from ai.skills import find_skills


def _relevance(text: str, posting: Posting, posting_words: set[str]) -> float:
    skills = find_skills(text)
    must = len(set(skills) & set(posting.must_have_skills))
    return 3 * must + len(set(skills) & set(posting.skills)) + 0.5 * len(content_words(text) & posting_words)


def draft_resume(resume_texts: list[str], job_description: str) -> str:
    """The first resume reordered for the posting: most relevant skills and bullets first, nothing added."""
    resume = parse_resume(resume_texts[0])
    posting = parse_posting(job_description)
    posting_words = content_words(" ".join(posting.must_have + posting.nice_to_have + posting.responsibilities))

    lines = [f"# {resume.name}"]
    if resume.contact:
        lines.append("  \n".join(resume.contact))
    order = {"summary": 0, "skills": 1, "experience": 2, "projects": 3}
    for section in sorted(resume.sections, key=lambda section: order.get(section.kind, 4)):
        lines += ["", f"## {section.title.title() if section.title.isupper() else section.title}", ""]
        if section.kind == "skills":
            relevant = [skill for skill in posting.skills if skill in resume.skills]
            if relevant:
                lines += [f"**Most relevant here:** {', '.join(relevant)}", ""]
        lines += [f"{line}  " if index < len(section.lines) - 1 else line for index, line in enumerate(section.lines)]
        for entry in section.entries:
            if entry.header:
                lines += [f"### {_strip_markup(entry.header[0])}"] + entry.header[1:] + [""]
            ranked = sorted(entry.bullets, key=lambda bullet: -_relevance(bullet, posting, posting_words))
            lines += [f"- {bullet}" for bullet in ranked] + [""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip() + "\n"
