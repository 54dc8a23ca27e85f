"""db/dashboard.py as the application role: the board's columns and the table's pages, sorts, filters and search."""

from datetime import date, timedelta

import pytest

from db import applications
from db import dashboard as queries
from db.connection import user_tx
from tests.support import make_application, make_person


@pytest.fixture
def person(pool):
    return make_person()


DEFAULT = queries.TableQuery()


def _page(person, query=DEFAULT, limit=50, **kwargs) -> list[dict]:
    with user_tx(person) as conn:
        return queries.table_page(conn, person, query, limit, **kwargs)


def _companies(person, query=DEFAULT, **kwargs) -> list[str]:
    return [row["company"] for row in _page(person, query, **kwargs)]


def _touch(person, application_id) -> None:
    """Make it the most recently updated."""
    with user_tx(person) as conn:
        conn.execute("update applications set notes = notes where id = %s", (application_id,))


def test_keyset_pages_cover_every_row_once_in_the_default_order(person):
    ids = [make_application(person, f"Company {n}") for n in range(7)]
    pages, after = [], None
    while True:
        page = _page(person, limit=3, after=after)
        if not page:
            break
        pages.append(page)
        after = queries.cursor_of(page[-1])
    seen = [row["id"] for page in pages for row in page]
    assert [len(page) for page in pages] == [3, 3, 1]
    assert seen == list(reversed(ids))  # newest first
    ascending = queries.TableQuery(descending=False)
    first = _page(person, ascending, limit=4)
    rest = _page(person, ascending, limit=4, after=queries.cursor_of(first[-1]))
    assert [row["id"] for row in first + rest] == ids


def test_every_sort_both_ways(person):
    make_application(person, "beta", "Zed role", location="Berlin", source="LinkedIn", priority="high", status="offer")
    make_application(person, "Alpha", "Yak role", location=None, source=None, priority="low")
    make_application(
        person, "gamma", "Ant role", location="Amsterdam", source="Referral", priority="normal", status="applied"
    )
    by_company = {row["company"]: row["id"] for row in _page(person)}
    # One transaction each: updated_at is the transaction's time.
    for company, changes in (
        ("Alpha", {"follow_up_on": date(2030, 1, 5)}),
        ("gamma", {"follow_up_on": date(2030, 1, 1)}),
        ("beta", {"applied_on": date(2029, 1, 1)}),
    ):
        with user_tx(person) as conn:
            applications.update_details(conn, by_company[company], changes)
    # (ascending, descending); empty values last both ways.
    expected = {
        "company": (["Alpha", "beta", "gamma"], ["gamma", "beta", "Alpha"]),  # letter case ignored
        "role_title": (["gamma", "Alpha", "beta"], ["beta", "Alpha", "gamma"]),
        "status": (["Alpha", "gamma", "beta"], ["beta", "gamma", "Alpha"]),  # draft, applied, offer
        "priority": (["Alpha", "gamma", "beta"], ["beta", "gamma", "Alpha"]),  # low, normal, high
        "source": (["beta", "gamma", "Alpha"], ["gamma", "beta", "Alpha"]),
        "location": (["gamma", "beta", "Alpha"], ["beta", "gamma", "Alpha"]),
        "follow_up_on": (["gamma", "Alpha", "beta"], ["Alpha", "gamma", "beta"]),
        # gamma was applied today, beta's date was set to 2029, the draft has none.
        "applied_on": (["gamma", "beta", "Alpha"], ["beta", "gamma", "Alpha"]),
        "updated_at": (["Alpha", "gamma", "beta"], ["beta", "gamma", "Alpha"]),
    }
    assert set(expected) == set(queries.SORTS)
    for sort, (ascending, descending) in expected.items():
        assert _companies(person, queries.TableQuery(sort=sort, descending=False)) == ascending, sort
        assert _companies(person, queries.TableQuery(sort=sort)) == descending, sort


def test_offset_pages_for_other_sorts(person):
    for name in "edcba":
        make_application(person, name)
    query = queries.TableQuery(sort="company", descending=False)
    assert _companies(person, query, limit=2) == ["a", "b"]
    assert _companies(person, query, limit=2, offset=2) == ["c", "d"]
    assert _companies(person, query, limit=2, offset=4) == ["e"]


def test_each_filter(person):
    make_application(person, "Draft Co", priority="high", source="LinkedIn")
    sent = make_application(person, "Sent Co", priority="low", source="Referral", status="applied")
    make_application(person, "Other Co", source="linkedin", status="interview")
    with user_tx(person) as conn:
        applications.update_details(conn, sent, {"applied_on": date.today() - timedelta(days=40)})
    assert _companies(person, queries.TableQuery(status="applied")) == ["Sent Co"]
    assert _companies(person, queries.TableQuery(priority="high")) == ["Draft Co"]
    assert sorted(_companies(person, queries.TableQuery(source="LinkedIn"))) == ["Draft Co", "Other Co"]
    recent = queries.TableQuery(date_field="applied_on", date_from=date.today() - timedelta(days=7))
    assert _companies(person, recent) == ["Other Co"]
    older = queries.TableQuery(date_field="applied_on", date_to=date.today() - timedelta(days=30))
    assert _companies(person, older) == ["Sent Co"]
    today = queries.TableQuery(date_field="updated_at", date_from=date.today(), date_to=date.today())
    assert len(_companies(person, today)) == 3  # the whole of the last day counts
    assert _companies(person, queries.TableQuery(date_to=date.today() - timedelta(days=1))) == []
    both = queries.TableQuery(status="interview", source="LinkedIn")
    assert _companies(person, both) == ["Other Co"]


def test_search_words_prefixes_and_every_field(person):
    make_application(person, "Northwind Cloud", "Platform Engineer", job_description="Kubernetes operators in Go.")
    make_application(
        person, "Globex", "Data Analyst", job_description="SQL.", location="Lisbon", notes="Met the *hiring manager*"
    )
    make_application(person, "The Agency", "Designer", job_description="Figma.")
    make_application(person, "AT&T", "Network Engineer", job_description="Routers.")

    def found(text):
        return sorted(_companies(person, queries.TableQuery(search=text)))

    assert found("northw") == ["Northwind Cloud"]  # prefix of the company
    assert found("platf") == ["Northwind Cloud"]  # prefix of the role
    assert found("kubernetes") == ["Northwind Cloud"]  # the posting
    assert found("operator") == ["Northwind Cloud"]  # stemmed
    assert found("lisbon") == ["Globex"]  # location
    assert found("hiring manag") == ["Globex"]  # notes, last word a prefix
    assert found("engineer") == ["AT&T", "Northwind Cloud"]
    assert found("The") == ["The Agency"]  # a stop word still matches the company by prefix
    assert found("AT&T") == ["AT&T"]
    assert found("50%") == []  # LIKE wildcards are literal
    assert found("zzz") == []
    assert found("   ") == sorted(_companies(person))


def test_archived_are_hidden_unless_asked_for(person):
    kept = make_application(person, "Kept", status="applied")
    archived = make_application(person, "Archived", status="applied")
    with user_tx(person) as conn:
        applications.set_archived(conn, archived, True)
    assert _companies(person) == ["Kept"]
    assert sorted(_companies(person, queries.TableQuery(include_archived=True))) == ["Archived", "Kept"]
    with user_tx(person) as conn:
        hidden = queries.board(conn, person, {"applied": 20})
        shown = queries.board(conn, person, {"applied": 20}, include_archived=True)
    assert hidden["counts"]["applied"] == 1
    assert [card["id"] for card in hidden["cards"]["applied"]] == [kept]
    assert shown["counts"]["applied"] == 2
    assert len(shown["cards"]["applied"]) == 2


def test_board_counts_every_status_and_limits_each_column(person):
    ids = [make_application(person, f"Applied {n}", status="applied") for n in range(5)]
    make_application(person, "Interview", status="interview", priority="high", follow_up_on=date(2030, 2, 1))
    make_application(person, "Draft")
    _touch(person, ids[0])
    with user_tx(person) as conn:
        result = queries.board(conn, person, {"applied": 2, "interview": 20, "draft": 20})
    assert result["counts"] == {
        "draft": 1,
        "applied": 5,
        "interview": 1,
        "offer": 0,
        "rejected": 0,
        "withdrawn": 0,
        "no_response": 0,
    }
    assert [card["id"] for card in result["cards"]["applied"]] == [ids[0], ids[4]]  # newest activity first
    card = result["cards"]["interview"][0]
    assert (card["company"], card["role_title"], card["priority"], card["follow_up_on"]) == (
        "Interview",
        "Engineer",
        "high",
        date(2030, 2, 1),
    )
    assert result["cards"]["offer"] == []


def test_another_persons_rows_never_appear(person):
    other = make_person("Olive", "Other")
    make_application(other, "Their Co", status="applied", source="LinkedIn")
    make_application(person, "My Co")
    with user_tx(person) as conn:
        assert queries.has_applications(conn, person)
        # Even naming the other person's id, row level security shows nothing of theirs.
        assert queries.table_page(conn, other, queries.TableQuery(include_archived=True), 50) == []
        assert sum(queries.board(conn, other, {"applied": 20}, include_archived=True)["counts"].values()) == 0
        assert not queries.has_applications(conn, other)
    assert _companies(person, queries.TableQuery(search="their")) == []
    assert _companies(person, queries.TableQuery(source="LinkedIn")) == []
    with user_tx(person) as conn:
        board = queries.board(conn, person, {"applied": 20, "draft": 20}, include_archived=True)
    assert [card["company"] for cards in board["cards"].values() for card in cards] == ["My Co"]


def test_empty_and_bad_queries(person):
    with user_tx(person) as conn:
        assert not queries.has_applications(conn, person)
        assert queries.table_page(conn, person, queries.TableQuery(), 50) == []
    for bad in ({"sort": "id; drop table users"}, {"status": "hired"}, {"priority": "urgent"}, {"date_field": "x"}):
        with pytest.raises(ValueError):
            queries.TableQuery(**bad)


def test_prefix_tsquery():
    assert queries.prefix_tsquery("data  engin") == "data & engin:*"
    assert queries.prefix_tsquery("C++ & 'rust'") == "C & rust:*"
    assert queries.prefix_tsquery("!!!") is None
