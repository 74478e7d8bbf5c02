"""Forums: the organs of a collaboration, who sits in them and how often they meet."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Final

import attrs

from busmodel.model import _check
from busmodel.model._errors import ModelError
from busmodel.model._text import Text, fields_repr

__all__ = [
    "Assignment",
    "AssignmentStatus",
    "Cadence",
    "Duty",
    "FollowUp",
    "Forum",
    "ForumLevel",
    "ForumScope",
    "Frequency",
    "Member",
    "Window",
    "season",
]


class ForumLevel(enum.Enum):
    """The level a forum works at."""

    POLITICAL = "political"
    """Presidia of the committees meeting together (Presidie-BUS, politisk samverkan)."""
    STEERING = "steering"
    """A steering group (styrgrupp): proposes priorities, follows up, evaluates yearly."""
    MANAGEMENT = "management"
    """A management group (ledningsgrupp): the heads of the administrations."""
    WORKING = "working"
    """A working group (arbetsgrupp) of officials."""
    DEVELOPMENT = "development"
    """A development group (utvecklingsgrupp) that holds assignments."""
    PUPILS = "pupils"
    """A pupils' group (Elev-BUS)."""


class ForumScope(enum.Enum):
    """Where a forum of a framework works, apart from its level."""

    REGIONAL = "regional"
    """County-wide (regional nivå): the region and every member municipality."""
    LOCAL = "local"
    """In one municipality (lokal nivå)."""


class Duty(enum.Enum):
    """What a follow-up asks for: an evaluation by the forum, or a report to named bodies."""

    EVALUATE = "evaluate"
    """The forum evaluates the year (utvärdera)."""
    REPORT = "report"
    """The forum reports the year to each recipient (redovisa för nämnden)."""


class AssignmentStatus(enum.Enum):
    """How far an assignment has come."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    ORDINARY_OPERATIONS = "ordinary-operations"
    """Completed and taken over as ordinary operations (ordinarie verksamhet)."""


class Frequency(enum.Enum):
    """How often something recurs."""

    YEARLY = "yearly"


def _level(value: ForumLevel | str | None) -> ForumLevel | None:
    """A forum level, given as the member or as its value (``"steering"``), or None."""
    if value is None or type(value) is ForumLevel:
        return value
    return _check.member(ForumLevel, value)


def _scope(value: ForumScope | str | None) -> ForumScope | None:
    """A forum scope, given as the member or as its value (``"local"``), or None."""
    if value is None or type(value) is ForumScope:
        return value
    return _check.member(ForumScope, value)


def _duty(value: Duty | str) -> Duty:
    """A duty, given as the member or as its value (``"report"``)."""
    return value if type(value) is Duty else _check.member(Duty, value)


def _status(value: AssignmentStatus | str) -> AssignmentStatus:
    """An assignment status, given as the member or as its value (``"ongoing"``)."""
    return value if type(value) is AssignmentStatus else _check.member(AssignmentStatus, value)


def _frequency(value: Frequency | str) -> Frequency:
    """A frequency, given as the member or as its value (``"yearly"``)."""
    return value if type(value) is Frequency else _check.member(Frequency, value)


def _months(value: tuple[int, int] | list[int]) -> tuple[int, int]:
    """The first and the last month, given as a tuple or any other iterable of the two.

    Typed as a pair or a list so that a type checker still flags ``(1,)``; the
    validator checks the number of months whatever was given.
    """
    if type(value) is tuple:
        return value
    return _check.to_tuple(value)  # type: ignore[return-value]  # two months: the validator


@attrs.frozen
class Member:
    """A body's seat in a forum, with an optional role.

    Roles are free text: ``presidium``, ``head``, ``representative``, or a named
    role such as ``folkhälsostrateg``.
    """

    __repr__ = fields_repr

    body: str = attrs.field(validator=_check.identifier)
    role: str | None = attrs.field(default=None, validator=_check.optional_text)


@attrs.frozen
class Window:
    """A named part of the year in which a regular meeting is held.

    ``months`` are the first and last month, inclusive: a pair, such as ``(1, 6)``
    (a list ``[1, 6]`` is stored as that tuple).

    >>> Window("spring", (1, 6), focus="tidigare och pågående satsningar").contains_month(3)
    True
    """

    __repr__ = fields_repr

    name: str = attrs.field(validator=_check.text)
    months: tuple[int, int] = attrs.field(converter=_months)
    focus: str | None = attrs.field(default=None, validator=_check.optional_text)

    @months.validator
    def _check_months(self, _: attrs.Attribute[tuple[int, int]], value: tuple[int, int]) -> None:
        if not (isinstance(value, tuple) and len(value) == 2):
            raise ModelError(
                "months",
                "expected the first and the last month, like (1, 6)",
                sv="förväntade den första och den sista månaden, som (1, 6)",
            )
        for month in value:
            if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
                raise ModelError(
                    "months",
                    f"{month!r} is not a month (1-12)",
                    sv=f"{month!r} är ingen månad (1-12)",
                )
        if value[0] > value[1]:
            raise ModelError(
                "months",
                f"the first month ({value[0]}) comes after the last ({value[1]})",
                sv=f"den första månaden ({value[0]}) kommer efter den sista ({value[1]})",
            )

    @property
    def first_month(self) -> int:
        """The first month of the window."""
        return self.months[0]

    @property
    def last_month(self) -> int:
        """The last month of the window, inclusive."""
        return self.months[1]

    def contains_month(self, month: int) -> bool:
        """Whether ``month`` (1-12) falls in the window."""
        return self.months[0] <= month <= self.months[1]

    def overlaps(self, other: Window) -> bool:
        """Whether the two windows share a month."""
        return self.months[0] <= other.months[1] and other.months[0] <= self.months[1]

    def in_year(self, year: int) -> tuple[dt.date, dt.date]:
        """The first and last day of the window in ``year``."""
        first = dt.date(year, self.months[0], 1)
        if self.months[1] == 12:
            return first, dt.date(year, 12, 31)
        return first, dt.date(year, self.months[1] + 1, 1) - dt.timedelta(days=1)


def _windows(value: Iterable[Window]) -> tuple[Window, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


@attrs.frozen
class Cadence:
    """How often a forum meets: meetings per year, in named windows of the year."""

    __repr__ = fields_repr

    meetings_per_year: int | None = attrs.field(
        default=None, validator=_check.optional(_check.in_range(1, 366))
    )
    """The least number of regular meetings a year; None where the text gives no number
    ("several times a year", "when needed")."""
    windows: tuple[Window, ...] = attrs.field(
        default=(), converter=_windows, validator=_check.tuple_of(_check.instance(Window))
    )
    extra_meetings: bool = attrs.field(default=False, validator=_check.instance(bool))
    """Whether extra meetings may be called when needed (vid behov)."""


@attrs.frozen
class FollowUp:
    """A duty to follow up and evaluate (uppföljning och utvärdering)."""

    __repr__ = fields_repr

    evaluation: Frequency = attrs.field(
        default=Frequency.YEARLY, converter=_frequency, validator=_check.one_of(Frequency)
    )
    description: str | None = attrs.field(default=None, validator=_check.optional_text)
    duty: Duty = attrs.field(default=Duty.EVALUATE, converter=_duty, validator=_check.one_of(Duty))
    recipients: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.identifier)
    )
    """For a report: the bodies it goes to, one report to each every year."""

    def __attrs_post_init__(self) -> None:
        if self.recipients and self.duty is not Duty.REPORT:
            raise ModelError(
                "recipients",
                "only a report (duty 'report') has recipients",
                sv="bara en rapport (duty 'report') har mottagare",
            )
        if self.duty is Duty.REPORT and not self.recipients:
            raise ModelError(
                "recipients",
                "a report names the bodies it goes to",
                sv="en rapport anger de organ den går till",
            )


@attrs.frozen
class Assignment:
    """A task a group works on (uppdrag), such as planning a family centre."""

    __repr__ = fields_repr

    title: str = attrs.field(validator=_check.text)
    status: AssignmentStatus = attrs.field(
        converter=_status, validator=_check.one_of(AssignmentStatus)
    )
    start: dt.date | None = attrs.field(default=None, validator=_check.optional(_check.day))
    end: dt.date | None = attrs.field(default=None, validator=_check.optional(_check.day))
    partners: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.text)
    )
    """Named partners outside the agreement (free text)."""

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ModelError(
                "end",
                f"the assignment ends ({self.end}) before it starts ({self.start})",
                sv=f"uppdraget slutar ({self.end}) innan det börjar ({self.start})",
            )


def _members(value: Iterable[Member]) -> tuple[Member, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _assignments(value: Iterable[Assignment]) -> tuple[Assignment, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


@attrs.frozen
class Forum:
    """A collaboration organ: a steering group, a management group, a pupils' group."""

    __repr__ = fields_repr

    id: str = attrs.field(validator=_check.identifier)
    name: str = attrs.field(validator=_check.text)
    level: ForumLevel | None = attrs.field(
        default=None, converter=_level, validator=_check.optional(_check.one_of(ForumLevel))
    )
    """What the forum does; None where the text does not say."""
    members: tuple[Member, ...] = attrs.field(
        default=(), converter=_members, validator=_check.tuple_of(_check.instance(Member))
    )
    duties: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.text)
    )
    cadence: Cadence | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Cadence))
    )
    follow_up: FollowUp | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(FollowUp))
    )
    assignments: tuple[Assignment, ...] = attrs.field(
        default=(),
        converter=_assignments,
        validator=_check.tuple_of(_check.instance(Assignment)),
    )
    scope: ForumScope | None = attrs.field(
        default=None, converter=_scope, validator=_check.optional(_check.one_of(ForumScope))
    )
    per_member: bool = attrs.field(default=False, validator=_check.instance(bool))
    """The forum stands for one such group in each member municipality of a framework."""

    def __attrs_post_init__(self) -> None:
        if self.per_member and self.scope is ForumScope.REGIONAL:
            raise ModelError(
                "per_member",
                "one group in each member municipality is local",
                sv="en grupp i varje medlemskommun är lokal",
            )

    def member_ids(self) -> tuple[str, ...]:
        """The ids of the member bodies, in order."""
        return tuple(member.body for member in self.members)


_SEASONS: Final = {
    alias: Text(en=en, sv=sv)
    for (en, sv), aliases in (
        (("spring", "våren"), ("spring", "vår", "våren")),
        (("summer", "sommaren"), ("summer", "sommar", "sommaren")),
        (("autumn", "hösten"), ("autumn", "fall", "höst", "hösten")),
        (("winter", "vintern"), ("winter", "vinter", "vintern")),
    )
    for alias in aliases
}


def season(name: str) -> Text | None:
    """A window named for a season (in English or Swedish), as each language names it.

    Swedish uses the definite form, as in "under hösten 2024". Other names give None.

    >>> season("Autumn")
    Text(en='autumn', sv='hösten')
    >>> season("Q1") is None
    True
    """
    return _SEASONS.get(name.strip().casefold())
