import datetime as dt

import pytest

from busmodel import Convention, MandatePeriod, ModelError, Period, election_day, mandate_period
from busmodel.model._mandate import is_election_year

D = dt.date

ELECTIONS = [
    # Third Sunday of September (vallagen before SFS 2014:1384).
    D(1994, 9, 18),
    D(1998, 9, 20),
    D(2002, 9, 15),
    D(2006, 9, 17),
    D(2010, 9, 19),
    # Second Sunday of September from 2014.
    D(2014, 9, 14),
    D(2018, 9, 9),
    D(2022, 9, 11),
    D(2026, 9, 13),
]


@pytest.mark.parametrize("day", ELECTIONS, ids=str)
def test_election_day_is_the_day_the_election_was_held(day: dt.date) -> None:
    assert day == election_day(day.year)


@pytest.mark.parametrize(
    ("year", "before", "after"),
    [(1995, 1994, 1998), (2023, 2022, 2026), (2024, 2022, 2026), (2025, 2022, 2026)],
)
def test_election_day_of_a_year_without_election_names_the_nearest_election_years(
    year: int, before: int, after: int
) -> None:
    with pytest.raises(ModelError) as raised:
        election_day(year)

    assert "year" == raised.value.field
    assert f"the nearest are {before} and {after}" in raised.value.message


def test_election_day_before_the_four_year_cycle_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        election_day(1990)

    assert "year" == raised.value.field
    assert "1994" in raised.value.message


def test_is_election_year_holds_every_fourth_year_from_1994() -> None:
    assert [1994, 1998, 2022, 2026] == [
        year for year in (1993, 1994, 1997, 1998, 2021, 2022, 2023, 2026) if is_election_year(year)
    ]


def test_committee_period_runs_from_new_year_after_the_election_for_four_years() -> None:
    term = MandatePeriod(2022)

    assert Period(D(2023, 1, 1), D(2026, 12, 31)) == term.period
    assert (D(2023, 1, 1), D(2026, 12, 31)) == (term.start, term.end)


def test_council_period_runs_from_15_october_of_the_election_year() -> None:
    term = MandatePeriod(2022, Convention.COUNCIL)

    assert Period(D(2022, 10, 15), D(2026, 10, 14)) == term.period


def test_mandate_period_is_committee_by_default() -> None:
    assert Convention.COMMITTEE == MandatePeriod(2022).convention


def test_convention_may_be_given_by_its_value() -> None:
    assert MandatePeriod(2022, Convention.COUNCIL) == MandatePeriod(2022, "council")


def test_unknown_convention_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        MandatePeriod(2022, "calendar")

    assert "convention" == raised.value.field


@pytest.mark.parametrize("year", [2023, 1990, 2021])
def test_mandate_period_after_a_year_without_election_is_rejected(year: int) -> None:
    with pytest.raises(ModelError) as raised:
        MandatePeriod(year)

    assert "election_year" == raised.value.field


@pytest.mark.parametrize("year", ["2022", 2022.0, True])
def test_mandate_period_with_an_election_year_that_is_not_an_int_is_rejected(
    year: object,
) -> None:
    with pytest.raises(ModelError) as raised:
        MandatePeriod(year)  # type: ignore[arg-type]

    assert "election_year" == raised.value.field


def test_str_gives_the_calendar_years_of_the_term() -> None:
    assert "2023–2026" == str(MandatePeriod(2022))
    assert "2022–2026" == str(MandatePeriod(2022, Convention.COUNCIL))


def test_next_is_the_term_after_the_following_election() -> None:
    assert MandatePeriod(2026) == MandatePeriod(2022).next()
    assert Period(D(2027, 1, 1), D(2030, 12, 31)) == MandatePeriod(2022).next().period


def test_previous_is_the_term_after_the_preceding_election() -> None:
    assert MandatePeriod(2018) == MandatePeriod(2022).previous()
    assert Period(D(2019, 1, 1), D(2022, 12, 31)) == MandatePeriod(2022).previous().period


def test_next_and_previous_keep_the_convention() -> None:
    term = MandatePeriod(2022, Convention.COUNCIL)

    assert Period(D(2026, 10, 15), D(2030, 10, 14)) == term.next().period
    assert Period(D(2018, 10, 15), D(2022, 10, 14)) == term.previous().period


def test_previous_of_the_first_known_term_is_rejected() -> None:
    with pytest.raises(ModelError):
        MandatePeriod(1994).previous()


def test_terms_under_different_conventions_are_not_equal() -> None:
    assert MandatePeriod(2022) != MandatePeriod(2022, Convention.COUNCIL)


def test_terms_order_by_election_year() -> None:
    assert sorted([MandatePeriod(2026), MandatePeriod(1994), MandatePeriod(2022)]) == [
        MandatePeriod(1994),
        MandatePeriod(2022),
        MandatePeriod(2026),
    ]


def test_term_contains_its_first_and_last_day_only() -> None:
    term = MandatePeriod(2022)

    assert [False, True, True, False] == [
        term.contains(day)
        for day in (D(2022, 12, 31), D(2023, 1, 1), D(2026, 12, 31), D(2027, 1, 1))
    ]


@pytest.mark.parametrize(
    ("day", "election_year"),
    [
        (D(2023, 1, 1), 2022),
        (D(2024, 5, 1), 2022),
        (D(2026, 12, 31), 2022),
        (D(2027, 1, 1), 2026),
        # The election day itself still falls in the previous committee term.
        (D(2022, 9, 11), 2018),
        (D(2022, 12, 31), 2018),
        (D(1995, 1, 1), 1994),
    ],
)
def test_mandate_period_under_the_committee_convention(day: dt.date, election_year: int) -> None:
    assert MandatePeriod(election_year) == mandate_period(day)
    assert MandatePeriod(election_year) == mandate_period(day, Convention.COMMITTEE)


@pytest.mark.parametrize(
    ("day", "election_year"),
    [
        (D(2022, 10, 14), 2018),
        (D(2022, 10, 15), 2022),
        (D(2024, 5, 1), 2022),
        (D(2026, 10, 14), 2022),
        (D(2026, 10, 15), 2026),
        (D(2026, 11, 22), 2026),
        (D(1994, 10, 15), 1994),
    ],
)
def test_mandate_period_under_the_council_convention(day: dt.date, election_year: int) -> None:
    expected = MandatePeriod(election_year, Convention.COUNCIL)

    assert expected == mandate_period(day, "council")
    assert expected == mandate_period(day, Convention.COUNCIL)


@pytest.mark.parametrize(
    ("day", "convention"),
    [(D(1994, 12, 31), Convention.COMMITTEE), (D(1994, 10, 14), Convention.COUNCIL)],
)
def test_mandate_period_before_the_first_known_term_is_rejected(
    day: dt.date, convention: Convention
) -> None:
    with pytest.raises(ModelError) as raised:
        mandate_period(day, convention)

    assert "on" == raised.value.field


def test_mandate_period_with_an_unknown_convention_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        mandate_period(D(2024, 5, 1), "calendar")

    assert "convention" == raised.value.field
    assert "'committee', 'council'" in raised.value.message


@pytest.mark.parametrize("year", [2202, 2206, 9998, 10002])
def test_election_day_after_the_supported_years_names_the_range(year: int) -> None:
    with pytest.raises(ModelError) as raised:
        election_day(year)

    assert "year" == raised.value.field
    assert "1994 to 2198" in raised.value.message


@pytest.mark.parametrize("day", [D(2200, 1, 1), D(9999, 1, 1), D(9999, 12, 31)], ids=str)
@pytest.mark.parametrize("convention", list(Convention))
def test_mandate_period_after_the_supported_days_names_the_range(
    day: dt.date, convention: Convention
) -> None:
    with pytest.raises(ModelError) as raised:
        mandate_period(day, convention)

    assert "on" == raised.value.field
    assert "2199-12-31" in raised.value.message


def test_the_last_supported_day_lies_in_the_term_after_the_2198_election() -> None:
    term = mandate_period(D(2199, 12, 31))

    assert MandatePeriod(2198) == term
    assert D(2202, 12, 31) == term.end


def test_the_term_after_the_last_supported_election_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        MandatePeriod(2198).next()

    assert "election_year" == raised.value.field
    assert "2198" in raised.value.message


def test_election_day_before_the_cycle_says_which_elections_busmodel_knows() -> None:
    with pytest.raises(ModelError) as raised:
        election_day(1990)

    assert (
        "1990 is before 1994, the first election of the four-year cycle that busmodel knows"
        == raised.value.message
    )


@pytest.mark.parametrize(
    ("convention", "first"),
    [(Convention.COMMITTEE, "1995–1998"), (Convention.COUNCIL, "1994–1998")],
)
def test_a_day_before_the_first_term_names_that_term_in_the_convention_asked_for(
    convention: Convention, first: str
) -> None:
    with pytest.raises(ModelError) as raised:
        MandatePeriod.containing(D(1994, 1, 1), convention)

    assert f"1994-01-01 is before the first mandate period known ({first})" == raised.value.message


def test_containing_counts_by_the_committee_convention_unless_told() -> None:
    assert MandatePeriod(2022) == MandatePeriod.containing(D(2023, 1, 1))
