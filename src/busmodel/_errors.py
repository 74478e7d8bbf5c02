"""The exceptions busmodel raises.

Every error is a :class:`BusmodelError`, which is also a :class:`ValueError`, so
callers that already guard against bad values catch ours too.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["BusmodelError", "DocumentError", "ModelError", "Problem", "escape_token"]


class BusmodelError(ValueError):
    """The base of every error that busmodel raises on bad input."""


class ModelError(BusmodelError):
    """A value object was built with a value that breaks one of its invariants.

    ``field`` names the offending field, so that a document loader can point at
    it: ``/forums/0/cadence/windows/1/months``.

    ``path`` is where below the object the problem is: the field itself, or an
    item of it (``parties/1``).

    >>> str(ModelError("months", "the first month must not come after the last"))
    'months: the first month must not come after the last'
    >>> ModelError("parties", "'Bun' is not an id", path="parties/1").path
    'parties/1'
    """

    def __init__(self, field: str, message: str, *, path: str | None = None) -> None:
        self.field = field
        self.message = message
        self.path = field if path is None else path
        self.errors: tuple[ModelError, ...] = (self,)
        """Every problem found: this one, and more when several were collected."""
        super().__init__(f"{self.path}: {message}")

    @classmethod
    def collect(cls, errors: Iterable[ModelError]) -> ModelError:
        """One error that carries all of ``errors`` (the first names the field).

        >>> both = ModelError.collect([ModelError("id", "bad"), ModelError("name", "blank")])
        >>> [str(e) for e in both.errors]
        ['id: bad', 'name: blank']
        """
        flat = tuple(inner for error in errors for inner in error.errors)
        if not flat:
            raise ValueError("no errors to collect")
        first = flat[0]
        combined = cls(first.field, first.message, path=first.path)
        combined.errors = flat
        return combined


@attrs.frozen
class Problem:
    """One problem found in a document, with where it is.

    ``path`` is a JSON Pointer (RFC 6901) into the document, ``""`` for the
    document as a whole. ``line`` and ``column`` (1-based) are known for syntax
    errors only.

    >>> str(Problem("/parties/2", "unknown body 'bun'"))
    "/parties/2: unknown body 'bun'"
    >>> str(Problem("", "expected '=' after a key", line=3, column=7))
    "line 3, column 7: expected '=' after a key"
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """Render the problem as ``where: message``."""
        if self.line is not None:
            where = f"line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        else:
            where = self.path or "(document)"
        return f"{where}: {self.message}"


class DocumentError(BusmodelError):
    """A document could not be read: it lists every problem found, not only the first.

    ``source`` names the document (a file path, or ``"<string>"``).

    >>> error = DocumentError([Problem("/kind", "unknown kind 'agrement'")], source="a.toml")
    >>> print(error)
    a.toml: 1 problem
      /kind: unknown kind 'agrement'
    """

    def __init__(self, problems: Iterable[Problem], *, source: str = "<string>") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        count = len(self.problems)
        lines = [f"{source}: {count} problem{'' if count == 1 else 's'}"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


def escape_token(key: str) -> str:
    """Escape a key as a JSON Pointer reference token (RFC 6901).

    >>> escape_token("a/b~c")
    'a~1b~0c'
    """
    return key.replace("~", "~0").replace("/", "~1")
