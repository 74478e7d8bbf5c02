"""``busmodel status``: where each agreement of a folder stands on a day, as a table or JSON.

The command reads the documents as ``busmodel validate`` does, gives each
agreement its records and the extensions and successors found, calls
:func:`busmodel.status` for it, and renders one row an agreement.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import Any, BinaryIO, Final

import attrs

from busmodel.cli._common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    Stream,
    days,
    iso_date,
    shown_error,
    shown_path,
    write_json,
)
from busmodel.cli._json import problems_data
from busmodel.cli._text import render_problems
from busmodel.format import DocumentError, Entry, Problem, Registry
from busmodel.model import Agreement, AgreementKind, Records, Standing, Status, Text, status
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._text import Lang
from busmodel.validation import Options, read_paths
from busmodel.validation._batch import merge, nothing_found

__all__ = ["STATUS_SCHEMA", "add_parser", "run", "status_data", "status_table"]

STATUS_SCHEMA: Final = "busmodel-status/1"
"""The ``schema`` of the JSON output."""
_NOTHING: Final = "–"
"""What a cell without a value shows."""

_HEADERS: Final = (
    Text(en="agreement", sv="överenskommelse"),
    Text(en="in force", sv="gäller"),
    Text(en="effective end", sv="gäller till"),
    Text(en="days left", sv="dagar kvar"),
    Text(en="renewal due", sv="dags att förnya"),
    Text(en="chair", sv="ordförande"),
    Text(en="next chair", sv="nästa ordförande"),
    Text(en="due", sv="att göra"),
)
_STANDING: Final = {
    Standing.IN_FORCE: Text(en="yes", sv="ja"),
    Standing.NOT_YET_IN_FORCE: Text(en="not yet", sv="inte än"),
    Standing.EXPIRED: Text(en="no, expired", sv="nej, har gått ut"),
    Standing.NO_VALIDITY: Text(en="no validity", sv="giltighetstid saknas"),
}
_YES: Final = Text(en="yes", sv="ja")
_NO: Final = Text(en="no", sv="nej")
_OPEN_END: Final = Text(en="until further notice", sv="tills vidare")
_EXTENDED: Final = Text(en="extended", sv="förlängd")
_FROM: Final = Text(en="from", sv="från")
_NO_RECORDS: Final = Text(en="no records", sv="protokoll saknas")


def add_parser(commands: Any) -> None:
    """Add ``status`` to the subcommands."""
    command = commands.add_parser(
        "status",
        help="where each agreement stands on a day: in force, expiry, chair, what is due",
        description="Show, one row an agreement, whether it is in force, until when "
        "(through its extensions), the days left, whether renewal is due, who chairs now "
        "and next, and what its records do not show done. Exit status 0: shown; 2: a file "
        "could not be read or the command line was wrong; 3: a bug in busmodel.",
    )
    command.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories; - reads standard input"
    )
    command.add_argument(
        "--today",
        type=iso_date,
        required=True,
        metavar="DATE",
        help=f"the day to show the status on (YYYY-MM-DD, {FIRST_DAY} to {LAST_DAY})",
    )
    command.add_argument("--format", choices=("text", "json"), default="text")
    command.add_argument("--lang", choices=("sv", "en"), default="en")
    command.add_argument(
        "--records", action="append", default=[], metavar="PATH", help="a records document"
    )
    command.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="PATH",
        help="other documents (files or directories): extensions, successors, records",
    )
    command.add_argument(
        "--renewal-horizon",
        type=days,
        default=Options().renewal_horizon_days,
        metavar="DAYS",
        help="renewal is due this many days before the end (default %(default)s)",
    )
    command.set_defaults(run=run, usage=command.format_usage(), prog=command.prog)


@attrs.frozen
class _Row:
    """An agreement, where it was read from, and its status."""

    source: str
    agreement: Agreement
    status: Status


@attrs.frozen
class _Read:
    """The documents read: the agreements to show, everything, and what could not be read."""

    agreements: tuple[Entry, ...]
    everything: Registry
    unreadable: tuple[DocumentError, ...]


def _read(
    paths: Sequence[str],
    records: Sequence[str],
    registry: Sequence[str],
    stdin: BinaryIO | None,
) -> _Read:
    """Read the documents as ``busmodel validate`` does; nothing unreadable is passed over.

    The agreements and frameworks among ``paths`` are shown (an extension document is
    shown with the agreement it extends); records given for none of them are reported.
    """
    read = read_paths(paths, records=records, registry=registry, stdin=stdin)
    unreadable = list(read.unreadable)
    agreements = [
        entry
        for entry in read.documents
        if isinstance(entry.document, Agreement)
        and entry.document.kind is not AgreementKind.EXTENSION
    ]
    ids = {entry.document.id for entry in agreements if isinstance(entry.document, Agreement)}
    for entry in read.records:
        document = entry.document
        assert isinstance(document, Records)
        if document.agreement not in ids:
            wanted = document.agreement
            unreadable.append(
                _problem(
                    entry,
                    "/agreement",
                    f"no agreement with the id {wanted!r} is among the paths given",
                    f"ingen överenskommelse med id {wanted!r} finns bland de sökvägar som angetts",
                )
            )
    if not agreements and not unreadable:
        unreadable.append(nothing_found(paths))
    return _Read(tuple(agreements), read.everything, tuple(unreadable))


def _problem(entry: Entry, path: str, en: str, sv: str) -> DocumentError:
    """A document that cannot be used here, with the place of ``path`` in its text."""
    line = column = None
    if entry.positions is not None:
        found = entry.positions.locate(path)
        if found is not None:
            line, column = found.line, found.column
    return DocumentError([Problem(path, en, line, column, sv=sv)], source=entry.source)


def run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    """Show the status of every agreement found."""
    lang: Lang = args.lang
    read = _read(args.paths, args.records, args.registry, stdin)
    rows = []
    for entry in read.agreements:
        agreement = entry.document
        assert isinstance(agreement, Agreement)
        found = status(
            agreement,
            today=args.today,
            records=merge(read.everything.records_for(agreement.id)),
            registry=read.everything,
            renewal_horizon_days=args.renewal_horizon,
        )
        rows.append(_Row(shown_path(entry.source), agreement, found))
    unreadable = [shown_error(error) for error in read.unreadable]
    if args.format == "json":
        data = status_data(rows, args.today, args.renewal_horizon, lang)
        data["unreadable"] = [problems_data(error, lang) for error in unreadable]
        write_json(out, data)
    else:
        if rows:
            out.write(status_table(rows, lang))
        err.write("".join(render_problems(error, lang) + "\n" for error in unreadable))
    return EXIT_UNREADABLE if unreadable else EXIT_OK


def _keeps_records(agreement: Agreement) -> bool:
    """Whether the agreement asks for something only records show: meetings, follow-ups, reviews."""
    validity = agreement.validity
    return (validity is not None and validity.review is not None) or any(
        forum.cadence is not None or forum.follow_up is not None for forum in agreement.forums
    )


def _cells(row: _Row, lang: Lang) -> list[str]:
    """The row's cells, in the order of the headers."""
    agreement, found = row.agreement, row.status
    if found.effective_end is not None:
        end = found.effective_end.isoformat()
        if found.extended_by:
            end += f" ({_EXTENDED.get(lang)})"
    elif found.standing is Standing.NO_VALIDITY:
        end = _NOTHING
    else:
        end = _OPEN_END.get(lang)
    next_chair = _NOTHING
    if found.next_chair is not None and found.next_chair_from is not None:
        name = agreement.name_of(found.next_chair)
        next_chair = f"{name} {_FROM.get(lang)} {found.next_chair_from}"
    due = [window.text.get(lang) for window in found.windows if window.met is False]
    if found.due is not None:
        due += [item.text.get(lang) for item in found.due]
    elif _keeps_records(agreement):
        due.append(_NO_RECORDS.get(lang))
    return [
        agreement.id,
        _STANDING[found.standing].get(lang),
        end,
        _NOTHING if found.days_left is None else str(found.days_left),
        (_YES if found.renewal_due else _NO).get(lang),
        _NOTHING if found.chair is None else agreement.name_of(found.chair),
        next_chair,
        "; ".join(due) or _NOTHING,
    ]


def status_table(rows: Sequence[_Row], lang: Lang = "en") -> str:
    """The rows as an aligned table, a header and a line an agreement, each ending in a newline.

    Columns are two spaces apart; the last, what is due, is not padded.
    """
    lines = [[header.get(lang) for header in _HEADERS], *(_cells(row, lang) for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(_HEADERS) - 1)]
    return "".join(
        "  ".join(
            [*(cell.ljust(width) for cell, width in zip(line[:-1], widths, strict=True)), line[-1]]
        ).rstrip()
        + "\n"
        for line in lines
    )


def _day(day: dt.date | None) -> str | None:
    return None if day is None else str(day)


def status_data(
    rows: Sequence[_Row], today: dt.date, horizon: int, lang: Lang = "en"
) -> dict[str, Any]:
    """The rows as one JSON document (``schema`` :data:`STATUS_SCHEMA`), texts in ``lang``."""
    return {
        "schema": STATUS_SCHEMA,
        "today": str(today),
        "renewal_horizon_days": horizon,
        "agreements": [_row_data(row, lang) for row in rows],
        "unreadable": [],
    }


def _row_data(row: _Row, lang: Lang) -> dict[str, Any]:
    agreement, found = row.agreement, row.status
    chair = None
    if found.chair is not None:
        chair = {"id": found.chair, "name": agreement.name_of(found.chair)}
    next_chair = None
    if found.next_chair is not None:
        next_chair = {
            "id": found.next_chair,
            "name": agreement.name_of(found.next_chair),
            "from": _day(found.next_chair_from),
        }
    return {
        "source": row.source,
        "id": agreement.id,
        "title": agreement.title,
        "kind": agreement.kind.value,
        "standing": found.standing.value,
        "standing_text": found.standing.text.get(lang),
        "in_force": found.in_force,
        "start": _day(found.start),
        "end": _day(found.end),
        "effective_end": _day(found.effective_end),
        "extended_by": list(found.extended_by),
        "days_left": found.days_left,
        "renewal_due": found.renewal_due,
        "continued_by": found.continued_by,
        "chair": chair,
        "next_chair": next_chair,
        "windows": [
            {
                "forum": window.forum,
                "forum_name": _forum_name(agreement, window.forum),
                "window": window.window,
                "first": str(window.first),
                "last": str(window.last),
                "open": window.open,
                "required": window.required,
                "held": window.held,
                "met": window.met,
                "focus": window.focus,
                "text": window.text.get(lang),
            }
            for window in found.windows
        ],
        "due": None
        if found.due is None
        else [
            {
                "kind": item.kind.value,
                "year": item.year,
                "forum": item.forum,
                "recipient": item.recipient,
                "overdue": item.overdue,
                "text": item.text.get(lang),
            }
            for item in found.due
        ],
    }


def _forum_name(agreement: Agreement, forum_id: str) -> str:
    forum = agreement.forum(forum_id)
    return forum_id if forum is None else forum.name
