"""Extension rules (EXT): a separate document (förlängning) that extends an agreement.

An agreement "med möjlighet till förlängning med två år i taget" is extended by
short documents that name it (``extends``), give the new period and their own
assent, and restate nothing else. These rules check such a document against the
agreement it extends and the extensions before it, so every one but EXT001's
first check needs the registry; they check extension documents only.

The extensions of an agreement are taken in order of their start, with the
document checked in the place of its registry copy. An extension runs for at most
the clause's years, counted in calendar years from the day before it starts: a
two-year extension that starts on 2025-01-01 may run until 2026-12-31. It should
start on the day after the agreement, or the extension before it, ends: a gap is
a warning (EXT006, as SUP003), an overlap an error (EXT005, as SUP002).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Final

from dateutil.relativedelta import relativedelta

from busmodel.model._agreement import Agreement, AgreementKind, Extension
from busmodel.model._period import Period
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, Need, Snippet, rule
from busmodel.validation._rules._common import ONE_DAY, days_between, elapsed, span
from busmodel.validation._rules._examples import AGREEMENT, EXTENDABLE, EXTENSION
from busmodel.validation._rules.supersession import document_name

_SOURCE: Final = (
    "GLOSSARY: förlängning (a separate document); 'med möjlighet till förlängning med två år "
    "i taget'"
)
_EXTENSIONS: Final = (AgreementKind.EXTENSION,)
_SHOWN: Final = 3
"""How many earlier extensions a message names; the rest are counted."""

_EXTENDED = Snippet(EXTENSION, others=(EXTENDABLE,))
"""An extension with the agreement it extends: the good example of most EXT rules."""

_SECOND_EXTENSION: Final = (
    EXTENSION.replace("forlangning-2027", "forlangning-2031")
    .replace("Förlängning 2027–2030", "Förlängning 2031–2034")
    .replace("= 2026-", "= 2030-")  # dated and adopted four years later
    .replace("{ start = 2027-01-01, end = 2030-12-31 }", "{ start = 2031-01-01, end = 2034-12-31 }")
)
"""The agreement's second extension, for the mandate period after the first."""


def _extended(context: Context) -> Agreement | None:
    """The agreement the extension names, when the registry has it as an agreement."""
    agreement, registry = context.agreement, context.registry
    if registry is None or agreement.extends is None or agreement.extends == agreement.id:
        return None
    found = registry.agreement(agreement.extends)
    if found is None or found.kind is AgreementKind.EXTENSION:
        return None
    return found


def _clause(context: Context) -> tuple[Agreement, Extension] | None:
    """The extended agreement and its extension clause, when it has one."""
    extended = _extended(context)
    if extended is None or extended.validity is None or extended.validity.extension is None:
        return None
    return extended, extended.validity.extension


def _start_key(extension: Agreement) -> tuple[bool, dt.date]:
    if extension.validity is None:
        return True, dt.date.max
    return False, extension.validity.period.start


def _chain(context: Context, extended: Agreement) -> tuple[list[Agreement], int]:
    """The extensions of ``extended`` in order of their start, and the place of this one.

    The document checked takes the place of any registry document with its id.
    """
    agreement, registry = context.agreement, context.registry
    assert registry is not None
    others = [
        other
        for other in registry.extensions_of(extended.id)
        if other is not agreement and other.id != agreement.id and other.final
    ]  # a draft extension uses up nothing of the clause
    chain = sorted([*others, agreement], key=_start_key)  # stable: ties keep registry order
    return chain, next(i for i, other in enumerate(chain) if other is agreement)


def _shown(names: Sequence[Text]) -> list[Text]:
    """At most a few names, the rest counted, for a message to join: "A, B, C and 2 more"."""
    shown = list(names[:_SHOWN])
    more = len(names) - len(shown)
    return [*shown, Text(en=f"{more} more", sv=f"{more} till")] if more else shown


@rule(
    "EXT001",
    title=Text(en="Extends a known agreement", sv="Förlänger en känd överenskommelse"),
    severity=Severity.ERROR,
    rationale=Text(
        en="An extension restates nothing but its period and assent: without the agreement "
        "it extends in the registry, no one can tell what was extended. Every extension "
        "names the original agreement, not an earlier extension.",
        sv="En förlängning anger bara sin giltighetstid och sitt godkännande: finns inte "
        "överenskommelsen som förlängs i registret går det inte att veta vad som förlängts. "
        "Varje förlängning hänvisar till den ursprungliga överenskommelsen, inte till en "
        "tidigare förlängning.",
    ),
    source=_SOURCE,
    needs=(Need.REGISTRY,),
    kinds=_EXTENSIONS,
    messages={
        "default": Message(
            en="the extended agreement '{extends}' is not in the registry",
            sv="överenskommelsen '{extends}' som förlängs finns inte i registret",
        ),
        "itself": Message(
            en="the extension names itself ('{extends}') as the agreement it extends",
            sv="förlängningen anger sig själv ('{extends}') som den överenskommelse den förlänger",
        ),
        "extension": Message(
            en="'{extends}' is the extension {name}, not an agreement: an extension names "
            "the original agreement ('{original}')",
            sv="'{extends}' är förlängningen {name}, inte en överenskommelse: en förlängning "
            "hänvisar till den ursprungliga överenskommelsen ('{original}')",
        ),
    },
    example=Example(
        bad=Snippet(
            EXTENSION.replace('extends = "bus-2023"', 'extends = "bus-2022"'), others=(EXTENDABLE,)
        ),
        good=_EXTENDED,
    ),
)
def extends_known_agreement(context: Context) -> Iterator[Issue]:
    """Report an extension whose agreement is not in the registry, or is an extension."""
    agreement, registry = context.agreement, context.registry
    extended_id = agreement.extends
    if registry is None or extended_id is None:
        return
    if extended_id == agreement.id:
        yield Issue.at("/extends", "itself", extends=extended_id)
        return
    found = registry.agreement(extended_id)
    if found is None:
        yield Issue.at("/extends", extends=extended_id)
    elif found.kind is AgreementKind.EXTENSION:
        yield Issue.at(
            "/extends",
            "extension",
            extends=extended_id,
            name=document_name(found),
            original=found.extends,
        )


@rule(
    "EXT002",
    title=Text(en="The agreement may be extended", sv="Överenskommelsen får förlängas"),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement can be extended by a separate document only when it says so (an "
        "extension clause); otherwise the parties need a new agreement.",
        sv="En överenskommelse kan förlängas genom ett separat dokument bara när den själv "
        "säger det (en förlängningsklausul); annars behöver parterna en ny överenskommelse.",
    ),
    source=_SOURCE,
    needs=(Need.REGISTRY,),
    kinds=_EXTENSIONS,
    name="extended-agreement-allows-extension",
    messages=Message(
        en="the agreement {name} has no extension clause, so it cannot be extended by an "
        "extension document: the parties need a new agreement",
        sv="överenskommelsen {name} saknar förlängningsklausul och kan därför inte förlängas "
        "genom en förlängning: parterna behöver en ny överenskommelse",
    ),
    example=Example(
        bad=Snippet(EXTENSION, others=(AGREEMENT,)),
        good=_EXTENDED,
    ),
)
def extended_agreement_allows_it(context: Context) -> Iterator[Issue]:
    """Report an extension of an agreement without an extension clause."""
    extended = _extended(context)
    if extended is None or _clause(context) is not None:
        return
    yield Issue.at("/extends", name=document_name(extended))


@rule(
    "EXT003",
    title=Text(
        en="No longer than the extension clause allows",
        sv="Inte längre än förlängningsklausulen medger",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="Each extension adds at most the years the clause states ('by two years at a "
        "time'), counted in calendar years; a longer one is not an extension the agreement "
        "allows.",
        sv="Varje förlängning lägger till högst de år som klausulen anger ('med två år i "
        "taget'), räknat i kalenderår; en längre förlängning medger inte överenskommelsen.",
    ),
    source=_SOURCE,
    needs=(Need.REGISTRY,),
    kinds=_EXTENSIONS,
    name="extension-within-clause-years",
    messages={
        "default": Message(
            en="the extension runs {period}, but {name} may be extended by "
            "{years:year|years} at a time: this extension may run until {latest} at the latest",
            sv="förlängningen gäller {period}, men {name} får förlängas med {years:år|år} "
            "i taget: denna förlängning får gälla längst till och med {latest}",
        ),
        "open": Message(
            en="the extension has no end date, but {name} may be extended by "
            "{years:year|years} at a time: this extension may run until {latest} at the latest",
            sv="förlängningen saknar slutdatum, men {name} får förlängas med {years:år|år} "
            "i taget: denna förlängning får gälla längst till och med {latest}",
        ),
    },
    example=Example(
        bad=Snippet(
            EXTENSION.replace("end = 2030-12-31", "end = 2031-12-31"), others=(EXTENDABLE,)
        ),
        good=_EXTENDED,
    ),
)
def within_clause_years(context: Context) -> Iterator[Issue]:
    """Report an extension that runs longer than the clause's years."""
    found, validity = _clause(context), context.agreement.validity
    if found is None or validity is None:
        return
    extended, clause = found
    period = validity.period
    latest = period.start - ONE_DAY + relativedelta(years=clause.years)
    if period.end is not None and period.end <= latest:
        return
    values = {"name": document_name(extended), "years": clause.years, "latest": latest}
    if period.end is None:
        yield Issue.at("/validity/period/end", "open", **values)
    else:
        yield Issue.at("/validity/period/end", period=span(period), **values)


@rule(
    "EXT004",
    title=Text(
        en="Within the number of extensions allowed",
        sv="Inom det tillåtna antalet förlängningar",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="A clause that allows a number of extensions ('at most twice') allows no more: "
        "after the last one the parties need a new agreement.",
        sv="En klausul som medger ett antal förlängningar ('högst två gånger') medger inte "
        "fler: efter den sista behöver parterna en ny överenskommelse.",
    ),
    source=_SOURCE,
    needs=(Need.REGISTRY,),
    kinds=_EXTENSIONS,
    name="extension-within-clause-times",
    messages=Message(
        en="this is extension number {number} of {name}, one too many: it allows "
        "{times:extension|extensions} and was already extended by {allowed:and}",
        sv="detta är förlängning nummer {number} av {name}, en för mycket: den får "
        "förlängas {times:gång|gånger} och har redan förlängts genom {allowed:and}",
    ),
    example=Example(
        bad=Snippet(
            _SECOND_EXTENSION,
            others=(EXTENDABLE.replace("{ years = 4 }", "{ years = 4, times = 1 }"), EXTENSION),
        ),
        good=Snippet(
            _SECOND_EXTENSION,
            others=(EXTENDABLE.replace("{ years = 4 }", "{ years = 4, times = 2 }"), EXTENSION),
        ),
    ),
)
def within_clause_times(context: Context) -> Iterator[Issue]:
    """Report an extension beyond the number of extensions the clause allows."""
    found = _clause(context)
    if found is None or found[1].times is None:
        return
    extended, clause = found
    chain, place = _chain(context, extended)
    times = clause.times
    assert times is not None
    if place < times:
        return
    yield Issue.at(
        "/extends",
        number=place + 1,
        name=document_name(extended),
        times=times,
        allowed=_shown([document_name(other) for other in chain[:times]]),
    )


def _before(context: Context) -> tuple[Agreement, Period, Period] | None:
    """What this extension follows, its period and this one's.

    Of the extended agreement and the extensions that start before this one, the one
    whose validity ends last (an open end last of all).
    """
    extended, validity = _extended(context), context.agreement.validity
    if extended is None or extended.validity is None or validity is None:
        return None
    chain, place = _chain(context, extended)
    latest, latest_period = extended, extended.validity.period
    for other in chain[:place]:
        if other.validity is None:
            continue
        period = other.validity.period
        if latest_period.end is not None and (period.end is None or period.end > latest_period.end):
            latest, latest_period = other, period
    return latest, latest_period, validity.period


@rule(
    "EXT005",
    title=Text(
        en="Does not overlap what it extends",
        sv="Överlappar inte det som förlängs",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="An extension takes over on the day after the agreement, or the extension before "
        "it, ends; one that starts earlier makes two documents govern the same days.",
        sv="En förlängning tar vid dagen efter att överenskommelsen, eller förlängningen före "
        "den, upphör; en som börjar tidigare gör att två dokument gäller samma dagar.",
    ),
    source=_SOURCE,
    needs=(Need.REGISTRY,),
    kinds=_EXTENSIONS,
    name="extension-does-not-overlap",
    messages={
        "default": Message(
            en="the extension starts on {start}, but {name} is in force until {end}: "
            "the extension should start on {should}",
            sv="förlängningen börjar gälla {start}, men {name} gäller till och med {end}: "
            "förlängningen ska börja gälla {should}",
        ),
        "open": Message(
            en="the extension starts on {start}, but {name} is in force until further notice: "
            "there is no end to extend from",
            sv="förlängningen börjar gälla {start}, men {name} gäller tills vidare: "
            "det finns inget slutdatum att förlänga från",
        ),
    },
    example=Example(
        bad=Snippet(
            EXTENSION.replace("start = 2027-01-01", "start = 2026-12-01"), others=(EXTENDABLE,)
        ),
        good=_EXTENDED,
    ),
)
def no_overlap(context: Context) -> Iterator[Issue]:
    """Report an extension that starts before what it extends has ended."""
    found = _before(context)
    if found is None:
        return
    before, period, this = found
    if period.end is not None and period.end < this.start:
        return
    name = document_name(before)
    if period.end is None:
        yield Issue.at("/validity/period/start", "open", start=this.start, name=name)
        return
    yield Issue.at(
        "/validity/period/start",
        start=this.start,
        name=name,
        end=period.end,
        should=period.end + ONE_DAY,
    )


@rule(
    "EXT006",
    title=Text(en="No gap before the extension", sv="Inget glapp före förlängningen"),
    severity=Severity.WARNING,
    rationale=Text(
        en="Days between the end of the agreement, or the extension before, and the start "
        "of the extension are days without an agreement.",
        sv="Dagarna mellan slutet på överenskommelsen, eller förlängningen före, och "
        "förlängningens början är dagar utan överenskommelse.",
    ),
    source=_SOURCE,
    needs=(Need.REGISTRY,),
    kinds=_EXTENSIONS,
    name="no-gap-before-extension",
    messages=Message(
        en="a gap of {gap} without an agreement: {name} ends on {end} and the extension "
        "starts on {start}; it should start on {should}",
        sv="ett glapp på {gap} utan överenskommelse: {name} gäller till och med {end} och "
        "förlängningen börjar gälla {start}; den ska börja gälla {should}",
    ),
    example=Example(
        bad=Snippet(
            EXTENSION.replace("start = 2027-01-01", "start = 2027-02-01"), others=(EXTENDABLE,)
        ),
        good=_EXTENDED,
    ),
)
def no_gap(context: Context) -> Iterator[Issue]:
    """Report days without an agreement before an extension starts."""
    found = _before(context)
    if found is None:
        return
    before, period, this = found
    gap = days_between(period.end, this.start)
    if gap is None:
        return
    yield Issue.at(
        "/validity/period/start",
        gap=elapsed(gap.start, this.start),
        name=document_name(before),
        end=period.end,
        start=this.start,
        should=gap.start,
    )
