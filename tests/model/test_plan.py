import calendar
import datetime as dt
from typing import Any

import attrs
import pytest

import busmodel
from busmodel import (
    Agreement,
    Cadence,
    ChairRule,
    ChairTerm,
    Forum,
    ModelError,
    Period,
    PlannedMeeting,
    Validity,
    Window,
    plan,
)
from busmodel.model._calendar import holiday_name, is_working_day
from busmodel.model._plan import (
    _FRIDAY,
    DEFAULT_WEEKDAY,
    JULY_WEEKS,
    required_meetings,
    window_label,
)
from tests.support.paths import EXAMPLES

CORRECTED = EXAMPLES / "alingsas-bus-2023-corrected.toml"
SPRING = Window("spring", (1, 6), focus="tidigare och pågående satsningar")
AUTUMN = Window("autumn", (7, 12), focus="nuläge och framtid")


def renewed_alingsas() -> Agreement:
    """The corrected Alingsås agreement, moved to the mandate period 2027-2030."""
    agreement = busmodel.load_agreement(CORRECTED)
    return attrs.evolve(agreement, validity=Validity.for_mandate_period(2026))


def agreement_with(*cadences: Cadence, validity: Validity | None = None) -> Agreement:
    """An agreement in force 2023-2030 with one forum for each cadence given."""
    return Agreement(
        id="bus",
        title="BUS",
        validity=validity or Validity.fixed(dt.date(2023, 1, 1), dt.date(2030, 12, 31)),
        forums=[Forum(f"forum-{k}", f"Forum {k}", cadence=c) for k, c in enumerate(cadences)],
    )


def days(meetings: tuple[PlannedMeeting, ...]) -> list[dt.date]:
    return [meeting.date for meeting in meetings]


# -- The acceptance example --------------------------------------------------------


def test_the_renewed_alingsas_agreement_meets_politically_once_in_spring_and_once_in_autumn() -> (
    None
):
    meetings = plan(renewed_alingsas(), 2027)
    assert [("politisk-samverkan", "spring"), ("politisk-samverkan", "autumn")] == [
        (m.forum, m.window) for m in meetings
    ]
    assert all(m.date.year == 2027 for m in meetings)
    assert meetings[0].date.month <= 6 < meetings[1].date.month


def test_no_meeting_of_the_renewed_alingsas_agreement_is_on_a_weekend_or_holiday() -> None:
    for meeting in plan(renewed_alingsas(), 2027):
        assert meeting.date.weekday() < calendar.SATURDAY
        assert None is holiday_name(meeting.date)
        assert is_working_day(meeting.date)


def test_the_plan_of_the_renewed_alingsas_agreement_is_pinned() -> None:
    expected = (
        PlannedMeeting(
            "politisk-samverkan",
            dt.date(2027, 4, 6),
            window="spring",
            focus="tidigare och pågående satsningar",
            chair="socialnamnden",
        ),
        PlannedMeeting(
            "politisk-samverkan",
            dt.date(2027, 10, 19),
            window="autumn",
            focus="nuläge och framtid",
            chair="socialnamnden",
        ),
    )
    assert expected == plan(renewed_alingsas(), 2027)


def test_the_agreement_renew_drafts_is_planned_for_2027_like_the_moved_one() -> None:
    agreement = busmodel.load_agreement(CORRECTED)
    draft = busmodel.renew(agreement, document_date=dt.date(2026, 11, 27))
    assert plan(renewed_alingsas(), 2027) == plan(draft, 2027)


def test_the_chair_of_a_recorded_term_is_named_on_each_meeting() -> None:
    agreement = busmodel.load_agreement(CORRECTED)
    assert ["barn-och-ungdomsnamnden"] * 2 == [m.chair for m in plan(agreement, 2024)]


def test_the_chair_derived_from_the_rotation_is_named_after_the_recorded_terms() -> None:
    # The recorded term ends with 2026; the rotation passes the chair on to Socialnämnden.
    assert ["socialnamnden"] * 2 == [m.chair for m in plan(renewed_alingsas(), 2027)]


def test_each_meeting_names_the_agreements_chair_on_its_day() -> None:
    agreement = attrs.evolve(
        agreement_with(Cadence(2, (SPRING, AUTUMN))),
        chair=ChairRule(
            ["bun", "sn"],
            [
                ChairTerm("bun", Period(dt.date(2023, 1, 1), dt.date(2025, 6, 30))),
                ChairTerm("sn", Period(dt.date(2025, 7, 1), dt.date(2026, 12, 31)), "byte"),
            ],
            mid_period_changes=True,
        ),
    )
    meetings = plan(agreement, 2025)
    assert [agreement.chair_on(m.date) for m in meetings] == [m.chair for m in meetings]
    assert ["bun", "sn"] == [m.chair for m in meetings]


def test_an_agreement_without_a_chair_rule_plans_meetings_without_a_chair() -> None:
    assert [None] == [m.chair for m in plan(agreement_with(Cadence(1)), 2025)]


# -- Counting the meetings -------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        (Cadence(2, (SPRING, AUTUMN)), (1, 1)),
        (Cadence(None, (SPRING, AUTUMN)), (1, 1)),
        (Cadence(1, (SPRING, AUTUMN)), (1, 1)),
        (Cadence(4, (SPRING, AUTUMN)), (2, 2)),
        (Cadence(5, (SPRING, AUTUMN)), (3, 2)),
        (Cadence(4), (4,)),
        (Cadence(), (1,)),
        (Cadence(None, extra_meetings=True), ()),
        (Cadence(3, extra_meetings=True), (3,)),
    ],
)
def test_the_required_meetings_are_counted_as_rule_rec003_counts_them(
    cadence: Cadence, expected: tuple[int, ...]
) -> None:
    assert expected == required_meetings(cadence)


def test_a_forum_without_a_cadence_or_that_meets_only_when_needed_gets_no_meeting() -> None:
    agreement = agreement_with(Cadence(None, extra_meetings=True))
    agreement = attrs.evolve(agreement, forums=[*agreement.forums, Forum("ingen", "Ingen")])
    assert () == plan(agreement, 2025)


def test_a_cadence_without_a_number_or_windows_meets_once_in_the_middle_of_the_year() -> None:
    assert [dt.date(2025, 6, 17)] == days(plan(agreement_with(Cadence()), 2025))


def test_more_meetings_than_windows_are_spread_over_the_windows_in_order() -> None:
    meetings = plan(agreement_with(Cadence(3, (SPRING, AUTUMN))), 2025)
    assert ["spring", "spring", "autumn"] == [m.window for m in meetings]


def test_a_cadence_without_windows_spreads_its_meetings_over_the_year() -> None:
    meetings = plan(agreement_with(Cadence(4)), 2025)
    # 2025 has 47 free Tuesdays (52, less ISO weeks 27-31): the 6th, 18th, 30th and 42nd.
    assert [
        dt.date(2025, 2, 11),
        dt.date(2025, 5, 6),
        dt.date(2025, 9, 2),
        dt.date(2025, 11, 25),
    ] == days(meetings)
    assert [None] * 4 == [m.window for m in meetings]


# -- Where meetings may fall -----------------------------------------------------


def test_meetings_fall_on_the_preferred_weekday() -> None:
    agreement = agreement_with(Cadence(4, (SPRING, AUTUMN)))
    for weekday in range(5):
        assert {weekday} == {m.date.weekday() for m in plan(agreement, 2025, weekday=weekday)}


def test_a_holiday_on_the_preferred_weekday_moves_the_meeting_to_another_week() -> None:
    december = Window("december", (12, 12))
    # Tuesdays of December 2024: 3, 10, 17, 24 (Julafton), 31 (Nyårsafton).
    assert [dt.date(2024, 12, d) for d in (3, 10, 17)] == days(
        plan(agreement_with(Cadence(3, (december,))), 2024)
    )


def test_when_the_preferred_weekdays_run_out_a_meeting_takes_the_nearest_free_day() -> None:
    december = Window("december", (12, 12))
    # Week 52 (Julafton on the Tuesday, the 25th and 26th holidays): Monday the 23rd;
    # week 1 of 2025 (Nyårsafton on the Tuesday): Monday the 30th.
    assert [dt.date(2024, 12, d) for d in (3, 10, 23, 30)] == days(
        plan(agreement_with(Cadence(4, (december,))), 2024)
    )


def test_no_meeting_falls_on_midsommarafton() -> None:
    june = Window("june", (6, 6))
    meetings = plan(agreement_with(Cadence(4, (june,))), 2026, weekday=calendar.FRIDAY)
    # Midsommarafton is Friday 2026-06-19: that week meets on the Thursday.
    assert [dt.date(2026, 6, d) for d in (5, 12, 18, 26)] == days(meetings)


def test_no_meeting_falls_in_the_july_holiday_weeks() -> None:
    summer = Window("summer", (7, 8))
    meetings = plan(agreement_with(Cadence(1, (summer,))), 2027)
    # Tuesdays 6 July - 3 August 2027 are in ISO weeks 27-31.
    assert [dt.date(2027, 8, 24)] == days(meetings)
    assert (27, 28, 29, 30, 31) == JULY_WEEKS


def test_the_holiday_weeks_can_be_chosen() -> None:
    summer = Window("july", (7, 7))
    meetings = plan(agreement_with(Cadence(1, (summer,))), 2027, holiday_weeks=())
    assert [dt.date(2027, 7, 20)] == days(meetings)


def test_no_meeting_falls_in_a_period_to_avoid() -> None:
    agreement = agreement_with(Cadence(1, (SPRING,)))
    before = plan(agreement, 2025)
    around = Period(before[0].date - dt.timedelta(days=10), before[0].date + dt.timedelta(days=10))
    after = plan(agreement, 2025, avoid=[around])
    assert not around.contains(after[0].date)
    assert 1 == len(after)


def test_a_period_to_avoid_without_an_end_blocks_every_day_from_its_start() -> None:
    agreement = agreement_with(Cadence(1, (AUTUMN,)))
    meetings = plan(agreement, 2025, avoid=[Period(dt.date(2025, 9, 1))])
    # Free Tuesdays: 5, 12, 19 and 26 August (ISO week 31 ends on 3 August).
    assert [dt.date(2025, 8, 19)] == days(meetings)


def test_a_window_whose_days_are_all_avoided_cannot_be_planned() -> None:
    agreement = agreement_with(Cadence(2, (SPRING, AUTUMN)))
    with pytest.raises(ModelError) as raised:
        plan(agreement, 2025, avoid=[Period(dt.date(2025, 7, 1), dt.date(2025, 12, 31))])
    assert "cadence" == raised.value.field
    assert "forums/0/cadence/windows/1" == raised.value.path
    assert (
        "Forum 0 cannot hold one meeting in the window 'autumn' of 2025 (2025-07-01 – "
        "2025-12-31): no week has a working day that is neither a holiday nor in the summer "
        "holiday weeks or a period to avoid"
    ) == raised.value.message
    assert raised.value.text.sv.startswith("Forum 0 kan inte hålla ett möte under mötesperioden")


def test_a_window_with_fewer_free_weeks_than_meetings_cannot_be_planned() -> None:
    february = Window("februari", (2, 2))
    with pytest.raises(ModelError) as raised:
        plan(agreement_with(Cadence(5, (february,))), 2025)
    assert "only 4 of its weeks have" in raised.value.message


def test_two_meetings_of_a_forum_never_share_a_week() -> None:
    meetings = plan(agreement_with(Cadence(40)), 2025)
    weeks = [m.week for m in meetings]
    assert 40 == len(set(weeks))


def test_overlapping_windows_never_put_two_meetings_of_a_forum_in_one_week() -> None:
    overlapping = Cadence(2, (Window("a", (3, 3)), Window("b", (3, 3))))
    meetings = plan(agreement_with(overlapping), 2025)
    assert 2 == len({m.week for m in meetings})


def test_two_forums_may_meet_in_the_same_week() -> None:
    meetings = plan(agreement_with(Cadence(1, (SPRING,)), Cadence(1, (SPRING,))), 2025)
    assert ["forum-0", "forum-1"] == [m.forum for m in meetings]
    assert meetings[0].date == meetings[1].date


# -- Validity -------------------------------------------------------------------


def test_a_window_not_wholly_in_force_is_not_planned() -> None:
    from_signing = Validity.from_signing(dt.date(2021, 3, 22), dt.date(2022, 12, 31))
    meetings = plan(agreement_with(Cadence(2, (SPRING, AUTUMN)), validity=from_signing), 2021)
    assert ["autumn"] == [m.window for m in meetings]


def test_a_year_the_agreement_is_in_force_but_holds_no_whole_window_gives_an_empty_plan() -> None:
    council = Validity.for_mandate_period(busmodel.MandatePeriod(2022, "council"))
    assert () == plan(agreement_with(Cadence(2, (SPRING, AUTUMN)), validity=council), 2022)


def test_a_year_the_agreement_is_not_in_force_is_an_error() -> None:
    with pytest.raises(ModelError) as raised:
        plan(busmodel.load_agreement(CORRECTED), 2027)
    assert "year" == raised.value.field
    assert (
        "the agreement 'alingsas-bus-2023' is not in force in 2027 "
        "(it is in force 2023-01-01 – 2026-12-31)"
    ) == raised.value.message


def test_an_agreement_without_a_validity_cannot_be_planned() -> None:
    with pytest.raises(ModelError) as raised:
        plan(Agreement(id="bus", title="BUS"), 2025)
    assert "year" == raised.value.field


def test_an_agreement_until_further_notice_is_planned_for_any_later_year() -> None:
    open_ended = Validity.until_further_notice(dt.date(2018, 6, 1))
    assert 2 == len(plan(agreement_with(Cadence(2, (SPRING, AUTUMN)), validity=open_ended), 2031))


# -- The arguments --------------------------------------------------------------


def test_time_and_duration_are_those_of_every_meeting() -> None:
    meetings = plan(
        agreement_with(Cadence(2, (SPRING, AUTUMN))),
        2025,
        time=dt.time(9, 30),
        duration=dt.timedelta(minutes=90),
    )
    assert {(dt.time(9, 30), dt.time(11, 0))} == {(m.start, m.end) for m in meetings}


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"weekday": calendar.SATURDAY}, "weekday"),
        ({"weekday": -1}, "weekday"),
        ({"weekday": True}, "weekday"),
        ({"weekday": "tue"}, "weekday"),
        ({"time": dt.time(13, tzinfo=dt.UTC)}, "time"),
        ({"time": "13:00"}, "time"),
        ({"duration": dt.timedelta(0)}, "duration"),
        ({"time": dt.time(23), "duration": dt.timedelta(hours=2)}, "duration"),
        ({"avoid": [(dt.date(2025, 1, 1), dt.date(2025, 1, 2))]}, "avoid"),
        ({"holiday_weeks": [54]}, "holiday_weeks"),
    ],
)
def test_arguments_out_of_range_are_refused_naming_them(
    arguments: dict[str, Any], field: str
) -> None:
    with pytest.raises(ModelError) as raised:
        plan(agreement_with(Cadence(1)), 2025, **arguments)
    assert field == raised.value.field


def test_a_meeting_that_would_run_past_midnight_is_refused_in_minutes() -> None:
    with pytest.raises(ModelError) as raised:
        plan(agreement_with(Cadence(1)), 2025, time=dt.time(23), duration=dt.timedelta(hours=2))
    assert "a meeting that starts at 23:00 and lasts 120 minutes ends after midnight" == (
        raised.value.message
    )


def test_a_year_busmodel_does_not_handle_is_refused() -> None:
    with pytest.raises(ModelError) as raised:
        plan(agreement_with(Cadence(1)), 2200)
    assert "year" == raised.value.field


def test_the_meetings_come_in_date_order_then_in_forum_order() -> None:
    meetings = plan(agreement_with(Cadence(1, (AUTUMN,)), Cadence(2, (SPRING, AUTUMN))), 2025)
    assert sorted(days(meetings)) == days(meetings)
    assert ["forum-1", "forum-0", "forum-1"] == [m.forum for m in meetings]


def test_the_same_arguments_give_the_same_plan() -> None:
    agreement = renewed_alingsas()
    avoid = [Period(dt.date(2027, 2, 22), dt.date(2027, 2, 26))]
    assert plan(agreement, 2027, avoid=avoid) == plan(agreement, 2027, avoid=list(avoid))


# -- The planned meeting -----------------------------------------------------------


def test_a_planned_meeting_knows_when_it_starts_and_ends() -> None:
    meeting = PlannedMeeting("styrgrupp", dt.date(2027, 3, 30), dt.time(15), dt.timedelta(hours=9))
    assert dt.datetime(2027, 3, 30, 15) == meeting.starts_at()
    assert dt.datetime(2027, 3, 31, 0) == meeting.ends_at()
    assert dt.time(0) == meeting.end
    assert (2027, 13) == meeting.week


def test_a_planned_meeting_is_a_frozen_value() -> None:
    meeting = PlannedMeeting("styrgrupp", dt.date(2027, 3, 30))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        meeting.forum = "other"  # type: ignore[misc]
    assert meeting == PlannedMeeting("styrgrupp", dt.date(2027, 3, 30))
    assert "busmodel" == PlannedMeeting.__module__


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"forum": "Styrgrupp"}, "forum"),
        ({"date": dt.datetime(2027, 3, 30, 13)}, "date"),
        ({"chair": "Bun"}, "chair"),
        ({"window": " "}, "window"),
    ],
)
def test_a_planned_meeting_checks_its_fields(arguments: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {"forum": "styrgrupp", "date": dt.date(2027, 3, 30), **arguments}
    with pytest.raises(ModelError) as raised:
        PlannedMeeting(**values)
    assert field == raised.value.field


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [("spring", "sv", "vår"), ("Hösten", "en", "autumn"), ("vår", "sv", "vår"), ("Q1", "en", "Q1")],
)
def test_a_window_named_for_a_season_is_named_in_each_language(
    name: str, lang: busmodel.Lang, expected: str
) -> None:
    assert expected == window_label(name, lang)


# -- Extension documents ------------------------------------------------------------

KUNGALV = EXAMPLES / "kungalv-bus-2021.toml"
KUNGALV_EXTENSIONS = [
    EXAMPLES / "kungalv-bus-2021-forlangning-2023.toml",
    EXAMPLES / "kungalv-bus-2021-forlangning-2025.toml",
]


class OnlyExtensions:
    """A store that answers nothing but ``extensions_of``: the protocol at its least."""

    def __init__(self, *extensions: Agreement) -> None:
        self.extensions = extensions

    def extensions_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        return tuple(e for e in self.extensions if e.extends == agreement_id)


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_an_agreement_is_planned_in_the_years_its_extension_documents_carry_it_on(
    year: int,
) -> None:
    agreement = busmodel.load_agreement(KUNGALV)
    registry = busmodel.Registry.from_paths(KUNGALV_EXTENSIONS)

    meetings = plan(agreement, year, registry=registry)

    assert [("bus-styrgrupp", "vår"), ("bus-styrgrupp", "höst")] == [
        (m.forum, m.window) for m in meetings
    ]
    assert all(m.date.year == year for m in meetings)
    with pytest.raises(ModelError) as raised:
        plan(agreement, year)  # without its extensions it ended in 2022
    assert "year" == raised.value.field


def test_a_draft_extension_carries_nothing_on_in_the_plan() -> None:
    agreement = busmodel.load_agreement(KUNGALV)
    [first, _] = [busmodel.load_agreement(path) for path in KUNGALV_EXTENSIONS]
    draft = attrs.evolve(first, state=busmodel.DocumentState.DRAFT)

    with pytest.raises(ModelError) as raised:
        plan(agreement, 2023, registry=OnlyExtensions(draft))

    assert "year" == raised.value.field
    assert plan(agreement, 2023, registry=OnlyExtensions(first))


def test_in_an_extension_the_planned_chair_is_the_rotation_continued() -> None:
    start, end = dt.date(2019, 1, 1), dt.date(2022, 12, 31)  # bun chairs the 2019-2022 term
    own = Period(start, end)
    agreement = attrs.evolve(
        agreement_with(Cadence(1), validity=Validity.fixed(start, end)),
        chair=ChairRule(("bun", "sn"), (ChairTerm("bun", own),)),
    )
    extension = Agreement(
        id="bus-forlangning",
        title="Förlängning",
        kind=busmodel.AgreementKind.EXTENSION,
        extends="bus",
        validity=Validity.fixed(dt.date(2023, 1, 1), dt.date(2024, 12, 31)),
    )

    [meeting] = plan(agreement, 2023, registry=OnlyExtensions(extension))

    assert None is agreement.chair_on(meeting.date)  # past the agreement's own end
    assert "sn" == meeting.chair  # the next in the rotation, for the 2023-2026 term


def test_the_plan_weekdays_are_calendars_numbers() -> None:
    assert (calendar.TUESDAY, calendar.FRIDAY) == (DEFAULT_WEEKDAY, _FRIDAY)
