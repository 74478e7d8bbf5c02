"""Records kept after signing: meetings held, evaluations made, reports sent, reviews held.

An agreement is a signed text that does not change; its records grow. They
live in a document of their own that names the agreement it belongs to.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from busmodel.model import _check
from busmodel.model._errors import ModelError
from busmodel.model._text import Text, counted, fields_repr

__all__ = ["Evaluation", "Meeting", "MeetingKind", "Records", "ReportRecord", "ReviewRecord"]


class MeetingKind(enum.Enum):
    """Whether a meeting was one of the regular ones or called when needed."""

    REGULAR = "regular"
    EXTRA = "extra"


def _kind(value: MeetingKind | str) -> MeetingKind:
    """A meeting kind, given as the member or as its value (``"extra"``)."""
    return value if type(value) is MeetingKind else _check.member(MeetingKind, value)


@attrs.frozen
class Meeting:
    """A meeting a forum held.

    >>> Meeting("styrgrupp", dt.date(2024, 2, 6), "extra", ["budget"])
    Meeting(forum='styrgrupp', date=datetime.date(2024, 2, 6), kind=<MeetingKind.EXTRA: 'extra'>, topics=('budget',))
    """  # noqa: E501

    __repr__ = fields_repr

    forum: str = attrs.field(validator=_check.identifier)
    date: dt.date = attrs.field(validator=_check.day)
    kind: MeetingKind = attrs.field(
        default=MeetingKind.REGULAR, converter=_kind, validator=_check.one_of(MeetingKind)
    )
    topics: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.text)
    )


def _not_before_year(year: int, date: dt.date, what: Text) -> None:
    """Refuse an account of ``year`` (an evaluation, a report) dated before that year."""
    if date.year < year:
        raise ModelError(
            "date",
            f"the {what.en} of {year} is dated before that year ({date})",
            sv=f"{what.sv} av {year} är daterad före det året ({date})",
        )


@attrs.frozen
class Evaluation:
    """A forum's evaluation of a year of the collaboration."""

    __repr__ = fields_repr

    forum: str = attrs.field(validator=_check.identifier)
    year: int = attrs.field(validator=_check.in_range(1900, 2199))
    date: dt.date = attrs.field(validator=_check.day)
    summary: str | None = attrs.field(default=None, validator=_check.optional_text)

    def __attrs_post_init__(self) -> None:
        _not_before_year(self.year, self.date, Text(en="evaluation", sv="utvärderingen"))


@attrs.frozen
class ReportRecord:
    """A forum's report of a year to one body (redovisning), such as a committee."""

    __repr__ = fields_repr

    forum: str = attrs.field(validator=_check.identifier)
    recipient: str = attrs.field(validator=_check.identifier)
    year: int = attrs.field(validator=_check.in_range(1900, 2199))
    date: dt.date = attrs.field(validator=_check.day)
    summary: str | None = attrs.field(default=None, validator=_check.optional_text)

    def __attrs_post_init__(self) -> None:
        _not_before_year(self.year, self.date, Text(en="report", sv="redovisningen"))


@attrs.frozen
class ReviewRecord:
    """A review (omprövning) of the agreement: when, by whom, and with what outcome.

    ``by`` is the id of the body or forum that reviewed it.
    """

    __repr__ = fields_repr

    date: dt.date = attrs.field(validator=_check.day)
    by: str = attrs.field(validator=_check.identifier)
    outcome: str | None = attrs.field(default=None, validator=_check.optional_text)
    reference: str | None = attrs.field(default=None, validator=_check.optional_text)


def _meetings(value: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _evaluations(value: Iterable[Evaluation]) -> tuple[Evaluation, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _reports(value: Iterable[ReportRecord]) -> tuple[ReportRecord, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _reviews(value: Iterable[ReviewRecord]) -> tuple[ReviewRecord, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


@attrs.frozen(kw_only=True)
class Records:
    """The meetings and evaluations recorded for one agreement.

    Its ``repr`` is a summary that fits on a line, not a constructor call: the
    agreement, the number of meetings, and of the evaluations, reports and
    reviews there are. Records grow to hundreds of meetings, and a repr that
    lists them all buries what it is (compare records with ``==``, and see them
    whole with ``busmodel.dumps``).

    >>> Records(agreement="alingsas-bus-2023", meetings=[Meeting("styrgrupp", dt.date(2023, 3, 9))])
    <Records for 'alingsas-bus-2023': 1 meeting>
    """

    agreement: str = attrs.field(validator=_check.identifier)
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(), converter=_meetings, validator=_check.tuple_of(_check.instance(Meeting))
    )
    evaluations: tuple[Evaluation, ...] = attrs.field(
        default=(),
        converter=_evaluations,
        validator=_check.tuple_of(_check.instance(Evaluation)),
    )
    reports: tuple[ReportRecord, ...] = attrs.field(
        default=(), converter=_reports, validator=_check.tuple_of(_check.instance(ReportRecord))
    )
    reviews: tuple[ReviewRecord, ...] = attrs.field(
        default=(), converter=_reviews, validator=_check.tuple_of(_check.instance(ReviewRecord))
    )

    def __repr__(self) -> str:
        """``<Records for 'id': N meetings, N evaluations>``, and reports and reviews if any."""
        counts = [counted(len(self.meetings), "meeting")]
        if self.evaluations:
            counts.append(counted(len(self.evaluations), "evaluation"))
        if self.reports:
            counts.append(counted(len(self.reports), "report"))
        if self.reviews:
            counts.append(counted(len(self.reviews), "review"))
        return f"<Records for {self.agreement!r}: {', '.join(counts)}>"

    def meetings_of(self, forum_id: str) -> tuple[Meeting, ...]:
        """The meetings of one forum, in date order."""
        return tuple(sorted((m for m in self.meetings if m.forum == forum_id), key=_by_date))


def _by_date(meeting: Meeting) -> dt.date:
    return meeting.date
