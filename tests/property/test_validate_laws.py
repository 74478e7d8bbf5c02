import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import busmodel
from busmodel import Agreement, Records, Registry, validate
from tests.property.strategies import agreements, dates, records

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(agreements, st.none() | dates, st.none() | records)
def test_validate_never_crashes_on_a_valid_agreement(
    agreement: Agreement, today: dt.date | None, kept: Records | None
) -> None:
    registry = Registry.of([agreement])
    report = validate(agreement, today=today, records=kept, registry=registry)
    assert report.ok == (report.counts[busmodel.Severity.ERROR] == 0)


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
