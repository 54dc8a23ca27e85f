"""Resume files read as text, and each kind of file that cannot be read refused with what to do."""

import base64
import io
import zipfile

import docx
import pytest
from fpdf.enums import EncryptionMethod

import resume_files
from config import UPLOAD_MAX_BYTES
from resume_files import FileRefused, decode_upload, extract_text, resume_name
from tests.conftest import fixture_text
from tests.support import resume_docx, resume_pdf, scanned_pdf
from validators import MAX_DOCUMENT_LENGTH

RESUME = fixture_text("resume-backend-engineer.txt")
MARKDOWN_RESUME = fixture_text("resume-markdown-example.md")


def refusal(data: bytes, filename: str) -> FileRefused:
    with pytest.raises(FileRefused) as refused:
        extract_text(data, filename)
    assert str(refused.value).endswith("Nothing in the form was changed.")
    return refused.value


def test_a_pdf_gives_its_text_with_bullets_as_markdown():
    text = extract_text(resume_pdf(RESUME.replace("\n- ", "\n• ")), "Jordan Ellis.pdf")
    assert text.startswith("Jordan Ellis\njordan.ellis@email.com")
    assert "Staff Software Engineer — Meridian Technologies" in text
    assert "\n- Built distributed job queue processing 4.5M tasks/day with 99.97% reliability" in text
    assert "  " not in text  # justified lines' runs of spaces are one space


@pytest.mark.parametrize("method", [EncryptionMethod.RC4, EncryptionMethod.AES_128, EncryptionMethod.AES_256])
def test_a_pdf_locked_only_against_editing_opens_with_its_empty_password(method):
    text = extract_text(resume_pdf(RESUME, owner_password="owner", encryption_method=method), "cv.pdf")
    assert "Meridian Technologies" in text


def test_a_pdf_that_needs_a_password_is_refused_as_protected():
    refused = refusal(resume_pdf(RESUME, owner_password="owner", user_password="secret"), "cv.pdf")
    assert refused.kind == "encrypted"
    assert "“cv.pdf” is password-protected" in str(refused)


def test_a_scanned_pdf_is_refused_as_a_scan():
    refused = refusal(scanned_pdf(RESUME), "scan.pdf")
    assert refused.kind == "scanned"
    assert "looks like a scan" in str(refused)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage",
        resume_pdf(RESUME)[:2000],  # cut off in the middle
        resume_pdf(RESUME)[:-300],  # its end lost
    ],
    ids=["garbage after the header", "truncated", "end lost"],
)
def test_a_damaged_pdf_is_refused_as_unreadable(data):
    refused = refusal(data, "cv.pdf")
    assert refused.kind == "unreadable"
    assert "“cv.pdf” is not a readable PDF file" in str(refused)


def test_a_docx_keeps_headings_bullets_and_bold_lines_as_markdown():
    document = docx.Document()
    document.add_heading("Alex Chen", level=0)
    document.add_heading("Experience", level=2)
    document.add_paragraph().add_run("Senior ML Engineer").bold = True
    document.add_paragraph("Led the platform team", style="List Bullet")
    document.add_paragraph("Mentored three engineers", style="List Bullet 2")
    document.add_paragraph("Shipped the feature store", style="List Number")
    skills = document.add_table(rows=1, cols=2)
    skills.cell(0, 0).text, skills.cell(0, 1).text = "Skills", "Python, Go"
    saved = io.BytesIO()
    document.save(saved)
    assert extract_text(saved.getvalue(), "cv.docx") == (
        "# Alex Chen\n\n## Experience\n\n**Senior ML Engineer**\n\n"
        "- Led the platform team\n  - Mentored three engineers\n1. Shipped the feature store\n\n"
        "Skills | Python, Go"
    )


def test_a_docx_built_from_a_markdown_resume_reads_back_as_that_markdown():
    text = extract_text(resume_docx(MARKDOWN_RESUME), "Alex Chen.docx")
    assert text.startswith("# Resume — Alex Chen")
    assert "\n## Work Experience\n\n### TechFin Corp -- Austin, TX\n" in text
    assert "\n- Led ML platform team (3 engineers), built internal MLOps tooling" in text


def test_a_word_file_with_a_password_is_refused_as_protected():
    # Word wraps a password-protected .docx in an OLE compound file, as old .doc files are.
    refused = refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cv.docx")
    assert refused.kind == "encrypted"
    assert "password-protected" in str(refused)


def _zip(**members: bytes) -> bytes:
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return saved.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"This is a plain text file someone named .docx, long enough to be a resume.",
        b"PK\x03\x04 broken zip",
        _zip(**{"xl/workbook.xml": b"<workbook/>"}),  # a spreadsheet renamed
        _zip(**{"word/document.xml": b"\x00" * (resume_files.MAX_UNPACKED_BYTES + 1)}),  # a zip bomb
    ],
    ids=["not a zip", "broken zip", "spreadsheet", "unpacks too large"],
)
def test_a_docx_that_is_not_a_word_document_is_refused_as_unreadable(data):
    refused = refusal(data, "cv.docx")
    assert refused.kind == "unreadable"
    assert "“cv.docx” is not a readable Word (.docx) file" in str(refused)


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"# Alex\n\n- Python\r\n- Go\n\n\n\nEnd", "cv.md"),
        ("\ufeff# Alex\n\n- Python\n- Go\n\nEnd".encode(), "cv.markdown"),
        ("# Alex\n\n- Python\n- Go\n\nEnd".encode("utf-16"), "cv.txt"),
    ],
    ids=["utf-8 with CRLF and blank lines", "utf-8 with BOM", "utf-16"],
)
def test_markdown_and_text_files_are_read_in_their_encoding(data, filename):
    assert extract_text(data, filename) == "# Alex\n\n- Python\n- Go\n\nEnd"


def test_text_saved_by_old_windows_editors_is_read_as_cp1252():
    assert extract_text("Zoë Müller — résumé".encode("cp1252"), "cv.txt") == "Zoë Müller — résumé"


def test_binary_data_named_as_text_is_refused():
    refused = refusal(b"GIF89a\x01\x00\x01\x00\x00\xff\x00,resume", "cv.txt")
    assert refused.kind == "unreadable"
    assert "holds binary data" in str(refused)


@pytest.mark.parametrize(
    ("data", "filename", "holds"),
    [
        (resume_pdf(RESUME), "cv.txt", "a PDF (.pdf)"),
        (resume_docx(MARKDOWN_RESUME), "cv.pdf", "a Word document (.docx)"),
        (resume_pdf(RESUME), "cv.docx", "a PDF (.pdf)"),
    ],
)
def test_a_file_whose_content_is_another_type_than_its_name_is_refused(data, filename, holds):
    refused = refusal(data, filename)
    assert refused.kind == "mismatch"
    assert f"is named as a .{filename.split('.')[1]} file but holds {holds}" in str(refused)


@pytest.mark.parametrize("filename", ["photo.png", "cv.odt", "cv.rtf", "no-extension"])
def test_other_types_are_refused_with_the_types_that_are_read(filename):
    refused = refusal(b"some content", filename)
    assert refused.kind == "unsupported"
    assert "Upload a PDF, a Word .docx, a Markdown (.md) or a text (.txt) file" in str(refused)


def test_an_old_word_doc_is_refused_with_what_to_save_it_as():
    refused = refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cv.doc")
    assert refused.kind == "unsupported"
    assert "save it as .docx or PDF" in str(refused)


@pytest.mark.parametrize(("data", "filename"), [(b"", "cv.pdf"), (b" \n\t ", "cv.txt"), (b"\n", "cv.md")])
def test_an_empty_file_is_refused(data, filename):
    assert refusal(data, filename).kind == "empty"


def test_a_word_document_without_text_is_refused_as_empty():
    saved = io.BytesIO()
    docx.Document().save(saved)
    refused = refusal(saved.getvalue(), "blank.docx")
    assert refused.kind == "empty"
    assert "holds no text" in str(refused)


def test_a_file_with_more_text_than_a_resume_holds_is_refused():
    refused = refusal(b"word " * (MAX_DOCUMENT_LENGTH // 5 + 1), "long.txt")
    assert refused.kind == "too_long"
    assert f"at most {MAX_DOCUMENT_LENGTH:,}" in str(refused)


def test_a_pdf_of_more_pages_than_any_resume_is_refused(monkeypatch):
    monkeypatch.setattr(resume_files, "MAX_PDF_PAGES", 5)  # the fixture resume eight times is seven pages
    assert "Meridian Technologies" in extract_text(resume_pdf(RESUME * 4), "cv.pdf")
    refused = refusal(resume_pdf(RESUME * 8), "thesis.pdf")
    assert refused.kind == "too_long"
    assert "pages; a resume has a few" in str(refused)


def test_a_file_over_the_upload_limit_is_refused_before_it_is_read():
    refused = refusal(b"a" * (UPLOAD_MAX_BYTES + 1), "big.txt")
    assert refused.kind == "too_large"
    assert "larger than 5 MB" in str(refused)


def _data_url(data: bytes, media_type: str = "application/pdf") -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode()}"


def test_an_upload_is_decoded_up_to_the_limit_and_refused_past_it():
    assert decode_upload(_data_url(b"x" * UPLOAD_MAX_BYTES)) == b"x" * UPLOAD_MAX_BYTES
    with pytest.raises(FileRefused) as refused:
        decode_upload(_data_url(b"x" * (UPLOAD_MAX_BYTES + 1)))
    assert refused.value.kind == "too_large"


@pytest.mark.parametrize("contents", ["not a data url", "data:text/plain,plain", "data:text/plain;base64,@@@"])
def test_an_upload_that_is_no_base64_data_url_is_refused(contents):
    with pytest.raises(FileRefused) as refused:
        decode_upload(contents)
    assert refused.value.kind == "unreadable"


@pytest.mark.parametrize(
    ("filename", "name"),
    [("Jordan_Ellis resume.pdf", "Jordan Ellis resume"), ("C:\\Users\\jo\\cv 2026.docx", "cv 2026"), ("cv", "cv")],
)
def test_the_resume_is_named_after_the_file(filename, name):
    assert resume_name(filename) == name
