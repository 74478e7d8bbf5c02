import datetime as dt

import attrs
import pytest

import busmodel as bm
import busmodel._rules.validity  # registers the VAL rules
from tests.rule_fixtures import MANDATE_2023_2026, check, clean_agreement


def with_validity(validity: bm.Validity | None) -> bm.Agreement:
    return attrs.evolve(clean_agreement(), validity=validity)


def test_clean_agreement_passes_the_validity_rules() -> None:
    assert () == check(clean_agreement(), "VAL").findings


def test_val001_an_agreement_without_validity_is_an_error() -> None:
    report = check(with_validity(None), "VAL001")
    [finding] = report.findings
    assert ("VAL001", "/validity") == (finding.code, finding.path)
    assert bm.Severity.ERROR == finding.severity
    assert "giltighetstid saknas" in finding.message.sv


def test_val001_a_framework_without_validity_is_an_error_too() -> None:
    framework = attrs.evolve(with_validity(None), kind=bm.AgreementKind.FRAMEWORK)
    assert ("VAL001",) == check(framework, "VAL001").codes()


@pytest.mark.parametrize("basis", [bm.ValidityBasis.FIXED, bm.ValidityBasis.MANDATE_PERIOD])
def test_val002_a_bounded_validity_without_end_is_an_error(basis: bm.ValidityBasis) -> None:
    agreement = with_validity(bm.Validity(basis, bm.Period(dt.date(2023, 1, 1))))
    [finding] = check(agreement, "VAL002").findings
    assert "/validity/period/end" == finding.path


def test_val002_an_open_until_further_notice_validity_passes() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.UNTIL_FURTHER_NOTICE, bm.Period(dt.date(2023, 1, 1)), notice_months=12
    )
    assert () == check(with_validity(validity), "VAL002").findings


def test_val003_an_end_one_day_short_names_the_expected_bounds() -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2026, 12, 30))
    validity = bm.Validity(bm.ValidityBasis.MANDATE_PERIOD, period)
    [finding] = check(with_validity(validity), "VAL003").findings
    assert "/validity/period/end" == finding.path
    assert "2023-01-01–2026-12-31" in finding.message.en
    assert "2023-01-01–2026-12-31" in finding.message.sv


def test_val003_a_start_before_the_mandate_period_finds_the_period_meant() -> None:
    period = bm.Period(dt.date(2022, 12, 15), dt.date(2026, 12, 31))
    validity = bm.Validity(bm.ValidityBasis.MANDATE_PERIOD, period)
    [finding] = check(with_validity(validity), "VAL003").findings
    assert "/validity/period/start" == finding.path
    assert "should be 2023-01-01–2026-12-31" in finding.message.en


def test_val003_committee_dates_under_the_council_convention_are_reported() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026, convention=bm.Convention.COUNCIL
    )
    [finding] = check(with_validity(validity), "VAL003").findings
    assert "/validity/period" == finding.path
    assert "2022-10-15–2026-10-14" in finding.message.en


def test_val003_council_dates_under_the_council_convention_pass() -> None:
    period = bm.Period(dt.date(2022, 10, 15), dt.date(2026, 10, 14))
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, period, convention=bm.Convention.COUNCIL
    )
    assert () == check(with_validity(validity), "VAL003").findings


def test_val003_a_start_before_the_first_known_mandate_period_is_reported() -> None:
    period = bm.Period(dt.date(1990, 1, 1), dt.date(1993, 12, 31))
    validity = bm.Validity(bm.ValidityBasis.MANDATE_PERIOD, period)
    [finding] = check(with_validity(validity), "VAL003").findings
    assert "/validity/period/start" == finding.path


def test_val003_ignores_a_fixed_validity() -> None:
    period = bm.Period(dt.date(2023, 3, 1), dt.date(2025, 2, 28))
    validity = bm.Validity(bm.ValidityBasis.FIXED, period)
    assert () == check(with_validity(validity), "VAL003").findings


def test_val004_until_further_notice_without_notice_period_is_an_error() -> None:
    validity = bm.Validity(bm.ValidityBasis.UNTIL_FURTHER_NOTICE, bm.Period(dt.date(2023, 1, 1)))
    [finding] = check(with_validity(validity), "VAL004").findings
    assert "/validity/notice_months" == finding.path


def test_val004_until_further_notice_with_an_end_is_an_error() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.UNTIL_FURTHER_NOTICE, MANDATE_2023_2026, notice_months=12
    )
    [finding] = check(with_validity(validity), "VAL004").findings
    assert "/validity/period/end" == finding.path


def test_val004_open_until_further_notice_with_notice_passes() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.UNTIL_FURTHER_NOTICE, bm.Period(dt.date(1999, 1, 1)), notice_months=12
    )
    assert () == check(with_validity(validity), "VAL004").findings


def test_val005_an_extension_of_an_until_further_notice_agreement_is_reported() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.UNTIL_FURTHER_NOTICE,
        bm.Period(dt.date(2023, 1, 1)),
        notice_months=12,
        extension=bm.Extension(2),
    )
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/extension" == finding.path
    assert bm.Severity.WARNING == finding.severity


def test_val005_extension_notice_as_long_as_the_validity_is_reported() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026, extension=bm.Extension(4, None, 48)
    )
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/extension/notice_months" == finding.path


@pytest.mark.parametrize(("months", "fires"), [(12, True), (11, False)])
def test_val005_a_notice_period_must_be_shorter_than_the_validity(months: int, fires: bool) -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    validity = bm.Validity(bm.ValidityBasis.FIXED, period, notice_months=months)
    paths = [f.path for f in check(with_validity(validity), "VAL005").findings]
    assert (["/validity/notice_months"] if fires else []) == paths


def test_val005_a_mandate_period_agreement_extended_by_two_years_is_reported() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026, extension=bm.Extension(2)
    )
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/extension/years" == finding.path


def test_val005_an_annual_review_of_a_half_year_agreement_is_reported() -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    validity = bm.Validity(bm.ValidityBasis.FIXED, period, review=bm.Review.ANNUAL)
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/review" == finding.path


def test_val005_consistent_notice_extension_and_review_pass() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD,
        MANDATE_2023_2026,
        notice_months=6,
        extension=bm.Extension(4, times=1, notice_months=6),
        review=bm.Review.ANNUAL,
    )
    assert () == check(with_validity(validity), "VAL005").findings


def test_val006_a_one_day_validity_is_a_warning() -> None:
    day = dt.date(2023, 1, 1)
    validity = bm.Validity(bm.ValidityBasis.FIXED, bm.Period(day, day))
    [finding] = check(with_validity(validity), "VAL006").findings
    assert ("/validity/period/end", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/validity/period/start",) == finding.related


def test_val006_a_two_day_validity_passes() -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2023, 1, 2))
    validity = bm.Validity(bm.ValidityBasis.FIXED, period)
    assert () == check(with_validity(validity), "VAL006").findings


def test_validity_messages_exist_in_both_languages() -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2026, 12, 30))
    agreement = with_validity(bm.Validity(bm.ValidityBasis.MANDATE_PERIOD, period))
    [finding] = check(agreement, "VAL003").findings
    assert finding.message.sv != finding.message.en
    assert "mandatperioden" in finding.message.sv


def test_val003_names_a_mandate_period_that_runs_past_the_last_date_a_document_takes() -> None:
    late = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, bm.Period(dt.date(2199, 1, 1), dt.date(2199, 12, 31))
    )
    report = check(attrs.evolve(clean_agreement(), validity=late), "VAL003")
    [finding] = report.findings
    assert "/validity/period/end" == finding.path
    assert "it should be 2199-01-01–2202-12-31" in finding.message.en
