"""Positions agree with the scanner they replaced, on every text.

The JSON side of :class:`busmodel.format.Positions` passes over values with the
C scanner and looks into them only when a path below them is asked for; the
scanner it replaced walked the whole text in Python
(``tests/support/positions_oracle.py``). On generated documents (odd Unicode,
escapes, surrogate pairs, CRLF line ends, tabs; in TOML also comments, inline
tables, arrays of tables, dotted and quoted keys) and on text that is no
document at all, both find the same paths, in the same order, at the same lines
and columns.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import tomllib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from busmodel import Format
from busmodel.format import Positions
from busmodel.model._errors import escape_token
from tests.support.positions_oracle import OldPositions

laws = settings(max_examples=300, deadline=None)

odd_characters = st.characters(codec="utf-8") | st.sampled_from(
    ["å", "ö", "\u00e9", "\u2028", "\u200b", "\ufeff", "😀", "\U0010ffff", "\t", '"', "\\", "/"]
)
"""Letters, marks, line and format characters, astral ones (surrogate pairs in JSON
escapes), quotes and backslashes; no lone surrogates (TOML cannot hold them)."""
odd_texts = st.text(odd_characters, max_size=8)
keys = odd_texts | st.sampled_from(["a", "b", "id", "a/b", "~0", "x.y", "", "0", "date"])


def asked(positions: OldPositions) -> list[str]:
    """Every path found, and paths below and beside them that are not there."""
    found = positions.paths()
    missing = ["/missing", "/0", "/-", "/~0x", "/a~1b", "//"]
    return [*found, *(path + extra for path in found for extra in missing), "nothing", "/"]


def assert_same_positions(text: str, fmt: Format) -> None:
    old = OldPositions(text, fmt)
    new = Positions.of(text, fmt)

    assert old.paths() == new.paths()
    paths = asked(old)
    expected = [(path, old.locate(path), old.exact(path)) for path in paths]
    actual = [(path, new.locate(path), new.exact(path)) for path in paths]
    assert expected == actual


# -- JSON ---------------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**20, max_value=10**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | odd_texts
    | st.text(st.characters(codec=None, categories=None), max_size=5)  # lone surrogates too
)
json_trees = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.lists(st.tuples(keys, children), max_size=4).map(lambda pairs: ("object", pairs))
    ),
    max_leaves=25,
)
"""JSON values; an object is ``("object", pairs)``, so that a key may be given twice."""


@st.composite
def json_string(draw: st.DrawFn, value: str) -> str:
    """``value`` as a JSON string, each character written plain or escaped, as drawn."""
    written = ['"']
    for char in value:
        code = ord(char)
        plain = char not in '"\\' and code >= 0x20 and not 0xD800 <= code <= 0xDFFF
        if plain and draw(st.booleans()):
            written.append(char)
        elif char in '"\\/\b\f\n\r\t' and draw(st.booleans()):
            written.append(json.dumps(char)[1:-1] if char != "/" else "\\/")
        elif code > 0xFFFF:  # a surrogate pair
            code -= 0x10000
            written.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04X}")
        else:
            written.append(f"\\u{code:04x}")
    return "".join([*written, '"'])


blanks = st.lists(st.sampled_from([" ", "\t", "\n", "\r\n"]), max_size=3).map("".join)


@st.composite
def json_text(draw: st.DrawFn, value: Any) -> str:
    """``value`` as JSON text with blanks (spaces, tabs, LF and CRLF) drawn between tokens."""
    if isinstance(value, tuple):  # an object, its keys maybe repeated
        members = [
            draw(blanks) + draw(json_string(key)) + draw(blanks) + ":" + draw(blanks)
            + draw(json_text(item)) + draw(blanks)
            for key, item in value[1]
        ]  # fmt: skip
        return "{" + (",".join(members) or draw(blanks)) + "}"
    if isinstance(value, list):
        items = [draw(blanks) + draw(json_text(item)) + draw(blanks) for item in value]
        return "[" + (",".join(items) or draw(blanks)) + "]"
    if isinstance(value, str):
        return draw(json_string(value))
    if isinstance(value, float) and draw(st.booleans()):
        return f"{value:e}"
    return json.dumps(value)


@st.composite
def json_documents(draw: st.DrawFn) -> str:
    value = draw(json_trees)
    if draw(st.booleans()):  # most documents are objects
        value = ("object", draw(st.lists(st.tuples(keys, json_trees), max_size=5)))
    return draw(blanks) + draw(json_text(value)) + draw(blanks)


@laws
@given(json_documents())
def test_json_positions_agree_with_the_whole_text_scanner(text: str) -> None:
    json.loads(text)  # the strategy writes JSON
    assert_same_positions(text, "json")


@laws
@given(json_documents(), st.data())
def test_json_positions_of_broken_text_agree_with_the_whole_text_scanner(
    text: str, data: st.DataObject
) -> None:
    cut = data.draw(st.integers(0, len(text)))
    inserted = data.draw(st.sampled_from(["", ",", "]", "}", "{", '"', "x", "\\", "1", "\x00"]))
    end = data.draw(st.integers(cut, len(text)))
    assert_same_positions(text[:cut] + inserted + text[end:], "json")


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": {"b": [1, 2]}, "c": 3, "a": [4]}',  # a key given thrice: the last
        '{"\\u00e5\\ud83d\\ude00": {"\\"/~": 1}}',
        "[1, 2,]",  # a trailing comma: not strict JSON, so the old way
        '{"a": NaN, "b": -Infinity, "c": [Infinity]}',
        '{"a": 1' + "0" * 5000 + "}",  # an integer longer than int() reads
        '{"a": [' + "[" * 3000 + "]" * 3000 + "]}",  # deeper than the C scanner goes
        '{"a": "tab\there"}',  # a control character in text: not strict JSON
        '{"a": 1}  trailing [text',
        "\r\n\t[\r\n\t]\r\n",
        '"just text"',
        "",
    ],
)
def test_json_positions_agree_with_the_whole_text_scanner_on_edge_cases(text: str) -> None:
    assert_same_positions(text, "json")


# -- TOML ---------------------------------------------------------------------------

toml_texts = st.text(st.characters(codec="utf-8"), max_size=8)  # no surrogates
toml_scalars = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | toml_texts
    | st.dates()
)
toml_keys = toml_texts | st.sampled_from(["a", "b", "id", "x.y", "0", "with space", "é"])
toml_trees = st.recursive(
    toml_scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(toml_keys, children, max_size=3)
        | st.lists(st.dictionaries(toml_keys, children, max_size=3), min_size=1, max_size=3)
    ),
    max_leaves=20,
)


def literal(text: str) -> bool:
    """Whether ``text`` can be written as a TOML literal string: no quote, no control."""
    return "'" not in text and all(c >= " " or c == "\t" for c in text) and "\x7f" not in text


@st.composite
def toml_key(draw: st.DrawFn, key: str) -> str:
    """``key`` bare, as a literal string or as a basic string with escapes, as drawn."""
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    style = draw(st.sampled_from(["bare", "literal", "basic"]))
    if bare and style == "bare":
        return key
    if style == "literal" and literal(key):
        return f"'{key}'"
    return draw(toml_string(key))


@st.composite
def toml_string(draw: st.DrawFn, value: str) -> str:
    """``value`` as a basic string, characters plain or escaped (``\\u00e5``, ``\\U...``)."""
    written = ['"']
    for char in value:
        code = ord(char)
        plain = char not in '"\\' and (code >= 0x20 or char == "\t") and code != 0x7F
        if plain and draw(st.booleans()):
            written.append(char)
            continue
        if char in '"\\\b\f\n\r\t' and draw(st.booleans()):
            written.append(json.dumps(char)[1:-1])
        elif code > 0xFFFF or draw(st.booleans()):
            written.append(f"\\U{code:08X}")
        else:
            written.append(f"\\u{code:04x}")
    return "".join([*written, '"'])


@st.composite
def toml_value(draw: st.DrawFn, value: Any, nl: str) -> str:
    """``value`` inline: arrays maybe over several lines with comments, tables inline."""
    space = draw(st.sampled_from([" ", "\t", "", "  "]))
    if isinstance(value, dict):
        pairs = [
            f"{draw(toml_key(key))}{space}={space}{draw(toml_value(item, nl))}"
            for key, item in value.items()
        ]
        return "{" + space + ", ".join(pairs) + space + "}" if pairs else "{}"
    if isinstance(value, list):
        if draw(st.booleans()):
            return "[" + ", ".join(draw(toml_value(item, nl)) for item in value) + "]"
        lines = [
            f"  {draw(toml_value(item, nl))},{draw(comment())}{nl}"
            for item in value
        ]  # fmt: skip
        return "[" + draw(comment()) + nl + "".join(lines) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "nan"
    if isinstance(value, int | dt.date):
        return str(value)
    assert isinstance(value, str)
    if draw(st.booleans()) and literal(value):
        return f"'{value}'"
    return draw(toml_string(value))


@st.composite
def comment(draw: st.DrawFn) -> str:
    if not draw(st.booleans()):
        return ""
    text = draw(st.text(st.characters(codec="utf-8", min_codepoint=0x20), max_size=6))
    return f"  # {text.replace(chr(0x7F), '')}"


@st.composite
def toml_table(
    draw: st.DrawFn, table: dict[str, Any], prefix: tuple[str, ...], nl: str
) -> list[str]:
    """The lines of ``table``: its keys (tables among them inline, dotted or headed), then
    the tables and arrays of tables that have headers of their own."""
    lines: list[str] = []
    later: list[tuple[str, Any]] = []
    for key, value in table.items():
        written = draw(toml_key(key))
        space = draw(st.sampled_from([" ", "\t"]))
        if isinstance(value, dict) and value and draw(st.booleans()):
            if draw(st.booleans()):
                later.append((written, value))
                continue
            for inner, item in value.items():  # dotted keys
                dotted = f"{written}{draw(st.sampled_from(['.', ' . ']))}{draw(toml_key(inner))}"
                lines.append(f"{dotted}{space}={space}{draw(toml_value(item, nl))}")
            continue
        tables = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
        if tables and draw(st.booleans()):
            later.append((written, value))
            continue
        lines.append(f"{written}{space}={space}{draw(toml_value(value, nl))}{draw(comment())}")
    for written, value in later:
        path = ".".join([*prefix, written])
        items = value if isinstance(value, list) else [value]
        for item in items:
            header = f"[[{path}]]" if isinstance(value, list) else f"[{path}]"
            lines += ["", header + draw(comment())]
            lines += draw(toml_table(item, (*prefix, written), nl))
    return lines


@st.composite
def toml_documents(draw: st.DrawFn) -> str:
    table = draw(st.dictionaries(toml_keys, toml_trees, max_size=5))
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    lines = draw(toml_table(table, (), nl))
    head = draw(st.sampled_from(["", "# a comment" + nl, nl]))
    return head + nl.join(lines) + nl


def pointers(value: Any, path: str = "") -> list[str]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += pointers(item, f"{path}/{escape_token(key)}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += pointers(item, f"{path}/{index}")
    return found


@laws
@given(toml_documents())
def test_toml_positions_agree_with_the_whole_text_scanner(text: str) -> None:
    data = tomllib.loads(text)  # the strategy writes TOML

    assert sorted(pointers(data)) == sorted(Positions.of(text, "toml").paths())
    assert_same_positions(text, "toml")


@laws
@given(toml_documents(), st.data())
def test_toml_positions_of_broken_text_agree_with_the_whole_text_scanner(
    text: str, data: st.DataObject
) -> None:
    cut = data.draw(st.integers(0, len(text)))
    inserted = data.draw(st.sampled_from(["", "[", "]", "=", '"', "'", "#", "\n", "x", "{"]))
    assert_same_positions(text[:cut] + inserted + text[cut:], "toml")


@laws
@given(st.text(st.characters(codec=None, categories=None)), st.sampled_from(["toml", "json"]))
def test_positions_of_any_text_agree_with_the_whole_text_scanner(text: str, fmt: Format) -> None:
    assert_same_positions(text, fmt)
