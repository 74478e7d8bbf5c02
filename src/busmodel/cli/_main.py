"""The ``busmodel`` command line: parse the arguments, run the command, never crash.

Each command is a module of its own (``_validate``, ``_rules``, ``_show``...) with
``add_parser`` and ``run``; this module builds the parser from them, runs the one
asked for, and turns what must not escape (a bug, an interrupt, a stream that
cannot be written) into an exit status.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from typing import BinaryIO, Final, TextIO, cast

from busmodel._version import __version__
from busmodel.cli import _plan, _renew, _rules, _show, _status, _timeline, _validate
from busmodel.cli._common import (
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STATUSES,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    Stream,
    describe_exception,
    internal_error,
)

__all__ = [
    "EXIT_ERRORS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "EXIT_USAGE",
    "main",
]

_COMMANDS: Final = (_validate, _rules, _show, _status, _renew, _plan, _timeline)
"""The command modules, in the order ``busmodel --help`` lists them."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="busmodel",
        description="Check and work with Swedish municipal collaboration agreements (BUS).",
        epilog=EXIT_STATUSES,
    )
    parser.add_argument("--version", action="version", version=f"busmodel {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in _COMMANDS:
        command.add_parser(commands)
    return parser


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
    output = Stream(sys.stdout if out is None else out)
    errors = Stream(sys.stderr if err is None else err)
    if stdin is None:
        stdin = getattr(sys.stdin, "buffer", None)  # None when there is no standard input
    try:
        status = _main(argv, output, errors, stdin)
    except KeyboardInterrupt:
        errors.write("busmodel: interrupted\n")
        status = EXIT_INTERRUPTED
    except Exception as error:
        internal_error(errors, error, describe_exception(error))
        status = EXIT_INTERNAL
    output.flush()
    if output.failed is not None:
        reason = output.failed.strerror or describe_exception(output.failed)
        errors.write(f"busmodel: cannot write the output: {reason}\n")
        if status in (EXIT_OK, EXIT_ERRORS):
            status = EXIT_UNREADABLE
    errors.flush()
    output.release()
    errors.release()
    return status


def _main(argv: Sequence[str] | None, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
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


def _run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    run: Callable[[argparse.Namespace, Stream, Stream, BinaryIO | None], int] = args.run
    return run(args, out, err, stdin)
