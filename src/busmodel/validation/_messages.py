"""Message templates: what a rule says, written once in English and Swedish.

A rule declares its messages as :class:`Message` templates with named fields;
its check yields the values. :meth:`Message.format` fills them in for each
language:

- a :class:`~busmodel.Text` value is taken in the language being written;
- a number with a ``one|many`` format spec is written with its noun in the
  right number: ``{count:meeting|meetings}`` gives ``1 meeting``, ``2 meetings``;
- a list or tuple with the spec ``and`` (or ``or``) is joined as a person would
  write it: ``A, B and C`` / ``A, B och C``;
- anything else is written with ``format`` as usual (a date as ``2026-12-31``).

>>> message = Message(en="{who} missed {n:meeting|meetings}", sv="{who} missade {n:möte|möten}")
>>> message.format({"who": "BUN", "n": 2}).sv
'BUN missade 2 möten'
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from busmodel.model import Lang, Text

__all__ = ["Message", "fields_of", "join"]

_CONJUNCTIONS: Final[Mapping[str, Text]] = {
    "and": Text(en="and", sv="och"),
    "or": Text(en="or", sv="eller"),
}


def join(items: list[str], conjunction: Text, lang: Lang) -> str:
    """``A``, ``A and B``, ``A, B and C``: items as a person lists them.

    >>> join(["BUN", "SN", "KFN"], Text(en="and", sv="och"), "sv")
    'BUN, SN och KFN'
    >>> join([], Text(en="and", sv="och"), "en")
    ''
    """
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction.get(lang)} {items[-1]}"


def _format_field(value: Any, format_spec: str, lang: Lang) -> str:
    """One field of a message in ``lang``: text in that language, plurals, lists."""
    if isinstance(value, Text):
        value = value.get(lang)
    if isinstance(value, list | tuple):
        conjunction = _CONJUNCTIONS.get(format_spec)
        if conjunction is not None:
            shown = [_format_field(item, "", lang) for item in value]
            return join(shown, conjunction, lang)
    if "|" in format_spec and isinstance(value, int) and not isinstance(value, bool):
        one, _, many = format_spec.partition("|")
        return f"{value} {one if value == 1 else many}"
    return str(format(value, format_spec))


_PLAIN: Final = frozenset({int, dt.date})
"""Types whose ``format(value, "")`` is ``str(value)``, as a message writes them."""


class _Formatter(string.Formatter):
    """``str.format`` with both languages, plurals and lists."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        return _format_field(value, format_spec, self.lang)


_Field = tuple[str, str | None, str]
"""A field of a template: its name, its conversion (``r``, ``s``, ``a`` or None) and its
format spec."""
_Compiled = tuple[str, tuple[_Field, ...]]
"""A template taken apart: its text with each field as ``{}``, and its fields in order."""
_CONVERT: Final[Mapping[str, Callable[[object], str]]] = {"r": repr, "s": str, "a": ascii}


def _compiled(template: str) -> _Compiled | None:
    """``template`` taken apart once, or None when it needs the general formatter.

    Fields named by a plain name, with no conversion or ``!r``, ``!s`` or ``!a``,
    and a format spec without fields of its own, are filled in directly (what most
    templates hold); anything else (``{0}``, ``{a.b}``, ``{x:{width}}``) is left to
    ``string.Formatter``, which gives the same text.
    """
    text: list[str] = []
    fields: list[_Field] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        text.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        spec = spec or ""
        if not name.isidentifier() or "{" in spec or "}" in spec:
            return None
        if conversion is not None and conversion not in _CONVERT:
            return None
        text.append("{}")
        fields.append((name, conversion, spec))
    return "".join(text), tuple(fields)


def _written(
    template: str, compiled: _Compiled | None, values: Mapping[str, object], lang: Lang
) -> str:
    """``template`` in ``lang`` with ``values`` filled in, as ``_Formatter(lang).vformat`` does.

    A compiled template is filled in here, field by field in order, the common kinds
    of value (text, numbers, dates, with no format spec) written at once.
    """
    if compiled is None:
        return _Formatter(lang).vformat(template, (), values)
    text, fields = compiled
    shown: list[str] = []
    for name, conversion, spec in fields:
        value: Any = values[name]
        if conversion is not None:
            value = _CONVERT[conversion](value)
        if not spec:
            kind = type(value)
            if kind is str:
                shown.append(str(value))
                continue
            if kind is Text:
                shown.append(value.sv if lang == "sv" else value.en)
                continue
            if kind in _PLAIN:
                shown.append(str(value))
                continue
        shown.append(_format_field(value, spec, lang))
    return text.format(*shown)


def fields_of(template: str) -> frozenset[str]:
    """The names of the fields ``template`` fills in.

    >>> sorted(fields_of("{who} missed {n:meeting|meetings} in {year}"))
    ['n', 'who', 'year']
    """
    return frozenset(
        name.partition(".")[0].partition("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    )


def _same_fields(instance: Message, attribute: attrs.Attribute[str], sv: str) -> None:
    if fields_of(instance.en) != fields_of(sv):
        raise ValueError(
            f"the English and Swedish messages fill in different fields: "
            f"{sorted(fields_of(instance.en))} and {sorted(fields_of(sv))}"
        )


@attrs.frozen
class Message:
    """A message template in English and Swedish, with the same named fields in both."""

    en: str
    sv: str = attrs.field(validator=_same_fields)
    _parts: tuple[_Compiled | None, _Compiled | None] = attrs.field(
        init=False, eq=False, repr=False
    )
    """Both templates taken apart once (:func:`_compiled`), English first."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_parts", (_compiled(self.en), _compiled(self.sv)))

    @property
    def fields(self) -> frozenset[str]:
        """The names the template needs."""
        return fields_of(self.en)

    def format(self, values: Mapping[str, object]) -> Text:
        """The message with ``values`` filled in, in both languages.

        >>> Message(en="{names:and} sign", sv="{names:and} undertecknar").format(
        ...     {"names": ["BUN", "SN"]}).en
        'BUN and SN sign'
        """
        en, sv = self._parts
        return Text(en=_written(self.en, en, values, "en"), sv=_written(self.sv, sv, values, "sv"))
