"""The error a document that cannot be read raises: every problem, with where it is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from busmodel.format._positions import Position, where
from busmodel.model._errors import BusmodelError, swedish
from busmodel.model._text import Lang, Text

__all__ = ["DocumentError", "Problem"]


_WHOLE_DOCUMENT = Text(en="(document)", sv="(dokumentet)")


@attrs.frozen
class Problem:
    """One problem found in a document, with where it is.

    ``path`` is a JSON Pointer (RFC 6901) into the document, ``""`` for the
    document as a whole. ``line`` and ``column`` (1-based, the column counted
    in characters) say where in the text: for a syntax error, where reading
    stopped; for a problem with a path, where the value at that path is, or,
    when it is missing, the table that lacks it (see
    :class:`~busmodel.format.Positions`). A problem made by hand may have neither.

    >>> str(Problem("/parties/2", "unknown body 'bun'"))
    "/parties/2: unknown body 'bun'"
    >>> str(Problem("", "expected '=' after a key", line=3, column=7))
    "line 3, column 7: expected '=' after a key"
    >>> str(Problem("/parties/2", "unknown body 'bun'", line=9, column=27))
    "line 9, column 27: /parties/2: unknown body 'bun'"

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
    def position(self) -> Position | None:
        """``line`` and ``column`` as a :class:`~busmodel.format.Position`, if both are known.

        >>> Problem("/id", "must not be empty", 2, 6).position
        Position(line=2, column=6)
        """
        if self.line is None or self.column is None:
            return None
        return Position(self.line, self.column)

    @property
    def text(self) -> Text:
        """The message in English and Swedish (a Swedish frame if no Swedish was given)."""
        return Text(en=self.message, sv=swedish(self.message, self.sv))

    def render(self, lang: Lang = "en") -> str:
        """The problem as ``where: message`` in ``lang``.

        ``where`` is the line and column when they are known, then the path when
        there is one; the path alone; or the document as a whole.

        >>> Problem("/id", "must not be empty", 2, 6, sv="får inte vara tom").render("sv")
        'rad 2, kolumn 6: /id: får inte vara tom'
        """
        message = self.message if lang == "en" else self.text.get(lang)
        if self.line is None:
            place = self.path or _WHOLE_DOCUMENT.get(lang)
        else:
            place = where(self.line, self.column, lang)
            if self.path:
                place += f": {self.path}"
        return f"{place}: {message}"

    def __str__(self) -> str:
        """Render the problem as ``where: message``, in English."""
        return self.render("en")


class DocumentError(BusmodelError):
    """A document could not be read: it lists every problem found, not only the first.

    ``source`` names the document: a file path, the name of an open file (or
    ``"<stdin>"``, ``"<file>"``), or ``"<string>"`` for text.

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
