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
from busmodel.validation._catalogue import Context, Issue, Need, rule
from busmodel.validation._findings import Severity
from busmodel.validation._rules._common import ONE_DAY, elapsed, span
from busmodel.validation._rules.supersession import document_name

_SOURCE: Final = (
    "GLOSSARY: förlängning (a separate document); 'med möjlighet till förlängning med två år "
    "i taget'"
)
_EXTENSIONS: Final = (AgreementKind.EXTENSION,)
_SHOWN: Final = 3
"""How many earlier extensions a message names; the rest are counted."""


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
        if other is not agreement and other.id != agreement.id
    ]
    chain = sorted([*others, agreement], key=_start_key)  # stable: ties keep registry order
    return chain, next(i for i, other in enumerate(chain) if other is agreement)


def _listed(names: Sequence[Text]) -> Text:
    """Names joined as a sentence lists them: "A, B and C", at most a few, the rest counted."""
    shown = list(names[:_SHOWN])
    more = len(names) - len(shown)

    def join(words: list[str], conjunction: str, rest: str) -> str:
        if more:
            return f"{', '.join(words)} {conjunction} {more} {rest}"
        if len(words) == 1:
            return words[0]
        return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"

    return Text(
        en=join([n.en for n in shown], "and", "more"),
        sv=join([n.sv for n in shown], "och", "till"),
    )


def _years(count: int) -> Text:
    return Text(en=f"{count} {'year' if count == 1 else 'years'}", sv=f"{count} år")


def _times(count: int) -> Text:
    english = {1: "once", 2: "twice"}.get(count, f"{count} times")
    return Text(en=english, sv=f"{count} {'gång' if count == 1 else 'gånger'}")


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
)
def extends_known_agreement(context: Context) -> Iterator[Issue]:
    """Report an extension whose agreement is not in the registry, or is an extension."""
    agreement, registry = context.agreement, context.registry
    extended_id = agreement.extends
    if registry is None or extended_id is None:
        return
    if extended_id == agreement.id:
        yield Issue(
            "/extends",
            Text(
                en=f"the extension names itself ({extended_id!r}) as the agreement it extends",
                sv=f"förlängningen anger sig själv ({extended_id!r}) som den överenskommelse "
                "den förlänger",
            ),
        )
        return
    found = registry.agreement(extended_id)
    if found is None:
        yield Issue(
            "/extends",
            Text(
                en=f"the extended agreement {extended_id!r} is not in the registry",
                sv=f"överenskommelsen {extended_id!r} som förlängs finns inte i registret",
            ),
        )
    elif found.kind is AgreementKind.EXTENSION:
        name = document_name(found)
        yield Issue(
            "/extends",
            Text(
                en=f"{extended_id!r} is the extension {name.en}, not an agreement: an "
                f"extension names the original agreement ({found.extends!r})",
                sv=f"{extended_id!r} är förlängningen {name.sv}, inte en överenskommelse: en "
                f"förlängning hänvisar till den ursprungliga överenskommelsen "
                f"({found.extends!r})",
            ),
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
)
def extended_agreement_allows_it(context: Context) -> Iterator[Issue]:
    """Report an extension of an agreement without an extension clause."""
    extended = _extended(context)
    if extended is None or _clause(context) is not None:
        return
    name = document_name(extended)
    yield Issue(
        "/extends",
        Text(
            en=f"the agreement {name.en} has no extension clause, so it cannot be extended "
            "by an extension document: the parties need a new agreement",
            sv=f"överenskommelsen {name.sv} saknar förlängningsklausul och kan därför inte "
            "förlängas genom en förlängning: parterna behöver en ny överenskommelse",
        ),
    )


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
    name, years = document_name(extended), _years(clause.years)
    if period.end is None:
        runs = Text(en="has no end date", sv="saknar slutdatum")
    else:
        runs = Text(en=f"runs {span(period).en}", sv=f"gäller {span(period).sv}")
    yield Issue(
        "/validity/period/end",
        Text(
            en=f"the extension {runs.en}, but {name.en} may be extended by {years.en} at a "
            f"time: this extension may run until {latest} at the latest",
            sv=f"förlängningen {runs.sv}, men {name.sv} får förlängas med {years.sv} i taget: "
            f"denna förlängning får gälla längst till och med {latest}",
        ),
    )


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
    allowed = _listed([document_name(other) for other in chain[:times]])
    name, count = document_name(extended), _times(times)
    yield Issue(
        "/extends",
        Text(
            en=f"this is extension number {place + 1} of {name.en}, one too many: it may be "
            f"extended {count.en}, and was, by {allowed.en}",
            sv=f"detta är förlängning nummer {place + 1} av {name.sv}, en för mycket: den får "
            f"förlängas {count.sv} och har redan förlängts genom {allowed.sv}",
        ),
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
        yield Issue(
            "/validity/period/start",
            Text(
                en=f"the extension starts on {this.start}, but {name.en} is in force until "
                "further notice: there is no end to extend from",
                sv=f"förlängningen börjar gälla {this.start}, men {name.sv} gäller tills "
                "vidare: det finns inget slutdatum att förlänga från",
            ),
        )
        return
    should = period.end + ONE_DAY
    yield Issue(
        "/validity/period/start",
        Text(
            en=f"the extension starts on {this.start}, but {name.en} is in force until "
            f"{period.end}: the extension should start on {should}",
            sv=f"förlängningen börjar gälla {this.start}, men {name.sv} gäller till och med "
            f"{period.end}: förlängningen ska börja gälla {should}",
        ),
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
)
def no_gap(context: Context) -> Iterator[Issue]:
    """Report days without an agreement before an extension starts."""
    found = _before(context)
    if found is None:
        return
    before, period, this = found
    if period.end is None or period.end >= this.start:
        return
    gap = (this.start - period.end).days - 1
    if gap == 0:
        return
    days, name = elapsed(period.end + ONE_DAY, this.start), document_name(before)
    yield Issue(
        "/validity/period/start",
        Text(
            en=f"a gap of {days.en} without an agreement: {name.en} ends on {period.end} and "
            f"the extension starts on {this.start}; it should start on {period.end + ONE_DAY}",
            sv=f"ett glapp på {days.sv} utan överenskommelse: {name.sv} gäller till och med "
            f"{period.end} och förlängningen börjar gälla {this.start}; den ska börja gälla "
            f"{period.end + ONE_DAY}",
        ),
    )
