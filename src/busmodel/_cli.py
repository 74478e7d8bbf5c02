"""The ``busmodel`` command line: ``validate``, ``rules``, ``show`` and ``convert``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Final, TextIO

from busmodel import __version__
from busmodel._agreement import Agreement
from busmodel._catalogue import Options, Rule, rules
from busmodel._document import Document, dumps, load
from busmodel._errors import DocumentError
from busmodel._findings import Report, Severity
from busmodel._records import Records
from busmodel._registry import Registry
from busmodel._rules_doc import rules_markdown
from busmodel._text import Lang, Text
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


def _records_for(agreement: Agreement, registry: Registry, given: Registry) -> Records | None:
    found = _merge(registry.records_for(agreement.id))
    if found is None:
        explicit = [e.document for e in given.entries if isinstance(e.document, Records)]
        if len(explicit) == 1 and len(registry.agreements()) == 1:
            return explicit[0]  # the one records file given: checked, even if it names another id
    return found


def _problem_dict(error: DocumentError) -> dict[str, Any]:
    return {
        "source": error.source,
        "problems": [
            {"path": p.path, "message": p.message, "line": p.line, "column": p.column}
            for p in error.problems
        ],
    }


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    unreadable: list[DocumentError] = []
    registry = Registry.from_paths(args.paths, on_error=unreadable.append)
    given = Registry.from_paths(args.records, on_error=unreadable.append)
    everything = Registry(registry.entries + given.entries)
    lang: Lang = args.lang
    reports: list[Report] = []
    for entry in registry.entries:
        if not isinstance(entry.document, Agreement):
            continue
        reports.append(
            validate(
                entry.document,
                today=args.today,
                records=_records_for(entry.document, everything, given),
                registry=everything,
                select=_codes(args.select),
                ignore=_codes(args.ignore),
                options=Options(renewal_horizon_days=args.renewal_horizon),
                source=entry.source,
            )
        )
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    failed = any(f.severity in failing for report in reports for f in report.findings)
    if args.format == "json":
        document = {
            "schema": REPORT_SCHEMA,
            "ok": not failed and not unreadable,
            "files": [report.to_dict(lang) for report in reports],
            "unreadable": [_problem_dict(error) for error in unreadable],
        }
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for report in reports:
            out.write(report.render(lang) + "\n")
        for error in unreadable:
            err.write(f"{error}\n")
        if not reports and not unreadable:
            out.write(Text(en="no agreements found", sv="inga överenskommelser hittades").get(lang))
            out.write("\n")
    if unreadable:
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
