"""Fuzzing: mutated examples, mutated generated documents and random bytes reach every entry point.

Every example and generated documents are parsed to plain data, then mutated the
ways broken and hostile files are: keys deleted, renamed, retyped and duplicated;
dates swapped, shifted and corrupted; huge and negative numbers; very long
strings; odd Unicode and control characters; deep nesting. The result, as TOML
or JSON text (and as raw bytes), is given to ``loads``, ``load``, ``validate``,
``validate_paths`` and every command of the command line. The laws: the only
exception that escapes is a :class:`busmodel.BusmodelError`, and the command line
exits 0, 1 or 2, with a message when it is 2, never with a traceback and never 3.

How many cases run is set by the hypothesis profile (see the root ``conftest.py``):
``ci``, the default, and ``thorough`` for fuzzing at length::

    python -m pytest tests/property/test_fuzz.py --hypothesis-profile=thorough
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import attrs
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import busmodel
from busmodel import Agreement, BusmodelError, Format
from tests.property.strategies import documents, worlds
from tests.support.cli import run
from tests.support.paths import EXAMPLES

TODAY: Final = dt.date(2026, 11, 27)
FORMATS: Final[tuple[Format, ...]] = ("toml", "json")
EXAMPLE_DATA: Final = {
    path.name: tomllib.loads(path.read_text(encoding="utf-8"))
    for path in sorted(EXAMPLES.glob("*.toml"))
}
BASE: Final = settings().max_examples
"""The profile's number of cases: the library laws run three times as many, the batch and the
command line a quarter as many (each case runs every command)."""
_SLOW_TO_DRAW: Final = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
]
"""Generating a whole document is slow and large, and its texts are filtered: not a fault."""
cheap = settings(max_examples=BASE * 3, deadline=None, suppress_health_check=_SLOW_TO_DRAW)
costly = settings(
    max_examples=max(BASE // 4, 10), deadline=None, suppress_health_check=_SLOW_TO_DRAW
)

Tree = dict[str, Any]
Step = str | int
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@attrs.frozen
class Raw:
    """Text written into the JSON as it is (deep nesting that no serialiser would write)."""

    text: str


@attrs.frozen
class Pairs:
    """A JSON object written with its keys as given, duplicates included."""

    items: tuple[tuple[str, Any], ...]


def to_json(value: Any) -> str:
    """``value`` as JSON text: dates as ISO strings, :class:`Raw` and :class:`Pairs` as given."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Pairs | dict):
        items = value.items if isinstance(value, Pairs) else tuple(value.items())
        return "{" + ", ".join(f"{json.dumps(k)}: {to_json(v)}" for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    if isinstance(value, dt.date):
        return json.dumps(value.isoformat())
    return json.dumps(value)


def plain(value: Any) -> Any:
    """``value`` with its markers as ordinary data (for TOML, which cannot hold them)."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Pairs):
        return {key: plain(item) for key, item in value.items}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def without_none(value: Any) -> Any:
    """``value`` with None (which TOML cannot write) as an empty array."""
    if value is None:
        return []
    if isinstance(value, dict):
        return {key: without_none(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_none(item) for item in value]
    return value


def places(value: Any, path: tuple[Step, ...] = ()) -> list[tuple[Step, ...]]:
    """The path of every table and array in ``value``, itself first."""
    found: list[tuple[Step, ...]] = []
    if isinstance(value, dict):
        found.append(path)
        for key, item in value.items():
            found.extend(places(item, (*path, key)))
    elif isinstance(value, list):
        found.append(path)
        for index, item in enumerate(value):
            found.extend(places(item, (*path, index)))
    return found


def leaves(value: Any, path: tuple[Step, ...] = ()) -> list[tuple[Step, ...]]:
    """The path of every value that is neither a table nor an array."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in leaves(item, (*path, index))]
    return [path]


def at(value: Any, path: tuple[Step, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def put(tree: Any, path: tuple[Step, ...], new: Any) -> None:
    at(tree, path[:-1])[path[-1]] = new


def is_date(value: object) -> bool:
    return isinstance(value, dt.date) or (isinstance(value, str) and bool(_DATE.match(value)))


odd_characters = st.sampled_from(
    [
        *(
            "\x00",
            "\x01",
            "\x1b",
            "\x7f",
            "\u200b",
            "\u200e",
            "\u202e",
            "\ufeff",
            "\ufffe",
            "\ud800",
        ),
        "\U0001f600",
        "\u0301",
        "å",
        "Ä",
        "\r",
        "\t",
        "\n",
        "\\",
        '"',
        "'",
        "\u2028",
        "\U0010ffff",
    ]
)
odd_texts = st.lists(odd_characters | st.characters(), max_size=20).map("".join)
huge_numbers = st.sampled_from(
    [
        2**63,
        -(2**63) - 1,
        10**30,
        -(10**30),
        -1,
        -2023,
        0,
        Raw("9" * 4400),
        float("inf"),
        float("nan"),
    ]
)
values: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    huge_numbers,
    st.floats(),
    st.text(max_size=20),
    odd_texts,
    st.dates(),
    st.datetimes(),
    st.lists(st.integers() | st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers() | st.text(max_size=5), max_size=3),
)
"""A value of any type: what retyping puts in place of another."""
corrupt_dates = (
    st.sampled_from(
        [
            *("2023-02-30", "2023-13-01", "2023-00-10", "0000-01-01", "9999-12-31", "2023-1-1"),
            "2023-01-01T10:00:00",
            "20230101",
            "2023-01-01 ",
            "",
            "1899-12-31",
            "2101-01-01",
        ]
    )
    | st.dates()
)
OPERATIONS: Final = (
    "delete",
    "rename",
    "retype",
    "duplicate",
    "swap-dates",
    "shift-date",
    "corrupt-date",
    "number",
    "long-string",
    "odd-text",
    "deep",
)


def mutate(data: st.DataObject, tree: Tree) -> None:
    """Apply one of :data:`OPERATIONS` somewhere in ``tree`` (the document as plain data)."""
    operation = data.draw(st.sampled_from(OPERATIONS), label="operation")
    if operation in ("swap-dates", "shift-date", "corrupt-date"):
        dated = [p for p in leaves(tree) if is_date(at(tree, p))]
        if not dated:
            return
        where = data.draw(st.sampled_from(dated), label="date")
        if operation == "swap-dates":
            other = data.draw(st.sampled_from(dated), label="other date")
            first, second = at(tree, where), at(tree, other)
            put(tree, where, second)
            put(tree, other, first)
        elif operation == "shift-date":
            day = at(tree, where)
            if isinstance(day, str):
                try:
                    day = dt.date.fromisoformat(day)
                except ValueError:
                    return
            shift = data.draw(st.integers(-400_000, 400_000), label="days")
            try:
                put(tree, where, day + dt.timedelta(days=shift))
            except OverflowError:
                put(tree, where, dt.date.max if shift > 0 else dt.date.min)
        else:
            put(tree, where, data.draw(corrupt_dates, label="corrupt date"))
        return
    container_path = data.draw(st.sampled_from(places(tree)), label="container")
    container = at(tree, container_path)
    if not container:
        return
    keys: list[Step] = (
        list(container) if isinstance(container, dict) else list(range(len(container)))
    )
    key = data.draw(st.sampled_from(keys), label="key")
    if operation == "delete":
        del container[key]
    elif operation == "rename" and isinstance(container, dict):
        assert isinstance(key, str)
        new = data.draw(
            st.sampled_from([key.upper(), key + "s", key[:-1], key.replace("_", "-"), " " + key])
            | st.text(max_size=12),
            label="new name",
        )
        container[new] = container.pop(key)
    elif operation == "duplicate" and isinstance(container, dict) and container_path:
        assert isinstance(key, str)
        again = data.draw(st.just(container[key]) | values, label="duplicate value")
        put(tree, container_path, Pairs((*container.items(), (key, again))))
    elif operation == "number":
        container[key] = data.draw(huge_numbers | st.integers(max_value=-1), label="number")
    elif operation == "long-string":
        size = data.draw(st.sampled_from([1_000, 70_000, 300_000]), label="length")
        container[key] = data.draw(st.sampled_from(["x", "å", "\u200b", " "]), label="char") * size
    elif operation == "odd-text":
        container[key] = data.draw(odd_texts, label="odd text")
    elif operation == "deep":
        depth = data.draw(st.sampled_from([50, 500, 5_000, 50_000]), label="depth")
        opening, closing = data.draw(st.sampled_from([("[", "]"), ('{"a": ', "}")]), label="kind")
        container[key] = Raw(opening * depth + closing * depth)
    else:  # retype, and what the others cannot do in an array
        container[key] = data.draw(values, label="value")


def texts_of(tree: Tree, fmt: Format, data: st.DataObject) -> str:
    """``tree`` written as ``fmt``; TOML that tomli_w cannot write falls back to JSON."""
    if fmt == "json":
        return to_json(tree)
    try:
        text = tomli_w.dumps(without_none(plain(tree)))
    except (TypeError, ValueError, RecursionError):
        return to_json(tree)
    lines = text.splitlines(keepends=True)
    assignments = [i for i, line in enumerate(lines) if re.match(r"[A-Za-z_]+ = ", line)]
    if assignments and data.draw(st.integers(0, 4), label="toml text operation") == 0:
        index = data.draw(st.sampled_from(assignments), label="line")
        if data.draw(st.booleans(), label="duplicate or nest"):
            lines.insert(index + 1, lines[index])  # a key given twice in one table
        else:
            key = lines[index].split(" = ")[0]
            depth = data.draw(st.sampled_from([50, 500, 5_000]), label="depth")
            lines[index] = f"{key} = {'[' * depth}{']' * depth}\n"
    return "".join(lines)


seeds = st.one_of(
    st.sampled_from(sorted(EXAMPLE_DATA)).map(lambda name: json.loads(to_json(EXAMPLE_DATA[name]))),
    st.sampled_from(sorted(EXAMPLE_DATA)).map(lambda name: _copy(EXAMPLE_DATA[name])),
    documents.map(lambda document: json.loads(busmodel.dumps(document, "json"))),
    worlds().map(lambda world: json.loads(busmodel.dumps(world.agreement, "json"))),
)
"""Plain data of valid documents: the examples (dates as TOML dates or JSON strings) and
generated ones."""


def _copy(tree: Any) -> Any:
    return tomllib.loads(tomli_w.dumps(tree))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Format]:
    """A valid document with one to four mutations, as TOML or JSON text."""
    data = draw(st.data())
    tree = draw(seeds)
    for _ in range(draw(st.integers(1, 4), label="mutations")):
        if isinstance(tree, dict):
            mutate(data, tree)
    fmt = draw(st.sampled_from(FORMATS))
    return texts_of(tree, fmt, data), fmt


def only_busmodel_errors(action: Callable[[], object]) -> object:
    """Run ``action``; a BusmodelError is a refusal (None), anything else fails the test."""
    try:
        return action()
    except BusmodelError as error:
        message = str(error)
    assert message  # a refusal says why
    return None


def check_library(text: str, fmt: Format) -> None:
    """``loads``, ``load`` and ``validate`` take ``text`` or refuse it with a BusmodelError."""
    document = only_busmodel_errors(lambda: busmodel.loads(text, fmt))
    data = text.encode("utf-8", "surrogatepass")
    only_busmodel_errors(lambda: busmodel.load(io.BytesIO(data)))
    if isinstance(document, Agreement):
        only_busmodel_errors(lambda: busmodel.validate(document, today=TODAY))
        only_busmodel_errors(lambda: busmodel.validate(document))


COMMANDS: Final = (
    ("validate", "--today", "2026-11-27"),
    ("validate", "--format", "json"),
    ("validate", "--format", "sarif", "--strict"),
    ("show",),
    ("convert", "--to", "json"),
    ("convert", "--to", "toml"),
    ("status", "--today", "2026-11-27"),
    ("renew", "--document-date", "2026-11-27"),
    ("extend", "--document-date", "2026-11-27"),
    ("plan", "--year", "2027"),
    ("plan", "--year", "2027", "--format", "ics"),
    ("timeline", "--today", "2026-11-27"),
)
"""Every command of the command line that reads a document, as the fuzzer calls it."""


def check_command_line(path: Path) -> None:
    """Every command on ``path`` exits 0, 1 or 2, with a message for 2 and no traceback."""
    for command in COMMANDS:
        status, out, err = run(*command, str(path))
        assert status in (0, 1, 2), (command, status, err)
        assert "Traceback" not in err, (command, err)
        assert "internal error" not in err, (command, err)
        if status == 2:  # the message is on standard error, or in the JSON or SARIF document
            assert err.strip() or out.strip(), command
        if command[1:3] == ("--format", "json") and status in (0, 1, 2) and out:
            json.loads(out)  # one parseable document, whatever was found


def check_batch(folder: Path) -> None:
    batch = only_busmodel_errors(lambda: busmodel.validate_paths([folder], today=TODAY))
    assert isinstance(batch, busmodel.Batch)


@cheap
@given(mutated())
def test_mutated_documents_are_read_or_refused_with_a_busmodel_error(
    case: tuple[str, Format],
) -> None:
    check_library(*case)


@costly
@given(mutated())
def test_mutated_documents_go_through_the_batch_and_every_command(case: tuple[str, Format]) -> None:
    text, fmt = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"fuzzed.{fmt}")
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        check_batch(Path(folder))
        check_command_line(path)


random_bytes = st.binary(max_size=2_000) | st.sampled_from(
    [b'schema = "busmodel/1"\nkind = "agreement"\n', b'{"schema": "busmodel/1", "kind": ']
).flatmap(lambda head: st.binary(max_size=500).map(lambda tail: head + tail))


@cheap
@given(random_bytes)
def test_random_bytes_are_refused_with_a_busmodel_error(data: bytes) -> None:
    only_busmodel_errors(lambda: busmodel.load(io.BytesIO(data)))
    text = data.decode("utf-8", "replace")
    only_busmodel_errors(lambda: busmodel.loads(text, "toml"))
    only_busmodel_errors(lambda: busmodel.loads(text, "json"))


@costly
@given(random_bytes, st.sampled_from(FORMATS))
def test_random_bytes_go_through_the_batch_and_every_command(data: bytes, fmt: Format) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, f"random.{fmt}")
        path.write_bytes(data)
        check_batch(Path(folder))
        check_command_line(path)


@settings(max_examples=BASE, deadline=None)
@given(st.lists(st.text(max_size=12) | st.sampled_from(["NAM001", "SIG", "x" * 5000]), max_size=3))
def test_any_rule_code_given_to_busmodel_rules_is_shown_or_refused(codes: list[str]) -> None:
    status, _, err = run("rules", *codes)
    assert status in (0, 2)
    assert "Traceback" not in err
    if status == 2:
        assert err.strip()
