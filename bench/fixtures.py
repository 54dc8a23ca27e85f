"""Where the benchmarks read their texts: the test fixtures (sources and licences in its README.md)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
