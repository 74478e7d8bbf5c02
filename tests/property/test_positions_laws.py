"""Laws of positions: every value ``dumps`` writes is found where it is written.

For generated documents in both formats, every JSON Pointer of every value is
located exactly, and the text there starts with the key (a TOML key, maybe
quoted, or a table header naming it; a JSON key string) or, for an array item,
with the item itself. Whatever the text, locating never raises.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from busmodel import Agreement, Format, Records, dumps
from busmodel.format import Position, Positions
from busmodel.format._positions import scan
from busmodel.model._errors import escape_token
from tests.property.strategies import documents, json_values, raw_texts
from tests.property.test_loads_hostile import every_character, tokens

FORMATS: list[Format] = ["toml", "json"]
slow = settings(max_examples=100, deadline=None)

Step = str | int

TOML_KEY = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'""")
"""A bare, basic-string or literal-string TOML key (the test's own reading of one)."""


def values(value: Any, steps: tuple[Step, ...] = ()) -> list[tuple[str, tuple[Step, ...], Any]]:
    """The pointer, the steps and the value of everything in ``value``, itself first."""
    pointer = "".join(f"/{escape_token(str(step))}" for step in steps)
    found = [(pointer, steps, value)]
    if isinstance(value, dict):
        for key, item in value.items():
            found += values(item, (*steps, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += values(item, (*steps, index))
    return found


def offset(text: str, at: Position) -> int:
    """The index in ``text`` of the character at ``at``."""
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[: at.line - 1]) + at.column - 1


def toml_key_at(text: str, start: int) -> str:
    """The key written at ``start``, read by tomllib."""
    token = TOML_KEY.match(text, start)
    assert token is not None, text[start : start + 20]
    [key] = tomllib.loads(f"{token[0]} = 0")
    return key


def header_keys(text: str, start: int) -> list[str]:
    """The keys a table header at ``start`` names, read by tomllib."""
    line = text[start:].split("\n", 1)[0]
    table: Any = tomllib.loads(line)
    keys = []
    while table:
        [(key, table)] = table.items()
        keys.append(key)
        if isinstance(table, list):
            [table] = table
    return keys


FIRST_CHARACTERS = {bool: "tf", int: "+-0123456789", dt.date: "0123456789", str: "\"'", list: "["}


def check_toml(text: str, steps: tuple[Step, ...], value: Any, start: int) -> None:
    rest = text[start:]
    last = steps[-1]
    if isinstance(last, str):
        if rest.startswith("["):  # a table, or an array of tables, set by a header
            assert last == header_keys(text, start)[-1]
        else:
            assert last == toml_key_at(text, start)
    elif isinstance(value, dict):  # an element of an array of tables, or an inline table
        if rest.startswith("[["):
            assert steps[-2] == header_keys(text, start)[-1]
        else:
            assert rest.startswith("{")
    else:
        assert rest[:1] in FIRST_CHARACTERS[type(value)]


def check_json(text: str, steps: tuple[Step, ...], value: Any, start: int) -> None:
    decoder = json.JSONDecoder()
    if isinstance(steps[-1], str):
        assert (steps[-1], '"') == (decoder.raw_decode(text, start)[0], text[start])
    else:
        # Compared as JSON text: NaN is not equal to itself, but is written the same.
        assert json.dumps(value) == json.dumps(decoder.raw_decode(text, start)[0])


@slow
@given(documents)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_value_dumps_writes_is_located_at_its_key_or_its_first_character(
    fmt: Format, document: Agreement | Records
) -> None:
    text = dumps(document, fmt)
    data = tomllib.loads(text) if fmt == "toml" else json.loads(text)
    positions = Positions.of(text, fmt)
    found = values(data)

    assert sorted(pointer for pointer, _, _ in found) == sorted(positions.paths())
    assert Position(1, 1) == positions.locate("")
    for pointer, steps, value in found[1:]:
        at = positions.locate(pointer)
        assert at is not None
        assert positions.exact(pointer)
        (check_toml if fmt == "toml" else check_json)(text, steps, value, offset(text, at))


@slow
@given(documents)
def test_a_document_has_the_same_paths_in_toml_and_in_json(document: Agreement | Records) -> None:
    toml = Positions.of(dumps(document, "toml"), "toml")
    json_ = Positions.of(dumps(document, "json"), "json")

    assert sorted(toml.paths()) == sorted(json_.paths())


@slow
@given(documents, st.data())
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_path_below_a_value_that_is_not_there_is_located_at_that_value(
    fmt: Format, document: Agreement | Records, data: st.DataObject
) -> None:
    positions = Positions.of(dumps(document, fmt), fmt)
    path = data.draw(st.sampled_from(positions.paths()))
    missing = data.draw(st.sampled_from(["/~0missing", "/9999", "/-", "/~0missing/0/x"]))

    assert (False, positions.locate(path)) == (
        positions.exact(path + missing),
        positions.locate(path + missing),
    )


@slow
@given(st.recursive(json_values, lambda children: st.lists(children, max_size=3)))
def test_every_value_of_any_json_text_is_located_at_its_key_or_first_character(
    value: Any,
) -> None:
    text = json.dumps(value, indent=1)
    positions = Positions.of(text, "json")
    for pointer, steps, item in values(json.loads(text))[1:]:
        at = positions.locate(pointer)
        assert at is not None
        assert positions.exact(pointer)
        check_json(text, steps, item, offset(text, at))


def within(text: str, at: Position | None) -> bool:
    """Whether ``at`` is a place in ``text``: a character of it, or the end of a line."""
    lines = text.split("\n")
    return (
        at is not None
        and 1 <= at.line <= len(lines)
        and 1 <= at.column <= len(lines[at.line - 1]) + 1
    )


texts = st.text(every_character) | raw_texts | tokens.map("".join)
paths = st.lists(raw_texts | st.sampled_from(["0", "1", "-", "~0", "~1", "a"]), max_size=4).map(
    lambda tokens: "".join(f"/{token}" for token in tokens)
)


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(paths, max_size=5))
@pytest.mark.parametrize("fmt", FORMATS)
def test_locating_in_any_text_never_raises_and_stays_within_it(
    fmt: Format, text: str, asked: list[str]
) -> None:
    scan(text, fmt)  # the scanner itself, without anything around it
    positions = Positions.of(text, fmt)
    for path in [*asked, *positions.paths()]:
        assert within(positions.text, positions.locate(path))
        positions.exact(path)
