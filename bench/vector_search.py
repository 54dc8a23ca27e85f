"""One person's top-10 vector search among 300,000 vectors of 1,000 people, under RLS (figures only)."""

# Run: .venv/bin/python bench/vector_search.py            (about three minutes on 2 cores)
#      .venv/bin/python bench/vector_search.py --no-hnsw  (skips building the HNSW index and its comparison)
# A throwaway embedded PostgreSQL in a temporary directory, the repository's migrations applied, data
# bulk-loaded with COPY as the superuser (COPY FROM refuses tables with row level security otherwise),
# then every query runs through db/embeddings.py as jobforge_app inside user_tx, with RLS forced.

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import psycopg
from pgvector.psycopg import register_vector

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from ai.embeddings import LOCAL_MODEL_DIMS, LOCAL_MODEL_NAME  # noqa: E402
from db import connection, embedded  # noqa: E402
from db import embeddings as store  # noqa: E402
from db.migrations import apply_migrations  # noqa: E402

PEOPLE = 1_000
VECTORS_PER_PERSON = 300
HEAVY_PERSON_VECTORS = 5_000  # one person with far more applications than anyone plausible
QUERIES = 500
HNSW_INDEX = "embeddings_local_minilm_m2v_256_hnsw"


def unit_rows(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def synthetic_vectors(rng, owners: np.ndarray) -> np.ndarray:
    """Unit vectors shaped like real ones: a person's postings resemble each other (cosine ≈ 0.6), not other people's.

    Plain random vectors would all score ≈ 0 against a query, below search's similarity floor.
    """
    centres = unit_rows(rng.standard_normal((owners.max() + 1, LOCAL_MODEL_DIMS)))
    noise = rng.standard_normal((len(owners), LOCAL_MODEL_DIMS), dtype=np.float32) * 0.05
    return unit_rows(centres[owners] + noise)


def load(superuser_url: str, rng, with_hnsw: bool) -> tuple[list, np.ndarray, np.ndarray, np.ndarray]:
    """Bulk-load people, applications and posting vectors; return (people, owner index, application ids, vectors)."""
    people = [uuid.uuid4() for _ in range(PEOPLE + 1)]  # the last one is the heavy person
    owners = np.concatenate(
        [np.repeat(np.arange(PEOPLE), VECTORS_PER_PERSON), np.full(HEAVY_PERSON_VECTORS, PEOPLE)]
    ).astype(np.int32)
    # Rows arrive in random order, as a year of real use would leave them: a person's vectors are
    # spread over the whole table, not packed into a few pages (the slow case for the per-person scan).
    rng.shuffle(owners)
    application_ids = [uuid.uuid4() for _ in range(len(owners))]
    vectors = synthetic_vectors(rng, owners)

    with psycopg.connect(superuser_url, autocommit=True) as conn:
        register_vector(conn)
        conn.execute(f"drop index {HNSW_INDEX}")  # built once after the load: far faster than 300,000 inserts
        with conn.cursor().copy("copy users (id, email, password_hash, first_name, last_name) from stdin") as copy:
            for number, person in enumerate(people):
                copy.write_row((person, f"person{number}@example.com", "x", "Bench", f"Person{number}"))
        with conn.cursor().copy(
            "copy applications (id, user_id, company, role_title, job_description) from stdin"
        ) as copy:
            for number, (application_id, owner) in enumerate(zip(application_ids, owners, strict=True)):
                copy.write_row((application_id, people[owner], f"Company {number % 5000}", "Engineer", "A posting."))
        with conn.cursor().copy(
            "copy embeddings (user_id, application_id, model, dims, embedding) from stdin with (format binary)"
        ) as copy:
            copy.set_types(["uuid", "uuid", "text", "int4", "vector"])
            for application_id, owner, vector in zip(application_ids, owners, vectors, strict=True):
                copy.write_row((people[owner], application_id, LOCAL_MODEL_NAME, LOCAL_MODEL_DIMS, vector))
        if with_hnsw:
            started = time.perf_counter()
            conn.execute("set maintenance_work_mem = '1GB'")  # the whole graph in memory, or the build crawls
            conn.execute(
                f"create index {HNSW_INDEX} on embeddings using hnsw ((embedding::vector({LOCAL_MODEL_DIMS}))"
                f" vector_cosine_ops) where model = '{LOCAL_MODEL_NAME}' and dims = {LOCAL_MODEL_DIMS}"
            )
            print(f"HNSW index built in {time.perf_counter() - started:.0f} s")
        conn.execute("vacuum analyze users, applications, embeddings")
    return people, owners, application_ids, vectors


def percentile(values: list[float], fraction: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-hnsw", action="store_true", help="skip the HNSW index and the approximate comparison")
    args = parser.parse_args()
    rng = np.random.default_rng(2024)

    pgdata = Path(tempfile.mkdtemp(prefix="jobforge-bench-")) / "pgdata"
    server, app_url, owner_url = embedded.prepare(pgdata, cleanup_mode="delete")
    try:
        apply_migrations(owner_url)
        started = time.perf_counter()
        people, owners, application_ids, vectors = load(server.get_uri(embedded.DATABASE_NAME), rng, not args.no_hnsw)
        elapsed = time.perf_counter() - started
        print(f"loaded {len(owners):,} vectors ({LOCAL_MODEL_DIMS} dims) of {len(people):,} people in {elapsed:.0f} s")

        rows_of = {}
        for person in range(len(people)):
            rows_of[person] = np.flatnonzero(owners == person)

        def exact_top10(person: int, query: np.ndarray) -> list:
            """Brute force over the person's vectors, with the same similarity floor as the search."""
            rows = rows_of[person]
            similarities = vectors[rows] @ query
            best = rows[np.argsort(-similarities, kind="stable")[:10]]
            return [application_ids[row] for row in best if float(vectors[row] @ query) >= store.MIN_SIMILARITY]

        def query_near(person: int) -> np.ndarray:
            # A query that lies near one of the person's own postings, like "similar to this one".
            row = rng.choice(rows_of[person])
            query = vectors[row] + rng.standard_normal(LOCAL_MODEL_DIMS, dtype=np.float32) * 0.05
            return query / np.linalg.norm(query)

        connection.open_pool(app_url, min_size=1, max_size=1)
        samples = [int(person) for person in rng.choice(PEOPLE, size=QUERIES)]
        for person in samples[:20]:  # warm the caches and the pool
            with connection.user_tx(people[person]) as conn:
                store.semantic_matches(conn, query_near(person), LOCAL_MODEL_NAME, depth=10)

        def measure(sampled: list[int]) -> tuple[list[float], list[float], list[float]]:
            latencies, hybrid, recalls = [], [], []
            for person in sampled:
                query = query_near(person)
                started = time.perf_counter()
                with connection.user_tx(people[person]) as conn:
                    found = store.semantic_matches(conn, query, LOCAL_MODEL_NAME, depth=10)
                latencies.append((time.perf_counter() - started) * 1000)
                expected = exact_top10(person, query)
                recalls.append(len({row["application_id"] for row in found} & set(expected)) / max(len(expected), 1))
                started = time.perf_counter()
                with connection.user_tx(people[person]) as conn:
                    store.search(conn, "engineer posting", query, LOCAL_MODEL_NAME, limit=10)
                hybrid.append((time.perf_counter() - started) * 1000)
            return latencies, hybrid, recalls

        latencies, hybrid, recalls = measure(samples)
        heavy_latencies, _, heavy_recalls = measure([PEOPLE] * 50)

        approximate_recall = None
        if not args.no_hnsw:
            # What the approximate index would give the same person: RLS filters its 40 candidates afterwards.
            # Sorting is switched off so the planner has to read rows in distance order from the index.
            approximate = []
            for person in samples[:100]:
                query = query_near(person)
                with connection.user_tx(people[person]) as conn:
                    conn.execute("set local enable_sort = off")
                    found = conn.execute(
                        "select application_id from embeddings where model = %s and dims = %s"
                        f" order by embedding::vector({LOCAL_MODEL_DIMS}) <=> %s::vector({LOCAL_MODEL_DIMS})"
                        " limit 10",
                        (LOCAL_MODEL_NAME, LOCAL_MODEL_DIMS, query),
                    ).fetchall()
                expected = set(exact_top10(person, query))
                approximate.append(len({row["application_id"] for row in found} & expected) / max(len(expected), 1))
            approximate_recall = statistics.mean(approximate)
        with connection.anonymous_tx() as conn:
            versions = conn.execute(
                "select current_setting('server_version') as postgres,"
                " (select extversion from pg_extension where extname = 'vector') as pgvector"
            ).fetchone()
        connection.close_pool()

        print(
            f"machine: {os.cpu_count()} cores; PostgreSQL {versions['postgres']}, pgvector {versions['pgvector']},"
            " default settings (shared_buffers 128MB)"
        )
        print(f"queries: {QUERIES} random people with {VECTORS_PER_PERSON} vectors each, as jobforge_app under RLS")
        print(
            f"top-10 (db.embeddings.semantic_matches in user_tx): p50 {percentile(latencies, 0.50):.2f} ms,"
            f" p95 {percentile(latencies, 0.95):.2f} ms, recall@10 {statistics.mean(recalls):.3f}"
        )
        print(
            f"hybrid search (db.embeddings.search, words + vectors + snippets): p50 {percentile(hybrid, 0.50):.2f} ms,"
            f" p95 {percentile(hybrid, 0.95):.2f} ms"
        )
        print(
            f"one person with {HEAVY_PERSON_VECTORS:,} vectors: top-10 p50 {percentile(heavy_latencies, 0.50):.2f} ms,"
            f" p95 {percentile(heavy_latencies, 0.95):.2f} ms, recall@10 {statistics.mean(heavy_recalls):.3f}"
        )
        if approximate_recall is not None:
            print(f"for contrast, HNSW index scan filtered by RLS afterwards: recall@10 {approximate_recall:.3f}")
    finally:
        server.cleanup()


if __name__ == "__main__":
    main()
