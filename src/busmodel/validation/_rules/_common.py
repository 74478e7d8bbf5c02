"""Helpers the built-in rules share."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Container, Hashable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Final, TypeVar

from busmodel.model._agreement import Agreement, AgreementKind
from busmodel.model._errors import ModelError
from busmodel.model._forums import season
from busmodel.model._mandate import Convention, MandatePeriod, mandate_period
from busmodel.model._period import Period
from busmodel.model._text import Text, fold, span_text
from busmodel.validation._rule import Context

__all__ = [
    "EVERY_KIND",
    "ONE_DAY",
    "body_index",
    "body_references",
    "cycle",
    "day_count",
    "days_between",
    "elapsed",
    "first_positions",
    "forum_index",
    "municipality_key",
    "name_of",
    "parties_index",
    "repeats",
    "season",
    "span",
    "term_after",
    "term_of",
    "years_after",
]

_H = TypeVar("_H", bound=Hashable)

ONE_DAY: Final = dt.timedelta(days=1)
"""One calendar day."""
EVERY_KIND: Final = (AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK, AgreementKind.EXTENSION)
"""For the rules that check extension documents too: an extension declares bodies,
parties, its assent and its period."""


def first_positions(items: Iterable[_H]) -> dict[_H, int]:
    """Each distinct item and the index of its first occurrence, in order of first occurrence.

    >>> first_positions(["a", "b", "a"])
    {'a': 0, 'b': 1}
    """
    positions: dict[_H, int] = {}
    for position, item in enumerate(items):
        positions.setdefault(item, position)
    return positions


# The indexes below are shared by every rule of one validation (Context.derived), so
# they are read-only: a rule that changed one would change what the others find.


def _body_index(context: Context) -> Mapping[str, int]:
    return MappingProxyType(first_positions(body.id for body in context.agreement.bodies))


def body_index(context: Context) -> Mapping[str, int]:
    """Each body id in ``bodies`` and the index where it is first given (built once a context)."""
    return context.derived(_body_index)


def _forum_index(context: Context) -> Mapping[str, int]:
    return MappingProxyType(first_positions(forum.id for forum in context.agreement.forums))


def forum_index(context: Context) -> Mapping[str, int]:
    """Each forum id in ``forums`` and the index where it is first given (built once a context)."""
    return context.derived(_forum_index)


def parties_index(context: Context) -> Mapping[str, int]:
    """Each party and the index where it is first given (built once a context)."""
    return context.derived(_parties_index)


def _parties_index(context: Context) -> Mapping[str, int]:
    return MappingProxyType(first_positions(context.agreement.parties))


def name_of(agreement: Agreement, body_id: str) -> str:
    """The name of a body in ``bodies``, or its id in quotes when no body has that id."""
    body = agreement.body(body_id)
    return body.name if body is not None else repr(body_id)


def body_references(
    agreement: Agreement, declared: Container[str] = ()
) -> Iterator[tuple[str, str]]:
    """Every place the agreement refers to a body: ``(path, body id)``, in document order.

    With ``declared``, only the references to a body id not in it (each path is
    made only for a reference that is yielded).
    """
    for i, body in enumerate(agreement.bodies):
        if body.part_of is not None and body.part_of not in declared:
            yield f"/bodies/{i}/part_of", body.part_of
    for i, decision in enumerate(agreement.decisions):
        if decision.body not in declared:
            yield f"/decisions/{i}/body", decision.body
    for i, party in enumerate(agreement.parties):
        if party not in declared:
            yield f"/parties/{i}", party
    for i, participant in enumerate(agreement.participants):
        if participant not in declared:
            yield f"/participants/{i}", participant
    for i, municipality in enumerate(agreement.members):
        if municipality.body is not None and municipality.body not in declared:
            yield f"/members/{i}/body", municipality.body
    for f, forum in enumerate(agreement.forums):
        for m, member in enumerate(forum.members):
            if member.body not in declared:
                yield f"/forums/{f}/members/{m}/body", member.body
        if forum.follow_up is not None:
            for k, recipient in enumerate(forum.follow_up.recipients):
                if recipient not in declared:
                    yield f"/forums/{f}/follow_up/recipients/{k}", recipient
    if agreement.chair is not None:
        for i, body_id in enumerate(agreement.chair.rotation):
            if body_id not in declared:
                yield f"/chair/rotation/{i}", body_id
        for i, term in enumerate(agreement.chair.terms):
            if term.body not in declared:
                yield f"/chair/terms/{i}/body", term.body
        for i, body_id in enumerate(agreement.chair.may_chair):
            if body_id not in declared:
                yield f"/chair/may_chair/{i}", body_id
    for i, signature in enumerate(agreement.signatures):
        if signature.body not in declared:
            yield f"/signatures/{i}/body", signature.body
    for i, adoption in enumerate(agreement.adoptions):
        if adoption.body not in declared:
            yield f"/adoptions/{i}/body", adoption.body


_MUNICIPALITY_WORDS: Final = (" kommuns", " kommun", " stads", " stad")
"""What follows a municipality's name in the name of the municipality as a whole."""


def municipality_key(name: str) -> str:
    """A municipality's name as it is compared: folded, without "kommun" or "stad", or a final s.

    "Lerums kommun", "Lerum" and "LERUM" are one municipality, as are "Borås Stad"
    and "Borås"; the final s is dropped from every name alike, so that the
    genitive of "Lerums kommun" meets "Lerum" and "Alingsås" still meets itself.

    >>> municipality_key("Lerums kommun") == municipality_key("Lerum")
    True
    >>> municipality_key("Borås Stad") == municipality_key("Borås")
    True
    """
    folded = fold(name)
    for word in _MUNICIPALITY_WORDS:
        if folded.endswith(word) and len(folded) > len(word):
            folded = folded[: -len(word)]
            break
    return folded[:-1] if folded.endswith("s") and len(folded) > 1 else folded


CYCLE_SHOWN: Final = 8
"""How many ids of a cycle a message writes out; the rest are counted."""


def cycle(first: Sequence[str], length: int) -> Text:
    """A cycle of ``length`` ids as a message writes it, back to where it starts.

    ``first`` holds the ids in order from the start, at least :data:`CYCLE_SHOWN`
    of them (or all of a shorter cycle); a long cycle is written out only so far,
    so a message stays short however long the cycle is.

    >>> cycle(["bun", "buf"], 2).en
    'bun → buf → bun'
    >>> cycle([f"b{i}" for i in range(9)], 1500).sv
    'b0 → b1 → b2 → b3 → b4 → b5 → b6 → b7 → … och 1492 till → b0'
    """
    if length <= CYCLE_SHOWN:
        shown = " → ".join([*first[:length], first[0]])
        return Text(en=shown, sv=shown)
    shown = " → ".join(first[:CYCLE_SHOWN])
    more = length - CYCLE_SHOWN
    return Text(
        en=f"{shown} → … and {more} more → {first[0]}",
        sv=f"{shown} → … och {more} till → {first[0]}",
    )


def repeats(items: Iterable[Hashable]) -> Iterator[tuple[int, int]]:
    """Each repeated item as ``(its index, the index of its first occurrence)``.

    >>> list(repeats(["a", "b", "a", "a"]))
    [(2, 0), (3, 0)]
    """
    items = items if isinstance(items, tuple | list) else list(items)
    if len(set(items)) == len(items):
        return  # nothing repeats: the common case, told at the speed of a set
    first: dict[Hashable, int] = {}
    for position, item in enumerate(items):
        if item in first:
            yield position, first[item]
        else:
            first[item] = position


def day_count(count: int) -> Text:
    """``count`` calendar days, in both languages.

    >>> day_count(1).sv, day_count(39).en
    ('1 dag', '39 days')
    """
    return Text(
        en=f"{count} {'day' if count == 1 else 'days'}",
        sv=f"{count} {'dag' if count == 1 else 'dagar'}",
    )


def days_between(end: dt.date | None, start: dt.date) -> Period | None:
    """The days after ``end`` and before a later ``start``: a gap, or None when there is none.

    There is none when nothing ends (``end`` is None), or ``start`` is the day after
    ``end`` or earlier: what starts then takes over at once, or overlaps.

    >>> span(days_between(dt.date(2022, 12, 31), dt.date(2023, 2, 1))).en
    '2023-01-01 – 2023-01-31'
    >>> days_between(dt.date(2022, 12, 31), dt.date(2023, 1, 1)) is None
    True
    """
    if end is None or end >= start or start - end == ONE_DAY:
        return None
    return Period(end + ONE_DAY, start - ONE_DAY)


def elapsed(earlier: dt.date, later: dt.date) -> Text:
    """The time from ``earlier`` to ``later`` as a person says it: days, or years and days.

    Under a year it is a count of days; from a year on, whole calendar years and the
    days left over, so that a long span reads "11 years and 332 days", not 4349 days.

    >>> elapsed(dt.date(2026, 11, 1), dt.date(2026, 11, 27)).sv
    '26 dagar'
    >>> elapsed(dt.date(2014, 12, 31), dt.date(2026, 11, 27))
    Text(en='11 years and 331 days', sv='11 år och 331 dagar')
    >>> elapsed(dt.date(2024, 2, 29), dt.date(2025, 2, 28)).en
    '1 year'
    """
    years = later.year - earlier.year
    if years > 0 and years_after(earlier, years) > later:
        years -= 1
    if years < 1:
        return day_count((later - earlier).days)
    rest = (later - years_after(earlier, years)).days
    year_text = Text(en=f"{years} {'year' if years == 1 else 'years'}", sv=f"{years} år")
    if rest == 0:
        return year_text
    days = day_count(rest)
    return Text(en=f"{year_text.en} and {days.en}", sv=f"{year_text.sv} och {days.sv}")


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February, in a year without one, is 28 February.

    What ``day + relativedelta(years=years)`` gives, without building a relativedelta.

    >>> years_after(dt.date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@functools.lru_cache(maxsize=1024)
def term_of(day: dt.date, convention: Convention) -> MandatePeriod | None:
    """The mandate period containing ``day``, or None before the first one known or after 2199.

    Kept for the days asked about again (validity bounds, chair terms): a mandate
    period is immutable, and finding one builds several values.
    """
    try:
        return mandate_period(day, convention)
    except ModelError:
        return None


@functools.lru_cache(maxsize=1024)
def term_after(term: MandatePeriod) -> MandatePeriod | None:
    """The mandate period after ``term``; None after the last election busmodel knows."""
    try:
        return term.next()
    except ModelError:
        return None


def span(period: Period) -> Text:
    """A period as written in a message, one way per language.

    ``2023-01-01 – 2026-12-31``; an open end is *tills vidare* / *until further
    notice*; a single day is that day (see :func:`busmodel.model._text.span_text`).

    >>> span(Period(dt.date(2024, 7, 1), dt.date(2024, 7, 1))).sv
    '2024-07-01'
    >>> span(Period(dt.date(2005, 1, 1))).sv
    '2005-01-01 tills vidare'
    """
    return span_text(period.start, period.end)
