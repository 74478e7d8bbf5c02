"""Doctest names shared by every module's examples.

The public classes and functions show ``busmodel`` as their module, so their
doctests run in the namespace of ``busmodel`` rather than of the private module
that imports ``datetime as dt``; they get it here.
"""

import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict[str, object]) -> None:
    doctest_namespace["dt"] = dt
