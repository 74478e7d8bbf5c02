"""The fast path for valid documents, the linear error path, the limits, and compact JSON."""

import datetime as dt
import difflib
import io
import json
from pathlib import Path
from typing import Any

import pytest

import busmodel
from busmodel import DocumentError, Records, dumps, load, loads, read
from busmodel.format import DEFAULT_MAX_ITEMS, DEFAULT_MAX_SIZE, _converter, _positions
from busmodel.model._forums import Window
from busmodel.model._records import Meeting

EXAMPLE = Path(__file__).parents[2] / "examples" / "alingsas-bus-2023-corrected.toml"


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(load(EXAMPLE), "json"))
    return data


def records_data(count: int, broken: int = 0) -> dict[str, Any]:
    """A records document of ``count`` meetings, the first ``broken`` of them with a bad date."""
    meetings = [
        {"forum": "styrgrupp", "date": "2024-13-01" if index < broken else "2024-02-06"}
        for index in range(count)
    ]
    return {
        "schema": "busmodel/1",
        "kind": "records",
        "agreement": "bus",
        "meetings": meetings,
    }


def as_records(document: object) -> Records:
    assert isinstance(document, Records)
    return document


# -- the two paths -------------------------------------------------------------


def test_a_valid_document_is_built_by_the_fast_path_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def careful(*_: object) -> object:
        raise AssertionError("the careful path ran for a valid document")

    monkeypatch.setattr(_converter, "structure", careful)
    expected = load(EXAMPLE)
    actual = loads(dumps(expected, "json"), "json")
    assert expected == actual


def test_a_broken_document_is_reported_by_the_careful_path() -> None:
    data = example_data()
    data["forums"][0]["cadence"]["windows"][1]["months"] = [12, 7]
    with pytest.raises(DocumentError) as raised:
        loads(json.dumps(data), "json")
    expected = ["/forums/0/cadence/windows/1/months"]
    actual = [problem.path for problem in raised.value.problems]
    assert expected == actual


def test_a_repeated_key_is_still_found_deep_in_a_document() -> None:
    text = json.dumps(example_data())
    text = text.replace('"name": "autumn"', '"name": "autumn", "name": "höst"', 1)
    with pytest.raises(DocumentError) as raised:
        loads(text, "json")
    expected = ["/forums/0/cadence/windows/1/name"]
    actual = [problem.path for problem in raised.value.problems]
    assert expected == actual


def test_an_integer_too_long_to_read_is_still_found_where_it_is() -> None:
    data = example_data()
    data["forums"][0]["cadence"]["windows"][0]["months"] = [1, 6]
    text = json.dumps(data).replace("[1, 6]", "[1, " + "6" * 5000 + "]", 1)
    with pytest.raises(DocumentError) as raised:
        loads(text, "json")
    expected = ["/forums/0/cadence/windows/0/months/1"]
    actual = [problem.path for problem in raised.value.problems]
    assert expected == actual


# -- the error path is linear --------------------------------------------------


def test_a_broken_window_deep_in_a_document_is_built_once_on_each_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[object] = []
    original = Window.__init__

    def counted(self: Window, *args: Any, **kwargs: Any) -> None:
        months = kwargs["months"] if "months" in kwargs else args[1]
        if tuple(months) == (12, 7):
            calls.append(months)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Window, "__init__", counted)
    data = example_data()
    data["forums"][0]["cadence"]["windows"][1]["months"] = [12, 7]
    with pytest.raises(DocumentError):
        loads(json.dumps(data), "json")
    assert len(calls) == 2  # once on the fast path, once on the careful path (before: 16 times)


def test_ten_thousand_broken_meetings_are_each_looked_at_once_and_each_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 10_000
    calls = 0
    original = _converter._field_errors

    def counted(cls: type[Any], *args: Any) -> list[Any]:
        nonlocal calls
        calls += cls is Meeting
        return original(cls, *args)

    monkeypatch.setattr(_converter, "_field_errors", counted)
    built = 0
    original_init = Meeting.__init__

    def counted_init(self: Meeting, *args: Any, **kwargs: Any) -> None:
        nonlocal built
        built += 1
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(Meeting, "__init__", counted_init)
    with pytest.raises(DocumentError) as raised:
        loads(json.dumps(records_data(count, broken=count)), "json")
    problems = raised.value.problems
    assert [f"/meetings/{index}/date" for index in range(count)] == [p.path for p in problems]
    assert 0 == built  # a date that is not a date never reaches the constructor
    assert count == calls  # each meeting's other fields checked once, at the meeting only


def test_ten_thousand_meetings_that_break_an_invariant_are_each_checked_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 10_000
    built = 0
    original_init = Meeting.__init__

    def counted_init(self: Meeting, *args: Any, **kwargs: Any) -> None:
        nonlocal built
        built += 1
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(Meeting, "__init__", counted_init)
    data = records_data(count)
    for meeting in data["meetings"]:
        meeting["forum"] = "Not An Id"
    with pytest.raises(DocumentError) as raised:
        loads(json.dumps(data), "json")
    expected = [f"/meetings/{index}/forum" for index in range(count)]
    assert expected == [problem.path for problem in raised.value.problems]
    assert 1 + count == built  # the fast path gives up at the first; the careful path builds each


def test_ten_thousand_problems_are_located_looking_into_each_meeting_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 10_000
    looked_into = 0
    expand = _positions._expand

    def counted(*args: Any) -> None:
        nonlocal looked_into
        looked_into += 1
        expand(*args)

    def refuse(*_: object) -> None:
        raise AssertionError("the whole text was scanned the slow way")

    monkeypatch.setattr(_positions, "_expand", counted)
    monkeypatch.setattr(_positions, "_scan_json", refuse)
    text = dumps(
        Records(
            agreement="bus",
            meetings=[Meeting("styrgrupp", dt.date(2024, 2, 6)) for _ in range(count)],
        ),
        "json",
    ).replace('"2024-02-06"', '"2024-13-06"')
    with pytest.raises(DocumentError) as raised:
        loads(text, "json")
    problems = raised.value.problems
    lines = text.splitlines()
    assert [f"/meetings/{index}/date" for index in range(count)] == [p.path for p in problems]
    assert all(
        lines[p.line - 1][p.column - 1 :].startswith('"date": "2024-13-06"')
        for p in problems
        if p.line is not None and p.column is not None
    )
    assert len({p.line for p in problems}) == count  # each at its own line
    assert 2 + count == looked_into  # the document, its meetings, and each meeting once


def test_a_key_misspelt_in_every_meeting_is_guessed_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 10_000
    guesses = 0
    close_matches = difflib.get_close_matches

    def counted(*args: Any, **kwargs: Any) -> list[str]:
        nonlocal guesses
        guesses += 1
        found: list[str] = close_matches(*args, **kwargs)
        return found

    monkeypatch.setattr(difflib, "get_close_matches", counted)
    _converter._cached_guess.cache_clear()
    data = records_data(count)
    for meeting in data["meetings"]:
        meeting["topcis"] = ["Budget"]
    with pytest.raises(DocumentError) as raised:
        loads(json.dumps(data), "json")
    expected = [
        (
            f"/meetings/{index}/topcis",
            "unknown key 'topcis' (did you mean 'topics'?);"
            " expected one of: forum, date, kind, topics",
        )
        for index in range(count)
    ]
    assert expected == [(p.path, p.message) for p in raised.value.problems]
    assert 1 == guesses


def test_a_long_unknown_key_is_guessed_at_without_being_kept() -> None:
    _converter._cached_guess.cache_clear()
    long_key = "topics" + "x" * 100
    data = records_data(2)
    for meeting in data["meetings"]:
        meeting[long_key] = 1
    with pytest.raises(DocumentError) as raised:
        loads(json.dumps(data), "json")
    assert 2 == len(raised.value.problems)
    assert 0 == _converter._cached_guess.cache_info().currsize


# -- limits ----------------------------------------------------------------------


def test_the_default_limits() -> None:
    assert (16 * 1024 * 1024, 1_000_000) == (DEFAULT_MAX_SIZE, DEFAULT_MAX_ITEMS)


def test_a_text_at_the_size_limit_is_read_and_one_byte_more_is_refused() -> None:
    text = json.dumps(records_data(1))
    limit = len(text.encode("utf-8"))
    assert as_records(loads(text, "json", max_size=limit)).agreement == "bus"
    with pytest.raises(DocumentError) as raised:
        loads(text, "json", max_size=limit - 1)
    (problem,) = raised.value.problems
    expected = (
        f"the document is at least {limit:,} bytes; at most {limit - 1:,} bytes are read"
        f" (raise the limit with the keyword max_size, e.g. max_size={2 * (limit - 1)})"
    )
    assert expected == problem.message
    assert problem.text.sv.startswith(f"dokumentet är minst {limit} byte; högst {limit - 1} byte")


def test_the_size_limit_counts_bytes_of_utf8_not_characters() -> None:
    text = json.dumps(records_data(1) | {"agreement": "bus"}, ensure_ascii=False)
    text = text.replace('"meetings"', '"meetings"', 1)
    wide = text.replace('"styrgrupp"', '"styrgrupp"') + " " * 0
    padded = wide[:-1] + "\u00e5" * 3 + "}"  # not JSON past the end: refused before parsing
    size = len(padded.encode("utf-8"))
    assert size == len(padded) + 3
    with pytest.raises(DocumentError) as raised:
        loads(padded, "json", max_size=size - 1)
    assert "at most" in raised.value.problems[0].message


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records_data(3)), encoding="utf-8")
    size = path.stat().st_size
    assert len(as_records(load(path, max_size=size)).meetings) == 3
    with pytest.raises(DocumentError) as raised:
        read(path, max_size=size - 1)
    assert str(path) == raised.value.source
    assert raised.value.problems[0].message.startswith(f"the document is at least {size:,} bytes")


def test_an_open_file_over_the_limit_is_refused() -> None:
    content = json.dumps(records_data(3)).encode()
    assert len(as_records(load(io.BytesIO(content), max_size=len(content))).meetings) == 3
    with pytest.raises(DocumentError):
        load(io.BytesIO(content), max_size=len(content) - 1)


def test_a_list_at_the_limit_is_read_and_one_item_more_is_refused() -> None:
    assert len(as_records(loads(json.dumps(records_data(5)), "json", max_items=5)).meetings) == 5
    with pytest.raises(DocumentError) as raised:
        loads(json.dumps(records_data(6)), "json", max_items=5)
    (problem,) = raised.value.problems
    expected = (
        "/meetings",
        "6 items; at most 5 are read in a list"
        " (raise the limit with the keyword max_items, e.g. max_items=6)",
        "6 poster; högst 5 läses i en lista"
        " (höj gränsen med nyckelordet max_items, t.ex. max_items=6)",
    )
    assert expected == (problem.path, problem.message, problem.text.sv)
    assert problem.line is not None  # located, as every problem with a path


def test_the_item_limit_holds_for_toml_too() -> None:
    text = dumps(
        Records(agreement="bus", meetings=[Meeting("sg", dt.date(2024, 1, d)) for d in (1, 2)])
    )
    with pytest.raises(DocumentError):
        loads(text, max_items=1)
    assert len(as_records(loads(text, max_items=2)).meetings) == 2


@pytest.mark.parametrize("limit", [-1, 1.5, True, "8"])
def test_a_limit_that_is_not_a_count_is_a_value_error(limit: Any) -> None:
    with pytest.raises(ValueError, match="max_size must be a whole number"):
        loads("", max_size=limit)
    with pytest.raises(ValueError, match="max_items must be a whole number"):
        read(io.BytesIO(b""), max_items=limit)


# -- compact JSON ------------------------------------------------------------------


def test_compact_json_is_one_line_and_reads_back() -> None:
    document = load(EXAMPLE)
    text = dumps(document, "json", compact=True)
    assert 1 == text.count("\n")
    assert text.endswith("\n")
    assert document == loads(text, "json")
    assert json.loads(dumps(document, "json")) == json.loads(text)


def test_compact_is_refused_for_toml() -> None:
    with pytest.raises(ValueError, match="compact=True is for JSON"):
        dumps(Records(agreement="bus"), "toml", compact=True)


def test_busmodel_exports_the_same_loads() -> None:
    assert busmodel.loads is loads


def test_sizes_are_written_with_thousands_apart_in_each_language() -> None:
    with pytest.raises(DocumentError) as raised:
        loads("x" * 2000, max_size=1500)
    (problem,) = raised.value.problems
    assert problem.message.startswith("the document is at least 2,000 bytes; at most 1,500 bytes")
    assert problem.text.sv.startswith("dokumentet är minst 2 000 byte; högst 1 500 byte läses")
