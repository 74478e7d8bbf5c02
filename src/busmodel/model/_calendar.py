"""The Swedish calendar: weekends and public and de facto holidays, from the law.

One home for every rule and planner that needs to know whether a day is a
working day. The days are computed here from the law, for every year a document
may name (1900-2199), with Easter Sunday from :func:`dateutil.easter.easter`:

- **public** holidays (allmänna helgdagar): lagen (1989:253) om allmänna
  helgdagar from 1990, as amended by SFS 2004:1320 from 2005 (Nationaldagen in,
  Annandag pingst out); before it lagen (1952:48) om allmänna helgdagar from
  1953 (Midsommardagen on a Saturday, Alla helgons dag a new Saturday holiday,
  Jungfru Marie bebådelsedag on a Sunday); before 1953 the older calendar
  (Midsommardagen on 24 June, Jungfru Marie bebådelsedag on 25 March, no Alla
  helgons dag), with Första maj from 1939 (lagen (1938:107));
- **de facto** holidays: Midsommarafton, Julafton and Nyårsafton, which the
  Semesterlag (1977:480, 7 §) counts as Sundays and nobody works.

The law counts every Sunday as a holiday; the calendar lists only the days with
a name (Påskdagen and Pingstdagen, always Sundays, among them) and leaves plain
Sundays to :func:`is_weekend`.

Each year is computed once, on first use, under a lock, and kept: a lookup is a
dictionary access. Nothing heavy is imported: ``dateutil.easter`` (a few
lines of arithmetic) only when the first year is computed.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
from collections.abc import Iterable
from typing import Final

import attrs

from busmodel.model import _check
from busmodel.model._errors import ModelError
from busmodel.model._text import LANGUAGES, Lang, Text, fields_repr

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Holiday",
    "HolidayKind",
    "holiday",
    "holiday_name",
    "holidays_between",
    "holidays_in",
    "is_weekend",
    "is_working_day",
]

FIRST_YEAR: Final = _check.FIRST_DAY.year
"""The first year the calendar knows: the first a document may name (1900)."""
LAST_YEAR: Final = _check.LAST_DAY.year
"""The last year the calendar knows: the last a document may name (2199)."""

_SATURDAY: Final = 5
_SUNDAY: Final = 6


class HolidayKind(enum.Enum):
    """Why a day is not a working day."""

    PUBLIC = "public"
    """An allmän helgdag named by the law (lagen (1989:253) om allmänna helgdagar)."""
    DE_FACTO = "de_facto"
    """Midsommarafton, Julafton or Nyårsafton: not a helgdag, but counted as a Sunday."""


@attrs.frozen
class Holiday:
    """A Swedish public or de facto holiday: its day, its name and its kind.

    >>> midsummer_eve = holiday(dt.date(2026, 6, 19))
    >>> midsummer_eve.name.sv, midsummer_eve.name.en, midsummer_eve.kind.value
    ('Midsommarafton', 'Midsummer Eve', 'de_facto')

    Two holidays on one day are one :class:`Holiday` whose name joins theirs,
    public if either is:

    >>> holiday(dt.date(2008, 5, 1)).name
    Text(en='May Day and Ascension Day', sv='Första maj och Kristi himmelsfärdsdag')
    """

    __repr__ = fields_repr

    day: dt.date = attrs.field(validator=_check.day)
    name: Text = attrs.field(validator=_check.instance(Text))
    kind: HolidayKind = attrs.field(validator=_check.instance(HolidayKind))


# The names, in Swedish as the law writes them (capitalised as a name) and in English.
_NEW_YEARS_DAY: Final = Text(en="New Year's Day", sv="Nyårsdagen")
_EPIPHANY: Final = Text(en="Epiphany", sv="Trettondedag jul")
_ANNUNCIATION: Final = Text(en="Feast of the Annunciation", sv="Jungfru Marie bebådelsedag")
_GOOD_FRIDAY: Final = Text(en="Good Friday", sv="Långfredagen")
_EASTER_SUNDAY: Final = Text(en="Easter Sunday", sv="Påskdagen")
_EASTER_MONDAY: Final = Text(en="Easter Monday", sv="Annandag påsk")
_MAY_DAY: Final = Text(en="May Day", sv="Första maj")
_ASCENSION_DAY: Final = Text(en="Ascension Day", sv="Kristi himmelsfärdsdag")
_WHIT_SUNDAY: Final = Text(en="Whit Sunday", sv="Pingstdagen")
_WHIT_MONDAY: Final = Text(en="Whit Monday", sv="Annandag pingst")
_NATIONAL_DAY: Final = Text(en="National Day", sv="Nationaldagen")
_MIDSUMMER_EVE: Final = Text(en="Midsummer Eve", sv="Midsommarafton")
_MIDSUMMER_DAY: Final = Text(en="Midsummer Day", sv="Midsommardagen")
_ALL_SAINTS_DAY: Final = Text(en="All Saints' Day", sv="Alla helgons dag")
_CHRISTMAS_EVE: Final = Text(en="Christmas Eve", sv="Julafton")
_CHRISTMAS_DAY: Final = Text(en="Christmas Day", sv="Juldagen")
_BOXING_DAY: Final = Text(en="Boxing Day", sv="Annandag jul")
_NEW_YEARS_EVE: Final = Text(en="New Year's Eve", sv="Nyårsafton")

# The years in which the law changed.
_REFORM_1953: Final = 1953
"""Lagen (1952:48): midsummer and All Saints on Saturdays, the Annunciation on a Sunday."""
_MAY_DAY_FROM: Final = 1939
"""Lagen (1938:107): the first of May counts as an allmän helgdag."""
_LAW_1989: Final = 1990
"""Lagen (1989:253), in force 1 January 1990: the Annunciation is no longer a holiday."""
_NATIONAL_DAY_FROM: Final = 2005
"""SFS 2004:1320, in force 1 April 2005: Nationaldagen in, Annandag pingst out."""


def _on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The first day on or after ``day`` that falls on ``weekday`` (Monday is 0)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _annunciation(year: int, easter: dt.date) -> dt.date | None:
    """Jungfru Marie bebådelsedag in ``year``, or None once it is no longer a holiday.

    Before 1953, 25 March; when that falls in Holy Week it is kept on the
    Saturday before Palm Sunday, and when it falls on Easter Sunday or Easter
    Monday on the Tuesday after Easter (tredjedag påsk), as the church
    calendar has had it since the 1680s. From 1953 to 1989, lagen (1952:48):
    the Sunday between 22 and 28 March, or the Sunday before Palm Sunday when
    that Sunday is Palm Sunday or Easter Sunday.
    """
    if year >= _LAW_1989:
        return None
    if year < _REFORM_1953:
        day = dt.date(year, 3, 25)
        palm_sunday = easter - _days(7)
        if palm_sunday <= day < easter:
            return palm_sunday - _days(1)
        if easter <= day <= easter + _days(1):
            return easter + _days(2)
        return day
    sunday = _on_or_after(dt.date(year, 3, 22), _SUNDAY)
    if sunday in (easter - _days(7), easter):
        return easter - _days(14)
    return sunday


def _law(year: int) -> Iterable[tuple[dt.date, Text, HolidayKind]]:
    """Every holiday of ``year``, in the order of the law, before days are merged."""
    from dateutil.easter import easter as easter_sunday  # a few lines: imported on first use

    public, de_facto = HolidayKind.PUBLIC, HolidayKind.DE_FACTO
    easter = easter_sunday(year)
    yield dt.date(year, 1, 1), _NEW_YEARS_DAY, public
    yield dt.date(year, 1, 6), _EPIPHANY, public
    annunciation = _annunciation(year, easter)
    if annunciation is not None:
        yield annunciation, _ANNUNCIATION, public
    yield easter - _days(2), _GOOD_FRIDAY, public
    yield easter, _EASTER_SUNDAY, public
    yield easter + _days(1), _EASTER_MONDAY, public
    if year >= _MAY_DAY_FROM:
        yield dt.date(year, 5, 1), _MAY_DAY, public
    yield easter + _days(39), _ASCENSION_DAY, public  # the sixth Thursday after Easter
    yield easter + _days(49), _WHIT_SUNDAY, public  # the seventh Sunday after Easter
    if year < _NATIONAL_DAY_FROM:
        yield easter + _days(50), _WHIT_MONDAY, public
    else:
        yield dt.date(year, 6, 6), _NATIONAL_DAY, public
    if year < _REFORM_1953:
        midsummer = dt.date(year, 6, 24)
    else:
        midsummer = _on_or_after(dt.date(year, 6, 20), _SATURDAY)
    yield midsummer - _days(1), _MIDSUMMER_EVE, de_facto
    yield midsummer, _MIDSUMMER_DAY, public
    if year >= _REFORM_1953:
        yield _on_or_after(dt.date(year, 10, 31), _SATURDAY), _ALL_SAINTS_DAY, public
    yield dt.date(year, 12, 24), _CHRISTMAS_EVE, de_facto
    yield dt.date(year, 12, 25), _CHRISTMAS_DAY, public
    yield dt.date(year, 12, 26), _BOXING_DAY, public
    yield dt.date(year, 12, 31), _NEW_YEARS_EVE, de_facto


def _in_sentence(name: str) -> str:
    """A Swedish holiday name inside a sentence: lower case but for Kristi."""
    return name if name.startswith("Kristi") else name[:1].lower() + name[1:]


def _joined(first: Holiday, name: Text, kind: HolidayKind) -> Holiday:
    """``first`` with a second holiday on the same day joined to it."""
    both = Text(
        en=f"{first.name.en} and {name.en}",
        sv=f"{first.name.sv} och {_in_sentence(name.sv)}",
    )
    public = HolidayKind.PUBLIC in (first.kind, kind)
    return Holiday(first.day, both, HolidayKind.PUBLIC if public else HolidayKind.DE_FACTO)


@attrs.frozen
class _Year:
    __repr__ = fields_repr

    holidays: tuple[Holiday, ...]
    by_day: dict[dt.date, Holiday]


def _compute(year: int) -> _Year:
    by_day: dict[dt.date, Holiday] = {}
    for day, name, kind in _law(year):
        earlier = by_day.get(day)
        by_day[day] = Holiday(day, name, kind) if earlier is None else _joined(earlier, name, kind)
    ordered = tuple(sorted(by_day.values(), key=lambda holiday: holiday.day))
    return _Year(ordered, {holiday.day: holiday for holiday in ordered})


_YEARS: dict[int, _Year] = {}
_LOCK: Final = threading.Lock()


def _year(year: int) -> _Year:
    """The holidays of ``year``, computed once (under a lock) and kept."""
    known = _YEARS.get(year)
    if known is not None:
        return known
    with _LOCK:
        known = _YEARS.get(year)
        if known is None:
            known = _YEARS[year] = _compute(year)
        return known


def _checked_year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        got = type(year).__name__
        raise ModelError("year", f"expected int, got {got}", sv=f"förväntade int, fick {got}")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ModelError(
            "year",
            f"{year} is not between {FIRST_YEAR} and {LAST_YEAR}",
            sv=f"{year} ligger inte mellan {FIRST_YEAR} och {LAST_YEAR}",
        )
    return year


def _checked_day(day: dt.date, field: str = "day") -> dt.date:
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        got = type(day).__name__
        raise ModelError(
            field, f"expected a date, got {got}", sv=f"förväntade ett datum, fick {got}"
        )
    if not _check.FIRST_DAY <= day <= _check.LAST_DAY:
        first, last = _check.FIRST_DAY, _check.LAST_DAY
        raise ModelError(
            field,
            f"{day} is not between {first} and {last}",
            sv=f"{day} ligger inte mellan {first} och {last}",
        )
    return day


def holidays_in(year: int) -> tuple[Holiday, ...]:
    """Every Swedish public and de facto holiday of ``year``, in date order.

    Plain Sundays are not listed (see :func:`is_weekend`); ``year`` must be one a
    document may name, 1900 to 2199, else :class:`ModelError` (``field == "year"``).

    >>> [str(h.day) for h in holidays_in(2026)][:4]
    ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05']
    >>> [h.name.sv for h in holidays_in(2026)][2:6]
    ['Långfredagen', 'Påskdagen', 'Annandag påsk', 'Första maj']
    """
    return _year(_checked_year(year)).holidays


def holidays_between(first: dt.date, last: dt.date) -> tuple[Holiday, ...]:
    """The holidays from ``first`` through ``last`` (both included), in date order.

    >>> days = holidays_between(dt.date(2026, 12, 20), dt.date(2027, 1, 5))
    >>> [h.name.sv for h in days]
    ['Julafton', 'Juldagen', 'Annandag jul', 'Nyårsafton', 'Nyårsdagen']
    """
    _checked_day(first, "first")
    _checked_day(last, "last")
    return tuple(
        holiday
        for year in range(first.year, last.year + 1)
        for holiday in _year(year).holidays
        if first <= holiday.day <= last
    )


def holiday(day: dt.date) -> Holiday | None:
    """The Swedish public or de facto holiday on ``day``, or None.

    ``day`` must be a date (not a date and time) from 1900 to 2199, else
    :class:`ModelError` (``field == "day"``).

    >>> holiday(dt.date(2026, 10, 31)).name.sv
    'Alla helgons dag'
    >>> holiday(dt.date(2150, 12, 25)).name.en
    'Christmas Day'
    >>> holiday(dt.date(2026, 11, 29)) is None  # a plain Sunday
    True
    """
    return _year(_checked_day(day).year).by_day.get(day)


def holiday_name(day: dt.date, lang: Lang = "sv") -> str | None:
    """The name of the Swedish public or de facto holiday on ``day``, or None.

    >>> holiday_name(dt.date(2026, 6, 19))
    'Midsommarafton'
    >>> holiday_name(dt.date(2026, 12, 24), "en")
    'Christmas Eve'
    >>> holiday_name(dt.date(2026, 11, 26)) is None
    True
    """
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'sv' or 'en', not {lang!r}")
    found = holiday(day)
    return None if found is None else found.name.get(lang)


def is_weekend(day: dt.date) -> bool:
    """Whether ``day`` is a Saturday or a Sunday."""
    return day.weekday() >= _SATURDAY


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is neither a weekend day nor a Swedish public or de facto holiday.

    >>> is_working_day(dt.date(2026, 11, 27)), is_working_day(dt.date(2026, 6, 19))
    (True, False)
    """
    return holiday(day) is None and not is_weekend(day)  # holiday() checks the day first
