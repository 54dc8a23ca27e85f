"""The export file: UTF-8 with a byte order mark, a header row, RFC 4180 quoting and CRLF, in pieces."""

import csv
import io
from datetime import date

from applications_csv import writer
from applications_csv.cells import HEADER
from tests.unit.test_applications_csv_cells import _application


def _text(applications) -> str:
    return "".join(writer.csv_pieces(applications))


def test_the_file_starts_with_a_byte_order_mark_and_the_header_row():
    text = _text([])
    assert text.startswith("\ufeff")
    assert text == "\ufeff" + ",".join(HEADER) + "\r\n"


def test_fields_with_commas_quotes_and_line_breaks_are_quoted_and_rows_end_in_crlf():
    text = _text([_application(company='Acme, "the" company', notes="line one\nline two", job_description="")])
    body = text.split("\r\n", 1)[1]
    assert body.startswith('"Acme, ""the"" company",Engineer,No response,')
    assert '"line one\nline two"' in body
    assert body.endswith(",\r\n")  # the empty job description is the last cell
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[1][HEADER.index("Company")] == 'Acme, "the" company'
    assert rows[1][HEADER.index("Notes")] == "line one\nline two"


def test_many_rows_come_in_pieces_and_the_first_piece_holds_rows_too(monkeypatch):
    monkeypatch.setattr(writer, "ROWS_PER_PIECE", 2)
    pieces = list(writer.csv_pieces(_application(company=f"Company {n}") for n in range(5)))
    assert len(pieces) == 3
    assert "Company 0" in pieces[0] and "Company 1" in pieces[0]
    assert "Company 4" in pieces[2]
    rows = list(csv.reader(io.StringIO("".join(pieces).removeprefix("\ufeff"), newline="")))
    assert [row[0] for row in rows[1:]] == [f"Company {n}" for n in range(5)]


def test_the_filename_has_the_date():
    assert writer.filename(date(2026, 12, 2)) == "job-forge-applications-2026-12-02.csv"
