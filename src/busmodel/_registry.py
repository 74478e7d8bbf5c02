"""A registry of many documents, for the rules that look across documents."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from busmodel._agreement import Agreement
from busmodel._document import Document, load
from busmodel._errors import DocumentError, Problem
from busmodel._records import Records

__all__ = ["Entry", "Registry", "document_paths"]

_SUFFIXES = (".toml", ".json")


def document_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The given files, and every ``.toml``/``.json`` file below the given directories.

    Directories are walked recursively in sorted order, so the result is deterministic.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(
                found
                for found in path.rglob("*")
                if found.suffix.lower() in _SUFFIXES and found.is_file()
            )
        else:
            yield path


def _read(path: Path) -> Document:
    if not path.exists():
        raise DocumentError(
            [Problem("", "cannot read: no such file or directory")], source=os.fspath(path)
        )
    try:
        return load(path)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DocumentError(
            [Problem("", f"cannot read: {reason}")], source=os.fspath(path)
        ) from None


@attrs.frozen
class Entry:
    """A document in a registry and where it came from."""

    source: str
    document: Document


@attrs.frozen
class Registry:
    """Many documents: agreements, frameworks and records, by id.

    >>> from busmodel import Agreement, Records
    >>> registry = Registry.of([Agreement(id="a", title="A"), Records(agreement="a")])
    >>> registry.agreement("a").title, len(registry.records_for("a"))
    ('A', 1)
    """

    entries: tuple[Entry, ...] = ()

    @classmethod
    def of(cls, documents: Iterable[Document]) -> Registry:
        """A registry of documents built in memory (their source is ``<memory>``)."""
        return cls(tuple(Entry("<memory>", document) for document in documents))

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        *,
        on_error: Callable[[DocumentError], None] | None = None,
    ) -> Registry:
        """Load every document in ``paths``; directories are walked recursively.

        A document that cannot be read raises :class:`DocumentError`, unless
        ``on_error`` is given: then it is passed the error and the document is left out.
        """
        entries = []
        for path in document_paths(paths):
            try:
                entries.append(Entry(os.fspath(path), _read(path)))
            except DocumentError as error:
                if on_error is None:
                    raise
                on_error(error)
        return cls(tuple(entries))

    def agreements(self) -> tuple[Agreement, ...]:
        """Every agreement and framework, in registry order."""
        return tuple(e.document for e in self.entries if isinstance(e.document, Agreement))

    def agreement(self, agreement_id: str) -> Agreement | None:
        """The first agreement or framework with ``agreement_id``, or None."""
        for agreement in self.agreements():
            if agreement.id == agreement_id:
                return agreement
        return None

    def records_for(self, agreement_id: str) -> tuple[Records, ...]:
        """Every records document kept for ``agreement_id``."""
        return tuple(
            e.document
            for e in self.entries
            if isinstance(e.document, Records) and e.document.agreement == agreement_id
        )

    def successors_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        """The agreements that say they supersede ``agreement_id``."""
        return tuple(a for a in self.agreements() if agreement_id in a.supersedes)

    def source_of(self, document: Document) -> str | None:
        """Where ``document`` was loaded from, if it is in the registry."""
        for entry in self.entries:
            if entry.document is document:
                return entry.source
        return None
