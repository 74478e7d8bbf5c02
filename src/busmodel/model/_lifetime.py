"""When an agreement is in force: its period, prolonged through its extension documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final, Protocol

from busmodel.model._agreement import Agreement
from busmodel.model._period import Period

__all__ = ["Extensions", "by_start", "prolonged"]

_ONE_DAY: Final = dt.timedelta(days=1)


class Extensions(Protocol):
    """What the functions over time ask of the other documents: an agreement's extensions.

    :func:`status`, :func:`plan`, :func:`renew` and :func:`extend` ask it.
    A :class:`busmodel.Registry` is one; so is any store that answers this. One that
    also answers ``successors_of(agreement_id)`` (as the registry does) tells
    :func:`status` of successors as well, so that renewal is no longer due once one
    exists.
    """

    def extensions_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        """The extension documents that extend ``agreement_id``, in order of their start."""
        ...


def by_start(extension: Agreement) -> tuple[bool, dt.date]:
    """Extensions in order of their start; those without a validity last."""
    if extension.validity is None:
        return True, dt.date.max
    return False, extension.validity.period.start


def prolonged(
    period: Period, extensions: Iterable[Agreement]
) -> tuple[Period, tuple[Agreement, ...]]:
    """``period`` prolonged through ``extensions`` (in order of their start), and those followed.

    Each extension that starts on or before the day after the end so far carries the
    end on to its own end, when that is later; the chain stops at the first gap, at an
    open end, and passes over an extension without a validity.

    >>> from busmodel import AgreementKind, Validity, ValidityBasis
    >>> def extension(start: int, end: int) -> Agreement:
    ...     days = Period(dt.date(start, 1, 1), dt.date(end, 12, 31))
    ...     return Agreement(id=f"f{start}", title="F", kind=AgreementKind.EXTENSION,
    ...                      extends="a", validity=Validity(ValidityBasis.FIXED, days))
    >>> period, followed = prolonged(Period(dt.date(2021, 1, 1), dt.date(2022, 12, 31)),
    ...                              [extension(2023, 2024), extension(2025, 2026)])
    >>> str(period), [f.id for f in followed]
    ('2021-01-01/2026-12-31', ['f2023', 'f2025'])
    >>> str(prolonged(period, [extension(2028, 2029)])[0])  # a gap: not followed
    '2021-01-01/2026-12-31'
    """
    end = period.end
    followed: list[Agreement] = []
    for extension in extensions:
        if end is None:
            break
        if extension.validity is None or not extension.final:
            continue  # a draft extends nothing until it is signed or adopted
        more = extension.validity.period
        if more.start > end + _ONE_DAY:
            break
        followed.append(extension)
        if more.end is None or more.end > end:
            end = more.end
    if end == period.end:
        return period, tuple(followed)
    return Period(period.start, end), tuple(followed)
