"""attrs validators shared by the value objects; each raises :class:`ModelError`.

And the converters the value objects share: a constructor takes what converts
without loss (an iterable for a tuple, a value for its enum member) and the
validators refuse the rest, naming the field. Each module gives every such field
a small named converter, typed for its items or its enum, that returns at once
when the value is already stored as the model holds it; type checkers type the
constructor's argument from it (the mypy attrs plugin takes only named,
non-generic converters).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeVar, cast

import attrs

from busmodel.model._errors import ModelError
from busmodel.model._text import Text, invisible

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
Validator = Callable[[Any, "attrs.Attribute[T]", T], None]

ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?")
"""Ids are lowercase slugs: ``bun``, ``styr-bus``, ``alingsas-bus-2023``."""


_DATE_AND_TIME: Final = Text(
    en="expected a date, got a date and time",
    sv="förväntade ett datum, fick ett datum med klockslag",
)

_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters other than tab and line breaks, and lone surrogates."""


def plain(name: str, value: str) -> None:
    """Require a string that any file can hold: valid Unicode, no control characters.

    Tabs and line breaks are text; other control characters (escape sequences,
    NUL) and lone surrogates (which no UTF-8 file can hold) are refused.
    """
    found = _UNWRITABLE.search(value)
    if found is None:
        return
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        raise ModelError(
            name,
            f"is not valid Unicode: it holds a lone surrogate (U+{ord(char):04X})",
            sv=f"är inte giltig Unicode: innehåller ett ensamt surrogattecken (U+{ord(char):04X})",
        )
    raise ModelError(
        name,
        f"holds a control character (U+{ord(char):04X})",
        sv=f"innehåller ett styrtecken (U+{ord(char):04X})",
    )


def text(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Require visible text: not empty, not blank, not only invisible characters."""
    if not isinstance(value, str):
        got = type(value).__name__
        raise ModelError(
            attribute.name, f"expected text, got {got}", sv=f"förväntade text, fick {got}"
        )
    if not value.strip():
        raise ModelError(attribute.name, "must not be empty", sv="får inte vara tom")
    plain(attribute.name, value)
    if not value.isascii() and invisible(value):
        raise ModelError(
            attribute.name,
            "has no visible characters, only invisible ones such as zero-width spaces",
            sv="har inga synliga tecken, bara osynliga som nollbreddsblanksteg",
        )


def optional_text(_: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    """Require None or a string that is not empty or blank."""
    if value is not None:
        text(_, attribute, value)  # type: ignore[arg-type]


def identifier(_: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Require an id: a lowercase slug of letters, digits, ``-`` and ``_``."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise ModelError(
            attribute.name,
            f"{value!r} is not an id (lowercase letters, digits, '-' and '_')",
            sv=f"{value!r} är inget id (små bokstäver, siffror, '-' och '_')",
        )


def optional_identifier(
    _: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    """Require None or an id."""
    if value is not None:
        identifier(_, attribute, value)  # type: ignore[arg-type]


_NOT_ITEMS: Final = (str, bytes, bytearray, memoryview, set, frozenset, Mapping)
"""What a tuple field never iterates: text and bytes (one value, not items), sets (no
order, so no reproducible tuple) and mappings (whose items are not their keys)."""


def to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """``value`` as a tuple, when it converts without loss: a list, a generator, any iterable.

    A tuple is returned as it is. Text, bytes, a set or a mapping is returned
    unchanged, as is anything that cannot be iterated, for the field's
    validator (:func:`tuple_of`) to refuse: a string is one value, never a
    tuple of letters.

    >>> to_tuple(["bun", "sn"]), to_tuple(day for day in (1, 2))
    (('bun', 'sn'), (1, 2))
    >>> to_tuple("bun")
    'bun'
    """
    if type(value) is tuple:
        return value
    if isinstance(value, _NOT_ITEMS):
        return cast("tuple[T, ...]", value)
    try:
        items = iter(value)
    except TypeError:
        return cast("tuple[T, ...]", value)
    return tuple(items)


def strs(value: Iterable[str]) -> tuple[str, ...]:
    """Ids or texts as a tuple (see :func:`to_tuple`): the converter of such fields."""
    return value if type(value) is tuple else to_tuple(value)


def tuple_of(item: Validator[Any]) -> Validator[tuple[Any, ...]]:
    """Require a tuple whose every item passes ``item``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            got = type(value).__name__
            raise ModelError(
                attribute.name,
                f"expected a tuple, a list or another ordered collection of items, got {got}",
                sv=f"förväntade en tuple, en lista eller en annan ordnad samling, fick {got}",
            )
        errors = []
        for index, element in enumerate(value):
            try:
                item(instance, attribute, element)
            except ModelError as error:
                path = f"{attribute.name}/{index}"
                errors.append(ModelError(attribute.name, error.message, path=path, sv=error.sv))
        if errors:
            raise ModelError.collect(errors)

    return check


def member(kind: type[E], value: E | str) -> E:
    """``value`` as a member of the enum ``kind``: a member as it is, a value as its member.

    Anything else is returned unchanged, for the field's validator
    (:func:`one_of`) to refuse, naming the field and the choices.

    >>> member(enum.Enum("Kind", {"REGULAR": "regular"}), "regular")
    <Kind.REGULAR: 'regular'>
    >>> member(enum.Enum("Kind", {"REGULAR": "regular"}), "Regular")
    'Regular'
    """
    if type(value) is kind:
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        return cast("E", value)


def one_of(kind: type[enum.Enum]) -> Validator[Any]:
    """Require a member of the enum ``kind``; the error names the values it has."""
    choices = ", ".join(repr(each.value) for each in kind)

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not kind:
            raise ModelError(
                attribute.name,
                f"{value!r} is not one of {choices}",
                sv=f"{value!r} är inte något av {choices}",
            )

    return check


def instance(kind: type | tuple[type, ...]) -> Validator[Any]:
    """Require an instance of ``kind`` (booleans are never accepted as numbers)."""

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _types(kind)):
            names = [t.__name__ for t in _types(kind)]
            got = type(value).__name__
            raise ModelError(
                attribute.name,
                f"expected {' or '.join(names)}, got {got}",
                sv=f"förväntade {' eller '.join(names)}, fick {got}",
            )
        if isinstance(value, dt.datetime) and dt.datetime not in _types(kind):
            raise ModelError(attribute.name, _DATE_AND_TIME.en, sv=_DATE_AND_TIME.sv)

    return check


def optional(check: Validator[Any]) -> Validator[Any]:
    """Let None through, check anything else."""

    def maybe(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return maybe


def in_range(low: int, high: int) -> Validator[int]:
    """Require an int in ``low..high`` inclusive."""

    def check(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
        _int(instance, attribute, value)
        if not low <= value <= high:
            raise ModelError(
                attribute.name,
                f"{value} is not between {low} and {high}",
                sv=f"{value} ligger inte mellan {low} och {high}",
            )

    return check


def _types(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


_int = instance(int)


FIRST_DAY: Final = dt.date(1900, 1, 1)
LAST_DAY: Final = dt.date(2199, 12, 31)


def day(_: object, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    """Require a date (not a date and time) between 1900 and 2199: anything else is a typo."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        if isinstance(value, dt.datetime):
            raise ModelError(attribute.name, _DATE_AND_TIME.en, sv=_DATE_AND_TIME.sv)
        got = type(value).__name__
        raise ModelError(
            attribute.name, f"expected a date, got {got}", sv=f"förväntade ett datum, fick {got}"
        )
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ModelError(
            attribute.name,
            f"{value} is not between {FIRST_DAY} and {LAST_DAY}",
            sv=f"{value} ligger inte mellan {FIRST_DAY} och {LAST_DAY}",
        )
