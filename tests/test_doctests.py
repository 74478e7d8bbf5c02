"""The examples in the docstrings of the public classes' methods run.

Public classes show ``busmodel`` as their module, so pytest's doctest collection
finds their own docstrings under ``busmodel`` but passes over their methods
(doctest takes a function to belong to the module whose globals it has). They are
collected here and run in the namespace of the module that defines them.
"""

import datetime as dt
import doctest
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import busmodel

FINDER = doctest.DocTestFinder(recurse=False)


def _function(member: object) -> object:
    if isinstance(member, classmethod | staticmethod):
        return member.__func__
    if isinstance(member, property):
        return member.fget
    return member


def method_doctests() -> Iterator[doctest.DocTest]:
    for name in sorted(busmodel.__all__):
        cls = getattr(busmodel, name)
        if not inspect.isclass(cls):
            continue
        for attribute, member in sorted(vars(cls).items()):
            function = _function(member)
            if not inspect.isfunction(function) or ">>>" not in (function.__doc__ or ""):
                continue
            module = sys.modules[function.__module__]
            globs = {**vars(module), "dt": dt}
            for test in FINDER.find(function, f"busmodel.{name}.{attribute}", globs=globs):
                if test.examples:
                    yield test


TESTS = list(method_doctests())


def test_the_public_classes_have_method_examples_to_run() -> None:
    assert len(TESTS) >= 5


@pytest.mark.parametrize("test", TESTS, ids=lambda test: test.name)
def test_a_method_example_runs(test: doctest.DocTest) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    output: list[str] = []
    result = runner.run(test, out=output.append)
    assert (0, "") == (result.failed, "".join(output))


@pytest.mark.parametrize("layer", ["model", "format", "validation", "cli"])
def test_the_doctests_of_a_layer_pass_run_alone(layer: str) -> None:
    # In the whole run an earlier test may have loaded a layer through busmodel (and so
    # published its names); a layer's examples must not depend on that.
    import subprocess

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"src/busmodel/{layer}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert 0 == done.returncode, done.stdout[-3000:]
