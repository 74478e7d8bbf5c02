import datetime as dt

import attrs

import busmodel as bm
from busmodel import validate
from tests.support.builders import check, clean_agreement
from tests.support.paths import EXAMPLES

REGULAR, EXTRA = bm.MeetingKind.REGULAR, bm.MeetingKind.EXTRA


def _meeting(day: dt.date, kind: bm.MeetingKind = REGULAR, forum: str = "politisk") -> bm.Meeting:
    return bm.Meeting(forum, day, kind)


def _records(*meetings: bm.Meeting, evaluated: tuple[int, ...] = (2023,)) -> bm.Records:
    evaluations = tuple(
        bm.Evaluation("styrgrupp", year, dt.date(year + 1, 2, 15)) for year in evaluated
    )
    return bm.Records(agreement="alingsas-bus-2023", meetings=meetings, evaluations=evaluations)


def clean_records() -> bm.Records:
    """The records of the clean agreement as they should stand on 2024-03-01."""
    return _records(
        _meeting(dt.date(2023, 4, 18)),
        _meeting(dt.date(2023, 10, 17)),
    )


def records_missing_autumn_2024() -> bm.Records:
    """Two years of the political forum, without its autumn meeting of 2024."""
    return _records(
        _meeting(dt.date(2023, 4, 18)),
        _meeting(dt.date(2023, 10, 17)),
        _meeting(dt.date(2024, 2, 6), EXTRA),
        _meeting(dt.date(2024, 5, 14)),
        _meeting(dt.date(2025, 4, 8)),
        evaluated=(2023, 2024),
    )


def _without_extra_meetings() -> bm.Agreement:
    agreement = clean_agreement()
    politisk = agreement.forums[0]
    assert politisk.cadence is not None
    cadence = attrs.evolve(politisk.cadence, extra_meetings=False)
    forums = (attrs.evolve(politisk, cadence=cadence), *agreement.forums[1:])
    return attrs.evolve(agreement, forums=forums)


def test_clean_records_pass_the_compliance_rules() -> None:
    assert () == check(clean_agreement(), "REC", records=clean_records()).findings


def test_the_compliance_rules_are_skipped_without_records() -> None:
    report = check(clean_agreement(), "REC")
    assert [f"REC00{n}" for n in range(1, 10)] == [s.code for s in report.skipped]


def test_the_compliance_rules_are_named_for_what_they_require() -> None:
    assert {
        "REC001": "records-belong-to-agreement",
        "REC002": "recorded-forums-and-bodies-exist",
        "REC003": "regular-meetings-held",
        "REC004": "yearly-evaluations-made",
        "REC005": "meetings-in-validity",
        "REC006": "extra-meetings-only-when-allowed",
        "REC007": "extra-meetings-counted",
        "REC008": "yearly-reports-made",
        "REC009": "annual-reviews-held",
    } == {rule.code: rule.name for rule in bm.rules() if rule.area == "REC"}


def test_a_compliance_rule_is_selected_by_its_name() -> None:
    records = attrs.evolve(clean_records(), agreement="partille-bus")
    report = check(clean_agreement(), "records-belong-to-agreement", records=records)
    assert ("REC001",) == report.codes()


def test_rec001_records_of_another_agreement_point_into_the_records() -> None:
    records = attrs.evolve(clean_records(), agreement="partille-bus")
    [finding] = check(clean_agreement(), "REC001", records=records).findings
    assert (bm.Severity.ERROR, "records:/agreement") == (finding.severity, finding.path)
    assert ("/id",) == finding.related
    assert (
        "protokollen förs för överenskommelsen 'partille-bus', inte för 'alingsas-bus-2023'"
        == finding.message.sv
    )
    assert finding.message.sv != finding.message.en


def test_rec001_the_other_rules_ignore_records_of_another_agreement() -> None:
    records = attrs.evolve(bm.Records(agreement="partille-bus"), meetings=clean_records().meetings)
    assert ("REC001",) == tuple(
        f.code
        for f in check(
            clean_agreement(), "REC", records=records, today=dt.date(2027, 6, 1)
        ).findings
    )


def test_rec002_a_meeting_or_evaluation_of_an_unknown_forum_is_an_error() -> None:
    records = _records(
        _meeting(dt.date(2023, 4, 18)),
        _meeting(dt.date(2023, 10, 17)),
        _meeting(dt.date(2023, 11, 7), forum="arbetsgrupp"),
    )
    records = attrs.evolve(
        records,
        evaluations=(*records.evaluations, bm.Evaluation("okand", 2023, dt.date(2024, 1, 9))),
    )
    findings = check(clean_agreement(), "REC002", records=records).findings
    assert ["records:/evaluations/1/forum", "records:/meetings/2/forum"] == [
        f.path for f in findings
    ]
    assert "the agreement has no forum with the id 'arbetsgrupp'" == findings[1].message.en


def test_rec003_the_missed_autumn_meeting_of_2024_is_reported_on_its_window() -> None:
    findings = check(
        clean_agreement(),
        "REC003",
        records=records_missing_autumn_2024(),
        today=dt.date(2025, 11, 1),
    ).findings
    [finding] = findings
    assert (bm.Severity.ERROR, "/forums/0/cadence/windows/1") == (finding.severity, finding.path)
    assert "no regular meeting in autumn 2024" in finding.message.en
    assert "inget ordinarie möte under hösten 2024" in finding.message.sv
    assert "2024-07-01 – 2024-12-31" in finding.message.en


def test_rec003_a_window_not_yet_ended_is_not_checked() -> None:
    # On 2024-12-31 the autumn window of 2024 is still open.
    assert (
        ()
        == check(
            clean_agreement(),
            "REC003",
            records=records_missing_autumn_2024(),
            today=dt.date(2024, 12, 31),
        ).findings
    )
    assert 1 == len(
        check(
            clean_agreement(),
            "REC003",
            records=records_missing_autumn_2024(),
            today=dt.date(2025, 1, 1),
        ).findings
    )


def test_rec003_an_extra_meeting_does_not_stand_in_for_a_regular_one() -> None:
    records = _records(_meeting(dt.date(2023, 3, 1), EXTRA), _meeting(dt.date(2023, 10, 17)))
    [finding] = check(clean_agreement(), "REC003", records=records).findings
    assert "/forums/0/cadence/windows/0" == finding.path
    assert "spring 2023" in finding.message.en


def test_rec003_windows_outside_the_validity_are_not_checked() -> None:
    # Validity from 2023-03-01: the spring window of 2023 is not wholly inside it.
    agreement = clean_agreement()
    assert agreement.validity is not None
    period = bm.Period(dt.date(2023, 3, 1), dt.date(2026, 12, 31))
    agreement = attrs.evolve(agreement, validity=attrs.evolve(agreement.validity, period=period))
    records = _records(_meeting(dt.date(2023, 10, 17)))
    assert () == check(agreement, "REC003", records=records).findings


def test_rec003_every_missed_window_of_every_year_is_reported() -> None:
    findings = check(
        clean_agreement(), "REC003", records=_records(), today=dt.date(2027, 1, 1)
    ).findings
    assert 8 == len(findings)  # spring and autumn of 2023-2026
    assert [f"/forums/0/cadence/windows/{j}" for j in (0, 0, 0, 0, 1, 1, 1, 1)] == [
        f.path for f in findings
    ]


def _without_windows(meetings_per_year: int = 2) -> bm.Agreement:
    """The clean agreement, its political forum meeting so often a year in no set windows."""
    agreement = clean_agreement()
    politisk = agreement.forums[0]
    cadence = bm.Cadence(meetings_per_year, extra_meetings=True)
    forums = (attrs.evolve(politisk, cadence=cadence), *agreement.forums[1:])
    return attrs.evolve(agreement, forums=forums)


def test_rec003_without_windows_a_completed_year_short_of_meetings_is_an_error() -> None:
    records = _records(
        _meeting(dt.date(2023, 10, 17)),
        _meeting(dt.date(2023, 11, 7), EXTRA),  # an extra meeting does not count
        _meeting(dt.date(2024, 2, 6)),
    )
    [finding] = check(_without_windows(), "REC003", records=records).findings
    assert (bm.Severity.ERROR, "/forums/0/cadence/meetings_per_year") == (
        finding.severity,
        finding.path,
    )
    assert (
        "Politisk samverkan held 1 regular meeting in 2023, but its cadence asks for 2 a year"
        == finding.message.en
    )
    assert (
        "Politisk samverkan höll 1 ordinarie möte under 2023, men mötesordningen kräver 2 per år"
        == finding.message.sv
    )


def test_rec003_without_windows_every_completed_year_is_counted_on_its_own() -> None:
    records = _records(_meeting(dt.date(2024, 5, 14)), _meeting(dt.date(2024, 10, 1)))
    report = check(_without_windows(), "REC003", records=records, today=dt.date(2026, 1, 1))
    assert [
        "Politisk samverkan held 0 regular meetings in 2023, but its cadence asks for 2 a year",
        "Politisk samverkan held 0 regular meetings in 2025, but its cadence asks for 2 a year",
    ] == [f.message.en for f in report.findings]


def test_rec003_without_windows_enough_meetings_in_each_completed_year_pass() -> None:
    records = _records(_meeting(dt.date(2023, 10, 17)), _meeting(dt.date(2023, 12, 5)))
    assert () == check(_without_windows(), "REC003", records=records).findings
    # 2024 has not ended on 2024-12-31, so its missing meetings are not yet due.
    on_new_years_eve = check(
        _without_windows(), "REC003", records=records, today=dt.date(2024, 12, 31)
    )
    assert () == on_new_years_eve.findings


def test_rec003_without_windows_a_year_partly_outside_the_validity_is_not_counted() -> None:
    agreement = _without_windows()
    assert agreement.validity is not None
    period = bm.Period(dt.date(2023, 3, 1), dt.date(2026, 12, 31))
    agreement = attrs.evolve(agreement, validity=attrs.evolve(agreement.validity, period=period))
    assert () == check(agreement, "REC003", records=_records()).findings


def test_rec004_a_completed_year_without_evaluation_is_reported_on_the_follow_up() -> None:
    records = attrs.evolve(records_missing_autumn_2024(), evaluations=clean_records().evaluations)
    [finding] = check(
        clean_agreement(), "REC004", records=records, today=dt.date(2025, 3, 1)
    ).findings
    assert (bm.Severity.ERROR, "/forums/1/follow_up") == (finding.severity, finding.path)
    assert "BUS styrgrupp har inte utvärderat 2024" == finding.message.sv


def test_rec004_the_current_year_is_not_yet_due() -> None:
    assert (
        ()
        == check(
            clean_agreement(), "REC004", records=clean_records(), today=dt.date(2024, 12, 31)
        ).findings
    )


def test_rec004_only_years_wholly_within_the_validity_count() -> None:
    agreement = clean_agreement()
    assert agreement.validity is not None
    period = bm.Period(dt.date(2023, 1, 2), dt.date(2026, 12, 31))
    agreement = attrs.evolve(agreement, validity=attrs.evolve(agreement.validity, period=period))
    assert () == check(agreement, "REC004", records=_records(evaluated=())).findings


def test_rec005_a_meeting_outside_the_validity_is_a_warning() -> None:
    records = _records(*clean_records().meetings, _meeting(dt.date(2022, 11, 8)))
    [finding] = check(clean_agreement(), "REC005", records=records).findings
    assert (bm.Severity.WARNING, "records:/meetings/2/date") == (finding.severity, finding.path)
    assert ("/validity/period",) == finding.related
    assert "2022-11-08" in finding.message.en


def test_rec005_meetings_on_the_first_and_last_day_are_inside() -> None:
    records = _records(_meeting(dt.date(2023, 1, 1)), _meeting(dt.date(2026, 12, 31)))
    assert () == check(clean_agreement(), "REC005", records=records).findings


def test_rec006_an_extra_meeting_the_cadence_does_not_allow_is_a_warning() -> None:
    records = records_missing_autumn_2024()
    [finding] = check(_without_extra_meetings(), "REC006", records=records).findings
    assert (bm.Severity.WARNING, "records:/meetings/2") == (finding.severity, finding.path)
    assert ("/forums/0/cadence/extra_meetings",) == finding.related
    assert "2024-02-06" in finding.message.sv


def test_rec006_extra_meetings_are_allowed_when_the_cadence_says_so() -> None:
    assert () == check(clean_agreement(), "REC006", records=records_missing_autumn_2024()).findings


def test_rec007_allowed_extra_meetings_are_counted_once_per_forum() -> None:
    records = _records(
        *records_missing_autumn_2024().meetings,
        _meeting(dt.date(2023, 9, 12), EXTRA),
        _meeting(dt.date(2024, 1, 16), EXTRA, forum="ledning"),  # a forum without a cadence
    )
    findings = check(clean_agreement(), "REC007", records=records).findings
    assert [(bm.Severity.INFO, "/forums/0"), (bm.Severity.INFO, "/forums/2")] == [
        (f.severity, f.path) for f in findings
    ]
    assert "Politisk samverkan: 2 extra meetings held (2023-09-12 and 2024-02-06)" == (
        findings[0].message.en
    )
    assert "Politisk samverkan: 2 extra möten hölls (2023-09-12 och 2024-02-06)" == (
        findings[0].message.sv
    )
    assert "Ledningsgrupp: 1 extra möte hölls (2024-01-16)" == findings[1].message.sv


def test_rec007_nothing_is_counted_without_extra_meetings() -> None:
    assert () == check(clean_agreement(), "REC007", records=clean_records()).findings


def test_rec007_disallowed_extra_meetings_are_left_to_rec006() -> None:
    records = records_missing_autumn_2024()
    assert () == check(_without_extra_meetings(), "REC007", records=records).findings


def test_the_example_records_miss_the_autumn_meeting_of_2024() -> None:
    agreement = bm.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")
    records = bm.load_records(EXAMPLES / "alingsas-records-2023-2025.toml")
    report = validate(agreement, today=dt.date(2025, 12, 31), records=records, select=["REC"])
    assert ("REC007", "REC003") == report.codes()  # /forums/0 sorts before its windows
    [extra, missed] = report.findings
    assert "autumn 2024" in missed.message.en
    assert "1 extra meeting held" in extra.message.en


def _loose_cadence(*, when_needed: bool = False) -> bm.Agreement:
    """The clean agreement, its political forum meeting "several times a year" (no number).

    ``when_needed``: the cadence allows extra meetings, as "vid behov" is written.
    """
    agreement = clean_agreement()
    cadence = bm.Cadence(extra_meetings=when_needed)
    politisk = attrs.evolve(agreement.forums[0], cadence=cadence)
    return attrs.evolve(agreement, forums=(politisk, *agreement.forums[1:]))


def test_rec003_a_group_that_meets_when_needed_is_asked_for_no_regular_meeting() -> None:
    # "Gruppen träffas vid behov" (Stenungsund): records of reviews only, no meetings.
    records = _records(evaluated=())
    report = check(_loose_cadence(when_needed=True), "REC003", records=records)
    assert () == report.findings


def test_rec003_a_cadence_without_a_number_is_met_by_one_regular_meeting_a_year() -> None:
    # "Flera gånger per år" crashed before; one regular meeting in the year now meets it.
    records = _records(_meeting(dt.date(2023, 10, 17)))
    assert () == check(_loose_cadence(), "REC003", records=records).findings


def test_rec003_a_cadence_without_a_number_still_reports_a_year_without_a_meeting() -> None:
    records = _records(_meeting(dt.date(2023, 11, 7), EXTRA))
    [finding] = check(_loose_cadence(), "REC003", records=records).findings
    assert (bm.Severity.ERROR, "/forums/0/cadence") == (finding.severity, finding.path)
    assert (
        "Politisk samverkan held no regular meeting in 2023; its cadence gives no number "
        "of meetings, but asks for at least one a year" == finding.message.en
    )
    assert (
        "Politisk samverkan höll inget ordinarie möte under 2023; mötesordningen anger inget "
        "antal möten, men minst ett per år" == finding.message.sv
    )


def _reporting(*recipients: str) -> bm.Agreement:
    """The clean agreement, its steering group reporting each year to ``recipients``."""
    agreement = clean_agreement()
    follow_up = bm.FollowUp(duty=bm.Duty.REPORT, recipients=recipients)
    styrgrupp = attrs.evolve(agreement.forums[1], follow_up=follow_up)
    return attrs.evolve(agreement, forums=(agreement.forums[0], styrgrupp, agreement.forums[2]))


def _report(recipient: str, year: int = 2023) -> bm.ReportRecord:
    return bm.ReportRecord("styrgrupp", recipient, year, dt.date(year + 1, 2, 20))


def test_rec004_a_forum_that_reports_is_not_asked_to_evaluate() -> None:
    # "Redovisas årligen för varje nämnd": REC004 wanted an evaluation before; now REC008 asks.
    records = attrs.evolve(clean_records(), evaluations=(), reports=(_report("bun"),))
    assert () == check(_reporting("bun"), "REC004", records=records).findings
    evaluating = check(clean_agreement(), "REC004", records=records)
    assert ("REC004",) == evaluating.codes()


def test_rec008_a_missing_yearly_report_names_the_forum_the_recipient_and_the_year() -> None:
    records = attrs.evolve(clean_records(), reports=(_report("bun"),))
    [finding] = check(_reporting("bun", "sn"), "REC008", records=records).findings
    assert (bm.Severity.ERROR, "/forums/1/follow_up/recipients/1") == (
        finding.severity,
        finding.path,
    )
    assert "BUS styrgrupp has not reported 2023 to Socialnämnden" == finding.message.en
    assert "BUS styrgrupp har inte redovisat 2023 för Socialnämnden" == finding.message.sv


def test_rec008_a_report_to_each_recipient_for_each_completed_year_passes() -> None:
    reports = (_report("bun"), _report("sn"), _report("sn", 2024))
    records = attrs.evolve(clean_records(), reports=reports)
    assert () == check(_reporting("bun", "sn"), "REC008", records=records).findings
    # 2024 has ended on 2025-01-01; the report to bun for it is missing.
    late = check(_reporting("bun", "sn"), "REC008", records=records, today=dt.date(2025, 1, 1))
    assert ["BUS styrgrupp has not reported 2024 to Barn- och ungdomsnämnden"] == [
        f.message.en for f in late.findings
    ]


def _reviewed_annually() -> bm.Agreement:
    agreement = clean_agreement()
    assert agreement.validity is not None
    validity = attrs.evolve(agreement.validity, review=bm.Review.ANNUAL)
    return attrs.evolve(agreement, validity=validity)


def test_rec009_a_completed_year_without_a_review_is_an_error() -> None:
    [finding] = check(_reviewed_annually(), "REC009", records=clean_records()).findings
    assert (bm.Severity.ERROR, "/validity/review") == (finding.severity, finding.path)
    assert (
        "överenskommelsen omprövades inte under 2023, men den ska omprövas årligen"
        == finding.message.sv
    )


def test_rec009_a_review_in_each_completed_year_passes() -> None:
    review = bm.ReviewRecord(dt.date(2023, 11, 20), "styrgrupp", "Överenskommelsen gäller")
    records = attrs.evolve(clean_records(), reviews=(review,))
    assert () == check(_reviewed_annually(), "REC009", records=records).findings
    assert () == check(clean_agreement(), "REC009", records=clean_records()).findings


def test_rec002_a_review_or_report_by_an_unknown_body_or_forum_is_an_error() -> None:
    reviews = (
        bm.ReviewRecord(dt.date(2023, 11, 20), "sn"),
        bm.ReviewRecord(dt.date(2023, 11, 21), "styrgrupp"),
        bm.ReviewRecord(dt.date(2023, 11, 22), "okand"),
    )
    reports = (_report("bun"), bm.ReportRecord("okand", "ingen", 2023, dt.date(2024, 1, 9)))
    records = attrs.evolve(clean_records(), reviews=reviews, reports=reports)
    findings = check(clean_agreement(), "REC002", records=records).findings
    assert [
        "records:/reports/1/forum",
        "records:/reports/1/recipient",
        "records:/reviews/2/by",
    ] == [f.path for f in findings]
    assert "the agreement has no body or forum with the id 'okand'" == findings[2].message.en
