"""What every feature of the application page shares: the id of the application shown, and loading it."""

import uuid
from datetime import date

from db import applications as application_queries


class Ids:
    application_id = "application-id"  # a dcc.Store holding the id from the URL: a lookup key, never trusted


def parse_id(application_id) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(application_id))
    except ValueError:
        return None


def load_application(conn, application_id) -> dict | None:
    parsed = parse_id(application_id)
    return application_queries.get_application(conn, parsed) if parsed else None


def day_label(day: date) -> str:
    """Dec 1, 2026."""
    return f"{day:%b} {day.day}, {day.year}"
