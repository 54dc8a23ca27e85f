"""The offline cover letter: the person's most relevant achievements, told in the first person."""

import re
from dataclasses import dataclass

from ai.offline.wording import listed
from ai.parsing import (
    TITLE_WORDS,
    Achievement,
    Posting,
    Resume,
    content_words,
    first_sentence,
    parse_posting,
    parse_resume,
)
from ai.skills import find_skills

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
        sentence = f"Your posting asks for {listed(worked)}, "
        sentence += "which is" if len(worked) == 1 else "and each of these is"
        sentence += " part of the work described in my experience"
        if named:
            sentence += f"; {listed(named)} {'is' if len(named) == 1 else 'are'} {where}"
    else:
        which = "which is" if len(named) == 1 else "and these are"
        sentence = f"Your posting asks for {listed(named)}, {which} {where}"
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
        paragraphs.append(f"I also bring experience with {listed(extras[:5])}, which the role mentions as well.")

    focus = _closing_focus(posting, resume)
    if focus:
        paragraphs.append(f"I would welcome a conversation about how I can help {company} {focus}.")
    else:
        paragraphs.append(f"I would welcome a conversation about the {role_title} role.")
    paragraphs.append(f"{_closing_word(writing_sample)}  \n{signer.strip() or resume.name}")
    return "\n\n".join(paragraphs) + "\n"
