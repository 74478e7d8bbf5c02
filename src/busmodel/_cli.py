"""The ``busmodel`` command line: ``validate``, ``rules``, ``show`` and ``convert``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from busmodel import __version__
from busmodel._agreement import Agreement
from busmodel._catalogue import Options, Rule, rules, unknown_patterns
from busmodel._document import Document, dumps, load
from busmodel._errors import BusmodelError, DocumentError, Problem
from busmodel._findings import Report, Severity
from busmodel._records import Records
from busmodel._registry import Entry, Registry
from busmodel._rules_doc import rules_markdown
from busmodel._text import Lang
from busmodel._validate import validate

__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_UNREADABLE", "main"]

EXIT_OK: Final = 0
"""No errors (and, with ``--strict``, no warnings)."""
EXIT_ERRORS: Final = 1
"""Validation found errors (or warnings, with ``--strict``)."""
EXIT_UNREADABLE: Final = 2
"""A file could not be read or parsed, or the command line was wrong."""
REPORT_SCHEMA: Final = "busmodel-report/1"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days")
    return int(text)


def _codes(values: Iterable[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="busmodel",
        description="Check and work with Swedish municipal collaboration agreements (BUS).",
    )
    parser.add_argument("--version", action="version", version=f"busmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "validate",
        help="check agreements and report what is wrong, and where",
        description="Check agreement documents. Exit 0: no errors; 1: errors found "
        "(or warnings, with --strict); 2: a file could not be read.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    check.add_argument("--today", type=_date, help="the date to check against (YYYY-MM-DD)")
    check.add_argument(
        "--records", action="append", default=[], metavar="PATH", help="a records document"
    )
    check.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="PATH",
        help="other documents (files or directories) for the cross-document rules",
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--lang", choices=("sv", "en"), default="en")
    check.add_argument("--select", action="append", metavar="CODES", help="codes or prefixes")
    check.add_argument("--ignore", action="append", metavar="CODES", help="codes or prefixes")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--renewal-horizon",
        type=_days,
        default=Options().renewal_horizon_days,
        metavar="DAYS",
        help="warn this many days before validity ends (default %(default)s)",
    )

    listing = commands.add_parser("rules", help="list the rule catalogue")
    listing.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    listing.add_argument("--lang", choices=("sv", "en"), default="en")

    show = commands.add_parser("show", help="summarise a document")
    show.add_argument("path", metavar="PATH")

    convert = commands.add_parser("convert", help="write a document as TOML or JSON")
    convert.add_argument("path", metavar="PATH")
    convert.add_argument("--to", choices=("toml", "json"), required=True)
    return parser


def _merge(records: Sequence[Records]) -> Records | None:
    if not records:
        return None
    if len(records) == 1:
        return records[0]
    return Records(
        agreement=records[0].agreement,
        meetings=tuple(m for r in records for m in r.meetings),
        evaluations=tuple(e for r in records for e in r.evaluations),
    )


def _problem_dict(error: DocumentError) -> dict[str, Any]:
    return {
        "source": error.source,
        "problems": [
            {"path": p.path, "message": p.message, "line": p.line, "column": p.column}
            for p in error.problems
        ],
    }


@attrs.frozen
class _Inputs:
    """What ``busmodel validate`` was given, read and sorted out."""

    agreements: tuple[tuple[str, Agreement], ...]
    """The agreements and frameworks to validate, with where they came from."""
    records: tuple[Records, ...]
    """The records given with --records."""
    everything: Registry
    unreadable: tuple[DocumentError, ...]


def _read_inputs(args: argparse.Namespace) -> _Inputs:
    unreadable: list[DocumentError] = []
    seen: set[Path] = set()

    def read(paths: Iterable[str]) -> list[Entry]:
        entries = []
        for entry in Registry.from_paths(paths, on_error=unreadable.append).entries:
            where = Path(entry.source).resolve()
            if where not in seen:  # a file given twice counts once
                seen.add(where)
                entries.append(entry)
        return entries

    given, extra, others = read(args.paths), read(args.records), read(args.registry)
    agreements = [(e.source, e.document) for e in given if isinstance(e.document, Agreement)]
    records: list[Records] = []
    for entry in extra:
        if isinstance(entry.document, Records):
            records.append(entry.document)
        else:
            kind = entry.document.kind.value
            problem = Problem("/kind", f"--records takes records documents, not {kind!r}")
            unreadable.append(DocumentError([problem], source=entry.source))
    ids = {agreement.id for _, agreement in agreements}
    lone = len(agreements) == 1 and len(records) == 1
    for entry in extra:
        if isinstance(entry.document, Records) and entry.document.agreement not in ids and not lone:
            problem = Problem(
                "/agreement",
                f"no agreement with the id {entry.document.agreement!r} is among the paths given",
            )
            unreadable.append(DocumentError([problem], source=entry.source))
    if not agreements and not unreadable:
        problem = Problem("", "no agreement or framework found")
        unreadable.append(DocumentError([problem], source=" ".join(args.paths)))
    return _Inputs(
        agreements=tuple(agreements),
        records=tuple(records),
        everything=Registry(tuple(given + extra + others)),
        unreadable=tuple(unreadable),
    )


def _records_for(agreement: Agreement, inputs: _Inputs) -> Records | None:
    found = _merge(inputs.everything.records_for(agreement.id))
    if found is None and len(inputs.agreements) == 1 and len(inputs.records) == 1:
        return inputs.records[0]  # the one records file given is checked, even for another id
    return found


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang: Lang = args.lang
    select, ignore = _codes(args.select), _codes(args.ignore)
    unknown = unknown_patterns([*(select or ()), *(ignore or ())])
    if unknown:
        names = ", ".join(repr(code) for code in unknown)
        err.write(f"busmodel validate: no rule code starts with {names} (see: busmodel rules)\n")
        return EXIT_UNREADABLE
    inputs = _read_inputs(args)
    # Cross-document rules run when there is more than one document to look across.
    cross = args.registry or len(inputs.everything.agreements()) > 1
    reports: list[Report] = []
    for source, agreement in inputs.agreements:
        try:
            report = validate(
                agreement,
                today=args.today,
                records=_records_for(agreement, inputs),
                registry=inputs.everything if cross else None,
                select=select,
                ignore=ignore,
                options=Options(renewal_horizon_days=args.renewal_horizon),
                source=source,
            )
        except BusmodelError as error:
            err.write(f"{source}: {error}\n")
            return EXIT_UNREADABLE
        reports.append(report)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    failed = any(f.severity in failing for report in reports for f in report.findings)
    if args.format == "json":
        document = {
            "schema": REPORT_SCHEMA,
            "ok": not failed and not inputs.unreadable,
            "files": [report.to_dict(lang) for report in reports],
            "unreadable": [_problem_dict(error) for error in inputs.unreadable],
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for report in reports:
            out.write(report.render(lang) + "\n")
        for problem in inputs.unreadable:
            err.write(f"{problem}\n")
    if inputs.unreadable:
        return EXIT_UNREADABLE
    return EXIT_ERRORS if failed else EXIT_OK


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    catalogue = rules()
    lang: Lang = args.lang
    if args.format == "markdown":
        out.write(rules_markdown(catalogue))
    elif args.format == "json":
        json.dump([_rule_dict(r, lang) for r in catalogue], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for item in catalogue:
            out.write(f"{item.code} {item.severity.label(lang):8} {item.title.get(lang)}\n")
    return EXIT_OK


def _rule_dict(item: Rule, lang: Lang) -> dict[str, Any]:
    return {
        "code": item.code,
        "severity": item.severity.value,
        "title": item.title.get(lang),
        "rationale": item.rationale.get(lang),
        "source": item.source,
        "needs": sorted(need.value for need in item.needs),
    }


def describe(document: Document) -> str:
    """A short human summary of a document."""
    if isinstance(document, Records):
        return (
            f"records for {document.agreement}: {len(document.meetings)} meetings, "
            f"{len(document.evaluations)} evaluations"
        )
    lines = [f"{document.id} ({document.kind.value}): {document.title}"]
    if document.municipality is not None:
        code = f" ({document.municipality.code})" if document.municipality.code else ""
        lines.append(f"  municipality: {document.municipality.name}{code}")
    if document.validity is not None:
        lines.append(f"  validity: {document.validity.period} ({document.validity.basis.value})")
    for label, ids in (("parties", document.parties), ("participants", document.participants)):
        if ids:
            names = [b.name if (b := document.body(i)) else f"{i}?" for i in ids]
            lines.append(f"  {label}: {', '.join(names)}")
    for forum in document.forums:
        lines.append(
            f"  forum {forum.id}: {forum.name} [{forum.level.value}], {len(forum.members)} members"
        )
    if document.chair is not None:
        for term in document.chair.terms:
            lines.append(f"  chair {term.period}: {term.body}")
    for signature in document.signatures:
        lines.append(f"  signed {signature.date} for {signature.body}: {signature.name}")
    return "\n".join(lines)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return _run(args, out, err)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        if out is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERRORS


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "validate":
        return _validate(args, out, err)
    if args.command == "rules":
        return _rules(args, out)
    try:
        document = load(args.path)
    except (DocumentError, OSError) as error:
        err.write(f"{error}\n")
        return EXIT_UNREADABLE
    if args.command == "show":
        out.write(describe(document) + "\n")
    else:
        out.write(dumps(document, args.to))
    return EXIT_OK
