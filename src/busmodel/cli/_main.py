"""The ``busmodel`` command line: ``validate``, ``rules``, ``show`` and ``convert``."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from typing import BinaryIO, Final, TextIO, cast

import attrs

from busmodel._version import __version__
from busmodel.cli._github import github_annotations
from busmodel.cli._json import batch_data
from busmodel.cli._rules_doc import rule_data, rule_page, rules_markdown
from busmodel.cli._sarif import sarif_log
from busmodel.cli._text import Style, render_problems, render_text
from busmodel.format import Document, DocumentError, Problem, dumps, load
from busmodel.model import Agreement, Records, ValidityBasis
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._text import Lang, span_text
from busmodel.validation import Catalogue, Options, Report, RuleError
from busmodel.validation._batch import STDIN, Batch, validate_paths

__all__ = [
    "EXIT_ERRORS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "EXIT_USAGE",
    "main",
]

EXIT_OK: Final = 0
"""No errors (and, with ``--strict``, no warnings)."""
EXIT_ERRORS: Final = 1
"""Validation found errors (or warnings, with ``--strict``)."""
EXIT_UNREADABLE: Final = 2
"""A file could not be read or parsed, or the output could not be written."""
EXIT_USAGE: Final = 2
"""The command line was wrong (as for argparse's own errors)."""
EXIT_INTERNAL: Final = 3
"""A bug in busmodel, or in a plug-in rule: never a verdict on the documents."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted (Ctrl-C), as shells report SIGINT."""
TRACEBACK_VARIABLE: Final = "BUSMODEL_TRACEBACK"
"""Set (to anything but ``0`` or nothing) to print the traceback of an internal error."""

_EXIT_STATUSES: Final = (
    "Exit status 0: no errors; 1: errors found (or warnings, with --strict); "
    "2: a file could not be read, the output could not be written, or the command "
    f"line was wrong; 3: a bug in busmodel (set {TRACEBACK_VARIABLE}=1 to see where)."
)
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DIGITS: Final = re.compile(r"[0-9]+")


# -- what is shown can always be written ------------------------------------


def _shown(text: str) -> str:
    r"""``text`` with every lone surrogate written as its escape, so that any stream takes it.

    >>> _shown("/\ud800")
    '/\\ud800'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _shown_path(path: str) -> str:
    r"""A file name as shown: bytes of the name that are not text are written ``\xff``.

    >>> _shown_path(os.fsdecode(b"bad\xff.toml"))
    'bad\\xff.toml'
    """
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no byte stands for
        return _shown(path)
    return _shown(raw.decode(sys.getfilesystemencoding(), "backslashreplace"))


def _shown_data(value: object) -> object:
    """``value`` (JSON data) with every text in it :func:`_shown`."""
    if isinstance(value, str):
        return _shown(value)
    if isinstance(value, dict):
        return {_shown(str(key)): _shown_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_shown_data(item) for item in value]
    return value


def _shown_error(error: DocumentError) -> DocumentError:
    """``error`` with its file name as shown."""
    return DocumentError(error.problems, source=_shown_path(error.source))


def _shown_report(report: Report) -> Report:
    """``report`` with every file name in it as shown."""

    def file(name: str | None) -> str | None:
        return None if name is None else _shown_path(name)

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
        tuple(_shown_error(error) for error in batch.unreadable),
    )


class _Stream:
    r"""A text stream the command line writes to.

    Whatever is written can be shown: lone surrogates become escapes, and letters
    the stream's encoding lacks become ``\xe4``-style escapes rather than an error.
    A reader that goes away (``| head``, a closed pipe) ends the writing, not the
    run, so the exit status stays the verdict; any other failure to write is kept
    in ``failed`` for :func:`main` to report.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.gone = stream is None
        """The reader went away, or there never was a stream (a closed descriptor)."""
        self.failed: OSError | None = None
        encoding = getattr(stream, "encoding", None)
        try:
            self.encoding = codecs.lookup(encoding).name if encoding else None
        except LookupError:
            self.encoding = None

    @property
    def utf8(self) -> bool:
        """Whether the stream takes any text as it is (UTF-8, or text in memory)."""
        return self.encoding in (None, "utf-8")

    def write(self, text: str) -> None:
        """Write ``text``, made showable in the stream's encoding."""
        text = _shown(text)
        if not self.utf8:
            assert self.encoding is not None
            try:
                text = text.encode(self.encoding, "backslashreplace").decode(self.encoding)
            except UnicodeError:
                text = text.encode("ascii", "backslashreplace").decode("ascii")
        self._attempt(lambda stream: stream.write(text))

    def write_document(self, text: str) -> None:
        """Write a document (or a page of documentation): UTF-8, whatever the stream's encoding."""
        buffer = getattr(self.stream, "buffer", None)
        if self.utf8 or buffer is None:
            self.write(text)
            return
        data = text.encode("utf-8")
        self._attempt(lambda stream: (stream.flush(), buffer.write(data)))

    def flush(self) -> None:
        """Flush the stream; a reader gone away or a failure is noted, not raised."""
        self._attempt(lambda stream: stream.flush())

    def _attempt(self, action: Callable[[TextIO], object]) -> None:
        if self.stream is None or self.gone or self.failed is not None:
            return
        try:
            action(self.stream)
        except BrokenPipeError:
            self.gone = True
        except OSError as error:
            self.failed = error
        except ValueError:
            if not getattr(self.stream, "closed", False):
                raise
            self.gone = True  # the stream was closed under us

    def release(self) -> None:
        """Point a standard stream that failed at the null device.

        Python flushes sys.stdout and sys.stderr once more at exit; without this, the
        reader gone away would be reported again ("Exception ignored ... BrokenPipeError")
        and the exit status changed, as the Python documentation warns.
        """
        stream = self.stream
        if stream is None or not (self.gone or self.failed):
            return
        if stream is sys.stdout or stream is sys.stderr:
            with contextlib.suppress(OSError, ValueError):  # no descriptor: nothing to do
                descriptor = stream.fileno()
                devnull = os.open(os.devnull, os.O_WRONLY)
                try:
                    os.dup2(devnull, descriptor)
                finally:
                    os.close(devnull)


# -- the command line -----------------------------------------------------------


def _date(text: str) -> dt.date:
    """A date written as documented, YYYY-MM-DD, among the dates busmodel handles."""
    day = None
    if _ISO_DATE.fullmatch(text):
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{day} is not between {FIRST_DAY} and {LAST_DAY}")
    return day


def _days(text: str) -> int:
    if _DIGITS.fullmatch(text):
        with contextlib.suppress(ValueError):  # more digits than Python reads
            return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not a number of days")


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="busmodel",
        description="Check and work with Swedish municipal collaboration agreements (BUS).",
        epilog=_EXIT_STATUSES,
    )
    parser.add_argument("--version", action="version", version=f"busmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "validate",
        help="check agreements and report what is wrong, and where",
        description=f"Check agreement documents. {_EXIT_STATUSES}",
    )
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories; - reads standard input"
    )
    check.add_argument(
        "--today",
        type=_date,
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
        type=_days,
        default=Options().renewal_horizon_days,
        metavar="DAYS",
        help="warn this many days before validity ends (default %(default)s)",
    )
    check.set_defaults(usage=check.format_usage(), prog=check.prog)

    listing = commands.add_parser(
        "rules",
        help="list the rule catalogue, or show one rule with a bad and a good example",
    )
    listing.add_argument(
        "rules",
        nargs="*",
        metavar="CODE",
        help="rule codes, prefixes or names to show (all rules are listed without one)",
    )
    listing.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    listing.add_argument("--lang", choices=("sv", "en"), default="en")
    listing.set_defaults(usage=listing.format_usage(), prog=listing.prog)

    show = commands.add_parser("show", help="summarise a document")
    show.add_argument("path", metavar="PATH", help="a document; - reads standard input")
    show.add_argument("--lang", choices=("sv", "en"), default="en")

    convert = commands.add_parser("convert", help="write a document as TOML or JSON")
    convert.add_argument("path", metavar="PATH", help="a document; - reads standard input")
    convert.add_argument("--to", choices=("toml", "json"), required=True)
    return parser


def _usage_error(args: argparse.Namespace, err: _Stream, message: str) -> int:
    """Report a wrong command line found after parsing, as argparse reports its own."""
    err.write(f"{args.usage}{args.prog}: error: {message}\n")
    return EXIT_USAGE


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


def _colour(args: argparse.Namespace, out: _Stream) -> bool:
    """Colour on a terminal, unless NO_COLOR is set (https://no-color.org); --color decides."""
    if args.color != "auto":
        return bool(args.color == "always")
    if os.environ.get("NO_COLOR", "") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(out.stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):
        return False


def _validate(args: argparse.Namespace, out: _Stream, err: _Stream, stdin: BinaryIO | None) -> int:
    lang: Lang = args.lang
    select, ignore = _codes(args.select), _codes(args.ignore)
    problem = _selection_problem(select, ignore)
    if problem is not None:
        return _usage_error(args, err, problem)
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
        )
    except RuleError as error:  # a bug in a rule, not a fault in the document
        bug = f"this is a bug in rule {error.code}, not in the document"
        _internal_error(err, error, str(error), bug)
        return EXIT_INTERNAL
    if args.format == "sarif":  # URIs name a file by its bytes: it takes the names as they are
        _write_json(out, sarif_log(batch, Catalogue.default(), lang))
        return _verdict(batch, args.strict)
    batch = _shown_batch(batch)
    if args.format == "json":
        _write_json(out, batch_data(batch, lang, strict=args.strict))
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


def _write_json(out: _Stream, data: object) -> None:
    """JSON for systems: valid in the stream's encoding, with no lone surrogate."""
    out.write(json.dumps(_shown_data(data), ensure_ascii=not out.utf8, indent=2) + "\n")


def _rules(args: argparse.Namespace, out: _Stream, err: _Stream) -> int:
    catalogue = Catalogue.default()
    lang: Lang = args.lang
    chosen = catalogue.rules
    if args.rules:
        unknown = catalogue.unknown(args.rules)
        if unknown:
            names = ", ".join(repr(code) for code in unknown)
            return _usage_error(args, err, f"no rule has the code or name {names}")
        chosen = catalogue.select(args.rules)
    if args.format == "markdown":
        out.write_document(rules_markdown(chosen))
    elif args.format == "json":
        _write_json(out, [rule_data(r, lang) for r in chosen])
    elif args.rules:
        out.write_document("\n".join(rule_page(r, lang) for r in chosen))
    else:
        for item in chosen:
            out.write(
                f"{item.code} {item.name:36} {item.severity.label(lang):8} {item.title.get(lang)}\n"
            )
    return EXIT_OK


def describe(document: Document, lang: Lang = "en") -> str:
    """A short summary of a document for a person, in ``lang``.

    >>> from busmodel import Records
    >>> describe(Records(agreement="bus"), "sv")
    'protokoll för bus: 0 möten, 0 utvärderingar, 0 redovisningar, 0 omprövningar'
    """
    words = _WORDS[lang]
    if isinstance(document, Records):
        counts = (
            (len(document.meetings), "meeting"),
            (len(document.evaluations), "evaluation"),
            (len(document.reports), "report"),
            (len(document.reviews), "review"),
        )
        listed = ", ".join(f"{n} {words[what][n != 1]}" for n, what in counts)
        return f"{words['records'][0]} {document.agreement}: {listed}"
    lines = [f"{document.id} ({words[document.kind.value][0]}): {document.title}"]
    if document.extends is not None:
        lines.append(f"  {words['extends'][0]}: {document.extends}")
    if document.municipality is not None:
        code = f" ({document.municipality.code})" if document.municipality.code else ""
        lines.append(f"  {words['municipality'][0]}: {document.municipality.name}{code}")
    if document.validity is not None:
        period = document.validity.period
        shown = span_text(period.start, period.end).get(lang)
        if document.validity.basis is not ValidityBasis.UNTIL_FURTHER_NOTICE:
            shown += f" ({words[document.validity.basis.value][0]})"
        lines.append(f"  {words['validity'][0]}: {shown}")
    for label, ids in (("parties", document.parties), ("participants", document.participants)):
        if ids:
            names = [b.name if (b := document.body(i)) else f"{i}?" for i in ids]
            lines.append(f"  {words[label][0]}: {', '.join(names)}")
    for forum in document.forums:
        level = "" if forum.level is None else f" [{words[forum.level.value][0]}]"
        count = len(forum.members)
        lines.append(
            f"  {words['forum'][0]} {forum.id}: {forum.name}{level}, "
            f"{count} {words['member'][count != 1]}"
        )
    if document.chair is not None:
        for term in document.chair.terms:
            shown = span_text(term.period.start, term.period.end).get(lang)
            lines.append(f"  {words['chair'][0]} {shown}: {_name(document, term.body)}")
    for signature in document.signatures:
        who = "" if signature.name is None else f" ({signature.name})"
        lines.append(
            f"  {words['signed'][0]} {signature.date}: {_name(document, signature.body)}{who}"
        )
    for adoption in document.adoptions:
        ref = "" if adoption.reference is None else f" ({adoption.reference})"
        lines.append(
            f"  {words['adopted'][0]} {adoption.date}: {_name(document, adoption.body)}{ref}"
        )
    return "\n".join(lines)


def _name(document: Agreement, body_id: str) -> str:
    body = document.body(body_id)
    return body.name if body is not None else f"{body_id}?"


_WORDS: Final[dict[Lang, dict[str, tuple[str, str]]]] = {
    "en": {
        "records": ("records for", ""),
        "meeting": ("meeting", "meetings"),
        "evaluation": ("evaluation", "evaluations"),
        "report": ("report", "reports"),
        "review": ("review", "reviews"),
        "agreement": ("agreement", ""),
        "framework": ("framework", ""),
        "extension": ("extension", ""),
        "extends": ("extends", ""),
        "municipality": ("municipality", ""),
        "validity": ("validity", ""),
        "mandate-period": ("the mandate period", ""),
        "fixed": ("fixed dates", ""),
        "until-further-notice": ("until further notice", ""),
        "from-signing": ("from signing", ""),
        "parties": ("parties", ""),
        "participants": ("participants", ""),
        "forum": ("forum", ""),
        "member": ("member", "members"),
        "political": ("political", ""),
        "steering": ("steering group", ""),
        "management": ("management group", ""),
        "working": ("working group", ""),
        "development": ("development group", ""),
        "pupils": ("pupils' group", ""),
        "chair": ("chair", ""),
        "signed": ("signed", ""),
        "adopted": ("adopted", ""),
    },
    "sv": {
        "records": ("protokoll för", ""),
        "meeting": ("möte", "möten"),
        "evaluation": ("utvärdering", "utvärderingar"),
        "report": ("redovisning", "redovisningar"),
        "review": ("omprövning", "omprövningar"),
        "agreement": ("överenskommelse", ""),
        "framework": ("ramöverenskommelse", ""),
        "extension": ("förlängning", ""),
        "extends": ("förlänger", ""),
        "municipality": ("kommun", ""),
        "validity": ("giltighetstid", ""),
        "mandate-period": ("mandatperioden", ""),
        "fixed": ("fasta datum", ""),
        "until-further-notice": ("tills vidare", ""),
        "from-signing": ("från undertecknandet", ""),
        "parties": ("parter", ""),
        "participants": ("övriga samhällsaktörer", ""),
        "forum": ("forum", ""),
        "member": ("medlem", "medlemmar"),
        "political": ("politisk samverkan", ""),
        "steering": ("styrgrupp", ""),
        "management": ("ledningsgrupp", ""),
        "working": ("arbetsgrupp", ""),
        "development": ("utvecklingsgrupp", ""),
        "pupils": ("elevgrupp", ""),
        "chair": ("ordförande", ""),
        "signed": ("undertecknad", ""),
        "adopted": ("antagen", ""),
    },
}


def main(
    argv: Sequence[str] | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the command line; return the exit status.

    ``out`` and ``err`` default to the standard streams, and ``stdin`` (read in
    binary, for a path ``-``) to standard input. Nothing escapes as an
    exception: a bug inside busmodel is one line on ``err`` and
    :data:`EXIT_INTERNAL` (with the traceback when ``BUSMODEL_TRACEBACK`` is set).
    """
    output = _Stream(sys.stdout if out is None else out)
    errors = _Stream(sys.stderr if err is None else err)
    if stdin is None:
        stdin = getattr(sys.stdin, "buffer", None)  # None when there is no standard input
    try:
        status = _main(argv, output, errors, stdin)
    except KeyboardInterrupt:
        errors.write("busmodel: interrupted\n")
        status = EXIT_INTERRUPTED
    except Exception as error:
        _internal_error(errors, error, _describe_exception(error))
        status = EXIT_INTERNAL
    output.flush()
    if output.failed is not None:
        reason = output.failed.strerror or _describe_exception(output.failed)
        errors.write(f"busmodel: cannot write the output: {reason}\n")
        if status in (EXIT_OK, EXIT_ERRORS):
            status = EXIT_UNREADABLE
    errors.flush()
    output.release()
    errors.release()
    return status


def _main(argv: Sequence[str] | None, out: _Stream, err: _Stream, stdin: BinaryIO | None) -> int:
    parser = _parser()
    try:
        # argparse writes --help, --version and its errors to sys.stdout and sys.stderr.
        with (
            contextlib.redirect_stdout(cast(TextIO, out)),
            contextlib.redirect_stderr(cast(TextIO, err)),
        ):
            args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error
        code = exit_.code
        return code if isinstance(code, int) else EXIT_OK if code is None else EXIT_USAGE
    return _run(args, out, err, stdin)


def _describe_exception(error: BaseException) -> str:
    try:
        message = " ".join(str(error).split())
    except Exception:  # an exception whose message cannot be made
        message = ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _internal_error(
    err: _Stream, error: BaseException, what: str, bug: str = "this is a bug in busmodel"
) -> None:
    """One line about a bug, and its traceback when BUSMODEL_TRACEBACK asks for it."""
    err.write(f"busmodel: internal error: {what} ({bug}; please report it)\n")
    if os.environ.get(TRACEBACK_VARIABLE, "0") not in ("", "0"):
        err.write("".join(traceback.format_exception(error)))


def _run(args: argparse.Namespace, out: _Stream, err: _Stream, stdin: BinaryIO | None) -> int:
    if args.command == "validate":
        return _validate(args, out, err, stdin)
    if args.command == "rules":
        return _rules(args, out, err)
    try:
        if args.path != STDIN:
            document = load(args.path)
        elif stdin is None:
            no_input = Problem(
                "",
                "cannot read: no standard input was given",
                sv="kan inte läsas: ingen standard-indata gavs",
            )
            raise DocumentError([no_input], source=STDIN)
        else:
            document = load(stdin)
    except DocumentError as error:
        err.write(f"{render_problems(_shown_error(error), getattr(args, 'lang', 'en'))}\n")
        return EXIT_UNREADABLE
    if args.command == "show":
        out.write(describe(document, args.lang) + "\n")
    else:
        out.write_document(dumps(document, args.to))
    return EXIT_OK
