"""The overview for a person with 5,000 applications: each query's plan and time, the callback's JSON size.

Figures only, no pass or fail. Targets (issue 7): the overview callback's JSON at most 100 KB, p95 at
most 50 ms (the load benchmark under gunicorn measures the latter as served; this one in-process).
"""

# Run: .venv/bin/python bench/overview_plans.py   (about a minute on 2 cores)
# A throwaway embedded PostgreSQL with the repository's migrations; 1,000 people with 100
# applications each and one signed-up person with 5,000 (about 15,000 events), bulk-loaded with
# COPY as the superuser in random order (a person's rows spread over the table, as years of use
# leave them); then every query runs through db/overview.py as jobforge_app inside user_tx.

import secrets
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bench import seed  # noqa: E402
from config import Config  # noqa: E402
from db import embedded  # noqa: E402
from db import overview as queries  # noqa: E402
from db.connection import anonymous_tx, user_tx  # noqa: E402
from db.migrations import apply_migrations  # noqa: E402
from db.users import find_login  # noqa: E402
from features.dashboard.overview import FOLLOW_UPS_SHOWN, Ids  # noqa: E402
from tests.conftest import AuthActions  # noqa: E402
from tests.dash_requests import DashPage  # noqa: E402

PEOPLE = 1_000
APPLICATIONS_EACH = 100
HEAVY_APPLICATIONS = 5_000
RUNS = 200
TODAY = date.today()


class _Explaining:
    """A connection that runs each statement under EXPLAIN (ANALYZE, BUFFERS) and keeps the plans."""

    class _NoRows:
        def fetchall(self):
            return []

        def fetchone(self):
            return {stage: 0 for stage in queries.FUNNEL_STAGES}

    def __init__(self, conn):
        self._conn = conn
        self.plans: list[str] = []

    def execute(self, sql, params=None):
        rows = self._conn.execute("explain (analyze, buffers) " + sql, params).fetchall()
        self.plans.append("\n".join(row["QUERY PLAN"] for row in rows))
        return self._NoRows()


QUERIES = {
    "status_counts": lambda conn, person: queries.status_counts(conn, person),
    "follow_ups_due": lambda conn, person: queries.follow_ups_due(conn, person, TODAY, FOLLOW_UPS_SHOWN),
    "applications_per_week": lambda conn, person: queries.applications_per_week(conn, person, TODAY),
    "funnel": lambda conn, person: queries.funnel(conn, person),
    "median_days_in_stage": lambda conn, person: queries.median_days_in_stage(conn, person),
}


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return f"p50 {cuts[49]:6.2f} ms   p95 {cuts[94]:6.2f} ms"


def timed(action) -> list[float]:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    from app import create_app

    pgdata = Path(tempfile.mkdtemp(prefix="jobforge-bench-")) / "pgdata"
    server, app_url, owner_url = embedded.prepare(pgdata, cleanup_mode="delete")
    try:
        apply_migrations(owner_url)
        data_dir = Path(tempfile.mkdtemp(prefix="jobforge-bench-data-"))
        config = Config(
            data_dir=data_dir, secret_key=secrets.token_hex(16), database_url=app_url, migration_database_url=owner_url
        )
        app = create_app(config)
        client = app.server.test_client()
        email = f"heavy-{uuid.uuid4().hex[:8]}@example.com"
        AuthActions(client).register(email=email)
        with anonymous_tx() as conn:
            person = find_login(conn, email)["id"]
        started = time.perf_counter()
        superuser = server.get_uri(embedded.DATABASE_NAME)
        sizes = dict.fromkeys(seed.filler_people(superuser, PEOPLE), APPLICATIONS_EACH)
        events = seed.load_applications(superuser, sizes | {person: HEAVY_APPLICATIONS})[person]
        print(
            f"loaded {PEOPLE * APPLICATIONS_EACH + HEAVY_APPLICATIONS:,} applications; the person has "
            f"{HEAVY_APPLICATIONS:,} with {events:,} events ({time.perf_counter() - started:.0f} s)\n"
        )

        for name, query in QUERIES.items():
            with user_tx(person) as conn:
                explaining = _Explaining(conn)
                query(explaining, person)
            print(f"== {name} (EXPLAIN ANALYZE, BUFFERS as jobforge_app)")
            print("\n".join(explaining.plans), "\n")

        print(f"in-process, {RUNS} runs each, one user_tx per run (set_config included):")
        for name, query in QUERIES.items():

            def run(query=query):
                with user_tx(person) as conn:
                    query(conn, person)

            print(f"  {name:24} {percentiles(timed(run))}")

        page = DashPage(client, "/")
        callback = page.callback_for(Ids.refresh, "data", Ids.counts)
        body = page.body(callback, {(Ids.refresh, "data"): 0}, [f"{Ids.refresh}.data"])
        response = page.post(body)
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        size = len(response.get_data())
        samples = timed(lambda: page.post(body))
        print(f"\noverview callback (Flask test client, no compression): {size / 1024:.1f} KB of JSON")
        print(f"  show_overview            {percentiles(samples)}")
    finally:
        server.cleanup()


if __name__ == "__main__":
    main()
