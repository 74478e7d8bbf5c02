"""The fast path and the careful path agree: on every document, valid or broken.

The fast path builds a valid document without keeping paths; the careful path
finds every problem and where it is. The fast path must build what the careful
path builds, and must never accept what the careful path refuses.
"""

import copy
import datetime as dt
import json
import tomllib
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from busmodel import Agreement, DocumentError, Format, Records, dumps, loads
from busmodel.format import _converter
from tests.property.strategies import documents, json_values

FORMATS: list[Format] = ["toml", "json"]
laws = settings(max_examples=150, deadline=None)

Node = tuple[Any, str | int]
"""A place in parsed data: the table or array holding a value, and its key or index."""


def body_of(data: dict[str, Any]) -> tuple[dict[str, Any], type[Agreement | Records]]:
    """What the converters are given: the data without its schema (and kind, for records)."""
    body = {key: value for key, value in data.items() if key != "schema"}
    if body.get("kind") == "records":
        del body["kind"]
        return body, Records
    return body, Agreement


def places(value: Any) -> list[Node]:
    """Every place in ``value`` that holds a value, in a fixed order."""
    found: list[Node] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            found.extend(places(item))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            found.extend(places(item))
    return found


odd_values = (
    st.sampled_from(
        [
            None,
            0,
            -1,
            10**30,
            True,
            False,
            "",
            "x",
            "Not An Id",
            "2024-13-01",
            "2024-02-30",
            "\ud800",
            "١٩٩٩-٠١-٠١",
            [],
            [1, 13],
            [12, 7],
            {},
            {"x": 1},
            1.5,
            "regular",
            "2024-01-01",
        ]
    )
    | json_values
)


@st.composite
def broken(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with one to three mutations: a value deleted, retyped or replaced, a key added."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        found = places(data)
        if not found:
            break
        parent, key = draw(st.sampled_from(found))
        action = draw(st.sampled_from(["delete", "replace", "add", "duplicate"]))
        if action == "delete":
            del parent[key]
        elif action == "replace":
            parent[key] = copy.deepcopy(draw(odd_values))
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "nmae", "date", "kind"]))] = copy.deepcopy(
                draw(odd_values)
            )
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[int(key)]))
    return data


def both_paths(data: dict[str, Any]) -> tuple[object, object]:
    """What each path makes of ``data``: a document, a list of problems, or the exception."""
    body, target = body_of(data)
    careful = _converter.structure(copy.deepcopy(body), target)
    try:
        fast: object = _converter.structure_fast(copy.deepcopy(body), target)
    except Exception as error:  # any exception means "ask the careful path"
        fast = error
    return fast, careful


@laws
@given(documents, st.sampled_from(FORMATS))
def test_the_fast_path_builds_every_valid_document_as_the_careful_path_does(
    document: Agreement | Records, fmt: Format
) -> None:
    text = dumps(document, fmt)
    parsed = json.loads(text) if fmt == "json" else tomllib.loads(text)
    fast, careful = both_paths(parsed)
    assert careful == fast
    assert document == fast


@laws
@given(st.data(), documents)
def test_the_fast_path_never_accepts_what_the_careful_path_refuses(
    data: st.DataObject, document: Agreement | Records
) -> None:
    mutated = data.draw(broken(json.loads(dumps(document, "json"))))
    if not isinstance(mutated.get("kind"), str) or mutated.get("schema") != "busmodel/1":
        return  # refused by the header check, before either path
    if mutated["kind"] not in ("agreement", "framework", "extension", "records"):
        return
    fast, careful = both_paths(mutated)
    if isinstance(careful, list):
        assert isinstance(fast, BaseException), f"fast path accepted: {careful}"
    elif not isinstance(fast, BaseException):
        assert careful == fast


@laws
@given(st.data(), documents)
def test_loads_reports_the_same_problems_as_the_careful_path_alone(
    data: st.DataObject, document: Agreement | Records
) -> None:
    mutated = data.draw(broken(json.loads(dumps(document, "json"))))
    text = json.dumps(mutated, ensure_ascii=False)

    def outcome() -> object:
        try:
            return loads(text, "json")
        except DocumentError as error:
            return error.problems

    with_fast = outcome()
    with mock.patch.object(_converter, "structure_fast", side_effect=RuntimeError("off")):
        careful_only = outcome()
    assert careful_only == with_fast


def test_dates_in_toml_are_dates_on_both_paths() -> None:
    data: dict[str, Any] = {
        "schema": "busmodel/1",
        "kind": "records",
        "agreement": "a",
        "meetings": [{"forum": "sg", "date": dt.date(2024, 2, 6)}],
    }
    fast, careful = both_paths(data)
    assert careful == fast
    data["meetings"][0]["date"] = dt.datetime(2024, 2, 6, 10, 0)
    fast, careful = both_paths(data)
    assert isinstance(careful, list)
    assert isinstance(fast, BaseException)


@pytest.mark.parametrize("value", ["\ud800", "١٩٩٩-٠١-٠١", True, 1, 1.0])
def test_odd_leaves_are_refused_by_both_paths(value: object) -> None:
    data = {
        "schema": "busmodel/1",
        "kind": "records",
        "agreement": "a",
        "meetings": [{"forum": "sg", "date": value}],
    }
    fast, careful = both_paths(data)
    assert isinstance(careful, list)
    assert isinstance(fast, BaseException)
