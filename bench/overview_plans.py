"""The overview for a person with 5,000 applications: each query's plan and time, the callback's JSON size.

Figures only, no pass or fail. Targets (issue 7): the overview callback's JSON at most 100 KB, p95 at
most 50 ms (the load benchmark under gunicorn measures the latter as served; this one in-process).
"""

# Run: .venv/bin/python bench/overview_plans.py   (about a minute on 2 cores)
# A throwaway embedded PostgreSQL with the repository's migrations; 1,000 people with 100
# applications each and one signed-up person with 5,000 (about 15,000 events), bulk-loaded with
# COPY as the superuser in random order (a person's rows spread over the table, as years of use
# leave them); then every query runs through db/overview.py as jobforge_app inside user_tx.

import random
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

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
NOW = datetime.now(UTC)
TODAY = date.today()


def _journey(rng: random.Random, created_at: datetime) -> list[tuple[str, str, datetime]]:
    """(from, to, when) status moves of one application: most are sent, some reach interviews and offers."""
    if rng.random() < 0.2:
        return []
    moves, when = [], created_at + timedelta(days=rng.uniform(0, 5))
    moves.append(("draft", "applied", when))
    fate = rng.random()
    if fate < 0.35:
        moves.append(
            ("applied", rng.choice(("rejected", "no_response", "withdrawn")), when + timedelta(days=rng.uniform(5, 30)))
        )
    elif fate < 0.7:
        when += timedelta(days=rng.uniform(3, 20))
        moves.append(("applied", "interview", when))
        after = rng.random()
        if after < 0.5:
            moves.append(("interview", "rejected", when + timedelta(days=rng.uniform(2, 15))))
        elif after < 0.75:
            moves.append(("interview", "offer", when + timedelta(days=rng.uniform(5, 20))))
    return [move for move in moves if move[2] < NOW]


def load(superuser_url: str, heavy_person: uuid.UUID) -> int:
    """Bulk-load everyone's applications and events; returns the heavy person's event count."""
    rng = random.Random(2026)  # noqa: S311 - the same data every run; nothing here is secret
    people = [uuid.uuid4() for _ in range(PEOPLE)]
    owners = [person for person in people for _ in range(APPLICATIONS_EACH)] + [heavy_person] * HEAVY_APPLICATIONS
    rng.shuffle(owners)
    heavy_events = 0
    with psycopg.connect(superuser_url, autocommit=True) as conn:
        with conn.cursor().copy("copy users (id, email, password_hash, first_name, last_name) from stdin") as copy:
            for number, person in enumerate(people):
                copy.write_row((person, f"person{number}@example.com", "x", "Bench", f"Person{number}"))
        applications, events = [], []
        for number, owner in enumerate(owners):
            application_id = uuid.uuid4()
            created_at = NOW - timedelta(days=rng.uniform(0, 365))
            moves = _journey(rng, created_at)
            status = moves[-1][1] if moves else "draft"
            # A few sent applications have no "applied on": the first sent event says when.
            applied_on = moves[0][2].date() if moves and rng.random() > 0.05 else None
            follow_up_on = TODAY + timedelta(days=rng.randint(-20, 20)) if moves and rng.random() < 0.15 else None
            archived_at = NOW if rng.random() < 0.05 else None
            updated_at = moves[-1][2] if moves else created_at
            applications.append(
                (application_id, owner, f"Company {number % 5000}", "Engineer", "A posting.", status, applied_on)
                + (follow_up_on, archived_at, created_at, updated_at)
            )
            timeline = [(owner, application_id, "created", None, None, created_at)]
            timeline += [(owner, application_id, "status", before, after, when) for before, after, when in moves]
            if status == "interview":
                timeline.append((owner, application_id, "interview", None, None, moves[-1][2]))
            events += timeline
            heavy_events += len(timeline) if owner == heavy_person else 0
        with conn.cursor().copy(
            "copy applications (id, user_id, company, role_title, job_description, status, applied_on,"
            " follow_up_on, archived_at, created_at, updated_at) from stdin"
        ) as copy:
            for row in applications:
                copy.write_row(row)
        with conn.cursor().copy(
            "copy application_events (user_id, application_id, kind, from_status, to_status, occurred_at) from stdin"
        ) as copy:
            for row in events:
                copy.write_row(row)
        conn.execute("vacuum analyze applications, application_events")
    return heavy_events


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
        events = load(server.get_uri(embedded.DATABASE_NAME), person)
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
