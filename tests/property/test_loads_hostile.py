"""``loads`` of any text whatever raises nothing but DocumentError."""

import json
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from busmodel import Format
from tests.property.test_document_roundtrip import read_or_reject

FORMATS: list[Format] = ["toml", "json"]
LONG = "9" * 4301
"""Digits just past what Python turns into an int by default."""

every_character = st.characters(exclude_categories=())
"""Any code point, lone surrogates included."""

TOKENS = [
    'schema = "busmodel/1"\n',
    'kind = "agreement"\n',
    'kind = "records"\n',
    'id = "a"\n',
    'title = "A"\n',
    "[[forums]]\n",
    "[validity]\n",
    '"schema": "busmodel/1", ',
    '"kind": "agreement", ',
    '"id": "a", "title": "A", ',
    '"forums": ',
    "{",
    "}",
    "[",
    "]",
    "=",
    ":",
    ",",
    '"',
    "'",
    "\n",
    " ",
    ".",
    "-",
    "_",
    "x",
    LONG,
    f"-{LONG}",
    f"1_{LONG}",
    "1979-05-27",
    "07:32:00",
    "T",
    "+99:00",
    "0x",
    "1e999",
    "inf",
    "nan",
    "NaN",
    "Infinity",
    "true",
    "null",
    "\\ud800",
    "\\udcff",
    "\\u",
    "\ud800",
    "\x00",
    "\ufeff",
    "#",
]
tokens = st.lists(st.sampled_from(TOKENS) | st.text(every_character, max_size=3), max_size=30)
"""Text built from the pieces of documents, so that parsing gets somewhere."""


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=300, deadline=None)
@given(text=st.text(every_character))
@example(text="x = " + LONG)
@example(text=LONG)
@example(text="\ud800")
def test_loads_of_any_text_raises_only_document_error(fmt: Format, text: str) -> None:
    read_or_reject(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=300, deadline=None)
@given(pieces=tokens)
@example(pieces=["x = ", LONG])
@example(pieces=["{", '"x": ', "[", LONG, "]", "}"])
def test_loads_of_text_made_of_document_pieces_raises_only_document_error(
    fmt: Format, pieces: list[str]
) -> None:
    read_or_reject("".join(pieces), fmt)


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(every_character, max_size=5)
    | st.sampled_from(["2024-01-10", "agreement", "records", "f", "a"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(every_character, max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)

KEYS = ["id", "title", "agreement", "forums", "meetings", "validity", "parties", "bodies"]


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["agreement", "framework", "records"]),
    body=st.dictionaries(st.sampled_from(KEYS) | st.text(every_character), json_values),
)
def test_loads_of_a_json_document_with_any_values_raises_only_document_error(
    kind: str, body: dict[str, Any]
) -> None:
    text = json.dumps({"schema": "busmodel/1", "kind": kind, **body})
    read_or_reject(text, "json")
