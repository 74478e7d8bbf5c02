"""The batch: validate every agreement found under some paths, as ``busmodel validate`` does.

:func:`validate_paths` walks the paths, loads agreements and records, matches
records to agreements by id (several records files for one agreement are
merged), decides which rules can run, and returns one report per agreement,
with the documents that could not be read as data. Each finding carries the
file, line and column it points at; a finding about records names the records
file and the index within that file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import attrs

from busmodel.format import DocumentError, Entry, Problem, Registry
from busmodel.format import read as read_document
from busmodel.format._document import BinaryFile
from busmodel.model import Agreement, Records
from busmodel.validation._catalogue import Catalogue
from busmodel.validation._engine import validate
from busmodel.validation._findings import Exempted, Finding, Report, Severity, Skipped
from busmodel.validation._rule import Options

__all__ = ["RECORDS_PREFIX", "Batch", "validate_paths"]

STDIN: Final = "-"
"""The path that names standard input, as most command-line tools read it."""
RECORDS_PREFIX: Final = "records:"
"""What the engine puts before a path into the (merged) records of an agreement."""
_RECORDS_PATH: Final = re.compile(r"records:/(meetings|evaluations|reports|reviews)/([0-9]+)(.*)")


@attrs.frozen
class Batch:
    """What validating many documents found: a report per agreement, and what could not be read.

    Reports come in the order the documents were found (paths in the order
    given, directories walked in sorted order).
    """

    reports: tuple[Report, ...] = ()
    unreadable: tuple[DocumentError, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every document was read and no report has an error."""
        return not self.unreadable and all(report.ok for report in self.reports)

    def failed(self, *, strict: bool = False) -> bool:
        """Whether any report has an error (with ``strict``, or a warning)."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(f.severity in failing for report in self.reports for f in report.findings)


@attrs.frozen
class _Read:
    """The documents read for one batch, sorted out."""

    agreements: tuple[Entry, ...]
    records: tuple[Entry, ...]
    """The records documents given as records (not merely found among the paths)."""
    everything: Registry
    unreadable: tuple[DocumentError, ...]


def _read(
    paths: Iterable[str | os.PathLike[str]],
    records: Iterable[str | os.PathLike[str]],
    registry: Iterable[str | os.PathLike[str]],
    stdin: BinaryFile | None,
) -> _Read:
    unreadable: list[DocumentError] = []
    seen: set[Path] = set()
    stdin_read = False

    def from_stdin() -> list[Entry]:
        nonlocal stdin_read
        if stdin_read:
            return []  # read once, however often it is named
        stdin_read = True
        if stdin is None:
            problem = Problem(
                "",
                "cannot read: no standard input was given",
                sv="kan inte läsas: ingen standard-indata gavs",
            )
            unreadable.append(DocumentError([problem], source=STDIN))
            return []
        try:
            loaded = read_document(stdin)
        except DocumentError as error:
            unreadable.append(DocumentError(error.problems, source=STDIN))
            return []
        return [Entry(STDIN, loaded.document, loaded.positions)]

    def read(given: Iterable[str | os.PathLike[str]]) -> list[Entry]:
        entries = []
        files = []
        for path in given:
            if os.fspath(path) == STDIN:
                entries += from_stdin()
            else:
                files.append(path)
        for entry in Registry.from_paths(files, on_error=unreadable.append).entries:
            where = Path(entry.source).resolve()
            if where not in seen:  # a file given twice counts once
                seen.add(where)
                entries.append(entry)
        return entries

    paths = list(paths)
    found, extra, others = read(paths), read(records), read(registry)
    agreements = [e for e in found if isinstance(e.document, Agreement)]
    kept: list[Entry] = []
    for entry in extra:
        if isinstance(entry.document, Records):
            kept.append(entry)
            continue
        kind = entry.document.kind.value
        problem = _problem(
            entry,
            "/kind",
            f"records were expected here, not {kind!r}",
            f"här väntades protokoll, inte {kind!r}",
        )
        unreadable.append(DocumentError([problem], source=entry.source))
    ids = {entry.document.id for entry in agreements if isinstance(entry.document, Agreement)}
    lone = len(agreements) == 1 and len(kept) == 1
    for entry in kept:
        assert isinstance(entry.document, Records)
        if entry.document.agreement not in ids and not lone:
            wanted = entry.document.agreement
            problem = _problem(
                entry,
                "/agreement",
                f"no agreement with the id {wanted!r} is among the paths given",
                f"ingen överenskommelse med id {wanted!r} finns bland de sökvägar som angetts",
            )
            unreadable.append(DocumentError([problem], source=entry.source))
    if not agreements and not unreadable:
        problem = Problem(
            "",
            "no agreement or framework found",
            sv="ingen överenskommelse eller ramöverenskommelse hittades",
        )
        where = " ".join(os.fspath(path) for path in paths)
        unreadable.append(DocumentError([problem], source=where))
    return _Read(
        agreements=tuple(agreements),
        records=tuple(kept),
        everything=Registry(tuple(found + extra + others)),
        unreadable=tuple(unreadable),
    )


def _problem(entry: Entry, path: str, en: str, sv: str) -> Problem:
    """A problem with the document of ``entry`` at ``path``, at its line and column."""
    line, column = _position(entry, path)
    return Problem(path, en, line, column, sv=sv)


def _records_of(agreement: Agreement, read: _Read) -> tuple[Entry, ...]:
    """The records entries of ``agreement``: by id, or the one records file given alone."""
    found = tuple(
        entry
        for entry in read.everything.entries
        if isinstance(entry.document, Records) and entry.document.agreement == agreement.id
    )
    if not found and len(read.agreements) == 1 and len(read.records) == 1:
        return read.records  # the one records file given is checked, even for another id
    return found


def merge(records: Sequence[Records]) -> Records | None:
    """One records document holding all of ``records``, in order (None for none).

    >>> from busmodel import Meeting
    >>> one = Records(agreement="a", meetings=(Meeting("styr", dt.date(2024, 3, 1)),))
    >>> len(merge([one, one]).meetings)
    2
    """
    if not records:
        return None
    if len(records) == 1:
        return records[0]
    return Records(
        agreement=records[0].agreement,
        meetings=tuple(m for r in records for m in r.meetings),
        evaluations=tuple(e for r in records for e in r.evaluations),
        reports=tuple(e for r in records for e in r.reports),
        reviews=tuple(e for r in records for e in r.reviews),
    )


def validate_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    records: Iterable[str | os.PathLike[str]] = (),
    registry: Iterable[str | os.PathLike[str]] = (),
    today: dt.date | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    options: Options | None = None,
    catalogue: Catalogue | None = None,
    stdin: BinaryFile | None = None,
) -> Batch:
    """Validate every agreement, framework and extension document under ``paths``.

    Directories are walked for ``.toml`` and ``.json`` files. Records documents
    among ``paths`` or ``records`` are matched to their agreement by id (a single
    agreement given with a single records file is checked against it whatever its
    id); ``registry`` adds documents that the cross-document rules look across but
    that are not themselves reported on. A path ``"-"`` is a document read from
    ``stdin`` (a file opened in binary mode; the format is told by its first
    character), named ``-`` in the report. The cross-document rules run when there is
    more than one agreement, or a registry. A document that cannot be read is in
    :attr:`Batch.unreadable`, never raised; a bug in a rule raises
    :class:`busmodel.RuleError`.

    >>> import datetime as dt
    >>> batch = validate_paths(["examples/alingsas-bus-2023-corrected.toml"],
    ...                        today=dt.date(2024, 3, 1))
    >>> [(report.source, report.ok) for report in batch.reports]
    [('examples/alingsas-bus-2023-corrected.toml', True)]
    """
    registry = list(registry)
    read = _read(paths, records, registry, stdin)
    cross = bool(registry) or len(read.everything.agreements()) > 1
    reports = []
    for entry in read.agreements:
        agreement = entry.document
        assert isinstance(agreement, Agreement)
        kept = _records_of(agreement, read)
        report = validate(
            agreement,
            today=today,
            records=merge([e.document for e in kept if isinstance(e.document, Records)]),
            registry=read.everything if cross else None,
            select=select,
            ignore=ignore,
            options=options,
            source=entry.source,
            catalogue=catalogue,
        )
        reports.append(_located(report, entry, kept))
    return Batch(tuple(reports), read.unreadable)


def _located(report: Report, agreement: Entry, records: Sequence[Entry]) -> Report:
    """``report`` with every place it names as a file, a path in that file, a line and a column.

    Positions are worked out only for a report that names places, and then once a file.
    """
    if not (report.findings or report.exempted or any(s.path for s in report.skipped)):
        return report

    def place(path: str) -> tuple[Entry, str]:
        if not path.startswith(RECORDS_PREFIX):
            return agreement, path
        return _in_records(path, records, agreement)

    def finding(found: Finding) -> Finding:
        entry, path = place(found.path)
        line, column = _position(entry, path)
        return attrs.evolve(found, path=path, file=entry.source, line=line, column=column)

    def skipped(skip: Skipped) -> Skipped:
        if not skip.path:
            return attrs.evolve(skip, file=agreement.source)
        entry, path = place(skip.path)
        line, column = _position(entry, path)
        return attrs.evolve(skip, path=path, file=entry.source, line=line, column=column)

    return Report.of(
        [finding(f) for f in report.findings],
        [Exempted(finding(e.finding), e.reason) for e in report.exempted],
        [skipped(s) for s in report.skipped],
        report.source,
    )


def _in_records(path: str, records: Sequence[Entry], agreement: Entry) -> tuple[Entry, str]:
    """The records file a merged records path points into, and the path within that file."""
    matched = _RECORDS_PATH.fullmatch(path)
    if matched is None:
        rest = path.removeprefix(RECORDS_PREFIX)
        return (records[0], rest) if records else (agreement, path)
    name, index, rest = matched.group(1), int(matched.group(2)), matched.group(3)
    for entry in records:
        assert isinstance(entry.document, Records)
        count = len(getattr(entry.document, name))
        if index < count:
            return entry, f"/{name}/{index}{rest}"
        index -= count
    return agreement, path  # past the end: leave it as the engine said


def _position(entry: Entry, path: str) -> tuple[int | None, int | None]:
    positions = entry.positions
    if positions is None:
        return None, None
    found = positions.locate(path)
    return (None, None) if found is None else (found.line, found.column)
