"""Resume files as text: PDF (pypdf), Word .docx (python-docx; headings and lists as markdown), Markdown, text."""

import base64
import binascii
import io
import logging
import re
import zipfile
from pathlib import PurePath

import docx
from docx.table import Table
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from config import UPLOAD_MAX_BYTES
from validators import MAX_DOCUMENT_LENGTH

log = logging.getLogger("jobforge")

ACCEPTED = ".pdf,.docx,.md,.markdown,.txt,.text"
# What every refusal ends with: the form is left as it was.
KEPT = "Nothing in the form was changed."
# A .docx is a zip: a small file can unpack to gigabytes, so what it unpacks to is bounded too.
MAX_UNPACKED_BYTES = 20 * UPLOAD_MAX_BYTES
# Far beyond any resume; reading a long PDF's pages would keep a worker busy for nothing.
MAX_PDF_PAGES = 30

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
# Old Word .doc files, and also Word files saved with a password (the .docx is wrapped in one).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
# Control characters a text file never holds (tab, newlines and form feed are fine): binary.
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BULLET = re.compile(r"^[ \t]*[•●▪■◦○‣∙·\u2043\uf0b7\uf0a7]\s*", re.M)


class FileRefused(ValueError):
    """A file Job Forge cannot read; str() is the message for the person, `kind` says why."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{message} {KEPT}")
        self.kind = kind


def too_large() -> FileRefused:
    limit_mb = UPLOAD_MAX_BYTES // (1024 * 1024)
    return FileRefused(
        "too_large", f"This file is larger than {limit_mb} MB. Save a smaller copy (without images) or paste the text."
    )


def decode_upload(contents: str) -> bytes:
    """The bytes of a dcc.Upload's `data:<type>;base64,<data>`; the size is checked before decoding."""
    header, separator, encoded = contents.partition(",")
    unreadable = FileRefused("unreadable", "This file could not be read. Try choosing it again.")
    if not separator or not header.endswith(";base64"):
        raise unreadable
    if len(encoded) * 3 // 4 > UPLOAD_MAX_BYTES + 2:  # base64's padding makes up to 2 bytes of slack
        raise too_large()
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise unreadable from None
    if len(data) > UPLOAD_MAX_BYTES:
        raise too_large()
    return data


def _file_name(filename: str) -> PurePath:
    return PurePath(filename.replace("\\", "/"))


def resume_name(filename: str) -> str:
    """The name a resume from this file gets by default: the file's name without its type."""
    return re.sub(r"[_\s]+", " ", _file_name(filename).stem).strip()[:200]


def _sniff(data: bytes) -> str | None:
    """What the first bytes say the file is: "pdf", "docx" (any zip), "ole" (old or locked Word) or None."""
    # Writers may put a little before a PDF's header; readers accept it within the first kilobyte.
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    return None


_NAMED_TYPES = {".pdf": "pdf", ".docx": "docx", ".doc": "ole"} | dict.fromkeys(_TEXT_SUFFIXES)
_TYPE_NAMES = {"pdf": "a PDF (.pdf)", "docx": "a Word document (.docx)", "ole": "a Word document"}


def extract_text(data: bytes, filename: str) -> str:
    """The text of a resume file, judged by its name and its first bytes; FileRefused says why not."""
    path = _file_name(filename)
    suffix, shown = path.suffix.lower(), f"“{path.name[:80]}”"
    if len(data) > UPLOAD_MAX_BYTES:
        raise too_large()
    if not data.strip():
        raise FileRefused("empty", f"{shown} is empty. Choose the file that holds your resume.")
    if suffix not in _NAMED_TYPES:
        raise FileRefused(
            "unsupported",
            f"{shown} is not a file Job Forge reads. Upload a PDF, a Word .docx, a Markdown (.md) or a text (.txt) "
            "file, or paste the text.",
        )
    sniffed = _sniff(data)
    if sniffed is not None and sniffed != _NAMED_TYPES[suffix] and not (suffix == ".docx" and sniffed == "ole"):
        raise FileRefused(
            "mismatch",
            f"{shown} is named as a {suffix} file but holds {_TYPE_NAMES[sniffed]}. Rename it so that its name "
            "ends in its real type and upload it again, or paste the text.",
        )
    if suffix == ".pdf":
        text = _pdf_text(data, shown)
    elif suffix == ".docx":
        text = _docx_text(data, shown)
    elif suffix == ".doc":
        raise FileRefused(
            "unsupported",
            f"{shown} is an old Word .doc file. Open it in Word, save it as .docx or PDF and upload that.",
        )
    else:
        text = _plain_text(data, shown)
    text = _tidy(text)
    if not text:
        raise FileRefused("empty", f"{shown} holds no text. Choose the file that holds your resume.")
    if len(text) > MAX_DOCUMENT_LENGTH:
        raise FileRefused(
            "too_long",
            f"{shown} holds {len(text):,} characters; a resume can have at most {MAX_DOCUMENT_LENGTH:,}. "
            "Paste the part you need.",
        )
    return text


def _tidy(text: str) -> str:
    """One newline style, bullets as markdown, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = _BULLET.sub("- ", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _not_a(shown: str, kind: str) -> FileRefused:
    return FileRefused(
        "unreadable",
        f"{shown} is not a readable {kind} file: it may be damaged. Open it, save it again (or export it as PDF) "
        "and upload that, or paste the text.",
    )


def _pdf_text(data: bytes, shown: str) -> str:
    if _sniff(data) != "pdf":
        raise _not_a(shown, "PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        # Many PDFs are encrypted only against editing, with an empty password to open them.
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("a password is needed")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise FileRefused(
                "too_long",
                f"{shown} has {len(reader.pages)} pages; a resume has a few. Upload the resume on its own, "
                "or paste the text.",
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileRefused:
        raise
    except (FileNotDecryptedError, NotImplementedError):
        # NotImplementedError: an encryption scheme pypdf cannot open.
        raise FileRefused(
            "encrypted",
            f"{shown} is password-protected. Open it, save or print a copy without the password, and upload that.",
        ) from None
    except Exception as error:
        # A parser of files from anywhere: a damaged file can fail in any part of it.
        log.info("Refused a PDF upload: %s", type(error).__name__)
        raise _not_a(shown, "PDF") from None
    if not pages:
        raise _not_a(shown, "PDF")
    if not any(page.strip() for page in pages):
        raise FileRefused(
            "scanned",
            f"{shown} has no text in it, only images: it looks like a scan. Upload the original document (or a PDF "
            "saved from it), or paste the text.",
        )
    # Justified lines come out with runs of spaces between words.
    return re.sub(r"(?<=\S)  +(?=\S)", " ", "\n\n".join(pages))


def _docx_text(data: bytes, shown: str) -> str:
    if _sniff(data) == "ole":
        raise FileRefused(
            "encrypted",
            f"{shown} is password-protected (or an old Word file renamed). Open it in Word, save a copy as .docx "
            "without a password, and upload that.",
        )
    if _sniff(data) != "docx":
        raise _not_a(shown, "Word (.docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ValueError("unpacks to too much")
        return "\n\n".join(_docx_blocks(docx.Document(io.BytesIO(data))))
    except Exception as error:
        # A zip that is no Word document (an .xlsx renamed, a damaged file) fails in many ways.
        log.info("Refused a DOCX upload: %s", type(error).__name__)
        raise _not_a(shown, "Word (.docx)") from None


def _docx_blocks(container) -> list[str]:
    """Paragraphs and tables in their order, a list's items on adjacent lines; tables read cell by cell
    (resumes use them for layout)."""
    blocks: list[str] = []
    in_list = False
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            blocks += _table_blocks(item)
            in_list = False
            continue
        text, is_item = _docx_paragraph(item)
        if not text:
            continue
        if is_item and in_list:
            blocks[-1] += "\n" + text
        else:
            blocks.append(text)
        in_list = is_item
    return blocks


def _table_blocks(table: Table) -> list[str]:
    """A row of one-line cells (a skills table) is one line, "a | b"; bigger cells (a page laid out in
    columns) are read one after the other."""
    blocks = []
    for row in table.rows:
        cells = list({id(cell._tc): cell for cell in row.cells}.values())  # a merged cell is listed per column
        lines = [cell.text.strip() for cell in cells]
        if all("\n" not in line for line in lines):
            line = " | ".join(line for line in lines if line)
            blocks += [line] if line else []
        else:
            for cell in cells:
                blocks += _docx_blocks(cell)
    return blocks


def _docx_paragraph(paragraph) -> tuple[str, bool]:
    """The paragraph as markdown, and whether it is a list item."""
    text = paragraph.text.strip()
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = re.fullmatch(r"Heading ([1-9])", style)
    if not text:
        return "", False
    if style == "Title":
        return f"# {text}", False
    if heading:
        return "#" * min(int(heading[1]), 6) + " " + text, False
    numbering = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if style.startswith(("List Bullet", "List Number", "List Paragraph")) or numbering is not None:
        marker = "1. " if "Number" in style else "- "
        return "  " * _list_level(style, numbering) + marker + _BULLET.sub("", text), True
    runs = [run for run in paragraph.runs if run.text.strip()]
    if runs and all(run.bold for run in runs):
        return f"**{text}**", False
    return text, False


def _list_level(style: str, numbering) -> int:
    """How deep a list item is: "List Bullet 2" is the second level, as is Word's ilvl 1."""
    level = re.search(r" ([2-9])$", style)
    if level:
        return int(level[1]) - 1
    if numbering is not None and numbering.ilvl is not None:
        return min(int(numbering.ilvl.val), 8)
    return 0


def _plain_text(data: bytes, shown: str) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # Older editors on Windows save text as cp1252; bytes it cannot decode either are binary.
        text = data.decode("cp1252", errors="replace").replace("\ufffd", "\x00")
    if _BINARY.search(text):
        raise FileRefused(
            "unreadable",
            f"{shown} is not plain text: it holds binary data. Save your resume as text or Markdown, or paste it.",
        )
    return text
