"""The benchmark's peers read what busmodel reads and refuse what it refuses; run.py runs.

Only when the peers' libraries are installed (the ``bench`` extra). Nothing here
asserts a time: ``benchmarks/run.py --quick`` is run for its output's shape.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import busmodel
from tests.support.paths import EXAMPLES

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")
pytest.importorskip("marshmallow")

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

# Imported by name: ``peers`` is on the path only from here on, and mypy checks
# the peers themselves with the benchmarks.
PEERS: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"peers.{name}")
    for name in ("with_pydantic", "with_msgspec", "with_marshmallow")
)
CORRECTED = EXAMPLES / "alingsas-bus-2023-corrected.toml"


def _get(value: object, name: str) -> Any:
    """A field of a peer's value: an attribute, or a key of marshmallow's mapping."""
    return value[name] if isinstance(value, Mapping) else getattr(value, name)


def _agreement_summary(value: object) -> tuple[object, ...]:
    validity = _get(value, "validity")
    period = None if validity is None else _get(validity, "period")
    return (
        _get(value, "id"),
        _get(value, "kind") if isinstance(_get(value, "kind"), str) else _get(value, "kind").value,
        tuple(_get(body, "id") for body in _get(value, "bodies")),
        tuple(_get(forum, "id") for forum in _get(value, "forums")),
        tuple((_get(s, "body"), _get(s, "date")) for s in _get(value, "signatures")),
        None if period is None else (_get(period, "start"), _get(period, "end")),
    )


def _records_summary(value: object) -> tuple[object, ...]:
    def kind(meeting: object) -> str:
        found = _get(meeting, "kind")
        return found if isinstance(found, str) else str(found.value)

    return (
        _get(value, "agreement"),
        tuple(
            (_get(m, "forum"), _get(m, "date"), kind(m), tuple(_get(m, "topics")))
            for m in _get(value, "meetings")
        ),
        tuple((_get(e, "forum"), _get(e, "year")) for e in _get(value, "evaluations")),
    )


def _documents() -> list[Path]:
    return sorted(EXAMPLES.glob("*.toml"))


@pytest.mark.parametrize("path", _documents(), ids=lambda path: path.name)
@pytest.mark.parametrize("peer", PEERS, ids=lambda peer: peer.NAME)
def test_every_peer_reads_every_example_as_busmodel_does(path: Path, peer: ModuleType) -> None:
    document = busmodel.load(path)
    text = busmodel.dumps(document, "json")
    if isinstance(document, busmodel.Records):
        expected = _records_summary(document)
        actual = _records_summary(peer.load_records(text))
    else:
        expected = _agreement_summary(document)
        actual = _agreement_summary(peer.load_agreement(text))
    assert expected == actual


def _alingsas() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(busmodel.dumps(busmodel.load_agreement(CORRECTED), "json"))
    return data


def _broken(change: Callable[[dict[str, Any]], None]) -> str:
    data = _alingsas()
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return change


BROKEN = {
    "an id in capitals": _set("bodies/0/id", "Socialnamnden"),
    "an id with a space": _set("parties/0", "social namnden"),
    "a blank title": _set("title", "   "),
    "a control character": _set("purpose", "BUS\x1b[31m"),
    "a date before 1900": _set("signatures/0/date", "1899-12-15"),
    "a date after 2199": _set("validity/period/end", "2200-01-01"),
    "a day that does not exist": _set("signatures/0/date", "2023-02-30"),
    "a date and time": _set("document_date", "2022-12-14T10:00:00"),
    "a month 13": _set("forums/0/cadence/windows/1/months", [7, 13]),
    "months reversed": _set("forums/0/cadence/windows/1/months", [12, 7]),
    "three months": _set("forums/0/cadence/windows/1/months", [7, 8, 12]),
    "an unknown key": _set("bodies/0/colour", "blue"),
    "an unknown top-level key": _set("signed", True),
    "an unknown enum value": _set("bodies/0/kind", "Committee"),
    "a float for an integer": _set("forums/0/cadence/meetings_per_year", 2.0),
    "text for an integer": _set("forums/0/cadence/meetings_per_year", "2"),
    "no meetings a year": _set("forums/0/cadence/meetings_per_year", 0),
    "a number for text": _set("title", 7),
    "a missing required key": _drop("validity/basis"),
    "a period that ends before it starts": _set("validity/period/end", "2022-12-31"),
    "an agreement that extends": _set("extends", "alingsas-bus-2019"),
    "a body part of itself": _set("bodies/3/part_of", "socialforvaltningen"),
    "a code for a committee": _set("bodies/0/code", "1489"),
    "a three-digit municipality code": _set("municipality/code", "148"),
    "a wrong schema": _set("schema", "busmodel/2"),
    "null for an array": _set("parties", None),
    "an exemption code in lowercase": _set("exemptions/0/code", "sup001"),
    "a start to the year not on 1 January": _set(
        "validity", {"basis": "fixed", "period": {"start": "2023-01-02"}, "start_precision": "year"}
    ),
}


@pytest.mark.parametrize("change", BROKEN.values(), ids=BROKEN.keys())
@pytest.mark.parametrize("peer", PEERS, ids=lambda peer: peer.NAME)
def test_every_peer_refuses_what_busmodel_refuses(
    change: Callable[[dict[str, Any]], None], peer: ModuleType
) -> None:
    text = _broken(change)
    with pytest.raises(busmodel.DocumentError):
        busmodel.loads(text, "json")
    with pytest.raises(peer.ERRORS):
        peer.load_agreement(text)


def _accepts(load: Callable[[str], object], errors: tuple[type[Exception], ...], text: str) -> bool:
    try:
        load(text)
    except errors:
        return False
    return True


_MEETINGS = st.lists(
    st.fixed_dictionaries(
        {
            "forum": st.sampled_from(["styrgrupp", "a_b-9", "Styrgrupp", "styr grupp", "a-", ""]),
            "date": st.dates(dt.date(1850, 1, 1), dt.date(2250, 12, 31)).map(str),
        },
        optional={
            "kind": st.sampled_from(["regular", "extra", "Extra", ""]),
            "topics": st.lists(st.text(alphabet="ab \t\x01é\u200b", max_size=3), max_size=2),
            "extra": st.just(1),
        },
    ),
    max_size=3,
)


@settings(max_examples=150, deadline=None)
@given(meetings=_MEETINGS)
def test_peers_accept_exactly_the_meetings_busmodel_accepts(
    meetings: list[dict[str, Any]],
) -> None:
    text = json.dumps(
        {"schema": "busmodel/1", "kind": "records", "agreement": "a", "meetings": meetings}
    )
    expected = _accepts(lambda t: busmodel.loads(t, "json"), (busmodel.DocumentError,), text)
    for peer in PEERS:
        assert (peer.NAME, expected) == (
            peer.NAME,
            _accepts(peer.load_records, peer.ERRORS, text),
        )


def test_run_quick_gives_every_figure_and_a_chart(tmp_path: Path) -> None:
    chart = tmp_path / "performance.svg"
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--json", "--chart", str(chart)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    rows = {(f["figure"], f["document"], f["library"]) for f in report["figures"]}
    documents = ("alingsås", "records 10", "records 1,000")
    libraries = ("busmodel", "pydantic", "msgspec", "marshmallow")
    expected = (
        {("loads", d, library) for d in documents for library in libraries}
        | {(figure, d, "busmodel") for figure in ("validate", "dumps", "toml") for d in documents}
        | {("dumps", d, "busmodel compact") for d in documents}
        | {("validate", "framework 400", "busmodel")}
    )
    assert expected == rows
    floors = {f["figure"]: f["floor"] for f in report["figures"]}
    assert {
        "loads": "json.loads",
        "validate": "busmodel.loads",
        "dumps": "json.dumps",
        "toml": "tomllib.loads",
    } == floors
    assert all(f["ratio"] > 0 for f in report["figures"])
    errors = {(f["document"], f["library"]) for f in report["error_path"]}
    assert {
        (f"records 1,000 {fmt}", how)
        for fmt in ("JSON", "TOML")
        for how in ("every date bad", "every meeting an unknown key", "one date bad")
    } == errors
    assert {"busmodel.loads"} == {f["floor"] for f in report["error_path"]}
    assert ["cpus", "cpu", "python"] == [
        k for k in report["machine"] if k in {"cpus", "cpu", "python"}
    ]
    assert any("JSON Schema" in note for note in report["not_measured"])
    svg = chart.read_text(encoding="utf-8")
    assert svg.startswith("<svg ")
    assert svg.count("<rect ") == len(report["figures"]) + 1  # a bar each, and the background
