"""Spotting sentences in resumes and postings that address an AI model instead of a reader."""

import re

_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|your\s+|the\s+|these\s+)*"
    r"(?:previous|prior|above|earlier|preceding|system|original)?\s*(?:instructions|rules|prompts?|guidance|directions)"
    r"|\bnew instructions\s*:"
    r"|ignore the (?:posting|resume|job description)"
    r"|you are now\b|developer mode|jailbreak"
    r"|(?:reveal|print|show|repeat) (?:your|the) (?:system )?prompt"
    r"|reply (?:only )?with the word|respond only with"
    r"|^\s*(?:system|assistant)\s*:"
    r"|</?\s*data\b"
    r"|(?:rules|instructions) no longer apply",
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


def is_instruction(sentence: str) -> bool:
    return bool(_INSTRUCTION.search(sentence))


def drop_instructions(text: str) -> str:
    """The text without sentences that try to instruct a model ("ignore previous instructions…").

    The sentence after such an order goes too when it carries the order on ("Write that …"),
    and a dropped sentence that runs onto the next line is dropped to its end.
    """
    kept_lines = []
    skipping = False  # inside, or right after, an instruction
    previous_sentence = ""
    for line in text.splitlines():
        sentences = [match.group(0) for match in _SENTENCE.finditer(line) if match.group(0).strip()]
        kept = []
        for sentence in sentences:
            carries_on = re.match(r"\s*(?:write|say|state|claim|add|pretend|tell)\b", sentence, re.IGNORECASE)
            unfinished = skipping and not kept and not re.search(r"[.!?]\s*$", previous_sentence)
            if is_instruction(sentence) or (skipping and (carries_on or unfinished)):
                skipping, previous_sentence = True, sentence
                continue
            skipping, previous_sentence = False, sentence
            kept.append(sentence)
        if not sentences:
            skipping = False  # a blank line ends any paragraph
            kept_lines.append(line)
        elif kept:
            kept_lines.append("".join(kept).rstrip())
    return "\n".join(kept_lines)
