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

import string
from collections.abc import Mapping
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


class _Formatter(string.Formatter):
    """``str.format`` with both languages, plurals and lists."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Text):
            value = value.get(self.lang)
        if isinstance(value, list | tuple):
            conjunction = _CONJUNCTIONS.get(format_spec)
            if conjunction is not None:
                shown = [self.format_field(item, "") for item in value]
                return join(shown, conjunction, self.lang)
        if "|" in format_spec and isinstance(value, int) and not isinstance(value, bool):
            one, _, many = format_spec.partition("|")
            return f"{value} {one if value == 1 else many}"
        return str(super().format_field(value, format_spec))


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
        return Text(
            en=_Formatter("en").vformat(self.en, (), values),
            sv=_Formatter("sv").vformat(self.sv, (), values),
        )
