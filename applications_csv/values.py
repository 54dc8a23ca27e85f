"""Cells from any tracker's file read as Job Forge values: dates, statuses, priorities, salaries, yes/no.

Each reader returns the value or raises ValueError saying, for the person, what was wrong.
"""

import re
from datetime import date

from components.status import PRIORITY_LABELS, STATUS_LABELS
from validators import EARLIEST_YEAR, LATEST_YEAR, MAX_SALARY


def simplified(text: str) -> str:
    """Lower case, punctuation and runs of spaces as one space: "Date-Applied " is "date applied"."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


# Dates --------------------------------------------------------------------------------------------
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
# A time after the date ("2026-03-01T09:30:00Z", "3/1/2026 9:30 AM") says nothing about the day.
_TIME = re.compile(
    r"(?:[T\s]|^)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|[+-]\d{2}:?\d{2})?$", re.I
)
DATE_HINT = "Use a date like 2026-03-01, 03/01/2026 or 1 Mar 2026."


def _checked(year: int, month: int, day: int) -> date:
    try:
        value = date(year, month, day)
    except ValueError:
        raise ValueError(f"There is no such date. {DATE_HINT}") from None
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"The year must be between {EARLIEST_YEAR} and {LATEST_YEAR}.")
    return value


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _with_month_name(text: str) -> date | None:
    """1 Mar 2026, 01-Mar-2026, March 1, 2026, Sun 1st March 2026."""
    words = re.findall(r"[a-z]+", text.lower())
    numbers = re.findall(r"\d+", text)
    months = [MONTHS[word[:3]] for word in words if word[:3] in MONTHS and word[:3] not in _WEEKDAYS]
    extra = [word for word in words if word[:3] not in MONTHS and word[:3] not in _WEEKDAYS]
    if len(months) != 1 or len(numbers) != 2 or set(extra) - {"st", "nd", "rd", "th", "of"}:
        return None
    first, second = numbers
    year, day = (first, second) if len(first) == 4 else (second, first)
    return _checked(_year(year), months[0], int(day))


def numeric_order(text: str) -> str | None:
    """For a date like 03/04/2026: "day" when it can only be day first (13/04), "month" when only
    month first (04/13), None when either could be. Dotted dates are always day first."""
    found = _NUMERIC.fullmatch(_TIME.sub("", text.strip()))
    if not found or found.group(2) == ".":
        return None
    first, second = int(found.group(1)), int(found.group(3))
    if first > 12 >= second:
        return "day"
    if second > 12 >= first:
        return "month"
    return None


def date_cell(text: str, day_first: bool) -> date | None:
    """A date in any common form; `day_first` decides 03/04/2026 (dotted dates are always day first)."""
    cleaned = _TIME.sub("", text.strip()).strip().rstrip(",")
    if not cleaned:
        return None
    if found := _ISO.fullmatch(cleaned):
        return _checked(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    if found := _NUMERIC.fullmatch(cleaned):
        first, separator, second, year = found.groups()
        day, month = (first, second) if day_first or separator == "." else (second, first)
        return _checked(_year(year), int(month), int(day))
    if (value := _with_month_name(cleaned)) is not None:
        return value
    raise ValueError(f"“{text.strip()[:40]}” is not a date Job Forge can read. {DATE_HINT}")


# Statuses and priorities ------------------------------------------------------------------------
# Other trackers' words (Huntr, Teal, Simplify, spreadsheets), after simplified().
STATUS_WORDS = {
    "draft": (
        "draft",
        "wishlist",
        "wish list",
        "bookmarked",
        "saved",
        "interested",
        "to apply",
        "not applied",
        "planned",
        "prospect",
        "researching",
        "todo",
        "to do",
        "not started",
        "new",
    ),
    "applied": (
        "applied",
        "application sent",
        "submitted",
        "sent",
        "application submitted",
        "in review",
        "under review",
        "pending",
    ),
    "interview": (
        "interview",
        "interviewing",
        "interviews",
        "phone screen",
        "screening",
        "screen",
        "technical interview",
        "onsite",
        "on site",
        "final round",
        "interview scheduled",
        "assessment",
        "take home",
        "in progress",
    ),
    "offer": ("offer", "offered", "offer received", "accepted", "offer accepted", "hired", "negotiating"),
    "rejected": ("rejected", "rejection", "not selected", "turned down", "unsuccessful", "declined by company"),
    "withdrawn": ("withdrawn", "withdrew", "withdraw", "offer declined", "declined offer", "not interested"),
    "no_response": ("no response", "no reply", "no answer", "ghosted", "expired", "no news"),
}
_STATUS_BY_WORD = {
    **{simplified(word): status for status, words in STATUS_WORDS.items() for word in words},
    **{simplified(label): status for status, label in STATUS_LABELS.items()},
    **{simplified(status): status for status in STATUS_LABELS},
}
UNKNOWN_STATUS = "draft"


def status_cell(text: str) -> tuple[str, bool]:
    """(status, recognised). An empty cell is a draft; a word Job Forge does not know is one too,
    and recognised is then False so that the report can say so."""
    key = simplified(text)
    if not key:
        return "draft", True
    if key in _STATUS_BY_WORD:
        return _STATUS_BY_WORD[key], True
    return UNKNOWN_STATUS, False


_PRIORITY_BY_WORD = {
    **{simplified(label): priority for priority, label in PRIORITY_LABELS.items()},
    "medium": "normal",
    "med": "normal",
    "mid": "normal",
    "1": "low",
    "2": "low",
    "3": "normal",
    "4": "high",
    "5": "high",
    "urgent": "high",
    "top": "high",
}


def priority_cell(text: str) -> tuple[str, bool]:
    """(priority, recognised): Low, Normal (Medium) or High, or 1-5 stars; anything else is Normal."""
    key = simplified(text)
    if not key:
        return "normal", True
    if key in _PRIORITY_BY_WORD:
        return _PRIORITY_BY_WORD[key], True
    return "normal", False


# Yes or no --------------------------------------------------------------------------------------
_YES = {"yes", "y", "true", "1", "x", "archived"}
_NO = {"", "no", "n", "false", "0"}


def yes_no_cell(text: str) -> bool:
    key = simplified(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(f"“{text.strip()[:40]}” is neither yes nor no.")


# Salaries ---------------------------------------------------------------------------------------
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CODE = re.compile(r"\b([A-Za-z]{3})\b")
_RANGE = re.compile(r"\s*(?:-|–|—|\bto\b)\s*")


def amount_cell(text: str) -> int | None:
    """An amount: 120000, 120,000, 120 000, 120.000, 120000.00, 120k, $120K."""
    cleaned = re.sub(r"[\s,_'$€£¥₹]", "", text.strip())
    if not cleaned:
        return None
    if found := re.fullmatch(r"(\d+(?:\.\d+)?)k", cleaned, re.I):
        value = round(float(found.group(1)) * 1000)
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", cleaned):  # dots between thousands, as in much of Europe
        value = int(cleaned.replace(".", ""))
    elif re.fullmatch(r"\d+(?:\.\d{1,2})?", cleaned):
        value = round(float(cleaned))
    else:
        raise ValueError(f"“{text.strip()[:40]}” is not an amount, like 120000 or 120k.")
    if value > MAX_SALARY:
        raise ValueError(f"An amount can be at most {MAX_SALARY:,}.")
    return value


def salary_cell(text: str) -> tuple[int | None, int | None, str | None]:
    """(from, to, currency) out of "120000", "$120k - 150k", "EUR 50.000 to 60.000", "90k/year"."""
    currency = next((code for symbol, code in _SYMBOLS.items() if symbol in text), None)
    stripped = re.sub(r"(?i)\s*(/|per)\s*(year|yr|annum|a)\b.*$", "", text)
    if found := _CODE.search(stripped):
        currency = found.group(1).upper()
        stripped = _CODE.sub("", stripped)
    parts = _RANGE.split(stripped.strip())
    if len(parts) > 2 or (len(parts) == 2 and not all(part.strip() for part in parts)):
        raise ValueError(f"“{text.strip()[:40]}” is not an amount or a range, like 120k - 150k.")
    amounts = [amount_cell(part) for part in parts if part.strip()]
    low = amounts[0] if amounts else None
    high = amounts[1] if len(amounts) == 2 else None
    return low, high, currency
