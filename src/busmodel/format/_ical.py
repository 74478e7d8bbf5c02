"""Meeting plans as iCalendar (RFC 5545), for calendars that each group can subscribe to.

:func:`to_ical` writes one ``VEVENT`` a planned meeting, with its time in
Europe/Stockholm and the ``VTIMEZONE`` that defines it, through the
``icalendar`` package (imported when first needed). The same agreement and
meetings always give the same bytes:

* ``UID`` is ``<agreement>.<forum>.<date>@busmodel``: stable from one run to the
  next, so a calendar that imports the file again updates its events instead of
  doubling them, and unique, as a plan holds at most one meeting a forum a week.
* ``DTSTAMP`` is the agreement's document date, 00:00 UTC (its validity's first
  day when it has none). The file carries no ``METHOD``, and for such a file
  RFC 5545 (3.8.7.2) defines ``DTSTAMP`` as when the information was last
  revised: for a plan, the agreement it comes from. The wall clock is never read.
* The ``VTIMEZONE`` is computed from the IANA time zone database (``zoneinfo``)
  for the years the meetings span, one observance a change of offset, each
  onset written in the local time before the change, as RFC 5545 (3.6.5)
  requires. (``icalendar``'s own ``Timezone.from_tzinfo`` writes the onset of
  summer time an hour late, in the time after the change.)
* ``ORGANIZER`` is the body that chairs on the day, where the agreement says.
  RFC 5545 (3.8.4.3) wants an organizer on group-scheduled entries and none on
  entries "only on a single user's calendar"; these are a forum's meetings,
  convened by its chair and on the calendar of every member, so the chair is
  their organizer. Its value must be a calendar address (a URI), which a
  committee does not have: the address is a placeholder,
  ``mailto:<body-id>@busmodel.invalid``, under the top-level domain that RFC 6761
  reserves so that it can never reach anyone, and the ``CN`` parameter carries
  the body's name, which is what calendars show. No ``ATTENDEE`` is written:
  members have no addresses either, and attendees would make calendars send
  replies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from busmodel._version import __version__
from busmodel.model import Agreement, ModelError, PlannedMeeting
from busmodel.model._plan import window_label
from busmodel.model._text import Lang

if TYPE_CHECKING:
    import icalendar

__all__ = ["PRODID", "TIME_ZONE", "to_ical"]

TIME_ZONE: Final = "Europe/Stockholm"
"""The time zone of every meeting: Swedish local time."""
PRODID: Final = f"-//busmodel//NONSGML busmodel {__version__}//EN"
"""The product that wrote the calendar (RFC 5545, 3.7.3), with busmodel's version."""
UID_DOMAIN: Final = "busmodel"
"""The right-hand side of every ``UID``."""
ORGANIZER_DOMAIN: Final = "busmodel.invalid"
"""The domain of the placeholder organizer addresses: ``.invalid`` never resolves (RFC 6761)."""

_UTC: Final = dt.UTC
_DAY: Final = dt.timedelta(days=1)
_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "sv": {
        "meeting": "Ordinarie möte",
        "under": "enligt",
        "window": "Mötesperiod",
        "focus": "Fokus",
        "chair": "Ordförande",
    },
    "en": {
        "meeting": "Regular meeting",
        "under": "under",
        "window": "Window",
        "focus": "Focus",
        "chair": "Chair",
    },
}


def to_ical(
    agreement: Agreement,
    meetings: Iterable[PlannedMeeting],
    *,
    forum: str | None = None,
    lang: Lang = "sv",
) -> bytes:
    """The planned ``meetings`` of ``agreement`` as an iCalendar file (RFC 5545), in UTF-8.

    With ``forum``, only that forum's meetings, named for the forum: a calendar
    for one group alone. ``lang`` is the language of the descriptions. Events
    come in the order of their start, then of their forum; the same arguments
    give the same bytes. An unknown ``forum`` raises :class:`ModelError`.

    >>> from busmodel import Forum, Validity
    >>> bus = Agreement(id="bus", title="BUS", document_date=dt.date(2026, 11, 27),
    ...                 validity=Validity.for_mandate_period(2026),
    ...                 forums=[Forum("presidie-bus", "Presidie-BUS")])
    >>> text = to_ical(bus, [PlannedMeeting("presidie-bus", dt.date(2027, 3, 30))]).decode()
    >>> [line for line in text.splitlines() if line.startswith(("DTSTART;", "UID", "DTSTAMP"))]
    ['DTSTART;TZID=Europe/Stockholm:20270330T130000', 'DTSTAMP:20261127T000000Z', 'UID:bus.presidie-bus.2027-03-30@busmodel']
    """  # noqa: E501
    if lang not in ("sv", "en"):
        raise ValueError(f"lang must be 'sv' or 'en', not {lang!r}")
    import icalendar

    chosen = sorted(meetings, key=lambda m: (m.date, m.start, m.forum, m.duration))
    name = agreement.title
    if forum is not None:
        found = agreement.forum(forum)
        if found is None:
            raise ModelError(
                "forum",
                f"the agreement {agreement.id!r} has no forum {forum!r}",
                sv=f"överenskommelsen {agreement.id!r} har inget forum {forum!r}",
            )
        chosen = [m for m in chosen if m.forum == forum]
        name = f"{found.name} – {agreement.title}"

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # the same, for calendars that predate RFC 7986
    calendar.add_component(_time_zone(_years(agreement, chosen)))
    stamp = _stamp(agreement)
    for meeting in chosen:
        calendar.add_component(_event(agreement, meeting, stamp, lang))
    content: bytes = calendar.to_ical()
    return content


def uid(agreement: Agreement, meeting: PlannedMeeting) -> str:
    """The stable ``UID`` of a planned meeting: ``<agreement>.<forum>.<date>@busmodel``.

    Ids hold no ``.``, so no two agreements' meetings share a UID.

    >>> uid(Agreement(id="bus", title="BUS"), PlannedMeeting("styrgrupp", dt.date(2027, 3, 30)))
    'bus.styrgrupp.2027-03-30@busmodel'
    """
    return f"{agreement.id}.{meeting.forum}.{meeting.date.isoformat()}@{UID_DOMAIN}"


def _event(
    agreement: Agreement, meeting: PlannedMeeting, stamp: dt.datetime, lang: Lang
) -> icalendar.Event:
    import zoneinfo

    import icalendar

    zone = zoneinfo.ZoneInfo(TIME_ZONE)
    forum = agreement.forum(meeting.forum)
    words = _WORDS[lang]
    event = icalendar.Event()
    event.add("uid", uid(agreement, meeting))
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at().replace(tzinfo=zone))
    event.add("dtend", meeting.ends_at().replace(tzinfo=zone))
    event.add("summary", meeting.forum if forum is None else forum.name)
    lines = [f"{words['meeting']} {words['under']} {agreement.title} ({agreement.id})."]
    if meeting.window is not None:
        lines.append(f"{words['window']}: {window_label(meeting.window, lang)}")
    if meeting.focus is not None:
        lines.append(f"{words['focus']}: {meeting.focus}")
    if meeting.chair is not None:
        lines.append(f"{words['chair']}: {agreement.name_of(meeting.chair)}")
        event.add(
            "organizer",
            f"mailto:{meeting.chair}@{ORGANIZER_DOMAIN}",
            parameters={"CN": agreement.name_of(meeting.chair)},
        )
    event.add("description", "\n".join(lines))
    return event


def _stamp(agreement: Agreement) -> dt.datetime:
    """``DTSTAMP``: the document date (else the validity's first day), 00:00 UTC."""
    day = agreement.document_date
    if day is None and agreement.validity is not None:
        day = agreement.validity.period.start
    if day is None:
        day = dt.date(1970, 1, 1)  # nothing dates the agreement: the Unix epoch, never the clock
    return dt.datetime.combine(day, dt.time(), _UTC)


def _years(agreement: Agreement, meetings: list[PlannedMeeting]) -> tuple[int, int]:
    """The first and last year the time zone must cover."""
    if meetings:
        return meetings[0].date.year, max(m.ends_at().year for m in meetings)
    if agreement.validity is not None:
        year = agreement.validity.period.start.year
        return year, year
    return 1970, 1970


def _time_zone(years: tuple[int, int]) -> icalendar.Timezone:
    """The ``VTIMEZONE`` of :data:`TIME_ZONE` for the years given, from ``zoneinfo``.

    It covers 1 January of the first year to the end of the last: one observance
    for the offset on 1 January, then one for each change of offset, its onset in
    the local time before the change.
    """
    import zoneinfo

    import icalendar

    zone = zoneinfo.ZoneInfo(TIME_ZONE)
    first = dt.datetime(years[0], 1, 1, tzinfo=zone).astimezone(_UTC)
    last = dt.datetime(years[1] + 1, 1, 1, tzinfo=zone).astimezone(_UTC)
    component = icalendar.Timezone()
    component.add("tzid", TIME_ZONE)
    offset = _offset(zone, first)
    component.add_component(_observance(zone, first, offset, offset))
    day = first
    while day < last:
        following = min(day + _DAY, last)
        if _offset(zone, following) != offset:
            change = _change(zone, day, following)
            before, offset = offset, _offset(zone, change)
            component.add_component(_observance(zone, change, before, offset))
        day = following
    return component


def _offset(zone: dt.tzinfo, instant: dt.datetime) -> dt.timedelta:
    found = instant.astimezone(zone).utcoffset()
    assert found is not None  # a ZoneInfo always knows its offset
    return found


def _change(zone: dt.tzinfo, before: dt.datetime, after: dt.datetime) -> dt.datetime:
    """The first whole second after ``before`` (and by ``after``) with another offset."""
    offset = _offset(zone, before)
    low, high = int(before.timestamp()), int(after.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if _offset(zone, dt.datetime.fromtimestamp(middle, _UTC)) == offset:
            low = middle
        else:
            high = middle
    return dt.datetime.fromtimestamp(high, _UTC)


def _observance(
    zone: dt.tzinfo, onset: dt.datetime, before: dt.timedelta, after: dt.timedelta
) -> icalendar.TimezoneStandard | icalendar.TimezoneDaylight:
    import icalendar

    local = onset.astimezone(zone)
    observance = icalendar.TimezoneDaylight() if local.dst() else icalendar.TimezoneStandard()
    observance.add("dtstart", (onset + before).replace(tzinfo=None))
    observance.add("tzoffsetfrom", before)
    observance.add("tzoffsetto", after)
    observance.add("tzname", local.tzname())
    return observance
