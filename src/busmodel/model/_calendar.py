"""The Swedish calendar: weekends and public and de facto holidays.

One home for every rule and planner that needs to know whether a day is a
working day. Holidays come from the well-kept ``holidays`` package, imported
on first use so that ``import busmodel`` stays quick. Both categories count:
``public`` (allmänna helgdagar, lagen (1989:253) om allmänna helgdagar) and
``de_facto`` (Midsommarafton, Julafton, Nyårsafton).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping

from busmodel.model._text import Lang

__all__ = ["holiday_name", "is_weekend", "is_working_day"]

_LANGUAGES: dict[Lang, str] = {"sv": "sv", "en": "en_US"}
_SATURDAY = 5


@functools.cache
def _holidays(year: int, lang: Lang) -> Mapping[dt.date, str]:
    import holidays

    calendar = holidays.country_holidays(
        "SE",
        years=year,
        categories=("public", "de_facto"),
        language=_LANGUAGES[lang],
        include_sundays=False,
    )
    return dict(calendar.items())


def holiday_name(day: dt.date, lang: Lang = "sv") -> str | None:
    """The name of the Swedish public or de facto holiday on ``day``, or None.

    >>> holiday_name(dt.date(2026, 6, 19))
    'Midsommarafton'
    >>> holiday_name(dt.date(2026, 12, 24), "en")
    'Christmas Eve'
    >>> holiday_name(dt.date(2026, 11, 26)) is None
    True
    """
    return _holidays(day.year, lang).get(day)


def is_weekend(day: dt.date) -> bool:
    """Whether ``day`` is a Saturday or a Sunday."""
    return day.weekday() >= _SATURDAY


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is neither a weekend day nor a Swedish public or de facto holiday."""
    return not is_weekend(day) and holiday_name(day) is None
