import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from busmodel import Text


def test_text_gives_the_message_in_the_asked_language() -> None:
    text = Text(en="expired", sv="har gått ut")
    assert "expired" == text.get("en")
    assert "har gått ut" == text.get("sv")


def test_text_rejects_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="'de'"):
        Text(en="a", sv="b").get("de")  # type: ignore[arg-type]


def test_visible_takes_away_exactly_the_format_characters_after_nfkc() -> None:
    from busmodel.model._text import visible

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) in ("Cs",):
            continue
        expected = "".join(
            c for c in unicodedata.normalize("NFKC", char) if unicodedata.category(c) != "Cf"
        )
        assert expected == visible(char), hex(code)


@given(st.text(st.characters(codec=None, exclude_categories=["Cs"])))
def test_visible_and_invisible_agree_with_their_definition_on_any_text(text: str) -> None:
    from busmodel.model._text import invisible, visible

    expected = "".join(
        c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf"
    )
    assert expected == visible(text)
    assert (not expected.strip()) == invisible(text)
