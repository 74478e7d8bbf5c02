import importlib
import pkgutil
import sys
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import busmodel
import busmodel.model
from busmodel import Text
from busmodel.model._text import fields_repr


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


def _attrs_classes_of_the_model() -> list[type]:
    classes: set[type] = set()
    for module in pkgutil.iter_modules(busmodel.model.__path__):
        defined = importlib.import_module(f"busmodel.model.{module.name}")
        classes |= {
            value
            for value in vars(defined).values()
            if isinstance(value, type)
            and attrs.has(value)
            and value.__module__ in (defined.__name__, "busmodel")
        }
    return sorted(classes, key=lambda cls: cls.__qualname__)


MODEL_CLASSES = _attrs_classes_of_the_model()
SHARED_REPR = [cls for cls in MODEL_CLASSES if vars(cls).get("__repr__") is fields_repr]
"""The model's attrs classes (private ones too) whose repr is the shared one."""


def test_the_model_classes_but_two_share_one_repr_instead_of_one_generated_each() -> None:
    own = {cls.__name__ for cls in MODEL_CLASSES if cls not in SHARED_REPR}
    assert ({"Agreement", "Records"}, True) == (own, len(SHARED_REPR) >= 30)


@pytest.mark.parametrize("cls", SHARED_REPR, ids=lambda cls: cls.__qualname__)
def test_the_shared_repr_writes_what_attrs_would(cls: type) -> None:
    fields = attrs.fields(cls)
    twin = attrs.make_class(cls.__name__, {f.name: attrs.field(repr=f.repr) for f in fields})
    value: object = object.__new__(cls)
    same: object = object.__new__(twin)
    for number, field in enumerate(fields):
        shown: object = (f"text {number}", number, None)[number % 3]
        object.__setattr__(value, field.name, shown)
        object.__setattr__(same, field.name, shown)
    assert repr(same) == repr(value)


def test_the_shared_repr_shows_a_value_met_again_as_dots_as_attrs_does() -> None:
    # Twice: the first repr must leave nothing behind that changes the second.
    window = object.__new__(busmodel.Window)
    twin = attrs.make_class("Window", ["name", "months", "focus"])(None, None, None)
    for target in (window, twin):
        object.__setattr__(target, "name", "vår")
        object.__setattr__(target, "months", target)
        object.__setattr__(target, "focus", None)
    assert (repr(twin), repr(twin)) == (repr(window), repr(window))


def test_the_shared_repr_honours_a_fields_own_repr_as_attrs_does() -> None:
    def stars(code: str) -> str:
        return "*" * len(code)

    @attrs.frozen
    class Secret:
        __repr__ = fields_repr

        name: str
        code: str = attrs.field(repr=stars)
        hidden: int = attrs.field(default=0, repr=False)

    @attrs.frozen
    class Twin:
        name: str
        code: str = attrs.field(repr=stars)
        hidden: int = attrs.field(default=0, repr=False)

    assert (repr(Twin("a", "abc")), "Twin(name='a', code=***)") == (
        repr(Secret("a", "abc")).replace("Secret", "Twin"),
        repr(Twin("a", "abc")),
    )


def test_the_shared_repr_shows_a_field_not_set_yet_as_attrs_does() -> None:
    @attrs.frozen
    class Late:
        __repr__ = fields_repr

        name: str
        later: int = attrs.field(init=False)

    @attrs.frozen
    class Twin:
        name: str
        later: int = attrs.field(init=False)

    late, twin = object.__new__(Late), object.__new__(Twin)
    object.__setattr__(late, "name", "a")  # as during __init__, before `later` is set
    object.__setattr__(twin, "name", "a")
    assert repr(twin).replace("Twin", "Late") == repr(late)
