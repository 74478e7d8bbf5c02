"""Message templates, filled in once taken apart, say what ``string.Formatter`` says."""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from busmodel import Catalogue
from busmodel.model import Lang, Text
from busmodel.validation._messages import Message, _compiled, join

_CONJUNCTIONS = {"and": Text(en="and", sv="och"), "or": Text(en="or", sv="eller")}


class _Reference(string.Formatter):
    """The general formatter, as every message was once filled in: a copy kept as it was."""

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


def reference(message: Message, values: dict[str, object]) -> Text:
    return Text(
        en=_Reference("en").vformat(message.en, (), values),
        sv=_Reference("sv").vformat(message.sv, (), values),
    )


VALUES: dict[str, object] = {
    "body": "Socialnämnden",
    "n": 2,
    "one": 1,
    "flag": True,
    "day": dt.date(2026, 11, 27),
    "season": Text(en="spring", sv="våren"),
    "names": ["BUN", "SN", "KFN"],
    "few": ("BUN",),
    "texts": [Text(en="spring", sv="våren"), Text(en="autumn", sv="hösten")],
    "ratio": 0.5,
    "nothing": None,
}

TEMPLATES = [
    "{body} missed {n:meeting|meetings}",
    "{one:meeting|meetings} on {day} in {season}",
    "{names:and} or {few:or}; {texts:and}",
    "{body!r} and {season!r} and {day!s} and {body!a}",
    "{{literal}} {body} }} {{",
    "{ratio:.0%} {n:>4} {day:%Y} {flag}",
    "{flag} {nothing} {names} {n:one|many}",
    "",
    "no fields at all",
    "{0}",
    "{names[0]} {season.en}",
    "{n:{one}}",
]


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_template_says_what_the_general_formatter_says(template: str) -> None:
    values = {**VALUES, "0": "zero"} if template == "{0}" else VALUES
    message = Message(en=template, sv=template)
    if template == "{0}":
        with pytest.raises(IndexError):
            message.format(values)
        with pytest.raises(IndexError):
            reference(message, values)
        return
    assert reference(message, values) == message.format(values)


def test_only_plain_fields_are_taken_apart_the_rest_is_left_to_the_general_formatter() -> None:
    assert ("{} met {} times", (("body", None, ""), ("n", None, ""))) == _compiled(
        "{body} met {n} times"
    )
    assert ("{{x}} {}", (("n", "r", ">4"),)) == _compiled("{{x}} {n!r:>4}")
    for general in ("{0}", "{}", "{a.b}", "{a[0]}", "{n:{width}}"):
        assert _compiled(general) is None


def test_a_missing_value_is_the_same_key_error_either_way() -> None:
    message = Message(en="{body} and {missing}", sv="{body} och {missing}")
    with pytest.raises(KeyError) as compiled:
        message.format({"body": "SN"})
    with pytest.raises(KeyError) as general:
        reference(message, {"body": "SN"})
    assert repr(general.value) == repr(compiled.value)


def test_every_built_in_template_says_what_the_general_formatter_says() -> None:
    for rule in Catalogue.built_in():
        for message in rule.messages.values():
            values: dict[str, object] = dict.fromkeys(message.fields, "x")
            for name in message.fields:
                if any(f"{{{name}:{spec}" in message.en for spec in ("and", "or")):
                    values[name] = ["A", "B", "C"]
                elif f"{{{name}:" in message.en:
                    values[name] = 3
            assert reference(message, values) == message.format(values), rule.code


_VALUE = (
    st.text(max_size=8)
    | st.integers(-3, 3)
    | st.dates()
    | st.builds(Text, en=st.text(max_size=5), sv=st.text(max_size=5))
    | st.lists(st.text(max_size=4) | st.integers(0, 2), max_size=4)
    | st.booleans()
)
_FIELD = st.tuples(
    st.sampled_from(["a", "b", "c"]),
    st.sampled_from(["", "!r", "!s", "!a"]),
    st.sampled_from(["", ":and", ":or", ":one|many", ":>3", ":"]),
)
_PIECE = st.text(st.characters(blacklist_characters="{}"), max_size=6) | st.sampled_from(
    ["{{", "}}", " – "]
)


@given(
    st.lists(st.tuples(_PIECE, _FIELD), max_size=5),
    st.fixed_dictionaries(dict.fromkeys("abc", _VALUE)),
)
def test_any_template_of_plain_fields_says_what_the_general_formatter_says(
    pieces: list[tuple[str, tuple[str, str, str]]], values: dict[str, object]
) -> None:
    template = "".join(
        f"{text}{{{name}{conversion}{spec}}}" for text, (name, conversion, spec) in pieces
    )
    message = Message(en=template, sv=template)
    try:
        expected: Text | type[Exception] = reference(message, values)
    except (ValueError, TypeError) as error:
        expected = type(error)
    if isinstance(expected, Text):
        assert expected == message.format(values)
    else:
        with pytest.raises(expected):
            message.format(values)
