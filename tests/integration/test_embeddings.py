"""Embedding storage and hybrid search on real PostgreSQL as the application role, RLS on."""

import numpy as np
import psycopg
import pytest

from ai.embeddings import EmbeddingError, LocalEmbedder, OpenAIEmbedder, get_embedder
from config import Config
from db import applications, documents
from db import embeddings as store
from db.connection import anonymous_tx, user_tx
from db.users import create_user
from tests.conftest import fixture_text, unique_email
from tests.fake_ai_server import FakeAIServer, FakeReply, closed_port_url

MODEL = "local-minilm-m2v-256"
POSTINGS = {
    "Backend Engineer": "jd-backend-engineer.txt",
    "Frontend Engineer": "jd-frontend-engineer.txt",
    "Product Manager": "jd-product-manager.txt",
}


@pytest.fixture(scope="module")
def embedder():
    return LocalEmbedder()


def new_person(name: str = "Sam"):
    with anonymous_tx() as conn:
        return create_user(conn, unique_email(name), "not-a-hash", name, "Tester")


def add_application(conn, role_title: str, posting: str, company: str = "Acme") -> object:
    return applications.create_application(conn, company, role_title, posting, None, None)


def add_document(conn, application_id, doc_type: str, content: str) -> object:
    """Save a new version of the document and return that version's id."""
    document = documents.save_version(conn, application_id, doc_type, content, "generated", None)
    return conn.execute(
        "select id from document_versions where document_id = %s and version = %s",
        (document["id"], document["version"]),
    ).fetchone()["id"]


def unit(vector) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture(scope="module")
def job_seeker(pool, embedder):
    """A person with three real postings, their vectors, and a cover letter for the product role."""
    person = new_person("Jo")
    with user_tx(person) as conn:
        ids = {}
        for role_title, name in POSTINGS.items():
            text = fixture_text(name)
            ids[role_title] = add_application(conn, role_title, text, company=f"{role_title.split()[0]} Co")
            store.save_embedding(conn, model=MODEL, vector=embedder.embed_one(text), application_id=ids[role_title])
        letter = fixture_text("resume-marketing-mismatch.txt")
        version_id = add_document(conn, ids["Product Manager"], "cover_letter", letter)
        store.save_embedding(conn, model=MODEL, vector=embedder.embed_one(letter), document_version_id=version_id)
    return person, ids


def test_save_embedding_replaces_the_vector_of_the_same_source_and_model(pool):
    person = new_person()
    with user_tx(person) as conn:
        application_id = add_application(conn, "Engineer", "Build things.")
        first = store.save_embedding(conn, model=MODEL, vector=[1.0, 0.0, 0.0], application_id=application_id)
        second = store.save_embedding(conn, model=MODEL, vector=[0.0, 1.0, 0.0], application_id=application_id)
        store.save_embedding(conn, model="other-model", vector=[1.0, 1.0], application_id=application_id)
        rows = conn.execute("select id, model, dims, embedding from embeddings order by model").fetchall()
    assert first == second
    assert [(row["model"], row["dims"]) for row in rows] == [(MODEL, 3), ("other-model", 2)]
    assert list(rows[0]["embedding"].to_list()) == [0.0, 1.0, 0.0]


@pytest.mark.parametrize(
    ("vector", "sources"),
    [
        ([0.0, 0.0], {"application_id": "a"}),  # no direction to compare
        ([float("nan"), 1.0], {"application_id": "a"}),
        ([1.0, 0.0], {}),
        ([1.0, 0.0], {"application_id": "a", "resume_id": "b"}),
    ],
)
def test_save_embedding_refuses_bad_input(vector, sources):
    with pytest.raises(ValueError):
        store.save_embedding(None, model=MODEL, vector=vector, **sources)


def test_similar_applications_ranks_own_postings_and_skips_the_source(job_seeker, embedder):
    person, ids = job_seeker
    with user_tx(person) as conn:
        similar = store.similar_applications(conn, ids["Backend Engineer"], MODEL)
        none_yet = store.similar_applications(conn, ids["Backend Engineer"], "text-embedding-3-small")
    assert {row["application_id"] for row in similar} == {ids["Frontend Engineer"], ids["Product Manager"]}
    assert similar[0]["role_title"] == "Frontend Engineer"  # another engineering posting beats product management
    assert similar[0]["similarity"] >= similar[1]["similarity"]
    assert none_yet == []


def test_search_finds_words_and_meaning_and_says_what_matched(job_seeker, embedder):
    person, ids = job_seeker
    with user_tx(person) as conn:
        by_words = store.search(conn, "React TypeScript", embedder.embed_one("React TypeScript"), MODEL)
        by_letter = store.search(conn, "demand generation campaigns", embedder.embed_one("marketing campaigns"), MODEL)
        words_only = store.search(conn, "stakeholders roadmap", None, MODEL)
    top = by_words[0]
    assert (top["application_id"], top["matched"]) == (ids["Frontend Engineer"], "posting")
    assert (top["company"], top["role_title"]) == ("Frontend Co", "Frontend Engineer")
    assert top["matched_by"] == ["meaning", "words"]
    assert "React" in top["snippet"]
    assert top["score"] == 1.0
    assert (by_letter[0]["application_id"], by_letter[0]["matched"]) == (ids["Product Manager"], "cover_letter")
    assert "campaigns" in by_letter[0]["snippet"]
    assert words_only[0]["application_id"] == ids["Product Manager"]
    assert all(result["matched_by"] == ["words"] and result["similarity"] is None for result in words_only)


def test_search_of_nothing_finds_nothing(job_seeker):
    person, _ = job_seeker
    with user_tx(person) as conn:
        assert store.search(conn, "", np.zeros(256, dtype=np.float32), MODEL) == []
        assert store.search(conn, "   ", None, MODEL) == []


def test_search_uses_the_latest_embedded_version_of_a_document(pool):
    person = new_person()
    with user_tx(person) as conn:
        application_id = add_application(conn, "Engineer", "Build things.")
        old = add_document(conn, application_id, "research", "old notes")
        store.save_embedding(conn, model=MODEL, vector=[1.0, 0.0], document_version_id=old)
        new = add_document(conn, application_id, "research", "new notes")
        store.save_embedding(conn, model=MODEL, vector=[0.0, 1.0], document_version_id=new)
        results = store.semantic_matches(conn, [0.8, 0.6], MODEL)
    # The old version's vector is the closer one (0.8), but only the current version (0.6) counts.
    assert [(row["kind"], round(row["similarity"], 4)) for row in results] == [("research", 0.6)]


def test_one_persons_search_never_returns_anothers_rows(job_seeker, embedder):
    person, ids = job_seeker
    posting = fixture_text("jd-frontend-engineer.txt")
    other = new_person("Other")
    with user_tx(other) as conn:
        # Same words and the very same vector as the query: the best match in the table, but not Jo's.
        twin = add_application(conn, "Frontend Engineer", posting + " React TypeScript")
        store.save_embedding(conn, model=MODEL, vector=embedder.embed_one("React TypeScript"), application_id=twin)
        twin_letter = add_document(conn, twin, "cover_letter", "demand generation campaigns")
        store.save_embedding(conn, model=MODEL, vector=embedder.embed_one("campaigns"), document_version_id=twin_letter)
    with user_tx(person) as conn:
        results = store.search(conn, "React TypeScript", embedder.embed_one("React TypeScript"), MODEL, limit=50)
        results += store.search(conn, "campaigns", embedder.embed_one("campaigns"), MODEL, limit=50)
        similar = store.similar_applications(conn, ids["Frontend Engineer"], MODEL, limit=50)
        # Another person's application id is only a key that finds nothing.
        assert store.similar_applications(conn, twin, MODEL) == []
    seen = {row["application_id"] for row in results + similar}
    assert seen and seen <= set(ids.values())
    with user_tx(other) as conn:
        theirs = store.search(conn, "React TypeScript", embedder.embed_one("React TypeScript"), MODEL, limit=50)
    assert {row["application_id"] for row in theirs} == {twin}


@pytest.fixture(scope="module")
def crowded_table(pool, database_urls):
    """One person among many whose vectors all lie nearer the query than any of hers.

    An approximate index scan filtered by row level security would return none of her rows here.
    """
    rng = np.random.default_rng(7)
    query = unit(rng.normal(size=256))
    others = [new_person(f"Crowd{i}") for i in range(12)]
    for person in others:
        with user_tx(person) as conn:
            for _ in range(25):
                application_id = add_application(conn, "Crowd", "crowd posting")
                vector = unit(query + rng.normal(scale=0.01, size=256))  # cosine ≈ 0.99 to the query
                store.save_embedding(conn, model=MODEL, vector=vector, application_id=application_id)
    target = new_person("Target")
    mine = {}
    with user_tx(target) as conn:
        for _ in range(40):
            application_id = add_application(conn, "Mine", "my posting")
            mine[application_id] = unit(query + rng.normal(scale=0.06, size=256))  # ≈ 0.7
            store.save_embedding(conn, model=MODEL, vector=mine[application_id], application_id=application_id)
    _, owner_url = database_urls
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("analyze embeddings")
    return target, query, mine


def test_vector_search_is_exact_for_one_person_among_many(crowded_table):
    target, query, mine = crowded_table
    expected = sorted(mine, key=lambda application_id: -float(mine[application_id] @ query))[:10]
    with user_tx(target) as conn:
        found = store.semantic_matches(conn, query, MODEL, depth=10)
        source = expected[0]
        similar = store.similar_applications(conn, source, MODEL, limit=10)
    assert [row["application_id"] for row in found] == expected
    assert [row["similarity"] for row in found] == pytest.approx([float(mine[i] @ query) for i in expected], abs=1e-4)
    expected_similar = sorted((i for i in mine if i != source), key=lambda i: -float(mine[i] @ mine[source]))[:10]
    assert [row["application_id"] for row in similar] == expected_similar


def test_planner_cannot_use_the_approximate_index_for_a_persons_search(crowded_table):
    target, query, mine = crowded_table
    with user_tx(target) as conn:
        # Leave the planner no cheaper way than an index that returns rows in distance order, if one applied.
        conn.execute("set local enable_seqscan = off")
        conn.execute("set local enable_sort = off")
        parameters = {"query": query, "model": MODEL, "dims": 256, "min_similarity": -1.0, "depth": 10}
        plans = [
            conn.execute("explain " + store.SEMANTIC_SQL, parameters).fetchall(),
            conn.execute(
                "explain " + store.SIMILAR_APPLICATIONS_SQL,
                {"application_id": next(iter(mine)), "model": MODEL, "limit": 10},
            ).fetchall(),
        ]
        indexes = conn.execute("select indexname from pg_indexes where tablename = 'embeddings'").fetchall()
    hnsw_indexes = [row["indexname"] for row in indexes if row["indexname"].endswith("_hnsw")]
    assert len(hnsw_indexes) == 2
    for plan in plans:
        text = "\n".join(row["QUERY PLAN"] for row in plan)
        assert not any(name in text for name in hnsw_indexes), text
        # The person's rows are found by an index on user_id, then all of them are ranked.
        assert "Index Cond: " in text and "user_id = $" in text


def test_openai_embedder_through_the_sdk_and_into_the_database(pool, tmp_path):
    with FakeAIServer(embedding_dims=1536) as fake:
        config = Config(
            data_dir=tmp_path, secret_key="k", openai_api_key="test-key", openai_base_url=fake.openai_base_url
        )
        embedder = get_embedder(config)
        vectors = embedder.embed(["Go services", "", "Go services"])
        sent = fake.requests[-1]["body"]
    assert isinstance(embedder, OpenAIEmbedder)
    assert (embedder.model, embedder.dims, vectors.shape, vectors.dtype) == (
        "text-embedding-3-small",
        1536,
        (3, 1536),
        np.float32,
    )
    assert sent["input"] == ["Go services", "Go services"]  # a blank text is never sent
    assert not vectors[1].any()
    assert np.allclose(np.linalg.norm(vectors[[0, 2]], axis=1), 1.0)
    assert np.array_equal(vectors[0], vectors[2])

    person = new_person()
    with user_tx(person) as conn:
        application_id = add_application(conn, "Engineer", "Go services")
        store.save_embedding(conn, model=embedder.model, vector=vectors[0], application_id=application_id)
        found = store.semantic_matches(conn, vectors[2], embedder.model)
        local_found = store.semantic_matches(conn, vectors[2][:256], MODEL)
    assert [(row["application_id"], round(row["similarity"], 4)) for row in found] == [(application_id, 1.0)]
    assert local_found == []


def test_get_embedder_without_an_openai_key_is_local(tmp_path):
    assert isinstance(get_embedder(Config(data_dir=tmp_path, secret_key="k")), LocalEmbedder)


@pytest.mark.parametrize("status", [401, 429, 500])
def test_openai_embedder_errors_become_one_clear_exception(status):
    with FakeAIServer(embedding_dims=1536) as fake:
        fake.reply_embeddings(FakeReply(status=status))
        embedder = OpenAIEmbedder("test-key", "text-embedding-3-small", fake.openai_base_url, max_retries=0)
        with pytest.raises(EmbeddingError, match=f"refused the request \\({status}\\)"):
            embedder.embed(["text"])


def test_openai_embedder_unreachable_server_is_a_clear_exception():
    embedder = OpenAIEmbedder("test-key", "text-embedding-3-small", closed_port_url() + "/v1", timeout=2, max_retries=0)
    with pytest.raises(EmbeddingError, match="could not be reached"):
        embedder.embed(["text"])
