"""GET /applications/export.csv: every application of the signed-in person as a CSV file, streamed.

auth/guard.py keeps it behind a login like every route not listed as public. The first rows are
read before the response starts, so a database outage is the usual 503 page (error_pages.py),
not a file cut short; the rest is read through a server-side cursor as the download proceeds.
"""

from datetime import date
from itertools import chain

from flask import Blueprint, Response
from flask_login import current_user

from applications_csv.writer import csv_pieces, filename
from db.application_transfer import export_rows
from db.connection import user_tx

blueprint = Blueprint("applications_export", __name__)
PATH = "/applications/export.csv"


def _encoded(user_id):
    with user_tx(user_id) as conn:
        for piece in csv_pieces(export_rows(conn)):
            yield piece.encode()


@blueprint.get(PATH, endpoint="download")
def download():
    pieces = _encoded(current_user.id)
    first = next(pieces)  # the header and the first rows: any database error is raised here
    # The rest needs no request context: the person's id was read above.
    return Response(
        chain([first], pieces),
        content_type="text/csv; charset=utf-8; header=present",
        headers={"Content-Disposition": f'attachment; filename="{filename(date.today())}"'},
    )
