"""``busmodel validate``: :func:`busmodel.validate_paths` and a renderer."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from typing import Any, BinaryIO

import attrs

from busmodel.cli._common import (
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_STATUSES,
    EXIT_UNREADABLE,
    Stream,
    days,
    internal_error,
    iso_date,
    shown_error,
    shown_path,
    usage_error,
    write_json,
)
from busmodel.cli._github import github_annotations
from busmodel.cli._json import batch_data
from busmodel.cli._sarif import sarif_log
from busmodel.cli._text import Style, render_text
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._text import Lang
from busmodel.validation import Catalogue, Options, Report, RuleError
from busmodel.validation._batch import Batch, validate_paths

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    """Add ``validate`` to the subcommands."""
    check = commands.add_parser(
        "validate",
        help="check agreements and report what is wrong, and where",
        description=f"Check agreement documents. {EXIT_STATUSES}",
    )
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories; - reads standard input"
    )
    check.add_argument(
        "--today",
        type=iso_date,
        metavar="DATE",
        help=f"the date to check against (YYYY-MM-DD, {FIRST_DAY} to {LAST_DAY})",
    )
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
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="text for people (file:line:col), json for systems, sarif for code-scanning "
        "dashboards, github for GitHub Actions annotations",
    )
    check.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (on a terminal, unless NO_COLOR is set), "
        "always or never",
    )
    check.add_argument("--lang", choices=("sv", "en"), default="en")
    check.add_argument(
        "--select", action="append", type=_code_list, metavar="CODES", help="codes or prefixes"
    )
    check.add_argument(
        "--ignore", action="append", type=_code_list, metavar="CODES", help="codes or prefixes"
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--renewal-horizon",
        type=days,
        default=Options().renewal_horizon_days,
        metavar="DAYS",
        help="warn this many days before validity ends (default %(default)s)",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="read and check in N worker processes (0: one per processor; default 1); "
        "the output is the same as with one",
    )
    check.set_defaults(run=run, usage=check.format_usage(), prog=check.prog)


def _jobs(text: str) -> int:
    """The number of worker processes of ``--jobs``: 0 or more."""
    if text.isascii() and text.isdigit() and len(text) <= 6:
        return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (0 or more)")


class _Bar:
    """A progress bar on a terminal: one line, redrawn in place and cleared at the end."""

    WIDTH = 30

    def __init__(self, err: Stream) -> None:
        self.err = err
        self.shown: tuple[str, int] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        step = done * self.WIDTH // max(total, 1)
        if self.shown == (stage, step) and done != total:
            return  # redrawn only when it changes
        self.shown = (stage, step)
        verb = "reading" if stage == "read" else "checking"
        bar = "#" * step + "-" * (self.WIDTH - step)
        self.err.write(f"\r\x1b[Kbusmodel: {verb} [{bar}] {done}/{total}")
        self.err.flush()

    def clear(self) -> None:
        """Take the bar off the line, if it was ever drawn."""
        if self.shown is not None:
            self.err.write("\r\x1b[K")
            self.err.flush()


def _terminal(stream: Stream) -> bool:
    isatty = getattr(stream.stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):
        return False


def _code_list(text: str) -> list[str]:
    """The comma-separated codes of one ``--select``/``--ignore``; none at all is an error."""
    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:
        raise argparse.ArgumentTypeError(f"{text!r} names no rule code")
    return codes


def _codes(values: Iterable[list[str]] | None) -> list[str] | None:
    if values is None:
        return None
    return [code for value in values for code in value]


def _selection_problem(select: list[str] | None, ignore: list[str] | None) -> str | None:
    catalogue = Catalogue.default()
    unknown = catalogue.unknown([*(select or ()), *(ignore or ())])
    if unknown:
        names = ", ".join(repr(code) for code in unknown)
        return f"no rule code starts with {names}, and no rule has that name (see: busmodel rules)"
    if not catalogue.select(select, ignore):
        given = "--select and --ignore leave" if select is not None else "--ignore leaves"
        return f"{given} no rule to run"
    return None


def _colour(args: argparse.Namespace, out: Stream) -> bool:
    """Colour on a terminal, unless NO_COLOR is set (https://no-color.org); --color decides."""
    if args.color != "auto":
        return bool(args.color == "always")
    if os.environ.get("NO_COLOR", "") or os.environ.get("TERM") == "dumb":
        return False
    return _terminal(out)


def _shown_report(report: Report) -> Report:
    """``report`` with every file name in it as shown."""

    def file(name: str | None) -> str | None:
        return None if name is None else shown_path(name)

    return Report(
        findings=tuple(attrs.evolve(f, file=file(f.file)) for f in report.findings),
        exempted=tuple(
            attrs.evolve(e, finding=attrs.evolve(e.finding, file=file(e.finding.file)))
            for e in report.exempted
        ),
        skipped=tuple(attrs.evolve(s, file=file(s.file)) for s in report.skipped),
        source=file(report.source),
    )


def _shown_batch(batch: Batch) -> Batch:
    """``batch`` with every file name in it as shown."""
    return Batch(
        tuple(_shown_report(report) for report in batch.reports),
        tuple(shown_error(error) for error in batch.unreadable),
    )


def run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    lang: Lang = args.lang
    select, ignore = _codes(args.select), _codes(args.ignore)
    problem = _selection_problem(select, ignore)
    if problem is not None:
        return usage_error(args, err, problem)
    bar = _Bar(err) if _terminal(err) else None
    try:
        batch = validate_paths(
            args.paths,
            records=args.records,
            registry=args.registry,
            today=args.today,
            select=select,
            ignore=ignore,
            options=Options(renewal_horizon_days=args.renewal_horizon),
            stdin=stdin,
            jobs=args.jobs,
            progress=bar,
        )
    except RuleError as error:  # a bug in a rule, not a fault in the document
        bug = f"this is a bug in rule {error.code}, not in the document"
        internal_error(err, error, str(error), bug)
        return EXIT_INTERNAL
    finally:
        if bar is not None:
            bar.clear()
    if args.format == "sarif":  # URIs name a file by its bytes: it takes the names as they are
        write_json(out, sarif_log(batch, Catalogue.default(), lang))
        return _verdict(batch, args.strict)
    batch = _shown_batch(batch)
    if args.format == "json":
        write_json(out, batch_data(batch, lang, strict=args.strict))
    elif args.format == "github":
        out.write(github_annotations(batch, lang))
    else:
        reports, unreadable = render_text(batch, lang, Style(colour=_colour(args, out)))
        out.write(reports)
        err.write(unreadable)
    return _verdict(batch, args.strict)


def _verdict(batch: Batch, strict: bool) -> int:
    """The exit status: the documents could not all be read, or what was found."""
    if batch.unreadable:
        return EXIT_UNREADABLE
    return EXIT_ERRORS if batch.failed(strict=strict) else EXIT_OK
