import datetime as dt

import pytest

from busmodel.model._calendar import holiday_name, is_weekend, is_working_day


@pytest.mark.parametrize(
    ("day", "swedish", "english"),
    [
        (dt.date(2023, 1, 1), "Nyårsdagen", "New Year's Day"),
        (dt.date(2026, 6, 19), "Midsommarafton", "Midsummer Eve"),
        (dt.date(2026, 12, 24), "Julafton", "Christmas Eve"),
        (dt.date(2026, 12, 31), "Nyårsafton", "New Year's Eve"),
        (dt.date(2026, 6, 6), "Nationaldagen", "National Day"),
    ],
)
def test_public_and_de_facto_holidays_are_named_in_both_languages(
    day: dt.date, swedish: str, english: str
) -> None:
    assert swedish == holiday_name(day, "sv")
    assert english == holiday_name(day, "en")


def test_an_ordinary_sunday_is_a_weekend_day_not_a_holiday() -> None:
    sunday = dt.date(2026, 11, 29)
    assert None is holiday_name(sunday)
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
