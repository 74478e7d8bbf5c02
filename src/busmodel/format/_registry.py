"""A registry of many documents, for the rules that look across documents."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar, cast

import attrs

from busmodel.format._document import Document, Loaded, os_reason, read
from busmodel.format._errors import DocumentError, Problem
from busmodel.format._positions import Positions
from busmodel.model._agreement import Agreement, AgreementKind
from busmodel.model._lifetime import by_start, prolonged
from busmodel.model._period import Period
from busmodel.model._records import Records

__all__ = ["Entry", "Registry", "document_paths"]

_SUFFIXES = (".toml", ".json")
_T = TypeVar("_T")


def document_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The given files, and every ``.toml``/``.json`` file below the given directories.

    Directories are walked recursively in sorted order, so the result is deterministic.
    Nothing is passed over silently: a directory that cannot be listed, and anything
    named like a document that is not a regular file (a FIFO, a socket, a link to
    nothing), is yielded in its place too, so that reading it says why it cannot be
    read. Symbolic links to files are followed; links to directories below a given
    directory are not, so a cycle of links cannot loop.
    """

    def walk(top: Path) -> list[Path]:
        found: list[Path] = []

        def unlisted(error: OSError) -> None:
            found.append(Path(error.filename or top))

        for directory, _, names in os.walk(top, onerror=unlisted):
            found.extend(
                Path(directory, name) for name in names if Path(name).suffix.lower() in _SUFFIXES
            )
        return sorted(found)

    for given in paths:
        path = Path(given)
        try:
            directory = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError):  # reading it will say why
            directory = False
        if directory:
            yield from walk(path)
        else:
            yield path


def _read(path: Path) -> Loaded:
    """Read one document; a directory here is one that could not be listed."""
    try:
        directory = stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # load says why
        directory = False
    if directory:
        try:
            with os.scandir(path):
                problem = Problem(
                    "", "cannot read: is a directory", sv="kan inte läsas: det är en katalog"
                )
        except OSError as error:
            reason = os_reason(error)
            problem = Problem(
                "",
                f"cannot read this directory: {reason.en}",
                sv=f"katalogen kan inte läsas: {reason.sv}",
            )
        raise DocumentError([problem], source=os.fspath(path))
    return read(path)


@attrs.frozen
class Entry:
    """A document in a registry and where it came from.

    ``positions`` tells where the document's values are in the text it was read
    from, for a document read from a file (None for one built in memory); it
    takes no part in comparing entries.
    """

    source: str
    document: Document
    positions: Positions | None = attrs.field(default=None, eq=False, repr=False)


class _Lookups:
    """Room for the indexes a registry builds on its first lookup (a slot, not a field)."""

    __slots__ = ("_built",)
    _built: _Index


@attrs.frozen(eq=False)
class _Index:
    """A registry's entries by id; each document in registry order."""

    agreements: tuple[Agreement, ...]
    by_id: dict[str, tuple[Agreement, ...]]
    entries_by_id: dict[str, tuple[Entry, ...]]
    records: dict[str, tuple[Records, ...]]
    successors: dict[str, tuple[Agreement, ...]]
    extensions: dict[str, tuple[Agreement, ...]]
    """The extension documents of each agreement id, in order of their start."""
    sources: dict[int, str]
    """The first source of each document, by the document's identity."""
    positions: dict[int, Positions]
    """The positions of each document's first entry, when it has them, by its identity."""
    derived: dict[Callable[[Registry], object], object] = attrs.Factory(dict)
    """What :meth:`Registry.derived` has built, by the function that built it."""

    @classmethod
    def of(cls, entries: tuple[Entry, ...]) -> _Index:
        agreements: list[Agreement] = []
        by_id: dict[str, list[Agreement]] = {}
        entries_by_id: dict[str, list[Entry]] = {}
        records: dict[str, list[Records]] = {}
        successors: dict[str, list[Agreement]] = {}
        extensions: dict[str, list[Agreement]] = {}
        sources: dict[int, str] = {}
        positions: dict[int, Positions] = {}
        for entry in entries:
            document = entry.document
            if id(document) not in sources:
                sources[id(document)] = entry.source
                if entry.positions is not None:
                    positions[id(document)] = entry.positions
            if isinstance(document, Agreement):
                agreements.append(document)
                by_id.setdefault(document.id, []).append(document)
                entries_by_id.setdefault(document.id, []).append(entry)
                for superseded in dict.fromkeys(document.supersedes):
                    successors.setdefault(superseded, []).append(document)
                if document.kind is AgreementKind.EXTENSION and document.extends is not None:
                    extensions.setdefault(document.extends, []).append(document)
            elif isinstance(document, Records):
                records.setdefault(document.agreement, []).append(document)
        return cls(
            tuple(agreements),
            {key: tuple(value) for key, value in by_id.items()},
            {key: tuple(value) for key, value in entries_by_id.items()},
            {key: tuple(value) for key, value in records.items()},
            {key: tuple(value) for key, value in successors.items()},
            {key: tuple(sorted(value, key=by_start)) for key, value in extensions.items()},
            sources,
            positions,
        )


@attrs.frozen
class Registry(_Lookups):
    """Many documents: agreements, frameworks and records, by id.

    >>> from busmodel import Agreement, Records
    >>> registry = Registry.of([Agreement(id="a", title="A"), Records(agreement="a")])
    >>> registry.agreement("a").title, len(registry.records_for("a"))
    ('A', 1)

    The lookups take constant time: the registry indexes its entries on the first
    lookup, once.
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

        A single path (a string or a path-like object) is one path, never a
        sequence of one-letter paths. A document that cannot be read raises
        :class:`DocumentError`, unless ``on_error`` is given: then it is passed the
        error and the document is left out.
        """
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        entries = []
        for path in document_paths(paths):
            try:
                loaded = _read(path)
            except DocumentError as error:
                if on_error is None:
                    raise
                on_error(error)
            else:
                entries.append(Entry(loaded.source, loaded.document, loaded.positions))
        return cls(tuple(entries))

    def _index(self) -> _Index:
        """The lookups, built on first use and kept."""
        try:
            return self._built
        except AttributeError:
            built = _Index.of(self.entries)
            # Frozen, but derived: two threads that race here build equal indexes.
            object.__setattr__(self, "_built", built)
            return built

    def derived(self, build: Callable[[Registry], _T]) -> _T:
        """``build(self)``, computed on first use and kept with the registry.

        For the rules that look across documents: what they work out from the whole
        registry is worked out once per registry, not once per document checked.
        """
        kept = self._index().derived
        if build not in kept:
            kept.setdefault(build, build(self))
        return cast(_T, kept[build])

    def agreements(self) -> tuple[Agreement, ...]:
        """Every agreement and framework, in registry order."""
        return self._index().agreements

    def agreement(self, agreement_id: str) -> Agreement | None:
        """The first agreement or framework with ``agreement_id``, or None."""
        found = self._index().by_id.get(agreement_id)
        return found[0] if found else None

    def agreements_with_id(self, agreement_id: str) -> tuple[Agreement, ...]:
        """Every agreement and framework with ``agreement_id``, in registry order.

        >>> from busmodel import Agreement
        >>> registry = Registry.of([Agreement(id="a", title="A"), Agreement(id="a", title="B")])
        >>> [agreement.title for agreement in registry.agreements_with_id("a")]
        ['A', 'B']
        """
        return self._index().by_id.get(agreement_id, ())

    def entries_with_id(self, agreement_id: str) -> tuple[Entry, ...]:
        """The entry of every agreement and framework with ``agreement_id``, in registry order.

        >>> from busmodel import Agreement
        >>> registry = Registry.of([Agreement(id="a", title="A")])
        >>> [entry.source for entry in registry.entries_with_id("a")]
        ['<memory>']
        """
        return self._index().entries_by_id.get(agreement_id, ())

    def records_for(self, agreement_id: str) -> tuple[Records, ...]:
        """Every records document kept for ``agreement_id``."""
        return self._index().records.get(agreement_id, ())

    def successors_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        """The agreements that say they supersede ``agreement_id``."""
        return self._index().successors.get(agreement_id, ())

    def extensions_of(self, agreement_id: str) -> tuple[Agreement, ...]:
        """The extension documents that extend ``agreement_id``, in order of their start.

        Extensions without a validity come last, in registry order.
        """
        return self._index().extensions.get(agreement_id, ())

    def effective_validity(self, agreement_id: str) -> Period | None:
        """When ``agreement_id`` is in force, prolonged through the chain of its extensions.

        The period of the first agreement with that id, carried on by each extension that
        names it, in order of their start, up to the first gap (see :func:`prolonged`);
        None when the registry has no such agreement or it states no validity.

        >>> from busmodel import Validity, ValidityBasis
        >>> def fixed(start: int, end: int) -> Validity:
        ...     days = Period(dt.date(start, 1, 1), dt.date(end, 12, 31))
        ...     return Validity(ValidityBasis.FIXED, days)
        >>> extension = AgreementKind.EXTENSION
        >>> registry = Registry.of([
        ...     Agreement(id="a", title="A", validity=fixed(2021, 2022)),
        ...     Agreement(id="f", title="F", kind=extension, extends="a",
        ...               validity=fixed(2023, 2024)),
        ... ])
        >>> str(registry.effective_validity("a"))
        '2021-01-01/2024-12-31'
        """
        return self.derived(_effective_validities).get(agreement_id)

    def source_of(self, document: Document) -> str | None:
        """Where ``document`` was loaded from, if this very object (not an equal one) is here."""
        return self._index().sources.get(id(document))

    def positions_of(self, document: Document) -> Positions | None:
        """Where the values of ``document`` are in its file, if this very object is here.

        None for a document that is not here, or that was not read from a file.
        The positions are those of the first entry that holds the document.

        >>> from busmodel import Agreement
        >>> agreement = Agreement(id="a", title="A")
        >>> print(Registry.of([agreement]).positions_of(agreement))
        None
        """
        return self._index().positions.get(id(document))


def _effective_validities(registry: Registry) -> dict[str, Period]:
    """The effective validity of every agreement id that has one, worked out once."""
    found: dict[str, Period] = {}
    for agreement_id in registry._index().by_id:
        agreement = registry.agreement(agreement_id)
        if agreement is None or agreement.validity is None:
            continue
        found[agreement_id] = prolonged(
            agreement.validity.period, registry.extensions_of(agreement_id)
        )[0]
    return found
