"""busmodel's invariants, as plain functions that raise :class:`ValueError`.

The peers share these, so that each checks exactly what busmodel's model checks
on the keys of the documents: ids are lowercase slugs; text is not empty, not
blank, not only invisible characters (zero-width spaces and other format
characters) and holds no control characters or lone surrogates; dates lie in
1900-01-01..2199-12-31; months are 1-12 and a window's first month is not after
its last; numbers lie in their ranges; a period, an assignment does not end
before it starts; a decision's date falls in its year; an evaluation or report
is not dated before its year; a follow-up has recipients exactly when it is a
report; a per-member forum is not regional; a body is not part of itself and
only a municipality has a code; codes are four digits; an e-mail holds ``@``;
a start known to the month or year is its first day; only an extension extends,
and an extension does. Enum values, required keys, types (an integer is not a
float or a boolean) and unknown keys are left to each library's own typing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final

FIRST_DAY: Final = dt.date(1900, 1, 1)
LAST_DAY: Final = dt.date(2199, 12, 31)

ID_PATTERN: Final = r"[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?"
"""busmodel's ``ID_PATTERN``, matched against the whole value."""
_ID: Final = re.compile(ID_PATTERN)
_CONTROL: Final = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
TEXT_PATTERN: Final = rf"^[^{_CONTROL}]*[^\s\p{{Cf}}{_CONTROL}][^{_CONTROL}]*$"
""":func:`text` as one pattern in Rust's regex syntax (``\\p{Cf}``: format characters).

For pydantic-core's regex engine; it differs from :func:`text` only for
compatibility characters whose NFKC form is blank, which no document holds.
"""
_UNWRITABLE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_CODE: Final = re.compile(r"[0-9]{4}")
_CODE_PREFIX: Final = re.compile(r"[A-Z]{1,5}[0-9]{0,3}")
_RULE_NAME: Final = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_LOWERCASE_CODE: Final = re.compile(r"[a-z]{1,5}[0-9]{0,3}")
_POINTER: Final = re.compile(r"(?:[a-z]+:)?(?:/(?:[^/~]|~[01])*)+")


def slug(value: str) -> str:
    """An id: a lowercase slug such as ``alingsas-bus-2023``."""
    if _ID.fullmatch(value) is None:
        raise ValueError(f"{value!r} is not an id (a lowercase slug)")
    return value


def slugs(values: tuple[str, ...]) -> tuple[str, ...]:
    """A tuple of ids."""
    for value in values:
        slug(value)
    return values


def text(value: str) -> str:
    """Text: not empty or blank, no control characters, no lone surrogates."""
    if not value.strip():
        raise ValueError("must not be empty")
    if _UNWRITABLE.search(value) is not None:
        raise ValueError("holds a control character or a lone surrogate")
    if not value.isascii() and not _visible(value).strip():
        raise ValueError("has no visible characters")
    return value


def _visible(value: str) -> str:
    """``value`` in NFKC form without format characters (Unicode category Cf)."""
    normal = unicodedata.normalize("NFKC", value)
    return "".join(char for char in normal if unicodedata.category(char) != "Cf")


def texts(values: tuple[str, ...]) -> tuple[str, ...]:
    """A tuple of texts."""
    for value in values:
        text(value)
    return values


def day(value: dt.date) -> dt.date:
    """A date in 1900-01-01..2199-12-31."""
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"{value} is not between {FIRST_DAY} and {LAST_DAY}")
    return value


def in_range(value: int, low: int, high: int) -> int:
    """An integer in ``low..high``."""
    if not low <= value <= high:
        raise ValueError(f"{value} is not between {low} and {high}")
    return value


def code(value: str) -> str:
    """A municipality code: four digits, as text."""
    if _CODE.fullmatch(value) is None:
        raise ValueError(f"{value!r} is not a four-digit code")
    return value


def email(value: str) -> str:
    """An e-mail address holds ``@``."""
    text(value)
    if "@" not in value:
        raise ValueError(f"{value!r} is not an e-mail address")
    return value


def rule_code(value: str) -> str:
    """An exemption's code: a rule code or prefix (``SIG006``, ``SIG``) or a rule's name."""
    if _CODE_PREFIX.fullmatch(value) or (
        _RULE_NAME.fullmatch(value) and not _LOWERCASE_CODE.fullmatch(value)
    ):
        return value
    raise ValueError(f"{value!r} is not a rule code or name")


def pointer(value: str) -> str:
    """An exemption's path: a JSON Pointer, optionally after ``records:``."""
    if _POINTER.fullmatch(value) is None or _UNWRITABLE.search(value) is not None:
        raise ValueError(f"{value!r} is not a path into the document")
    return value


def months(value: tuple[int, ...]) -> tuple[int, ...]:
    """A window's ``[first, last]``: two months 1-12, the first not after the last."""
    if len(value) != 2:
        raise ValueError("expected two months, [first, last]")
    first, last = value
    in_range(first, 1, 12)
    in_range(last, 1, 12)
    if first > last:
        raise ValueError(f"the first month {first} is after the last {last}")
    return value


def ordered(start: dt.date | None, end: dt.date | None) -> None:
    """An end not before its start."""
    if start is not None and end is not None and end < start:
        raise ValueError(f"ends ({end}) before it starts ({start})")


def in_year(date: dt.date | None, year: int) -> None:
    """A decision's date in its year."""
    if date is not None and date.year != year:
        raise ValueError(f"{date} is not in the year {year}")


def not_before_year(date: dt.date, year: int) -> None:
    """An evaluation or report not dated before the year it is about."""
    if date.year < year:
        raise ValueError(f"dated before its year ({date}, {year})")


def follow_up(duty: str, recipients: tuple[str, ...]) -> None:
    """Recipients exactly for a report."""
    if recipients and duty != "report":
        raise ValueError("only a report has recipients")
    if duty == "report" and not recipients:
        raise ValueError("a report names the bodies it goes to")


def forum(per_member: bool, scope: str | None) -> None:
    """One group in each member municipality is local."""
    if per_member and scope == "regional":
        raise ValueError("one group in each member municipality is local")


def body(id_: str, kind: str, part_of: str | None, code_: str | None) -> None:
    """A body is not part of itself; only a municipality has a code."""
    if part_of == id_:
        raise ValueError("a body is not part of itself")
    if code_ is not None and kind != "municipality":
        raise ValueError("only a municipality has a code")


def precision(start: dt.date, known_to: str) -> None:
    """A start known to the month or the year is its first day."""
    if known_to == "month" and start.day != 1:
        raise ValueError("a start known to the month is its first day")
    if known_to == "year" and (start.month, start.day) != (1, 1):
        raise ValueError("a start known to the year is its 1 January")


def extends(kind: str, extended: str | None) -> None:
    """Only an extension extends an agreement, and an extension does."""
    if (kind == "extension") != (extended is not None):
        raise ValueError("an extension, and only an extension, names what it extends")
