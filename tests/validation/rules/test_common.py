"""The helpers the built-in rules share give what their slower originals gave."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterator

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from busmodel import Agreement, Convention, ModelError, mandate_period
from busmodel.model import MandatePeriod, Text
from busmodel.validation._findings import path_key
from busmodel.validation._rules._common import (
    body_references,
    day_count,
    elapsed,
    repeats,
    term_after,
    term_of,
    years_after,
)
from tests.property.strategies import agreements, dates
from tests.support.builders import clean_agreement

_SEGMENT = re.compile(r"/([^/]*)")


def reference_path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """``path_key`` as it was: the segments a regular expression finds."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _SEGMENT.findall(path))


@given(st.text(st.sampled_from("/ab0129x:²"), max_size=12))
def test_path_key_splits_a_path_as_the_regular_expression_did(path: str) -> None:
    try:
        expected: object = reference_path_key(path)
    except ValueError as error:  # a digit int() does not take, such as ²
        expected = type(error)
    try:
        actual: object = path_key(path)
    except ValueError as error:
        actual = type(error)
    assert expected == actual


def reference_elapsed(earlier: dt.date, later: dt.date) -> Text:
    """``elapsed`` as it was, counted with ``relativedelta``."""
    years = relativedelta(later, earlier).years
    if years < 1:
        return day_count((later - earlier).days)
    rest = (later - (earlier + relativedelta(years=years))).days
    year_text = Text(en=f"{years} {'year' if years == 1 else 'years'}", sv=f"{years} år")
    if rest == 0:
        return year_text
    days = day_count(rest)
    return Text(en=f"{year_text.en} and {days.en}", sv=f"{year_text.sv} och {days.sv}")


@given(dates, dates)
def test_elapsed_counts_as_relativedelta_does(earlier: dt.date, later: dt.date) -> None:
    assert reference_elapsed(earlier, later) == elapsed(earlier, later)


def test_elapsed_from_a_leap_day_counts_the_year_at_the_end_of_february() -> None:
    assert "1 year" == elapsed(dt.date(2024, 2, 29), dt.date(2025, 2, 28)).en
    assert "3 years and 365 days" == elapsed(dt.date(2024, 2, 29), dt.date(2028, 2, 28)).en
    assert "4 years" == elapsed(dt.date(2024, 2, 29), dt.date(2028, 2, 29)).en


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2150, 12, 31)), st.integers(0, 40))
def test_years_after_is_adding_a_relativedelta_of_years(day: dt.date, years: int) -> None:
    assert day + relativedelta(years=years) == years_after(day, years)


def reference_term(day: dt.date, convention: Convention) -> MandatePeriod | None:
    try:
        return mandate_period(day, convention)
    except ModelError:
        return None


@given(dates, st.sampled_from(Convention))
def test_term_of_is_the_mandate_period_or_none_where_there_is_none(
    day: dt.date, convention: Convention
) -> None:
    term = term_of(day, convention)
    assert reference_term(day, convention) == term
    if term is not None:
        try:
            following: MandatePeriod | None = term.next()
        except ModelError:
            following = None
        assert following == term_after(term)


def reference_repeats(items: list[Hashable]) -> Iterator[tuple[int, int]]:
    first: dict[Hashable, int] = {}
    for position, item in enumerate(items):
        if item in first:
            yield position, first[item]
        else:
            first[item] = position


@given(st.lists(st.sampled_from("abcdef"), max_size=8))
def test_repeats_are_each_repeat_with_its_first_place_from_a_list_or_a_generator(
    items: list[str],
) -> None:
    expected = list(reference_repeats(list(items)))
    assert expected == list(repeats(items))
    assert expected == list(repeats(item for item in items))


@given(agreements)
def test_the_undeclared_references_are_the_references_to_no_declared_body(
    agreement: Agreement,
) -> None:
    declared = {body.id for body in agreement.bodies}
    every = list(body_references(agreement))
    assert [(path, body) for path, body in every if body not in declared] == list(
        body_references(agreement, declared)
    )


def test_a_reference_to_an_undeclared_party_is_given_with_its_place() -> None:
    agreement = attrs.evolve(clean_agreement(), parties=("bun", "polisen"))
    assert [("/parties/1", "polisen")] == list(
        body_references(agreement, {body.id for body in agreement.bodies})
    )


def test_the_indexes_the_rules_share_cannot_be_changed_by_one_of_them() -> None:
    from busmodel import Catalogue, Options
    from busmodel.validation._rule import Context
    from busmodel.validation._rules._common import body_index, forum_index, parties_index
    from busmodel.validation._rules.compliance import _extra_meetings

    context = Context(
        agreement=clean_agreement(),
        today=None,
        records=None,
        registry=None,
        options=Options(),
        catalogue=Catalogue.default(),
    )
    for index in (body_index, forum_index, parties_index, _extra_meetings):
        shared = index(context)
        assert shared is index(context)  # built once, for every rule of the validation
        with pytest.raises(TypeError):
            shared["x"] = 0  # type: ignore[index]
