import datetime as dt

import pytest

from busmodel import (
    Assignment,
    AssignmentStatus,
    Cadence,
    Duty,
    FollowUp,
    Forum,
    ForumLevel,
    ForumScope,
    Frequency,
    Member,
    ModelError,
    Window,
)

D = dt.date
SPRING = Window("spring", (1, 6), focus="tidigare och pågående satsningar")
AUTUMN = Window("autumn", (8, 12), focus="kommande års prioriteringar")


def test_member_has_a_body_and_an_optional_role() -> None:
    assert (("bun", None), ("sn", "presidium")) == (
        (Member("bun").body, Member("bun").role),
        (Member("sn", "presidium").body, Member("sn", "presidium").role),
    )


def test_member_with_a_body_that_is_not_an_id_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Member("Barn- och ungdomsnämnden")

    assert "body" == raised.value.field


def test_member_with_a_blank_role_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Member("bun", "")

    assert "role" == raised.value.field


def test_window_of_a_single_month_is_allowed() -> None:
    assert (9, 9) == Window("september", (9, 9)).months


def test_window_whose_first_month_comes_after_its_last_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Window("winter", (11, 2))

    assert "months" == raised.value.field


@pytest.mark.parametrize("months", [(0, 6), (1, 13), (-1, 3), (True, 6), ("1", 6), (1.0, 6)])
def test_window_with_a_month_outside_1_to_12_is_rejected(months: tuple[object, object]) -> None:
    with pytest.raises(ModelError) as raised:
        Window("spring", months)  # type: ignore[arg-type]

    assert "months" == raised.value.field


@pytest.mark.parametrize("months", [(1,), (1, 6, 12), [1], "16", b"\x01\x06", {1: 6}, None])
def test_window_months_that_are_not_a_pair_are_rejected(months: object) -> None:
    with pytest.raises(ModelError) as raised:
        Window("spring", months)  # type: ignore[arg-type]

    assert "months" == raised.value.field


def test_window_months_in_a_list_are_stored_as_a_pair() -> None:
    assert Window("spring", (1, 6)) == Window("spring", [1, 6])


def test_window_months_from_a_range_are_stored_as_a_pair() -> None:
    assert (7, 12) == Window("autumn", range(7, 13, 5)).months  # type: ignore[arg-type]


def test_window_with_a_blank_name_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Window(" ", (1, 6))

    assert "name" == raised.value.field


def test_window_with_a_blank_focus_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Window("spring", (1, 6), focus="")

    assert "focus" == raised.value.field


def test_window_first_and_last_month() -> None:
    assert (8, 12) == (AUTUMN.first_month, AUTUMN.last_month)


def test_window_contains_the_months_from_its_first_to_its_last() -> None:
    assert [8, 9, 10, 11, 12] == [month for month in range(1, 13) if AUTUMN.contains_month(month)]


def test_windows_that_share_a_month_overlap() -> None:
    summer = Window("summer", (6, 8))

    assert summer.overlaps(SPRING)
    assert SPRING.overlaps(summer)
    assert summer.overlaps(AUTUMN)


def test_windows_that_share_no_month_do_not_overlap() -> None:
    assert not SPRING.overlaps(AUTUMN)
    assert not AUTUMN.overlaps(SPRING)


def test_window_in_year_spans_first_day_of_first_month_to_last_day_of_last_month() -> None:
    assert (D(2024, 1, 1), D(2024, 6, 30)) == SPRING.in_year(2024)
    assert (D(2024, 8, 1), D(2024, 12, 31)) == AUTUMN.in_year(2024)


def test_window_in_year_ends_on_leap_day_in_a_leap_year() -> None:
    february = Window("february", (2, 2))

    assert (D(2024, 2, 1), D(2024, 2, 29)) == february.in_year(2024)
    assert (D(2023, 2, 1), D(2023, 2, 28)) == february.in_year(2023)


@pytest.mark.parametrize("meetings", [1, 2, 366])
def test_cadence_accepts_one_to_366_meetings_a_year(meetings: int) -> None:
    assert meetings == Cadence(meetings).meetings_per_year


@pytest.mark.parametrize("meetings", [0, -2, 367, True, 2.0, "2"])
def test_cadence_with_meetings_per_year_outside_1_to_366_is_rejected(meetings: object) -> None:
    with pytest.raises(ModelError) as raised:
        Cadence(meetings)  # type: ignore[arg-type]

    assert "meetings_per_year" == raised.value.field


def test_cadence_has_no_windows_and_no_extra_meetings_by_default() -> None:
    cadence = Cadence(4)

    assert ((), False) == (cadence.windows, cadence.extra_meetings)


def test_cadence_with_windows_in_a_list_stores_them_as_a_tuple() -> None:
    assert (SPRING, AUTUMN) == Cadence(2, [SPRING, AUTUMN]).windows


def test_cadence_with_one_window_not_in_a_collection_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Cadence(2, SPRING)  # type: ignore[arg-type]

    assert (
        "windows",
        "expected a tuple, a list or another ordered collection of items, got Window",
    ) == (
        raised.value.field,
        raised.value.message,
    )


def test_cadence_with_a_window_that_is_not_a_window_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Cadence(2, (SPRING, (8, 12)))  # type: ignore[arg-type]

    assert "windows" == raised.value.field


def test_cadence_with_extra_meetings_given_as_a_number_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Cadence(2, extra_meetings=1)  # type: ignore[arg-type]

    assert "extra_meetings" == raised.value.field


def test_follow_up_is_yearly_by_default() -> None:
    assert Frequency.YEARLY == FollowUp().evaluation


def test_follow_up_takes_its_enums_and_recipients_as_values_and_lists() -> None:
    assert FollowUp(Frequency.YEARLY, duty=Duty.REPORT, recipients=("bun", "sn")) == FollowUp(
        "yearly", duty="report", recipients=["bun", "sn"]
    )


def test_follow_up_with_an_evaluation_that_is_no_frequency_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        FollowUp("årlig")

    assert ("evaluation", "'årlig' is not one of 'yearly'") == (
        raised.value.field,
        raised.value.message,
    )


def test_follow_up_with_a_duty_that_is_none_of_the_duties_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        FollowUp(duty="redovisa")

    assert ("duty", "'redovisa' is not one of 'evaluate', 'report'") == (
        raised.value.field,
        raised.value.message,
    )


def test_follow_up_with_recipients_in_one_string_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        FollowUp(duty=Duty.REPORT, recipients="bun")

    assert "recipients" == raised.value.field


def test_follow_up_with_a_blank_description_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        FollowUp(description="  ")

    assert "description" == raised.value.field


def test_assignment_that_ends_before_it_starts_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Assignment("Planera familjecentral", AssignmentStatus.ONGOING, D(2024, 3, 1), D(2023, 3, 1))

    assert "end" == raised.value.field


def test_assignment_that_ends_the_day_it_starts_is_allowed() -> None:
    assignment = Assignment("Temadag", AssignmentStatus.COMPLETED, D(2024, 3, 1), D(2024, 3, 1))

    assert assignment.start == assignment.end


def test_assignment_with_only_an_end_is_allowed() -> None:
    assert (
        D(2023, 6, 30)
        == Assignment("Kartläggning", AssignmentStatus.COMPLETED, end=D(2023, 6, 30)).end
    )


def test_assignment_start_with_a_time_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Assignment("Temadag", AssignmentStatus.PLANNED, dt.datetime(2024, 3, 1, 9))

    assert "start" == raised.value.field


def test_assignment_status_given_as_its_value_is_stored_as_the_member() -> None:
    assert AssignmentStatus.ORDINARY_OPERATIONS == (
        Assignment("Temadag", "ordinary-operations").status
    )


def test_assignment_status_that_is_no_status_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Assignment("Temadag", "klar")

    assert "status" == raised.value.field


def test_assignment_partners_in_a_list_are_stored_as_a_tuple() -> None:
    partners = ["Svenska kyrkan", "Polisen"]

    assert ("Svenska kyrkan", "Polisen") == Assignment(
        "Temadag", AssignmentStatus.PLANNED, partners=partners
    ).partners


def test_assignment_with_a_blank_partner_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Assignment("Temadag", AssignmentStatus.PLANNED, partners=("Svenska kyrkan", ""))

    assert "partners" == raised.value.field


def test_assignment_taken_over_as_ordinary_operations_is_written_in_kebab_case() -> None:
    assert AssignmentStatus.ORDINARY_OPERATIONS == AssignmentStatus("ordinary-operations")


def test_forum_takes_its_enums_as_values_and_its_collections_as_lists() -> None:
    as_members = Forum(
        "styr-bus",
        "Styrgrupp BUS",
        ForumLevel.STEERING,
        members=(Member("bun"),),
        duties=("följa upp",),
        assignments=(Assignment("Temadag", AssignmentStatus.PLANNED),),
        scope=ForumScope.LOCAL,
    )

    as_values = Forum(
        "styr-bus",
        "Styrgrupp BUS",
        "steering",
        members=[Member("bun")],
        duties=iter(["följa upp"]),
        assignments=[Assignment("Temadag", "planned")],
        scope="local",
    )

    assert as_members == as_values


def test_forum_without_level_or_scope_keeps_none() -> None:
    forum = Forum("styr-bus", "Styrgrupp BUS", None, scope=None)

    assert (None, None) == (forum.level, forum.scope)


def test_forum_member_ids_are_in_member_order() -> None:
    forum = Forum(
        "styr-bus",
        "Styrgrupp BUS",
        ForumLevel.STEERING,
        members=(Member("sn"), Member("bun", "head"), Member("bup")),
    )

    assert ("sn", "bun", "bup") == forum.member_ids()


def test_forum_without_members_has_no_member_ids() -> None:
    assert () == Forum("elev-bus", "Elev-BUS", ForumLevel.PUPILS).member_ids()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "Styr BUS"}, "id"),
        ({"name": ""}, "name"),
        ({"level": "styrgrupp"}, "level"),
        ({"level": ForumLevel}, "level"),
        ({"members": ("bun",)}, "members"),
        ({"members": Member("bun")}, "members"),
        ({"members": "bun"}, "members"),
        ({"duties": "följa upp"}, "duties"),
        ({"scope": "county"}, "scope"),
        ({"duties": ("följa upp", " ")}, "duties"),
        ({"cadence": 2}, "cadence"),
        ({"follow_up": Frequency.YEARLY}, "follow_up"),
        ({"assignments": ("Planera familjecentral",)}, "assignments"),
    ],
)
def test_forum_with_a_field_of_the_wrong_kind_is_rejected(
    changes: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {
        "id": "styr-bus",
        "name": "Styrgrupp BUS",
        "level": ForumLevel.STEERING,
    }
    arguments.update(changes)

    with pytest.raises(ModelError) as raised:
        Forum(**arguments)  # type: ignore[arg-type]

    assert field == raised.value.field
