"""Documents download as Markdown, DOCX and PDF with their text, structure and every non-ASCII character intact."""

import datetime
import io
import re
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from exports import FORMATS, export_document, export_filename, media_type

HARD_BREAK = "  "  # markdown's line break: two spaces at the end of a line

COVER_LETTER = f"""\
# José Müller-Ñúñez

Zürich · jose@example.com · [Portfolio](https://jose.example/work)

Dear Hiring Team at Müller & Söhne GmbH,

I’m applying for the **Senior Backend Engineer** role — “the one with *Go* and Kubernetes”.{HARD_BREAK}
I also read and write Japanese: 日本語も話せます。

What I would bring:

- **Reliability:** cut p99 latency by 40 % at Meridian Technologies
- *Mentoring* three engineers

Kind regards,{HARD_BREAK}
José Müller-Ñúñez
"""

RESUME = """\
# Ana Peña Ødegård

## Experience

### Meridian Technologies — Staff Engineer

1. Led the **payments platform** migration to Go
2. Built *real-time* fraud detection, see [the write-up](https://blog.example.com/fraud)
   - Kafka → feature store → model
   - 99.7 % precision

### Café Zoë — Engineer

1. Started the on-call rotation

## Skills

| Skill | Years |
|---|---|
| Go | 6 |
| Kubernetes | 4 |

Uses `kubectl` daily.
"""

RAW_HTML = "Before <script>alert('x')</script> and <b>not bold</b> after."


def _pdf_text(data: bytes) -> str:
    """All pages' text with whitespace collapsed, since the PDF wraps lines wherever the page ends."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _pdf_font_names(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _pdf_link_targets(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]


def _docx(data: bytes):
    return Document(io.BytesIO(data))


def _styled(document, style_name: str) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == style_name]


# --- Markdown ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [COVER_LETTER, RESUME, RAW_HTML])
def test_markdown_export_is_the_text_itself_as_utf8(text):
    assert export_document(text, "md", "Cover letter").decode("utf-8") == text


# --- DOCX -------------------------------------------------------------------------------------------------------


def test_docx_cover_letter_keeps_text_heading_list_styles_and_link():
    data = export_document(COVER_LETTER, "docx", "Cover letter — Müller & Söhne")
    assert zipfile.is_zipfile(io.BytesIO(data))
    document = _docx(data)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    for expected in [
        "Müller & Söhne GmbH,",
        "I’m applying",
        "— “the one with Go and Kubernetes”.",
        "日本語も話せます。",
    ]:
        assert expected in text
    assert _styled(document, "Heading 1") == ["José Müller-Ñúñez"]
    assert _styled(document, "List Bullet") == [
        "Reliability: cut p99 latency by 40 % at Meridian Technologies",
        "Mentoring three engineers",
    ]
    contact = next(paragraph for paragraph in document.paragraphs if paragraph.text.startswith("Zürich"))
    assert contact.text.endswith("Portfolio (https://jose.example/work)")
    assert [link.url for link in contact.hyperlinks] == ["https://jose.example/work"]
    assert document.core_properties.title == "Cover letter — Müller & Söhne"
    assert document.core_properties.author == ""


def test_docx_keeps_bold_and_italic_runs_and_hard_line_breaks():
    document = _docx(export_document(COVER_LETTER, "docx", "Cover letter"))
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    assert any(run.bold and run.text == "Senior Backend Engineer" for run in runs)
    assert any(run.italic and run.text == "Go" for run in runs)
    assert any(run.italic and run.text == "Mentoring" for run in runs)
    closing = next(paragraph for paragraph in document.paragraphs if paragraph.text.startswith("Kind regards"))
    assert closing.text == "Kind regards,\nJosé Müller-Ñúñez"


def test_docx_resume_has_heading_levels_nested_lists_and_a_table():
    document = _docx(export_document(RESUME, "docx", "Resume"))
    assert _styled(document, "Heading 1") == ["Ana Peña Ødegård"]
    assert _styled(document, "Heading 2") == ["Experience", "Skills"]
    assert _styled(document, "Heading 3") == ["Meridian Technologies — Staff Engineer", "Café Zoë — Engineer"]
    assert _styled(document, "List Number") == [
        "Led the payments platform migration to Go",
        "Built real-time fraud detection, see the write-up (https://blog.example.com/fraud)",
        "Started the on-call rotation",
    ]
    assert _styled(document, "List Bullet 2") == ["Kafka → feature store → model", "99.7 % precision"]
    table = document.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Skill", "Years"],
        ["Go", "6"],
        ["Kubernetes", "4"],
    ]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold


def test_docx_each_numbered_list_starts_again_at_one():
    """Word shares one counter per list style; the second list must not go on from 3."""
    document = _docx(export_document(RESUME, "docx", "Resume"))
    numbered = [paragraph for paragraph in document.paragraphs if paragraph.style.name == "List Number"]
    numbering_ids = [paragraph._p.pPr.numPr.numId.val for paragraph in numbered]
    assert numbering_ids[0] == numbering_ids[1] != numbering_ids[2]


def test_docx_shows_raw_html_as_literal_text():
    document = _docx(export_document(RAW_HTML, "docx", "Letter"))
    assert document.paragraphs[0].text == RAW_HTML
    assert not any(run.bold for run in document.paragraphs[0].runs)


def test_docx_survives_control_characters_and_empty_input():
    document = _docx(export_document("Tab\there, bell\x07 and form feed\x0c gone", "docx", "Letter\x00"))
    assert document.paragraphs[0].text == "Tab\there, bell and form feed gone"
    assert _docx(export_document("", "docx", "")).paragraphs == []


# --- PDF --------------------------------------------------------------------------------------------------------


def test_pdf_cover_letter_text_is_selectable_with_every_character():
    data = export_document(COVER_LETTER, "pdf", "Cover letter — Müller & Söhne")
    assert data.startswith(b"%PDF-")
    text = _pdf_text(data)
    for expected in [
        "José Müller-Ñúñez",
        "Dear Hiring Team at Müller & Söhne GmbH,",
        "I’m applying for the Senior Backend Engineer role — “the one with Go and Kubernetes”.",
        "日本語も話せます。",
        "Portfolio (https://jose.example/work)",
        "• Reliability: cut p99 latency by 40 % at Meridian Technologies",
        "• Mentoring three engineers",
    ]:
        assert expected in text
    assert PdfReader(io.BytesIO(data)).metadata.title == "Cover letter — Müller & Söhne"


def test_pdf_cover_letter_embeds_unicode_fonts_for_bold_italic_and_cjk_and_keeps_the_link():
    data = export_document(COVER_LETTER, "pdf", "Cover letter")
    fonts = _pdf_font_names(data)
    assert {"DejaVuSansBook", "DejaVuSansBold", "DejaVuSansOblique"} <= fonts
    assert any("DroidSansFallback" in font for font in fonts)
    assert _pdf_link_targets(data) == ["https://jose.example/work"]


def test_pdf_resume_keeps_headings_numbered_and_nested_lists_and_table():
    data = export_document(RESUME, "pdf", "Resume")
    text = _pdf_text(data)
    for expected in [
        "Ana Peña Ødegård Experience Meridian Technologies — Staff Engineer",
        "1. Led the payments platform migration to Go",
        "2. Built real-time fraud detection, see the write-up (https://blog.example.com/fraud)",
        "◦ Kafka → feature store → model ◦ 99.7 % precision",
        "Café Zoë — Engineer 1. Started the on-call rotation",
        "Skill Years Go 6 Kubernetes 4",
        "Uses kubectl daily.",
    ]:
        assert expected in text
    assert "DroidSansFallback" not in " ".join(_pdf_font_names(data)), "no CJK here: the big font stays out"


def test_pdf_shows_raw_html_as_literal_text():
    assert RAW_HTML in _pdf_text(export_document(RAW_HTML, "pdf", "Letter"))


def test_pdf_long_document_flows_over_pages_with_numbers():
    sections = [
        f"## Section {number}\n\n" + "Grüße aus Köln — a sentence that fills the line. " * 30 + f"\n\n- point {number}"
        for number in range(1, 9)
    ]
    data = export_document("# Long report\n\n" + "\n\n".join(sections) + "\n\nThe very last line.", "pdf", "Report")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    text = _pdf_text(data)
    assert all(f"Section {number}" in text and f"• point {number}" in text for number in range(1, 9))
    assert "The very last line." in reader.pages[-1].extract_text()
    assert f"2 / {len(reader.pages)}" in reader.pages[1].extract_text()


def test_pdf_of_empty_document_is_still_a_valid_file():
    assert len(PdfReader(io.BytesIO(export_document("", "pdf", ""))).pages) == 1


# --- File names and media types ---------------------------------------------------------------------------------

DAY = datetime.date(2026, 11, 24)


def test_filename_example():
    name = export_filename("Northwind Cloud", "Senior Backend Engineer", "cover_letter", DAY, "pdf")
    assert name == "northwind-cloud_senior-backend-engineer_cover-letter_2026-11-24.pdf"


@pytest.mark.parametrize(
    ("doc_type", "fmt", "expected"),
    [
        ("research", "md", "acme_engineer_research-report_2026-11-24.md"),
        ("resume", "docx", "acme_engineer_resume_2026-11-24.docx"),
        ("cover_letter", "pdf", "acme_engineer_cover-letter_2026-11-24.pdf"),
    ],
)
def test_filename_names_each_document_type(doc_type, fmt, expected):
    assert export_filename("Acme", "Engineer", doc_type, DAY, fmt) == expected


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ("Müller & Söhne GmbH", "muller-sohne-gmbh"),
        ("Straße Ærø Łódź", "strasse-aero-lodz"),
        ("  ../../etc/passwd  ", "etc-passwd"),
        ("C:\\Users\\con", "c-users-con"),
        ("株式会社テスト", "company"),
        ("", "company"),
    ],
)
def test_filename_slugs_unicode_and_path_characters_to_ascii(company, expected):
    assert export_filename(company, "Dev", "resume", DAY, "md") == f"{expected}_dev_resume_2026-11-24.md"


@pytest.mark.parametrize("role", ["", "   ", "—", None])
def test_filename_falls_back_when_role_is_empty(role):
    assert export_filename("Acme", role, "resume", DAY, "pdf") == "acme_role_resume_2026-11-24.pdf"


def test_filename_is_capped_and_never_ends_a_part_with_a_hyphen():
    long_company = "The International Association of Extremely Long Company Names and Subsidiaries " * 3
    long_role = "Principal Distinguished Senior Staff Software Engineer, Infrastructure Platform " * 3
    name = export_filename(long_company, long_role, "research", DAY, "docx")
    assert len(name) <= 120
    company, role, doc_type, rest = name.split("_")
    assert company == "the-international-association-of"
    assert role == "principal-distinguished-senior-staff"
    assert (doc_type, rest) == ("research-report", "2026-11-24.docx")


@pytest.mark.parametrize("company", ['Ünïcødé/Name:With*Bad?Chars<>|"', "a" * 500, "x\x00y", "..", "CON"])
def test_filename_uses_only_characters_safe_on_every_os(company):
    name = export_filename(company, "Rôle/Title", "cover_letter", DAY, "pdf")
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*_[a-z0-9-]+_cover-letter_\d{4}-\d{2}-\d{2}\.pdf", name)
    assert len(name) <= 120


def test_unknown_format_or_document_type_is_an_error():
    with pytest.raises(ValueError, match="format"):
        export_filename("Acme", "Dev", "resume", DAY, "rtf")
    with pytest.raises(ValueError, match="document type"):
        export_filename("Acme", "Dev", "thank_you", DAY, "pdf")
    with pytest.raises(ValueError, match="format"):
        export_document("text", "html", "Title")
    with pytest.raises(ValueError, match="format"):
        media_type("txt")


def test_media_types():
    assert {fmt: media_type(fmt) for fmt in FORMATS} == {
        "md": "text/markdown; charset=utf-8",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "pdf": "application/pdf",
    }
