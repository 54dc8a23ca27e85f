"""Hypothesis profiles for the property tests ("ci", the default, bounded and repeatable; "dev" wider), and a person.

HYPOTHESIS_PROFILE=dev picks the wider search; its example database is .hypothesis/ (ignored by git),
so a failure found there is tried first on the next run.
"""

import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from tests.support import make_person

# Generating 100 KB inputs and rendering PDFs is slow by Hypothesis's measure, not a problem of the data.
_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

# Derandomized and without a database: the same examples every run, so CI cannot fail by luck; the
# whole property run stays under a minute on two busy cores. Timing is asserted where it matters
# (the parsers' 100 KB bound), not by Hypothesis's per-example deadline, which busy cores would trip.
settings.register_profile(
    "ci", max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=_SLOW_IS_FINE
)
settings.register_profile(
    "dev",
    max_examples=500,
    deadline=None,
    database=DirectoryBasedExampleDatabase(".hypothesis/examples"),
    suppress_health_check=_SLOW_IS_FINE,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def person(pool):
    """One account for a module's examples: Hypothesis runs all of a test's examples within one fixture scope."""
    return make_person()
