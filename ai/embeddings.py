"""Text embeddings: a local static model by default, OpenAI's embeddings API when a key is configured."""

import threading
from pathlib import Path

import numpy as np

LOCAL_MODEL_DIR = Path(__file__).resolve().parent / "models" / "minilm-m2v"
LOCAL_MODEL_NAME = "local-minilm-m2v-256"
LOCAL_MODEL_DIMS = 256

# Known output sizes; another OpenAI-compatible model learns its size from its first answer.
OPENAI_MODEL_DIMS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}
# Well under the API's 2,048 inputs per request, so one request stays small and quick to retry.
OPENAI_BATCH_SIZE = 256


class EmbeddingError(Exception):
    """The embedding service failed; the message is fit to show the person."""


class Embedder:
    """Turns texts into unit-length vectors. `model` and `dims` are stored with every vector."""

    model: str
    dims: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """One float32 row per text, each of length 1 (a blank text gives a zero row: nothing to embed)."""
        raise NotImplementedError

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


def normalise_rows(matrix) -> np.ndarray:
    """float32 rows scaled to length 1; zero rows stay zero rather than becoming NaN."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


_local_model = None
_local_model_lock = threading.Lock()


def load_local_model():
    """The static model, loaded once per process (≈15 MB, tens of milliseconds) on first use."""
    global _local_model
    if _local_model is None:
        with _local_model_lock:
            if _local_model is None:
                from model2vec import StaticModel

                if not (LOCAL_MODEL_DIR / "model.safetensors").exists():
                    raise EmbeddingError(
                        f"The local embedding model is missing from {LOCAL_MODEL_DIR}; "
                        "build it with scripts/build_embedding_model.py."
                    )
                _local_model = StaticModel.from_pretrained(str(LOCAL_MODEL_DIR))
    return _local_model


class LocalEmbedder(Embedder):
    """model2vec static embeddings distilled from all-MiniLM-L6-v2: no torch, no network, ~0.1 ms a sentence."""

    model = LOCAL_MODEL_NAME
    dims = LOCAL_MODEL_DIMS

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dims), dtype=np.float32)
        # A static model costs the same per token at any length, so whole postings are embedded, not
        # their first 512 tokens; no worker processes, since this runs inside web workers.
        vectors = load_local_model().encode(list(texts), max_length=None, use_multiprocessing=False)
        return normalise_rows(vectors)


class OpenAIEmbedder(Embedder):
    """OpenAI's (or any OpenAI-compatible server's) embeddings endpoint through the official SDK."""

    def __init__(self, api_key: str, model: str, base_url: str = "", timeout: float = 30.0, max_retries: int = 2):
        import openai

        self.model = model
        self.dims = OPENAI_MODEL_DIMS.get(model, 0)
        # The SDK's own timeout and retry (with backoff on 429 and 5xx) are the whole retry policy.
        self._client = openai.OpenAI(
            api_key=api_key, base_url=base_url or None, timeout=timeout, max_retries=max_retries
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        import openai

        texts = list(texts)
        # The API rejects empty input, and a blank text has no meaning to embed anyway.
        wanted = [i for i, text in enumerate(texts) if text.strip()]
        rows: dict[int, list[float]] = {}
        for start in range(0, len(wanted), OPENAI_BATCH_SIZE):
            batch = wanted[start : start + OPENAI_BATCH_SIZE]
            try:
                response = self._client.embeddings.create(
                    model=self.model, input=[texts[i] for i in batch], encoding_format="float"
                )
            except openai.APIStatusError as error:
                raise EmbeddingError(f"The embedding service refused the request ({error.status_code}).") from error
            except openai.APIError as error:
                raise EmbeddingError("The embedding service could not be reached; try again shortly.") from error
            items = sorted(response.data, key=lambda item: item.index)
            if len(items) != len(batch):
                raise EmbeddingError("The embedding service returned a different number of vectors than asked for.")
            for position, item in zip(batch, items, strict=True):
                rows[position] = item.embedding
        if rows:
            sizes = {len(row) for row in rows.values()}
            if len(sizes) != 1 or (self.dims and sizes != {self.dims}):
                raise EmbeddingError(
                    f"The embedding service returned vectors of size {sorted(sizes)}, not {self.dims}."
                )
            self.dims = sizes.pop()
        if not self.dims:
            raise EmbeddingError(f"The size of {self.model}'s vectors is unknown until it has embedded a text.")
        matrix = np.zeros((len(texts), self.dims), dtype=np.float32)
        for position, row in rows.items():
            matrix[position] = row
        return normalise_rows(matrix)


def get_embedder(config) -> Embedder:
    """OpenAI when an OpenAI key is configured, otherwise the local model."""
    if config.openai_api_key:
        return OpenAIEmbedder(
            api_key=config.openai_api_key, model=config.openai_embedding_model, base_url=config.openai_base_url
        )
    return LocalEmbedder()
