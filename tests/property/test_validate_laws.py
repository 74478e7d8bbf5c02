import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import busmodel
from busmodel import Agreement, Records, Registry, validate
from tests.property.strategies import World, agreements, dates, records, worlds

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BUILT_IN = ("CHR", "EXT", "FOR", "INT", "LIF", "NAM", "REC", "SIG", "SUP", "VAL")


def _check(world: World) -> busmodel.Report:
    return validate(
        world.agreement, today=world.today, records=world.records, registry=world.registry
    )


@SLOW
@given(agreements, st.none() | dates, st.none() | records)
def test_validate_never_crashes_on_a_valid_agreement(
    agreement: Agreement, today: dt.date | None, kept: Records | None
) -> None:
    registry = Registry.of([agreement])
    report = validate(agreement, today=today, records=kept, registry=registry)
    assert report.ok == (report.counts[busmodel.Severity.ERROR] == 0)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(worlds())
def test_validate_never_crashes_on_an_agreement_with_its_records_registry_and_day(
    world: World,
) -> None:
    report = _check(world)
    assert report.ok == (report.counts[busmodel.Severity.ERROR] == 0)
    for finding in report.findings:
        assert finding.path == "" or finding.path.startswith(("/", "records:/"))


def test_the_worlds_reach_every_built_in_rule() -> None:
    fired: set[str] = set()

    @settings(
        max_examples=1000,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(worlds())
    def run(world: World) -> None:
        fired.update(_check(world).codes())

    run()
    built_in = {rule.code for rule in busmodel.rules() if rule.area in BUILT_IN}
    assert set() == built_in - fired


@SLOW
@given(agreements, dates)
def test_findings_are_in_canonical_order_and_point_into_the_document(
    agreement: Agreement, today: dt.date
) -> None:
    report = validate(agreement, today=today)
    assert sorted(report.findings, key=busmodel.Finding.sort_key) == list(report.findings)
    for finding in report.findings:
        assert finding.path == "" or finding.path.startswith(("/", "records:/"))


@SLOW
@given(agreements)
def test_selecting_one_area_gives_exactly_that_area_of_the_full_report(
    agreement: Agreement,
) -> None:
    full = validate(agreement)
    signatures = validate(agreement, select=["SIG"])
    assert [f for f in full.findings if f.code.startswith("SIG")] == list(signatures.findings)
