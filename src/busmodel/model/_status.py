"""Where an agreement stands on a day: one value a dashboard can show.

:func:`status` answers, for a given day, what a case officer looks up about an
agreement: whether it is in force, until when (through its extension
documents), how many days are left and whether renewal is due, who chairs now
and who chairs next, whether each forum's meeting window now open has had its
meeting, and which evaluations, reports and reviews are due.

It is a function, not a method of :class:`Agreement`: a method would make the
module of the agreement and this one import each other, and no module of
busmodel imports itself round (``tests/test_layers.py``). Like everything in
busmodel it reads no clock: the day is an argument.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Final, Protocol, runtime_checkable

import attrs

from busmodel.model import _check
from busmodel.model._agreement import Agreement, AgreementKind, ChairTerm, Review
from busmodel.model._errors import ModelError
from busmodel.model._forums import Duty, Forum, Window, season
from busmodel.model._lifetime import Extensions, prolonged
from busmodel.model._period import Period
from busmodel.model._records import MeetingKind, Records
from busmodel.model._text import Text, fields_repr

__all__ = [
    "RENEWAL_HORIZON_DAYS",
    "Due",
    "DueKind",
    "Standing",
    "Status",
    "WindowStatus",
    "status",
]

RENEWAL_HORIZON_DAYS: Final = 90
"""Renewal is due this many days before the end, by default: the horizon of rule LIF003."""
_ONE_DAY: Final = dt.timedelta(days=1)


@runtime_checkable
class _Successors(Protocol):
    """A store of documents that also knows which agreements supersede an agreement."""

    def successors_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        """The agreements that say they supersede ``agreement_id``."""
        ...


class Standing(enum.Enum):
    """Where an agreement is in its (effective) validity on a day."""

    IN_FORCE = "in-force"
    NOT_YET_IN_FORCE = "not-yet-in-force"
    EXPIRED = "expired"
    DRAFT = "draft"
    """A draft: it binds no one until it is signed or adopted, whatever its period."""
    NO_VALIDITY = "no-validity"
    """The agreement states no validity (VAL001 reports that)."""

    @property
    def text(self) -> Text:
        """The standing in words, in both languages.

        >>> Standing.EXPIRED.text.sv
        'har gått ut'
        """
        return _STANDINGS[self]


_STANDINGS: Final = {
    Standing.IN_FORCE: Text(en="in force", sv="gäller"),
    Standing.NOT_YET_IN_FORCE: Text(en="not yet in force", sv="gäller ännu inte"),
    Standing.EXPIRED: Text(en="expired", sv="har gått ut"),
    Standing.DRAFT: Text(en="draft, not in force", sv="utkast, gäller inte"),
    Standing.NO_VALIDITY: Text(en="no validity stated", sv="giltighetstid saknas"),
}


class DueKind(enum.Enum):
    """What is due: a forum's evaluation of a year, its report of a year, or a review."""

    EVALUATION = "evaluation"
    REPORT = "report"
    REVIEW = "review"


_optional_id = _check.optional_identifier
_optional_day = _check.optional(_check.day)
_count = _check.in_range(0, 2**63)


@attrs.frozen(kw_only=True)
class Due:
    """Something the agreement asks for that the records do not show done.

    An evaluation or report of a completed year is ``overdue`` (the rules REC004
    and REC008 report it); so is the review of a completed year (REC009). The
    review of the current year, not held yet, is due but not overdue: it may
    still be held by 31 December. ``text`` says it in both languages, with the
    names of the forum and the recipient.
    """

    __repr__ = fields_repr

    kind: DueKind = attrs.field(validator=_check.one_of(DueKind))
    year: int = attrs.field(validator=_check.in_range(1900, 2199))
    forum: str | None = attrs.field(default=None, validator=_optional_id)
    """The forum that owes it (an evaluation or a report); None for a review."""
    recipient: str | None = attrs.field(default=None, validator=_optional_id)
    """The body a report goes to; None otherwise."""
    overdue: bool = attrs.field(default=True, validator=_check.instance(bool))
    text: Text = attrs.field(validator=_check.instance(Text))


@attrs.frozen(kw_only=True)
class WindowStatus:
    """A forum's meeting window around a day: the one open, or else the next one.

    ``window`` is the window's name, or None for a cadence without windows, whose
    window is the calendar year. ``required`` is the number of regular meetings
    the window asks for (one a window; the cadence's number a year without
    windows), ``held`` the regular meetings recorded in it up to the day (None
    without records).

    >>> WindowStatus(forum="politisk", window="autumn", first=dt.date(2026, 7, 1),
    ...              last=dt.date(2026, 12, 31), open=True, required=1, held=0,
    ...              text=Text(en="...", sv="...")).met
    False
    """

    __repr__ = fields_repr

    forum: str = attrs.field(validator=_check.identifier)
    window: str | None = attrs.field(validator=_check.optional_text)
    first: dt.date = attrs.field(validator=_check.day)
    last: dt.date = attrs.field(validator=_check.day)
    open: bool = attrs.field(validator=_check.instance(bool))
    """Whether the day falls in the window; if not, this is the next window to open."""
    required: int = attrs.field(validator=_check.in_range(1, 366))
    held: int | None = attrs.field(validator=_check.optional(_count))
    focus: str | None = attrs.field(default=None, validator=_check.optional_text)
    text: Text = attrs.field(validator=_check.instance(Text))

    @property
    def met(self) -> bool | None:
        """Whether the window open has had its required meetings; None when not open or unknown."""
        if not self.open or self.held is None:
            return None
        return self.held >= self.required


def _window_items(value: Iterable[WindowStatus]) -> tuple[WindowStatus, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _due_items(value: Iterable[Due] | None) -> tuple[Due, ...] | None:
    return value if value is None or type(value) is tuple else _check.to_tuple(value)


@attrs.frozen(kw_only=True)
class Status:
    """Where an agreement stands on ``today``, as :func:`status` works it out.

    Every field is data (ids, dates, numbers, enums) for a dashboard to show or a
    system to read; where a value needs words, they are :class:`Text` in Swedish
    and English (``standing.text``, each window's and each due item's ``text``).
    """

    __repr__ = fields_repr

    agreement: str = attrs.field(validator=_check.identifier)
    """The agreement's id."""
    today: dt.date = attrs.field(validator=_check.day)
    standing: Standing = attrs.field(validator=_check.one_of(Standing))
    """In force, not yet, expired, or no validity stated: through its extensions."""
    start: dt.date | None = attrs.field(validator=_optional_day)
    """The first day of its validity."""
    end: dt.date | None = attrs.field(validator=_optional_day)
    """The last day of its own validity; None when open (until further notice) or unstated."""
    effective_end: dt.date | None = attrs.field(validator=_optional_day)
    """The last day it is in force through its extension documents; None when open."""
    extended_by: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.identifier)
    )
    """The extension documents that carry it on to ``effective_end``, in order."""
    days_left: int | None = attrs.field(validator=_check.optional(_check.instance(int)))
    """``effective_end - today`` in days: 0 on the last day, negative once expired."""
    renewal_due: bool = attrs.field(validator=_check.instance(bool))
    """Whether it ends within the horizon (from today on) and nothing continues it."""
    renewal_horizon_days: int = attrs.field(
        default=RENEWAL_HORIZON_DAYS, validator=_check.instance(int)
    )
    """Renewal is due from this many days before the end (a negative horizon: never)."""
    continued_by: str | None = attrs.field(default=None, validator=_optional_id)
    """The id of the extension (after a gap) or successor that takes over after the end."""
    chair: str | None = attrs.field(default=None, validator=_optional_id)
    """The body that chairs today; None when not in force or not known."""
    next_chair: str | None = attrs.field(default=None, validator=_optional_id)
    """The body of the chair term after today's, continuing the rotation past the end."""
    next_chair_from: dt.date | None = attrs.field(default=None, validator=_optional_day)
    windows: tuple[WindowStatus, ...] = attrs.field(
        default=(),
        converter=_window_items,
        validator=_check.tuple_of(_check.instance(WindowStatus)),
    )
    """For each forum with a cadence, the window open today (or the next); only in force."""
    due: tuple[Due, ...] | None = attrs.field(
        default=None,
        converter=_due_items,
        validator=_check.optional(_check.tuple_of(_check.instance(Due))),
    )
    """What the records do not show done; None when no records were given."""

    def __attrs_post_init__(self) -> None:
        if (self.days_left is None) != (self.effective_end is None):
            raise ModelError(
                "days_left",
                "days are left exactly when there is an end",
                sv="dagar återstår precis när det finns ett slut",
            )
        if (
            self.effective_end is not None
            and self.days_left != (self.effective_end - self.today).days
        ):
            raise ModelError(
                "days_left",
                f"{self.days_left} is not the days from {self.today} to {self.effective_end}",
                sv=f"{self.days_left} är inte antalet dagar från {self.today} "
                f"till {self.effective_end}",
            )
        if self.next_chair_from is not None and self.next_chair_from <= self.today:
            raise ModelError(
                "next_chair_from",
                f"the next chair takes over after {self.today}, not on {self.next_chair_from}",
                sv=f"nästa ordförande tar över efter {self.today}, inte {self.next_chair_from}",
            )

    @property
    def in_force(self) -> bool:
        """Whether the agreement is in force today, through its extensions."""
        return self.standing is Standing.IN_FORCE


def status(
    agreement: Agreement,
    *,
    today: dt.date,
    records: Records | None = None,
    registry: Extensions | None = None,
    renewal_horizon_days: int = RENEWAL_HORIZON_DAYS,
) -> Status:
    """Where ``agreement`` stands on ``today``: see :class:`Status`.

    ``records`` are the agreement's own (records kept for another agreement raise
    :class:`ModelError`); without them nothing is known about meetings held or
    duties done (``held`` and ``due`` are None). ``registry`` gives the extension
    documents (and, when it has ``successors_of``, the successors): the agreement is
    then in force to the end of its last extension (:func:`busmodel.model.prolonged`).
    Renewal is due, as rule LIF003 says, from ``renewal_horizon_days`` before that end
    to the end itself, unless an extension or successor already continues it.

    A function rather than a method of the agreement: the agreement's module and this
    one would otherwise import each other, which the layers forbid.

    >>> import busmodel
    >>> alingsas = busmodel.load_agreement("examples/alingsas-bus-2023-corrected.toml")
    >>> now = status(alingsas, today=dt.date(2026, 11, 27))
    >>> now.days_left, now.renewal_due, now.chair, now.next_chair, now.next_chair_from
    (34, True, 'barn-och-ungdomsnamnden', 'socialnamnden', datetime.date(2027, 1, 1))
    """
    _check.day(None, attrs.fields(Status).today, today)
    _check.instance(int)(None, attrs.fields(Status).renewal_horizon_days, renewal_horizon_days)
    if records is not None and records.agreement != agreement.id:
        raise ModelError(
            "records",
            f"the records are kept for {records.agreement!r}, not for {agreement.id!r}",
            sv=f"protokollen förs för {records.agreement!r}, inte för {agreement.id!r}",
        )
    validity = agreement.validity
    if validity is None:
        return Status(
            agreement=agreement.id,
            today=today,
            standing=Standing.NO_VALIDITY,
            start=None,
            end=None,
            effective_end=None,
            days_left=None,
            renewal_due=False,
            renewal_horizon_days=renewal_horizon_days,
            due=None if records is None else (),
        )
    extensions = () if registry is None else registry.extensions_of(agreement.id)
    effective, followed = prolonged(validity.period, extensions)
    end = effective.end
    standing = _standing(agreement, effective, today)
    left = None if end is None else (end - today).days
    continued = _continued_by(agreement, end, extensions, registry)
    chair, next_chair, next_from = _chairs(agreement, today, standing)
    in_force = standing is Standing.IN_FORCE
    return Status(
        agreement=agreement.id,
        today=today,
        standing=standing,
        start=validity.period.start,
        end=validity.period.end,
        effective_end=end,
        extended_by=tuple(extension.id for extension in followed),
        days_left=left,
        # An extension document is renewed through the agreement it extends (as LIF003).
        renewal_due=(
            agreement.kind is not AgreementKind.EXTENSION
            and standing is not Standing.DRAFT
            and left is not None
            and 0 <= left <= renewal_horizon_days
            and continued is None
        ),
        renewal_horizon_days=renewal_horizon_days,
        continued_by=continued,
        chair=chair,
        next_chair=next_chair,
        next_chair_from=next_from,
        windows=tuple(_windows(agreement, today, records)) if in_force else (),
        due=None if records is None else tuple(_due(agreement, effective, today, records)),
    )


def _standing(agreement: Agreement, effective: Period, today: dt.date) -> Standing:
    if not agreement.final:
        return Standing.DRAFT
    if today < effective.start:
        return Standing.NOT_YET_IN_FORCE
    return Standing.IN_FORCE if effective.contains(today) else Standing.EXPIRED


def _continued_by(
    agreement: Agreement,
    end: dt.date | None,
    extensions: tuple[Agreement, ...],
    registry: Extensions | None,
) -> str | None:
    """What continues the agreement after ``end``, as rule LIF003 sees it, starting first.

    An extension that starts after the end (after a gap, so not followed), or any
    agreement that supersedes it; one without a validity counts, after those with one.
    """
    if end is None:
        return None
    found: list[tuple[bool, dt.date, str]] = []
    for extension in extensions:
        if not extension.final:
            continue  # a draft continues nothing
        if extension.validity is None:
            found.append((True, dt.date.max, extension.id))
        elif extension.validity.period.start > end:
            found.append((False, extension.validity.period.start, extension.id))
    if isinstance(registry, _Successors):
        for successor in registry.successors_of(agreement.id):
            if successor.id == agreement.id or not successor.final:
                continue
            if successor.validity is None:
                found.append((True, dt.date.max, successor.id))
            else:
                found.append((False, successor.validity.period.start, successor.id))
    return min(found)[2] if found else None


def _chairs(
    agreement: Agreement, today: dt.date, standing: Standing
) -> tuple[str | None, str | None, dt.date | None]:
    """Who chairs today (only in force), and who chairs next, from when.

    Today's chair is the recorded or derived one (:meth:`Agreement.chair_on`); in an
    extension, past the agreement's own end, the schedule continued. The next is the
    body of the first scheduled term that starts after today's term (after today, for
    an agreement not yet in force).
    """
    validity = agreement.validity
    if agreement.chair is None or validity is None or standing is Standing.EXPIRED:
        return None, None, None  # an agreement that has ended has no next chair
    current_term = _term_on(agreement.chair_schedule(today), today)
    current = None
    if standing is Standing.IN_FORCE:
        current = agreement.chair_on(today) if agreement.in_force(today) else None
        if current is None and current_term is not None:
            current = current_term.body
    if current_term is None:
        target = max(today + _ONE_DAY, validity.period.start)
    elif current_term.period.end is None:
        return current, None, None
    else:
        target = current_term.period.end + _ONE_DAY
    if target > _check.LAST_DAY:
        return current, None, None
    for term in agreement.chair_schedule(target):
        if term.period.start > today and term is not current_term:
            return current, term.body, term.period.start
    return current, None, None


def _term_on(schedule: tuple[ChairTerm, ...], day: dt.date) -> ChairTerm | None:
    """The first term of ``schedule`` that covers ``day``."""
    return next((term for term in schedule if term.period.contains(day)), None)


def _window_label(window: Window | None, year: int) -> Text:
    """``autumn 2026`` / ``hösten 2026``; the calendar year for a cadence without windows."""
    if window is None:
        return Text(en=f"the year {year}", sv=f"året {year}")
    name = season(window.name)
    if name is None:
        return Text(en=f"{window.name} {year}", sv=f"{window.name} {year}")
    return Text(en=f"{name.en} {year}", sv=f"{name.sv} {year}")


def _windows(
    agreement: Agreement, today: dt.date, records: Records | None
) -> Iterator[WindowStatus]:
    """For each forum with a cadence, its window open today, or the next one to open.

    A cadence without a number or windows that allows meetings when needed asks
    for no regular meeting (as rule REC003 reads it) and has no window.
    """
    for forum in agreement.forums:
        cadence = forum.cadence
        if cadence is None:
            continue
        if not cadence.windows:
            if cadence.meetings_per_year is None and cadence.extra_meetings:
                continue
            year = Period.of_year(today.year)
            assert year.end is not None
            required = cadence.meetings_per_year or 1
            yield _window_status(forum, None, year.start, year.end, today, required, records)
            continue
        opened = [window for window in cadence.windows if window.contains_month(today.month)]
        for window in opened:
            first, last = window.in_year(today.year)
            yield _window_status(forum, window, first, last, today, 1, records)
        if opened:
            continue
        upcoming = [
            (window.in_year(year), position, window)
            for position, window in enumerate(cadence.windows)
            for year in (today.year, today.year + 1)
            if year <= _check.LAST_DAY.year and window.in_year(year)[0] > today
        ]
        if upcoming:
            (first, last), _, window = min(upcoming, key=lambda item: (item[0], item[1]))
            yield _window_status(forum, window, first, last, today, 1, records)


def _window_status(
    forum: Forum,
    window: Window | None,
    first: dt.date,
    last: dt.date,
    today: dt.date,
    required: int,
    records: Records | None,
) -> WindowStatus:
    is_open = first <= today <= last
    held = None
    if records is not None:
        held = sum(
            1
            for meeting in records.meetings
            if meeting.forum == forum.id
            and meeting.kind is MeetingKind.REGULAR
            and first <= meeting.date <= min(last, today)
        )
    label = _window_label(window, first.year)
    if not is_open:
        text = Text(
            en=f"{forum.name}: the next window, {label.en}, opens {first}",
            sv=f"{forum.name}: nästa mötesperiod, {label.sv}, börjar {first}",
        )
    elif held is None:
        text = Text(
            en=f"{forum.name}, {label.en} ({first} – {last}): no records",
            sv=f"{forum.name}, {label.sv} ({first} – {last}): protokoll saknas",
        )
    else:
        text = Text(
            en=f"{forum.name}, {label.en} ({first} – {last}): "
            f"regular meetings held {held} of {required}",
            sv=f"{forum.name}, {label.sv} ({first} – {last}): "
            f"ordinarie möten hållna {held} av {required}",
        )
    return WindowStatus(
        forum=forum.id,
        window=None if window is None else window.name,
        first=first,
        last=last,
        open=is_open,
        required=required,
        held=held,
        focus=None if window is None else window.focus,
        text=text,
    )


def _completed_years(period: Period, today: dt.date) -> range:
    """The calendar years wholly within ``period`` that ended before ``today`` (as REC004).

    A range: at most the three hundred years from 1900 to 2199, never a loop over days.
    """
    start, end = period.start, period.end
    first = start.year if (start.month, start.day) == (1, 1) else start.year + 1
    last = today.year - 1
    if end is not None:
        last = min(last, end.year if (end.month, end.day) == (12, 31) else end.year - 1)
    return range(first, last + 1)


def _name(agreement: Agreement, body_or_forum: str) -> str:
    """The name of a body or forum of the agreement, or its id when it has none."""
    forum = agreement.forum(body_or_forum)
    if forum is not None:
        return forum.name
    body = agreement.body(body_or_forum)
    return body_or_forum if body is None else body.name


def _due(
    agreement: Agreement, effective: Period, today: dt.date, records: Records
) -> Iterator[Due]:
    """What the records do not show done, counted as the rules REC004, REC008 and REC009 do.

    Over the effective validity: the calendar years wholly within it that have ended
    want an evaluation or a report to each recipient from each forum whose follow-up
    asks for one, and, for an agreement reviewed every year, a review; the current
    year, when wholly within it, wants its review by 31 December.
    """
    completed = _completed_years(effective, today)
    evaluated = {(evaluation.forum, evaluation.year) for evaluation in records.evaluations}
    reported = {(report.forum, report.recipient, report.year) for report in records.reports}
    for forum in agreement.forums:
        follow_up = forum.follow_up
        if follow_up is None:
            continue
        for year in completed:
            if follow_up.duty is Duty.EVALUATE:
                if (forum.id, year) not in evaluated:
                    yield Due(
                        kind=DueKind.EVALUATION,
                        year=year,
                        forum=forum.id,
                        text=Text(
                            en=f"evaluation of {year} ({forum.name})",
                            sv=f"utvärdering av {year} ({forum.name})",
                        ),
                    )
                continue
            for recipient in dict.fromkeys(follow_up.recipients):
                if (forum.id, recipient, year) in reported:
                    continue
                to = _name(agreement, recipient)
                yield Due(
                    kind=DueKind.REPORT,
                    year=year,
                    forum=forum.id,
                    recipient=recipient,
                    text=Text(
                        en=f"report of {year} to {to} ({forum.name})",
                        sv=f"redovisning av {year} för {to} ({forum.name})",
                    ),
                )
    validity = agreement.validity
    if validity is None or validity.review is not Review.ANNUAL:
        return
    reviewed = {review.date.year for review in records.reviews}
    for year in completed:
        if year not in reviewed:
            yield Due(
                kind=DueKind.REVIEW,
                year=year,
                text=Text(en=f"review of {year}", sv=f"omprövning {year}"),
            )
    this_year = Period.of_year(today.year)
    if effective.covers(this_year) and today.year not in reviewed:
        yield Due(
            kind=DueKind.REVIEW,
            year=today.year,
            overdue=False,
            text=Text(
                en=f"review of {today.year}, by {this_year.end}",
                sv=f"omprövning {today.year}, senast {this_year.end}",
            ),
        )
