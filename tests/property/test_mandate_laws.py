import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from busmodel import Convention, MandatePeriod, ModelError, election_day, mandate_period
from busmodel.model._mandate import LAST_ELECTION
from tests.property.strategies import LAST_DAY
from tests.property.strategies import mandate_dates as dates

conventions = st.sampled_from(Convention)
terms = st.builds(
    MandatePeriod,
    st.integers(min_value=0, max_value=(LAST_ELECTION - 1994) // 4).map(lambda n: 1994 + 4 * n),
    conventions,
)
"""Every mandate period from the 1994 election to the 2198 one, under either convention."""
followed = terms.filter(lambda term: term.election_year < LAST_ELECTION)
"""Every term that has a known next term."""
bounded = terms.filter(lambda term: term.end <= LAST_DAY)
"""Every term that ends on a day a document may name, so that it is a Period."""


@given(dates, conventions)
def test_mandate_period_contains_the_day_it_was_asked_for(
    day: dt.date, convention: Convention
) -> None:
    term = mandate_period(day, convention)

    assert term.contains(day)
    if term.end <= LAST_DAY:
        assert term.period.contains(day)


@given(dates, conventions)
def test_mandate_period_keeps_the_convention(day: dt.date, convention: Convention) -> None:
    assert convention == mandate_period(day, convention).convention


@given(followed)
def test_next_then_previous_is_the_same_term(term: MandatePeriod) -> None:
    assert term == term.next().previous()


@given(followed)
def test_consecutive_terms_abut_without_gap_or_overlap(term: MandatePeriod) -> None:
    following = term.next()

    assert following.start == term.end + dt.timedelta(days=1)
    if following.end <= LAST_DAY:
        assert not term.period.overlaps(following.period)


@given(dates.filter(lambda day: day.year >= 2100), conventions)
def test_days_after_the_last_supported_one_have_no_mandate_period(
    day: dt.date, convention: Convention
) -> None:
    mandate_period(day, convention)
    with pytest.raises(ModelError, match=str(LAST_DAY)):
        mandate_period(LAST_DAY + (LAST_DAY - day) + dt.timedelta(days=1), convention)


@given(terms.filter(lambda term: term.election_year > 1994))
def test_the_previous_term_ends_the_day_before_a_term_starts(term: MandatePeriod) -> None:
    assert term.start == term.previous().end + dt.timedelta(days=1)


@given(terms)
def test_every_term_is_four_years_long(term: MandatePeriod) -> None:
    assert term.end == term.start.replace(year=term.start.year + 4) - dt.timedelta(days=1)


@given(terms)
def test_every_term_starts_after_its_election(term: MandatePeriod) -> None:
    assert election_day(term.election_year) < term.start


@given(bounded)
def test_a_term_is_the_mandate_period_of_its_own_first_and_last_day(term: MandatePeriod) -> None:
    assert term == mandate_period(term.start, term.convention)
    assert term == mandate_period(term.end, term.convention)
