"""A fetched page read as a job posting: its schema.org JobPosting (JSON-LD) first, else its main text.

Applicant-tracking pages (Greenhouse, Lever, Ashby, Workday, SmartRecruiters) embed a JobPosting;
for other pages readability finds the main text and the title and site name fill what they can.
"""

import html as entities
import json
import logging
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree
from readability import Document
from readability.readability import Unparseable

from postings.html_text import element_text, html_to_text

MAX_FIELD_LENGTH = 200  # company, role title and location, as validators.validate_application allows
# A page's main text shorter than this is a sign-in page, an error or a closed posting, not a posting.
MIN_MAIN_TEXT = 200
_MAX_DEPTH = 12
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# readability logs a traceback for each page it cannot read; that is a refusal told to the person.
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)


class NotAPosting(ValueError):
    """The page holds no job posting that could be read; the message is for the person."""

    def __init__(self):
        super().__init__("That page has no job posting Job Forge could read. Paste the posting's text instead.")


@dataclass(frozen=True)
class Posting:
    company: str = ""
    role_title: str = ""
    location: str = ""
    job_description: str = ""


def _short(text: str) -> str:
    # Boards often write entities into JSON-LD names ("R&amp;D Engineer"), which JSON leaves as they are.
    text = " ".join(entities.unescape(text).split())
    if len(text) <= MAX_FIELD_LENGTH:
        return text
    return text[: MAX_FIELD_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value) -> str:
    """A JSON-LD value as text: strings as they are, a thing by its name, a list by its first."""
    for item in _as_list(value):
        if isinstance(item, str | int | float) and not isinstance(item, bool) and str(item).strip():
            return str(item).strip()
        if isinstance(item, dict):
            name = _text(item.get("name")) or _text(item.get("legalName"))
            if name:
                return name
    return ""


def _is_job_posting(thing: dict) -> bool:
    return any(
        isinstance(kind, str) and kind.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting"
        for kind in _as_list(thing.get("@type"))
    )


def _things(data, depth: int = 0):
    """Every object in a JSON-LD value: lists, @graph and what a page's mainEntity holds."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _things(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item"):
            if isinstance(data.get(key), list | dict):
                yield from _things(data[key], depth + 1)


def _json_ld(doc) -> list:
    found = []
    for script in doc.iter("script"):
        if (script.get("type") or "").split(";")[0].strip().lower() != "application/ld+json":
            continue
        source = (script.text or "").strip()
        # Some pages wrap the JSON in an HTML comment or CDATA, a habit of old templates.
        for wrapper in ("<!--", "//<![CDATA[", "<![CDATA["):
            source = source.removeprefix(wrapper)
        for wrapper in ("-->", "//]]>", "]]>"):
            source = source.removesuffix(wrapper)
        try:
            found.append(json.loads(source, strict=False))  # raw newlines inside strings are common
        except (ValueError, RecursionError):
            continue
    return found


def _address(value) -> str:
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, dict):
        return _text(value)
    parts = []
    for key in ("addressLocality", "addressRegion", "addressCountry"):
        part = _text(value.get(key))
        if part and part.lower() not in (seen.lower() for seen in parts):
            parts.append(part)
    return ", ".join(parts) or _text(value.get("name"))


def _place(value) -> str:
    if isinstance(value, dict):
        addresses = [_address(address) for address in _as_list(value.get("address"))]
        return "; ".join(address for address in addresses if address) or _text(value.get("name"))
    return _address(value)


def _location(posting: dict) -> str:
    places = []
    for place in _as_list(posting.get("jobLocation")):
        if (text := _place(place)) and text not in places:
            places.append(text)
    remote = any(
        isinstance(kind, str) and kind.strip().upper() == "TELECOMMUTE"
        for kind in _as_list(posting.get("jobLocationType"))
    )
    if not remote:
        return "; ".join(places)
    regions = [_text(region) for region in _as_list(posting.get("applicantLocationRequirements"))]
    where = "Remote" + (f" ({', '.join(region for region in regions if region)})" if any(regions) else "")
    return " or ".join([where, *places])


def _section(value) -> str:
    """A description-like value: HTML or text, or a list of them (schema.org allows both) as bullets."""
    if isinstance(value, str):
        return html_to_text(value)
    items = [html_to_text(item) for item in _as_list(value) if isinstance(item, str)]
    return "\n".join(f"- {item}" for item in items if item)


def _description(posting: dict) -> str:
    keys = ("description", "responsibilities", "qualifications", "skills")
    parts = [part for key in keys if (part := _section(posting.get(key)))]
    description = parts[0] if parts else ""
    # Most boards put everything in description; the other keys add only what it does not hold.
    return "\n\n".join([description, *(part for part in parts[1:] if part not in description)]).strip()


def _from_json_ld(doc) -> Posting | None:
    postings = [thing for data in _json_ld(doc) for thing in _things(data) if _is_job_posting(thing)]
    for posting in postings:
        description = _description(posting)
        if description:
            return Posting(
                company=_short(_text(posting.get("hiringOrganization")) or _meta(doc, "og:site_name")),
                role_title=_short(_text(posting.get("title")) or _text(posting.get("name"))),
                location=_short(_location(posting)),
                job_description=description,
            )
    return None


def _meta(doc, name: str) -> str:
    for meta in doc.iter("meta"):
        named = name in ((meta.get("property") or "").lower(), (meta.get("name") or "").lower())
        if named and (content := (meta.get("content") or "").strip()):
            return content
    return ""


def _first_heading(doc) -> str:
    heading = next(doc.iter("h1"), None)
    return element_text(heading) if heading is not None else ""


def _from_main_text(html: str, doc) -> Posting:
    try:
        readable = Document(html)
        text = html_to_text(readable.summary(html_partial=True))
        title = readable.short_title()
    except (Unparseable, etree.LxmlError, ValueError, AssertionError) as error:
        # readability asserts on some broken pages ("too many bodies"): one more page it cannot read.
        raise NotAPosting from error
    if len(text) < MIN_MAIN_TEXT:
        raise NotAPosting
    return Posting(
        company=_short(_meta(doc, "og:site_name") or _meta(doc, "application-name")),
        role_title=_short(_first_heading(doc) or _meta(doc, "og:title") or title or ""),
        job_description=text,
    )


def parse_posting(html: str) -> Posting:
    """The posting a page holds, or NotAPosting."""
    # lxml refuses text that still declares its encoding (an XHTML page's <?xml ... ?>).
    # lxml takes no control characters (a stray NUL is common enough in scraped pages).
    html = _CONTROL.sub("", html).lstrip("\ufeff").strip()
    if html.startswith("<?xml"):
        html = html.split("?>", 1)[-1]
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise NotAPosting from error
    return _from_json_ld(doc) or _from_main_text(html, doc)
