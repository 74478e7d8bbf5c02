"""Chair rules (CHR): who chairs, in which order, and when the chair changes.

An agreement without a chair rule yields nothing from these rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from busmodel.model._agreement import Agreement, ChairRule, ChairTerm
from busmodel.model._mandate import Convention
from busmodel.model._period import Period
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, rule
from busmodel.validation._rules._common import (
    ONE_DAY,
    name_of,
    parties_index,
    repeats,
    span,
    term_of,
)
from busmodel.validation._rules._examples import AGREEMENT, HEAD, insert_after

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Ordförandeskap och ansvar för samordning)"


def _allowed(agreement: Agreement, chair: ChairRule) -> set[str]:
    """The bodies that may chair: the parties and the bodies listed in ``may_chair``."""
    return {*agreement.parties, *chair.may_chair}


def _terms_in_order(chair: ChairRule) -> list[tuple[int, ChairTerm]]:
    """The terms with their index, by period (then by index)."""
    return sorted(enumerate(chair.terms), key=lambda item: (item[1].period, item[0]))


_CHR001_GOOD = (
    insert_after(
        AGREEMENT,
        '    { id = "bun"',
        '    { id = "ks", name = "Kommunstyrelsen", kind = "executive-board" },',
    )
    + """
[chair]
rotation = ["bun", "sn"]
terms = [{ body = "bun", period = { start = 2023-01-01, end = 2026-12-31 } }]
"""
)
"""The agreement with Kommunstyrelsen, which is no party, and Barn- och ungdomsnämnden as
the chair for the whole mandate period."""


@rule(
    "CHR001",
    title=Text(en="The chair is a party", sv="Ordföranden är part"),
    severity=Severity.ERROR,
    rationale=Text(
        en="The chair rotates between the committees that are parties; a body that is "
        "neither a party nor expressly allowed to chair (may_chair) cannot hold it. In "
        "Alingsås, Barn- och ungdomsnämnden chairs but the parties name Barn- och "
        "utbildningsnämnden.",
        sv="Ordförandeskapet roterar mellan de nämnder som är parter; ett organ som varken "
        "är part eller uttryckligen får ha ordförandeskapet (may_chair) kan inte ha det. I "
        "Alingsås har Barn- och ungdomsnämnden ordförandeskapet, men bland parterna står "
        "Barn- och utbildningsnämnden.",
    ),
    source=_ALINGSAS,
    messages=Message(
        en="{body} holds the chair from {start} but is not a party "
        "and is not listed among the bodies that may hold it",
        sv="{body} har ordförandeskapet från {start} men är inte part "
        "och finns inte bland de organ som får ha ordförandeskapet",
    ),
    example=Example(
        bad=_CHR001_GOOD.replace('terms = [{ body = "bun",', 'terms = [{ body = "ks",'),
        good=_CHR001_GOOD,
    ),
)
def chair_is_party(context: Context) -> Iterator[Issue]:
    """Report a chair term held by a body that is neither a party nor allowed to chair."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None:
        return
    allowed = _allowed(agreement, chair)
    for position, term in enumerate(chair.terms):
        if term.body not in allowed:
            yield Issue.at(
                f"/chair/terms/{position}/body",
                body=name_of(agreement, term.body),
                start=term.period.start,
            )


_ROTATING = (
    HEAD
    + """
[validity]
basis = "fixed"
period = { start = 2023-01-01, end = 2030-12-31 }

[chair]
rotation = ["bun", "sn"]
terms = [
    { body = "bun", period = { start = 2023-01-01, end = 2026-12-31 } },
    { body = "sn", period = { start = 2027-01-01, end = 2030-12-31 } },
]
"""
)
"""An agreement for two mandate periods whose chair passes from one party to the other
when the second begins: the good example of CHR002, CHR003, CHR004 and CHR006."""


@rule(
    "CHR002",
    title=Text(en="The rotation lists each party once", sv="Rotationen tar upp varje part en gång"),
    severity=Severity.WARNING,
    rationale=Text(
        en="The chair rotates between the parties: each party should have its turn, once, "
        "and no other body should, unless it is listed in may_chair. An empty rotation "
        "means the chair does not rotate; then it is not checked.",
        sv="Ordförandeskapet roterar mellan parterna: varje part ska ha sin tur, en gång, och "
        "inget annat organ, om det inte finns i may_chair. En tom rotation betyder att "
        "ordförandeskapet inte roterar; då kontrolleras den inte.",
    ),
    source=_ALINGSAS + ": 'roteras mellan de olika nämnderna'",
    name="rotation-lists-parties-once",
    messages={
        "default": Message(
            en="{body} is a party but never gets its turn to hold the chair in the rotation",
            sv="{body} är part men får aldrig sin tur att ha ordförandeskapet i rotationen",
        ),
        "twice": Message(
            en="{body} is listed twice in the rotation",
            sv="{body} står två gånger i rotationen",
        ),
        "not-allowed": Message(
            en="{body} is in the rotation but is not a party and is not listed among "
            "the bodies that may hold the chair",
            sv="{body} finns i rotationen men är inte part och finns inte bland de "
            "organ som får ha ordförandeskapet",
        ),
    },
    example=Example(
        bad=_ROTATING.replace('rotation = ["bun", "sn"]', 'rotation = ["bun"]'), good=_ROTATING
    ),
)
def rotation_lists_parties(context: Context) -> Iterator[Issue]:
    """Report parties missing from the rotation, repeats, and bodies not allowed to chair."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None or not chair.rotation:
        return
    rotating = set(chair.rotation)
    for body_id, position in parties_index(context).items():
        if body_id not in rotating:
            yield Issue(
                "/chair/rotation",
                related=(f"/parties/{position}",),
                values={"body": name_of(agreement, body_id)},
            )
    for position, first in repeats(chair.rotation):
        yield Issue(
            f"/chair/rotation/{position}",
            related=(f"/chair/rotation/{first}",),
            values={"body": name_of(agreement, chair.rotation[position])},
            template="twice",
        )
    allowed = _allowed(agreement, chair)
    for position, body_id in enumerate(chair.rotation):
        if body_id not in allowed:
            yield Issue.at(
                f"/chair/rotation/{position}", "not-allowed", body=name_of(agreement, body_id)
            )


@rule(
    "CHR003",
    title=Text(en="Chair terms do not overlap", sv="Ordförandeperioder överlappar inte"),
    severity=Severity.ERROR,
    rationale=Text(
        en="One body holds the chair at a time; two terms that share a day leave it unclear "
        "who holds the chair on that day.",
        sv="Ett organ i taget har ordförandeskapet; två perioder som delar en dag gör det "
        "oklart vem som har ordförandeskapet den dagen.",
    ),
    source=_ALINGSAS,
    name="chair-terms-do-not-overlap",
    messages=Message(
        en="the chair term of {body} overlaps that of {other}: both cover {shared}",
        sv="ordförandeperioden för {body} överlappar den för {other}: båda omfattar {shared}",
    ),
    example=Example(
        bad=_ROTATING.replace(
            '{ body = "sn", period = { start = 2027-01-01,',
            '{ body = "sn", period = { start = 2026-07-01,',
        ),
        good=_ROTATING,
    ),
)
def terms_do_not_overlap(context: Context) -> Iterator[Issue]:
    """Report a chair term that overlaps an earlier one."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None:
        return
    latest: tuple[int, ChairTerm] | None = None  # the term seen so far that ends last
    for position, term in _terms_in_order(chair):
        if latest is not None and latest[1].period.overlaps(term.period):
            other_position, other = latest
            shared = Period(term.period.start, _earlier_end(term.period, other.period))
            yield Issue(
                f"/chair/terms/{position}/period",
                related=(f"/chair/terms/{other_position}/period",),
                values={
                    "body": name_of(agreement, term.body),
                    "other": name_of(agreement, other.body),
                    "shared": span(shared),
                },
            )
        if latest is None or _ends_later(term.period, latest[1].period):
            latest = (position, term)


def _earlier_end(period: Period, other: Period) -> dt.date | None:
    """The earlier of the two ends (None when both are open)."""
    ends = [day for day in (period.end, other.end) if day is not None]
    return min(ends) if ends else None


def _ends_later(period: Period, other: Period) -> bool:
    """Whether ``period`` ends after ``other`` (an open end is the latest)."""
    if period.end is None:
        return other.end is not None
    return other.end is not None and period.end > other.end


def _gaps(start: dt.date, end: dt.date | None, terms: list[Period]) -> Iterator[Period]:
    """The stretches of ``start``..``end`` (open: unbounded) that no period in ``terms`` covers.

    ``terms`` must be sorted by start.
    """
    cursor: dt.date | None = start  # the first day not yet known to be covered; None: all
    for period in terms:
        if cursor is None or (end is not None and cursor > end):
            return
        if period.start > cursor:
            last = period.start - ONE_DAY
            yield Period(cursor, last if end is None else min(last, end))
        if period.end is None:
            cursor = None
        elif period.end >= cursor:
            cursor = period.end + ONE_DAY
    if cursor is not None and end is not None and cursor <= end:
        yield Period(cursor, end)


@rule(
    "CHR004",
    title=Text(
        en="Chair terms cover the validity", sv="Ordförandeperioderna täcker giltighetstiden"
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="Some body must hold the chair for as long as the agreement is in force; a day "
        "without a chair term is a day on which no one is responsible for coordination. For an "
        "agreement in force until further notice the terms are checked up to the end of "
        "the last one.",
        sv="Något organ ska ha ordförandeskapet så länge överenskommelsen gäller; en dag utan "
        "ordförandeperiod är en dag då ingen ansvarar för samordningen. För en "
        "överenskommelse som gäller tills vidare kontrolleras perioderna till slutet av den "
        "sista.",
    ),
    source=_ALINGSAS + ": 'ansvar för samordning'",
    name="chair-terms-cover-validity",
    messages=Message(
        en="no chair term covers {dates}, although the agreement is in force then",
        sv="ingen ordförandeperiod täcker {dates}, trots att överenskommelsen gäller då",
    ),
    example=Example(
        bad=_ROTATING.replace(
            '{ body = "sn", period = { start = 2027-01-01,',
            '{ body = "sn", period = { start = 2027-03-01,',
        ),
        good=_ROTATING,
    ),
)
def terms_cover_validity(context: Context) -> Iterator[Issue]:
    """Report each stretch of the validity that no chair term covers."""
    agreement = context.agreement
    chair, validity = agreement.chair, agreement.validity
    if chair is None or validity is None:
        return
    periods = sorted(term.period for term in chair.terms)
    end = validity.period.end
    if end is None:
        if not periods:
            return
        ends = [period.end for period in periods]
        end = None if None in ends else max(day for day in ends if day is not None)
    for gap in _gaps(validity.period.start, end, periods):
        yield Issue("/chair/terms", related=("/validity/period",), values={"dates": span(gap)})


def _mid_period_changes(
    agreement: Agreement, chair: ChairRule
) -> Iterator[tuple[int, str, dict[str, object]]]:
    """Each chair change inside a mandate period: ``(term index, "start"/"end", values)``.

    The values are those of the CHR005 and CHR006 messages: the chairing ``body``,
    the ``day`` of the change, and the ``mandate`` period it falls in. A change is
    judged at the start of the incoming term. A term that ends inside a mandate
    period is a change of its own only when no term starts the next day. The
    validity's own start and end are never changes.
    """
    validity = agreement.validity
    convention = Convention.COMMITTEE if validity is None else validity.convention
    bounds = set() if validity is None else {validity.period.start, validity.period.end}
    starts = {term.period.start for term in chair.terms}
    for position, term in enumerate(chair.terms):
        name = name_of(agreement, term.body)
        start, end = term.period.start, term.period.end
        mandate = term_of(start, convention)
        if start not in bounds and mandate is not None and start != mandate.start:
            yield position, "start", {"body": name, "day": start, "mandate": mandate}
        if end is None or end in bounds or end + ONE_DAY in starts:
            continue
        mandate = term_of(end, convention)
        if mandate is not None and end != mandate.end:
            yield position, "end", {"body": name, "day": end, "mandate": mandate}


_MID_PERIOD = (
    AGREEMENT
    + """
[chair]
rotation = ["bun", "sn"]
mid_period_changes = true

[[chair.terms]]
body = "bun"
period = { start = 2023-01-01, end = 2024-06-30 }

[[chair.terms]]
body = "sn"
period = { start = 2024-07-01, end = 2026-12-31 }
reason = "Barn- och ungdomsnämndens ordförande avgick; Socialnämnden tar över"
"""
)
"""An agreement that allows the chair to change during a mandate period, and a change
with its reason: the good example of CHR005."""


@rule(
    "CHR005",
    title=Text(
        en="A change of chair during a mandate period has a reason",
        sv="Byte av ordförandeskap under pågående mandatperiod har ett skäl",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="The chair changes at a new mandate period, or during one if the need arises; "
        "a change during a mandate period should say what the need was (reason).",
        sv="Ordförandeskapet byts vid ny mandatperiod, eller under pågående mandatperiod om "
        "behov uppstår; ett byte under pågående mandatperiod bör ange vilket behovet var "
        "(reason).",
    ),
    source=_ALINGSAS
    + ": 'byte i samband vid ny mandatperiod eller om behov uppstår under pågående "
    "mandatperiod'",
    name="mid-period-chair-change-has-reason",
    messages={
        "start": Message(
            en="the chair passes to {body} on {day}, during the mandate period {mandate}, "
            "and the term gives no reason",
            sv="ordförandeskapet går över till {body} {day}, under den pågående "
            "mandatperioden {mandate}, och perioden anger inget skäl",
        ),
        "end": Message(
            en="{body} gives up the chair on {day}, during the mandate period {mandate}, "
            "and the term gives no reason",
            sv="{body} lämnar ordförandeskapet {day}, under den pågående mandatperioden "
            "{mandate}, och perioden anger inget skäl",
        ),
    },
    example=Example(
        bad=_MID_PERIOD.replace(
            'reason = "Barn- och ungdomsnämndens ordförande avgick; Socialnämnden tar över"\n', ""
        ),
        good=_MID_PERIOD,
    ),
)
def mid_period_change_has_reason(context: Context) -> Iterator[Issue]:
    """Report a change of chair inside a mandate period, allowed but without a reason."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None or not chair.mid_period_changes:
        return
    for position, side, values in _mid_period_changes(agreement, chair):
        if chair.terms[position].reason is None:
            yield Issue(f"/chair/terms/{position}/period/{side}", values=values, template=side)


@rule(
    "CHR006",
    title=Text(
        en="The chair changes only at a new mandate period",
        sv="Ordförandeskapet byts bara vid ny mandatperiod",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="Unless the agreement allows changes during a mandate period "
        "(mid_period_changes), the chair passes along the rotation only when a new "
        "mandate period begins.",
        sv="Om överenskommelsen inte tillåter byten under pågående mandatperiod "
        "(mid_period_changes) går ordförandeskapet vidare i rotationen bara när en ny "
        "mandatperiod börjar.",
    ),
    source=_ALINGSAS + ": 'byte i samband vid ny mandatperiod'",
    name="chair-changes-with-mandate-period",
    messages={
        "start": Message(
            en="the chair passes to {body} on {day}, during the mandate period {mandate}, "
            "but the agreement allows changes only at a new mandate period",
            sv="ordförandeskapet går över till {body} {day}, under den pågående "
            "mandatperioden {mandate}, men överenskommelsen tillåter byten bara vid ny "
            "mandatperiod",
        ),
        "end": Message(
            en="{body} gives up the chair on {day}, during the mandate period {mandate}, "
            "but the agreement allows changes only at a new mandate period",
            sv="{body} lämnar ordförandeskapet {day}, under den pågående mandatperioden "
            "{mandate}, men överenskommelsen tillåter byten bara vid ny mandatperiod",
        ),
    },
    example=Example(
        bad=_ROTATING.replace("end = 2026-12-31 }", "end = 2024-06-30 }").replace(
            "start = 2027-01-01", "start = 2024-07-01"
        ),
        good=_ROTATING,
    ),
)
def changes_at_new_period(context: Context) -> Iterator[Issue]:
    """Report a change of chair inside a mandate period the agreement does not allow."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None or chair.mid_period_changes:
        return
    for position, side, values in _mid_period_changes(agreement, chair):
        yield Issue(
            f"/chair/terms/{position}/period/{side}",
            related=("/chair/mid_period_changes",),
            values=values,
            template=side,
        )
