"""The local static embedding model: shape, normalisation, determinism and sense."""

import numpy as np
import pytest

from ai.embeddings import LOCAL_MODEL_DIMS, LocalEmbedder, normalise_rows


@pytest.fixture(scope="module")
def embedder():
    return LocalEmbedder()


def cosine(a, b) -> float:
    return float(np.dot(a, b))  # rows are unit length


def test_rows_are_float32_unit_vectors_of_the_models_size(embedder):
    vectors = embedder.embed(["Built REST APIs in Python", "Led a team of five engineers", "Python services. " * 5000])
    assert (embedder.model, embedder.dims) == ("local-minilm-m2v-256", LOCAL_MODEL_DIMS)
    assert vectors.shape == (3, LOCAL_MODEL_DIMS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_texts_and_blank_texts(embedder):
    assert embedder.embed([]).shape == (0, LOCAL_MODEL_DIMS)
    assert not embedder.embed([""]).any()  # nothing to embed: a zero row, never NaN


def test_same_text_same_vector_in_any_batch(embedder):
    alone = embedder.embed_one("Designed PostgreSQL schemas with row level security")
    batched = embedder.embed(["something else", "Designed PostgreSQL schemas with row level security"])[1]
    assert np.array_equal(alone, embedder.embed_one("Designed PostgreSQL schemas with row level security"))
    assert np.allclose(alone, batched, atol=1e-6)


@pytest.mark.parametrize(
    ("text", "related", "unrelated"),
    [
        (
            "Built REST APIs in Python with PostgreSQL",
            "Developed backend web services using Python and a SQL database",
            "The bakery sells sourdough bread on weekends",
        ),
        ("Led a team of five engineers", "Managed a group of software developers", "It rained in the mountains"),
        (
            "Ran paid social campaigns that grew leads 40%",
            "Managed marketing campaigns on Facebook and Instagram",
            "Kubernetes schedules containers onto nodes",
        ),
    ],
)
def test_related_texts_are_closer_than_unrelated_ones(embedder, text, related, unrelated):
    anchor, near, far = embedder.embed([text, related, unrelated])
    assert cosine(anchor, near) > 0.3
    assert abs(cosine(anchor, far)) < 0.2
    assert cosine(anchor, near) > cosine(anchor, far) + 0.2


def test_whole_documents_are_not_cut_at_512_tokens(embedder):
    opening = "Python backend services. " * 200  # far past 512 tokens
    assert cosine(*embedder.embed([opening, opening + "Figma design systems. " * 200])) < 0.99


def test_normalise_rows_keeps_zero_rows_zero():
    rows = normalise_rows([[3.0, 4.0], [0.0, 0.0]])
    assert np.allclose(rows, [[0.6, 0.8], [0.0, 0.0]])
