"""The validators every value object shares: what counts as text."""

import datetime as dt

import pytest

from busmodel import Agreement, Body, BodyKind, Exemption, Meeting, ModelError, Person

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
