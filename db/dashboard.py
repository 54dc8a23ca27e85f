"""The dashboard's reads: the board's columns and the table's pages, each one indexed query.

Every query names the signed-in person's id explicitly as well as going through row level
security: the policy's user id is an InitPlan parameter the planner cannot see, so without the
explicit equality it falls back to a bitmap scan of all the person's rows and a sort, where
`user_id = %s` lets it walk (user_id, updated_at desc, id desc) or (user_id, status, ...) in order
and stop after one page.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from db.applications import PRIORITIES, STATUSES

_CARD_COLUMNS = "id, company, role_title, status, priority, follow_up_on, updated_at"
_ROW_COLUMNS = (
    "id, company, role_title, location, status, priority, source, applied_on, follow_up_on, archived_at, updated_at"
)

# Counts per status from (user_id, status) include (archived_at): an index-only scan.
BOARD_COUNTS_SQL = (
    "select status, count(*) as n from applications"
    " where user_id = %(user_id)s and (%(archived)s or archived_at is null) group by status"
)
# The newest cards of each column, each column an ordered scan of (user_id, status, updated_at desc, id desc).
BOARD_CARDS_SQL = (
    f"select c.* from unnest(%(statuses)s::text[], %(limits)s::int[]) as s(status, n)"
    f" cross join lateral (select {_CARD_COLUMNS} from applications a"
    "   where a.user_id = %(user_id)s and a.status = s.status and (%(archived)s or a.archived_at is null)"
    "   order by a.updated_at desc, a.id desc limit s.n) c"
)

# What the table may be sorted by; the browser names a key, never an expression. Status and
# priority sort in their own order (draft before applied, low before high), not alphabetically.
SORTS = {
    "updated_at": "updated_at",
    "company": "lower(company)",  # indexed with the person's id (migration 0005)
    "role_title": "lower(role_title)",
    "status": "array_position(%(status_order)s::text[], status)",
    "priority": "array_position(%(priority_order)s::text[], priority)",
    "source": "lower(source)",
    "location": "lower(location)",
    "applied_on": "applied_on",
    "follow_up_on": "follow_up_on",
}
# Empty values go last in either direction; the others are never null, and naming no nulls order
# for them lets a descending sort walk an ascending index backwards.
_NULLABLE_SORTS = {"source", "location", "applied_on", "follow_up_on"}
DATE_FIELDS = {"updated_at": "updated_at", "applied_on": "applied_on"}
MAX_SEARCH_LENGTH = 200


@dataclass(frozen=True)
class TableQuery:
    """What the table shows: sort, filters and search, all already checked by the caller."""

    sort: str = "updated_at"
    descending: bool = True
    status: str | None = None
    priority: str | None = None
    source: str | None = None
    date_field: str = "updated_at"
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""
    include_archived: bool = False

    def __post_init__(self):
        if self.sort not in SORTS or self.date_field not in DATE_FIELDS:
            raise ValueError("unknown sort or date field")
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if self.priority is not None and self.priority not in PRIORITIES:
            raise ValueError(f"unknown priority {self.priority!r}")

    @property
    def keyset(self) -> bool:
        """Pages follow on from the last row (not an offset) in the index's own order."""
        return self.sort == "updated_at"


def board(conn, user_id, limits: dict[str, int], include_archived: bool = False) -> dict:
    """{"counts": {status: n}, "cards": {status: [newest cards]}} with limits[status] cards per column."""
    flags = {"user_id": user_id, "archived": include_archived}
    counts = {row["status"]: row["n"] for row in conn.execute(BOARD_COUNTS_SQL, flags).fetchall()}
    statuses = [status for status in STATUSES if counts.get(status)]
    cards = {status: [] for status in STATUSES}
    if statuses:
        rows = conn.execute(
            BOARD_CARDS_SQL, flags | {"statuses": statuses, "limits": [limits.get(s, 0) for s in statuses]}
        ).fetchall()
        for row in rows:
            cards[row["status"]].append(row)
    return {"counts": {status: counts.get(status, 0) for status in STATUSES}, "cards": cards}


def has_applications(conn, user_id) -> bool:
    """Whether the person has any application at all, archived ones included."""
    row = conn.execute("select exists (select from applications where user_id = %s) as any", (user_id,)).fetchone()
    return row["any"]


def prefix_tsquery(text: str) -> str | None:
    """The words of a search box as a to_tsquery text, the last word a prefix ("data engin" → data & engin:*)."""
    words = re.findall(r"[^\W_]+", text[:MAX_SEARCH_LENGTH])
    if not words:
        return None
    return " & ".join(words[:-1] + [words[-1] + ":*"])


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def table_page_sql(user_id, query: TableQuery, limit: int, after: tuple | None = None, offset: int = 0):
    """The SQL and parameters for one page of the table (kept apart so the bench can EXPLAIN it).

    `after` is the (updated_at, id) of the previous page's last row, for keyset pages in the default
    order; other sorts (and a jump to a page whose predecessor was never read) page by an offset.
    """
    where = ["user_id = %(user_id)s"]
    params: dict = {"user_id": user_id, "limit": limit, "offset": 0 if after else offset}
    if not query.include_archived:
        where.append("archived_at is null")
    for name in ("status", "priority"):
        if getattr(query, name) is not None:
            where.append(f"{name} = %({name})s")
            params[name] = getattr(query, name)
    if query.source:
        where.append("lower(source) = lower(%(source)s)")
        params["source"] = query.source
    date_column = DATE_FIELDS[query.date_field]
    if query.date_from:
        where.append(f"{date_column} >= %(date_from)s::date")
        params["date_from"] = query.date_from
    if query.date_to:
        # Through the whole last day: updated_at is a timestamp.
        where.append(f"{date_column} < %(date_to)s::date + 1")
        params["date_to"] = query.date_to
    search = query.search.strip()[:MAX_SEARCH_LENGTH]
    if search:
        tsquery = prefix_tsquery(search)
        # A search walks the person's rows in the page's order and stops at a page of matches; a word
        # nobody's rows hold reads all of the person's rows (bench/dashboard_plans.py measures it).
        prefix_match = "company ilike %(prefix)s or role_title ilike %(prefix)s"
        params["prefix"] = _like_prefix(search)
        if tsquery:
            where.append(f"(search_tsv @@ to_tsquery('english', %(tsquery)s) or {prefix_match})")
            params["tsquery"] = tsquery
        else:
            where.append(f"({prefix_match})")
    direction = "desc" if query.descending else "asc"
    if query.keyset:
        if after is not None:
            where.append(f"(updated_at, id) {'<' if query.descending else '>'} (%(after_at)s, %(after_id)s::uuid)")
            params["after_at"], params["after_id"] = after
        order = f"updated_at {direction}, id {direction}"
    else:
        params.update(status_order=list(STATUSES), priority_order=list(PRIORITIES))
        nulls = " nulls last" if query.sort in _NULLABLE_SORTS else ""
        order = f"{SORTS[query.sort]} {direction}{nulls}, id {direction}"
    sql = (
        f"select {_ROW_COLUMNS} from applications where {' and '.join(where)}"
        f" order by {order} limit %(limit)s offset %(offset)s"
    )
    return sql, params


def table_page(conn, user_id, query: TableQuery, limit: int, after: tuple | None = None, offset: int = 0) -> list:
    """One page of the person's applications, as plain rows."""
    sql, params = table_page_sql(user_id, query, limit, after, offset)
    return conn.execute(sql, params).fetchall()


def cursor_of(row: dict) -> tuple[datetime, object]:
    """Where the next keyset page starts: after this row."""
    return row["updated_at"], row["id"]
