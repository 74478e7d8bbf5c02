"""The exceptions busmodel raises.

Every error is a :class:`BusmodelError`, which is also a :class:`ValueError`, so
callers that already guard against bad values catch ours too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from busmodel._text import Lang, Text

__all__ = ["BusmodelError", "DocumentError", "ModelError", "Problem", "escape_token", "swedish"]


def swedish(message: str, sv: str | None) -> str:
    """``sv``, or when a message has no Swedish text, the English one in a Swedish frame.

    >>> swedish("must not be empty", "får inte vara tom")
    'får inte vara tom'
    >>> swedish("bad", None)
    'ogiltigt värde: bad'
    """
    return f"ogiltigt värde: {message}" if sv is None else sv


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

    ``message`` is in English and ``sv`` in Swedish; :attr:`text` gives both.

    >>> ModelError("name", "must not be empty", sv="får inte vara tom").text.sv
    'får inte vara tom'
    """

    def __init__(
        self, field: str, message: str, *, path: str | None = None, sv: str | None = None
    ) -> None:
        self.field = field
        self.message = message
        self.sv = sv
        """The message in Swedish (None when the raiser gave none)."""
        self.path = field if path is None else path
        self.errors: tuple[ModelError, ...] = (self,)
        """Every problem found: this one, and more when several were collected."""
        super().__init__(f"{self.path}: {message}")

    @property
    def text(self) -> Text:
        """The message in English and Swedish (a Swedish frame if no Swedish was given)."""
        return Text(en=self.message, sv=swedish(self.message, self.sv))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the keyword arguments, which ``BaseException`` cannot rebuild alone."""
        return (
            _model_error,
            (type(self), self.field, self.message, self.path, self.sv),
            self.__dict__,
        )

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
        combined = cls(first.field, first.message, path=first.path, sv=first.sv)
        combined.errors = flat
        return combined


def _model_error(
    cls: type[ModelError], field: str, message: str, path: str, sv: str | None
) -> ModelError:
    return cls(field, message, path=path, sv=sv)


_WHOLE_DOCUMENT = Text(en="(document)", sv="(dokumentet)")


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

    ``message`` is in English and ``sv`` in Swedish; :attr:`text` gives both,
    and :meth:`render` the problem in either language. ``sv`` is a translation
    of ``message``, so it takes no part in comparing problems.

    >>> Problem("/id", "must not be empty", sv="får inte vara tom").render("sv")
    '/id: får inte vara tom'
    >>> Problem("", "Invalid value", 3, 6, sv="syntaxfel: Invalid value").render("sv")
    'rad 3, kolumn 6: syntaxfel: Invalid value'
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    sv: str | None = attrs.field(default=None, eq=False)

    @property
    def text(self) -> Text:
        """The message in English and Swedish (a Swedish frame if no Swedish was given)."""
        return Text(en=self.message, sv=swedish(self.message, self.sv))

    def render(self, lang: Lang = "en") -> str:
        """The problem as ``where: message`` in ``lang``."""
        if self.line is not None:
            where = f"{'rad' if lang == 'sv' else 'line'} {self.line}"
            if self.column is not None:
                where += f", {'kolumn' if lang == 'sv' else 'column'} {self.column}"
        else:
            where = self.path or _WHOLE_DOCUMENT.get(lang)
        return f"{where}: {self.text.get(lang)}"

    def __str__(self) -> str:
        """Render the problem as ``where: message``, in English."""
        return self.render("en")


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
        super().__init__(self.render("en"))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by the problems and the source."""
        return (_document_error, (type(self), self.problems, self.source), self.__dict__)

    def render(self, lang: Lang = "en") -> str:
        """The error in ``lang``: the source and count, then a problem a line.

        >>> error = DocumentError([Problem("/id", "must not be empty", sv="får inte vara tom")])
        >>> print(error.render("sv"))
        <string>: 1 problem
          /id: får inte vara tom
        """
        count = len(self.problems)
        # "problem" is both singular and plural in Swedish.
        noun = "problem" if count == 1 or lang == "sv" else "problems"
        lines = [f"{self.source}: {count} {noun}"]
        lines.extend(f"  {problem.render(lang)}" for problem in self.problems)
        return "\n".join(lines)


def _document_error(
    cls: type[DocumentError], problems: tuple[Problem, ...], source: str
) -> DocumentError:
    return cls(problems, source=source)


def escape_token(key: str) -> str:
    """Escape a key as a JSON Pointer reference token (RFC 6901).

    >>> escape_token("a/b~c")
    'a~1b~0c'
    """
    return key.replace("~", "~0").replace("/", "~1")
