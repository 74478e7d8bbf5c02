import ast
import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from busmodel.model import ModelError
from busmodel.model._calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    Holiday,
    HolidayKind,
    holiday,
    holiday_name,
    holidays_between,
    holidays_in,
    is_weekend,
    is_working_day,
)

DAYS = st.dates(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31))
YEARS = st.integers(FIRST_YEAR, LAST_YEAR)
FRIDAY, SATURDAY, SUNDAY = 4, 5, 6


@pytest.mark.parametrize(
    ("day", "swedish", "english"),
    [
        (dt.date(2023, 1, 1), "Nyårsdagen", "New Year's Day"),
        (dt.date(2025, 4, 20), "Påskdagen", "Easter Sunday"),
        (dt.date(2026, 6, 19), "Midsommarafton", "Midsummer Eve"),
        (dt.date(2026, 6, 20), "Midsommardagen", "Midsummer Day"),
        (dt.date(2026, 10, 31), "Alla helgons dag", "All Saints' Day"),
        (dt.date(2026, 12, 24), "Julafton", "Christmas Eve"),
        (dt.date(2026, 12, 26), "Annandag jul", "Boxing Day"),
        (dt.date(2026, 12, 31), "Nyårsafton", "New Year's Eve"),
        (dt.date(2026, 6, 6), "Nationaldagen", "National Day"),
        (dt.date(2026, 5, 14), "Kristi himmelsfärdsdag", "Ascension Day"),
    ],
)
def test_public_and_de_facto_holidays_are_named_in_both_languages(
    day: dt.date, swedish: str, english: str
) -> None:
    assert swedish == holiday_name(day, "sv")
    assert english == holiday_name(day, "en")


def test_the_holidays_of_2026_are_the_law_s_sixteen_days_in_date_order() -> None:
    expected = [
        ("2026-01-01", "Nyårsdagen", HolidayKind.PUBLIC),
        ("2026-01-06", "Trettondedag jul", HolidayKind.PUBLIC),
        ("2026-04-03", "Långfredagen", HolidayKind.PUBLIC),
        ("2026-04-05", "Påskdagen", HolidayKind.PUBLIC),
        ("2026-04-06", "Annandag påsk", HolidayKind.PUBLIC),
        ("2026-05-01", "Första maj", HolidayKind.PUBLIC),
        ("2026-05-14", "Kristi himmelsfärdsdag", HolidayKind.PUBLIC),
        ("2026-05-24", "Pingstdagen", HolidayKind.PUBLIC),
        ("2026-06-06", "Nationaldagen", HolidayKind.PUBLIC),
        ("2026-06-19", "Midsommarafton", HolidayKind.DE_FACTO),
        ("2026-06-20", "Midsommardagen", HolidayKind.PUBLIC),
        ("2026-10-31", "Alla helgons dag", HolidayKind.PUBLIC),
        ("2026-12-24", "Julafton", HolidayKind.DE_FACTO),
        ("2026-12-25", "Juldagen", HolidayKind.PUBLIC),
        ("2026-12-26", "Annandag jul", HolidayKind.PUBLIC),
        ("2026-12-31", "Nyårsafton", HolidayKind.DE_FACTO),
    ]
    assert expected == [(str(h.day), h.name.sv, h.kind) for h in holidays_in(2026)]


def test_an_ordinary_sunday_is_a_weekend_day_not_a_holiday() -> None:
    sunday = dt.date(2026, 11, 29)
    assert None is holiday_name(sunday)
    assert None is holiday(sunday)
    assert is_weekend(sunday)
    assert not is_working_day(sunday)


def test_a_weekday_without_a_holiday_is_a_working_day() -> None:
    thursday = dt.date(2026, 11, 26)
    assert not is_weekend(thursday)
    assert is_working_day(thursday)


def test_a_weekday_holiday_is_not_a_working_day() -> None:
    good_friday = dt.date(2026, 4, 3)
    assert not is_weekend(good_friday)
    assert not is_working_day(good_friday)


def test_a_de_facto_holiday_on_a_weekday_is_not_a_working_day() -> None:
    christmas_eve = dt.date(2025, 12, 24)  # a Wednesday
    assert not is_weekend(christmas_eve)
    assert HolidayKind.DE_FACTO == holiday(christmas_eve).kind  # type: ignore[union-attr]
    assert not is_working_day(christmas_eve)


# The history of the law ------------------------------------------------------------


def test_nationaldagen_is_a_holiday_only_from_2005() -> None:
    assert None is holiday_name(dt.date(2004, 6, 6))
    assert "Nationaldagen" == holiday_name(dt.date(2005, 6, 6))
    assert not is_working_day(dt.date(2005, 6, 6))  # a Monday


def test_annandag_pingst_is_a_holiday_only_until_2004() -> None:
    assert "Annandag pingst" == holiday_name(dt.date(2004, 5, 31))
    whit_monday_2005 = dt.date(2005, 5, 16)
    assert None is holiday_name(whit_monday_2005)
    assert is_working_day(whit_monday_2005)


def test_the_annunciation_is_a_sunday_holiday_from_1953_until_1989() -> None:
    assert "Jungfru Marie bebådelsedag" == holiday_name(dt.date(1989, 3, 12))
    assert "Jungfru Marie bebådelsedag" == holiday_name(dt.date(1953, 3, 22))
    assert [] == [h for h in holidays_in(1990) if h.name.sv == "Jungfru Marie bebådelsedag"]


def test_before_1953_the_annunciation_is_on_25_march_and_midsummer_day_on_24_june() -> None:
    assert "Jungfru Marie bebådelsedag" == holiday_name(dt.date(1952, 3, 25))  # a Tuesday
    assert "Midsommarafton" == holiday_name(dt.date(1952, 6, 23))
    assert "Midsommardagen" == holiday_name(dt.date(1952, 6, 24))  # a Tuesday
    assert not is_working_day(dt.date(1952, 6, 24))


def test_an_annunciation_in_holy_week_before_1953_moves_to_the_saturday_before_palm_sunday() -> (
    None
):
    # Easter 1910 was on 27 March: 25 March was Good Friday.
    assert "Långfredagen" == holiday_name(dt.date(1910, 3, 25))
    assert "Jungfru Marie bebådelsedag" == holiday_name(dt.date(1910, 3, 19))


def test_an_annunciation_on_easter_before_1953_moves_to_the_tuesday_after_easter() -> None:
    # Easter 1951 was on 25 March.
    assert "Påskdagen" == holiday_name(dt.date(1951, 3, 25))
    assert "Jungfru Marie bebådelsedag" == holiday_name(dt.date(1951, 3, 27))


def test_alla_helgons_dag_is_a_holiday_only_from_1953() -> None:
    assert [] == [h for h in holidays_in(1952) if h.name.sv == "Alla helgons dag"]
    assert "Alla helgons dag" == holiday_name(dt.date(1953, 10, 31))


def test_forsta_maj_is_a_holiday_only_from_1939() -> None:
    assert None is holiday_name(dt.date(1936, 5, 1))  # a Friday
    assert "Första maj" == holiday_name(dt.date(1939, 5, 1))


def test_two_holidays_on_one_day_are_one_public_holiday_with_both_names() -> None:
    # Easter 2008 was on 23 March, so Ascension Day fell on 1 May.
    may_day = holiday(dt.date(2008, 5, 1))
    assert may_day is not None
    assert HolidayKind.PUBLIC == may_day.kind
    assert "May Day and Ascension Day" == may_day.name.en
    assert "Första maj och Kristi himmelsfärdsdag" == may_day.name.sv
    assert 1 == sum(h.day == dt.date(2008, 5, 1) for h in holidays_in(2008))


def test_years_after_2100_have_their_holidays() -> None:
    assert "Juldagen" == holiday_name(dt.date(2150, 12, 25))
    assert not is_working_day(dt.date(2150, 12, 25))  # a Friday
    assert "Midsommarafton" == holiday_name(dt.date(2199, 6, 21))
    assert 16 == len(holidays_in(2199))


# The range and the arguments -----------------------------------------------------------


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1])
def test_a_year_outside_1900_to_2199_is_refused(year: int) -> None:
    with pytest.raises(ModelError) as raised:
        holidays_in(year)
    assert "year" == raised.value.field


@pytest.mark.parametrize("day", [dt.date(1899, 12, 31), dt.date(2200, 1, 1)])
def test_a_day_outside_1900_to_2199_is_refused(day: dt.date) -> None:
    with pytest.raises(ModelError) as raised:
        is_working_day(day)
    assert "day" == raised.value.field


def test_a_date_and_time_is_refused() -> None:
    with pytest.raises(ModelError) as raised:
        holiday_name(dt.datetime(2026, 12, 24, 12, 0))
    assert "day" == raised.value.field


@pytest.mark.parametrize("year", [True, "2026", 2026.0])
def test_a_year_that_is_not_an_int_is_refused(year: object) -> None:
    with pytest.raises(ModelError) as raised:
        holidays_in(year)  # type: ignore[arg-type]
    assert "year" == raised.value.field


def test_an_unknown_language_is_refused_on_any_day() -> None:
    with pytest.raises(ValueError, match="lang"):
        holiday_name(dt.date(2026, 11, 26), "de")  # type: ignore[arg-type]


def test_holidays_between_spans_the_turn_of_the_year() -> None:
    days = holidays_between(dt.date(2026, 12, 25), dt.date(2027, 1, 6))
    expected = ["2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01", "2027-01-06"]
    assert expected == [str(h.day) for h in days]


def test_holidays_between_a_day_and_an_earlier_one_is_empty() -> None:
    assert () == holidays_between(dt.date(2026, 12, 31), dt.date(2026, 1, 1))


def test_each_year_is_computed_once_and_kept() -> None:
    assert holidays_in(2031) is holidays_in(2031)


def test_a_holiday_checks_its_fields() -> None:
    with pytest.raises(ModelError) as raised:
        Holiday(dt.date(2026, 1, 1), "Nyårsdagen", HolidayKind.PUBLIC)  # type: ignore[arg-type]
    assert "name" == raised.value.field


def test_the_first_lookup_imports_nothing_but_dateutil_easter() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from busmodel.model._calendar import holiday_name\n"
        "before = set(sys.modules)\n"
        "holiday_name(dt.date(2026, 6, 19))\n"
        "print(sorted(set(sys.modules) - before))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    allowed = {"dateutil", "dateutil._version", "dateutil.easter"}
    imported = set(ast.literal_eval(result.stdout.strip()))
    assert set() == imported - allowed


# Laws over every year and day ---------------------------------------------------------------


@given(YEARS)
def test_a_year_s_holidays_are_in_that_year_in_date_order_one_per_day(year: int) -> None:
    days = [h.day for h in holidays_in(year)]
    assert days == sorted(set(days))
    assert all(day.year == year for day in days)


@given(YEARS)
def test_the_movable_days_fall_on_their_weekdays(year: int) -> None:
    holidays = holidays_in(year)

    def named(name: str) -> dt.date:  # also when it shares its day with another holiday
        (day,) = [h.day for h in holidays if name.casefold() in h.name.sv.casefold()]
        return day

    assert SUNDAY == named("Påskdagen").weekday()
    assert SUNDAY == named("Pingstdagen").weekday()
    assert FRIDAY == named("Långfredagen").weekday()
    assert dt.timedelta(days=1) == named("Midsommardagen") - named("Midsommarafton")
    if year >= 1953:
        assert SATURDAY == named("Midsommardagen").weekday()
        assert dt.date(year, 6, 20) <= named("Midsommardagen") <= dt.date(year, 6, 26)
        assert SATURDAY == named("Alla helgons dag").weekday()
        assert dt.date(year, 10, 31) <= named("Alla helgons dag") <= dt.date(year, 11, 6)


@given(DAYS)
def test_a_working_day_is_a_weekday_without_a_holiday(day: dt.date) -> None:
    assert is_working_day(day) == (day.weekday() < SATURDAY and holiday(day) is None)


@given(DAYS)
def test_holiday_name_is_the_name_of_the_day_s_holiday_in_each_language(day: dt.date) -> None:
    found = holiday(day)
    assert (None if found is None else found.name.sv) == holiday_name(day, "sv")
    assert (None if found is None else found.name.en) == holiday_name(day, "en")
    assert found == next((h for h in holidays_in(day.year) if h.day == day), None)


@given(DAYS, DAYS)
def test_holidays_between_two_days_are_the_year_s_holidays_in_that_range(
    first: dt.date, last: dt.date
) -> None:
    expected = [
        h
        for year in range(first.year, last.year + 1)
        for h in holidays_in(year)
        if first <= h.day <= last
    ]
    assert expected == list(holidays_between(first, last))


# The `holidays` package as an oracle (a test dependency only) --------------------------------

# Where the package words a name otherwise than the law, in Swedish.
_ORACLE_NAMES = {"Marie bebådelsedag": "Jungfru Marie bebådelsedag"}


def test_the_calendar_matches_the_holidays_package_day_for_day_and_name_for_name() -> None:
    import holidays
    from holidays.countries.sweden import Sweden

    first, last = max(FIRST_YEAR, Sweden.start_year), min(2100, Sweden.end_year)
    # The package knows Sweden from the 1953 law on; the test must cover at least that.
    assert first <= 1953
    assert last == 2100
    years = range(first, last + 1)
    oracle = holidays.country_holidays(
        "SE",
        years=years,
        categories=(holidays.PUBLIC, holidays.DE_FACTO),
        language="sv",
        include_sundays=False,
    )
    public = holidays.country_holidays("SE", years=years, include_sundays=False)
    calendar = [h for year in years for h in holidays_in(year)]
    theirs = {day: name for day, name in oracle.items() if first <= day.year <= last}
    ours = {h.day: h.name.sv for h in calendar}
    assert sorted(theirs) == sorted(ours)
    their_public = sorted(day for day in public if first <= day.year <= last)
    assert their_public == [h.day for h in calendar if h.kind is HolidayKind.PUBLIC]
    unnamed = [
        (day, name)
        for day, names in theirs.items()
        for name in names.split("; ")
        if _ORACLE_NAMES.get(name, name).casefold() not in ours[day].casefold()
    ]
    assert [] == unnamed
