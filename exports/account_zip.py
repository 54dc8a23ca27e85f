"""Download all my data: one zip of a person's applications, resumes and documents, written as a stream.

The standard library's zipfile writes to a stream that cannot seek (each entry's sizes go in a
data descriptor after it), so the archive leaves in chunks as it is written: nothing is held
whole in memory, and no third-party zip writer is needed. applications.csv is the dashboard's
Export CSV (applications_csv), read through its server-side cursor; everything else is read in
pages, each in its own short transaction whose connection goes back to the pool before its bytes
are sent, so a slow download holds a connection only while the CSV part goes out.
"""

import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from itertools import chain
from uuid import UUID

from flask import Blueprint, Response
from flask_login import current_user

from applications_csv.writer import csv_pieces
from db import account_data, contacts, events, interviews, resumes, submissions
from db.application_transfer import export_rows
from db.connection import user_tx

blueprint = Blueprint("account_export", __name__)
EXPORT_PATH = "/account/export.zip"

APPLICATION_PAGE = 20  # applications per transaction: each may carry 200,000 characters of text
VERSION_PAGE = 20  # document versions per transaction, up to 100,000 characters each
README = """# Your Job Forge data

Everything Job Forge keeps for you, as of {when} (UTC).

- `applications.csv`: one row per application, as the dashboard's Export CSV writes it (a
  spreadsheet opens it; cells starting with = + - @ get a leading apostrophe so no formula runs).
- `applications.json`: every application with every field, and under each its `events` (the
  timeline), `interviews`, `contacts` and `sent` (each time it was sent, with the version numbers
  of the resume and cover letter sent).
- `resumes/`: each of your base resumes as Markdown (`-primary` marks the primary one).
- `documents/<application>/`: the research report, optimized resume and cover letter of each
  application: `<document>.md` is the text as it is now, and `<document>-v<N>.md` every version
  it has had (generated, edited or restored), oldest first.

Application folders are named after the company and role, with the start of the application's
id (as in `applications.json`) so that two applications to the same role stay apart.
"""


class _Chunks:
    """A write-only stream without seek or tell, which zipfile accepts: collects bytes to hand on."""

    def __init__(self):
        self._buffer = bytearray()

    def write(self, data) -> int:
        self._buffer += data
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = bytes(self._buffer)
        self._buffer.clear()
        return data


def _slug(text: str, limit: int = 40) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-") or "untitled"


def _folder(application: dict) -> str:
    name = _slug(f"{application['company']} {application['role_title']}", 60)
    return f"documents/{name}-{str(application['application_id'])[:8]}"


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def _application_pages(user_id, with_related: bool) -> Iterator[list[dict]]:
    after = None
    while True:
        with user_tx(user_id) as conn:
            page = account_data.applications_after(conn, after, APPLICATION_PAGE)
            for application in page if with_related else ():
                application["events"] = events.list_for(conn, application["id"])
                application["interviews"] = interviews.list_for(conn, application["id"])
                application["contacts"] = contacts.list_for(conn, application["id"])
                application["sent"] = submissions.list_for(conn, application["id"])
        if not page:
            return
        yield page
        after = page[-1]["id"]


def _applications_csv(user_id) -> Iterator[str]:
    """The same file as the dashboard's Export CSV."""
    with user_tx(user_id) as conn:
        yield from csv_pieces(export_rows(conn))


def _applications_json(user_id) -> Iterator[str]:
    separator = "[\n"
    for page in _application_pages(user_id, with_related=True):
        for application in page:
            yield separator + json.dumps(application, default=_plain, ensure_ascii=False, indent=2)
            separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"


def _versions(user_id) -> Iterator[dict]:
    after = None
    while True:
        with user_tx(user_id) as conn:
            page = account_data.versions_after(conn, after, VERSION_PAGE)
        if not page:
            return
        yield from page
        last = page[-1]
        after = (last["application_id"], last["doc_type"], last["version"])


def _entries(user_id) -> Iterator[tuple[str, Iterable[str]]]:
    """(file name in the zip, its text in pieces), in the order they are written.

    The database is read before the first byte, so the download route sees an outage in time to say so.
    """
    with user_tx(user_id) as conn:
        # A person keeps a handful of base resumes: read at once, unlike applications and versions.
        base_resumes = resumes.list_resumes(conn)
    yield "README.md", [README.format(when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M"))]
    yield "applications.csv", _applications_csv(user_id)
    yield "applications.json", _applications_json(user_id)
    for resume in base_resumes:
        primary = "-primary" if resume["is_primary"] else ""
        yield f"resumes/{_slug(resume['name'])}-{str(resume['id'])[:8]}{primary}.md", [resume["content"]]
    for version in _versions(user_id):
        folder = _folder(version)
        yield f"{folder}/{version['doc_type']}-v{version['version']}.md", [version["content"]]
        if version["is_current"]:
            yield f"{folder}/{version['doc_type']}.md", [version["content"]]


def account_zip(user_id) -> Iterator[bytes]:
    """The zip of everything `user_id` has, in chunks of at most about one page's compressed text."""
    out = _Chunks()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, pieces in _entries(user_id):
            with archive.open(name, "w") as entry:
                for piece in pieces:
                    entry.write(piece.encode())
                    if chunk := out.take():
                        yield chunk
            if chunk := out.take():
                yield chunk
    yield out.take()  # the central directory, written as the archive closes


@blueprint.route(EXPORT_PATH)
def download():
    """Signed in only (auth.guard). The first chunk is made before answering, so an outage is a 503 page."""
    user_id = current_user.id
    chunks = account_zip(user_id)
    first = next(chunks)
    filename = f"job-forge-data-{datetime.now(UTC).date().isoformat()}.zip"
    return Response(
        chain([first], chunks),
        mimetype="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
