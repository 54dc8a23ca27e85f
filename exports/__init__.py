"""Download a generated document (research report, resume, cover letter) as Markdown, DOCX or PDF."""

import datetime
import re
import unicodedata

from exports.blocks import clean_text, parse_blocks

FORMATS = ("md", "docx", "pdf")

_MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
_DOC_TYPE_SLUGS = {"research": "research-report", "resume": "resume", "cover_letter": "cover-letter"}
# Letters that Unicode does not decompose into an ASCII base letter, so NFKD alone would drop them.
_ASCII_SPELLINGS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "ı": "i"}
)
# Each free-text part is capped so the whole name stays far below the 255-byte limit of file systems
# and short enough to read in a browser's download bar: at most 40 + 40 + 15 + 10 + 3 + 5 = 113 characters.
MAX_SLUG_LENGTH = 40


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def slugify(text: str, fallback: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """'Müller & Söhne GmbH' → 'muller-sohne-gmbh': lower-case ASCII words joined by hyphens, never empty."""
    ascii_text = unicodedata.normalize("NFKD", (text or "").translate(_ASCII_SPELLINGS))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        # Cut at a word boundary when there is one in the second half, so no word is left half-written.
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary > max_length // 2 else slug[:max_length]
        slug = slug.strip("-")
    return slug or fallback


def export_filename(company: str, role_title: str, doc_type: str, day: datetime.date, fmt: str) -> str:
    """e.g. 'northwind-cloud_senior-backend-engineer_cover-letter_2026-11-24.pdf', safe on every OS."""
    _check_format(fmt)
    if doc_type not in _DOC_TYPE_SLUGS:
        raise ValueError(f"unknown document type {doc_type!r}; expected one of {', '.join(_DOC_TYPE_SLUGS)}")
    parts = [slugify(company, "company"), slugify(role_title, "role"), _DOC_TYPE_SLUGS[doc_type], f"{day:%Y-%m-%d}"]
    return f"{'_'.join(parts)}.{fmt}"


def media_type(fmt: str) -> str:
    _check_format(fmt)
    return _MEDIA_TYPES[fmt]


def export_document(markdown_text: str, fmt: str, title: str) -> bytes:
    """The document in `fmt`. `title` goes into the file's properties, not onto the page: the text is the person's."""
    _check_format(fmt)
    markdown_text = markdown_text or ""
    if fmt == "md":
        # "replace" only matters for lone surrogates, which cannot be written as UTF-8 at all.
        return markdown_text.encode("utf-8", errors="replace")
    blocks, title = parse_blocks(markdown_text), clean_text(title or "")
    # The writers are imported on first use: fpdf2 alone adds about 0.3 s to the app's start-up.
    if fmt == "docx":
        from exports.docx_writer import render_docx

        return render_docx(blocks, title)
    from exports.pdf_writer import render_pdf

    return render_pdf(blocks, title)
