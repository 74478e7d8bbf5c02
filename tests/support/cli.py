"""Running the command line in the test process."""

import io

from busmodel.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    """The exit status, standard output and standard error of ``busmodel ARGV...``."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()
