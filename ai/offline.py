"""The offline drafter: real, grounded drafts built only from the person's resume and the posting."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ai.evidence import Evidence, find_evidence, years_of_experience
from ai.parsing import (
    TITLE_WORDS,
    Achievement,
    Posting,
    Resume,
    _strip_markup,
    content_words,
    first_sentence,
    parse_posting,
    parse_resume,
)
from ai.skills import find_skills

PROVIDER = "offline"
MODEL = "offline-drafter-1"

_IRREGULAR_PAST = frozenset(
    [
        "built",
        "led",
        "ran",
        "grew",
        "won",
        "made",
        "wrote",
        "drove",
        "set",
        "took",
        "cut",
        "oversaw",
        "brought",
        "began",
        "taught",
        "sold",
        "spent",
        "kept",
        "held",
        "shipped",
        "rebuilt",
        "rewrote",
        "founded",
        "did",
        "became",
        "spun",
        "gave",
        "got",
        "put",
        "stood",
        "saw",
        "chose",
        "drew",
        "sought",
        "broke",
        "found",
        "won",
        "met",
    ]
)


@dataclass
class RankedAchievement:
    achievement: Achievement
    score: float


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def rank_achievements(resume: Resume, posting: Posting) -> list[RankedAchievement]:
    """The person's own bullets, most relevant to the posting first (stable for ties)."""
    must = set(posting.must_have_skills)
    wanted = set(posting.skills)
    posting_words = content_words(" ".join(posting.must_have + posting.nice_to_have + posting.responsibilities))
    ranked = []
    for achievement in resume.achievements:
        skills = [skill for skill in find_skills(achievement.text) if skill in wanted]
        overlap = len(content_words(achievement.text) & posting_words)
        score = 3 * len(must.intersection(skills)) + len(skills) + 0.5 * overlap
        ranked.append(RankedAchievement(achievement, score))
    return sorted(ranked, key=lambda item: -item.score)


def _keeps_case(word: str, may_be_a_name: bool) -> bool:
    """Acronyms and names with inner capitals keep their case ('AWS', 'iOS'), and so do skills ('Kubernetes')
    where the word may be a name — a verb never is: 'Mentored' is lowered although 'mentor' is a skill."""
    return word == "I" or any(ch.isupper() for ch in word[1:]) or (may_be_a_name and bool(find_skills(word)))


def _lower_first_word(text: str, may_be_a_name: bool = True) -> str:
    first_word = text.split()[0]
    return text if _keeps_case(first_word, may_be_a_name) else text[0].lower() + text[1:]


def _is_past_tense(word: str) -> bool:
    lowered = word.lower()
    return lowered.endswith("ed") or lowered in _IRREGULAR_PAST


def _present_verb(word: str) -> str:
    """'Lead', 'Manages', 'Building' → 'lead', 'manage', 'build'; '' for a word that is no work verb."""
    lowered = word.lower()
    candidates = [lowered, lowered[:-1], lowered[:-2]] if lowered.endswith("s") else [lowered]
    if lowered.endswith("ing"):
        stem = lowered[:-3]
        candidates = [stem, stem + "e", stem[:-1]]  # building, managing, running
    return next((candidate for candidate in candidates if candidate in _PRESENT_VERBS), "")


_ROLE_NOUNS = frozenset(["owner", "contributor", "member", "person", "maintainer", "champion", "part"])
_PREPOSITIONS = frozenset(["of", "for", "to", "on", "at", "in", "with", "and", "&", "from", "within"])
_LIST_LABELS = frozenset(["stack", "tech stack", "tech", "technologies", "tools", "skills", "languages", "environment"])


def _first_person_clause(text: str) -> str:
    """'Built a queue …' → 'I built a queue …', in the person's own words; '' when a bullet cannot be
    said in the first person without guessing ('Sole engineer on …', 'Tech stack: …')."""
    text = text.rstrip(" .;")
    words = text.split()
    if not words:
        return ""
    if re.match(r"(?:I|I'm|I've|My|We|We've|Our)\s", text):
        return text  # already the person's own first person
    if len(words) > 1 and re.fullmatch(r"[A-Za-z]+ly", words[0]) and _is_past_tense(words[1]):
        words = words[1:]  # "Successfully launched …" → "launched …"
        text = " ".join(words)
    second = words[1].lower() if len(words) > 1 else ""
    if _is_past_tense(words[0]):
        return f"I {_lower_first_word(text, may_be_a_name=False)}"
    if words[0].lower() == "responsible":
        return f"I was {_lower_first_word(text, may_be_a_name=False)}"
    verb = _present_verb(words[0])
    # "Lead a team of 5" is work; "Lead engineer on …" and "Support for …" are nouns.
    if verb and second and second not in _PREPOSITIONS and not TITLE_WORDS.fullmatch(second):
        return f"I {verb} {' '.join(words[1:])}"
    # A noun phrase: a project ("LLM Eval Toolkit (Open Source) — a framework …") or a piece of work.
    name, _, description = (re.split(r"(\s+[—–-]{1,2}\s+|:\s+)", text, maxsplit=1) + ["", ""])[:3]
    # The head of the phrase is what comes before its first preposition: "Sole engineer" in "… on the rewrite".
    head = re.split(r"\s+(?:" + "|".join(_PREPOSITIONS) + r")\s+", " " + name.lower() + " ", maxsplit=1)[0].split()
    is_role = not head or TITLE_WORDS.fullmatch(head[-1]) or set(head) & _ROLE_NOUNS or verb
    if is_role or name.lower() in _LIST_LABELS or not re.search(r"[A-Za-z]", name):
        return ""
    if description:
        return f"I worked on {name}: {_lower_first_word(description)}"
    return f"I worked on {name}"


def _first_person(achievement: Achievement, same_employer_as_before: bool) -> str:
    """'Built a queue …' → 'At Acme, I built a queue ….' — the person's words, in the first person."""
    sentence = _first_person_clause(achievement.text)
    if not sentence:
        return ""
    if same_employer_as_before:
        if sentence.startswith("I was "):
            sentence = sentence.replace("I was ", "I was also ", 1)
        elif sentence.startswith("I "):
            sentence = sentence.replace("I ", "I also ", 1)
    elif achievement.employer:
        sentence = sentence if re.match(r"I\b", sentence) else sentence[0].lower() + sentence[1:]  # "my team …"
        return f"At {achievement.employer}, {sentence}."
    return f"{sentence[0].upper()}{sentence[1:]}."


def _achievements_paragraph(chosen: list[Achievement]) -> str:
    """The chosen bullets grouped by employer, each employer named once."""
    by_employer: dict[str, list[Achievement]] = {}
    for achievement in chosen:
        by_employer.setdefault(achievement.employer, []).append(achievement)
    sentences = []
    for group in by_employer.values():
        sentences += [_first_person(item, same_employer_as_before=index > 0) for index, item in enumerate(group)]
    return " ".join(sentences)


# A title phrase in a summary ends where its description starts: "Senior engineer| with 9 years …".
_AFTER_TITLE = re.compile(
    r"^(?:$|[,;:(–—-]|(?:with|who|and|at|in|for|focused|specializ\w*|specialis\w*|based|building|bringing|"
    r"passionate|experienced|skilled|from|helping)\b)",
    re.IGNORECASE,
)
# Words that show a summary sentence is not a bare title phrase: "Jordan is a …", "Over 10 years of …".
_NOT_IN_A_TITLE = frozenset(
    ["is", "am", "are", "was", "were", "has", "have", "had", "a", "an", "the", "of", "over", "who"]
)


def _article(phrase: str) -> str:
    first_word = phrase.split()[0]
    if re.match(r"[A-Z]{2,}", first_word):  # acronyms are read letter by letter: "an AWS-certified", "a PM"
        return "an" if first_word[0] in "AEFHILMNORSX" else "a"
    vowel_sound = first_word[0].lower() in "aeiou" and not re.match(r"(?i)(?:uni|use|usu|eu|one)", first_word)
    return "an" if vowel_sound else "a"


def _introduction(summary: str) -> str:
    """'Senior engineer with 9 years …' → 'I am a senior engineer with 9 years ….'; '' unless the summary
    opens with a title phrase ('Passionate about …' or 'Jordan is …' cannot follow 'I am a')."""
    sentence = first_sentence(summary).rstrip(".")
    if not sentence:
        return ""
    if re.match(r"^(I|I'm|I am|My)\b", sentence):
        return f"{sentence}."
    for title in TITLE_WORDS.finditer(sentence):
        head, rest = sentence[: title.end()], sentence[title.end() :].strip()
        if not _AFTER_TITLE.match(rest):
            continue  # "Lead" in "Lead Software Engineer": the title goes on
        words = head.split()
        if len(words) > 6 or any(word.lower() in _NOT_IN_A_TITLE or word[0].isdigit() for word in words):
            return ""
        # "Product Manager" stays as written; "Senior software engineer" reads "senior software engineer".
        title_case = len(words) > 1 and all(word[0].isupper() for word in words)
        phrase = sentence if title_case else _lower_first_word(sentence)
        return f"I am {_article(phrase)} {phrase}."
    return ""


_WORK_VERBS = frozenset(
    [
        "architect",
        "build",
        "design",
        "develop",
        "drive",
        "lead",
        "own",
        "scale",
        "create",
        "deliver",
        "ship",
        "improve",
        "define",
        "grow",
        "run",
        "manage",
        "maintain",
        "support",
        "implement",
        "optimize",
        "optimise",
        "mentor",
        "partner",
        "collaborate",
        "establish",
        "launch",
        "automate",
        "operate",
        "modernize",
        "modernise",
        "migrate",
        "analyze",
        "analyse",
        "research",
        "plan",
        "shape",
        "evolve",
    ]
)


# Work verbs as a bullet in the present tense uses them: "Lead a team of 5", "Manages 40 services".
_PRESENT_VERBS = _WORK_VERBS | frozenset(
    [
        "write",
        "oversee",
        "coordinate",
        "handle",
        "train",
        "hire",
        "review",
        "deploy",
        "monitor",
        "head",
        "direct",
        "teach",
    ]
)


def _closing_focus(posting: Posting, resume: Resume) -> str:
    """A short responsibility as a verb phrase ('architect and scale …'), or ''.

    Only plain work ("Build …", "Lead …") qualifies: no numbers, names or first person, and no
    skill the resume lacks — the letter would otherwise seem to claim it, or repeat a planted order.
    """
    for item in posting.responsibilities:
        words = item.split()
        if not words or len(item) > 120 or words[0].lower() not in _WORK_VERBS:
            continue
        if re.search(r"[\d$€£]|\b(I|me|my|tell|say|salary|accept)\b", item) or any(w[:1].isupper() for w in words[1:]):
            continue
        if set(find_skills(item)) <= set(resume.skills):
            return item[0].lower() + item[1:].rstrip(".")
    return ""


def _closing_word(writing_sample: str) -> str:
    """The sign-off the person uses in their own writing ('Best,', 'Cheers,'), else 'Sincerely,'."""
    for line in reversed(writing_sample.strip().splitlines()):
        if re.fullmatch(
            r"(best|best regards|kind regards|warm regards|regards|sincerely|cheers|thanks|thank you)[,!]?",
            line.strip(),
            re.IGNORECASE,
        ):
            return line.strip().rstrip(",!") + ","
    return "Sincerely,"


def _asked_skills_sentence(skills: list[str], resume: Resume) -> str:
    """'Your posting asks for Go and AWS, and each of these is part of the work described in my experience;
    SQL is listed in my skills.' — only claiming work for skills that appear in an achievement."""
    in_work = set(find_skills(" ".join(achievement.text for achievement in resume.achievements)))
    in_skills_list = set(
        find_skills(" ".join(line for section in resume.sections if section.kind == "skills" for line in section.lines))
    )
    worked = [skill for skill in skills if skill in in_work]
    named = [skill for skill in skills if skill not in in_work]
    where = "listed in my skills" if set(named) <= in_skills_list else "named in my resume"
    if worked:
        sentence = f"Your posting asks for {_join(worked)}, "
        sentence += "which is" if len(worked) == 1 else "and each of these is"
        sentence += " part of the work described in my experience"
        if named:
            sentence += f"; {_join(named)} {'is' if len(named) == 1 else 'are'} {where}"
    else:
        sentence = f"Your posting asks for {_join(named)}, {'which is' if len(named) == 1 else 'and these are'} {where}"
    return sentence + "."


def draft_cover_letter(
    resume_text: str, job_description: str, company: str, role_title: str, signer: str, writing_sample: str = ""
) -> str:
    """A cover letter in markdown; every fact in it comes from the resume or the form."""
    resume = parse_resume(resume_text)
    posting = parse_posting(job_description)
    company, role_title = company.strip(), role_title.strip()

    paragraphs = [f"Dear {company} hiring team,"]
    opening = f"I am writing to apply for the {role_title} role at {company}."
    if introduction := _introduction(resume.summary):
        opening = f"{opening} {introduction}"
    paragraphs.append(opening)

    must_matched = [skill for skill in posting.must_have_skills if skill in resume.skills]
    if must_matched:
        paragraphs.append(_asked_skills_sentence(must_matched[:6], resume))

    ranked = rank_achievements(resume, posting)
    # Only bullets that read as the person's own sentence: "Sole engineer on …" would need a guessed verb.
    chosen = [item.achievement for item in ranked if item.score > 0 and _first_person_clause(item.achievement.text)][:3]
    if chosen:
        paragraphs.append(_achievements_paragraph(chosen))

    extras = [skill for skill in posting.skills if skill in resume.skills and skill not in must_matched]
    if extras:
        paragraphs.append(f"I also bring experience with {_join(extras[:5])}, which the role mentions as well.")

    focus = _closing_focus(posting, resume)
    if focus:
        paragraphs.append(f"I would welcome a conversation about how I can help {company} {focus}.")
    else:
        paragraphs.append(f"I would welcome a conversation about the {role_title} role.")
    paragraphs.append(f"{_closing_word(writing_sample)}  \n{signer.strip() or resume.name}")
    return "\n\n".join(paragraphs) + "\n"


_SENIORITY_WORDS = (
    "intern",
    "junior",
    "mid-level",
    "senior",
    "staff",
    "principal",
    "lead",
    "manager",
    "director",
    "head",
)
_SIGNAL_WORDS = re.compile(
    r"\b(team|we|we're|our|culture|mission|remote|hybrid|on-site|onsite|customers?|users|fast-paced|growth|"
    r"startup|series [a-d]|collaborat\w*|values?)\b",
    re.IGNORECASE,
)


def _seniority(role_title: str, job_description: str, resume: Resume) -> str:
    text = f"{role_title} {job_description[:400]}".lower()
    level = next((word for word in _SENIORITY_WORDS if re.search(rf"\b{word}\b", text)), "not stated")
    required = years_of_experience(job_description)
    stated = years_of_experience(resume.summary)
    parts = [f"**Seniority:** {level}"]
    if required is not None:
        parts.append(f"the posting asks for {required}+ years")
    if stated is not None:
        parts.append(f"your resume states {stated} years")
    return "; ".join(parts) + "."


def _signals(posting: Posting) -> list[str]:
    """Sentences in which the posting talks about the team, the company or how they work.

    From the posting's context only: requirement, responsibility and benefit lists say what the job
    asks, not who the team is.
    """
    found = []
    for sentence in posting.context:
        sentence = sentence.strip(" -•*")
        looks_like_data = re.search(r'[{}]|": ', sentence)  # a posting pasted as JSON
        wanted = 30 <= len(sentence) <= 300 and _SIGNAL_WORDS.search(sentence) and not looks_like_data
        if wanted and sentence not in found:
            found.append(sentence)
    return found[:5]


def _evidence_item(evidence: Evidence) -> str:
    if not evidence.found:
        return f"- **Gap:** {evidence.requirement}  \n  No evidence found in your resume."
    where = f" ({evidence.employer})" if evidence.employer else ""
    status = "Partly covered" if evidence.missing_skills else "Covered"
    quoted = evidence.line if evidence.kind == "skills" else f"“{evidence.line}”"
    line = f"- **{status}:** {evidence.requirement}  \n  Evidence: {quoted}{where}"
    if evidence.missing_skills:
        line += f"; not shown: {_join(evidence.missing_skills)}"
    return line


def draft_research(resume_texts: list[str], job_description: str, company: str, role_title: str) -> str:
    """A research report: what the posting asks, how the resumes cover it, gaps, questions."""
    resume = parse_resume("\n\n".join(resume_texts))
    posting = parse_posting(job_description)
    must = [find_evidence(item, resume) for item in posting.must_have]
    nice = [find_evidence(item, resume) for item in posting.nice_to_have]

    lines = [
        f"# Research: {role_title.strip()} at {company.strip()}",
        "",
        _seniority(role_title, job_description, resume),
    ]
    lines += ["", "## Must-have requirements", ""]
    lines += [_evidence_item(item) for item in must] or ["The posting lists no requirements in a form I can read."]
    if nice:
        lines += ["", "## Nice to have", ""] + [_evidence_item(item) for item in nice]

    present = [skill for skill in posting.skills if skill in resume.skills]
    missing = [skill for skill in posting.skills if skill not in resume.skills]
    lines += ["", "## Keywords", ""]
    lines.append(f"- In your resume: {_join(present)}" if present else "- None of the posting's keywords appear yet.")
    if missing:
        lines.append(f"- Not in your resume: {_join(missing)}")

    if signals := _signals(posting):
        lines += ["", "## Team and company", ""] + [f"- “{sentence}”" for sentence in signals]

    gaps = [item for item in must if not item.found]
    missing_must = [skill for skill in posting.must_have_skills if skill not in resume.skills]
    lines += ["", "## Gaps", ""]
    if gaps or missing_must:
        lines += [f"- {item.requirement}" for item in gaps]
        lines += [
            f"- {skill} (asked for as a must-have)"
            for skill in missing_must
            if not any(skill in item.missing_skills for item in gaps)
        ]
    else:
        lines.append("- No must-have requirement is without evidence.")

    strongest = sorted((item for item in must + nice if item.kind == "bullet"), key=lambda item: -item.score)
    questions = list(
        dict.fromkeys(f"Walk through “{item.line}”: your part, the trade-offs, the result." for item in strongest)
    )[:3]
    questions += [
        f"How would you get up to speed on {skill}? Prepare an honest answer and a plan." for skill in missing_must[:2]
    ]
    questions += [
        f"How would you approach this part of the role: {item.rstrip('.')}?" for item in posting.responsibilities[:2]
    ]
    if questions:
        lines += ["", "## Questions to prepare", ""] + [
            f"{number}. {question}" for number, question in enumerate(questions, 1)
        ]
    return "\n".join(lines) + "\n"


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


def stream_chunks(text: str, size: int = 48) -> Iterator[str]:
    """The text in pieces ending at word boundaries, as a model would stream it."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            space = text.rfind(" ", start + 1, end)
            end = space + 1 if space > start else end
        yield text[start:end]
        start = end
