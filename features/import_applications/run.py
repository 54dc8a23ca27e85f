"""An import from start to end: the file read again, every row checked, the good ones saved together.

The browser sends the whole file with the import, and it is read here from scratch, so nothing
the page holds (a preview, a mapping's options) is trusted beyond the choice it stands for.
"""

from ai.indexing import embed_many_later
from applications_csv.mapping import FIELD_LABELS, RowResult, convert
from applications_csv.reader import read_csv
from db.application_transfer import import_rows
from db.connection import user_tx


def clean_mapping(chosen: dict, columns: int) -> dict[str, int | None]:
    """The browser's {field: column} with anything that is no field or no column of the file dropped."""
    mapping = dict.fromkeys(FIELD_LABELS)
    for name, index in chosen.items():
        if name in mapping and isinstance(index, int) and not isinstance(index, bool) and 0 <= index < columns:
            mapping[name] = index
    return mapping


def import_file(user_id, data: bytes, chosen: dict, day_first: bool) -> list[RowResult]:
    """Import the rows that pass; UnreadableFile (nothing saved) when the file cannot be read.

    All the rows are saved in one transaction: if the database refuses any, none is saved and the
    error reaches the caller. Postings with a description are then embedded in the background, as
    a posting added by hand is, so imported ones show up in search and similar applications.
    """
    csv_file = read_csv(data)
    results = convert(csv_file, clean_mapping(chosen, len(csv_file.header)), day_first)
    accepted = [result for result in results if result.application is not None]
    with user_tx(user_id) as conn:
        ids = import_rows(conn, [result.application for result in accepted])
    postings = [
        (application_id, result.application["job_description"])
        for application_id, result in zip(ids, accepted, strict=True)
        if result.application["job_description"]
    ]
    if postings:
        embed_many_later(user_id, postings)
    return results
