import datetime as dt

import attrs
import pytest

import busmodel
from busmodel import Exemption, Severity, validate
from tests.support.builders import clean_agreement

TODAY = dt.date(2024, 3, 1)


def test_the_clean_agreement_has_no_findings_from_any_rule_that_can_run() -> None:
    report = validate(clean_agreement(), today=TODAY, registry=busmodel.Registry())
    assert () == report.findings
    assert report.ok


def test_rules_that_need_today_are_skipped_and_say_so_without_it() -> None:
    report = validate(clean_agreement())
    skipped = {s.code: s.reason.en for s in report.skipped}
    lifecycle = [r.code for r in busmodel.rules() if busmodel.Need.TODAY in r.needs]
    assert lifecycle
    for code in lifecycle:
        assert code in skipped
    assert "today" in skipped[lifecycle[0]] or "records" in skipped[lifecycle[0]]


def test_a_document_exemption_moves_the_finding_to_exempted_with_its_reason() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        parties=("bun", "sn"),
        exemptions=(Exemption("SIG003", "Kultur- och utbildningsnämnden signs as a guest"),),
    )
    report = validate(agreement, select=["SIG003"])
    assert () == report.findings
    assert ["SIG003"] == [e.finding.code for e in report.exempted]
    assert "Kultur- och utbildningsnämnden signs as a guest" == report.exempted[0].reason


def test_an_exemption_with_a_path_only_covers_that_place() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        parties=("bun",),
        exemptions=(Exemption("SIG", "guests", path="/signatures/1"),),
    )
    report = validate(agreement, select=["SIG003"])
    assert ["/signatures/2/body"] == [f.path for f in report.findings]
    assert ["/signatures/1/body"] == [e.finding.path for e in report.exempted]


def test_select_and_ignore_narrow_the_rules_run() -> None:
    agreement = attrs.evolve(clean_agreement(), parties=("bun",))
    everything = validate(agreement)
    assert {"INT003", "SIG003"} <= set(everything.codes())
    only_integrity = validate(agreement, select=["INT"])
    assert {"INT003"} == set(only_integrity.codes())
    assert "INT003" not in validate(agreement, ignore=["INT003"]).codes()


def test_findings_carry_the_severity_of_their_rule() -> None:
    severities = {r.code: r.severity for r in busmodel.rules()}
    agreement = attrs.evolve(clean_agreement(), parties=("bun",), participants=("bun", "bun"))
    report = validate(agreement, today=TODAY)
    assert report.findings
    for finding in report.findings:
        assert severities[finding.code] is finding.severity
    assert report.counts[Severity.ERROR] > 0
    assert not report.ok


def test_today_must_be_a_date_not_a_date_and_time() -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        validate(clean_agreement(), today=dt.datetime(2024, 3, 1, 12, 0))


def test_a_single_code_string_selects_that_code_not_its_letters() -> None:
    agreement = attrs.evolve(clean_agreement(), parties=("bun",))
    assert {"INT003"} == set(validate(agreement, select="INT003").codes())


@pytest.mark.parametrize(
    "today", [dt.date(1899, 12, 31), dt.date(2200, 1, 1), dt.date(2201, 1, 1), dt.date.max]
)
def test_today_outside_the_supported_years_is_refused_naming_the_range(today: dt.date) -> None:
    with pytest.raises(busmodel.ModelError, match="1900-01-01 and 2199-12-31") as caught:
        validate(clean_agreement(), today=today)
    assert "today" == caught.value.field


@pytest.mark.parametrize("today", [dt.date(1900, 1, 1), dt.date(2199, 12, 31)])
def test_today_on_the_edges_of_the_supported_years_runs_every_rule(today: dt.date) -> None:
    agreement = clean_agreement()
    records = busmodel.Records(agreement=agreement.id)
    report = validate(agreement, today=today, records=records, registry=busmodel.Registry())
    assert () == report.skipped


def test_a_rule_that_cannot_judge_a_place_reports_it_as_skipped_there_not_as_a_pass() -> None:
    forum = busmodel.Forum(
        "lokal",
        "Lokal grupp",
        cadence=busmodel.Cadence(
            windows=(busmodel.Window("vår", (1, 6)), busmodel.Window("höst", (7, 12)))
        ),
    )
    agreement = attrs.evolve(clean_agreement(), forums=(*clean_agreement().forums, forum))
    report = validate(agreement, select=["FOR004"])
    assert () == report.findings
    [skipped] = report.skipped
    assert ("FOR004", "/forums/3/cadence") == (skipped.code, skipped.path)
    assert "gives no number" in skipped.reason.en


def test_a_cadence_only_when_needed_asks_no_regular_meeting_and_says_so() -> None:
    forum = busmodel.Forum("lokal", "Lokal grupp", cadence=busmodel.Cadence(extra_meetings=True))
    agreement = attrs.evolve(clean_agreement(), forums=(forum,))
    records = busmodel.Records(agreement=agreement.id)
    report = validate(agreement, today=dt.date(2026, 11, 27), records=records, select=["REC003"])
    assert () == report.findings
    assert [("REC003", "/forums/0/cadence")] == [(s.code, s.path) for s in report.skipped]


def test_an_exemption_that_exempts_nothing_is_reported_where_it_stands() -> None:
    agreement = attrs.evolve(
        clean_agreement(), exemptions=(Exemption("SIG003", "a guest signed, once"),)
    )
    report = validate(agreement, select=["SIG003", "INT011"])
    assert [("INT011", "/exemptions/0")] == [(f.code, f.path) for f in report.findings]
    assert "SIG003" in report.findings[0].message.en
    assert "SIG003" in report.findings[0].message.sv


def test_an_exemption_in_use_is_not_reported_as_unused() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        parties=("bun", "sn"),
        exemptions=(Exemption("SIG003", "Kultur- och utbildningsnämnden signs as a guest"),),
    )
    assert () == validate(agreement, select=["SIG003", "INT011"]).codes()


def test_an_exemption_whose_rules_did_not_run_is_not_judged() -> None:
    agreement = attrs.evolve(
        clean_agreement(), exemptions=(Exemption("LIF", "renewal is under way"),)
    )
    assert () == validate(agreement, select=["INT011"]).codes()  # LIF not selected
    assert () == validate(agreement, select=["LIF", "INT011"]).codes()  # LIF needs today


def test_an_exemption_may_name_a_rule_by_its_symbolic_name() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        parties=("bun", "sn"),
        exemptions=(Exemption("assenting-bodies-are-parties", "a guest signs"),),
    )
    report = validate(agreement, select=["SIG003", "INT007", "INT011"])
    assert () == report.findings
    assert ["SIG003"] == [e.finding.code for e in report.exempted]


def test_a_finding_carries_the_values_its_message_was_made_from() -> None:
    agreement = busmodel.load_agreement("examples/alingsas-bus-2023-corrected.toml")
    records = busmodel.load_records("examples/alingsas-records-2023-2025.toml")
    report = validate(agreement, today=dt.date(2026, 11, 27), records=records, select=["REC003"])
    [finding] = report.findings
    assert (dt.date(2024, 7, 1), dt.date(2024, 12, 31), 2024) == (
        finding.values["first"],
        finding.values["last"],
        finding.values["year"],
    )
    assert "2024" in finding.message.en


def test_options_out_of_range_are_the_callers_error_not_a_rule_bug() -> None:
    with pytest.raises(busmodel.ModelError, match="renewal_horizon_days"):
        busmodel.Options(renewal_horizon_days=-5)
    with pytest.raises(busmodel.ModelError, match="renewal_horizon_days"):
        busmodel.Options(renewal_horizon_days="90")  # type: ignore[arg-type]
