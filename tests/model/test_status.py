"""``busmodel.status``: where an agreement stands on a day, for a dashboard."""

import datetime as dt
from typing import Any

import attrs
import pytest

import busmodel
from busmodel import (
    Agreement,
    AgreementKind,
    Cadence,
    ChairRule,
    ChairTerm,
    Due,
    DueKind,
    Evaluation,
    Extensions,
    FollowUp,
    Forum,
    Meeting,
    MeetingKind,
    ModelError,
    Period,
    Records,
    Registry,
    ReportRecord,
    Review,
    ReviewRecord,
    Standing,
    Status,
    Validity,
    Window,
    load_agreement,
    load_records,
    status,
)
from busmodel.validation import Options
from tests.support.builders import (
    MANDATE_2023_2026,
    clean_agreement,
    extendable_agreement,
    extension_of,
)
from tests.support.paths import EXAMPLES

D = dt.date
TODAY = D(2026, 11, 27)
ALINGSAS = EXAMPLES / "alingsas-bus-2023-corrected.toml"
RECORDS = EXAMPLES / "alingsas-records-2023-2025.toml"


def alingsas() -> Agreement:
    return load_agreement(ALINGSAS)


def records(**changes: Any) -> Records:
    """The records of the clean agreement: both meetings of 2025 and its evaluation."""
    kept = Records(
        agreement="alingsas-bus-2023",
        meetings=(Meeting("politisk", D(2025, 4, 8)), Meeting("politisk", D(2025, 10, 14))),
        evaluations=(Evaluation("styrgrupp", 2025, D(2026, 3, 10)),),
    )
    return attrs.evolve(kept, **changes)


class OnlyExtensions:
    """A store that answers nothing but ``extensions_of``: the protocol at its least."""

    def __init__(self, *extensions: Agreement) -> None:
        self.extensions = extensions

    def extensions_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        return tuple(e for e in self.extensions if e.extends == agreement_id)


# -- the acceptance of issue 10 ----------------------------------------------------------------


def test_alingsas_on_27_november_2026_has_34_days_left_and_renewal_due() -> None:
    now = status(alingsas(), today=TODAY)

    assert (Standing.IN_FORCE, D(2026, 12, 31), 34, True) == (
        now.standing,
        now.effective_end,
        now.days_left,
        now.renewal_due,
    )


def test_an_agreement_extended_in_the_registry_ends_with_its_last_extension() -> None:
    registry = Registry.from_paths([EXAMPLES])
    kungalv = registry.agreement("kungalv-bus-2021")
    assert kungalv is not None

    now = status(kungalv, today=TODAY, registry=registry)

    assert (
        Standing.IN_FORCE,
        D(2022, 12, 31),
        D(2026, 12, 31),
        ("kungalv-bus-2021-forlangning-2023", "kungalv-bus-2021-forlangning-2025"),
        34,
        True,
    ) == (
        now.standing,
        now.end,
        now.effective_end,
        now.extended_by,
        now.days_left,
        now.renewal_due,
    )


def test_the_same_agreement_without_its_registry_has_expired() -> None:
    kungalv = load_agreement(EXAMPLES / "kungalv-bus-2021.toml")

    now = status(kungalv, today=TODAY)

    assert (Standing.EXPIRED, D(2022, 12, 31), -1427, False) == (
        now.standing,
        now.effective_end,
        now.days_left,
        now.renewal_due,
    )


def test_alingsas_is_chaired_by_its_committee_now_and_by_the_next_in_the_rotation_next() -> None:
    now = status(alingsas(), today=TODAY)

    assert ("barn-och-ungdomsnamnden", "socialnamnden", D(2027, 1, 1)) == (
        now.chair,
        now.next_chair,
        now.next_chair_from,
    )


# -- renewal ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (D(2026, 10, 1), False),  # 91 days left
        (D(2026, 10, 2), True),  # 90 days left: the horizon
        (D(2026, 12, 31), True),  # the last day
        (D(2027, 1, 1), False),  # expired: too late to renew, LIF002's business
    ],
)
def test_renewal_is_due_within_90_days_of_the_end_as_lif003_says(today: dt.date, due: bool) -> None:
    assert due == status(clean_agreement(), today=today).renewal_due


def test_the_default_renewal_horizon_is_that_of_rule_lif003() -> None:
    assert (
        Options().renewal_horizon_days
        == status(clean_agreement(), today=TODAY).renewal_horizon_days
    )


def test_the_renewal_horizon_can_be_set() -> None:
    now = status(clean_agreement(), today=TODAY, renewal_horizon_days=30)

    assert (False, 30) == (now.renewal_due, now.renewal_horizon_days)


def test_renewal_is_not_due_once_a_successor_exists() -> None:
    successor = attrs.evolve(
        clean_agreement(),
        id="alingsas-bus-2027",
        supersedes=("alingsas-bus-2023",),
        validity=Validity.for_mandate_period(2026),
    )
    registry = Registry.of([clean_agreement(), successor])

    now = status(clean_agreement(), today=TODAY, registry=registry)

    assert (False, "alingsas-bus-2027") == (now.renewal_due, now.continued_by)


def test_renewal_is_not_due_once_an_extension_after_a_gap_exists() -> None:
    later = extension_of(clean_agreement(), Period(D(2027, 3, 1), D(2028, 12, 31)), D(2026, 11, 2))

    now = status(clean_agreement(), today=TODAY, registry=Registry.of([later]))

    assert (D(2026, 12, 31), False, later.id) == (
        now.effective_end,
        now.renewal_due,
        now.continued_by,
    )


def test_any_store_with_extensions_of_serves_as_the_registry() -> None:
    agreement = extendable_agreement()
    extension = extension_of(agreement, Period(D(2023, 1, 1), D(2024, 12, 31)), D(2022, 10, 3))
    store = OnlyExtensions(extension)

    now = status(agreement, today=D(2024, 11, 1), registry=store)

    assert (D(2024, 12, 31), 60, True, None) == (
        now.effective_end,
        now.days_left,
        now.renewal_due,
        now.continued_by,
    )


def test_a_registry_is_an_extensions_store() -> None:
    registry: Extensions = Registry.of([])

    assert () == registry.extensions_of("a")


# -- standing --------------------------------------------------------------------------------


def test_an_agreement_without_a_validity_has_no_standing_in_time() -> None:
    now = status(attrs.evolve(clean_agreement(), validity=None), today=TODAY)

    assert (Standing.NO_VALIDITY, None, None, False, None) == (
        now.standing,
        now.effective_end,
        now.days_left,
        now.renewal_due,
        now.chair,
    )


def test_an_agreement_until_further_notice_has_no_end_and_no_renewal() -> None:
    agreement = attrs.evolve(
        clean_agreement(), validity=Validity.until_further_notice(D(2005, 1, 1))
    )

    now = status(agreement, today=TODAY)

    assert (True, None, None, False) == (
        now.in_force,
        now.effective_end,
        now.days_left,
        now.renewal_due,
    )


def test_an_agreement_not_yet_in_force_has_no_chair_yet_and_names_its_first() -> None:
    now = status(clean_agreement(), today=D(2022, 12, 20))

    assert (Standing.NOT_YET_IN_FORCE, None, "bun", D(2023, 1, 1)) == (
        now.standing,
        now.chair,
        now.next_chair,
        now.next_chair_from,
    )


def test_an_expired_agreement_has_no_chair() -> None:
    assert status(clean_agreement(), today=D(2027, 2, 1)).chair is None


def test_in_an_extension_the_chair_is_the_rotation_continued() -> None:
    agreement = extendable_agreement()  # bun chairs 2019-2022, rotation bun, sn, kun
    extension = extension_of(agreement, Period(D(2023, 1, 1), D(2024, 12, 31)), D(2022, 10, 3))

    now = status(agreement, today=D(2023, 6, 1), registry=Registry.of([agreement, extension]))

    assert (True, "sn", "kun", D(2027, 1, 1)) == (
        now.in_force,
        now.chair,
        now.next_chair,
        now.next_chair_from,
    )


def test_without_a_chair_rule_no_chair_is_named() -> None:
    now = status(attrs.evolve(clean_agreement(), chair=None), today=TODAY)

    assert (None, None, None) == (now.chair, now.next_chair, now.next_chair_from)


def test_an_open_chair_term_has_no_next_chair() -> None:
    rule = ChairRule(("bun", "sn"), (ChairTerm("bun", Period(D(2023, 1, 1))),))

    now = status(attrs.evolve(clean_agreement(), chair=rule), today=TODAY)

    assert ("bun", None) == (now.chair, now.next_chair)


def test_standing_is_told_in_both_languages() -> None:
    assert [("in force", "gäller"), ("expired", "har gått ut")] == [
        (Standing.IN_FORCE.text.en, Standing.IN_FORCE.text.sv),
        (Standing.EXPIRED.text.en, Standing.EXPIRED.text.sv),
    ]


# -- meeting windows -------------------------------------------------------------------------


def test_the_open_autumn_window_of_alingsas_has_not_had_its_meeting() -> None:
    now = status(alingsas(), today=TODAY, records=load_records(RECORDS))

    window = now.windows[0]
    assert (
        1,
        "politisk-samverkan",
        "autumn",
        D(2026, 7, 1),
        D(2026, 12, 31),
        True,
        1,
        0,
        False,
    ) == (
        len(now.windows),
        window.forum,
        window.window,
        window.first,
        window.last,
        window.open,
        window.required,
        window.held,
        window.met,
    )


def test_a_window_with_its_meeting_held_is_met() -> None:
    now = status(alingsas(), today=D(2026, 5, 1), records=load_records(RECORDS))

    assert [("spring", 1, True)] == [(w.window, w.held, w.met) for w in now.windows]


def test_an_extra_meeting_does_not_count_as_the_regular_one() -> None:
    kept = records(meetings=(Meeting("politisk", D(2026, 9, 1), MeetingKind.EXTRA),))

    now = status(clean_agreement(), today=TODAY, records=kept)

    assert [(0, False)] == [(w.held, w.met) for w in now.windows]


def test_a_meeting_after_today_is_not_yet_held() -> None:
    kept = records(meetings=(Meeting("politisk", D(2026, 12, 10)),))

    assert [0] == [w.held for w in status(clean_agreement(), today=TODAY, records=kept).windows]


def test_without_records_what_was_held_is_not_known() -> None:
    now = status(clean_agreement(), today=TODAY)

    assert [(None, None)] == [(w.held, w.met) for w in now.windows]
    assert now.due is None


def test_between_windows_the_next_one_is_shown() -> None:
    cadence = Cadence(2, (Window("vår", (2, 5)), Window("höst", (9, 11))))
    forum = Forum("politisk", "Politisk samverkan", cadence=cadence)
    agreement = attrs.evolve(clean_agreement(), forums=(forum,))

    summer, winter = (
        status(agreement, today=day, records=records()).windows[0]
        for day in (D(2026, 7, 15), D(2026, 12, 15))
    )

    assert [("höst", D(2026, 9, 1), False, None), ("vår", D(2027, 2, 1), False, None)] == [
        (summer.window, summer.first, summer.open, summer.met),
        (winter.window, winter.first, winter.open, winter.met),
    ]
    assert "Politisk samverkan: nästa mötesperiod, hösten 2026, börjar 2026-09-01" == summer.text.sv


def test_a_cadence_without_windows_has_the_year_as_its_window() -> None:
    forum = Forum("styrgrupp", "BUS styrgrupp", cadence=Cadence(4))
    kept = records(
        meetings=(Meeting("styrgrupp", D(2026, 3, 1)), Meeting("styrgrupp", D(2026, 6, 1)))
    )

    now = status(attrs.evolve(clean_agreement(), forums=(forum,)), today=TODAY, records=kept)

    assert [(None, D(2026, 1, 1), D(2026, 12, 31), 4, 2, False)] == [
        (w.window, w.first, w.last, w.required, w.held, w.met) for w in now.windows
    ]


def test_a_forum_that_meets_only_when_needed_has_no_window() -> None:
    forum = Forum("ledning", "Ledningsgrupp", cadence=Cadence(extra_meetings=True))

    now = status(attrs.evolve(clean_agreement(), forums=(forum,)), today=TODAY)

    assert () == now.windows


def test_an_agreement_not_in_force_shows_no_windows() -> None:
    assert () == status(clean_agreement(), today=D(2027, 3, 1)).windows


def test_the_window_is_told_in_both_languages() -> None:
    window = status(alingsas(), today=TODAY, records=load_records(RECORDS)).windows[0]

    assert (
        "Politisk samverkan, autumn 2026 (2026-07-01 – 2026-12-31): regular meetings held 0 of 1",
        "Politisk samverkan, hösten 2026 (2026-07-01 – 2026-12-31): ordinarie möten hållna 0 av 1",
    ) == (window.text.en, window.text.sv)


# -- what is due ---------------------------------------------------------------------------------


def test_alingsas_owes_no_evaluation_in_november_2026() -> None:
    assert () == status(alingsas(), today=TODAY, records=load_records(RECORDS)).due


def test_a_missing_evaluation_of_a_completed_year_is_due() -> None:
    now = status(clean_agreement(), today=TODAY, records=records(evaluations=()))

    assert now.due is not None
    assert [(DueKind.EVALUATION, y, "styrgrupp", True) for y in (2023, 2024, 2025)] == [
        (item.kind, item.year, item.forum, item.overdue) for item in now.due
    ]
    assert ("evaluation of 2023 (BUS styrgrupp)", "utvärdering av 2023 (BUS styrgrupp)") == (
        now.due[0].text.en,
        now.due[0].text.sv,
    )


def test_the_evaluation_of_the_current_year_is_not_due_before_it_ends() -> None:
    kept = records(
        evaluations=tuple(Evaluation("styrgrupp", y, D(y + 1, 3, 1)) for y in (2023, 2024, 2025))
    )

    assert () == status(clean_agreement(), today=TODAY, records=kept).due


def test_a_report_is_due_to_each_recipient_not_reported_to() -> None:
    reporting = Forum(
        "styrgrupp", "BUS styrgrupp", follow_up=FollowUp(duty="report", recipients=("bun", "sn"))
    )
    agreement = attrs.evolve(clean_agreement(), forums=(reporting,))
    kept = records(
        reports=tuple(
            ReportRecord("styrgrupp", recipient, year, D(year + 1, 2, 1))
            for year in (2023, 2024, 2025)
            for recipient in ("bun", "sn")
            if (year, recipient) != (2025, "sn")
        )
    )

    now = status(agreement, today=TODAY, records=kept)

    assert now.due is not None
    assert [(DueKind.REPORT, 2025, "styrgrupp", "sn")] == [
        (item.kind, item.year, item.forum, item.recipient) for item in now.due
    ]
    assert "redovisning av 2025 för Socialnämnden (BUS styrgrupp)" == now.due[0].text.sv


def test_annual_reviews_missed_are_overdue_and_this_years_is_due() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        validity=Validity.for_mandate_period(2022, review=Review.ANNUAL),
    )
    kept = records(
        evaluations=tuple(Evaluation("styrgrupp", y, D(y + 1, 3, 1)) for y in (2023, 2024, 2025)),
        reviews=(
            ReviewRecord(D(2023, 5, 1), "styrgrupp"),
            ReviewRecord(D(2025, 5, 1), "styrgrupp"),
        ),
    )

    now = status(agreement, today=TODAY, records=kept)

    assert now.due is not None
    assert [(DueKind.REVIEW, 2024, True), (DueKind.REVIEW, 2026, False)] == [
        (item.kind, item.year, item.overdue) for item in now.due
    ]
    assert "omprövning 2026, senast 2026-12-31" == now.due[1].text.sv


def test_an_extended_agreement_owes_the_years_of_its_extensions_too() -> None:
    agreement = extendable_agreement()  # 2021-2022, the steering group evaluates each year
    extension = extension_of(agreement, Period(D(2023, 1, 1), D(2024, 12, 31)), D(2022, 10, 3))
    kept = Records(
        agreement=agreement.id,
        evaluations=tuple(Evaluation("styrgrupp", y, D(y + 1, 3, 1)) for y in (2021, 2022)),
    )

    now = status(agreement, today=D(2024, 6, 1), records=kept, registry=Registry.of([extension]))

    assert now.due is not None
    assert [2023] == [item.year for item in now.due]


def test_records_of_another_agreement_are_refused() -> None:
    with pytest.raises(ModelError) as raised:
        status(clean_agreement(), today=TODAY, records=Records(agreement="annan"))

    assert "records" == raised.value.field


# -- the arguments and the value ---------------------------------------------------------------


@pytest.mark.parametrize("today", ["2026-11-27", dt.datetime(2026, 11, 27, 12), D(2200, 1, 1)])
def test_today_must_be_a_date_busmodel_knows(today: object) -> None:
    with pytest.raises(ModelError) as raised:
        status(clean_agreement(), today=today)  # type: ignore[arg-type]

    assert "today" == raised.value.field


def test_a_status_whose_days_left_do_not_match_its_end_is_refused() -> None:
    now = status(clean_agreement(), today=TODAY)

    with pytest.raises(ModelError) as raised:
        attrs.evolve(now, days_left=35)

    assert "days_left" == raised.value.field


def test_a_status_is_a_frozen_value_that_compares_by_its_fields() -> None:
    now = status(alingsas(), today=TODAY, records=load_records(RECORDS))

    assert now == status(alingsas(), today=TODAY, records=load_records(RECORDS))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        now.days_left = 1  # type: ignore[misc]


def test_the_status_names_are_public_and_show_busmodel_as_their_module() -> None:
    assert [("busmodel", n) for n in ("Due", "Standing", "Status", "status")] == [
        (getattr(busmodel, n).__module__, n) for n in ("Due", "Standing", "Status", "status")
    ]
    assert busmodel.model.Status is Status
    assert busmodel.model.Due is Due


def test_an_extension_document_has_a_status_of_its_own() -> None:
    extension = extension_of(
        clean_agreement(), Period(D(2027, 1, 1), D(2028, 12, 31)), D(2026, 10, 3)
    )
    assert extension.kind is AgreementKind.EXTENSION

    now = status(extension, today=TODAY)

    assert (Standing.NOT_YET_IN_FORCE, D(2028, 12, 31)) == (now.standing, now.effective_end)
    assert MANDATE_2023_2026.end == status(clean_agreement(), today=TODAY).effective_end


def test_a_draft_stands_as_a_draft_with_no_renewal_due() -> None:
    alingsas = busmodel.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")
    draft = busmodel.renew(alingsas, document_date=dt.date(2026, 11, 27))
    now = busmodel.status(draft, today=dt.date(2030, 11, 27))
    assert (busmodel.Standing.DRAFT, False) == (now.standing, now.renewal_due)


def test_an_agreement_long_ended_has_no_next_chair() -> None:
    alingsas = busmodel.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")
    later = busmodel.status(alingsas, today=dt.date(2040, 1, 1))
    assert (busmodel.Standing.EXPIRED, None, None) == (
        later.standing,
        later.chair,
        later.next_chair,
    )
