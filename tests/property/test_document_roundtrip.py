import copy
import json
import tomllib
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from busmodel import Agreement, DocumentError, Format, Records, dumps, loads
from tests.property.strategies import documents, json_values

FORMATS: list[Format] = ["toml", "json"]
slow = settings(max_examples=100, deadline=None)

toml_values: st.SearchStrategy[Any] = st.recursive(
    st.booleans() | st.integers(min_value=-(2**63), max_value=2**63 - 1) | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
"""Any value TOML can hold: like JSON, without null and with 64-bit integers."""

Path = tuple[str | int, ...]


def read_or_reject(text: str, fmt: Format) -> None:
    """Load ``text``; bad input may raise DocumentError with pointers, and nothing else."""
    try:
        loads(text, fmt)
    except DocumentError as error:
        problems = error.problems
    else:
        return
    assert problems
    assert all(problem.path == "" or problem.path.startswith("/") for problem in problems)


def containers(value: object, path: Path = ()) -> list[Path]:
    """The paths of every table and array in ``value``, itself first."""
    found: list[Path] = []
    if isinstance(value, dict):
        found.append(path)
        for key, item in value.items():
            found.extend(containers(item, (*path, key)))
    elif isinstance(value, list):
        found.append(path)
        for index, item in enumerate(value):
            found.extend(containers(item, (*path, index)))
    return found


def at(value: Any, path: Path) -> Any:
    for step in path:
        value = value[step]
    return value


def mutate(data: st.DataObject, document: dict[str, Any], values: st.SearchStrategy[Any]) -> None:
    """Drop a key, add an unknown key, or replace a value, somewhere in ``document``."""
    target = at(document, data.draw(st.sampled_from(containers(document)), label="container"))
    operation = data.draw(st.sampled_from(["drop", "add", "replace"]), label="operation")
    if operation == "add" and isinstance(target, dict):
        key = data.draw(st.text(max_size=10).filter(lambda key: key not in target), label="key")
        target[key] = data.draw(values, label="value")
    elif target:
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = data.draw(st.sampled_from(keys), label="key")
        if operation == "drop":
            del target[key]
        else:
            target[key] = data.draw(values, label="value")


@slow
@given(documents)
@pytest.mark.parametrize("fmt", FORMATS)
def test_loads_reads_back_what_dumps_writes(fmt: Format, document: Agreement | Records) -> None:
    assert document == loads(dumps(document, fmt), fmt)


@slow
@given(documents)
@pytest.mark.parametrize("fmt", FORMATS)
def test_dumps_is_deterministic(fmt: Format, document: Agreement | Records) -> None:
    text = dumps(document, fmt)

    assert text == dumps(copy.deepcopy(document), fmt)
    assert text == dumps(loads(text, fmt), fmt)


@given(st.text())
@pytest.mark.parametrize("fmt", FORMATS)
def test_random_text_only_ever_raises_document_error(fmt: Format, text: str) -> None:
    read_or_reject(text, fmt)


@given(st.text())
def test_random_text_after_a_valid_header_only_ever_raises_document_error(text: str) -> None:
    read_or_reject('schema = "busmodel/1"\nkind = "agreement"\n' + text, "toml")


@given(json_values)
def test_random_json_values_only_ever_raise_document_error(value: Any) -> None:
    read_or_reject(json.dumps(value), "json")


@given(
    st.dictionaries(st.text(max_size=10), json_values, max_size=6),
    st.sampled_from(["agreement", "framework", "records"]),
)
def test_random_json_tables_under_a_valid_header_only_ever_raise_document_error(
    table: dict[str, Any], kind: str
) -> None:
    read_or_reject(json.dumps({"schema": "busmodel/1", "kind": kind, **table}), "json")


@slow
@given(documents, st.data())
def test_mutated_json_documents_only_ever_raise_document_error(
    document: Agreement | Records, data: st.DataObject
) -> None:
    parsed = json.loads(dumps(document, "json"))
    mutate(data, parsed, json_values)

    read_or_reject(json.dumps(parsed), "json")


@slow
@given(documents, st.data())
def test_mutated_toml_documents_only_ever_raise_document_error(
    document: Agreement | Records, data: st.DataObject
) -> None:
    parsed = tomllib.loads(dumps(document, "toml"))
    mutate(data, parsed, toml_values)

    read_or_reject(tomli_w.dumps(parsed), "toml")
