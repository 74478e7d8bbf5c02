"""Positions: where each value of a TOML or JSON document is, by JSON Pointer.

The documents here are written by hand, so that each expected line and column
can be checked by counting characters in the text.
"""

from __future__ import annotations

import json
import threading
import tomllib
from pathlib import Path
from typing import Any

import pytest

import busmodel
from busmodel import DocumentError, Format, Problem, loads
from busmodel.format import Position, Positions, _positions, read
from busmodel.model._errors import escape_token

EXAMPLES = sorted(Path(__file__).parents[2].joinpath("examples").glob("*.toml"))

TOML = """\
# a comment [not = a table]
"schema" = "busmodel/1"
'kind' = 'agreement'  # a literal string, then a comment
title = \"\"\"
BUS: "Barn" [och] {Unga} \\\"\"\" = x
\"\"\"
purpose = '''
literal '''
document_date = 2022-12-14
meeting.at = 1979-05-27 07:32:00Z
meeting."room/no~" = 3.5e2
principles = [
  # the first
  "en, två",
  'tre ]',
  \"\"\"fyra\"\"\",
]

[[forums]]
id = "politisk-samverkan"
members = [{ body = "sn", role = "presidium" }, { body = "bun" }]

[forums.cadence]
meetings_per_year = 2
windows = [{ months = [1, 6] }, { months = [8, 12] }]

[[forums]]
id = "styrgrupp"

[[forums.members]]
body = "sn"

[[forums.members]]
body = "bun"

[validity]
period = { start = 2023-01-01, end = 2026-12-31 }
"""
"""Every TOML construct the scanner has to pass over or take apart (line numbers below)."""

TOML_POSITIONS = {
    "": (1, 1),
    "/schema": (2, 1),
    "/kind": (3, 1),
    "/title": (4, 1),
    "/purpose": (7, 1),
    "/document_date": (9, 1),
    "/meeting": (10, 1),
    "/meeting/at": (10, 9),
    "/meeting/room~1no~0": (11, 9),
    "/principles": (12, 1),
    "/principles/0": (14, 3),
    "/principles/1": (15, 3),
    "/principles/2": (16, 3),
    "/forums": (19, 1),
    "/forums/0": (19, 1),
    "/forums/0/id": (20, 1),
    "/forums/0/members": (21, 1),
    "/forums/0/members/0": (21, 12),
    "/forums/0/members/0/body": (21, 14),
    "/forums/0/members/0/role": (21, 27),
    "/forums/0/members/1": (21, 49),
    "/forums/0/members/1/body": (21, 51),
    "/forums/0/cadence": (23, 1),
    "/forums/0/cadence/meetings_per_year": (24, 1),
    "/forums/0/cadence/windows": (25, 1),
    "/forums/0/cadence/windows/0": (25, 12),
    "/forums/0/cadence/windows/0/months": (25, 14),
    "/forums/0/cadence/windows/0/months/0": (25, 24),
    "/forums/0/cadence/windows/0/months/1": (25, 27),
    "/forums/0/cadence/windows/1": (25, 33),
    "/forums/0/cadence/windows/1/months": (25, 35),
    "/forums/0/cadence/windows/1/months/0": (25, 45),
    "/forums/0/cadence/windows/1/months/1": (25, 48),
    "/forums/1": (27, 1),
    "/forums/1/id": (28, 1),
    "/forums/1/members": (30, 1),
    "/forums/1/members/0": (30, 1),
    "/forums/1/members/0/body": (31, 1),
    "/forums/1/members/1": (33, 1),
    "/forums/1/members/1/body": (34, 1),
    "/validity": (36, 1),
    "/validity/period": (37, 1),
    "/validity/period/start": (37, 12),
    "/validity/period/end": (37, 32),
}

JSON = """\
{
  "schema": "busmodel/1",
  "title": "a \\"quoted\\" {title} [x]",
  "a/b~c": {"nested": [1, {"deep": true}]},
  "parties": [
    "sn",
    "bun"
  ],
  "\\u00e9t\\u00e9": null
}
"""

JSON_POSITIONS = {
    "": (1, 1),
    "/schema": (2, 3),
    "/title": (3, 3),
    "/a~1b~0c": (4, 3),
    "/a~1b~0c/nested": (4, 13),
    "/a~1b~0c/nested/0": (4, 24),
    "/a~1b~0c/nested/1": (4, 27),
    "/a~1b~0c/nested/1/deep": (4, 28),
    "/parties": (5, 3),
    "/parties/0": (6, 5),
    "/parties/1": (7, 5),
    "/été": (9, 3),
}


def located(positions: Positions, paths: list[str]) -> dict[str, tuple[int, int] | None]:
    found = {path: positions.locate(path) for path in paths}
    return {path: None if at is None else (at.line, at.column) for path, at in found.items()}


def pointers(value: object, path: str = "") -> list[str]:
    """The JSON Pointer of every value in ``value``, itself first."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += pointers(item, f"{path}/{escape_token(key)}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += pointers(item, f"{path}/{index}")
    return found


# -- TOML ------------------------------------------------------------------------


def test_the_hand_written_toml_is_what_the_positions_describe() -> None:
    assert sorted(TOML_POSITIONS) == sorted(pointers(tomllib.loads(TOML)))


def test_every_value_of_a_toml_document_is_at_its_key_header_or_first_character() -> None:
    positions = Positions.of(TOML, "toml")

    assert TOML_POSITIONS == located(positions, list(TOML_POSITIONS))


def test_the_paths_found_in_toml_are_exactly_those_of_its_data() -> None:
    positions = Positions.of(TOML, "toml")

    assert sorted(pointers(tomllib.loads(TOML))) == sorted(positions.paths())
    assert all(positions.exact(path) for path in TOML_POSITIONS)


def test_a_quoted_toml_key_is_found_by_the_key_it_stands_for() -> None:
    text = '"a\\tb\\u00e9" = 1\n"x.y".\'z w\' = 2\n'
    positions = Positions.of(text, "toml")

    assert {"/a\tbé": (1, 1), "/x.y": (2, 1), "/x.y/z w": (2, 7)} == located(
        positions, ["/a\tbé", "/x.y", "/x.y/z w"]
    )


def test_whitespace_around_the_dots_of_a_key_and_in_a_header_is_passed_over() -> None:
    text = "a . b = 1\n[ c . d ]\ne = 2\n[[ f ]]\n"
    positions = Positions.of(text, "toml")

    assert {"/a/b": (1, 5), "/c": (2, 3), "/c/d": (2, 1), "/c/d/e": (3, 1), "/f/0": (4, 1)} == (
        located(positions, ["/a/b", "/c", "/c/d", "/c/d/e", "/f/0"])
    )


def test_a_table_named_in_a_header_before_its_own_header_is_at_its_own_header() -> None:
    text = '[x."y.z"]\nk = true\n[x]\nl = 1\n'
    positions = Positions.of(text, "toml")

    assert {"/x": (3, 1), "/x/y.z": (1, 1), "/x/l": (4, 1)} == located(
        positions, ["/x", "/x/y.z", "/x/l"]
    )


def test_a_table_only_named_in_a_header_is_at_its_name_there() -> None:
    positions = Positions.of("[validity.period]\nstart = 2023-01-01\n", "toml")

    assert Position(1, 2) == positions.locate("/validity")


def test_every_kind_of_scalar_in_an_inline_array_is_an_item() -> None:
    items = [
        "+1_000",
        "0x1F",
        "1e-3",
        "-inf",
        "nan",
        "true",
        "07:32:00",
        "1979-05-27T07:32:00-07:00",
        "1979-05-27 07:32:00",
        "'a, b'",
        '"c\\"]"',
    ]
    text = f"x = [{', '.join(items)}]\ny = 1\n"
    positions = Positions.of(text, "toml")

    expected = {f"/x/{index}": (1, text.index(item) + 1) for index, item in enumerate(items)}
    assert len(items) == len(tomllib.loads(text)["x"])
    assert {**expected, "/y": (2, 1)} == located(positions, [*expected, "/y"])


def test_windows_line_endings_do_not_count_as_characters_of_the_next_line() -> None:
    text = "a = 1\r\nb = [\r\n  2,\r\n]\r\nc = 3\r\n"
    positions = Positions.of(text, "toml")

    assert {"/b": (2, 1), "/b/0": (3, 3), "/c": (5, 1)} == located(positions, ["/b", "/b/0", "/c"])


def test_columns_count_characters_not_bytes() -> None:
    toml = Positions.of('a = { b = "åäö", c = 1 }', "toml")
    json_ = Positions.of('{"ö": [1, 2]}', "json")

    assert (Position(1, 18), Position(1, 11)) == (toml.locate("/a/c"), json_.locate("/ö/1"))


# -- JSON ------------------------------------------------------------------------


def test_the_hand_written_json_is_what_the_positions_describe() -> None:
    assert sorted(JSON_POSITIONS) == sorted(pointers(json.loads(JSON)))


def test_every_value_of_a_json_document_is_at_its_key_or_first_character() -> None:
    positions = Positions.of(JSON, "json")

    assert JSON_POSITIONS == located(positions, list(JSON_POSITIONS))
    assert sorted(JSON_POSITIONS) == sorted(positions.paths())


def test_a_json_key_given_twice_is_at_its_last_place_with_only_its_last_value() -> None:
    positions = Positions.of('{"a": {"x": 1},\n "a": {"y": 2}}', "json")

    assert Position(2, 2) == positions.locate("/a")
    assert Position(2, 8) == positions.locate("/a/y")
    assert (False, Position(2, 2)) == (positions.exact("/a/x"), positions.locate("/a/x"))


def test_a_json_root_array_has_its_items_located() -> None:
    positions = Positions.of("[\n  1,\n  [2]\n]", "json")

    assert {"": (1, 1), "/0": (2, 3), "/1": (3, 3), "/1/0": (3, 4)} == located(
        positions, ["", "/0", "/1", "/1/0"]
    )


# -- what is not there, and text that is no document ---------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/validity/basis", (36, 1)),
        ("/forums/1/members/5", (30, 1)),
        ("/forums/1/members/-", (30, 1)),
        ("/forums/01", (19, 1)),
        ("/forums/0/cadence/windows/1/months/2", (25, 35)),
        ("/nothing/deeper/still", (1, 1)),
    ],
)
def test_a_path_not_in_the_text_is_at_its_deepest_ancestor_that_is(
    path: str, expected: tuple[int, int]
) -> None:
    positions = Positions.of(TOML, "toml")

    assert (expected, False) == (located(positions, [path])[path], positions.exact(path))


def test_a_string_that_is_no_json_pointer_has_no_position() -> None:
    positions = Positions.of(TOML, "toml")

    assert (None, False) == (positions.locate("forums/0"), positions.exact("forums/0"))


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_byte_order_mark_at_the_start_is_no_character_of_the_first_line(fmt: Format) -> None:
    text = 'a = "x"\nb = 1\n' if fmt == "toml" else '{"a": "x",\n "b": 1}'
    positions = Positions.of("\ufeff" + text, fmt)

    assert (text, Position(1, 1 if fmt == "toml" else 2)) == (
        positions.text,
        positions.locate("/a"),
    )
    assert Position(2, 1 if fmt == "toml" else 2) == positions.locate("/b")


GARBAGE = [
    "",
    "\ufeff",
    "=",
    "[",
    "[[",
    "[a",
    "[[a]",
    "a",
    "a =",
    "a = ",
    'a = "unterminated',
    'a = """unterminated',
    "a = '''unterminated",
    "a = [1, 2",
    "a = [1 2]",
    "a = [,]",
    "a = { b = ",
    "a = { b = 1 c = 2 }",
    'a = "\\ud800"',
    '"\\uZZZZ" = 1',
    '"\\UFFFFFFFF" = 1',
    "a.b.",
    "a = 1 b = 2",
    "a = 1\r",
    "\x00",
    "\ud800 = 1",
    "a = " + "[" * 10_000,
    "{" * 10_000,
    "[" * 10_000,
    '{"a": ',
    '{"a" 1}',
    '{"a": 1,,}',
    '{"\\ud800": 1, "\\x": 2}',
    '{"a": [1, }',
    "}{][",
    '"',
    "nul\x00l",
]


@pytest.mark.parametrize("fmt", ["toml", "json"])
@pytest.mark.parametrize("text", GARBAGE)
def test_text_that_is_no_document_never_raises(fmt: Format, text: str) -> None:
    positions = Positions.of(text, fmt)

    for path in ["", "/a", "/a/b/0", "/0", "/\ud800", "/a~", "/~2", "//"]:
        assert positions.locate(path) is not None
        positions.exact(path)
    assert "" == positions.paths()[0]


def test_text_that_stops_parsing_keeps_what_was_found_before() -> None:
    positions = Positions.of('a = 1\nb = [2, 3\nc = "x"\n', "toml")

    assert ["", "/a", "/b", "/b/0", "/b/1"] == positions.paths()


def test_a_text_that_is_never_asked_about_is_never_scanned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(text: str, fmt: Format) -> Any:
        raise AssertionError("scanned")

    monkeypatch.setattr(_positions, "scan", refuse)
    Positions.of(TOML, "toml")
    with pytest.raises(AssertionError, match="scanned"):
        Positions.of(TOML, "toml").locate("/schema")


def test_the_text_is_scanned_once_however_often_it_is_asked_about(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    scan = _positions.scan

    def counted(text: str, fmt: Format) -> Any:
        calls.append(fmt)
        return scan(text, fmt)

    monkeypatch.setattr(_positions, "scan", counted)
    positions = Positions.of(TOML, "toml")
    positions.locate("/schema")
    positions.locate("/kind")
    positions.exact("/title")
    assert ["toml"] == calls


def test_threads_that_ask_a_fresh_text_at_once_all_get_the_same_positions() -> None:
    positions = Positions.of(TOML, "toml")
    start = threading.Barrier(8)
    results: list[dict[str, tuple[int, int] | None]] = []

    def ask() -> None:
        start.wait()
        results.append(located(positions, list(TOML_POSITIONS)))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [TOML_POSITIONS] * 8 == results


def test_positions_of_the_same_text_are_equal_whether_scanned_or_not() -> None:
    scanned = Positions.of(TOML, "toml")
    scanned.locate("/schema")

    assert Positions.of(TOML, "toml") == scanned
    assert Positions.of(TOML, "json") != scanned


def test_a_format_that_is_neither_toml_nor_json_is_refused() -> None:
    with pytest.raises(ValueError, match="'toml' or 'json'"):
        Positions.of("", "yaml")  # type: ignore[arg-type]


def test_a_problem_has_a_position_when_its_line_and_column_are_known() -> None:
    assert (Position(2, 3), None, None) == (
        Problem("/x", "bad", 2, 3).position,
        Problem("/x", "bad").position,
        Problem("/x", "bad", 2).position,
    )


def test_a_position_renders_in_english_and_swedish() -> None:
    assert ("line 3, column 7", "rad 3, kolumn 7") == (
        str(Position(3, 7)),
        Position(3, 7).render("sv"),
    )


# -- the bundled examples ------------------------------------------------------------


def test_there_are_examples() -> None:
    assert EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_value_of_an_example_is_found_on_a_line_that_names_its_key(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    positions = read(example).positions
    lines = text.splitlines()
    misplaced = []
    for path in pointers(tomllib.loads(text)):
        at = positions.locate(path)
        key = path.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
        named = at is not None and (key.isdigit() or key in lines[at.line - 1])
        if not (positions.exact(path) and named):
            misplaced.append((path, at))
    assert [] == misplaced


# -- problems of documents that cannot be read ---------------------------------------

BROKEN_TOML = """\
schema = "busmodel/1"
kind = "agreement"
id = "bus"
titel = "BUS"

[[forums]]
id = "styr-bus"
name = "Styrgrupp"

[forums.cadence]
windows = [{ name = "vår", months = [1, 6] }, { name = "höst", months = [8, "dec"] }]

[validity]
period = { start = 2023-01-01 }
"""

BROKEN_JSON = """\
{
  "schema": "busmodel/1",
  "kind": "agreement",
  "id": "bus",
  "titel": "BUS",
  "forums": [
    {
      "id": "styr-bus",
      "name": "Styrgrupp",
      "cadence": {
        "windows": [
          {"name": "vår", "months": [1, 6]},
          {"name": "höst", "months": [8, "dec"]}
        ]
      }
    }
  ],
  "validity": {"period": {"start": "2023-01-01"}}
}
"""


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        (
            "toml",
            BROKEN_TOML,
            [
                ("/title", 1, 1),  # missing at the top: the document
                ("/titel", 4, 1),
                ("/forums/0/cadence/windows/1/months/1", 11, 77),
                ("/validity/basis", 13, 1),  # missing in a table: its header
            ],
        ),
        (
            "json",
            BROKEN_JSON,
            [
                ("/title", 1, 1),
                ("/titel", 5, 3),
                ("/forums/0/cadence/windows/1/months/1", 13, 42),
                ("/validity/basis", 18, 3),
            ],
        ),
    ],
)
def test_every_problem_of_a_file_that_cannot_be_read_has_its_line_and_column_in_text_order(
    tmp_path: Path, fmt: Format, text: str, expected: list[tuple[str, int, int]]
) -> None:
    path = tmp_path / f"broken.{fmt}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        busmodel.load(path)

    assert expected == [(p.path, p.line, p.column) for p in caught.value.problems]
    line, column = expected[2][1:]
    assert (
        f"  line {line}, column {column}: /forums/0/cadence/windows/1/months/1: "
        "expected an integer, got text"
    ) in str(caught.value).splitlines()


def test_the_same_problem_read_twice_is_an_equal_problem() -> None:
    def problems() -> tuple[Problem, ...]:
        with pytest.raises(DocumentError) as caught:
            loads(BROKEN_TOML)
        return caught.value.problems

    assert problems() == problems()


def test_a_syntax_error_keeps_the_position_the_parser_gave() -> None:
    with pytest.raises(DocumentError) as caught:
        loads('schema = "busmodel/1"\nkind = \n')

    assert [("", 2, 8)] == [(p.path, p.line, p.column) for p in caught.value.problems]


def test_a_problem_of_the_document_as_a_whole_has_no_position() -> None:
    with pytest.raises(DocumentError) as caught:
        loads("[1, 2]", "json")

    assert [("", None, None)] == [(p.path, p.line, p.column) for p in caught.value.problems]


def test_a_json_key_given_twice_is_reported_where_it_is_given_again() -> None:
    text = '{"schema": "busmodel/1", "kind": "records", "agreement": "a",\n "agreement": "b"}'
    with pytest.raises(DocumentError) as caught:
        loads(text, "json")

    assert [("/agreement", 2, 2)] == [(p.path, p.line, p.column) for p in caught.value.problems]


def test_a_json_integer_too_long_to_read_is_reported_where_it_is() -> None:
    text = '{"schema": "busmodel/1", "kind": "agreement", "id": "a", "title": "A",\n'
    text += '"members": [1, -' + "9" * 5000 + "]}"
    with pytest.raises(DocumentError) as caught:
        loads(text, "json")

    assert [("/members/1", 2, 16)] == [(p.path, p.line, p.column) for p in caught.value.problems]


def test_a_document_of_the_wrong_kind_is_reported_at_its_kind(tmp_path: Path) -> None:
    path = tmp_path / "records.toml"
    path.write_text('schema = "busmodel/1"\n\nkind = "records"\nagreement = "a"\n')
    with pytest.raises(DocumentError) as caught:
        busmodel.load_agreement(path)

    assert [("/kind", 3, 1)] == [(p.path, p.line, p.column) for p in caught.value.problems]


def test_a_document_that_reads_is_never_scanned_for_positions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(text: str, fmt: Format) -> Any:
        raise AssertionError("scanned")

    monkeypatch.setattr(_positions, "scan", refuse)
    path = tmp_path / "records.json"
    path.write_text('{"schema": "busmodel/1", "kind": "records", "agreement": "a"}')

    assert busmodel.Records(agreement="a") == loads(path.read_text(), "json")
    assert busmodel.Records(agreement="a") == busmodel.load(path)
    assert busmodel.Records(agreement="a") == read(path).document


def _looked_at_by_threads(
    shared: Positions, paths: list[str], count: int
) -> tuple[list[BaseException], list[dict[str, Position | None]]]:
    """What ``count`` threads, started together, find at ``paths`` in ``shared``; their errors."""
    start = threading.Barrier(count)
    found: list[dict[str, Position | None]] = []
    failed: list[BaseException] = []

    def look() -> None:
        start.wait()
        try:
            found.append({path: shared.locate(path) for path in paths})
        except BaseException as error:
            failed.append(error)

    threads = [threading.Thread(target=look) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failed, found


def test_threads_looking_into_one_document_at_once_find_what_one_finds_alone() -> None:
    # The values of a JSON document are looked into when first asked for; threads that
    # ask at once must neither lose their way nor find another place.
    import sys

    document = {"bodies": [{"id": f"b{i}", "x": {"y": [1, 2, {"z": 3}]}} for i in range(3)]}
    text = json.dumps(document, indent=1)
    alone = Positions.of(text, "json")
    expected = {path: alone.locate(path) for path in alone.paths()}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(3_000):
            shared = Positions.of(text, "json")
            shared.locate("")  # the top scanned; what is in its values not yet
            failed, found = _looked_at_by_threads(shared, list(reversed(expected)), 4)
            assert ([], [expected] * 4) == (failed, found)
    finally:
        sys.setswitchinterval(interval)


def test_a_value_nested_too_deep_to_look_into_later_is_placed_at_itself() -> None:
    import sys

    depth = sys.getrecursionlimit() - 80
    text = '{"a": ' + "[" * depth + "]" * depth + "}"
    positions = Positions.of(text, "json")
    assert Position(1, 2) == positions.locate("/a")  # scanned from a shallow stack

    def deeper(levels: int) -> Position | None:
        return positions.locate("/a/0/0/0") if levels == 0 else deeper(levels - 1)

    found = deeper(60)  # looked into from far down the stack: no error, a place
    assert found is not None
    assert 1 == found.line
