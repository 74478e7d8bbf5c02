"""What every command shares: exit statuses, streams that can always be written, options."""

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
from collections.abc import Callable, Sequence
from typing import Final, TextIO

from busmodel.format import DocumentError, Registry
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._text import Lang

__all__ = [
    "EXIT_ERRORS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_STATUSES",
    "EXIT_UNREADABLE",
    "EXIT_USAGE",
    "TRACEBACK_VARIABLE",
    "Stream",
    "days",
    "describe_exception",
    "internal_error",
    "iso_date",
    "shown",
    "shown_data",
    "shown_error",
    "shown_path",
    "usage_error",
    "write_json",
    "write_output",
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

EXIT_STATUSES: Final = (
    "Exit status 0: no errors; 1: errors found (or warnings, with --strict); "
    "2: a file could not be read, the output could not be written, or the command "
    f"line was wrong; 3: a bug in busmodel (set {TRACEBACK_VARIABLE}=1 to see where)."
)
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DIGITS: Final = re.compile(r"[0-9]+")


def shown(text: str) -> str:
    r"""``text`` with every lone surrogate written as its escape, so that any stream takes it.

    >>> shown("/\ud800")
    '/\\ud800'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def shown_path(path: str) -> str:
    r"""A file name as shown: bytes of the name that are not text are written ``\xff``.

    >>> shown_path(os.fsdecode(b"bad\xff.toml"))
    'bad\\xff.toml'
    """
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate that no byte stands for
        return shown(path)
    return shown(raw.decode(sys.getfilesystemencoding(), "backslashreplace"))


def shown_data(value: object) -> object:
    """``value`` (JSON data) with every text in it :func:`shown`."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {shown(str(key)): shown_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [shown_data(item) for item in value]
    return value


def shown_error(error: DocumentError) -> DocumentError:
    """``error`` with its file name as shown."""
    return DocumentError(error.problems, source=shown_path(error.source))


class Stream:
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
        text = shown(text)
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


def iso_date(text: str) -> dt.date:
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


def days(text: str) -> int:
    if _DIGITS.fullmatch(text):
        with contextlib.suppress(ValueError):  # more digits than Python reads
            return int(text)
    raise argparse.ArgumentTypeError(f"{text!r} is not a number of days")


def usage_error(args: argparse.Namespace, err: Stream, message: str) -> int:
    """Report a wrong command line found after parsing, as argparse reports its own."""
    err.write(f"{args.usage}{args.prog}: error: {message}\n")
    return EXIT_USAGE


def write_json(out: Stream, data: object) -> None:
    """JSON for systems: valid in the stream's encoding, with no lone surrogate."""
    out.write(json.dumps(shown_data(data), ensure_ascii=not out.utf8, indent=2) + "\n")


def describe_exception(error: BaseException) -> str:
    try:
        message = " ".join(str(error).split())
    except Exception:  # an exception whose message cannot be made
        message = ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def internal_error(
    err: Stream, error: BaseException, what: str, bug: str = "this is a bug in busmodel"
) -> None:
    """One line about a bug, and its traceback when BUSMODEL_TRACEBACK asks for it."""
    err.write(f"busmodel: internal error: {what} ({bug}; please report it)\n")
    if os.environ.get(TRACEBACK_VARIABLE, "0") not in ("", "0"):
        err.write("".join(traceback.format_exception(error)))


def write_output(path: str, data: bytes, err: Stream, command: str, lang: Lang = "en") -> int:
    """Write a command's output to the file ``path``, whole or not at all.

    A failure is one line on ``err`` in ``lang`` and :data:`EXIT_UNREADABLE`.
    """
    from busmodel.format._document import os_reason
    from busmodel.format._files import write_whole

    try:
        write_whole(path, data)
    except OSError as error:
        reason = os_reason(error).get(lang)
        cannot = "kan inte skriva" if lang == "sv" else "cannot write"
        err.write(f"busmodel {command}: {cannot} {shown_path(path)}: {reason}\n")
        return EXIT_UNREADABLE
    return EXIT_OK


def read_registry(paths: Sequence[str], err: Stream, lang: Lang) -> tuple[Registry | None, bool]:
    """The documents ``--registry`` names (None when it names none), and whether all were read.

    What cannot be read is written to ``err``, every problem at its place: the
    command then stops (exit 2) rather than work from less than it was given.
    """
    if not paths:
        return None, True
    from busmodel.cli._text import render_problems  # the renderer, only when it is needed

    unreadable: list[DocumentError] = []
    registry = Registry.from_paths(paths, on_error=unreadable.append)
    err.write("".join(f"{render_problems(shown_error(e), lang)}\n" for e in unreadable))
    return registry, not unreadable
