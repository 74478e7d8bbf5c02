"""Doctest names shared by every module's examples, and the hypothesis profiles.

The public classes and functions show ``busmodel`` as their module, so their
doctests run in the namespace of ``busmodel`` rather than of the private module
that imports ``datetime as dt``; they get it here.

Hypothesis runs under the ``ci`` profile unless told otherwise: what ``python -m
pytest`` (and so CI) runs. ``thorough`` runs twenty times as many cases, for fuzzing
at length on a machine of one's own::

    python -m pytest tests/property --hypothesis-profile=thorough
    HYPOTHESIS_PROFILE=thorough python -m pytest tests/property/test_fuzz.py
"""

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=100, print_blob=True)
"""Hypothesis's own default number of cases; tests that set their own keep theirs."""
settings.register_profile(
    "thorough",
    max_examples=2_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, object]) -> None:
    doctest_namespace["dt"] = dt
