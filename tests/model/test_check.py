"""The validators and converters every value object shares: what counts as text, as items."""

import datetime as dt
from collections import deque
from collections.abc import Iterable

import pytest

from busmodel import Agreement, Body, BodyKind, Exemption, Meeting, ModelError, Person
from busmodel.model import _check

INVISIBLE = ["\u200b", "\u202e", "\u00ad", "\ufeff", "\u200b \u2060\u200c", " \u200d\t"]
"""Zero-width space, right-to-left override, soft hyphen, byte order mark, and mixes."""


@pytest.mark.parametrize("name", INVISIBLE, ids=ascii)
def test_a_name_of_only_invisible_characters_is_refused_as_showing_nothing(name: str) -> None:
    with pytest.raises(ModelError) as caught:
        Body("bun", name, BodyKind.COMMITTEE)
    assert "name" == caught.value.field
    assert "visible" in caught.value.message or "empty" in caught.value.message


@pytest.mark.parametrize("name", ["", " ", "\t\n"], ids=ascii)
def test_an_empty_or_blank_name_is_refused_as_empty(name: str) -> None:
    with pytest.raises(ModelError, match="must not be empty"):
        Body("bun", name, BodyKind.COMMITTEE)


def test_a_name_with_visible_letters_among_format_characters_is_kept_as_written() -> None:
    assert "So\u200bcial" == Body("sn", "So\u200bcial", BodyKind.COMMITTEE).name


@pytest.mark.parametrize("surrogate", [chr(0xD800), chr(0xDFFF), "T" + chr(0xDCFF)], ids=ascii)
def test_text_that_is_not_valid_unicode_is_refused_naming_the_code_point(surrogate: str) -> None:
    with pytest.raises(ModelError) as caught:
        Agreement(id="a", title=surrogate)
    assert "title" == caught.value.field
    assert "not valid Unicode" in caught.value.message
    assert f"U+{ord(surrogate[-1]):04X}" in caught.value.message


@pytest.mark.parametrize("control", ["\x00", "\x1b[31m", "\x07", "\x7f", "\x9b"], ids=ascii)
def test_text_with_a_control_character_is_refused_naming_it(control: str) -> None:
    with pytest.raises(ModelError) as caught:
        Person(f"Anna{control}")
    assert "name" == caught.value.field
    assert "control character" in caught.value.message
    assert f"U+{ord(control[0]):04X}" in caught.value.message


def test_tabs_and_line_breaks_are_text_not_control_characters() -> None:
    purpose = "Samverkan\tför barn\noch unga\r\n"
    assert purpose == Agreement(id="a", title="A", purpose=purpose).purpose


def test_text_in_a_tuple_is_checked_item_by_item() -> None:
    with pytest.raises(ModelError) as caught:
        Meeting("f", dt.date(2024, 1, 10), topics=("ok", "\ud800"))
    assert "topics/1" == caught.value.path


def test_an_exemption_path_that_is_not_valid_unicode_is_refused() -> None:
    with pytest.raises(ModelError) as caught:
        Exemption("SIG", "skäl", path="/parties/\ud800")
    assert "path" == caught.value.field


def test_a_tuple_is_kept_as_the_same_object() -> None:
    parties = ("bun", "sn")

    assert parties is _check.to_tuple(parties)


@pytest.mark.parametrize(
    "items",
    [["bun", "sn"], iter(["bun", "sn"]), {"bun": 1, "sn": 2}.keys(), deque(["bun", "sn"])],
    ids=["list", "iterator", "keys", "deque"],
)
def test_an_ordered_iterable_becomes_a_tuple_in_its_order(items: Iterable[str]) -> None:
    assert ("bun", "sn") == _check.to_tuple(items)


def test_a_subclass_of_tuple_is_stored_as_a_plain_tuple() -> None:
    class Pair(tuple[str, ...]):
        pass

    stored = _check.to_tuple(Pair(("bun", "sn")))

    assert (tuple, ("bun", "sn")) == (type(stored), stored)


@pytest.mark.parametrize(
    "value",
    [
        "bun",
        b"bun",
        bytearray(b"bun"),
        memoryview(b"bun"),
        {"bun"},
        frozenset({"bun"}),
        {"a": 1},
        7,
    ],
    ids=ascii,
)
def test_what_is_not_a_collection_of_items_is_left_for_the_validator(value: object) -> None:
    assert value is _check.to_tuple(value)  # type: ignore[arg-type]


def test_an_enum_value_becomes_its_member_and_anything_else_is_left() -> None:
    assert (BodyKind.SCHOOL, BodyKind.SCHOOL, "School", 3) == (
        _check.member(BodyKind, "school"),
        _check.member(BodyKind, BodyKind.SCHOOL),
        _check.member(BodyKind, "School"),
        _check.member(BodyKind, 3),  # type: ignore[arg-type]
    )
