"""Inclusive date ranges."""

from __future__ import annotations

import datetime as dt
from typing import Self

import attrs

from busmodel.model import _check
from busmodel.model._errors import ModelError
from busmodel.model._text import fields_repr

__all__ = ["Period"]

_OPEN = ".."


def _end_key(end: dt.date | None) -> dt.date:
    return dt.date.max if end is None else end


def _end_order(end: dt.date | None) -> tuple[bool, dt.date]:
    # An open end sorts after every date, even date.max, so that order agrees with ==.
    return (end is None, _end_key(end))


@attrs.frozen(order=True)
class Period:
    """An inclusive range of dates; an open ``end`` means "until further notice".

    Periods order by start, then by end (an open end sorts last). ``str`` gives
    an ISO 8601 interval that :meth:`parse` reads back.

    >>> term = Period(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
    >>> term.contains(dt.date(2024, 6, 1)), term.days
    (True, 1461)
    >>> str(term)
    '2023-01-01/2026-12-31'
    >>> Period.parse("2023-01-01/..")
    Period(start=datetime.date(2023, 1, 1), end=None)
    """

    __repr__ = fields_repr

    start: dt.date = attrs.field(validator=_check.day)
    end: dt.date | None = attrs.field(
        default=None, validator=_check.optional(_check.day), order=_end_order
    )

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ModelError(
                "end",
                f"the period ends ({self.end}) before it starts ({self.start})",
                sv=f"perioden slutar ({self.end}) innan den börjar ({self.start})",
            )

    @classmethod
    def of_year(cls, year: int) -> Self:
        """The calendar year ``year``, 1 January to 31 December.

        >>> Period.of_year(2024)
        Period(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))
        >>> Period.of_year(2024).days
        366
        """
        if isinstance(year, bool) or not isinstance(year, int):
            got = type(year).__name__
            raise ModelError("year", f"expected int, got {got}", sv=f"förväntade int, fick {got}")
        if not _check.FIRST_DAY.year <= year <= _check.LAST_DAY.year:
            first, last = _check.FIRST_DAY.year, _check.LAST_DAY.year
            raise ModelError(
                "year",
                f"{year} is not between {first} and {last}",
                sv=f"{year} ligger inte mellan {first} och {last}",
            )
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read an ISO 8601 interval ``START/END``, with ``..`` for an open end."""
        if not isinstance(text, str):
            got = type(text).__name__
            raise ModelError(
                "period", f"expected text, got {got}", sv=f"förväntade text, fick {got}"
            )
        start_text, sep, end_text = text.partition("/")
        if not sep:
            raise ModelError(
                "period",
                f"expected START/END, got {text!r}",
                sv=f"förväntade START/SLUT, fick {text!r}",
            )
        try:
            start = dt.date.fromisoformat(start_text)
            end = None if end_text == _OPEN else dt.date.fromisoformat(end_text)
        except ValueError:
            raise ModelError(
                "period",
                f"expected ISO dates in {text!r}",
                sv=f"förväntade ISO-datum i {text!r}",
            ) from None
        return cls(start, end)

    def __str__(self) -> str:
        """Render as ISO 8601 interval, ``..`` for an open end."""
        end = _OPEN if self.end is None else self.end.isoformat()
        return f"{self.start.isoformat()}/{end}"

    @property
    def is_open(self) -> bool:
        """Whether the period runs until further notice."""
        return self.end is None

    @property
    def days(self) -> int | None:
        """The number of days the period covers, both ends included; None if open."""
        if self.end is None:
            return None
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` lies within the period."""
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.start <= _end_key(other.end) and other.start <= _end_key(self.end)

    def covers(self, other: Period) -> bool:
        """Whether every day of ``other`` lies within this period."""
        return self.start <= other.start and _end_key(other.end) <= _end_key(self.end)
