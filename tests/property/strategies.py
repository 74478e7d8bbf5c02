"""Hypothesis strategies that build busmodel values valid by construction.

This is the one strategies module of the property tests: every strategy for a
busmodel value lives here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from busmodel import (
    Adoption,
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
    Duty,
    Evaluation,
    Exemption,
    Extension,
    FollowUp,
    Forum,
    ForumLevel,
    ForumScope,
    Frequency,
    MandatePeriod,
    Meeting,
    MeetingKind,
    Member,
    ModelError,
    Municipality,
    Period,
    Person,
    Precision,
    Records,
    Registry,
    ReportRecord,
    Review,
    ReviewRecord,
    Signature,
    Validity,
    ValidityBasis,
    Window,
)
from busmodel.model import _check
from busmodel.model._check import ID_PATTERN
from busmodel.model._text import invisible

T = TypeVar("T")


def _is_text(value: str) -> bool:
    try:
        _check.plain("text", value)
    except ModelError:
        return False
    return not invisible(value)


FIRST_DAY = _check.FIRST_DAY
"""The first day a document may name: 1900-01-01."""
LAST_DAY = _check.LAST_DAY
MANDATE_FIRST_DAY = dt.date(1995, 1, 1)
"""The first day of the first mandate period busmodel knows (after the 1994 election)."""
MANDATE_LAST_DAY = LAST_DAY

ids = st.from_regex(ID_PATTERN, fullmatch=True)
"""Lowercase slugs: ``bun``, ``styr-bus``."""
raw_texts = st.text(st.characters(codec=None, categories=None), max_size=30)
"""Any string: lone surrogates, control and format characters, blanks and the empty string."""
texts = st.text(min_size=1, max_size=30).filter(_is_text)
"""Text the model takes: visible characters, no control characters, drawn from all of Unicode."""
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
    kind = draw(st.sampled_from(BodyKind))
    code = draw(optional(codes)) if kind is BodyKind.MUNICIPALITY else None
    return Body(body_id, draw(texts), kind, part_of, code)


codes = st.from_regex(r"[0-9]{4}", fullmatch=True)
"""Municipality codes (kommunkoder)."""
emails = st.builds(lambda local, domain: f"{local}@{domain}", texts, texts)
people = st.builds(
    Person, texts, title=optional(texts), email=optional(emails), phone=optional(texts)
)
municipalities = st.builds(Municipality, texts, optional(codes), optional(ids))


@st.composite
def windows(draw: st.DrawFn) -> Window:
    first = draw(months)
    last = draw(st.integers(min_value=first, max_value=12))
    return Window(draw(texts), (first, last), focus=draw(optional(texts)))


cadences = st.builds(
    Cadence,
    optional(st.integers(min_value=1, max_value=366)),
    few(windows()),
    extra_meetings=st.booleans(),
)
members = st.builds(Member, ids, optional(texts))
follow_ups = st.builds(FollowUp, st.sampled_from(Frequency), optional(texts)) | st.builds(
    FollowUp,
    st.sampled_from(Frequency),
    optional(texts),
    duty=st.just(Duty.REPORT),
    recipients=st.lists(ids, min_size=1, max_size=3).map(tuple),
)


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
    optional(st.sampled_from(ForumLevel)),
    scope=st.just(ForumScope.REGIONAL),
    per_member=st.just(False),
    members=few(members),
    duties=few(texts),
    cadence=optional(cadences),
    follow_up=optional(follow_ups),
    assignments=few(assignments(), max_size=2),
) | st.builds(
    Forum,
    ids,
    texts,
    optional(st.sampled_from(ForumLevel)),
    members=few(members),
    cadence=optional(cadences),
    scope=optional(st.just(ForumScope.LOCAL)),
    per_member=st.booleans(),
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


@st.composite
def _precise_periods(draw: st.DrawFn) -> tuple[Period, Precision]:
    period = draw(periods())
    precision = draw(st.sampled_from(Precision))
    start = period.start
    if precision is Precision.MONTH:
        start = start.replace(day=1)
    elif precision is Precision.YEAR:
        start = start.replace(month=1, day=1)
    return Period(start, period.end), precision


validities = _precise_periods().flatmap(
    lambda known: st.builds(
        Validity,
        st.sampled_from(ValidityBasis),
        st.just(known[0]),
        convention=st.sampled_from(Convention),
        notice_months=optional(st.integers(min_value=1, max_value=120)),
        extension=optional(extensions),
        review=optional(st.sampled_from(Review)),
        start_precision=st.just(known[1]),
    )
)
signatures = st.builds(
    Signature, ids, dates, optional(texts), title=optional(texts), place=optional(texts)
)
adoptions = st.builds(Adoption, ids, dates, optional(texts), optional(texts))
rule_codes = st.from_regex(r"[A-Z]{1,5}[0-9]{0,3}", fullmatch=True)
pointers = st.lists(st.sampled_from(["parties", "signatures", "0", "1", "chair"]), min_size=1).map(
    lambda parts: "/" + "/".join(parts)
)
exemptions = st.builds(Exemption, rule_codes, texts, optional(pointers))


@st.composite
def _kinds(draw: st.DrawFn) -> tuple[AgreementKind, str | None]:
    kind = draw(st.sampled_from(AgreementKind))
    return kind, draw(ids) if kind is AgreementKind.EXTENSION else None


agreements = _kinds().flatmap(
    lambda kind: st.builds(
        Agreement,
        id=ids,
        title=texts,
        kind=st.just(kind[0]),
        extends=st.just(kind[1]),
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
        adoptions=few(adoptions, max_size=2),
        exemptions=few(exemptions, max_size=2),
    )
)

meetings = st.builds(Meeting, ids, dates, st.sampled_from(MeetingKind), few(texts))


@st.composite
def evaluations(draw: st.DrawFn) -> Evaluation:
    year = draw(st.integers(min_value=FIRST_DAY.year, max_value=LAST_DAY.year))
    day = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=LAST_DAY))
    return Evaluation(draw(ids), year, day, draw(optional(texts)))


@st.composite
def report_records(draw: st.DrawFn) -> ReportRecord:
    year = draw(st.integers(min_value=FIRST_DAY.year, max_value=LAST_DAY.year))
    day = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=LAST_DAY))
    return ReportRecord(draw(ids), draw(ids), year, day, draw(optional(texts)))


review_records = st.builds(ReviewRecord, dates, ids, optional(texts), optional(texts))
records = st.builds(
    Records,
    agreement=ids,
    meetings=few(meetings, max_size=4),
    evaluations=few(evaluations()),
    reports=few(report_records(), max_size=2),
    reviews=few(review_records, max_size=2),
)

documents: st.SearchStrategy[Agreement | Records] = st.one_of(agreements, records)

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | raw_texts,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(raw_texts.map(lambda key: key[:10]), children, max_size=4)
    ),
    max_leaves=12,
)
"""Any value JSON can hold, NaN and infinities, lone surrogates and control characters included."""


# -- worlds: an agreement with the records, registry and day it is checked with --------
#
# The strategies above build every value independently, so an agreement's
# records almost never belong to it and its registry holds no related document:
# the rules that compare them never fire. A world draws its parts from small
# shared pools of ids, names and dates, so that references meet, names clash,
# records fit and neighbouring documents supersede, frame and collide.

WORLD_KINDS = (
    AgreementKind.AGREEMENT,
    AgreementKind.AGREEMENT,
    AgreementKind.AGREEMENT,
    AgreementKind.FRAMEWORK,
    AgreementKind.EXTENSION,
)
"""The kind of a world's document, mostly agreements: the most rules check those."""
BODY_IDS = ("bun", "sn", "kfn", "buf", "sf", "polis")
"""Body ids: a pool small enough that references often meet, and sometimes miss."""
FORUM_IDS = ("politisk", "styrgrupp", "ledning")
OTHER_IDS = ("bus-2019", "bus-2015", "vastbus")
"""Ids of the other documents a world's registry may hold."""
COMMITTEE_NAMES = (
    "Barn- och ungdomsnämnden",
    "Barn- och utbildningsnämnden",
    "Socialnämnden",
    "Socialnämden",
    "So\u200bcialnämnden",
    "Kultur- och fritidsnämnden",
)
"""Real committee names, a typo of one, a look-alike and one with an invisible character."""
PLACES = (
    Municipality("Alingsås", "1489"),
    Municipality("Partille", "1402"),
    Municipality("Ale"),
    Municipality("Partille kommun", "1402", "sn"),  # a member that acts, linked to a body
)


@attrs.frozen
class World:
    """An agreement with what it is checked with."""

    agreement: Agreement
    today: dt.date | None
    records: Records | None
    registry: Registry | None


def _clip(day: dt.date) -> dt.date:
    return min(max(day, FIRST_DAY), LAST_DAY)


def _near(draw: st.DrawFn, day: dt.date, days: int) -> dt.date:
    """A day within ``days`` of ``day``, inside the years documents may name."""
    low, high = _clip(day - dt.timedelta(days=days)), _clip(day + dt.timedelta(days=days))
    return draw(st.dates(min_value=low, max_value=high))


@st.composite
def _validity_period(draw: st.DrawFn, basis: ValidityBasis, convention: Convention) -> Period:
    if basis is ValidityBasis.MANDATE_PERIOD and draw(st.booleans()):
        election = draw(st.integers(min_value=0, max_value=(2194 - 1994) // 4)) * 4 + 1994
        term = MandatePeriod(election, convention)
        start, end = term.start, term.end
        if draw(st.booleans()):  # a slip in one of the dates
            start = _near(draw, start, 40)
            end = max(start, _near(draw, end, 40))
        return Period(start, end if end <= LAST_DAY else None)
    start = draw(dates)
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        return Period(start)
    length = draw(st.just(0) | st.integers(min_value=0, max_value=6 * 366))
    return Period(start, _clip(start + dt.timedelta(days=length)))


@st.composite
def _chair(draw: st.DrawFn, refs: st.SearchStrategy[str], validity: Period | None) -> ChairRule:
    base = validity or Period(draw(dates))
    terms: list[ChairTerm] = []
    start = _near(draw, base.start, 30)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        end = _clip(start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=1500))))
        open_end = draw(st.integers(min_value=0, max_value=5)) == 0
        terms.append(
            ChairTerm(
                draw(refs),
                Period(start, None if open_end else end),
                draw(optional(st.just("behov uppstod"))),
            )
        )
        start = _near(draw, end, 20)
    return ChairRule(
        tuple(draw(st.lists(refs, max_size=4))),
        terms=tuple(terms),
        mid_period_changes=draw(st.booleans()),
        may_chair=tuple(draw(st.lists(refs, max_size=1))),
    )


def _windows_of(draw: st.DrawFn) -> tuple[Window, ...]:
    halves = (Window("spring", (1, 6)), Window("autumn", (7, 12)), Window("höst", (6, 12)))
    return tuple(draw(st.lists(st.sampled_from(halves) | windows(), max_size=3)))


@st.composite
def _forum(draw: st.DrawFn, refs: st.SearchStrategy[str]) -> Forum:
    cadence = None
    if draw(st.booleans()):
        cadence = Cadence(
            draw(st.integers(min_value=0, max_value=4)) or None,  # 0: "several times a year"
            _windows_of(draw),
            extra_meetings=draw(st.booleans()),
        )
    return Forum(
        draw(st.sampled_from(FORUM_IDS)),
        draw(st.sampled_from(("Politisk samverkan", "BUS styrgrupp", "Ledningsgrupp"))),
        draw(st.sampled_from(ForumLevel)) if draw(st.integers(min_value=0, max_value=4)) else None,
        members=tuple(
            draw(st.lists(st.builds(Member, refs, optional(st.sampled_from(ROLES))), max_size=4))
        ),
        cadence=cadence,
        follow_up=draw(
            st.one_of(
                st.none(),
                st.just(FollowUp()),
                st.just(FollowUp()),
                st.builds(
                    FollowUp,
                    duty=st.just(Duty.REPORT),
                    recipients=st.lists(refs, min_size=1, max_size=2).map(tuple),
                ),
                st.builds(
                    FollowUp,
                    duty=st.just(Duty.REPORT),
                    recipients=st.lists(refs, min_size=1, max_size=2).map(tuple),
                ),
            )
        ),
        per_member=draw(st.booleans()),
    )


ROLES = ("presidium", "head", "representative")


@st.composite
def _records(draw: st.DrawFn, agreement: Agreement) -> Records:
    validity = agreement.validity.period if agreement.validity else Period(draw(dates))
    forum_ids = st.sampled_from((*FORUM_IDS, "okant"))
    around = st.builds(lambda days: days, st.integers(min_value=-200, max_value=1600))
    meetings = [
        Meeting(
            draw(forum_ids),
            _clip(validity.start + dt.timedelta(days=draw(around))),
            draw(st.sampled_from(MeetingKind)),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=6)))
    ]
    evaluations = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        year = min(validity.start.year + draw(st.integers(min_value=0, max_value=4)), 2199)
        evaluations.append(Evaluation(draw(forum_ids), year, dt.date(year, 12, 31)))
    reports = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        year = min(validity.start.year + draw(st.integers(min_value=0, max_value=4)), 2199)
        recipient = draw(st.sampled_from((*BODY_IDS, "okant")))
        reports.append(ReportRecord(draw(forum_ids), recipient, year, dt.date(year, 12, 31)))
    reviews = [
        ReviewRecord(
            _clip(validity.start + dt.timedelta(days=draw(around))),
            draw(st.sampled_from((*BODY_IDS, *FORUM_IDS, "okant"))),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=1)))
    ]
    owner = agreement.id if draw(st.integers(min_value=0, max_value=5)) else "annan"
    return Records(
        agreement=owner,
        meetings=tuple(meetings),
        evaluations=tuple(evaluations),
        reports=tuple(reports),
        reviews=tuple(reviews),
    )


@st.composite
def _neighbour(draw: st.DrawFn, other_id: str, agreement: Agreement) -> Agreement:
    """Another document: a predecessor, a framework, or one with the same id."""
    anchor = agreement.validity.period.start if agreement.validity else draw(dates)
    start = _near(draw, anchor - dt.timedelta(days=4 * 365), 400)
    end = draw(optional(st.just(_near(draw, anchor, 60))))
    kind = draw(st.sampled_from(AgreementKind))
    return Agreement(
        id=other_id,
        title=draw(st.sampled_from(("BUS 2019", "VÄSTBUS", "Samverkan"))),
        kind=kind,
        extends=draw(st.sampled_from(OTHER_IDS)) if kind is AgreementKind.EXTENSION else None,
        supersedes=tuple(draw(st.lists(st.sampled_from((agreement.id, *OTHER_IDS)), max_size=1))),
        members=tuple(draw(st.lists(st.sampled_from(PLACES), max_size=2))),
        validity=draw(
            optional(
                st.just(
                    Validity(
                        ValidityBasis.FIXED, Period(start, None if end is None else max(end, start))
                    )
                )
            )
        ),
    )


def _extensions_near(
    extends: str | None, own_id: str, period: Period, choice: int
) -> list[Agreement]:
    """EXT003-EXT006, LIF005: for an extension, the agreement it extends (once, under a
    clause) and an extension of it before this one; for an agreement, an extension of it.

    It draws nothing, so that the worlds drawn stay the ones drawn without it: its
    choices follow from ``choice``, a number made of what the world has drawn already.
    """
    year = dt.timedelta(days=365)
    if extends is None:  # an agreement: an extension of it, from the day after it ends
        end = period.end or period.start
        days = Period(_clip(end + dt.timedelta(days=1)), _clip(end + 2 * year))
        found: list[Agreement] = []
    else:  # an extension, after another one (with a gap, none or an overlap)
        gap = dt.timedelta(days=(30, 0, 1)[choice // 2 % 3])
        days = Period(_clip(period.start - 2 * year), _clip(period.start - gap))
        clause = Extension(1, times=1) if choice // 6 % 2 == 0 else None
        base = Period(_clip(days.start - 2 * year), _clip(days.start - dt.timedelta(days=1)))
        found = [
            Agreement(
                id=extends,
                title="BUS 2019",
                validity=Validity(ValidityBasis.FIXED, base, extension=clause),
            )
        ]
    found.append(
        Agreement(
            id="bus-forlangning",
            title="Förlängning",
            kind=AgreementKind.EXTENSION,
            extends=extends or own_id,
            validity=Validity(ValidityBasis.FIXED, days),
        )
    )
    return found


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """An agreement whose parts refer to each other, with records, registry and a day."""
    refs = st.sampled_from(BODY_IDS)
    declared = draw(st.lists(refs, min_size=1, max_size=6))
    bodies_ = tuple(
        Body(
            body_id,
            draw(st.sampled_from(COMMITTEE_NAMES) | texts),
            draw(st.just(BodyKind.COMMITTEE) | st.sampled_from(BodyKind)),
            draw(optional(st.sampled_from([other for other in BODY_IDS if other != body_id]))),
        )
        for body_id in declared
    )
    if len(bodies_) > 1 and draw(st.integers(min_value=0, max_value=5)) == 0:  # a part_of cycle
        first, last = bodies_[0], bodies_[-1]
        if first.id != last.id:
            bodies_ = (
                attrs.evolve(first, part_of=last.id),
                *bodies_[1:-1],
                attrs.evolve(last, part_of=first.id),
            )
    basis = draw(st.sampled_from(ValidityBasis))
    convention = draw(st.sampled_from(Convention))
    validity = None
    if draw(st.integers(min_value=0, max_value=7)):
        validity = Validity(
            basis,
            draw(_validity_period(basis, convention)),
            convention=convention,
            notice_months=draw(optional(st.integers(min_value=1, max_value=60))),
            extension=draw(optional(extensions)),
            review=draw(optional(st.sampled_from(Review))),
        )
    period = validity.period if validity else None
    signing = period.start if period else draw(dates)
    document_date = draw(optional(st.just(_near(draw, signing, 30))))
    own_id = draw(st.sampled_from(("bus-2023", "bus-2019")))
    kind = draw(st.sampled_from(WORLD_KINDS))
    agreement = Agreement(
        id=own_id,
        title="BUS",
        kind=kind,
        extends=draw(st.sampled_from(OTHER_IDS)) if kind is AgreementKind.EXTENSION else None,
        municipality=draw(optional(st.sampled_from(PLACES))),
        document_date=document_date,
        framework=draw(optional(st.sampled_from((*OTHER_IDS, own_id)))),
        supersedes=tuple(draw(st.lists(st.sampled_from((*OTHER_IDS, own_id)), max_size=2))),
        members=tuple(draw(st.lists(st.sampled_from(PLACES), max_size=2))),
        bodies=bodies_,
        parties=tuple(draw(st.lists(refs, max_size=4))),
        participants=tuple(draw(st.lists(refs, max_size=2))),
        forums=tuple(draw(st.lists(_forum(refs), max_size=3))),
        chair=draw(optional(_chair(refs, period))),
        validity=validity,
        signatures=tuple(
            draw(
                st.lists(
                    st.builds(Signature, refs, st.just(signing), st.just("Anna Andersson")).map(
                        lambda s: attrs.evolve(s, date=_clip(s.date))
                    )
                    | st.builds(
                        Signature,
                        refs,
                        name=st.just("Bo Berg"),
                        date=st.dates(
                            min_value=_clip(signing - dt.timedelta(days=60)),
                            max_value=_clip(signing + dt.timedelta(days=60)),
                        ),
                    ),
                    max_size=4,
                )
            )
        ),
        exemptions=tuple(
            draw(
                st.lists(
                    st.builds(Exemption, st.sampled_from(("SIG006", "ZZZ")), texts), max_size=1
                )
            )
        ),
    )
    records_ = draw(_records(agreement)) if draw(st.integers(min_value=0, max_value=3)) else None
    registry = None
    if draw(st.integers(min_value=0, max_value=4)):
        named = [
            other_id
            for other_id in (*agreement.supersedes, *filter(None, [agreement.framework]))
            if draw(st.integers(min_value=0, max_value=3))  # sometimes unknown
        ]
        others = [
            draw(_neighbour(other_id, agreement))
            for other_id in dict.fromkeys(
                [*named, *draw(st.lists(st.sampled_from((*OTHER_IDS, own_id)), max_size=2))]
            )
        ]
        registry = Registry.of([agreement, *others, *([records_] if records_ else [])])
    anchor = period.start if period else signing
    ending = period.end if period and period.end else anchor
    today = draw(
        optional(
            st.one_of(
                st.builds(
                    lambda days: _clip(anchor + dt.timedelta(days=days)),
                    st.integers(min_value=-400, max_value=5 * 366),
                ),
                st.builds(  # around the end: renewal, expiry, the last evaluations
                    lambda days: _clip(ending + dt.timedelta(days=days)),
                    st.integers(min_value=-120, max_value=400),
                ),
                dates,
            )
        )
    )
    choice = (
        sum(day.toordinal() for day in (period.start, period.end, today) if day) if period else 0
    )
    choice += len(agreement.bodies) + len(agreement.parties) + len(agreement.signatures)
    if registry is not None and period is not None and choice % 2:
        near = _extensions_near(agreement.extends, agreement.id, period, choice)  # EXT, LIF005
        place, framework = agreement.municipality, agreement.framework
        if place is not None and framework not in (None, agreement.id):  # SUP006: not a member
            other = PLACES[2] if place.name != PLACES[2].name else PLACES[0]
            near.append(
                Agreement(
                    id=str(framework),
                    title="VÄSTBUS",
                    kind=AgreementKind.FRAMEWORK,
                    members=(other,),
                )
            )
        replaced = {document.id for document in near}
        kept = [
            entry.document
            for entry in registry.entries
            if entry.document is agreement or getattr(entry.document, "id", None) not in replaced
        ]
        registry = Registry.of([kept[0], *near, *kept[1:]])
    return World(agreement, today, records_, registry)


# -- renewal (issue 10): agreements to renew and extend ------------------------------
#
# An agreement whose validity has an end, that every party has signed or adopted,
# drawn so that most have no errors: the laws of renew and extend are about those.

RENEWAL_BODIES = (
    ("bun", "Barn- och ungdomsnämnden"),
    ("sn", "Socialnämnden"),
    ("kun", "Kultur- och utbildningsnämnden"),
    ("un", "Utbildningsnämnden"),
)
"""Committees with names that cannot be confused, so that the names rules stay quiet."""


@st.composite
def _renewable_period(draw: st.DrawFn, basis: ValidityBasis, convention: Convention) -> Period:
    if basis is ValidityBasis.MANDATE_PERIOD:
        election = 1994 + 4 * draw(st.integers(min_value=0, max_value=45))
        return MandatePeriod(election, convention).period
    start = draw(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2150, 12, 31)))
    return Period(start, start + dt.timedelta(days=draw(st.integers(min_value=30, max_value=2200))))


@st.composite
def renewable_agreements(draw: st.DrawFn) -> Agreement:
    """An agreement or framework with a bounded validity, its parties' assent and a chair."""
    count = draw(st.integers(min_value=2, max_value=len(RENEWAL_BODIES)))
    chosen = draw(st.permutations(RENEWAL_BODIES))[:count]
    bodies_ = tuple(Body(body_id, name, BodyKind.COMMITTEE) for body_id, name in chosen)
    parties = tuple(body.id for body in bodies_)
    basis = draw(
        st.sampled_from(
            (ValidityBasis.MANDATE_PERIOD, ValidityBasis.FIXED, ValidityBasis.FROM_SIGNING)
        )
    )
    convention = draw(st.sampled_from(Convention))
    period = draw(_renewable_period(basis, convention))
    document_date = period.start - dt.timedelta(days=draw(st.integers(min_value=20, max_value=300)))
    assented: list[dt.date] = [
        draw(st.dates(min_value=document_date, max_value=period.start)) for _ in parties
    ]
    if basis is ValidityBasis.FROM_SIGNING:  # in force from the last assent
        assented[draw(st.integers(min_value=0, max_value=len(parties) - 1))] = period.start
        assented = [min(day, period.start) for day in assented]
    by_adoption = draw(st.booleans())
    signatures_ = () if by_adoption else tuple(map(Signature, parties, assented))
    adoptions_ = tuple(map(Adoption, parties, assented)) if by_adoption else ()
    participants: tuple[str, ...] = ()
    if draw(st.booleans()):  # the executive board takes part, and may chair
        bodies_ += (Body("ks", "Kommunstyrelsen", BodyKind.EXECUTIVE_BOARD),)
        participants = ("ks",)
    chair = None
    if draw(st.booleans()):
        may_chair = participants[: draw(st.integers(0, 1))]
        rotation = tuple(draw(st.permutations((*parties, *participants))))
        rotation = rotation[: draw(st.integers(1, len(rotation)))]
        terms: tuple[ChairTerm, ...] = ()
        allowed = [body for body in rotation if body in (*parties, *may_chair)]
        recorded = draw(st.booleans())
        if allowed and recorded:
            terms = (ChairTerm(draw(st.sampled_from(allowed)), period),)
        chair = ChairRule(
            rotation, terms, mid_period_changes=draw(st.booleans()), may_chair=may_chair
        )
    start, end = period.start.year, period.end.year if period.end else period.start.year
    return Agreement(
        id=draw(st.sampled_from(("bus", f"bus-{start}", f"riktlinjer-{start}-{end}", "bus-2019"))),
        title=draw(st.sampled_from(("BUS", f"BUS {start}–{end}", f"Samverkan {start}"))),
        kind=draw(st.sampled_from((AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK))),
        municipality=draw(optional(st.sampled_from(PLACES[:2]))),
        document_date=document_date,
        supersedes=tuple(draw(st.lists(st.just("bus-tidigare"), max_size=1))),
        bodies=bodies_,
        parties=parties,
        participants=participants,
        forums=(
            Forum(
                "styrgrupp",
                "Styrgrupp",
                ForumLevel.STEERING,
                members=tuple(Member(party, "presidium") for party in parties),
                follow_up=FollowUp(),
            ),
        ),
        chair=chair,
        validity=Validity(
            basis,
            period,
            convention=convention,
            notice_months=draw(optional(st.integers(min_value=1, max_value=12))),
            extension=draw(optional(extensions)),
        ),
        signatures=signatures_,
        adoptions=adoptions_,
        exemptions=tuple(
            draw(st.lists(st.just(Exemption("SUP001", "Finns inte digitalt.", "/supersedes/0"))))
        )[:1],
    )


# -- every kind of document, drafts and extension documents included (issue 11) ------
#
# For the laws that nothing is lost between ``dumps`` and ``loads``: documents of
# every kind and state a user writes or busmodel drafts. Imports are local to this
# section so that the section stands on its own.


@st.composite
def drafts(draw: st.DrawFn) -> Agreement:
    """A draft (``state = "draft"``): a generated agreement, or one busmodel drafted."""
    from busmodel import DocumentState, extend, renew

    if draw(st.booleans()):
        agreement = draw(renewable_agreements())
        drafting = draw(st.sampled_from([renew, extend]))
        try:
            return drafting(agreement, document_date=draw(dates))
        except ModelError:  # no next period, or no extension clause to extend under
            pass
    agreement = draw(agreements)
    try:
        return attrs.evolve(agreement, state=DocumentState.DRAFT)
    except ModelError:
        return attrs.evolve(agreement, state=DocumentState.DRAFT, signatures=(), adoptions=())


extension_documents = agreements.filter(lambda agreement: agreement.extends is not None)
"""Extension documents (``kind = "extension"``), final or draft."""


@st.composite
def world_documents(draw: st.DrawFn) -> Agreement | Records:
    """A document of a world: its agreement, its records, or one of its registry."""
    world = draw(worlds())
    found: list[Agreement | Records] = [world.agreement]
    if world.records is not None:
        found.append(world.records)
    if world.registry is not None:
        found.extend(entry.document for entry in world.registry.entries)
    return draw(st.sampled_from(found))


every_document: st.SearchStrategy[Agreement | Records] = st.one_of(
    documents, drafts(), extension_documents, world_documents()
)
"""Any document busmodel reads or writes: agreements, frameworks, extension documents and
records, final and draft, generated freely or as related worlds."""
