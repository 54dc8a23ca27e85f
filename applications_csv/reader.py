"""A CSV file as people bring it: its encoding and delimiter found, its header and rows read, or why not."""

import csv
import io
import re
from dataclasses import dataclass

from config import UPLOAD_MAX_BYTES

MAX_ROWS = 5_000
DELIMITERS = ",;\t|"
_SNIFF_SAMPLE = 64 * 1024
# What other files start with: people pick a workbook or a PDF in the same file dialog.
_NOT_CSV = {
    b"PK\x03\x04": "This is an Excel or other zipped file, not CSV. In your spreadsheet, save it as “CSV UTF-8”.",
    b"\xd0\xcf\x11\xe0": "This is an old Excel (.xls) file, not CSV. In your spreadsheet, save it as “CSV UTF-8”.",
    b"%PDF": "This is a PDF, not a CSV file.",
}
# Excel writes a first line "sep=;" to say which delimiter the file uses.
_SEPARATOR_LINE = re.compile(r"sep=(.)\r?\n")


class UnreadableFile(ValueError):
    """The file cannot be imported; the message says why, for the person."""


@dataclass(frozen=True)
class CsvFile:
    header: list[str]
    rows: list[list[str]]  # data rows, each as long as the header, blank rows left out
    row_numbers: list[int]  # each row's number in a spreadsheet (the header is row 1)
    encoding: str  # "UTF-8", "UTF-16" or "Windows-1252"
    delimiter: str


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-8 (with or without a byte order mark), UTF-16 with its mark, else
    Windows-1252, which older Excel writes on Western European computers and which reads any byte."""
    for start, message in _NOT_CSV.items():
        if data.startswith(start):
            raise UnreadableFile(message)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise UnreadableFile("This file says it is UTF-16 but is not. Save it again as “CSV UTF-8”.") from None
    if b"\x00" in data:
        raise UnreadableFile("This is not a text file. Choose a CSV file (in a spreadsheet: save as “CSV UTF-8”).")
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise UnreadableFile("This file is in an encoding Job Forge cannot read. Save it as “CSV UTF-8”.") from None


def _columns_by_delimiter(sample: str) -> dict[str, int]:
    """How many columns the first line has with each delimiter (quotes respected)."""
    counts = {}
    for delimiter in DELIMITERS:
        first = next(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), [])
        counts[delimiter] = len(first)
    return counts


def find_delimiter(text: str) -> str:
    """The delimiter: csv.Sniffer's guess when its header row then has more than one column, else
    the one that splits the header row into most columns."""
    sample = text[:_SNIFF_SAMPLE]
    counts = _columns_by_delimiter(sample)
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    if sniffed and counts.get(sniffed, 0) > 1:
        return sniffed
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] > 1 else ","


def read_csv(data: bytes) -> CsvFile:
    """Read an uploaded file; UnreadableFile says why when it cannot be imported."""
    if len(data) > UPLOAD_MAX_BYTES:
        raise UnreadableFile(
            f"This file is {len(data) / 1024 / 1024:.1f} MB; import files up to {UPLOAD_MAX_BYTES // 1024 // 1024} MB."
        )
    text, encoding = decode(data)
    declared = _SEPARATOR_LINE.match(text)
    if declared:
        delimiter, text = declared.group(1), text[declared.end() :]
    else:
        delimiter = find_delimiter(text)
    # Checked after Excel's "sep=" line: a file of that line alone is empty too.
    if not text.strip():
        raise UnreadableFile("This file is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = [name.strip() for name in next(reader)]
        rows, numbers = [], []
        # Numbered as a spreadsheet numbers rows: a cell's line breaks do not count, blank rows do.
        for number, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) == MAX_ROWS:
                raise UnreadableFile(
                    f"This file has more than {MAX_ROWS:,} rows. Split it and import up to {MAX_ROWS:,} at a time."
                )
            # Short rows are padded; cells past the header's last column have no name and are left out.
            rows.append((record + [""] * len(header))[: len(header)])
            numbers.append(number)
    except csv.Error as error:
        raise UnreadableFile(f"This file is not valid CSV near line {reader.line_num}: {error}.") from None
    if len(header) < 2:
        raise UnreadableFile("Job Forge found only one column. Save the file as CSV with a header row.")
    if not rows:
        raise UnreadableFile("This file has a header row but no applications under it.")
    return CsvFile(header, rows, numbers, encoding, delimiter)
