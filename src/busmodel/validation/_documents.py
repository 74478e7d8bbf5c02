"""What the cross-document rules ask of "the other documents": a small protocol.

A :class:`busmodel.Registry` read from files is one; a case-management system
can give its own store instead, as long as it answers these questions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from busmodel.model import Agreement, Period, Records

__all__ = ["Documents", "Sourced"]

_T = TypeVar("_T")


class Sourced(Protocol):
    """A document with where it came from."""

    @property
    def source(self) -> str:
        """A file name, a URL, or another name a case officer can find it by."""
        ...

    @property
    def document(self) -> Agreement | Records:
        """The document."""
        ...


class Documents(Protocol):
    """The other documents a cross-document rule looks across."""

    def agreements(self) -> tuple[Agreement, ...]:
        """Every agreement, framework and extension document."""
        ...

    def agreement(self, agreement_id: str) -> Agreement | None:
        """The first agreement with ``agreement_id``, or None."""
        ...

    def agreements_with_id(self, agreement_id: str) -> tuple[Agreement, ...]:
        """Every agreement with ``agreement_id``."""
        ...

    def entries_with_id(self, agreement_id: str) -> tuple[Sourced, ...]:
        """Every agreement with ``agreement_id``, with where it came from."""
        ...

    def successors_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        """The agreements that say they supersede ``agreement_id``."""
        ...

    def extensions_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        """The extension documents of ``agreement_id``, in order of their start."""
        ...

    def effective_validity(self, agreement_id: str) -> Period | None:
        """When ``agreement_id`` is in force, prolonged through its extensions."""
        ...

    def derived(self, build: Callable[[Documents], _T]) -> _T:
        """``build(self)``, worked out once for these documents and kept."""
        ...
