"""Prompt templates (files in ai/prompts/) and fencing untrusted text as data."""

import re
import secrets
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
_FENCE_TAG = re.compile(r"[<‹＜]\s*(/?)\s*data", re.IGNORECASE)


@dataclass(frozen=True)
class PromptTemplate:
    version: str
    system: str
    user: string.Template


@cache
def load_template(phase: str) -> PromptTemplate:
    text = (PROMPTS_DIR / f"{phase}.md").read_text()
    header, rest = text.split("--- system\n", 1)
    system, user = rest.split("--- user\n", 1)
    version = header.strip().removeprefix("version:").strip()
    return PromptTemplate(version, system.strip(), string.Template(user.strip()))


def fence(name: str, text: str, boundary: str) -> str:
    """Wrap untrusted text as data. The tag carries a boundary the text cannot know, and anything
    that looks like a data tag inside is defused, so the text cannot close its own fence."""
    defused = _FENCE_TAG.sub(lambda match: f"‹{match.group(1)}data", (text or "").replace("\u200b", ""))
    return f'<data-{boundary} name="{name}">\n{defused.strip()}\n</data-{boundary}>'


def render(phase: str, fenced: dict[str, str]) -> tuple[str, list[dict]]:
    """(system prompt, messages) for a phase; every value goes in as fenced data."""
    template = load_template(phase)
    boundary = secrets.token_hex(6)
    values = {name: fence(name, text, boundary) for name, text in fenced.items()}
    system = template.system.replace("<data>", f"<data-{boundary}>")
    return system, [{"role": "user", "content": template.user.substitute(values)}]
