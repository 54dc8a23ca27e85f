"""How fast the local embedding model embeds sentences, whole documents and single queries (figures only)."""

# Run: .venv/bin/python bench/embedding_throughput.py
# Texts: the fixture resumes and postings in tests/fixtures, whole and split into sentences and lines.

import os
import re
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from ai import embeddings  # noqa: E402
from bench.fixtures import FIXTURES  # noqa: E402

# Ours and adversarial, not a typical document; the figures in docs/performance.md leave it out.
NOT_TYPICAL = {"resume-prompt-injection.txt"}
ROUNDS = 5


def fixture_texts() -> tuple[list[str], list[str]]:
    """(whole documents, their sentences and bullet lines)."""
    documents = [
        path.read_text()
        for path in sorted(FIXTURES.glob("*"))
        if path.name.startswith(("jd-", "resume-")) and path.name not in NOT_TYPICAL
    ]
    sentences = []
    for document in documents:
        for line in document.splitlines():
            sentences += [part.strip() for part in re.split(r"(?<=[.!?])\s+", line) if len(part.strip()) > 3]
    return documents, sentences


def best_rate(embedder, texts: list[str]) -> float:
    """Texts per second, best of a few rounds (the least disturbed by anything else on the machine)."""
    rates = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        embedder.embed(texts)
        rates.append(len(texts) / (time.perf_counter() - started))
    return max(rates)


def main() -> None:
    documents, sentences = fixture_texts()
    embedder = embeddings.LocalEmbedder()

    started = time.perf_counter()
    embedder.embed(["warm up"])  # loads the model: once per process
    load_ms = (time.perf_counter() - started) * 1000

    sentence_batch = sentences * max(1, 10_000 // len(sentences))
    document_batch = documents * max(1, 1_000 // len(documents))
    single = []
    for sentence in sentences[:500]:
        started = time.perf_counter()
        embedder.embed_one(sentence)
        single.append((time.perf_counter() - started) * 1000)

    words = statistics.mean(len(document.split()) for document in documents)
    print(f"machine: {os.cpu_count()} cores; model {embedder.model} ({embedder.dims} dims)")
    print(f"first use (importing model2vec, loading the model): {load_ms:.0f} ms")
    print(f"sentences, batches of {len(sentence_batch):,}: {best_rate(embedder, sentence_batch):,.0f} texts/s")
    print(
        f"whole documents (mean {words:.0f} words), batches of {len(document_batch):,}:"
        f" {best_rate(embedder, document_batch):,.0f} texts/s"
    )
    print(
        f"one query at a time: p50 {statistics.median(single):.3f} ms,"
        f" p95 {statistics.quantiles(single, n=20)[-1]:.3f} ms"
    )
    print(f"fixture texts: {len(documents)} documents, {len(sentences)} sentences and lines")


if __name__ == "__main__":
    main()
