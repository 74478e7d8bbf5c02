"""The command-line layer: ``busmodel validate``, ``rules``, ``show`` and ``convert``.

Argument parsing, rendering and the commands; it holds no document logic of its
own and builds on the layers below.
"""

from busmodel.cli._main import (
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    main,
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
