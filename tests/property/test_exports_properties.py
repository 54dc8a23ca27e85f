"""exports on any text: Markdown, DOCX and PDF without error; the words of every script the PDF fonts draw
read back from the DOCX (python-docx) and the PDF (pypdf)."""

import io

import docx
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from exports import FORMATS, export_document
from exports.pdf_writer import BODY_FONT_FILES, FALLBACK_FONT_FILE
from tests.property.strategies import SCRIPTS, any_text, drawn_by, words

# Markdown's own marks, so that generated text often has structure: headings, lists, quotes, code, tables, links.
MARKUP = [
    "# ",
    "## ",
    "- ",
    "  - ",
    "1. ",
    "> ",
    "**",
    "*",
    "`",
    "```\n",
    "---\n",
    "| a | b |\n|---|---|\n",
    "[x](",
    ")",
]
markdown = st.lists(st.one_of(any_text, st.sampled_from(MARKUP), st.just("\n")), max_size=25).map("".join)


@given(markdown, st.sampled_from(FORMATS), any_text)
@example("# \x00\ud800\n- \ufffe **\udfff**", "pdf", "\x00")
@example("| \x00 |\n|---|\n| \ud800 |", "docx", "\ud800")
def test_any_text_exports_to_every_format(text, fmt, title):
    data = export_document(text, fmt, title)
    assert data.startswith({"md": b"", "docx": b"PK\x03\x04", "pdf": b"%PDF-"}[fmt])
    if fmt == "md":
        assert data == text.encode("utf-8", errors="replace")


# The scripts of tests/property/strategies.py, each as far as DejaVu Sans or the CJK fallback draws it. Hebrew
# is left out: without text shaping fpdf2 writes it in logical order, which pypdf reads back reversed.
_DRAWN = drawn_by(BODY_FONT_FILES[""]) | drawn_by(FALLBACK_FONT_FILE)
_SCRIPTS = {script: sorted(set(letters) & _DRAWN) for script, letters in SCRIPTS.items() if script != "hebrew"}
_SHAPES = ["{}", "# {}", "## {}", "- {}", "1. {}", "> {}", "**{}**", "*{}*", "| {} |\n|---|\n| x |"]
documents = st.sampled_from(sorted(_SCRIPTS)).flatmap(
    lambda script: st.lists(st.tuples(st.sampled_from(_SHAPES), words(_SCRIPTS[script], max_size=6)), min_size=1)
)


def _markdown(blocks) -> tuple[str, list[str]]:
    return "\n\n".join(shape.format(" ".join(line)) for shape, line in blocks), [w for _s, line in blocks for w in line]


def _docx_words(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join([paragraph.text for paragraph in document.paragraphs] + cells).split()


def _pdf_words(data: bytes) -> list[str]:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()


@given(documents)
def test_the_words_come_back_from_the_docx(blocks):
    text, expected = _markdown(blocks)
    found = _docx_words(export_document(text, "docx", "Resume"))
    assert all(word in found for word in expected)


@settings(max_examples=8)  # the slowest here: a PDF with CJK embeds a 3.4 MB font
@given(documents)
@example([("{}", ["日本語", "한국어", "ひらがな"])])
def test_the_words_come_back_from_the_pdf(blocks):
    text, expected = _markdown(blocks)
    found = _pdf_words(export_document(text, "pdf", "Resume"))
    assert all(word in found for word in expected)
