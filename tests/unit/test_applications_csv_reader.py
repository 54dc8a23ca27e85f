"""Reading uploaded CSV files: encodings, byte order marks, delimiters, quoting, CRLF, and clear refusals."""

import pytest

from applications_csv.reader import MAX_ROWS, UnreadableFile, find_delimiter, read_csv
from config import UPLOAD_MAX_BYTES


def test_a_utf8_file_with_a_byte_order_mark_and_crlf_reads_cleanly():
    parsed = read_csv("\ufeffCompany,Role\r\nAcme,Engineer\r\nZürich AG,Analyst\r\n".encode())
    assert parsed.header == ["Company", "Role"]  # no BOM glued to the first name
    assert parsed.rows == [["Acme", "Engineer"], ["Zürich AG", "Analyst"]]
    assert parsed.encoding == "UTF-8"
    assert parsed.delimiter == ","


def test_quoted_cells_keep_delimiters_quotes_and_line_breaks():
    data = b'Company,Role,Notes\r\n"Acme, Inc.","Engineer","She said ""hi""\r\nsecond line"\r\nGlobex,Analyst,\r\n'
    parsed = read_csv(data)
    assert parsed.rows[0] == ["Acme, Inc.", "Engineer", 'She said "hi"\r\nsecond line']
    assert parsed.row_numbers == [2, 3]  # spreadsheet rows: a line break inside a cell is not a row


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_the_delimiter_is_found(delimiter):
    text = delimiter.join(["Company", "Job Title", "Date Applied"]) + "\n"
    text += delimiter.join(["Acme", "Engineer, Backend", "2026-03-01"]) + "\n"
    parsed = read_csv(text.replace("Engineer, Backend", '"Engineer, Backend"').encode())
    assert parsed.delimiter == delimiter
    assert parsed.rows == [["Acme", "Engineer, Backend", "2026-03-01"]]


def test_a_semicolon_file_with_commas_in_cells_is_still_semicolons():
    assert find_delimiter("Company;Notes\nAcme;one, two, three\nGlobex;four, five\n") == ";"


def test_excel_sep_line_names_the_delimiter():
    parsed = read_csv(b"sep=;\r\nCompany;Role\r\nAcme;Engineer\r\n")
    assert parsed.delimiter == ";"
    assert parsed.header == ["Company", "Role"]
    assert parsed.row_numbers == [2]


def test_a_windows_1252_file_is_read_as_such():
    parsed = read_csv("Company;Role\r\nCafé Müller;Barista – lead\r\n".encode("cp1252"))
    assert parsed.encoding == "Windows-1252"
    assert parsed.rows == [["Café Müller", "Barista – lead"]]


def test_a_utf16_file_from_excel_unicode_text_is_read():
    parsed = read_csv("Company\tRole\r\nÅkerberg\tEngineer\r\n".encode("utf-16"))
    assert parsed.encoding == "UTF-16"
    assert parsed.rows == [["Åkerberg", "Engineer"]]


def test_blank_rows_are_skipped_and_short_rows_padded_long_rows_cut():
    parsed = read_csv(b"Company,Role,Notes\n\nAcme,Engineer\n,,\nGlobex,Analyst,n,extra\n")
    assert parsed.rows == [["Acme", "Engineer", ""], ["Globex", "Analyst", "n"]]
    assert parsed.row_numbers == [3, 5]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04rest of a workbook", "Excel"),
        (b"%PDF-1.7 ...", "PDF"),
        (b"Company,Role\x00\x01\x02", "not a text file"),
        (b"   \r\n", "empty"),
        (b"Company,Role\r\n", "no applications"),
        (b"just one column\nvalue\n", "only one column"),
    ],
)
def test_files_that_cannot_be_imported_say_why(data, message):
    with pytest.raises(UnreadableFile, match=message):
        read_csv(data)


def test_more_than_the_row_limit_is_refused_whole():
    data = ("Company,Role\n" + "Acme,Engineer\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(UnreadableFile, match="more than 5,000 rows"):
        read_csv(data)
    assert len(read_csv(("Company,Role\n" + "Acme,Engineer\n" * MAX_ROWS).encode()).rows) == MAX_ROWS


def test_a_file_over_the_upload_limit_is_refused():
    with pytest.raises(UnreadableFile, match="up to 5 MB"):
        read_csv(b"Company,Role\n" + b"a" * UPLOAD_MAX_BYTES)
