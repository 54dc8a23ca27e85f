"""The offline drafter: real, grounded drafts built only from the person's resume and the posting.

One module per phase: research.py, tailored_resume.py, cover_letter.py.
"""

from collections.abc import Iterator

from ai.offline.cover_letter import draft_cover_letter
from ai.offline.research import draft_research
from ai.offline.tailored_resume import draft_resume

__all__ = ["MODEL", "PROVIDER", "draft_cover_letter", "draft_research", "draft_resume", "stream_chunks"]

PROVIDER = "offline"
MODEL = "offline-drafter-1"


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
