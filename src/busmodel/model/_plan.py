"""Meeting plans: a proposed date for every regular meeting a forum's cadence asks for.

:func:`plan` proposes, for one calendar year, a date for every required regular
meeting of every forum with a cadence. Which meetings are required is counted
as rule REC003 counts them:

* a cadence with windows asks for a meeting in each window; when it states more
  meetings a year than it has windows (``meetings_per_year = 4`` in two
  windows), the stated number is planned, spread over the windows in order (the
  first windows take one more when the number does not divide evenly);
* a cadence without windows asks for its stated number of meetings in the
  calendar year, or for one when it gives no number ("several times a year");
* a cadence without a number or windows that allows meetings when needed
  (vid behov) asks for no regular meeting, and none is planned;
* only windows (and, without windows, years) that lie wholly within the
  validity are planned, as only they are counted.

Each meeting falls on the preferred weekday of a week inside its window, and
never on a day that is blocked: a weekend day, a Swedish public or de facto
holiday (:mod:`busmodel.model._calendar`: Midsommarafton and Julafton included),
a day in the summer holiday weeks (:data:`JULY_WEEKS`, ISO weeks 27-31), or a
day in one of the periods the caller asks to avoid (school breaks differ from
municipality to municipality). Two meetings of one forum never share an ISO
week, and the meetings of a window are spread over it: with ``k`` meetings and
``m`` free weeks, the ``i``-th meeting takes the free week at index
``(2i + 1) * m // (2k)``, so one meeting lands in the middle of its window.
Only when a window has fewer free weeks with a free preferred weekday than it
has meetings does a meeting move to the free working day nearest the preferred
weekday in another free week of the window. A window that cannot hold its
meetings at all is an error, never a meeting quietly dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from busmodel.model import _check
from busmodel.model._agreement import Agreement
from busmodel.model._calendar import is_working_day
from busmodel.model._errors import ModelError
from busmodel.model._forums import Cadence, Forum, Window
from busmodel.model._lifetime import Extensions, prolonged
from busmodel.model._period import Period
from busmodel.model._text import Lang, Text, fields_repr, span_text

__all__ = [
    "DEFAULT_DURATION",
    "DEFAULT_TIME",
    "DEFAULT_WEEKDAY",
    "JULY_WEEKS",
    "PlannedMeeting",
    "plan",
    "required_meetings",
    "window_label",
]

JULY_WEEKS: Final[tuple[int, ...]] = (27, 28, 29, 30, 31)
"""The Swedish summer holiday weeks, ISO weeks 27-31, in which no meeting is planned.

Most of the country takes its four weeks of summer leave in these weeks (the
common industrial holiday is weeks 28-31, and many municipal offices close
from week 27), so together they cover every day of July but the first one to
four and the first days of August. The weeks are ISO 8601 weeks, Monday to
Sunday, as Swedish calendars number them.
"""
DEFAULT_WEEKDAY: Final[int] = 1
"""The preferred weekday when none is given: Tuesday (``calendar.TUESDAY``, 1).

Written as the number: importing :mod:`calendar` (and :mod:`locale`) for two constants
would cost every ``import busmodel``."""
DEFAULT_TIME: Final = dt.time(13, 0)
"""The start time when none is given: 13:00, local time in Sweden."""
DEFAULT_DURATION: Final = dt.timedelta(hours=2)
"""The length of a meeting when none is given: two hours."""

_SEASONS: Final = {
    alias: Text(en=en, sv=sv)
    for (en, sv), aliases in (
        (("spring", "vår"), ("spring", "vår", "våren")),
        (("summer", "sommar"), ("summer", "sommar", "sommaren")),
        (("autumn", "höst"), ("autumn", "fall", "höst", "hösten")),
        (("winter", "vinter"), ("winter", "vinter", "vintern")),
    )
    for alias in aliases
}
_FRIDAY: Final = 4
"""Friday as :mod:`calendar` numbers it (``calendar.FRIDAY``)."""
_MIDNIGHT: Final = dt.timedelta(days=1)
_WORKING_DAYS: Final = (0, 1, 2, 3, 4)


def _start(_: object, attribute: attrs.Attribute[dt.time], value: dt.time) -> None:
    """Require a local time of day without a time zone (the plan's are Swedish time)."""
    if not isinstance(value, dt.time):
        got = type(value).__name__
        raise ModelError(
            attribute.name,
            f"expected a time of day, got {got}",
            sv=f"förväntade ett klockslag, fick {got}",
        )
    if value.tzinfo is not None:
        raise ModelError(
            attribute.name,
            "expected a local time without a time zone: meetings are in Swedish time",
            sv="förväntade ett klockslag utan tidszon: mötena hålls i svensk tid",
        )


def _length(instance: Any, attribute: attrs.Attribute[dt.timedelta], value: dt.timedelta) -> None:
    """Require a positive length that ends the meeting on the day it starts."""
    if not isinstance(value, dt.timedelta):
        got = type(value).__name__
        raise ModelError(
            attribute.name,
            f"expected a length of time, got {got}",
            sv=f"förväntade en tidslängd, fick {got}",
        )
    if value <= dt.timedelta(0):
        raise ModelError(
            attribute.name,
            f"a meeting lasts a while, not {_minutes(value)} minutes",
            sv=f"ett möte pågår en stund, inte {_minutes(value)} minuter",
        )
    start: dt.time = instance.start
    if _since_midnight(start) + value > _MIDNIGHT:
        raise ModelError(
            attribute.name,
            f"a meeting that starts at {start:%H:%M} and lasts {_minutes(value)} minutes "
            "ends after midnight",
            sv=f"ett möte som börjar {start:%H:%M} och pågår {_minutes(value)} minuter "
            "slutar efter midnatt",
        )


def _minutes(length: dt.timedelta) -> str:
    """A length in minutes, as text: ``120``, or ``90.5`` for one that is not whole."""
    minutes = length / dt.timedelta(minutes=1)
    return f"{minutes:g}"


def _since_midnight(time: dt.time) -> dt.timedelta:
    return dt.timedelta(
        hours=time.hour, minutes=time.minute, seconds=time.second, microseconds=time.microsecond
    )


@attrs.frozen
class PlannedMeeting:
    """A proposed regular meeting of a forum: the day, the time and what it is for.

    ``window`` and ``focus`` are the name and focus of the cadence window the
    meeting falls in (None for a cadence without windows); ``chair`` is the id
    of the body that chairs on that day, recorded or derived from the rotation
    (:meth:`Agreement.chair_on`; None where no body can be named). ``start`` is
    local (Swedish) time, without a time zone.

    >>> meeting = PlannedMeeting("politisk-samverkan", dt.date(2027, 3, 30), window="spring")
    >>> meeting.start, meeting.end, meeting.week
    (datetime.time(13, 0), datetime.time(15, 0), (2027, 13))
    >>> meeting.starts_at()
    datetime.datetime(2027, 3, 30, 13, 0)
    """

    __repr__ = fields_repr

    forum: str = attrs.field(validator=_check.identifier)
    date: dt.date = attrs.field(validator=_check.day)
    start: dt.time = attrs.field(default=DEFAULT_TIME, validator=_start)
    duration: dt.timedelta = attrs.field(default=DEFAULT_DURATION, validator=_length)
    window: str | None = attrs.field(default=None, validator=_check.optional_text)
    focus: str | None = attrs.field(default=None, validator=_check.optional_text)
    chair: str | None = attrs.field(default=None, validator=_check.optional_identifier)

    @property
    def week(self) -> tuple[int, int]:
        """The ISO year and week of the meeting: ``(2027, 13)``."""
        iso = self.date.isocalendar()
        return iso.year, iso.week

    @property
    def end(self) -> dt.time:
        """The time the meeting ends (``00:00`` for one that ends at midnight)."""
        return (self.starts_at() + self.duration).time()

    def starts_at(self) -> dt.datetime:
        """The date and local time the meeting starts, without a time zone."""
        return dt.datetime.combine(self.date, self.start)

    def ends_at(self) -> dt.datetime:
        """The date and local time the meeting ends, without a time zone."""
        return self.starts_at() + self.duration


def window_label(name: str, lang: Lang) -> str:
    """A window's name as ``lang`` says it: a season in that language, else as written.

    >>> window_label("autumn", "sv"), window_label("Våren", "en"), window_label("Q1", "sv")
    ('höst', 'spring', 'Q1')
    """
    found = _SEASONS.get(name.strip().casefold())
    return name if found is None else found.get(lang)


def required_meetings(cadence: Cadence) -> tuple[int, ...]:
    """How many regular meetings a year a cadence asks for: one count a window, in order.

    A cadence without windows gives one count, for the whole year; a cadence that
    asks for no regular meeting (no number, no windows, meetings when needed)
    gives none.

    >>> from busmodel import Cadence, Window
    >>> spring, autumn = Window("spring", (1, 6)), Window("autumn", (7, 12))
    >>> required_meetings(Cadence(2, (spring, autumn))), required_meetings(Cadence(5, (spring, autumn)))
    ((1, 1), (3, 2))
    >>> required_meetings(Cadence(4)), required_meetings(Cadence()), required_meetings(Cadence(extra_meetings=True))
    ((4,), (1,), ())
    """  # noqa: E501
    windows = len(cadence.windows)
    if not windows:
        if cadence.meetings_per_year is None and cadence.extra_meetings:
            return ()
        return (cadence.meetings_per_year or 1,)
    total = max(cadence.meetings_per_year or 0, windows)
    each, more = divmod(total, windows)
    return tuple(each + (1 if j < more else 0) for j in range(windows))


def plan(
    agreement: Agreement,
    year: int,
    *,
    weekday: int = DEFAULT_WEEKDAY,
    time: dt.time = DEFAULT_TIME,
    duration: dt.timedelta = DEFAULT_DURATION,
    avoid: Iterable[Period] = (),
    holiday_weeks: Iterable[int] = JULY_WEEKS,
    registry: Extensions | None = None,
) -> tuple[PlannedMeeting, ...]:
    """Propose a date for every required regular meeting of every forum in ``year``.

    ``weekday`` is the preferred day of the week, Monday to Friday as
    :mod:`calendar` numbers them (``calendar.TUESDAY``, 1, by default);
    ``time`` and ``duration`` are those of every meeting. No meeting falls on a
    weekend day, a Swedish public or de facto holiday, in ``holiday_weeks``
    (ISO week numbers; :data:`JULY_WEEKS` by default) or in one of the
    ``avoid`` periods. The meetings come in date order (and, on one day, in the
    order of the forums); the same arguments always give the same plan. See
    the module's documentation for how meetings are counted and spread.

    ``registry`` gives the agreement's extension documents (a :class:`Registry` is
    one): the agreement is then planned as long as its final extensions carry it
    on, as :func:`status` sees it, and past its own end its chair is the rotation
    continued (:meth:`Agreement.chair_schedule`).

    Raises :class:`ModelError` for an agreement without a validity or not in
    force on any day of ``year`` (field ``year``), for arguments out of range,
    and for a window that has fewer free weeks than meetings to hold (field
    ``cadence``, with the forum's and the window's place in ``path``).

    >>> from busmodel import Cadence, Forum, Validity, Window
    >>> cadence = Cadence(2, (Window("spring", (1, 6)), Window("autumn", (7, 12))))
    >>> agreement = Agreement(id="bus", title="BUS", validity=Validity.for_mandate_period(2026),
    ...                       forums=[Forum("presidie-bus", "Presidie-BUS", cadence=cadence)])
    >>> [(str(m.date), m.window) for m in plan(agreement, 2027)]
    [('2027-04-06', 'spring'), ('2027-10-19', 'autumn')]
    """
    planner = _Planner.of(
        year,
        weekday=weekday,
        time=time,
        duration=duration,
        avoid=avoid,
        holiday_weeks=holiday_weeks,
    )
    validity = _validity_in(agreement, year, registry)
    planned: list[tuple[dt.date, int, PlannedMeeting]] = []
    for f, forum in enumerate(agreement.forums):
        for meeting in planner.forum(agreement, f, forum, validity):
            planned.append((meeting.date, f, meeting))
    planned.sort(key=lambda item: (item[0], item[1]))
    return tuple(meeting for _, _, meeting in planned)


def _validity_in(agreement: Agreement, year: int, registry: Extensions | None) -> Period:
    """The agreement's validity, prolonged through its extensions, when it covers ``year``."""
    days = Period.of_year(year)
    if agreement.validity is None:
        raise ModelError(
            "year",
            f"the agreement {agreement.id!r} states no validity, so no year can be planned",
            sv=f"överenskommelsen {agreement.id!r} anger ingen giltighetstid, så inget år "
            "kan planeras",
        )
    validity = agreement.validity.period
    if registry is not None:
        validity, _ = prolonged(validity, registry.extensions_of(agreement.id))
    if not validity.overlaps(days):
        span = span_text(validity.start, validity.end)
        raise ModelError(
            "year",
            f"the agreement {agreement.id!r} is not in force in {year} (it is in force {span.en})",
            sv=f"överenskommelsen {agreement.id!r} gäller inte under {year} (den gäller {span.sv})",
        )
    return validity


def _chair_on(agreement: Agreement, day: dt.date) -> str | None:
    """Who chairs on ``day``: as the agreement says, and past its end as its rotation continues."""
    assert agreement.validity is not None
    if agreement.validity.period.contains(day):
        return agreement.chair_on(day)
    term = next((t for t in agreement.chair_schedule(day) if t.period.contains(day)), None)
    return None if term is None else term.body


@attrs.frozen
class _Planner:
    """The choices that hold for every forum of one plan, checked once."""

    __repr__ = fields_repr

    year: int
    weekday: int
    time: dt.time
    duration: dt.timedelta
    avoid: tuple[Period, ...]
    holiday_weeks: frozenset[int]

    @classmethod
    def of(
        cls,
        year: int,
        *,
        weekday: int,
        time: dt.time,
        duration: dt.timedelta,
        avoid: Iterable[Period],
        holiday_weeks: Iterable[int],
    ) -> _Planner:
        Period.of_year(year)  # a year busmodel handles, or a ModelError naming "year"
        if isinstance(weekday, bool) or not isinstance(weekday, int):
            got = type(weekday).__name__
            raise ModelError(
                "weekday",
                f"expected a weekday, 0 (Monday) to 4 (Friday), got {got}",
                sv=f"förväntade en veckodag, 0 (måndag) till 4 (fredag), fick {got}",
            )
        if not 0 <= weekday <= _FRIDAY:
            raise ModelError(
                "weekday",
                f"{weekday} is not a working weekday, 0 (Monday) to 4 (Friday)",
                sv=f"{weekday} är ingen vardag, 0 (måndag) till 4 (fredag)",
            )
        try:  # a meeting built here checks the time and the duration as every meeting does
            PlannedMeeting("check", dt.date(year, 1, 1), time, duration)
        except ModelError as error:
            field = "time" if error.field == "start" else error.field  # the argument's name
            raise ModelError(field, error.message, sv=error.sv) from None
        periods = tuple(avoid) if not isinstance(avoid, Period) else (avoid,)
        for k, period in enumerate(periods):
            if not isinstance(period, Period):
                got = type(period).__name__
                raise ModelError(
                    "avoid",
                    f"expected periods to avoid, got {got}",
                    path=f"avoid/{k}",
                    sv=f"förväntade perioder att undvika, fick {got}",
                )
        weeks = tuple(holiday_weeks)
        for k, week in enumerate(weeks):
            if isinstance(week, bool) or not isinstance(week, int) or not 1 <= week <= 53:
                raise ModelError(
                    "holiday_weeks",
                    f"{week!r} is not an ISO week number (1-53)",
                    path=f"holiday_weeks/{k}",
                    sv=f"{week!r} är inget ISO-veckonummer (1-53)",
                )
        return cls(year, weekday, time, duration, periods, frozenset(weeks))

    def free(self, day: dt.date) -> bool:
        """Whether a meeting may fall on ``day``."""
        return (
            is_working_day(day)
            and day.isocalendar().week not in self.holiday_weeks
            and not any(period.contains(day) for period in self.avoid)
        )

    def forum(
        self, agreement: Agreement, f: int, forum: Forum, validity: Period
    ) -> Iterator[PlannedMeeting]:
        """The planned meetings of one forum, window by window."""
        cadence = forum.cadence
        if cadence is None:
            return
        counts = required_meetings(cadence)
        windows: tuple[Window | None, ...] = cadence.windows or (None,)
        taken: set[tuple[int, int]] = set()
        for j, (window, count) in enumerate(zip(windows, counts, strict=False)):
            if window is None:
                first, last = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
                where = f"forums/{f}/cadence"
            else:
                first, last = window.in_year(self.year)
                where = f"forums/{f}/cadence/windows/{j}"
            if not validity.covers(Period(first, last)):
                continue  # not counted (REC003): the agreement is not in force all of it
            days = self._days(first, last, count, taken)
            if len(days) < count:
                raise self._impossible(forum, window, (first, last), count, len(days), where)
            for day in days:
                taken.add(_week(day))
                yield PlannedMeeting(
                    forum.id,
                    day,
                    self.time,
                    self.duration,
                    window=None if window is None else window.name,
                    focus=None if window is None else window.focus,
                    chair=_chair_on(agreement, day),
                )

    def _days(
        self, first: dt.date, last: dt.date, count: int, taken: set[tuple[int, int]]
    ) -> list[dt.date]:
        """``count`` free days between ``first`` and ``last``, spread, one a free week."""
        from dateutil import rrule

        preferred = [
            day.date()
            for day in rrule.rrule(
                rrule.WEEKLY,
                byweekday=self.weekday,
                dtstart=dt.datetime.combine(first, dt.time()),
                until=dt.datetime.combine(last, dt.time()),
            )
            if self.free(day.date()) and _week(day.date()) not in taken
        ]
        if len(preferred) >= count:
            return _spread(preferred, count)
        weeks: dict[tuple[int, int], dt.date] = {_week(day): day for day in preferred}
        for day in rrule.rrule(
            rrule.DAILY,
            byweekday=_WORKING_DAYS,
            dtstart=dt.datetime.combine(first, dt.time()),
            until=dt.datetime.combine(last, dt.time()),
        ):
            date, week = day.date(), _week(day.date())
            if week in taken or not self.free(date):
                continue
            known = weeks.get(week)
            if known is None or self._nearer(date, known):
                weeks[week] = date
        return _spread(sorted(weeks.values()), count)

    def _nearer(self, day: dt.date, than: dt.date) -> bool:
        """Whether ``day`` is nearer the preferred weekday than ``than`` (the earlier on a tie)."""
        ours, theirs = abs(day.weekday() - self.weekday), abs(than.weekday() - self.weekday)
        return (ours, day) < (theirs, than)

    def _impossible(
        self,
        forum: Forum,
        window: Window | None,
        days: tuple[dt.date, dt.date],
        count: int,
        free: int,
        where: str,
    ) -> ModelError:
        first, last = days
        meetings = "one meeting" if count == 1 else f"{count} meetings"
        möten = "ett möte" if count == 1 else f"{count} möten"
        if window is None:
            en_when, sv_when = f"in {self.year}", f"under {self.year}"
        else:
            en_when = f"in the window {window.name!r} of {self.year}"
            sv_when = f"under mötesperioden {window.name!r} {self.year}"
        en_weeks = "no week" if free == 0 else f"only {free} of its weeks"
        sv_weeks = "ingen vecka" if free == 0 else f"bara {free} av dess veckor"
        return ModelError(
            "cadence",
            f"{forum.name} cannot hold {meetings} {en_when} ({first} – {last}): {en_weeks} "
            f"{'has' if free <= 1 else 'have'} a working day that is neither a holiday nor in "
            "the summer holiday weeks or a period to avoid",
            path=where,
            sv=f"{forum.name} kan inte hålla {möten} {sv_when} ({first} – {last}): {sv_weeks} "
            "har en arbetsdag som varken är en helgdag eller ligger i semesterveckorna eller "
            "en period att undvika",
        )


def _week(day: dt.date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def _spread(days: list[dt.date], count: int) -> list[dt.date]:
    """``count`` of the sorted ``days``, evenly spread: one meeting takes the middle one.

    >>> days = [dt.date(2027, 1, d) for d in (5, 12, 19, 26)]
    >>> [d.day for d in _spread(days, 1)], [d.day for d in _spread(days, 2)]
    ([19], [12, 26])
    """
    if count <= 0 or len(days) < count:
        return days[:0] if count <= 0 else days
    return [days[(2 * i + 1) * len(days) // (2 * count)] for i in range(count)]
