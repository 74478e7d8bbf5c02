"""Inputs far under a megabyte load and validate in time linear in their size (issue 7, item 2).

Each test builds one of the issue's worst cases at ten times the size the issue
measured (or as noted) and asserts the findings, never the time: before the fix
each of them took from seconds to hours. ``benchmarks/bench_scaling.py`` shows
the growth.
"""

from __future__ import annotations

import pytest

import busmodel as bm
from tests.support import scaling_inputs as inputs


def load(text: str) -> bm.Agreement:
    document = bm.loads(text, "json")
    assert isinstance(document, bm.Agreement)
    return document


def found(report: bm.Report, code: str) -> list[bm.Finding]:
    return [finding for finding in report.findings if finding.code == code]


def test_nam001_reports_each_of_10000_similar_committees_once_against_the_first() -> None:
    report = bm.validate(load(inputs.similar_committees(10_000)))
    nam001 = found(report, "NAM001")
    assert [f"/bodies/{i}/name" for i in range(1, 10_000)] == [f.path for f in nam001]
    assert {("/bodies/0/name",)} == {f.related for f in nam001}
    assert [] == found(report, "NAM002")


def test_nam001_on_16000_names_no_index_can_tell_apart_stops_at_its_budget_and_says_where() -> None:
    from busmodel.validation._rules.names import COMPARISON_BUDGET

    report = bm.validate(load(inputs.digit_names(16_000)), select=["NAM001"])
    *alike, stopped = report.findings
    assert all("has almost the same name" in finding.message.en for finding in alike)
    assert f"{COMPARISON_BUDGET:,}" in stopped.message.en
    assert "jämfördes hit men inte längre" in stopped.message.sv
    position = int(stopped.path.split("/")[2])
    assert 0 < position < 16_000
    assert all(int(finding.path.split("/")[2]) < position for finding in alike)


def test_nam001_compares_two_200000_character_names_on_a_bounded_prefix() -> None:
    report = bm.validate(load(inputs.long_names(200_000)), select=["NAM"])
    [finding] = report.findings
    assert ("NAM001", "/bodies/1/name", ("/bodies/0/name",)) == (
        finding.code,
        finding.path,
        finding.related,
    )


def test_int005_reports_a_part_of_cycle_of_15000_bodies_once_with_a_bounded_message() -> None:
    report = bm.validate(load(inputs.part_of_cycle(15_000)), select=["INT"])
    [finding] = found(report, "INT005")
    assert "/bodies/0/part_of" == finding.path
    assert tuple(f"/bodies/{i}/part_of" for i in range(1, 15_000)) == finding.related
    first = " → ".join(inputs.cycle_id(i) for i in range(8))
    assert f"part_of forms a cycle: {first} → … and 14992 more → f00000" == finding.message.en
    assert f"part_of bildar en cirkel: {first} → … och 14992 till → f00000" == finding.message.sv


def test_a_json_object_with_250000_keys_and_one_duplicate_is_one_located_problem() -> None:
    with pytest.raises(bm.DocumentError) as caught:
        bm.loads(inputs.duplicate_key(250_000, 123_456), "json")
    assert [("/x123456", "key 'x123456' is given more than once")] == [
        (problem.path, problem.message) for problem in caught.value.problems
    ]


def test_sig001_reports_each_of_150000_unsigned_parties() -> None:
    report = bm.validate(load(inputs.unsigned_parties(150_000)), select=["SIG", "INT"])
    sig001 = found(report, "SIG001")
    assert 150_000 == len(sig001)
    expected = "Part 149999 is a party but has neither signed nor adopted the agreement"
    assert ("/parties/149999", expected) == (
        sig001[-1].path,
        sig001[-1].message.en,
    )
    assert {"SIG001"} == {finding.code for finding in report.findings}


def test_sup004_finds_a_supersession_cycle_through_5000_documents_each_once() -> None:
    count = 5_000
    documents = [load(text) for text in inputs.supersession_chain(count, closed=True)]
    registry = bm.Registry.of(documents)
    reports = [bm.validate(document, registry=registry) for document in documents]
    assert [["SUP004"]] * count == [
        [f.code for f in report.findings if f.code.startswith("SUP")] for report in reports
    ]
    [last] = found(reports[-1], "SUP004")
    shown = " → ".join(inputs.chain_id(i) for i in range(count - 1, count - 9, -1))
    assert (
        f"the superseded agreements form a cycle: {shown} → … and {count - 8} more → bus-04999"
    ) == last.message.en


def test_a_registry_of_a_supersession_chain_of_5000_documents_answers_each_lookup() -> None:
    count = 5_000
    documents = [load(text) for text in inputs.supersession_chain(count)]
    registry = bm.Registry.of(documents)
    reports = [bm.validate(document, registry=registry, select=["SUP"]) for document in documents]
    assert [()] * count == [report.findings for report in reports]
    assert documents[1:] == [registry.successors_of(d.id)[0] for d in documents[:-1]]
    assert documents == [registry.agreement(d.id) for d in documents]
