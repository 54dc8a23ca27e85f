"""The export's columns, and each value as a cell a spreadsheet shows but never runs as a formula."""

from datetime import date, datetime

from components.status import PRIORITY_LABELS, STATUS_LABELS

# (field, header) in the export's order; the importer recognises these headers as these fields.
COLUMNS = (
    ("company", "Company"),
    ("role_title", "Role"),
    ("status", "Status"),
    ("priority", "Priority"),
    ("applied_on", "Applied on"),
    ("follow_up_on", "Follow up on"),
    ("salary_min", "Salary from"),
    ("salary_max", "Salary to"),
    ("salary_currency", "Currency"),
    ("source", "Source"),
    ("location", "Location"),
    ("job_url", "Job URL"),
    ("archived", "Archived"),
    ("created_on", "Added on"),
    ("notes", "Notes"),
    ("job_description", "Job description"),
)
HEADER = [header for _field, header in COLUMNS]

# Spreadsheets run a cell starting with one of these as a formula (OWASP's CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's own "this is text" mark: it shows the rest of the cell and hides the apostrophe.
TEXT_MARK = "'"


def neutralise(text: str) -> str:
    """`text` with an apostrophe in front when a spreadsheet would run it (or it already has marks
    in front of such a start), so that restore() gives back exactly `text`."""
    return TEXT_MARK + text if text.lstrip(TEXT_MARK).startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo neutralise(): one apostrophe in front of a formula start is the mark, not the text.

    Applied to every file imported: the same apostrophe is what a person types in a spreadsheet
    to keep "=..." as text, so it is never part of the value they meant."""
    if text.startswith(TEXT_MARK) and text.lstrip(TEXT_MARK).startswith(FORMULA_STARTS):
        return text[1:]
    return text


def as_text(field: str, value) -> str:
    """A value as a person reads it: labels for status and priority, ISO dates, "yes" when archived."""
    if value is None:
        return ""
    if field == "status":
        return STATUS_LABELS[value]
    if field == "priority":
        return PRIORITY_LABELS[value]
    if field == "archived":
        return "yes" if value else ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def cells(application: dict) -> list[str]:
    """One application (a row of db.application_transfer.export_rows) as the export's cells."""
    # Labels, dates and "yes" never start like a formula; only free text is changed by neutralise().
    return [neutralise(as_text(field, application[field])) for field, _header in COLUMNS]
