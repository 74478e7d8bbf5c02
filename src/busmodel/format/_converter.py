"""The one configured cattrs converter: strict structuring, located problems.

Serialization stays here, at the edge; the domain modules never import cattrs.
Structuring never coerces (``5`` is not text, ``true`` is not an integer, text
is not split into an array), refuses unknown keys, and turns every failure
into :class:`Problem` s with JSON Pointer paths.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from busmodel.format._errors import Problem
from busmodel.model._agreement import Agreement
from busmodel.model._errors import ModelError, escape_token, swedish
from busmodel.model._records import Records
from busmodel.model._text import Lang, Text

__all__ = ["structure", "structure_fast", "type_name", "unstructure"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _InvalidValueError(Exception):
    """A value of the wrong shape, in English and Swedish; the converter adds where it is."""

    def __init__(self, message: str, sv: str) -> None:
        super().__init__(message)
        self.sv = sv


_TYPE_NAMES: Final[dict[type, tuple[str, str]]] = {
    str: ("text", "text"),
    int: ("an integer", "ett heltal"),
    float: ("a number", "ett decimaltal"),
    bool: ("true or false", "true eller false"),
    list: ("an array", "en lista"),
    dict: ("a table", "en tabell"),
    type(None): ("null", "null"),
    dt.date: ("a date", "ett datum"),
    dt.datetime: ("a date and time", "ett datum med klockslag"),
    dt.time: ("a time", "ett klockslag"),
}


def type_name(value: object, lang: Lang = "en") -> str:
    """How a value of the document is called in messages: text, an array, a table...

    >>> type_name(5), type_name(5, "sv")
    ('an integer', 'ett heltal')
    """
    names = _TYPE_NAMES.get(type(value))
    if names is None:
        return type(value).__name__
    return names[1] if lang == "sv" else names[0]


def _expected(en: str, sv: str, value: object) -> _InvalidValueError:
    """``expected <en>, got <type>``, and in Swedish ``förväntade <sv>, fick <typ>``."""
    return _InvalidValueError(
        f"expected {en}, got {type_name(value)}", f"förväntade {sv}, fick {type_name(value, 'sv')}"
    )


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expected("text", "text", value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _InvalidValueError(
            "the text is not valid Unicode (a lone surrogate)",
            "texten är inte giltig Unicode (ett ensamt surrogattecken)",
        ) from None
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _expected("an integer", "ett heltal", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expected("true or false", "true eller false", value)
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if type(value) is dt.date:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise _InvalidValueError(
                f"{value!r} is not a date", f"{value!r} är inget giltigt datum"
            ) from None
    raise _expected("a date (YYYY-MM-DD)", "ett datum (ÅÅÅÅ-MM-DD)", value)


def _guess(given: str, known: Iterable[str]) -> Text:
    """A guess at the known word closest to ``given``, as a clause to add; or nothing.

    >>> _guess("agrement", ["agreement", "meetings"]).sv
    " (menade du 'agreement'?)"
    >>> _guess("zzz", ["agreement"]).en
    ''
    """
    words = tuple(known)
    if len(given) <= _GUESS_CACHED:
        return _cached_guess(given, words)
    return _close_guess(given, words)


_GUESS_CACHED: Final = 64
"""Guesses at words up to this long are kept: a key misspelt the same way in every item
of a long array costs one guess, not one an item."""


def _close_guess(given: str, known: tuple[str, ...]) -> Text:
    close = difflib.get_close_matches(given, known, n=1)
    if not close:
        return Text(en="", sv="")
    return Text(en=f" (did you mean {close[0]!r}?)", sv=f" (menade du {close[0]!r}?)")


_cached_guess: Final = functools.lru_cache(maxsize=256)(_close_guess)


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            pass
    # Only a value that is refused pays for the message.
    choices = ", ".join(repr(member.value) for member in cls)
    if not isinstance(value, str):
        raise _expected(f"one of {choices}", f"något av {choices}", value)
    guess = _guess(value, (str(member.value) for member in cls))
    raise _InvalidValueError(
        f"{value!r} is not one of {choices}{guess.en}",
        f"{value!r} är inte något av {choices}{guess.sv}",
    )


def _is_tuple(cls: Any) -> bool:
    return typing.get_origin(cls) is tuple


def _tuple_hook(cls: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    args = typing.get_args(cls)
    if len(args) == 2 and args[1] is Ellipsis:
        item_hook = converter.get_structure_hook(args[0])

        def structure_sequence(value: object, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _expected("an array", "en lista", value)
            items: list[Any] = []
            found: list[_Found] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, args[0]))
                except Exception as error:  # set down what it says at once, and let it go
                    found.extend(_found(error, f"/{index}"))
            if found:
                raise _FoundError(found)
            return tuple(items)

        return structure_sequence
    item_hooks = [converter.get_structure_hook(arg) for arg in args]

    def structure_fixed(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple) or len(value) != len(args):
            raise _expected(
                f"an array of {len(args)} items", f"en lista med {len(args)} element", value
            )
        items: list[Any] = []
        found: list[_Found] = []
        for index, (hook, item, arg) in enumerate(zip(item_hooks, value, args, strict=True)):
            try:
                items.append(hook(item, arg))
            except Exception as error:
                found.extend(_found(error, f"/{index}"))
        if found:
            raise _FoundError(found)
        return tuple(items)

    return structure_fixed


def _table_hook(cls: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    structure = make_dict_structure_fn(cls, converter)

    def structure_table(value: object, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _expected("a table", "en tabell", value)
        try:
            return structure(value, cls)
        except (ModelError, cattrs.ClassValidationError) as error:
            found = _field_errors(cls, value, converter, _failed_fields(error))
            if not found:
                raise
            if _broken_invariant(error):
                raise ModelError.collect(found) from None
            # Some fields did not structure; report the others' broken values too.
            if not isinstance(error, cattrs.ClassValidationError):  # pragma: no cover - narrowed
                raise
            more = [*error.exceptions, ModelError.collect(found)]
            raise cattrs.ClassValidationError(error.message, more, cls) from None

    return structure_table


def _broken_invariant(error: Exception) -> bool:
    """Whether the class itself refused its fields (as opposed to a field failing to structure)."""
    if isinstance(error, ModelError):
        return True
    inner = getattr(error, "exceptions", ())
    return bool(inner) and all(
        isinstance(each, ModelError) and not getattr(each, "__notes__", None) for each in inner
    )


def _failed_fields(error: Exception) -> frozenset[str]:
    """The fields that did not structure, as named by the notes cattrs adds to their errors."""
    return frozenset(
        note.name
        for inner in getattr(error, "exceptions", ())
        for note in getattr(inner, "__notes__", ())
        if isinstance(note, AttributeValidationNote)
    )


def _field_errors(
    cls: type[Any],
    value: dict[str, Any],
    converter: cattrs.Converter,
    failed: frozenset[str] = frozenset(),
) -> list[ModelError]:
    """Every field of ``value`` that breaks its own validator, not only the first.

    The class stops at its first broken invariant; on that error path, each
    field's validator is run on its own so the document lists them all.
    Invariants across fields run only once every field is valid. The fields in
    ``failed`` already did not structure (their problems are reported) and are
    not structured again: the error path stays linear in the size of the
    document however deep the broken value is.
    """
    errors: list[ModelError] = []
    for field, hook in _validated_fields(cls, converter):
        name = field.name
        if name not in value or name in failed:
            continue
        try:
            structured = hook(value[name], field.type)
        except Exception:
            continue
        try:
            field.validator(None, field, structured)  # type: ignore[misc]
        except ModelError as error:
            errors.extend(error.errors)
    return errors


if typing.TYPE_CHECKING:
    _Validated = tuple[tuple[attrs.Attribute[Any], Callable[[object, Any], Any]], ...]
_VALIDATED: Final[dict[tuple[type[Any], cattrs.Converter], _Validated]] = {}


def _validated_fields(cls: type[Any], converter: cattrs.Converter) -> _Validated:
    """The fields of ``cls`` that have a validator, each with its structuring hook (kept)."""
    found = _VALIDATED.get((cls, converter))
    if found is None:
        found = _VALIDATED[cls, converter] = tuple(
            (field, converter.get_structure_hook(field.type))
            for field in attrs.fields(attrs.resolve_types(cls))
            if field.validator is not None
        )
    return found


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, lambda day: day)
    converter.register_structure_hook_func(_is_enum, _structure_enum)
    converter.register_structure_hook_factory(_is_tuple, lambda cls: _tuple_hook(cls, converter))
    converter.register_structure_hook_factory(attrs.has, lambda cls: _table_hook(cls, converter))
    return converter


_CONVERTER: Final = _make_converter()


_Found = tuple[str, str, str]
"""A problem as the careful path first sets it down: its path, English and Swedish."""


class _FoundError(Exception):
    """The problems of the items of an array, each set down as its item failed.

    An array of many broken items raises this one exception with a flat list,
    not a group of an exception (with its traceback and notes) an item: the
    error path keeps a few strings an item alive, not frames.
    """

    def __init__(self, found: list[_Found]) -> None:
        super().__init__(f"{len(found)} problems in the items")
        self.found = found
        """``(path below the array, message, Swedish message)``, in the order found."""


def _found(error: BaseException, path: str) -> Iterator[_Found]:
    """Every problem ``error`` (raised structuring the value at ``path``) stands for."""
    if isinstance(error, _FoundError):
        for below, message, sv in error.found:
            yield f"{path}{below}", message, sv
    elif isinstance(error, BaseValidationError):
        for inner in error.exceptions:
            inner_path = path
            for note in getattr(inner, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    inner_path = f"{path}/{escape_token(note.name)}"
                elif isinstance(note, IterableValidationNote):
                    inner_path = f"{path}/{escape_token(str(note.index))}"
            yield from _found(inner, inner_path)
    elif isinstance(error, ForbiddenExtraKeysError):
        names = [field.name for field in attrs.fields(error.cl)]
        known = ", ".join(names)
        for key in sorted(error.extra_fields):
            guess = _guess(key, names)
            yield (
                f"{path}/{escape_token(key)}",
                f"unknown key {key!r}{guess.en}; expected one of: {known}",
                f"okänd nyckel {key!r}{guess.sv}; tillåtna är: {known}",
            )
    elif isinstance(error, ModelError):
        for each in error.errors:
            yield f"{path}/{each.path}", each.message, swedish(each.message, each.sv)
    elif isinstance(error, KeyError):
        yield path, "this required key is missing", "denna obligatoriska nyckel saknas"
    elif isinstance(error, _InvalidValueError):
        yield path, str(error), error.sv
    elif isinstance(error, ValueError):
        yield path, str(error), f"ogiltigt värde: {error}"
    else:
        described = f"{type(error).__name__}: {error}"
        yield path, f"invalid value ({described})", f"ogiltigt värde ({described})"


def _problems(error: BaseException, path: str) -> Iterator[Problem]:
    for at, message, sv in _found(error, path):
        yield Problem(at, message, sv=sv)


def structure(
    data: dict[str, Any], target: type[Agreement | Records]
) -> Agreement | Records | list[Problem]:
    """Build ``target`` from ``data``, or return every problem found, located."""
    try:
        return _CONVERTER.structure(data, target)
    except Exception as error:
        return list(_problems(error, ""))


# -- the fast path -------------------------------------------------------------
#
# A valid document is built by a second converter that keeps no paths, adds no
# notes and builds no messages: the first exception of any kind gives up, and the
# caller runs the careful converter above, which finds every problem and says
# where. Each hook here accepts exactly what its careful twin accepts (given
# parsed data: only str, int, bool, float, None, list, dict and, from TOML, dates
# and times), and returns the same value, so the two agree on every document.


class _RefusedError(Exception):
    """The fast path gives up; the careful path says why."""


def _fast_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _RefusedError
    if not value.isascii():  # (at once) ASCII holds no surrogate
        value.encode("utf-8")  # a lone surrogate raises, as the careful hook refuses it
    return value


def _fast_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _RefusedError
    return value


def _fast_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _RefusedError
    return value


def _fast_date(value: object, _: type) -> dt.date:
    if type(value) is dt.date:
        return value
    if type(value) is str and len(value) == 10 and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    raise _RefusedError


def _fast_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is not str:
        raise _RefusedError
    return cls(value)


def _fast_tuple_hook(cls: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    args = typing.get_args(cls)
    if len(args) == 2 and args[1] is Ellipsis:
        item_type = args[0]
        item_hook = converter.get_structure_hook(item_type)

        def structure_sequence(value: object, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _RefusedError
            return tuple([item_hook(item, item_type) for item in value])

        return structure_sequence
    pairs = [(converter.get_structure_hook(arg), arg) for arg in args]

    def structure_fixed(value: object, _: Any) -> tuple[Any, ...]:
        if type(value) is not list or len(value) != len(pairs):
            raise _RefusedError
        return tuple([hook(item, arg) for (hook, arg), item in zip(pairs, value, strict=True)])

    return structure_fixed


def _is_optional(cls: Any) -> bool:
    args = typing.get_args(cls)
    return (
        typing.get_origin(cls) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
    )


def _fast_optional_hook(cls: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    """``X | None``: None, or an ``X`` by the hook of ``X`` found once (not on every value)."""
    inner_type = next(arg for arg in typing.get_args(cls) if arg is not type(None))
    inner_hook = converter.get_structure_hook(inner_type)

    def structure_optional(value: object, _: Any) -> Any:
        if value is None:
            return None
        return inner_hook(value, inner_type)

    return structure_optional


def _fast_table_hook(cls: Any, converter: cattrs.Converter) -> Callable[[object, Any], Any]:
    structure = make_dict_structure_fn(cls, converter, _cattrs_detailed_validation=False)

    def structure_table(value: object, _: Any) -> Any:
        if type(value) is not dict:
            raise _RefusedError
        return structure(value, cls)

    return structure_table


def _make_fast_converter() -> cattrs.Converter:
    converter = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=False
    )
    converter.register_structure_hook(str, _fast_str)
    converter.register_structure_hook(int, _fast_int)
    converter.register_structure_hook(bool, _fast_bool)
    converter.register_structure_hook(dt.date, _fast_date)
    converter.register_structure_hook_func(_is_enum, _fast_enum)
    converter.register_structure_hook_factory(
        _is_tuple, lambda cls: _fast_tuple_hook(cls, converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, lambda cls: _fast_table_hook(cls, converter)
    )
    converter.register_structure_hook_factory(
        _is_optional, lambda cls: _fast_optional_hook(cls, converter)
    )
    return converter


_FAST: Final = _make_fast_converter()


def structure_fast(data: dict[str, Any], target: type[Agreement | Records]) -> Agreement | Records:
    """Build ``target`` from ``data`` on the fast path; any exception means "ask :func:`structure`".

    It accepts only what :func:`structure` accepts, and builds an equal value.
    """
    result: Agreement | Records = _FAST.structure(data, target)
    return result


def unstructure(document: Agreement | Records) -> dict[str, Any]:
    """Plain data for ``document``: defaults left out, dates kept as dates."""
    data: dict[str, Any] = _CONVERTER.unstructure(document)
    return data
