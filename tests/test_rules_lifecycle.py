import datetime as dt

import attrs
import pytest

import busmodel as bm
import busmodel._rules.lifecycle
from busmodel import validate
from tests.rule_fixtures import clean_agreement

TODAY = dt.date(2024, 3, 1)


def _agreement(start: dt.date, end: dt.date | None) -> bm.Agreement:
    validity = bm.Validity(bm.ValidityBasis.FIXED, bm.Period(start, end))
    return attrs.evolve(clean_agreement(), validity=validity)


def _registry(*agreements: bm.Agreement) -> bm.Registry:
    return bm.Registry.of(agreements)


def test_clean_agreement_passes_the_lifecycle_rules() -> None:
    registry = _registry(clean_agreement())
    assert (
        () == validate(clean_agreement(), today=TODAY, registry=registry, select=["LIF"]).findings
    )


def test_the_lifecycle_rules_are_skipped_without_today() -> None:
    report = validate(clean_agreement(), select=["LIF"])
    assert ["LIF001", "LIF002", "LIF003", "LIF004"] == [s.code for s in report.skipped]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2022, 12, 1), ("LIF001",)),
        (dt.date(2023, 1, 1), ()),
        (dt.date(2026, 9, 1), ()),
        (dt.date(2026, 10, 2), ("LIF003",)),  # 90 days left: on the horizon
        (dt.date(2026, 11, 22), ("LIF003",)),
        (dt.date(2026, 12, 31), ("LIF003",)),
        (dt.date(2027, 1, 1), ("LIF002",)),
    ],
)
def test_the_committee_term_2023_2026_through_time(
    today: dt.date, expected: tuple[str, ...]
) -> None:
    agreement = _agreement(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
    report = validate(agreement, today=today, select=["LIF001", "LIF002", "LIF003"])
    assert expected == report.codes()


def test_lif001_not_yet_in_force_is_info_on_the_start() -> None:
    report = validate(clean_agreement(), today=dt.date(2022, 12, 1), select=["LIF001"])
    [finding] = report.findings
    assert (bm.Severity.INFO, "/validity/period/start") == (finding.severity, finding.path)
    assert "in 31 days" in finding.message.en
    assert "om 31 dagar" in finding.message.sv


def test_lif002_expired_is_an_error_on_the_end() -> None:
    report = validate(clean_agreement(), today=dt.date(2027, 1, 1), select=["LIF002"])
    [finding] = report.findings
    assert (bm.Severity.ERROR, "/validity/period/end") == (finding.severity, finding.path)
    assert "until 2026-12-31 (1 day ago)" in finding.message.en
    assert "till och med 2026-12-31 (för 1 dag sedan)" in finding.message.sv


def test_lif002_an_agreement_until_further_notice_never_expires() -> None:
    agreement = _agreement(dt.date(2005, 1, 1), None)
    assert () == validate(agreement, today=dt.date(2099, 1, 1), select=["LIF"]).findings


def test_lif003_the_alingsas_agreement_is_due_for_renewal_39_days_before_it_ends() -> None:
    report = validate(clean_agreement(), today=dt.date(2026, 11, 22), select=["LIF003"])
    [finding] = report.findings
    assert (bm.Severity.WARNING, "/validity/period/end") == (finding.severity, finding.path)
    assert "39" in finding.message.en
    assert "2026-12-31" in finding.message.en
    assert (
        "dags att förnya: överenskommelsen går ut om 39 dagar och gäller till och med 2026-12-31"
        == finding.message.sv
    )


def test_lif003_the_last_day_in_force_has_no_days_left() -> None:
    report = validate(clean_agreement(), today=dt.date(2026, 12, 31), select=["LIF003"])
    assert "expires today" in report.findings[0].message.en


def test_lif003_the_horizon_is_an_option() -> None:
    options = bm.Options(renewal_horizon_days=180)
    report = validate(
        clean_agreement(), today=dt.date(2026, 9, 1), options=options, select=["LIF003"]
    )
    assert ("LIF003",) == report.codes()
    assert "121 days" in report.findings[0].message.en


def test_no_validity_yields_no_lifecycle_finding() -> None:
    agreement = attrs.evolve(clean_agreement(), validity=None)
    registry = _registry(agreement)
    assert () == validate(agreement, today=TODAY, registry=registry, select=["LIF"]).findings


def _predecessor(end: dt.date | None) -> bm.Agreement:
    return attrs.evolve(_agreement(dt.date(2019, 1, 1), end), id="alingsas-bus-2019", supersedes=())


def test_lif004_a_superseded_agreement_still_in_force_is_reported_on_the_reference() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("annat", "alingsas-bus-2019"))
    registry = _registry(agreement, _predecessor(None))
    report = validate(agreement, today=TODAY, registry=registry, select=["LIF004"])
    [finding] = report.findings
    assert (bm.Severity.WARNING, "/supersedes/1") == (finding.severity, finding.path)
    assert "'alingsas-bus-2019'" in finding.message.en
    assert finding.message.sv != finding.message.en


def test_lif004_a_predecessor_that_has_ended_passes() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2019",))
    registry = _registry(agreement, _predecessor(dt.date(2022, 12, 31)))
    assert () == validate(agreement, today=TODAY, registry=registry, select=["LIF004"]).findings


def test_lif004_a_predecessor_may_run_until_its_successor_starts() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2019",))
    registry = _registry(agreement, _predecessor(dt.date(2024, 12, 31)))
    report = validate(agreement, today=dt.date(2022, 12, 1), registry=registry, select=["LIF004"])
    assert () == report.findings


def test_lif004_on_the_day_this_agreement_starts_a_predecessor_still_in_force_is_reported() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2019",))
    start = clean_agreement().validity.period.start  # type: ignore[union-attr]
    registry = _registry(agreement, _predecessor(None))
    report = validate(agreement, today=start, registry=registry, select=["LIF004"])
    assert ["/supersedes/0"] == [f.path for f in report.findings]
    before = validate(
        agreement, today=start - dt.timedelta(days=1), registry=registry, select=["LIF004"]
    )
    assert () == before.findings


def test_lif004_an_agreement_that_supersedes_itself_is_not_its_own_predecessor_in_force() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2023",))
    report = validate(agreement, today=TODAY, registry=_registry(agreement), select=["LIF004"])
    assert () == report.findings
