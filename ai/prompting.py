"""Prompt templates (files in ai/prompts/) and fencing untrusted text as data."""

import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"
_FENCE_TAG = re.compile(r"<(/?)\s*data", re.IGNORECASE)


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


def fence(name: str, text: str) -> str:
    """Wrap untrusted text as data; a look-alike bracket defuses any attempt to close the fence."""
    defused = _FENCE_TAG.sub(lambda match: f"‹{match.group(1)}data", text or "")
    return f'<data name="{name}">\n{defused.strip()}\n</data>'


def render(phase: str, *, fenced: dict[str, str], plain: dict[str, str]) -> tuple[str, list[dict]]:
    """(system prompt, messages) for a phase: `fenced` values go in as data, `plain` ones as they are."""
    template = load_template(phase)
    values = {name: fence(name, text) for name, text in fenced.items()} | plain
    return template.system, [{"role": "user", "content": template.user.substitute(values)}]
