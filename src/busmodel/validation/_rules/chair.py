"""Chair rules (CHR): who chairs, in which order, and when the chair changes.

An agreement without a chair rule yields nothing from these rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from busmodel.model._agreement import Agreement, ChairRule, ChairTerm
from busmodel.model._errors import ModelError
from busmodel.model._mandate import Convention, MandatePeriod, mandate_period
from busmodel.model._period import Period
from busmodel.model._text import Text
from busmodel.validation._catalogue import Context, Issue, rule
from busmodel.validation._findings import Severity
from busmodel.validation._rules._common import ONE_DAY, name_of, repeats, span

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Ordförandeskap och ansvar för samordning)"


def _allowed(agreement: Agreement, chair: ChairRule) -> set[str]:
    """The bodies that may chair: the parties and the bodies listed in ``may_chair``."""
    return {*agreement.parties, *chair.may_chair}


def _terms_in_order(chair: ChairRule) -> list[tuple[int, ChairTerm]]:
    """The terms with their index, by period (then by index)."""
    return sorted(enumerate(chair.terms), key=lambda item: (item[1].period, item[0]))


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
)
def chair_is_party(context: Context) -> Iterator[Issue]:
    """Report a chair term held by a body that is neither a party nor allowed to chair."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None:
        return
    allowed = _allowed(agreement, chair)
    for position, term in enumerate(chair.terms):
        if term.body not in allowed:
            name = name_of(agreement, term.body)
            yield Issue(
                f"/chair/terms/{position}/body",
                Text(
                    en=f"{name} holds the chair from {term.period.start} but is not a party "
                    "and is not listed among the bodies that may hold it",
                    sv=f"{name} har ordförandeskapet från {term.period.start} men är inte part "
                    "och finns inte bland de organ som får ha ordförandeskapet",
                ),
            )


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
)
def rotation_lists_parties(context: Context) -> Iterator[Issue]:
    """Report parties missing from the rotation, repeats, and bodies not allowed to chair."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None or not chair.rotation:
        return
    rotating = set(chair.rotation)
    listed: set[str] = set()
    for position, body_id in enumerate(agreement.parties):
        if body_id not in rotating and body_id not in listed:
            listed.add(body_id)
            name = name_of(agreement, body_id)
            yield Issue(
                "/chair/rotation",
                Text(
                    en=f"{name} is a party but never gets its turn to hold the chair in the "
                    "rotation",
                    sv=f"{name} är part men får aldrig sin tur att ha ordförandeskapet i "
                    "rotationen",
                ),
                (f"/parties/{position}",),
            )
    for position, first in repeats(chair.rotation):
        name = name_of(agreement, chair.rotation[position])
        yield Issue(
            f"/chair/rotation/{position}",
            Text(
                en=f"{name} is listed twice in the rotation",
                sv=f"{name} står två gånger i rotationen",
            ),
            (f"/chair/rotation/{first}",),
        )
    allowed = _allowed(agreement, chair)
    for position, body_id in enumerate(chair.rotation):
        if body_id not in allowed:
            name = name_of(agreement, body_id)
            yield Issue(
                f"/chair/rotation/{position}",
                Text(
                    en=f"{name} is in the rotation but is not a party and is not listed among "
                    "the bodies that may hold the chair",
                    sv=f"{name} finns i rotationen men är inte part och finns inte bland de "
                    "organ som får ha ordförandeskapet",
                ),
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
            shared = span(Period(term.period.start, _earlier_end(term.period, other.period)))
            yield Issue(
                f"/chair/terms/{position}/period",
                Text(
                    en=f"the chair term of {name_of(agreement, term.body)} overlaps that of "
                    f"{name_of(agreement, other.body)}: both cover {shared.en}",
                    sv=f"ordförandeperioden för {name_of(agreement, term.body)} överlappar den "
                    f"för {name_of(agreement, other.body)}: båda omfattar {shared.sv}",
                ),
                (f"/chair/terms/{other_position}/period",),
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
        dates = span(gap)
        yield Issue(
            "/chair/terms",
            Text(
                en=f"no chair term covers {dates.en}, although the agreement is in force then",
                sv=f"ingen ordförandeperiod täcker {dates.sv}, trots att överenskommelsen "
                "gäller då",
            ),
            ("/validity/period",),
        )


def _term_of(day: dt.date, convention: Convention) -> MandatePeriod | None:
    """The mandate period containing ``day``, or None before the first one known."""
    try:
        return mandate_period(day, convention)
    except ModelError:
        return None


def _mid_period_changes(agreement: Agreement, chair: ChairRule) -> Iterator[tuple[int, str, Text]]:
    """Each chair change inside a mandate period: ``(term index, "start"/"end", message)``.

    A change is judged at the start of the incoming term. A term that ends inside a
    mandate period is a change of its own only when no term starts the next day.
    The validity's own start and end are never changes.
    """
    validity = agreement.validity
    convention = Convention.COMMITTEE if validity is None else validity.convention
    bounds = set() if validity is None else {validity.period.start, validity.period.end}
    starts = {term.period.start for term in chair.terms}
    for position, term in enumerate(chair.terms):
        name = name_of(agreement, term.body)
        start, end = term.period.start, term.period.end
        mandate = _term_of(start, convention)
        if start not in bounds and mandate is not None and start != mandate.start:
            yield (
                position,
                "start",
                Text(
                    en=f"the chair passes to {name} on {start}, during the mandate period "
                    f"{mandate}",
                    sv=f"ordförandeskapet går över till {name} {start}, under den pågående "
                    f"mandatperioden {mandate}",
                ),
            )
        if end is None or end in bounds or end + ONE_DAY in starts:
            continue
        mandate = _term_of(end, convention)
        if mandate is not None and end != mandate.end:
            yield (
                position,
                "end",
                Text(
                    en=f"{name} gives up the chair on {end}, during the mandate period {mandate}",
                    sv=f"{name} lämnar ordförandeskapet {end}, under den pågående "
                    f"mandatperioden {mandate}",
                ),
            )


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
)
def mid_period_change_has_reason(context: Context) -> Iterator[Issue]:
    """Report a change of chair inside a mandate period, allowed but without a reason."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None or not chair.mid_period_changes:
        return
    for position, side, message in _mid_period_changes(agreement, chair):
        if chair.terms[position].reason is None:
            yield Issue(
                f"/chair/terms/{position}/period/{side}",
                Text(
                    en=f"{message.en}, and the term gives no reason",
                    sv=f"{message.sv}, och perioden anger inget skäl",
                ),
            )


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
)
def changes_at_new_period(context: Context) -> Iterator[Issue]:
    """Report a change of chair inside a mandate period the agreement does not allow."""
    agreement, chair = context.agreement, context.agreement.chair
    if chair is None or chair.mid_period_changes:
        return
    for position, side, message in _mid_period_changes(agreement, chair):
        yield Issue(
            f"/chair/terms/{position}/period/{side}",
            Text(
                en=f"{message.en}, but the agreement allows changes only at a new mandate period",
                sv=f"{message.sv}, men överenskommelsen tillåter byten bara vid ny mandatperiod",
            ),
            ("/chair/mid_period_changes",),
        )
