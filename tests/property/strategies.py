"""Hypothesis strategies that build busmodel values valid by construction.

This is the one strategies module of the property tests: every strategy for a
busmodel value lives here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from hypothesis import strategies as st

from busmodel import (
    Agreement,
    AgreementKind,
    Assignment,
    AssignmentStatus,
    Body,
    BodyKind,
    Cadence,
    ChairRule,
    ChairTerm,
    Convention,
    Decision,
    Evaluation,
    Exemption,
    Extension,
    FollowUp,
    Forum,
    ForumLevel,
    Frequency,
    Meeting,
    MeetingKind,
    Member,
    Municipality,
    Period,
    Person,
    Records,
    Review,
    Signature,
    Validity,
    ValidityBasis,
    Window,
    _check,
)
from busmodel._check import ID_PATTERN

T = TypeVar("T")

FIRST_DAY = _check.FIRST_DAY
"""The first day a document may name: 1900-01-01."""
LAST_DAY = _check.LAST_DAY
MANDATE_FIRST_DAY = dt.date(1995, 1, 1)
"""The first day of the first mandate period busmodel knows (after the 1994 election)."""
MANDATE_LAST_DAY = dt.date(2100, 12, 31)

ids = st.from_regex(ID_PATTERN, fullmatch=True)
"""Lowercase slugs: ``bun``, ``styr-bus``."""
texts = st.text(min_size=1, max_size=30).filter(lambda value: bool(value.strip()))
"""Text that is not empty or blank, drawn from all of Unicode."""
dates = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
"""Any date the model accepts."""
mandate_dates = st.dates(min_value=MANDATE_FIRST_DAY, max_value=MANDATE_LAST_DAY)
"""Dates in the mandate periods busmodel knows."""
months = st.integers(min_value=1, max_value=12)


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def few(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


@st.composite
def periods(draw: st.DrawFn, *, max_days: int | None = None, open_ends: bool = True) -> Period:
    """Periods within 1900-2199; ``max_days`` bounds closed periods, open ones run on."""
    start = draw(dates)
    if open_ends and draw(st.booleans()):
        return Period(start)
    room = (LAST_DAY - start).days
    if max_days is not None:
        room = min(room, max_days)
    length = draw(st.integers(min_value=0, max_value=room))
    return Period(start, start + dt.timedelta(days=length))


@st.composite
def bodies(draw: st.DrawFn) -> Body:
    body_id = draw(ids)
    part_of = draw(optional(ids.filter(lambda other: other != body_id)))
    return Body(body_id, draw(texts), draw(st.sampled_from(BodyKind)), part_of)


emails = st.builds(lambda local, domain: f"{local}@{domain}", texts, texts)
people = st.builds(
    Person, texts, title=optional(texts), email=optional(emails), phone=optional(texts)
)
municipalities = st.builds(
    Municipality, texts, optional(st.from_regex(r"[0-9]{4}", fullmatch=True))
)


@st.composite
def windows(draw: st.DrawFn) -> Window:
    first = draw(months)
    last = draw(st.integers(min_value=first, max_value=12))
    return Window(draw(texts), (first, last), focus=draw(optional(texts)))


cadences = st.builds(
    Cadence,
    st.integers(min_value=1, max_value=366),
    few(windows()),
    extra_meetings=st.booleans(),
)
members = st.builds(Member, ids, optional(texts))
follow_ups = st.builds(FollowUp, st.sampled_from(Frequency), optional(texts))


@st.composite
def assignments(draw: st.DrawFn) -> Assignment:
    start = draw(optional(dates))
    end = draw(optional(dates if start is None else st.dates(min_value=start, max_value=LAST_DAY)))
    return Assignment(
        draw(texts),
        draw(st.sampled_from(AssignmentStatus)),
        start,
        end,
        draw(few(texts)),
    )


forums = st.builds(
    Forum,
    ids,
    texts,
    st.sampled_from(ForumLevel),
    members=few(members),
    duties=few(texts),
    cadence=optional(cadences),
    follow_up=optional(follow_ups),
    assignments=few(assignments(), max_size=2),
)


@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    year = draw(st.integers(min_value=FIRST_DAY.year, max_value=LAST_DAY.year))
    day = draw(optional(st.dates(min_value=dt.date(year, 1, 1), max_value=dt.date(year, 12, 31))))
    return Decision(
        draw(ids), year, day, reference=draw(optional(texts)), summary=draw(optional(texts))
    )


chair_terms = st.builds(ChairTerm, ids, periods(), optional(texts))
chair_rules = st.builds(
    ChairRule,
    few(ids),
    terms=few(chair_terms),
    mid_period_changes=st.booleans(),
    may_chair=few(ids, max_size=2),
)
extensions = st.builds(
    Extension,
    st.integers(min_value=1, max_value=10),
    optional(st.integers(min_value=1, max_value=20)),
    optional(st.integers(min_value=1, max_value=120)),
)
validities = st.builds(
    Validity,
    st.sampled_from(ValidityBasis),
    periods(),
    convention=st.sampled_from(Convention),
    notice_months=optional(st.integers(min_value=1, max_value=120)),
    extension=optional(extensions),
    review=optional(st.sampled_from(Review)),
)
signatures = st.builds(Signature, ids, texts, dates, title=optional(texts), place=optional(texts))
rule_codes = st.from_regex(r"[A-Z]{1,5}[0-9]{0,3}", fullmatch=True)
pointers = st.lists(st.sampled_from(["parties", "signatures", "0", "1", "chair"]), min_size=1).map(
    lambda parts: "/" + "/".join(parts)
)
exemptions = st.builds(Exemption, rule_codes, texts, optional(pointers))

agreements = st.builds(
    Agreement,
    id=ids,
    title=texts,
    kind=st.sampled_from(AgreementKind),
    municipality=optional(municipalities),
    region=optional(texts),
    document_date=optional(dates),
    case_officer=optional(people),
    contacts=few(people, max_size=2),
    purpose=optional(texts),
    principles=few(texts),
    framework=optional(ids),
    supersedes=few(ids, max_size=2),
    members=few(municipalities, max_size=2),
    decisions=few(decisions(), max_size=2),
    bodies=few(bodies()),
    parties=few(ids),
    participants=few(ids, max_size=2),
    forums=few(forums, max_size=2),
    chair=optional(chair_rules),
    validity=optional(validities),
    signatures=few(signatures, max_size=2),
    exemptions=few(exemptions, max_size=2),
)

meetings = st.builds(Meeting, ids, dates, st.sampled_from(MeetingKind), few(texts))


@st.composite
def evaluations(draw: st.DrawFn) -> Evaluation:
    year = draw(st.integers(min_value=FIRST_DAY.year, max_value=LAST_DAY.year))
    day = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=LAST_DAY))
    return Evaluation(draw(ids), year, day, draw(optional(texts)))


records = st.builds(
    Records, agreement=ids, meetings=few(meetings, max_size=4), evaluations=few(evaluations())
)

documents: st.SearchStrategy[Agreement | Records] = st.one_of(agreements, records)

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
"""Any value JSON can hold, NaN and infinities included."""
