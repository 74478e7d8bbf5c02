import pytest

from busmodel import Text


def test_text_gives_the_message_in_the_asked_language() -> None:
    text = Text(en="expired", sv="har gått ut")
    assert "expired" == text.get("en")
    assert "har gått ut" == text.get("sv")


def test_text_rejects_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="'de'"):
        Text(en="a", sv="b").get("de")  # type: ignore[arg-type]
