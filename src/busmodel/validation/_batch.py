"""The batch: validate every agreement found under some paths, as ``busmodel validate`` does.

:func:`validate_paths` walks the paths, loads agreements and records, matches
records to agreements by id (several records files for one agreement are
merged), decides which rules can run, and returns one report per agreement,
with the documents that could not be read as data. Each finding carries the
file, line and column it points at; a finding about records names the records
file and the index within that file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from busmodel.format import DocumentError, Entry, Problem, Registry, read_stdin
from busmodel.format._document import STDIN, BinaryFile
from busmodel.format._registry import _read as read_file
from busmodel.format._registry import document_paths
from busmodel.model import Agreement, Records
from busmodel.validation._catalogue import Catalogue
from busmodel.validation._engine import validate
from busmodel.validation._findings import Exempted, Finding, Report, Severity, Skipped
from busmodel.validation._rule import Options

if TYPE_CHECKING:
    from concurrent.futures import Executor

__all__ = [
    "RECORDS_PREFIX",
    "Batch",
    "DocumentsRead",
    "Progress",
    "nothing_found",
    "read_paths",
    "validate_paths",
]

RECORDS_PREFIX: Final = "records:"
"""What the engine puts before a path into the (merged) records of an agreement."""
_RECORDS_PATH: Final = re.compile(r"records:/(meetings|evaluations|reports|reviews)/([0-9]+)(.*)")

Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as a batch goes.

The stage is ``"read"`` for the files read, then ``"check"`` for the agreements checked.
"""


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
class DocumentsRead:
    """The documents read from some paths, as ``busmodel validate`` reads them.

    Each file is read once however often it is given; ``-`` is standard input, read
    once. ``documents`` were found under the paths, ``records`` under the records
    paths, ``others`` under the registry paths, each in the order found.
    """

    documents: tuple[Entry, ...]
    records: tuple[Entry, ...]
    """The records documents under the records paths (what else is there is unreadable:
    records were expected)."""
    others: tuple[Entry, ...]
    everything: Registry
    """Every document read, the paths' first, then the records paths', then the registry's
    (anything under the records paths that is not records included)."""
    unreadable: tuple[DocumentError, ...]
    """What could not be read, or is not records where records were expected: first the
    files as read (the paths, the records paths, the registry paths), then the documents
    under the records paths that are not records."""


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    records: Iterable[str | os.PathLike[str]] = (),
    registry: Iterable[str | os.PathLike[str]] = (),
    stdin: BinaryFile | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> DocumentsRead:
    """Read the documents under ``paths``, ``records`` and ``registry``, never raising for one.

    What :func:`validate_paths`, ``busmodel status`` and ``busmodel timeline`` read:
    directories are walked for ``.toml`` and ``.json`` files in sorted order; a path
    ``"-"`` is a document read from ``stdin`` (once, however often it is named, and
    first among the paths that name it); a file given twice is read once. A document
    that cannot be read, or one under ``records`` that is not records, is in
    :attr:`DocumentsRead.unreadable` with its file, line and column. ``jobs`` worker
    processes (0: one per processor) read the files; ``progress``, when given, is told
    ``("read", done, total)`` after each file.

    >>> read = read_paths(["examples/alingsas-bus-2023-corrected.toml"],
    ...                   records=["examples/alingsas-records-2023-2025.toml"])
    >>> [entry.document.id for entry in read.documents], len(read.records), read.unreadable
    (['alingsas-bus-2023'], 1, ())
    """
    workers = _workers(jobs)
    return _read(_paths(paths), _paths(records), _paths(registry), stdin, workers, progress)


def _read(
    paths: Sequence[str | os.PathLike[str]],
    records: Sequence[str | os.PathLike[str]],
    registry: Sequence[str | os.PathLike[str]],
    stdin: BinaryFile | None,
    workers: int,
    progress: Progress | None,
) -> DocumentsRead:
    unreadable: list[DocumentError] = []
    seen: set[Path] = set()
    stdin_read = False

    def from_stdin() -> list[Entry]:
        nonlocal stdin_read
        if stdin_read:
            return []  # read once, however often it is named
        stdin_read = True
        try:
            loaded = read_stdin(stdin)
        except DocumentError as error:
            unreadable.append(error)
            return []
        return [Entry(STDIN, loaded.document, loaded.positions)]

    groups = [list(given) for given in (paths, records, registry)]
    files = [
        list(document_paths(path for path in given if os.fspath(path) != STDIN)) for given in groups
    ]
    loaded = _load_all([path for group in files for path in group], workers, progress)

    def read(given: list[str | os.PathLike[str]], found: list[Path]) -> list[Entry]:
        entries = []
        if any(os.fspath(path) == STDIN for path in given):
            entries += from_stdin()
        for path in found:
            result = loaded[path]
            where = _identity(path)
            if where in seen:  # a file given twice counts once, read or not
                continue
            seen.add(where)
            if isinstance(result, DocumentError):
                unreadable.append(result)
            else:
                entries.append(result)
        return entries

    found, extra, others = (
        read(given, listed) for given, listed in zip(groups, files, strict=True)
    )
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
    return DocumentsRead(
        documents=tuple(found),
        records=tuple(kept),
        others=tuple(others),
        everything=Registry(tuple(found + extra + others)),
        unreadable=tuple(unreadable),
    )


def nothing_found(paths: Iterable[str | os.PathLike[str]]) -> DocumentError:
    """That no agreement or framework was found under ``paths``, the paths as its source."""
    problem = Problem(
        "",
        "no agreement or framework found",
        sv="ingen överenskommelse eller ramöverenskommelse hittades",
    )
    return DocumentError([problem], source=" ".join(os.fspath(path) for path in _paths(paths)))


@attrs.frozen
class _Checked:
    """What validating needs of the documents read: the agreements, their records, the rest."""

    agreements: tuple[Entry, ...]
    records: tuple[Entry, ...]
    """The records documents given as records (not merely found among the paths)."""
    everything: Registry
    unreadable: tuple[DocumentError, ...]


def _to_check(read: DocumentsRead, paths: Sequence[str | os.PathLike[str]]) -> _Checked:
    """The agreements to check, and the records given for an agreement not among them."""
    unreadable = list(read.unreadable)
    agreements = [e for e in read.documents if isinstance(e.document, Agreement)]
    ids = {entry.document.id for entry in agreements if isinstance(entry.document, Agreement)}
    lone = len(agreements) == 1 and len(read.records) == 1
    for entry in read.records:
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
        unreadable.append(nothing_found(paths))
    return _Checked(
        agreements=tuple(agreements),
        records=read.records,
        everything=read.everything,
        unreadable=tuple(unreadable),
    )


def _load(path: Path) -> Entry | DocumentError:
    """The document at ``path`` as an entry, or why it cannot be read."""
    try:
        loaded = read_file(path)
    except DocumentError as error:
        return error
    return Entry(loaded.source, loaded.document, loaded.positions)


def _load_all(
    paths: list[Path], workers: int, progress: Progress | None
) -> dict[Path, Entry | DocumentError]:
    """Every document in ``paths`` (each read once), in worker processes when there are several."""
    unique = list(dict.fromkeys(paths))
    results: dict[Path, Entry | DocumentError] = {}
    total = len(unique)
    if workers > 1 and total > 1:
        from concurrent.futures import ProcessPoolExecutor  # imported only when used: 20-30 ms

        pool = ProcessPoolExecutor(min(workers, total), initializer=_start_worker)
        with _stopped_at_once(pool):
            chunk = _chunk(total, workers)
            loaded = pool.map(_load_in_worker, unique, chunksize=chunk)
            for path, result in zip(unique, loaded, strict=True):
                results[path] = result
                _tell(progress, "read", len(results), total)
    else:
        for path in unique:
            results[path] = _load(path)
            _tell(progress, "read", len(results), total)
    return results


def _tell(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def _chunk(total: int, workers: int) -> int:
    """How many items to hand a worker at a time: few round trips, yet progress to show."""
    return max(1, min(64, total // (workers * 8)))


def _workers(jobs: int) -> int:
    """The number of worker processes ``jobs`` asks for (0: one per processor)."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a whole number of processes, 0 or more, not {jobs!r}")
    return jobs or os.cpu_count() or 1


def _problem(entry: Entry, path: str, en: str, sv: str) -> Problem:
    """A problem with the document of ``entry`` at ``path``, at its line and column."""
    line, column = _position(entry, path)
    return Problem(path, en, line, column, sv=sv)


def _records_of(
    entry: Entry, read: _Checked, by_agreement: dict[str, list[Entry]]
) -> tuple[Entry, ...]:
    """The records entries of the agreement of ``entry``: by id, or the one records file given."""
    agreement = entry.document
    assert isinstance(agreement, Agreement)
    found = tuple(by_agreement.get(agreement.id, ()))
    if not found and len(read.agreements) == 1 and len(read.records) == 1:
        return read.records  # the one records file given is checked, even for another id
    return found


def _records_by_agreement(read: _Checked) -> dict[str, list[Entry]]:
    """Every records entry of the registry under the id of the agreement it names, in order."""
    found: dict[str, list[Entry]] = {}
    for entry in read.everything.entries:
        if isinstance(entry.document, Records):
            found.setdefault(entry.document.agreement, []).append(entry)
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


def _paths(given: Iterable[str | os.PathLike[str]]) -> list[str | os.PathLike[str]]:
    """Paths as a list; a single path (a string or path-like) is one, not its letters."""
    return [given] if isinstance(given, str | os.PathLike) else list(given)


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
    jobs: int = 1,
    progress: Progress | None = None,
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

    ``jobs`` worker processes (0: one per processor) read the files and then check
    the agreements, each worker given the whole registry once; the batch is the
    same as with ``jobs=1``, in the same order. ``progress``, when given, is told
    ``(stage, done, total)`` after each file read (stage ``"read"``) and each
    agreement checked (``"check"``).

    >>> import datetime as dt
    >>> batch = validate_paths(["examples/alingsas-bus-2023-corrected.toml"],
    ...                        today=dt.date(2024, 3, 1))
    >>> [(report.source, report.ok) for report in batch.reports]
    [('examples/alingsas-bus-2023-corrected.toml', True)]
    """
    workers = _workers(jobs)
    paths, registry = _paths(paths), _paths(registry)
    documents = _read(paths, _paths(records), registry, stdin, workers, progress)
    read = _to_check(documents, paths)
    cross = bool(registry) or len(read.everything.agreements()) > 1
    by_agreement = _records_by_agreement(read)
    work = _Work(
        tasks=tuple((entry, _records_of(entry, read, by_agreement)) for entry in read.agreements),
        registry=read.everything if cross else None,
        today=today,
        select=None if select is None else tuple(select),
        ignore=None if ignore is None else tuple(ignore),
        options=options,
        catalogue=catalogue,
    )
    total = len(work.tasks)
    reports: list[Report] = []
    if workers > 1 and total > 2:
        from concurrent.futures import ProcessPoolExecutor

        # The first check here builds what the rules derive from the registry, so that
        # forked workers inherit it rather than each building it again.
        reports.append(_check(work, 0))
        _tell(progress, "check", 1, total)
        rest = range(1, total)
        pool = ProcessPoolExecutor(min(workers, total), initializer=_share, initargs=(work,))
        with _stopped_at_once(pool):
            for report in pool.map(_check_shared, rest, chunksize=_chunk(len(rest), workers)):
                reports.append(report)
                _tell(progress, "check", len(reports), total)
    else:
        for index in range(total):
            reports.append(_check(work, index))
            _tell(progress, "check", len(reports), total)
    return Batch(tuple(reports), read.unreadable)


@attrs.frozen
class _Work:
    """What checking the agreements of a batch needs: handed to each worker once."""

    tasks: tuple[tuple[Entry, tuple[Entry, ...]], ...]
    """Each agreement's entry, with the entries of its records."""
    registry: Registry | None
    today: dt.date | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    options: Options | None
    catalogue: Catalogue | None


def _check(work: _Work, index: int) -> Report:
    """The located report on the agreement of task ``index``."""
    entry, kept = work.tasks[index]
    agreement = entry.document
    assert isinstance(agreement, Agreement)
    report = validate(
        agreement,
        today=work.today,
        records=merge([e.document for e in kept if isinstance(e.document, Records)]),
        registry=work.registry,
        select=work.select,
        ignore=work.ignore,
        options=work.options,
        source=entry.source,
        catalogue=work.catalogue,
    )
    return _located(report, entry, kept)


_shared: list[_Work] = []
"""In a worker process: the work of its batch, set once by :func:`_share`."""


def _identity(path: Path) -> Path:
    """The file ``path`` names, to tell a file given twice; never raises.

    A path that cannot be resolved (a loop of links, a NUL in its name) is one that
    could not be read either: it is told by its absolute path.
    """
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a loop of links, before 3.13
        return Path(os.path.abspath(path))


_interrupted: list[bool] = []
"""In a worker process: whether Ctrl-C was pressed (a list, so that no ``global`` is needed)."""


def _start_worker() -> None:
    """Pool initializer: on Ctrl-C, stop working, and leave the rest to the parent.

    Ctrl-C interrupts every process of the terminal's group. A worker interrupted
    while it waits for work would die, and the pool break with an error that is not
    the interrupt; so a worker only notes it (its wait goes on, PEP 475), and each
    item it is given after that ends at once (:func:`_go_on`), so that the parent,
    which stops the pool (:func:`_stopped_at_once`), does not wait for the work the
    workers hold.
    """
    _interrupted.clear()
    signal.signal(signal.SIGINT, _note_interrupt)


def _note_interrupt(signum: int, frame: object) -> None:
    _interrupted.append(True)


def _go_on() -> None:
    """In a worker process: raise KeyboardInterrupt once Ctrl-C was pressed."""
    if _interrupted:
        raise KeyboardInterrupt


def _load_in_worker(path: Path) -> Entry | DocumentError:
    """:func:`_load` in a worker process."""
    _go_on()
    return _load(path)


@contextlib.contextmanager
def _stopped_at_once(pool: Executor) -> Iterator[None]:
    """Shut ``pool`` down after the block; if it was interrupted, without waiting for the rest."""
    try:
        yield
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _share(work: _Work) -> None:
    """Pool initializer: keep the batch's work (the registry with it) in this worker."""
    _start_worker()
    _shared[:] = [work]


def _check_shared(index: int) -> Report:
    """In a worker process: the report on task ``index`` of the shared work."""
    _go_on()
    return _check(_shared[0], index)


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
