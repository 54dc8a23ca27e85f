"""Which column of an imported file is which field, and each row as an application or why it is refused."""

from dataclasses import dataclass, field

from applications_csv import values
from applications_csv.cells import COLUMNS, restore
from applications_csv.reader import CsvFile
from components.status import PRIORITY_LABELS, STATUS_LABELS
from validators import MAX_SOURCE_LENGTH, MAX_TEXT_LENGTH, currency_value, drop_invisible, url_error

# What a column can be, in the order the mapping step shows them. "salary" is one column holding an
# amount or a range ("120k - 150k"), as most trackers keep it; "Salary from"/"Salary to" win over it.
FIELD_LABELS = {
    "company": "Company",
    "role_title": "Role",
    "job_url": "Job URL",
    "status": "Status",
    "applied_on": "Applied on",
    "follow_up_on": "Follow up on",
    "location": "Location",
    "salary": "Salary (amount or range)",
    "salary_min": "Salary from",
    "salary_max": "Salary to",
    "salary_currency": "Currency",
    "source": "Source",
    "priority": "Priority",
    "archived": "Archived",
    "created_on": "Added on",
    "notes": "Notes",
    "job_description": "Job description",
}
REQUIRED = ("company", "role_title")
DATE_FIELDS = ("applied_on", "follow_up_on", "created_on")

# Column names other trackers use, after values.simplified(); the export's own headers come first.
_NAMES = {name: [values.simplified(header)] for name, header in COLUMNS} | {"salary": []}
_NAMES["company"] += ["company name", "employer", "organization", "organisation", "business"]
_NAMES["role_title"] += ["job title", "title", "position", "position title", "role title", "job", "job position"]
_NAMES["job_url"] += [
    "url",
    "link",
    "job link",
    "posting url",
    "job posting",
    "posting",
    "application link",
    "job posting url",
    "website",
]
_NAMES["status"] += ["stage", "state", "application status", "pipeline stage"]
_NAMES["applied_on"] += [
    "date applied",
    "applied",
    "applied date",
    "application date",
    "date of application",
    "applied at",
    "submitted on",
    "date submitted",
]
_NAMES["follow_up_on"] += [
    "follow up",
    "follow up date",
    "next follow up",
    "follow up by",
    "reminder",
    "next action date",
]
_NAMES["location"] += ["city", "place", "job location", "office"]
_NAMES["salary"] += ["salary", "compensation", "pay", "salary range", "expected salary", "salary expectation"]
_NAMES["salary_min"] += ["salary min", "min salary", "minimum salary", "salary low"]
_NAMES["salary_max"] += ["salary max", "max salary", "maximum salary", "salary high"]
_NAMES["salary_currency"] += ["salary currency"]
_NAMES["source"] += ["job board", "found on", "found via", "found through", "platform", "channel", "site"]
_NAMES["priority"] += ["excitement", "importance", "interest"]
_NAMES["created_on"] += [
    "date added",
    "added",
    "created",
    "created at",
    "created on",
    "date saved",
    "saved on",
    "date created",
]
_NAMES["notes"] += ["note", "comments", "comment", "remarks"]
_NAMES["job_description"] += ["description", "job posting text", "posting text", "details"]
_OWN_HEADER = [header for _name, header in COLUMNS]

MAX_SHORT = 200  # company, role, location: the application form's limits (validators.py)
MAX_URL = 2000


def propose(header: list[str]) -> dict[str, int | None]:
    """A column index for each field whose name a column has (each column used once), else None."""
    keys = [values.simplified(name) for name in header]
    mapping: dict[str, int | None] = dict.fromkeys(FIELD_LABELS)
    taken: set[int] = set()
    for name in FIELD_LABELS:
        for alias in _NAMES[name]:
            index = next((i for i, key in enumerate(keys) if key == alias and i not in taken), None)
            if index is not None:
                mapping[name] = index
                taken.add(index)
                break
    return mapping


def is_own_export(header: list[str]) -> bool:
    return header == _OWN_HEADER


def propose_day_first(csv_file: CsvFile, mapping: dict) -> bool | None:
    """True or False when the mapped date columns show it (a 13 where only a day can be), else None."""
    orders = {
        values.numeric_order(row[index])
        for name in DATE_FIELDS
        if (index := mapping.get(name)) is not None
        for row in csv_file.rows
    } - {None}
    return None if len(orders) != 1 else orders == {"day"}


@dataclass
class RowResult:
    number: int  # the row's number in a spreadsheet
    company: str
    role_title: str
    application: dict | None = None  # db.application_transfer.IMPORT_COLUMNS, or None when refused
    refused: list[str] = field(default_factory=list)  # why it was not imported
    notes: list[str] = field(default_factory=list)  # what was read differently from the file


def _text(cells: dict, name: str) -> str:
    return _long_text(cells, name).strip()


def _long_text(cells: dict, name: str) -> str:
    """Notes and postings as they are, spaces around them too, so that an export comes back exact."""
    return drop_invisible(restore(cells.get(name, "")))


def _limited(result: RowResult, what: str, text: str, limit: int) -> str | None:
    if len(text) > limit:
        result.refused.append(f"{what} has {len(text):,} characters; at most {limit:,} fit.")
    return text or None


def _dates(result: RowResult, cells: dict, day_first: bool) -> dict:
    found = {}
    for name in DATE_FIELDS:
        try:
            found[name] = values.date_cell(_text(cells, name), day_first)
        except ValueError as error:
            result.refused.append(f"{FIELD_LABELS[name]}: {error}")
    return found


def _salary(result: RowResult, cells: dict) -> dict:
    try:
        low, high, currency = values.salary_cell(_text(cells, "salary"))
        if "salary_min" in cells:
            low = values.amount_cell(_text(cells, "salary_min"))
        if "salary_max" in cells:
            high = values.amount_cell(_text(cells, "salary_max"))
        currency = currency_value(_text(cells, "salary_currency")) or currency
    except ValueError as error:
        result.refused.append(f"Salary: {error}")
        return {}
    if low is not None and high is not None and high < low:
        result.refused.append(f"Salary: “to” ({high:,}) is below “from” ({low:,}).")
    return {"salary_min": low, "salary_max": high, "salary_currency": currency}


def _url(result: RowResult, text: str) -> str | None:
    if not text:
        return None
    if "://" not in text and "." in text and " " not in text:
        result.notes.append(f"Job URL: read “{text[:60]}” as https://{text[:60]}.")
        text = "https://" + text
    if url_error(text):
        result.refused.append(f"Job URL: “{text[:60]}” is not a web address starting with http:// or https://.")
        return None
    return _limited(result, "Job URL", text, MAX_URL)


def _choice(result: RowResult, cells: dict, name: str) -> str:
    reader, labels = (
        (values.status_cell, STATUS_LABELS) if name == "status" else (values.priority_cell, PRIORITY_LABELS)
    )
    text = _text(cells, name)
    value, recognised = reader(text)
    if not recognised:
        result.notes.append(
            f"{FIELD_LABELS[name]}: “{text[:40]}” is not one Job Forge knows; imported as {labels[value]}."
        )
    return value


def convert_row(number: int, cells: dict, day_first: bool) -> RowResult:
    """One row's cells by field (only the mapped fields) as an application, or the reasons it is refused."""
    company, role_title = _text(cells, "company"), _text(cells, "role_title")
    result = RowResult(number, company, role_title)
    if not company:
        result.refused.append("No company.")
    if not role_title:
        result.refused.append("No role.")
    application = {
        "company": _limited(result, "Company", company, MAX_SHORT),
        "role_title": _limited(result, "Role", role_title, MAX_SHORT),
        "location": _limited(result, "Location", _text(cells, "location"), MAX_SHORT),
        "source": _limited(result, "Source", _text(cells, "source"), MAX_SOURCE_LENGTH),
        "job_url": _url(result, _text(cells, "job_url")),
        "notes": _limited(result, "Notes", _long_text(cells, "notes"), MAX_TEXT_LENGTH) or "",
        "job_description": _limited(result, "Job description", _long_text(cells, "job_description"), MAX_TEXT_LENGTH)
        or "",
        "status": _choice(result, cells, "status"),
        "priority": _choice(result, cells, "priority"),
        **_dates(result, cells, day_first),
        **_salary(result, cells),
    }
    try:
        application["archived"] = values.yes_no_cell(_text(cells, "archived"))
    except ValueError as error:
        result.refused.append(f"Archived: {error}")
    if not result.refused:
        result.application = application
    return result


def convert(csv_file: CsvFile, mapping: dict[str, int | None], day_first: bool) -> list[RowResult]:
    """Every row of the file, read through `mapping` (field -> column index or None)."""
    used = {name: index for name, index in mapping.items() if index is not None and index < len(csv_file.header)}
    return [
        convert_row(number, {name: row[index] for name, index in used.items()}, day_first)
        for number, row in zip(csv_file.row_numbers, csv_file.rows, strict=True)
    ]
