"""Benchmark: the offline drafter writing all three documents for one application.

Run: .venv/bin/python -m bench.offline_generation
"""

import os
import statistics
import time

from ai.offline import draft_cover_letter, draft_research, draft_resume
from bench.fixtures import FIXTURES

RESUMES = [
    "resume-backend-engineer.txt",
    "resume-strong-senior.txt",
    "resume-markdown-example.md",
    "resume-standard.txt",
]
POSTINGS = [
    "jd-senior-backend-engineer.txt",
    "jd-backend-engineer.txt",
    "jd-frontend-engineer.txt",
    "jd-product-manager.txt",
]
ROUNDS = 20


def all_three(resume: str, posting: str) -> None:
    research = draft_research([resume], posting, "Northwind Cloud", "Senior Backend Engineer")
    optimized = draft_resume([resume], posting)
    draft_cover_letter(optimized, posting, "Northwind Cloud", "Senior Backend Engineer", "Jordan Ellis")
    assert research and optimized


def main() -> None:
    pairs = [((FIXTURES / r).read_text(), (FIXTURES / p).read_text()) for r in RESUMES for p in POSTINGS]
    all_three(*pairs[0])  # warm the compiled regular expressions
    timings = []
    for _ in range(ROUNDS):
        for resume, posting in pairs:
            start = time.perf_counter()
            all_three(resume, posting)
            timings.append(time.perf_counter() - start)
    timings.sort()
    print(f"offline generation of research + resume + cover letter, {len(timings)} runs on {os.cpu_count()} cores")
    print(f"  median {statistics.median(timings) * 1000:.1f} ms")
    print(f"  p95    {timings[int(len(timings) * 0.95)] * 1000:.1f} ms")
    print(f"  max    {timings[-1] * 1000:.1f} ms   (target: under 500 ms)")


if __name__ == "__main__":
    main()
