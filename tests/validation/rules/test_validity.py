import datetime as dt

import attrs
import pytest

import busmodel as bm
from tests.support.builders import (
    MANDATE_2023_2026,
    adopted_guidelines,
    check,
    clean_agreement,
    from_signing_agreement,
    lerum_vgr_agreement,
)


def with_validity(validity: bm.Validity | None) -> bm.Agreement:
    return attrs.evolve(clean_agreement(), validity=validity)


def validity_of(agreement: bm.Agreement) -> bm.Validity:
    assert agreement.validity is not None
    return agreement.validity


def test_clean_agreement_passes_the_validity_rules() -> None:
    assert () == check(clean_agreement(), "VAL").findings


def test_val001_an_agreement_without_validity_is_an_error() -> None:
    report = check(with_validity(None), "VAL001")
    [finding] = report.findings
    assert ("VAL001", "/validity") == (finding.code, finding.path)
    assert bm.Severity.ERROR == finding.severity
    assert (
        "the agreement does not say when it is in force (no validity)",
        "överenskommelsen anger inte när den gäller (giltighetstid saknas)",
    ) == (finding.message.en, finding.message.sv)


def test_val001_a_framework_without_validity_is_an_error_too() -> None:
    framework = attrs.evolve(with_validity(None), kind=bm.AgreementKind.FRAMEWORK)
    assert ("VAL001",) == check(framework, "VAL001").codes()


@pytest.mark.parametrize(
    ("basis", "en", "sv"),
    [
        (
            bm.ValidityBasis.FIXED,
            "the validity is tied to fixed dates but has no end date",
            "giltighetstiden är knuten till fasta datum men saknar slutdatum",
        ),
        (
            bm.ValidityBasis.MANDATE_PERIOD,
            "the validity is tied to the mandate period but has no end date",
            "giltighetstiden är knuten till mandatperioden men saknar slutdatum",
        ),
    ],
)
def test_val002_a_bounded_validity_without_end_is_an_error(
    basis: bm.ValidityBasis, en: str, sv: str
) -> None:
    agreement = with_validity(bm.Validity(basis, bm.Period(dt.date(2023, 1, 1))))
    [finding] = check(agreement, "VAL002").findings
    assert "/validity/period/end" == finding.path
    assert (en, sv) == (finding.message.en, finding.message.sv)


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
    assert (
        "the validity 2023-01-01 – 2026-12-30 does not match the mandate period 2023–2026: it "
        "should be 2023-01-01 – 2026-12-31, as the committees count it (from 1 January after "
        "the election year)"
    ) == finding.message.en
    assert (
        "giltighetstiden 2023-01-01 – 2026-12-30 stämmer inte med mandatperioden 2023–2026: den "
        "ska vara 2023-01-01 – 2026-12-31, enligt nämndernas räkning (från 1 januari året efter "
        "valet)"
    ) == finding.message.sv


def test_val003_a_start_before_the_mandate_period_finds_the_period_meant() -> None:
    period = bm.Period(dt.date(2022, 12, 15), dt.date(2026, 12, 31))
    validity = bm.Validity(bm.ValidityBasis.MANDATE_PERIOD, period)
    [finding] = check(with_validity(validity), "VAL003").findings
    assert "/validity/period/start" == finding.path
    assert "should be 2023-01-01 – 2026-12-31" in finding.message.en


def test_val003_committee_dates_under_the_council_convention_are_reported() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026, convention=bm.Convention.COUNCIL
    )
    [finding] = check(with_validity(validity), "VAL003").findings
    assert "/validity/period" == finding.path
    assert "2022-10-15 – 2026-10-14" in finding.message.en


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
    assert (
        "the validity starts on 1990-01-01, before the first mandate period busmodel knows "
        "(1995-01-01–1998-12-31)"
    ) == finding.message.en
    assert (
        "giltighetstiden börjar 1990-01-01, före den första mandatperiod som busmodel känner "
        "till (1995-01-01–1998-12-31)"
    ) == finding.message.sv


def test_val003_ignores_a_fixed_validity() -> None:
    period = bm.Period(dt.date(2023, 3, 1), dt.date(2025, 2, 28))
    validity = bm.Validity(bm.ValidityBasis.FIXED, period)
    assert () == check(with_validity(validity), "VAL003").findings


def test_val004_no_longer_reports_an_until_further_notice_validity_without_notice_period() -> None:
    validity = bm.Validity(bm.ValidityBasis.UNTIL_FURTHER_NOTICE, bm.Period(dt.date(2023, 1, 1)))
    assert () == check(with_validity(validity), "VAL004").findings


def test_val007_until_further_notice_without_notice_period_is_a_warning() -> None:
    validity = bm.Validity(bm.ValidityBasis.UNTIL_FURTHER_NOTICE, bm.Period(dt.date(2023, 1, 1)))
    [finding] = check(with_validity(validity), "VAL007").findings
    assert ("/validity/notice_months", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert "the agreement is in force until further notice but states no notice period" in (
        finding.message.en
    )
    assert "överenskommelsen gäller tills vidare men anger ingen uppsägningstid" in (
        finding.message.sv
    )


def test_val004_until_further_notice_with_an_end_is_an_error() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.UNTIL_FURTHER_NOTICE, MANDATE_2023_2026, notice_months=12
    )
    [finding] = check(with_validity(validity), "VAL004").findings
    assert ("/validity/period/end", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert (
        "the agreement is in force until further notice but also gives an end date, 2026-12-31",
        "överenskommelsen gäller tills vidare men anger också ett slutdatum, 2026-12-31",
    ) == (finding.message.en, finding.message.sv)


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
    assert (
        "the agreement may be extended but has no end date to count the extension from (it is "
        "in force until further notice)",
        "överenskommelsen får förlängas men har inget slutdatum att räkna förlängningen från "
        "(den gäller tills vidare)",
    ) == (finding.message.en, finding.message.sv)


def test_val005_extension_notice_as_long_as_the_validity_is_reported() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026, extension=bm.Extension(4, None, 48)
    )
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/extension/notice_months" == finding.path
    assert (
        "the 48 months' notice against extension is not shorter than the validity 2023-01-01 – "
        "2026-12-31: it would have to be given before the agreement starts"
    ) == finding.message.en
    assert (
        "varseltiden på 48 månader för besked om att inte förlänga är inte kortare än "
        "giltighetstiden 2023-01-01 – 2026-12-31: beskedet skulle behöva lämnas innan "
        "överenskommelsen börjar gälla"
    ) == finding.message.sv


def test_val005_one_month_of_notice_is_written_in_the_singular() -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2023, 1, 31))
    validity = bm.Validity(
        bm.ValidityBasis.FIXED, period, notice_months=1, extension=bm.Extension(1, None, 1)
    )
    report = check(with_validity(validity), "notice-extension-review-fit-validity")
    assert [
        (
            "/validity/extension/notice_months",
            "the 1 month's notice against extension is not shorter than the validity "
            "2023-01-01 – 2023-01-31: it would have to be given before the agreement starts",
            "varseltiden på 1 månad för besked om att inte förlänga är inte kortare än "
            "giltighetstiden 2023-01-01 – 2023-01-31: beskedet skulle behöva lämnas innan "
            "överenskommelsen börjar gälla",
        ),
        (
            "/validity/notice_months",
            "the notice period of 1 month is not shorter than the validity 2023-01-01 – "
            "2023-01-31: notice would have to be given before the agreement starts",
            "uppsägningstiden på 1 månad är inte kortare än giltighetstiden 2023-01-01 – "
            "2023-01-31: uppsägning skulle behöva ske innan överenskommelsen börjar gälla",
        ),
    ] == [(f.path, f.message.en, f.message.sv) for f in report.findings]


@pytest.mark.parametrize(("months", "fires"), [(12, True), (11, False)])
def test_val005_a_notice_period_must_be_shorter_than_the_validity(months: int, fires: bool) -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    validity = bm.Validity(bm.ValidityBasis.FIXED, period, notice_months=months)
    findings = check(with_validity(validity), "VAL005").findings
    assert (["/validity/notice_months"] if fires else []) == [f.path for f in findings]
    assert (
        [
            "the notice period of 12 months is not shorter than the validity 2023-01-01 – "
            "2023-12-31: notice would have to be given before the agreement starts"
        ]
        if fires
        else []
    ) == [f.message.en for f in findings]


def test_val005_a_mandate_period_agreement_extended_by_two_years_is_reported() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026, extension=bm.Extension(2)
    )
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/extension/years" == finding.path
    assert (
        "the agreement is tied to the mandate period but is extended by 2 years, which is not "
        "a whole number of mandate periods (4 years)",
        "överenskommelsen är knuten till mandatperioden men förlängs med 2 år, vilket inte är "
        "ett helt antal mandatperioder (4 år)",
    ) == (finding.message.en, finding.message.sv)


def test_val005_an_annual_review_of_a_half_year_agreement_is_reported() -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    validity = bm.Validity(bm.ValidityBasis.FIXED, period, review=bm.Review.ANNUAL)
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/review" == finding.path
    assert (
        "the agreement is to be reviewed annually but is in force for less than a year "
        "(2023-01-01 – 2023-06-30)",
        "överenskommelsen ska omprövas årligen men gäller kortare än ett år "
        "(2023-01-01 – 2023-06-30)",
    ) == (finding.message.en, finding.message.sv)


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
    assert (
        "the agreement is in force for one day only (2023-01-01)",
        "överenskommelsen gäller bara en dag (2023-01-01)",
    ) == (finding.message.en, finding.message.sv)


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
    assert "it should be 2199-01-01 – 2202-12-31" in finding.message.en


# Real agreements: the cases issue 8 names.


def test_a_local_agreement_until_further_notice_without_notice_period_is_valid() -> None:
    """Was a VAL004 error; it is in force and valid, a drafting remark at most."""
    report = check(lerum_vgr_agreement(), "VAL", "SIG")
    assert ("VAL007",) == report.codes()
    assert report.ok


def test_an_until_further_notice_agreement_with_an_end_date_is_still_an_error() -> None:
    agreement = lerum_vgr_agreement()
    validity = attrs.evolve(
        validity_of(agreement), period=bm.Period(dt.date(2019, 5, 1), dt.date(2022, 12, 31))
    )
    report = check(attrs.evolve(agreement, validity=validity), "VAL004")
    assert ("VAL004",) == report.codes()
    assert not report.ok


def test_guidelines_adopted_by_committees_pass_the_validity_rules() -> None:
    assert () == check(adopted_guidelines(), "VAL").findings


def test_val008_in_force_from_signing_and_starting_on_the_last_signature_passes() -> None:
    assert () == check(from_signing_agreement(dt.date(2023, 3, 20)), "VAL", "SIG").findings


def test_val008_a_start_after_the_last_signature_is_an_error_naming_both_dates() -> None:
    [finding] = check(from_signing_agreement(dt.date(2023, 4, 1)), "VAL008").findings
    assert ("/validity/period/start", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert ("/signatures/1/date",) == finding.related
    assert (
        "the agreement is in force from signing, and the last party, Barn- och "
        "ungdomsnämnden, signed on 2023-03-20, but the validity starts on 2023-04-01: it "
        "should start on 2023-03-20"
    ) == finding.message.en
    assert (
        "överenskommelsen gäller från undertecknandet, och den sista parten, Barn- och "
        "ungdomsnämnden, undertecknade 2023-03-20, men giltighetstiden börjar 2023-04-01: den "
        "ska börja 2023-03-20"
    ) == finding.message.sv


def test_val008_a_start_before_the_last_signature_is_an_error_naming_both_dates() -> None:
    [finding] = check(from_signing_agreement(dt.date(2023, 3, 14)), "VAL008").findings
    assert ("/validity/period/start", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert ("/signatures/1/date",) == finding.related
    assert (
        "the agreement is in force from signing, but the validity starts on 2023-03-14, before "
        "the last party, Barn- och ungdomsnämnden, signed on 2023-03-20: it cannot be in force "
        "before then"
    ) == finding.message.en
    assert (
        "överenskommelsen gäller från undertecknandet, men giltighetstiden börjar 2023-03-14, "
        "innan den sista parten, Barn- och ungdomsnämnden, undertecknade 2023-03-20: den kan "
        "inte gälla dessförinnan"
    ) == finding.message.sv


def test_val008_counts_an_adoption_as_the_last_assent() -> None:
    agreement = from_signing_agreement(dt.date(2023, 3, 22))
    agreement = attrs.evolve(
        agreement,
        signatures=agreement.signatures[:1],
        adoptions=(bm.Adoption("bun", dt.date(2023, 3, 22), "§ 31"),),
    )
    assert () == check(agreement, "VAL008").findings
    early = bm.Period(dt.date(2023, 3, 14), dt.date(2024, 12, 31))
    starts_early = attrs.evolve(
        agreement, validity=attrs.evolve(validity_of(agreement), period=early)
    )
    [finding] = check(starts_early, "VAL008").findings
    assert ("/adoptions/0/date",) == finding.related
    assert "Barn- och ungdomsnämnden, adopted the agreement on 2023-03-22 (§ 31)" in (
        finding.message.en
    )
    assert "Barn- och ungdomsnämnden, antog överenskommelsen 2023-03-22 (§ 31)" in (
        finding.message.sv
    )


@pytest.mark.parametrize("kept", [0, 1])
def test_val008_says_nothing_until_every_party_has_assented(kept: int) -> None:
    agreement = from_signing_agreement(dt.date(2023, 4, 1))
    agreement = attrs.evolve(agreement, signatures=agreement.signatures[:kept])
    assert () == check(agreement, "VAL008").findings


def test_val008_a_start_known_to_the_month_of_the_last_signature_passes() -> None:
    agreement = from_signing_agreement(dt.date(2023, 3, 1))
    validity = attrs.evolve(validity_of(agreement), start_precision=bm.Precision.MONTH)
    assert () == check(attrs.evolve(agreement, validity=validity), "VAL008").findings


def test_val008_a_start_known_only_to_an_earlier_month_is_counted_from_its_first_day() -> None:
    agreement = from_signing_agreement(dt.date(2023, 2, 1))
    validity = attrs.evolve(validity_of(agreement), start_precision=bm.Precision.MONTH)
    [finding] = check(attrs.evolve(agreement, validity=validity), "VAL008").findings
    assert "(the start is known only to the month; counted from 2023-02-01)" in finding.message.en
    assert "(bara startmånaden är känd; räknat från 2023-02-01)" in finding.message.sv


def test_val008_ignores_other_bases() -> None:
    agreement = from_signing_agreement(dt.date(2023, 4, 1))
    validity = attrs.evolve(validity_of(agreement), basis=bm.ValidityBasis.FIXED)
    assert () == check(attrs.evolve(agreement, validity=validity), "VAL008").findings


def test_val002_in_force_from_signing_without_an_end_is_an_error() -> None:
    agreement = from_signing_agreement(dt.date(2023, 3, 20))
    validity = attrs.evolve(validity_of(agreement), period=bm.Period(dt.date(2023, 3, 20)))
    [finding] = check(attrs.evolve(agreement, validity=validity), "VAL002").findings
    assert ("/validity/period/end", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert "the agreement is in force from signing but has no end date" == finding.message.en
    assert "överenskommelsen gäller från undertecknandet men saknar slutdatum" == finding.message.sv


def test_val003_ignores_a_validity_from_signing() -> None:
    assert () == check(from_signing_agreement(dt.date(2023, 3, 20)), "VAL003").findings


def test_val003_a_start_known_only_to_the_year_of_a_council_mandate_period_passes() -> None:
    """The text says "2022–2026" and counts as the council does: it starts 2022-10-15."""
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD,
        bm.Period(dt.date(2022, 1, 1), dt.date(2026, 10, 14)),
        convention=bm.Convention.COUNCIL,
        start_precision=bm.Precision.YEAR,
    )
    assert () == check(with_validity(validity), "VAL003").findings


def test_val003_a_start_known_only_to_the_wrong_year_is_reported_and_says_so() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.MANDATE_PERIOD,
        bm.Period(dt.date(2023, 1, 1), dt.date(2026, 10, 14)),
        convention=bm.Convention.COUNCIL,
        start_precision=bm.Precision.YEAR,
    )
    [finding] = check(with_validity(validity), "VAL003").findings
    assert "/validity/period/start" == finding.path
    assert "(the start is known only to the year; counted from 2023-01-01)" in finding.message.en
    assert "(bara startåret är känt; räknat från 2023-01-01)" in finding.message.sv


def test_val005_an_annual_review_counted_from_a_start_known_only_to_the_year_says_so() -> None:
    period = bm.Period(dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    validity = bm.Validity(
        bm.ValidityBasis.FIXED, period, review=bm.Review.ANNUAL, start_precision=bm.Precision.YEAR
    )
    [finding] = check(with_validity(validity), "VAL005").findings
    assert "/validity/review" == finding.path
    assert "(the start is known only to the year; counted from 2023-01-01)" in finding.message.en
    assert "(bara startåret är känt; räknat från 2023-01-01)" in finding.message.sv


def test_val006_a_one_day_validity_from_a_start_known_only_to_the_month_says_so() -> None:
    day = dt.date(2023, 3, 1)
    validity = bm.Validity(
        bm.ValidityBasis.FIXED, bm.Period(day, day), start_precision=bm.Precision.MONTH
    )
    [finding] = check(with_validity(validity), "VAL006").findings
    assert (
        "the agreement is in force for one day only (2023-03-01; the start is known only to "
        "the month; counted from 2023-03-01)"
    ) == finding.message.en
    assert (
        "överenskommelsen gäller bara en dag (2023-03-01; bara startmånaden är känd; räknat "
        "från 2023-03-01)"
    ) == finding.message.sv


def test_the_rules_for_until_further_notice_are_titled_in_both_languages() -> None:
    rules = {rule.code: rule for rule in bm.rules()}
    assert (
        bm.Text(en="Until further notice has no end date", sv="Tills vidare har inget slutdatum"),
        bm.Severity.ERROR,
    ) == (rules["VAL004"].title, rules["VAL004"].severity)
    assert (
        bm.Text(
            en="Until further notice states a notice period",
            sv="Tills vidare anger en uppsägningstid",
        ),
        bm.Severity.WARNING,
    ) == (rules["VAL007"].title, rules["VAL007"].severity)
    assert bm.Severity.ERROR == rules["VAL008"].severity


def test_the_validity_rules_have_names_that_say_what_they_require() -> None:
    names = {rule.code: rule.name for rule in bm.Catalogue.built_in() if rule.area == "VAL"}
    assert {
        "VAL001": "validity-stated",
        "VAL002": "bounded-validity-has-end",
        "VAL003": "validity-matches-mandate-period",
        "VAL004": "until-further-notice-has-no-end",
        "VAL005": "notice-extension-review-fit-validity",
        "VAL006": "validity-longer-than-a-day",
        "VAL007": "until-further-notice-states-notice",
        "VAL008": "from-signing-starts-on-last-assent",
    } == names


def test_a_validity_rule_is_selected_by_its_name() -> None:
    day = dt.date(2023, 1, 1)
    validity = bm.Validity(bm.ValidityBasis.FIXED, bm.Period(day, day))
    assert ("VAL006",) == check(with_validity(validity), "validity-longer-than-a-day").codes()
