"""The exceptions busmodel raises.

Every error is a :class:`BusmodelError`, which is also a :class:`ValueError`, so
callers that already guard against bad values catch ours too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from busmodel.model._text import Text

__all__ = ["BusmodelError", "ModelError", "escape_token", "swedish"]


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


def escape_token(key: str) -> str:
    """Escape a key as a JSON Pointer reference token (RFC 6901).

    >>> escape_token("a/b~c")
    'a~1b~0c'
    """
    return key.replace("~", "~0").replace("/", "~1")
