"""What the engine keeps between validations, and that keeping it changes no report.

The engine works out once per catalogue, selection, kind of document and needs given
which rules run and which are skipped (its plan), and rules share what they derive
from one context. These tests hold the reports to those of a reference engine that
keeps nothing (the engine as it was before), count the work that is kept, and run
many threads at once over one catalogue.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import busmodel
from busmodel import Agreement, Catalogue, Context, Exemption, Issue, Report, Rule, Severity, rule
from busmodel.model import Text
from busmodel.validation import _catalogue
from busmodel.validation._engine import UNUSED_EXEMPTION
from busmodel.validation._findings import Exempted, Finding, Skipped
from busmodel.validation._messages import Message
from busmodel.validation._rule import Need, Skip
from tests.property.strategies import World, worlds
from tests.support.builders import clean_agreement
from tests.support.paths import EXAMPLES

BUILT_IN = Catalogue.built_in()
TODAY = dt.date(2026, 11, 27)


def _matches(rule: Rule, pattern: str) -> bool:
    return rule.code.startswith(pattern.upper()) or rule.name == pattern.lower()


def _patterns(given: Iterable[str] | None) -> tuple[str, ...] | None:
    if given is None:
        return None
    return (given,) if isinstance(given, str) else tuple(given)


def reference_validate(
    agreement: Agreement,
    *,
    today: dt.date | None = None,
    records: busmodel.Records | None = None,
    registry: busmodel.Registry | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    catalogue: Catalogue = BUILT_IN,
) -> Report:
    """The engine as it was before it kept anything: every rule matched, every need
    sorted, every exemption tried against every rule, on every call."""
    context = Context(
        agreement=agreement,
        today=today,
        records=records,
        registry=registry,
        options=busmodel.Options(),
        catalogue=catalogue,
    )
    chosen_patterns = _patterns(select)
    ignored = _patterns(ignore) or ()
    chosen = [
        r
        for r in catalogue.rules
        if (chosen_patterns is None or any(_matches(r, p) for p in chosen_patterns))
        and not any(_matches(r, p) for p in ignored)
    ]
    given = {Need.TODAY: today, Need.RECORDS: records, Need.REGISTRY: registry}
    findings: list[Finding] = []
    exempted: list[Exempted] = []
    skipped: list[Skipped] = []
    used = [False] * len(agreement.exemptions)
    ran: list[Rule] = []
    for current in chosen:
        if agreement.kind not in current.kinds:
            continue
        missing = sorted((n for n in current.needs if given[n] is None), key=lambda n: n.value)
        if missing:
            skipped.append(Skipped(current.code, missing[0].text))
            continue
        ran.append(current)
        for issue in list(current.check(context)):
            if isinstance(issue, Skip):
                skipped.append(Skipped(current.code, issue.reason, issue.path))
                continue
            severity = current.severity if issue.severity is None else issue.severity
            finding = Finding(
                current.code,
                severity,
                current.message(issue),
                issue.path,
                issue.related,
                values=issue.values,
            )
            for index, exemption in enumerate(agreement.exemptions):
                if _exempts(exemption, finding, current):
                    used[index] = True
                    exempted.append(Exempted(finding, exemption.reason))
                    break
            else:
                findings.append(finding)
    unused = catalogue.get(UNUSED_EXEMPTION)
    if unused is not None and unused in chosen and agreement.kind in unused.kinds:
        for index, exemption in enumerate(agreement.exemptions):
            if used[index] or not any(
                r.code.startswith(exemption.code) or exemption.code == r.name for r in ran
            ):
                continue
            message = unused.messages["default"].format({"code": exemption.code})
            findings.append(Finding(unused.code, unused.severity, message, f"/exemptions/{index}"))
    return Report.of(findings, exempted, skipped)


def _exempts(exemption: Exemption, finding: Finding, current: Rule) -> bool:
    if not (finding.code.startswith(exemption.code) or exemption.code == current.name):
        return False
    if exemption.path is None or finding.path == exemption.path:
        return True
    return finding.path.startswith(exemption.path.rstrip("/") + "/")


def contents(report: Report) -> list[Any]:
    """Everything a report holds, the values of its findings too (which ``==`` leaves out)."""

    def finding(found: Finding) -> tuple[Any, ...]:
        return (attrs.astuple(found, recurse=False), sorted(found.values.items(), key=repr))

    return [
        [finding(f) for f in report.findings],
        [(finding(e.finding), e.reason) for e in report.exempted],
        list(report.skipped),
        report.source,
    ]


_PATTERNS = st.sampled_from(
    ["SIG", "SIG001", "INT", "INT011", "int0", "LIF003", "REC", "every-party-assents", "XYZ", ""]
    + [r.code for r in BUILT_IN.rules[::7]]
    + [r.name for r in BUILT_IN.rules[3::11]]
)
_SELECTIONS = st.none() | st.lists(_PATTERNS, max_size=3)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(worlds(), _SELECTIONS, _SELECTIONS)
def test_the_engine_reports_what_an_engine_that_keeps_nothing_reports(
    world: World, select: list[str] | None, ignore: list[str] | None
) -> None:
    arguments: dict[str, Any] = {
        "today": world.today,
        "records": world.records,
        "registry": world.registry,
        "select": select,
        "ignore": ignore,
    }
    expected = reference_validate(world.agreement, **arguments)
    actual = busmodel.validate(world.agreement, catalogue=BUILT_IN, **arguments)
    assert contents(expected) == contents(actual)


AGREEMENT_EXAMPLES = [
    path
    for path in sorted(EXAMPLES.glob("*.toml"))
    if isinstance(busmodel.load(path), Agreement)  # records are checked with theirs
]


@pytest.mark.parametrize("path", AGREEMENT_EXAMPLES, ids=lambda path: path.name)
def test_every_example_is_reported_as_by_an_engine_that_keeps_nothing(path: Any) -> None:
    document = busmodel.load(path)
    assert isinstance(document, Agreement)
    documents = [busmodel.load(other) for other in sorted(EXAMPLES.glob("*.toml"))]
    registry = busmodel.Registry.of(documents)
    records = [
        r for r in documents if isinstance(r, busmodel.Records) and r.agreement == document.id
    ]
    for today in (None, TODAY):
        arguments: dict[str, Any] = {
            "today": today,
            "records": records[0] if records else None,
            "registry": registry,
        }
        expected = reference_validate(document, **arguments)
        actual = busmodel.validate(document, catalogue=BUILT_IN, **arguments)
        assert contents(expected) == contents(actual)


def test_the_rules_a_selection_picks_are_worked_out_once_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalogue = Catalogue(BUILT_IN.rules)
    calls = 0
    matches = _catalogue._matches

    def counted(rule: Rule, pattern: str) -> bool:
        nonlocal calls
        calls += 1
        return matches(rule, pattern)

    monkeypatch.setattr(_catalogue, "_matches", counted)
    agreement = clean_agreement()
    first = busmodel.validate(agreement, select=["SIG", "INT"], catalogue=catalogue)
    assert calls > 0
    calls = 0
    again = busmodel.validate(agreement, select=["SIG", "INT"], catalogue=catalogue)
    other_today = busmodel.validate(
        agreement, today=TODAY, select=("SIG", "INT"), catalogue=catalogue
    )
    assert 0 == calls
    assert contents(first) == contents(again)
    assert {"INT", "SIG"} >= {code[:3] for code in other_today.codes()}
    busmodel.validate(agreement, select=["CHR"], catalogue=catalogue)
    assert calls > 0  # another selection is worked out


def test_a_catalogue_keeps_a_bounded_number_of_selections() -> None:
    catalogue = Catalogue(BUILT_IN.rules)
    for number in range(3 * _catalogue._MEMO_SIZE):
        select = [f"SIG00{number % 9}", f"x{number}"]
        expected = [r for r in BUILT_IN.rules if any(_matches(r, p) for p in select)]
        assert expected == list(catalogue.select(select))
    assert len(catalogue._memo) <= _catalogue._MEMO_SIZE


def test_an_unhashable_selection_entry_fails_as_it_did_without_being_kept() -> None:
    catalogue = Catalogue(BUILT_IN.rules)
    with pytest.raises(AttributeError):
        catalogue.select([["SIG"]])  # type: ignore[list-item]
    assert {} == catalogue._memo


def test_unknown_looks_up_what_matching_every_rule_finds() -> None:
    entries = ["SIG", "sig001", "S", "", "X", "SIG0010", "chair-is-party", "Chair-Is-Party", "ı"]
    entries += [r.name.upper() for r in BUILT_IN.rules[:3]]
    expected = tuple(p for p in entries if not any(_matches(r, p) for r in BUILT_IN.rules))
    assert expected == BUILT_IN.unknown(entries)


_built = 0


def _parties(context: Context) -> frozenset[str]:
    global _built
    _built += 1
    return frozenset(context.agreement.parties)


def _sharing_rule(code: str) -> Rule:
    @rule(
        code,
        title=Text(en="Shares", sv="Delar"),
        severity=Severity.INFO,
        rationale=Text(en="Shares.", sv="Delar."),
        source="test",
        name=f"shares-{code.lower()}",
        messages=Message(en="{n} parties", sv="{n} parter"),
    )
    def shares(context: Context) -> Iterator[Issue]:
        yield Issue.at("/parties", n=len(context.derived(_parties)))

    return shares


def test_what_rules_derive_from_a_context_is_built_once_a_validation() -> None:
    global _built
    catalogue = Catalogue([_sharing_rule("XMP001"), _sharing_rule("XMP002")])
    _built = 0
    report = busmodel.validate(clean_agreement(), catalogue=catalogue)
    assert ["3 parties", "3 parties"] == [f.message.en for f in report.findings]
    assert 1 == _built
    busmodel.validate(clean_agreement(), catalogue=catalogue)
    assert 2 == _built  # a new validation, a new context


def test_many_threads_with_different_documents_and_selections_get_the_sequential_reports() -> None:
    agreements = [
        busmodel.load_agreement(EXAMPLES / "alingsas-bus-2023.toml"),
        busmodel.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml"),
        busmodel.load_agreement(EXAMPLES / "vastbus-2005.toml"),
        busmodel.load_agreement(EXAMPLES / "kungalv-bus-2021-forlangning-2023.toml"),
        clean_agreement(),
    ]
    records = busmodel.load_records(EXAMPLES / "alingsas-records-2023-2025.toml")
    selections: list[tuple[list[str] | None, list[str] | None]] = [
        (None, None),
        (["SIG", "INT"], None),
        (None, ["NAM", "INT011"]),
        (["LIF", "REC", "INT011"], ["LIF003"]),
        (["every-party-assents", "VAL"], None),
    ]
    tasks = [
        (agreement, select, ignore, today)
        for agreement in agreements
        for select, ignore in selections
        for today in (None, TODAY)
    ]

    def check(catalogue: Catalogue, task: tuple[Any, ...]) -> list[Any]:
        agreement, select, ignore, today = task
        found = records if agreement.id == records.agreement else None
        report = busmodel.validate(
            agreement,
            today=today,
            records=found,
            select=select,
            ignore=ignore,
            catalogue=catalogue,
        )
        return contents(report)

    expected = [check(Catalogue(BUILT_IN.rules), task) for task in tasks]
    shared = Catalogue(BUILT_IN.rules)  # nothing kept yet: the threads race to keep it
    threads = 8
    results: list[list[list[Any]]] = [[] for _ in range(threads)]
    barrier = threading.Barrier(threads)

    def work(slot: int) -> None:
        barrier.wait()
        order = tasks[slot:] + tasks[:slot]  # each thread starts elsewhere
        done = {id(task): check(shared, task) for task in order}
        results[slot] = [done[id(task)] for task in tasks]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        workers = [threading.Thread(target=work, args=(slot,)) for slot in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        sys.setswitchinterval(interval)
    for result in results:
        assert expected == result
