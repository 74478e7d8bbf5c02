import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from busmodel import Period
from tests.property.strategies import dates, periods

short_periods = periods(max_days=60, open_ends=False)


def day_after(period: Period) -> dt.date | None:
    return None if period.end is None else period.end + dt.timedelta(days=1)


@given(periods(), periods())
def test_overlaps_is_symmetric(first: Period, second: Period) -> None:
    assert first.overlaps(second) == second.overlaps(first)


@given(periods(), dates)
def test_contains_a_day_means_overlapping_and_covering_that_single_day(
    period: Period, day: dt.date
) -> None:
    single = Period(day, day)

    assert period.contains(day) == period.overlaps(single) == single.overlaps(period)
    assert period.contains(day) == period.covers(single)


@given(short_periods, short_periods)
def test_overlaps_means_some_day_lies_in_both(first: Period, second: Period) -> None:
    assert first.days is not None
    days = (first.start + dt.timedelta(days=n) for n in range(first.days))

    assert first.overlaps(second) == any(second.contains(day) for day in days)


@given(periods(), periods())
def test_covers_implies_overlaps(first: Period, second: Period) -> None:
    if first.covers(second):
        assert first.overlaps(second)


@given(periods())
def test_a_period_covers_and_overlaps_itself(period: Period) -> None:
    assert period.covers(period)
    assert period.overlaps(period)


@given(periods(), periods())
def test_periods_that_cover_each_other_are_equal(first: Period, second: Period) -> None:
    if first.covers(second) and second.covers(first):
        assert first == second


@given(periods(), periods(), periods())
def test_covers_is_transitive(first: Period, second: Period, third: Period) -> None:
    if first.covers(second) and second.covers(third):
        assert first.covers(third)


@given(periods(), dates)
def test_a_period_contains_every_day_of_a_period_it_covers(period: Period, day: dt.date) -> None:
    inner = Period(day, day)

    if period.covers(inner):
        assert period.contains(day)


@given(periods(), periods())
def test_ordering_is_total_and_agrees_with_equality(first: Period, second: Period) -> None:
    outcomes = [first < second, first == second, first > second]

    assert 1 == outcomes.count(True)
    assert (first <= second) == (first < second or first == second)


@given(periods(), periods())
def test_ordering_is_by_start_then_end_with_open_ends_last(first: Period, second: Period) -> None:
    def key(period: Period) -> tuple[dt.date, bool, dt.date]:
        return (period.start, period.end is None, period.end or period.start)

    assert (key(first) < key(second)) == (first < second)


@given(st.lists(periods(), max_size=8))
def test_sorting_periods_gives_a_non_decreasing_sequence(items: list[Period]) -> None:
    ordered = sorted(items)

    assert all(earlier <= later for earlier, later in itertools.pairwise(ordered))
    assert sorted(items, key=str) == sorted(ordered, key=str)


@given(periods())
def test_parse_reads_back_what_str_writes(period: Period) -> None:
    assert period == Period.parse(str(period))


@given(short_periods)
def test_days_counts_the_days_the_period_contains(period: Period) -> None:
    assert period.end is not None
    around = (period.start + dt.timedelta(days=n) for n in range(-3, 65))

    assert period.days == sum(1 for day in around if period.contains(day))


@given(periods())
def test_a_period_does_not_contain_the_day_before_it_or_the_day_after_it(period: Period) -> None:
    after = day_after(period)

    assert not period.contains(period.start - dt.timedelta(days=1))
    assert after is None or not period.contains(after)
