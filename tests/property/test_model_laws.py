"""Laws of the model's constructors: what converts without loss is taken, nothing else.

A value built from lists (or generators) equals the one built from tuples; one
built from the values of its enums equals the one built from the members; text,
bytes, a mapping or a set where a tuple of items belongs is refused, never
iterated.
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from busmodel import Agreement, Exemption, ModelError, Records
from busmodel.model._errors import escape_token
from busmodel.validation._rule import CODE_PATTERN, NAME_PATTERN
from tests.property.strategies import (
    agreements,
    assignments,
    cadences,
    chair_rules,
    documents,
    follow_ups,
    forums,
    meetings,
    raw_texts,
    records,
    texts,
    windows,
)
from tests.support.builders import make_agreement


def rebuilt(value: Any, collection: Callable[[tuple[Any, ...]], Any], member: bool) -> Any:
    """``value`` built again through its constructors, every tuple given as ``collection``.

    With ``member`` false, every enum member is given as its value.
    """
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return type(value)(
            **{
                field.name: rebuilt(getattr(value, field.name), collection, member)
                for field in fields
            }
        )
    if isinstance(value, tuple):
        return collection(tuple(rebuilt(item, collection, member) for item in value))
    if isinstance(value, enum.Enum) and not member:
        return value.value
    return value


def _generator(items: tuple[Any, ...]) -> Iterator[Any]:
    yield from items


def tuple_fields(value: Any) -> list[str]:
    """The names of the fields of ``value`` that hold a tuple."""
    cls = attrs.resolve_types(type(value))
    return [field.name for field in attrs.fields(cls) if typing.get_origin(field.type) is tuple]


@given(documents)
def test_a_document_built_from_lists_equals_the_one_built_from_tuples(
    document: Agreement | Records,
) -> None:
    assert document == rebuilt(document, list, member=True)


@given(documents)
def test_a_document_built_from_generators_equals_the_one_built_from_tuples(
    document: Agreement | Records,
) -> None:
    assert document == rebuilt(document, _generator, member=True)


@given(documents)
def test_a_document_built_from_lists_stores_every_collection_as_a_tuple(
    document: Agreement | Records,
) -> None:
    copy = rebuilt(document, list, member=True)

    assert rebuilt(copy, tuple, member=True) == copy
    assert [] == [name for name in tuple_fields(copy) if type(getattr(copy, name)) is not tuple]


@given(documents)
def test_a_document_built_from_enum_values_equals_the_one_built_from_members(
    document: Agreement | Records,
) -> None:
    assert document == rebuilt(document, tuple, member=False)


@given(documents)
def test_a_document_built_from_lists_and_enum_values_equals_the_original(
    document: Agreement | Records,
) -> None:
    assert document == rebuilt(document, list, member=False)


collections = st.one_of(
    agreements,
    records,
    forums,
    cadences,
    follow_ups,
    assignments(),
    meetings,
    chair_rules,
    windows(),
)
"""Values with at least one field that holds a tuple."""
not_items = st.one_of(
    raw_texts,
    st.binary(max_size=5),
    st.dictionaries(texts, texts, max_size=3),
    st.sets(texts, max_size=3),
    st.frozensets(texts, max_size=3),
)
"""What a tuple field never iterates: text, bytes, mappings and sets."""


@given(collections, not_items, st.data())
def test_text_bytes_a_mapping_or_a_set_where_a_tuple_belongs_is_refused_never_iterated(
    value: Any, given_instead: Any, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(tuple_fields(value)))

    with pytest.raises(ModelError) as caught:
        attrs.evolve(value, **{name: given_instead})

    assert (name, name) == (caught.value.field, caught.value.path)  # not one of its items


@given(raw_texts)
def test_an_agreements_parties_as_one_string_are_refused_whatever_the_string(text: str) -> None:
    with pytest.raises(ModelError) as caught:
        make_agreement(parties=text)

    assert (
        "parties",
        "expected a tuple, a list or another ordered collection of items, got str",
    ) == (caught.value.field, caught.value.message)


LOWERCASE_CODE = re.compile(r"[a-z]{1,5}[0-9]{0,3}")
"""A code or prefix written in lowercase, ``sig006``: refused as a name, for it reads as a slip."""
names = st.from_regex(NAME_PATTERN, fullmatch=True).filter(
    lambda name: not LOWERCASE_CODE.fullmatch(name)
)
"""Rule names the catalogue takes that do not read as codes written in lowercase."""


@given(st.from_regex(CODE_PATTERN, fullmatch=True) | names, texts)
def test_every_rule_code_and_name_the_catalogue_takes_is_an_exemption_code(
    code: str, reason: str
) -> None:
    assert code == Exemption(code, reason).code


@given(st.from_regex(CODE_PATTERN, fullmatch=True), st.integers(min_value=1, max_value=5))
def test_every_prefix_of_a_rule_code_is_an_exemption_code(code: str, length: int) -> None:
    assert code[:length] == Exemption(code[:length], "reason").code


pointers = st.lists(texts, min_size=1, max_size=4).map(
    lambda tokens: "".join(f"/{escape_token(token)}" for token in tokens)
)
"""JSON Pointers (RFC 6901) to a place in a document, of any tokens."""


@given(st.none() | st.from_regex(r"[a-z]+", fullmatch=True), pointers)
def test_every_json_pointer_optionally_named_by_its_document_is_an_exemption_path(
    document: str | None, pointer: str
) -> None:
    path = pointer if document is None else f"{document}:{pointer}"

    assert path == Exemption("SIG", "reason", path=path).path


@given(agreements)
def test_an_agreements_repr_is_one_line_that_names_it(agreement: Agreement) -> None:
    shown = repr(agreement)

    assert (1, True, True) == (
        len(shown.splitlines()),
        shown.startswith(f"<Agreement {agreement.id!r}"),
        shown.endswith(">"),
    )


@given(records)
def test_a_records_repr_is_one_line_that_names_the_agreement_and_counts_meetings(
    kept: Records,
) -> None:
    meetings_count = len(kept.meetings)
    noun = "meeting" if meetings_count == 1 else "meetings"

    assert repr(kept).startswith(f"<Records for {kept.agreement!r}: {meetings_count} {noun}")
