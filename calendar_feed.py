"""Follow-ups and interviews as iCalendar: a person's private feed URL, and one interview as a file.

The feed (GET /calendar/<token>.ics) is read by calendar apps, which have no session: the token
is the only credential. It is 256 random bits stored only as a SHA-256 hash
(db/calendar_feeds.py), found through a narrow SECURITY DEFINER lookup, and the events are then
read through user_tx(owner), so row level security shows exactly what the owner would see. An
unknown or reset token gets an empty 404 and nothing else.

What leaves Job Forge in the feed is what a calendar entry needs: the title (company and role),
the time and a link back to the application, never notes, since calendar services keep copies
of every feed they read. The single-interview download is a signed-in person's own action, so it
carries the interview's notes too.

The token must not reach a log: gunicorn's access log and the app's log lines go through
redact_feed_tokens (gunicorn.conf.py), and rate limits are keyed by the token's hash.
"""

import hashlib
import re
import uuid
from datetime import UTC, timedelta

from flask import Blueprint, Response, abort, request
from flask_login import current_user
from icalendar import Calendar, Event

from auth.limits import limiter
from components.callback_inputs import id_input
from components.status import INTERVIEW_KIND_LABELS
from db import calendar_feeds
from db import interviews as interview_queries
from db.connection import anonymous_tx, user_tx

blueprint = Blueprint("calendar", __name__)

INTERVIEW_LENGTH = timedelta(hours=1)  # interviews have a start only; an hour is the usual slot
# Calendar apps poll every few minutes to every few hours, and a person may subscribe from
# several devices: 120 an hour is far above that and stops a runaway client. Calendar services
# fetch for many people from shared addresses, so the per-address limit is loose; it only stops
# floods (the token cannot be guessed, so there is nothing to slow down for guessing).
FEED_LIMIT_PER_LINK = "120 per hour"
FEED_LIMIT_PER_ADDRESS = "300 per minute"
_UID_DOMAIN = "job-forge"
_FEED_TOKEN_IN_PATH = re.compile(r"(/calendar/)[^/?#\s\"]+")


def redact_feed_tokens(text: str) -> str:
    """`text` with any feed token in a /calendar/ path replaced, for log lines."""
    return _FEED_TOKEN_IN_PATH.sub(r"\1[token]", text)


def _token_key() -> str:
    token = (request.view_args or {}).get("token", "")
    return "calendar-feed:" + hashlib.sha256(token.encode()).hexdigest()[:32]


def _application_url(application_id) -> str:
    return f"{request.host_url}applications/{application_id}"


def _link_back(url: str, notes: str = "") -> str:
    return f"{notes}\n\n{url}".strip() if notes else f"Open the application in Job Forge: {url}"


def follow_up_event(row: dict) -> Event:
    """An all-day event on the follow-up date; its UID stays when the date moves."""
    url = _application_url(row["id"])
    return Event.new(
        uid=f"follow-up-{row['id']}@{_UID_DOMAIN}",
        summary=f"Follow up: {row['company']} — {row['role_title']}",
        start=row["follow_up_on"],
        end=row["follow_up_on"] + timedelta(days=1),
        url=url,
        description=_link_back(url),
    )


def interview_event(row: dict, notes: str = "") -> Event:
    url = _application_url(row["application_id"])
    starts_at = row["starts_at"].astimezone(UTC)
    return Event.new(
        uid=f"interview-{row['id']}@{_UID_DOMAIN}",
        summary=f"{INTERVIEW_KIND_LABELS[row['kind']]} interview: {row['company']} — {row['role_title']}",
        start=starts_at,
        end=starts_at + INTERVIEW_LENGTH,
        url=url,
        description=_link_back(url, notes),
    )


def _calendar(events: list[Event], calendar_uid: str, name: str) -> bytes:
    calendar = Calendar.new(
        prodid="-//Job Forge//Follow-ups and interviews//EN",
        uid=calendar_uid,
        name=name,
        refresh_interval=timedelta(hours=1),
        subcomponents=events,
    )
    return calendar.to_ical()


def _ics_response(body: bytes, **headers) -> Response:
    # Cache-Control: no-store comes from security_headers.py, as for every private response.
    return Response(body, mimetype="text/calendar", headers=headers)


def _not_found() -> Response:
    return Response(status=404)


# The one route auth/guard.py lets through without a session (endpoint "calendar.feed").
@blueprint.get("/calendar/<token>.ics", endpoint="feed")
@limiter.limit(FEED_LIMIT_PER_LINK, key_func=_token_key)
@limiter.limit(FEED_LIMIT_PER_ADDRESS)
def feed(token: str):
    with anonymous_tx() as conn:
        owner = calendar_feeds.owner_of(conn, token)
    if owner is None:
        return _not_found()
    with user_tx(owner) as conn:
        entries = calendar_feeds.feed_entries(conn)
    events = [follow_up_event(row) for row in entries["follow_ups"]]
    events += [interview_event(row) for row in entries["interviews"]]
    # A stable calendar UID that does not reveal the person's id.
    calendar_uid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"job-forge-calendar-feed:{owner}"))
    return _ics_response(_calendar(events, calendar_uid, "Job Forge"))


@blueprint.get("/interviews/<interview_id>.ics", endpoint="interview")
def interview_file(interview_id: str):
    """One interview as a file to open in any calendar app; someone else's id is just not found."""
    parsed = id_input(interview_id)
    if parsed is None:
        abort(404)
    with user_tx(current_user.id) as conn:
        row = interview_queries.get_interview(conn, parsed)
    if row is None:
        abort(404)
    event = interview_event(row, row["notes"])
    body = _calendar([event], str(uuid.uuid4()), f"Interview: {row['company']}")
    filename = re.sub(r"[^a-z0-9]+", "-", f"interview {row['company']} {row['starts_at']:%Y-%m-%d}".lower())
    return _ics_response(body, **{"Content-Disposition": f'attachment; filename="{filename.strip("-")}.ics"'})
