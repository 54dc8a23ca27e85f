"""applications_csv on any bytes: a file read or refused with a message, every row imported or refused with
reasons; and any applications Job Forge could hold come back field for field through export then import."""

from datetime import UTC, date, datetime

from hypothesis import example, given
from hypothesis import strategies as st

from applications_csv.mapping import convert, is_own_export, propose, propose_day_first
from applications_csv.reader import UnreadableFile, read_csv
from applications_csv.writer import csv_pieces
from db.applications import PRIORITIES, STATUSES
from tests.property.strategies import any_character, any_text
from validators import EARLIEST_YEAR, LATEST_YEAR, MAX_SALARY, drop_invisible

# Cells that look like other trackers' files: headers we know, dates, salaries, statuses and formula starts.
CELLS = st.one_of(
    any_text,
    st.sampled_from(["Company", "Role", "Status", "Date Applied", "Salary", "Link", "Notes", "Archived", "Stage"]),
    st.sampled_from(["2026-03-01", "13/04/2026", "1 Mar 2026", "$120k - $150k", "Applied", "yes", "=1+1", "'@x"]),
)
csv_text = st.builds(
    lambda rows, delimiter: "\r\n".join(delimiter.join(row) for row in rows),
    st.lists(st.lists(CELLS, min_size=1, max_size=6), min_size=1, max_size=6),
    st.sampled_from(",;\t|"),
)
csv_bytes = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda text, codec: text.encode(codec, errors="replace"), csv_text, st.sampled_from(["utf-8", "cp1252"])),
    st.builds(lambda text: text.encode("utf-16", errors="surrogatepass"), csv_text),
    st.builds(lambda text: b"\xef\xbb\xbfsep=;\r\n" + text.encode("utf-8", errors="surrogatepass"), csv_text),
)


@given(csv_bytes, st.booleans())
@example(b"\xff\xfeC\x00,", False)
@example(b'a,b\r\n"x', True)
@example(b"\xef\xbb\xbfsep=\x01\n", False)  # Excel's "sep=" line alone raised StopIteration
def test_any_bytes_are_read_or_refused_and_every_row_imported_or_refused_with_reasons(data, day_first):
    try:
        csv_file = read_csv(data)
    except UnreadableFile as refusal:
        assert str(refusal).strip()
        return
    mapping = propose(csv_file.header)
    assert propose_day_first(csv_file, mapping) in (True, False, None)
    results = convert(csv_file, mapping, day_first)
    assert [result.number for result in results] == csv_file.row_numbers
    for result in results:
        assert (result.application is None) == bool(result.refused)
        assert all(isinstance(reason, str) and reason.strip() for reason in result.refused + result.notes)


# --- export, then import --------------------------------------------------------------------------------


# Text as Job Forge stores it: invisible characters dropped, spaces around it trimmed (validators, forms).
def stored(text_strategy=any_text, min_size=0, max_size=None):
    return text_strategy.map(lambda text: drop_invisible(text).strip()).filter(
        lambda text: min_size <= len(text) <= (max_size or len(text))
    )


no_space_character = any_character.filter(lambda ch: not ch.isspace() and drop_invisible(ch) != "")
days = st.dates(date(EARLIEST_YEAR, 1, 1), date(LATEST_YEAR, 12, 31))
salaries = st.one_of(st.none(), st.integers(0, MAX_SALARY))
application = st.fixed_dictionaries(
    {
        "company": stored(min_size=1, max_size=200),
        "role_title": stored(min_size=1, max_size=200),
        "status": st.sampled_from(STATUSES),
        "priority": st.sampled_from(PRIORITIES),
        "applied_on": st.none() | days,
        "follow_up_on": st.none() | days,
        "salary_min": salaries,
        "salary_max": salaries,
        "salary_currency": st.none() | st.from_regex("[A-Z]{3}", fullmatch=True),
        "source": st.none() | stored(min_size=1, max_size=200),
        "location": st.none() | stored(min_size=1, max_size=200),
        "job_url": st.none()
        | st.builds(
            lambda host, path: f"https://{host}.example/{path}",
            st.from_regex("[a-z0-9]{1,20}", fullmatch=True),
            st.text(no_space_character, max_size=60),
        ),
        "archived": st.booleans(),
        "created_on": st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC)),
        "notes": stored(),
        "job_description": stored(),
    }
).filter(lambda row: None in (row["salary_min"], row["salary_max"]) or row["salary_min"] <= row["salary_max"])


def _imported(applications: list[dict]) -> list[dict]:
    data = "".join(csv_pieces(applications)).encode("utf-8")
    csv_file = read_csv(data)
    assert is_own_export(csv_file.header)
    results = convert(csv_file, propose(csv_file.header), day_first=False)
    assert [result.refused for result in results] == [[] for _ in results]
    return [result.application for result in results]


def _as_imported(row: dict) -> dict:
    return row | {"created_on": row["created_on"].date()}


@given(st.lists(application, min_size=1, max_size=4))
@example(
    [
        dict.fromkeys(
            [
                "salary_min",
                "salary_max",
                "salary_currency",
                "source",
                "location",
                "job_url",
                "applied_on",
                "follow_up_on",
            ]
        )
        | {
            "company": "=HYPERLINK(1)",
            "role_title": "'+1",
            "status": "draft",
            "priority": "low",
            "archived": False,
            "created_on": datetime(2026, 1, 1, tzinfo=UTC),
            "notes": 'line\r\nbreak, "quoted"; ok',
            "job_description": "-5",
        }
    ]
)
def test_applications_come_back_field_for_field_through_export_and_import(applications):
    assert _imported(applications) == [_as_imported(row) for row in applications]
