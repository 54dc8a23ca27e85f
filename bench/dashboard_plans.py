"""The dashboard's hot queries under EXPLAIN (ANALYZE, BUFFERS), as the application role, for a heavy person.

Run: .venv/bin/python bench/dashboard_plans.py            (about a minute on 2 cores)
     .venv/bin/python bench/dashboard_plans.py --people 1000

A throwaway embedded PostgreSQL, the repository's migrations applied, then PEOPLE people with 100
applications each, one with 5,000 and one with 5, with their timelines (bench/seed.py: COPY as the
superuser in random order, as a year of real use leaves a person's rows spread over the whole table). Every plan is run
through db/dashboard.py's own SQL, as jobforge_app inside user_tx with RLS forced, and printed with
its execution time; the line under each says whether the plan is the ordered index scan it should be.
"""

import argparse
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bench import seed  # noqa: E402
from db import connection, embedded  # noqa: E402
from db import dashboard as queries  # noqa: E402
from db.applications import STATUSES  # noqa: E402
from db.connection import user_tx  # noqa: E402
from db.migrations import apply_migrations  # noqa: E402

ROWS_PER_PERSON = 100
HEAVY_ROWS = 5_000
LIGHT_ROWS = 5


def cases(user_id) -> list[tuple[str, str, dict]]:
    """(name, sql, params) for every hot query of the dashboard."""
    limits = dict.fromkeys(STATUSES, 20)
    archived = {"user_id": user_id, "archived": False}
    board_cards = archived | {"statuses": list(STATUSES), "limits": [limits[s] for s in STATUSES]}
    first = queries.TableQuery()
    with user_tx(user_id) as conn:
        page = queries.table_page(conn, user_id, first, 50)
    after = queries.cursor_of(page[-1])
    table = [
        ("table: first page, default order", first, None, 0),
        ("table: 3rd page by keyset", first, after, 0),
        ("table: sorted by company", queries.TableQuery(sort="company", descending=False), None, 0),
        ("table: sorted by company, descending", queries.TableQuery(sort="company"), None, 0),
        ("table: sorted by follow-up, page at offset 2,000", queries.TableQuery(sort="follow_up_on"), None, 2000),
        ("table: status filter", queries.TableQuery(status="interview"), None, 0),
        (
            "table: applied-on range",
            queries.TableQuery(date_field="applied_on", date_from=date.today() - timedelta(days=60)),
            None,
            0,
        ),
        ("table: search 'postgres'", queries.TableQuery(search="postgres"), None, 0),
        ("table: search prefix 'northw'", queries.TableQuery(search="northw"), None, 0),
        ("table: search matching nothing 'xylophone'", queries.TableQuery(search="xylophone"), None, 0),
    ]
    result = [
        ("board: counts per status", queries.BOARD_COUNTS_SQL, archived),
        ("board: first 20 cards per column", queries.BOARD_CARDS_SQL, board_cards),
    ]
    for name, query, cursor, offset in table:
        result.append((name, *queries.table_page_sql(user_id, query, 50, cursor, offset)))
    return result


def verdict(plan: str) -> str:
    if "Sort" in plan or "Bitmap Heap Scan" in plan or "Seq Scan" in plan:
        return "NOT an ordered index scan"
    return "ordered index scan"


def explain(user_id, label: str) -> None:
    print(f"\n=== {label} ===")
    for name, sql, params in cases(user_id):
        with user_tx(user_id) as conn:
            rows = conn.execute(f"explain (analyze, buffers, costs off) {sql}", params).fetchall()
        plan = "\n".join(row["QUERY PLAN"] for row in rows)
        print(f"\n--- {name} [{verdict(plan)}]\n{plan}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=300, help=f"people with {ROWS_PER_PERSON} applications each")
    args = parser.parse_args()
    pgdata = Path(tempfile.mkdtemp(prefix="jobforge-bench-")) / "pgdata"
    server, app_url, owner_url = embedded.prepare(pgdata, cleanup_mode="delete")
    try:
        apply_migrations(owner_url)
        superuser = server.get_uri(embedded.DATABASE_NAME)
        heavy, light, *others = seed.filler_people(superuser, args.people + 2)
        seed.load_applications(
            superuser, dict.fromkeys(others, ROWS_PER_PERSON) | {heavy: HEAVY_ROWS, light: LIGHT_ROWS}
        )
        print(f"{args.people} people x {ROWS_PER_PERSON} applications, one with {HEAVY_ROWS}, one with {LIGHT_ROWS}")
        connection.open_pool(app_url, min_size=1, max_size=1)
        explain(heavy, f"the person with {HEAVY_ROWS} applications")
        explain(light, f"the person with {LIGHT_ROWS} applications")
    finally:
        connection.close_pool()
        server.cleanup()


if __name__ == "__main__":
    main()
