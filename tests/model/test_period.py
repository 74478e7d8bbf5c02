import datetime as dt
import doctest

import attrs
import pytest

from busmodel import ModelError, Period

D = dt.date
TERM = Period(D(2023, 1, 1), D(2026, 12, 31))
"""The committee mandate period 2023–2026."""


def test_period_with_end_before_start_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Period(D(2026, 12, 31), D(2023, 1, 1))

    assert "end" == raised.value.field


def test_period_of_a_single_day_is_allowed() -> None:
    day = Period(D(2022, 9, 11), D(2022, 9, 11))

    assert 1 == day.days
    assert day.contains(D(2022, 9, 11))


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("2023-01-01", None, "start"),
        (dt.datetime(2023, 1, 1, 12), None, "start"),
        (D(2023, 1, 1), "2026-12-31", "end"),
        (D(2023, 1, 1), dt.datetime(2026, 12, 31), "end"),
    ],
)
def test_period_with_a_start_or_end_that_is_not_a_date_is_rejected(
    start: object, end: object, field: str
) -> None:
    with pytest.raises(ModelError) as raised:
        Period(start, end)  # type: ignore[arg-type]

    assert field == raised.value.field


def test_period_without_end_is_open() -> None:
    assert Period(D(2023, 1, 1)).is_open
    assert not TERM.is_open


def test_period_contains_its_first_and_last_day() -> None:
    assert TERM.contains(D(2023, 1, 1))
    assert TERM.contains(D(2026, 12, 31))


def test_period_does_not_contain_the_days_just_outside_it() -> None:
    assert not TERM.contains(D(2022, 12, 31))
    assert not TERM.contains(D(2027, 1, 1))


def test_open_period_contains_every_day_from_its_start() -> None:
    open_period = Period(D(2023, 1, 1))

    assert open_period.contains(D(9999, 12, 31))
    assert not open_period.contains(D(2022, 12, 31))


def test_periods_that_share_only_a_boundary_day_overlap() -> None:
    later = Period(D(2026, 12, 31), D(2030, 12, 31))

    assert TERM.overlaps(later)
    assert later.overlaps(TERM)


def test_periods_that_abut_do_not_overlap() -> None:
    following = Period(D(2027, 1, 1), D(2030, 12, 31))

    assert not TERM.overlaps(following)
    assert not following.overlaps(TERM)


def test_open_period_overlaps_any_period_that_ends_after_its_start() -> None:
    open_period = Period(D(2026, 1, 1))

    assert open_period.overlaps(TERM)
    assert TERM.overlaps(open_period)
    assert not open_period.overlaps(Period(D(2019, 1, 1), D(2022, 12, 31)))


def test_two_open_periods_overlap() -> None:
    assert Period(D(2023, 1, 1)).overlaps(Period(D(2050, 1, 1)))


def test_period_covers_a_period_within_it() -> None:
    assert TERM.covers(Period(D(2024, 1, 1), D(2024, 12, 31)))


def test_period_covers_itself() -> None:
    assert TERM.covers(TERM)


def test_period_does_not_cover_a_period_that_runs_past_its_end() -> None:
    assert not TERM.covers(Period(D(2026, 1, 1), D(2027, 6, 30)))


def test_period_does_not_cover_a_period_that_starts_before_it() -> None:
    assert not TERM.covers(Period(D(2022, 12, 31), D(2023, 6, 30)))


def test_open_period_covers_a_closed_period_after_its_start_but_not_the_reverse() -> None:
    open_period = Period(D(2023, 1, 1))

    assert open_period.covers(TERM)
    assert not TERM.covers(open_period)


def test_days_counts_both_ends_including_a_leap_day() -> None:
    # 2023, 2025 and 2026 have 365 days; 2024 is a leap year with 366.
    assert 365 + 366 + 365 + 365 == TERM.days


def test_days_of_february_in_a_leap_year() -> None:
    assert 29 == Period(D(2024, 2, 1), D(2024, 2, 29)).days


def test_days_of_an_open_period_is_none() -> None:
    assert Period(D(2023, 1, 1)).days is None


def test_periods_order_by_start_first() -> None:
    assert Period(D(2019, 1, 1), D(2030, 12, 31)) < TERM


def test_periods_with_equal_starts_order_by_end() -> None:
    assert Period(D(2023, 1, 1), D(2023, 12, 31)) < TERM


def test_open_end_sorts_after_any_closed_end() -> None:
    assert TERM < Period(D(2023, 1, 1))
    assert Period(D(2023, 1, 1)) > Period(D(2023, 1, 1), D(2199, 12, 31))


def test_sorting_periods_orders_by_start_then_end_with_open_ends_last() -> None:
    open_period = Period(D(2023, 1, 1))
    short = Period(D(2023, 1, 1), D(2023, 6, 30))
    earlier = Period(D(2019, 1, 1), D(2022, 12, 31))

    assert [earlier, short, TERM, open_period] == sorted([open_period, TERM, earlier, short])


def test_equal_periods_are_equal_and_hash_alike() -> None:
    same = Period(D(2023, 1, 1), D(2026, 12, 31))

    assert TERM == same
    assert hash(TERM) == hash(same)


def test_period_is_immutable() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        TERM.end = None  # type: ignore[misc]


def test_str_is_an_iso_8601_interval() -> None:
    assert "2023-01-01/2026-12-31" == str(TERM)


def test_str_of_an_open_period_uses_two_dots() -> None:
    assert "2023-01-01/.." == str(Period(D(2023, 1, 1)))


def test_parse_reads_a_closed_interval() -> None:
    assert TERM == Period.parse("2023-01-01/2026-12-31")


def test_parse_reads_an_open_interval() -> None:
    assert Period(D(2023, 1, 1)) == Period.parse("2023-01-01/..")


@pytest.mark.parametrize("period", [TERM, Period(D(2022, 10, 15)), Period(D(2024, 2, 29))])
def test_parse_reads_back_what_str_writes(period: Period) -> None:
    assert period == Period.parse(str(period))


@pytest.mark.parametrize(
    "text",
    ["2023-01-01", "2023-01-01 2026-12-31", "", "2023-01-01/2026-13-01", "../2026-12-31", "a/b"],
)
def test_parse_rejects_text_that_is_not_an_interval(text: str) -> None:
    with pytest.raises(ModelError) as raised:
        Period.parse(text)

    assert "period" == raised.value.field


def test_parse_rejects_an_interval_that_ends_before_it_starts() -> None:
    with pytest.raises(ModelError) as raised:
        Period.parse("2026-12-31/2023-01-01")

    assert "end" == raised.value.field


def test_parse_rejects_a_value_that_is_not_text() -> None:
    with pytest.raises(ModelError) as raised:
        Period.parse(20230101)  # type: ignore[arg-type]

    assert "period" == raised.value.field


def test_a_period_that_ends_before_it_starts_names_both_days() -> None:
    with pytest.raises(ModelError) as raised:
        Period(D(2026, 12, 31), D(2023, 1, 1))

    assert "the period ends (2023-01-01) before it starts (2026-12-31)" == raised.value.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (20230101, "expected text, got int"),
        ("2023-01-01", "expected START/END, got '2023-01-01'"),
        ("2023-01-01/2023-13-01", "expected ISO dates in '2023-01-01/2023-13-01'"),
    ],
)
def test_parse_says_what_it_expected(text: object, message: str) -> None:
    with pytest.raises(ModelError) as raised:
        Period.parse(text)  # type: ignore[arg-type]

    assert ("period", message) == (raised.value.field, raised.value.message)


@pytest.mark.parametrize("year", [1900, 2023, 2024, 2199])
def test_period_of_a_year_runs_from_1_january_to_31_december(year: int) -> None:
    assert Period(D(year, 1, 1), D(year, 12, 31)) == Period.of_year(year)


def test_period_of_a_leap_year_has_366_days() -> None:
    assert (366, 365) == (Period.of_year(2024).days, Period.of_year(2023).days)


@pytest.mark.parametrize("year", [1899, 2200])
def test_period_of_a_year_outside_the_days_a_document_may_name_is_rejected(year: int) -> None:
    with pytest.raises(ModelError) as raised:
        Period.of_year(year)

    assert ("year", f"{year} is not between 1900 and 2199") == (
        raised.value.field,
        raised.value.message,
    )


@pytest.mark.parametrize("year", ["2024", 2024.0, True])
def test_period_of_a_year_that_is_not_an_int_is_rejected(year: object) -> None:
    with pytest.raises(ModelError) as raised:
        Period.of_year(year)  # type: ignore[arg-type]

    assert "year" == raised.value.field


def test_the_examples_in_period_of_year_hold() -> None:
    # Methods of the classes busmodel publishes are left out by pytest's doctest finder.
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
    examples = finder.find(Period.of_year, "Period.of_year", module=False, globs={"Period": Period})
    assert [(0, 2)] == [tuple(runner.run(example)) for example in examples]
