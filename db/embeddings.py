"""Embeddings and search over one person's applications: exact vector similarity fused with full text.

Why exact and not the HNSW indexes: every query here runs inside `user_tx`, so row level security
adds `user_id = <person>` to it. With pgvector 0.6 (no `hnsw.iterative_scan`) that filter runs after
an approximate index scan, which fetches the nearest `ef_search` (40) vectors of *everyone*; with
1,000 people a person keeps about none of them, and a top 10 comes back short or empty. So these
queries order by `embedding <=> query`, an expression that the HNSW indexes (built on
`embedding::vector(N)`) cannot serve: the planner cannot choose them, whatever its statistics say,
and reads the person's rows through `embeddings_user_model (user_id, model)` and ranks all of them.
That is exact by construction, and cheap: a person has hundreds of vectors, not millions
(bench/vector_search.py: 300 vectors a person among 300,000, p95 in docs/performance.md).
tests/integration/test_embeddings.py proves both the plan and the completeness.
"""

from collections import defaultdict

import numpy as np

# What a search result matched: the posting itself, or one of the documents generated for it.
MATCH_KINDS = {"posting": "Posting", "research": "Research", "resume": "Resume", "cover_letter": "Cover letter"}

# Reciprocal rank fusion: score = sum over the rankings of 1 / (RRF_K + rank). 60 is the usual constant;
# it keeps one list's first place from drowning out an item both lists rank well.
RRF_K = 60
# How deep each ranking is read before fusing; far more than a page of results.
CANDIDATES = 50
# Below this cosine similarity a vector-only hit is noise, not meaning. Measured with the local model on
# the fixture postings: a short query scores 0.3-0.5 against postings it is about and mostly under 0.2
# against the rest (whole postings share a generic "job posting" direction, so nothing scores near 0).
# Not yet calibrated for text-embedding-3-small.
MIN_SIMILARITY = 0.2

# The latest embedded version of each document (an edit not yet embedded leaves the previous vector
# in use) and each posting, ranked by cosine distance to the query over all the person's vectors.
SEMANTIC_SQL = """
with scored as (
    select coalesce(e.application_id, d.application_id) as application_id,
           coalesce(d.doc_type, 'posting') as kind,
           v.version,
           e.embedding <=> %(query)s as distance
    from embeddings e
    left join document_versions v on v.id = e.document_version_id
    left join documents d on d.id = v.document_id
    where e.model = %(model)s and e.dims = %(dims)s and e.resume_id is null
), latest as (
    select distinct on (application_id, kind) application_id, kind, distance
    from scored
    order by application_id, kind, version desc nulls last
)
select application_id, kind, 1 - distance as similarity
from latest
where 1 - distance >= %(min_similarity)s
order by distance
limit %(depth)s
"""

# Postings and current documents that contain the query's words, best first. websearch_to_tsquery
# accepts anything a person types (quotes, or, -word) without syntax errors.
WORDS_SQL = """
select a.id as application_id, 'posting' as kind,
       ts_rank_cd(a.search_tsv, websearch_to_tsquery('english', %(text)s), 1) as rank
from applications a
where a.search_tsv @@ websearch_to_tsquery('english', %(text)s)
union all
select d.application_id, d.doc_type, ts_rank_cd(d.search_tsv, websearch_to_tsquery('english', %(text)s), 1)
from documents d
where d.search_tsv @@ websearch_to_tsquery('english', %(text)s)
order by rank desc
limit %(depth)s
"""

# Company, role and a snippet around the query's words (or the text's start) for the final results only:
# ts_headline re-reads the whole text, too slow to run on every candidate. No highlight markup, so
# the snippet is plain text wherever it is shown.
DETAILS_SQL = """
select r.application_id, r.kind, a.company, a.role_title,
       ts_headline('english', coalesce(d.content, a.job_description), websearch_to_tsquery('english', %(text)s),
                   'MaxFragments=1, MinWords=12, MaxWords=30, StartSel="", StopSel="", FragmentDelimiter=" … "')
           as snippet
from unnest(%(application_ids)s::uuid[], %(kinds)s::text[]) as r (application_id, kind)
join applications a on a.id = r.application_id
left join documents d on d.application_id = r.application_id and d.doc_type = r.kind
"""

SIMILAR_APPLICATIONS_SQL = """
with source as (
    select embedding, dims from embeddings where application_id = %(application_id)s and model = %(model)s
)
select a.id as application_id, a.company, a.role_title, a.status,
       1 - (e.embedding <=> s.embedding) as similarity
from source s
join embeddings e on e.model = %(model)s and e.dims = s.dims
    and e.application_id is not null and e.application_id <> %(application_id)s
join applications a on a.id = e.application_id
order by e.embedding <=> s.embedding
limit %(limit)s
"""

# Postings whose vectors are nearly the same as a new one's: the same job pasted again.
NEAR_IDENTICAL_SQL = """
select a.id, a.company, a.role_title, a.status, a.applied_on, a.created_at,
       1 - (e.embedding <=> %(query)s) as similarity
from embeddings e
join applications a on a.id = e.application_id
where e.model = %(model)s and e.dims = %(dims)s and e.application_id is not null
  and 1 - (e.embedding <=> %(query)s) >= %(min_similarity)s
order by e.embedding <=> %(query)s
limit %(limit)s
"""


def _as_vector(vector) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    if vector.ndim != 1 or vector.size == 0 or not np.isfinite(vector).all():
        raise ValueError("an embedding must be a non-empty one-dimensional array of finite numbers")
    return vector


def save_embedding(conn, *, model: str, vector, application_id=None, resume_id=None, document_version_id=None):
    """Store the vector of exactly one source for `model`, replacing that source's previous one; return its id."""
    sources = {"application_id": application_id, "resume_id": resume_id, "document_version_id": document_version_id}
    given = [column for column, value in sources.items() if value is not None]
    if len(given) != 1:
        raise ValueError("give exactly one of application_id, resume_id, document_version_id")
    column = given[0]
    vector = _as_vector(vector)
    if not np.any(vector):
        # A zero vector has no direction: its cosine distance to anything is NaN.
        raise ValueError("a zero vector cannot be compared; do not store embeddings of blank text")
    row = conn.execute(
        f"insert into embeddings (user_id, {column}, model, dims, embedding)"
        " values (app_current_user_id(), %s, %s, %s, %s)"
        f" on conflict ({column}, user_id, model) where {column} is not null"
        " do update set dims = excluded.dims, embedding = excluded.embedding, created_at = now()"
        " returning id",
        (sources[column], model, vector.size, vector),
    ).fetchone()
    return row["id"]


def similar_applications(conn, application_id, model: str, limit: int = 5) -> list[dict]:
    """The person's other applications whose postings read most like this one's, most similar first.

    Empty when this posting has no vector for `model` yet.
    """
    return conn.execute(
        SIMILAR_APPLICATIONS_SQL, {"application_id": application_id, "model": model, "limit": limit}
    ).fetchall()


def near_identical_postings(conn, query_vector, model: str, min_similarity: float, limit: int = 3) -> list[dict]:
    """The person's applications whose posting is at least `min_similarity` (cosine) like this vector."""
    vector = _as_vector(query_vector)
    if not np.any(vector):
        return []
    parameters = {"query": vector, "model": model, "dims": vector.size, "min_similarity": min_similarity}
    return conn.execute(NEAR_IDENTICAL_SQL, parameters | {"limit": limit}).fetchall()


def semantic_matches(conn, query_vector, model: str, depth: int = CANDIDATES) -> list[dict]:
    """The postings and documents nearest in meaning to `query_vector`: (application_id, kind, similarity)."""
    vector = _as_vector(query_vector)
    if not np.any(vector):
        return []
    parameters = {"query": vector, "model": model, "dims": vector.size, "min_similarity": MIN_SIMILARITY}
    return conn.execute(SEMANTIC_SQL, parameters | {"depth": depth}).fetchall()


def word_matches(conn, query_text: str, depth: int = CANDIDATES) -> list[dict]:
    """The postings and documents containing the query's words: (application_id, kind, rank)."""
    if not query_text.strip():
        return []
    return conn.execute(WORDS_SQL, {"text": query_text, "depth": depth}).fetchall()


def search(conn, query_text: str, query_vector, model: str, limit: int = 10) -> list[dict]:
    """Hybrid search over the person's postings and documents, best first.

    `query_vector` is `query_text` embedded with `model` (None: words only). Each result has
    application_id, company, role_title, matched (a MATCH_KINDS key), matched_by ("meaning",
    "words" or both), similarity (cosine, None if only the words matched), snippet, and score
    (the fused rank, 1.0 for first place in both rankings).
    """
    meaning = semantic_matches(conn, query_vector, model) if query_vector is not None else []
    words = word_matches(conn, query_text)

    scores: dict[tuple, float] = defaultdict(float)
    matched_by: dict[tuple, list[str]] = defaultdict(list)
    similarity: dict[tuple, float] = {}
    for label, ranking in (("meaning", meaning), ("words", words)):
        for rank, row in enumerate(ranking, start=1):
            key = (row["application_id"], row["kind"])
            scores[key] += 1.0 / (RRF_K + rank)
            matched_by[key].append(label)
            if label == "meaning":
                similarity[key] = float(row["similarity"])
    best = sorted(scores, key=lambda key: (-scores[key], -similarity.get(key, -1.0)))[:limit]
    if not best:
        return []

    details = conn.execute(
        DETAILS_SQL,
        {
            "text": query_text,
            "application_ids": [application_id for application_id, _ in best],
            "kinds": [kind for _, kind in best],
        },
    ).fetchall()
    by_key = {(row["application_id"], row["kind"]): row for row in details}
    perfect = 2.0 / (RRF_K + 1)
    results = []
    for key in best:
        row = by_key.get(key)
        if row is None:  # deleted between the rankings and now: nothing left to show
            continue
        results.append(
            {
                "application_id": key[0],
                "company": row["company"],
                "role_title": row["role_title"],
                "matched": key[1],
                "matched_by": matched_by[key],
                "similarity": similarity.get(key),
                "snippet": " ".join(row["snippet"].split()),
                "score": round(scores[key] / perfect, 4),
            }
        )
    return results
