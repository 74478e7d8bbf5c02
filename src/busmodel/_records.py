"""Records kept after signing: the meetings held and the evaluations made.

An agreement is a signed text that does not change; its records grow. They
live in a document of their own that names the agreement it belongs to.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from busmodel import _check
from busmodel._errors import ModelError

__all__ = ["Evaluation", "Meeting", "MeetingKind", "Records"]


class MeetingKind(enum.Enum):
    """Whether a meeting was one of the regular ones or called when needed."""

    REGULAR = "regular"
    EXTRA = "extra"


@attrs.frozen
class Meeting:
    """A meeting a forum held."""

    forum: str = attrs.field(validator=_check.identifier)
    date: dt.date = attrs.field(validator=_check.day)
    kind: MeetingKind = attrs.field(
        default=MeetingKind.REGULAR, validator=_check.instance(MeetingKind)
    )
    topics: tuple[str, ...] = attrs.field(default=(), validator=_check.tuple_of(_check.text))


@attrs.frozen
class Evaluation:
    """A forum's evaluation of a year of the collaboration."""

    forum: str = attrs.field(validator=_check.identifier)
    year: int = attrs.field(validator=_check.in_range(1900, 2200))
    date: dt.date = attrs.field(validator=_check.day)
    summary: str | None = attrs.field(default=None, validator=_check.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.date.year < self.year:
            raise ModelError(
                "date", f"the evaluation of {self.year} is dated before that year ({self.date})"
            )


@attrs.frozen(kw_only=True)
class Records:
    """The meetings and evaluations recorded for one agreement."""

    agreement: str = attrs.field(validator=_check.identifier)
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Meeting))
    )
    evaluations: tuple[Evaluation, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Evaluation))
    )

    def meetings_of(self, forum_id: str) -> tuple[Meeting, ...]:
        """The meetings of one forum, in date order."""
        return tuple(sorted((m for m in self.meetings if m.forum == forum_id), key=_by_date))


def _by_date(meeting: Meeting) -> dt.date:
    return meeting.date
