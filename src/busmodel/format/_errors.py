"""The error a document that cannot be read raises: every problem, with where it is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from busmodel.model._errors import BusmodelError, swedish
from busmodel.model._text import Lang, Text

__all__ = ["DocumentError", "Problem"]


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
