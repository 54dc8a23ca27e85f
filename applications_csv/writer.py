"""Applications written as an RFC 4180 CSV file in UTF-8, piece by piece, for a streamed download."""

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date

from applications_csv.cells import HEADER, cells

# A byte order mark first: Excel reads a CSV file without one in the computer's legacy code page.
BOM = "\ufeff"
ROWS_PER_PIECE = 200


def csv_pieces(applications: Iterable[dict]) -> Iterator[str]:
    """The file as text pieces, CRLF after each row: the mark, the header row and the first rows
    come together, so whatever reads the rows has started before the first piece goes out."""
    buffer = io.StringIO()
    buffer.write(BOM)
    # QUOTE_MINIMAL with "\r\n" is RFC 4180: fields holding a comma, quote or line break are quoted.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number, application in enumerate(applications, start=1):
        writer.writerow(cells(application))
        if number % ROWS_PER_PIECE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def filename(today: date) -> str:
    return f"job-forge-applications-{today.isoformat()}.csv"
