"""Bulk test data for the benchmarks: many people's applications and their timelines, loaded with COPY.

Rows go in as the superuser (COPY past row level security) in random order, so a person's rows are
spread over the whole table as years of real use leave them; every benchmark then reads them as the
application role through RLS.
"""

import random
import uuid
from datetime import UTC, date, datetime, timedelta

import psycopg

from bench.fixtures import FIXTURES
from db.applications import PRIORITIES

COMPANIES = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Acme", "Stark", "Wayne", "Tyrell", "Cyberdyne"]
ROLES = ["Backend Engineer", "Data Engineer", "Product Manager", "Frontend Developer", "SRE", "Staff Engineer"]
SOURCES = ["LinkedIn", "Referral", "Company site", "Hacker News", None]
LOCATIONS = ["Remote", "Berlin", "New York", "London"]


def journey(rng: random.Random, created_at: datetime, now: datetime) -> list[tuple[str, str, datetime]]:
    """(from, to, when) status moves of one application: most are sent, some reach interviews and offers."""
    if rng.random() < 0.2:
        return []
    when = created_at + timedelta(days=rng.uniform(0, 5))
    moves = [("draft", "applied", when)]
    fate = rng.random()
    if fate < 0.35:
        closed = rng.choice(("rejected", "no_response", "withdrawn"))
        moves.append(("applied", closed, when + timedelta(days=rng.uniform(5, 30))))
    elif fate < 0.7:
        when += timedelta(days=rng.uniform(3, 20))
        moves.append(("applied", "interview", when))
        after = rng.random()
        if after < 0.5:
            moves.append(("interview", "rejected", when + timedelta(days=rng.uniform(2, 15))))
        elif after < 0.75:
            moves.append(("interview", "offer", when + timedelta(days=rng.uniform(5, 20))))
    return [move for move in moves if move[2] < now]


def filler_people(superuser_url: str, count: int) -> list[uuid.UUID]:
    """`count` accounts that cannot sign in (the load's other tenants); returns their ids."""
    people = [uuid.uuid4() for _ in range(count)]
    users = "copy users (id, email, password_hash, first_name, last_name) from stdin"
    with psycopg.connect(superuser_url, autocommit=True) as conn, conn.cursor().copy(users) as copy:
        for number, person in enumerate(people):
            copy.write_row((person, f"filler-{person.hex[:12]}@example.com", "x", "Bench", f"Person{number}"))
    return people


def load_applications(superuser_url: str, sizes: dict, seed: int = 2026) -> dict:
    """Give each person (user id → number of applications) that many, with events; returns event counts."""
    rng = random.Random(seed)  # noqa: S311 - seeded test data, not secrets
    now, today = datetime.now(UTC), date.today()
    postings = [path.read_text() for path in sorted(FIXTURES.glob("jd-*.txt"))]
    owners = [person for person, size in sizes.items() for _ in range(size)]
    rng.shuffle(owners)
    applications, events, event_counts = [], [], dict.fromkeys(sizes, 0)
    for number, owner in enumerate(owners):
        application_id = uuid.uuid4()
        created_at = now - timedelta(days=rng.uniform(0, 365))
        moves = journey(rng, created_at, now)
        status = moves[-1][1] if moves else "draft"
        updated_at = moves[-1][2] if moves else created_at
        applications.append(
            (
                application_id,
                owner,
                f"{rng.choice(COMPANIES)} {number % 997}",
                rng.choice(ROLES),
                postings[number % len(postings)],
                rng.choice(LOCATIONS),
                status,
                rng.choice(PRIORITIES),
                rng.choice(SOURCES),
                "Ask about the on-call rota." if number % 7 == 0 else "",
                # A few sent applications have no "applied on": the first sent event says when.
                moves[0][2].date() if moves and rng.random() > 0.05 else None,
                today + timedelta(days=rng.randint(-20, 20)) if moves and rng.random() < 0.15 else None,
                now if rng.random() < 0.05 else None,
                created_at,
                updated_at,
            )
        )
        timeline = [(owner, application_id, "created", None, None, created_at)]
        timeline += [(owner, application_id, "status", before, after, when) for before, after, when in moves]
        events += timeline
        event_counts[owner] += len(timeline)
    with psycopg.connect(superuser_url, autocommit=True) as conn:
        with conn.cursor().copy(
            "copy applications (id, user_id, company, role_title, job_description, location, status, priority,"
            " source, notes, applied_on, follow_up_on, archived_at, created_at, updated_at) from stdin"
        ) as copy:
            for row in applications:
                copy.write_row(row)
        with conn.cursor().copy(
            "copy application_events (user_id, application_id, kind, from_status, to_status, occurred_at) from stdin"
        ) as copy:
            for row in events:
                copy.write_row(row)
        conn.execute("vacuum analyze users, applications, application_events")
    return event_counts
