"""Validity rules (VAL): when the agreement is in force, and on what terms it ends.

A start known only to the month or year (``Validity.start_precision``) is stored as
its earliest day; a rule that needs a day counts from it and says so.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Final

from dateutil.relativedelta import relativedelta

from busmodel.model._agreement import Validity, ValidityBasis
from busmodel.model._mandate import FIRST_ELECTION, Convention, MandatePeriod
from busmodel.model._period import Period
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, rule
from busmodel.validation._rules._common import (
    EVERY_KIND,
    ONE_DAY,
    name_of,
    span,
    term_after,
    term_of,
)
from busmodel.validation._rules._examples import AGREEMENT, EXTENDABLE, HEAD
from busmodel.validation._rules.signatures import (
    Assent,
    assent_action,
    assents_of,
    start_note,
    start_when,
    start_window_end,
)

_KOMMUNALLAGEN = "kommunallagen (2017:725) 5 kap. 9 § and 6 kap. 18 §"
_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Giltighetstid)"
_YEARS_PER_TERM: Final = 4

_BOUNDED: Final = {
    ValidityBasis.MANDATE_PERIOD: Text(
        en="the validity is tied to the mandate period",
        sv="giltighetstiden är knuten till mandatperioden",
    ),
    ValidityBasis.FIXED: Text(
        en="the validity is tied to fixed dates", sv="giltighetstiden är knuten till fasta datum"
    ),
    ValidityBasis.FROM_SIGNING: Text(
        en="the agreement is in force from signing",
        sv="överenskommelsen gäller från undertecknandet",
    ),
}
"""How VAL002 names each validity that runs to a stated end."""
_CONVENTION: Final = {
    Convention.COMMITTEE: Text(
        en="as the committees count it (from 1 January after the election year)",
        sv="enligt nämndernas räkning (från 1 januari året efter valet)",
    ),
    Convention.COUNCIL: Text(
        en="as the council counts it (from 15 October of the election year)",
        sv="enligt fullmäktiges räkning (från 15 oktober valåret)",
    ),
}


def _note(validity: Validity, separator: str = " (", closing: str = ")") -> Text:
    """What a message adds after the start when the start is known only to the month or year."""
    note = start_note(validity)
    if note is None:
        return Text(en="", sv="")
    return Text(en=f"{separator}{note.en}{closing}", sv=f"{separator}{note.sv}{closing}")


def _notice_too_long(period: Period, months: int) -> bool:
    """Whether notice of ``months`` before the end would have to be given by the start."""
    if period.end is None:
        return False
    return period.end + ONE_DAY - relativedelta(months=months) <= period.start


def _expected_term(period: Period, convention: Convention) -> MandatePeriod | None:
    """The mandate period the validity is most likely meant to be: the one it overlaps most."""
    return _term_overlapping_most(period.start, period.end, convention)


@functools.lru_cache(maxsize=256)
def _term_overlapping_most(
    start: dt.date, end: dt.date | None, convention: Convention
) -> MandatePeriod | None:
    """The term ``start``..``end`` overlaps most, of those containing either day and the next.

    The first of equals. Kept: it depends on nothing else, and documents share validities.
    """
    candidates: list[MandatePeriod] = []
    for day in (start, end):
        if day is None:
            continue
        found = term_of(day, convention)
        if found is None:
            continue
        following = term_after(found)
        for term in (found,) if following is None else (found, following):
            if term not in candidates:
                candidates.append(term)
    if not candidates:
        return None

    def overlap(term: MandatePeriod) -> int:
        last = term.end if end is None else min(term.end, end)
        return (last - max(term.start, start)).days

    return max(candidates, key=overlap)


@rule(
    "VAL001",
    title=Text(en="Validity is stated", sv="Giltighetstid anges"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Without a validity clause no one can tell whether the agreement is in force, "
        "when it must be renewed or how it ends. This holds for frameworks too.",
        sv="Utan giltighetstid kan ingen avgöra om överenskommelsen gäller, när den ska "
        "förnyas eller hur den upphör. Det gäller även ramöverenskommelser.",
    ),
    source=_ALINGSAS,
    kinds=EVERY_KIND,
    messages=Message(
        en="the agreement does not say when it is in force (no validity)",
        sv="överenskommelsen anger inte när den gäller (giltighetstid saknas)",
    ),
    example=Example(bad=HEAD, good=AGREEMENT),
)
def validity_stated(context: Context) -> Iterator[Issue]:
    """Report an agreement or framework that states no validity."""
    if context.agreement.validity is None:
        yield Issue.at("/validity")


@rule(
    "VAL002",
    title=Text(
        en="A bounded validity has an end date",
        sv="En tidsbegränsad giltighetstid har ett slutdatum",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement for a mandate period, between fixed dates or from signing until a "
        "stated day ends on that day; without it the agreement silently runs on as if until "
        "further notice.",
        sv="En överenskommelse för en mandatperiod, mellan fasta datum eller från "
        "undertecknandet till en angiven dag upphör den dagen; utan slutdatum löper den tyst "
        "vidare som om den gällde tills vidare.",
    ),
    source=_ALINGSAS,
    kinds=EVERY_KIND,
    name="bounded-validity-has-end",
    messages=Message(en="{bounded} but has no end date", sv="{bounded} men saknar slutdatum"),
    example=Example(
        bad=AGREEMENT.replace(", end = 2026-12-31", ""),
        good=AGREEMENT,
    ),
)
def bounded_validity_ends(context: Context) -> Iterator[Issue]:
    """Report a fixed, mandate-period or from-signing validity without an end date."""
    validity = context.agreement.validity
    if validity is None or validity.period.end is not None:
        return
    bounded = _BOUNDED.get(validity.basis)
    if bounded is not None:
        yield Issue.at("/validity/period/end", bounded=bounded)


@rule(
    "VAL003",
    title=Text(
        en="A mandate-period validity matches the mandate period",
        sv="En giltighetstid under mandatperioden följer mandatperioden",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement that is in force 'during the mandate period' must start and end "
        "on the same days as the mandate period, counted the way the agreement states "
        "(convention). A start known only to the year or month matches when the mandate "
        "period starts in that year or month.",
        sv="En överenskommelse som gäller 'under mandatperioden' ska börja och sluta samma "
        "dagar som mandatperioden, räknad på det sätt som överenskommelsen anger "
        "(convention). En start som bara anges med år eller månad stämmer när "
        "mandatperioden börjar det året eller den månaden.",
    ),
    source=f"{_KOMMUNALLAGEN}; {_ALINGSAS}: 'gäller under mandatperioden'",
    name="validity-matches-mandate-period",
    messages={
        "default": Message(
            en="the validity {validity}{note} does not match the mandate period {term}: "
            "it should be {expected}, {counted}",
            sv="giltighetstiden {validity}{note} stämmer inte med mandatperioden {term}: "
            "den ska vara {expected}, {counted}",
        ),
        "before-first": Message(
            en="the validity starts on {start}, before the first mandate period busmodel "
            "knows ({first_start}–{first_end})",
            sv="giltighetstiden börjar {start}, före den första mandatperiod som busmodel "
            "känner till ({first_start}–{first_end})",
        ),
    },
    example=Example(
        bad=AGREEMENT.replace("start = 2023-01-01", "start = 2022-12-16"),
        good=AGREEMENT,
    ),
)
def matches_mandate_period(context: Context) -> Iterator[Issue]:
    """Report a mandate-period validity whose dates are not a mandate period's bounds."""
    validity = context.agreement.validity
    if validity is None or validity.basis is not ValidityBasis.MANDATE_PERIOD:
        return
    period, convention = validity.period, validity.convention
    term = _expected_term(period, convention)
    if term is None:
        first = MandatePeriod(FIRST_ELECTION, convention)
        yield Issue.at(
            "/validity/period/start",
            "before-first",
            start=period.start,
            first_start=first.start,
            first_end=first.end,
        )
        return
    start_wrong = not period.start <= term.start < start_window_end(validity)
    end_wrong = period.end is not None and period.end != term.end
    if not (start_wrong or end_wrong):
        return
    path = "/validity/period"
    if not end_wrong:
        path += "/start"
    elif not start_wrong:
        path += "/end"
    yield Issue.at(
        path,
        validity=span(period),
        note=_note(validity) if start_wrong else Text(en="", sv=""),
        term=str(term),
        expected=f"{term.start} – {term.end}",  # may run past the last date a Period takes
        counted=_CONVENTION[convention],
    )


_UNTIL_FURTHER_NOTICE = """
[validity]
basis = "until-further-notice"
period = { start = 2023-01-01 }
notice_months = 6
"""
"""In force until further notice, with six months' notice."""
_UNTIL_FURTHER_NOTICE_ENDING = _UNTIL_FURTHER_NOTICE.replace(
    "{ start = 2023-01-01 }", "{ start = 2023-01-01, end = 2026-12-31 }"
)
"""The same, but with an end date copied from a mandate period."""


@rule(
    "VAL004",
    title=Text(
        en="Until further notice has no end date",
        sv="Tills vidare har inget slutdatum",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement in force until further notice ends only when a party gives notice; "
        "an end date contradicts that, and no one can tell which of the two holds.",
        sv="En överenskommelse som gäller tills vidare upphör först när en part säger upp "
        "den; ett slutdatum motsäger det, och ingen kan avgöra vilket som gäller.",
    ),
    source="GLOSSARY: tills vidare",
    messages=Message(
        en="the agreement is in force until further notice but also gives an end date, {end}",
        sv="överenskommelsen gäller tills vidare men anger också ett slutdatum, {end}",
    ),
    example=Example(
        bad=HEAD + _UNTIL_FURTHER_NOTICE_ENDING,
        good=HEAD + _UNTIL_FURTHER_NOTICE,
    ),
)
def until_further_notice_has_no_end(context: Context) -> Iterator[Issue]:
    """Report an until-further-notice validity with an end date."""
    validity = context.agreement.validity
    if validity is None or validity.basis is not ValidityBasis.UNTIL_FURTHER_NOTICE:
        return
    if validity.period.end is not None:
        yield Issue.at("/validity/period/end", end=validity.period.end)


@rule(
    "VAL005",
    title=Text(
        en="Notice, extension and review fit the validity",
        sv="Uppsägning, förlängning och omprövning stämmer med giltighetstiden",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="An extension is counted from an end date, so it needs one; notice must be possible "
        "after the agreement starts; an agreement tied to mandate periods is extended by "
        "whole mandate periods; an annual review needs a validity of at least a year. A start "
        "known only to the month or year is counted from its earliest day.",
        sv="En förlängning räknas från ett slutdatum och kräver därför ett; uppsägning "
        "måste kunna ske efter att överenskommelsen börjat gälla; en överenskommelse knuten "
        "till mandatperioden förlängs med hela mandatperioder; en årlig omprövning kräver "
        "en giltighetstid på minst ett år. En start som bara anges med månad eller år räknas "
        "från den tidigaste dagen.",
    ),
    source="GLOSSARY: förlängning, uppsägningstid, omprövas årligen",
    name="notice-extension-review-fit-validity",
    messages={
        "notice": Message(
            en="the notice period of {months:month|months} is not shorter than the validity "
            "{validity}{note}: notice would have to be given before the agreement starts",
            sv="uppsägningstiden på {months:månad|månader} är inte kortare än giltighetstiden "
            "{validity}{note}: uppsägning skulle behöva ske innan överenskommelsen börjar gälla",
        ),
        "extension-without-end": Message(
            en="the agreement may be extended but has no end date to count the extension "
            "from ({why})",
            sv="överenskommelsen får förlängas men har inget slutdatum att räkna förlängningen "
            "från ({why})",
        ),
        "extension-notice": Message(
            en="the {months:month's|months'} notice against extension is not shorter than the "
            "validity {validity}{note}: it would have to be given before the agreement starts",
            sv="varseltiden på {months:månad|månader} för besked om att inte förlänga är inte "
            "kortare än giltighetstiden {validity}{note}: beskedet skulle behöva lämnas innan "
            "överenskommelsen börjar gälla",
        ),
        "extension-years": Message(
            en="the agreement is tied to the mandate period but is extended by "
            "{years:year|years}, which is not a whole number of mandate periods "
            "({term:year|years})",
            sv="överenskommelsen är knuten till mandatperioden men förlängs med {years:år|år}, "
            "vilket inte är ett helt antal mandatperioder ({term:år|år})",
        ),
        "review": Message(
            en="the agreement is to be reviewed annually but is in force for less than a year "
            "({validity}){note}",
            sv="överenskommelsen ska omprövas årligen men gäller kortare än ett år "
            "({validity}){note}",
        ),
    },
    example=Example(
        bad=EXTENDABLE.replace("years = 4", "years = 2"),
        good=EXTENDABLE,
    ),
)
def terms_fit_validity(context: Context) -> Iterator[Issue]:
    """Report extension, notice and review terms that do not fit the validity period."""
    validity = context.agreement.validity
    if validity is None:
        return
    period, note = validity.period, _note(validity)
    if validity.notice_months is not None and _notice_too_long(period, validity.notice_months):
        yield Issue.at(
            "/validity/notice_months",
            "notice",
            months=validity.notice_months,
            validity=span(period),
            note=note,
        )
    extension = validity.extension
    if extension is not None:
        if validity.basis is ValidityBasis.UNTIL_FURTHER_NOTICE or period.end is None:
            why = (
                Text(en="it is in force until further notice", sv="den gäller tills vidare")
                if validity.basis is ValidityBasis.UNTIL_FURTHER_NOTICE
                else Text(en="no end date is given", sv="inget slutdatum anges")
            )
            yield Issue.at("/validity/extension", "extension-without-end", why=why)
        elif extension.notice_months is not None and _notice_too_long(
            period, extension.notice_months
        ):
            yield Issue.at(
                "/validity/extension/notice_months",
                "extension-notice",
                months=extension.notice_months,
                validity=span(period),
                note=note,
            )
        if (
            validity.basis is ValidityBasis.MANDATE_PERIOD
            and extension.years % _YEARS_PER_TERM != 0
        ):
            yield Issue.at(
                "/validity/extension/years",
                "extension-years",
                years=extension.years,
                term=_YEARS_PER_TERM,
            )
    if (
        validity.review is not None
        and period.end is not None
        and period.start + relativedelta(years=1) > period.end + ONE_DAY
    ):
        yield Issue.at("/validity/review", "review", validity=span(period), note=note)


_FIXED = """
[validity]
basis = "fixed"
period = { start = 2023-03-01, end = 2025-02-28 }
"""
"""In force between two fixed dates, two years apart."""


@rule(
    "VAL006",
    title=Text(en="Validity is longer than a day", sv="Giltighetstiden är längre än en dag"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement in force for a single day is almost always a slip: the end date "
        "was copied from the start date.",
        sv="En överenskommelse som gäller en enda dag är nästan alltid ett misstag: "
        "slutdatumet har kopierats från startdatumet.",
    ),
    source=_ALINGSAS,
    kinds=EVERY_KIND,
    name="validity-longer-than-a-day",
    messages=Message(
        en="the agreement is in force for one day only ({day}{note})",
        sv="överenskommelsen gäller bara en dag ({day}{note})",
    ),
    example=Example(
        bad=HEAD + _FIXED.replace("end = 2025-02-28", "end = 2023-03-01"),
        good=HEAD + _FIXED,
    ),
)
def longer_than_a_day(context: Context) -> Iterator[Issue]:
    """Report a validity that starts and ends on the same day."""
    validity = context.agreement.validity
    if validity is not None and validity.period.end == validity.period.start:
        yield Issue(
            "/validity/period/end",
            related=("/validity/period/start",),
            values={"day": validity.period.start, "note": _note(validity, "; ", "")},
        )


@rule(
    "VAL007",
    title=Text(
        en="Until further notice states a notice period",
        sv="Tills vidare anger en uppsägningstid",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement in force until further notice ends when a party gives notice. "
        "Without a stated notice period it is still in force and valid, but no one can tell "
        "how long after a notice it ends: a drafting remark, not a fault. Many real local "
        "agreements state none.",
        sv="En överenskommelse som gäller tills vidare upphör när en part säger upp den. "
        "Utan angiven uppsägningstid gäller den ändå, men ingen kan avgöra hur länge efter en "
        "uppsägning den upphör: en anmärkning på texten, inte en brist. Många verkliga lokala "
        "överenskommelser anger ingen.",
    ),
    source="GLOSSARY: tills vidare, uppsägningstid",
    messages=Message(
        en="the agreement is in force until further notice but states no notice period",
        sv="överenskommelsen gäller tills vidare men anger ingen uppsägningstid",
    ),
    example=Example(
        bad=HEAD + _UNTIL_FURTHER_NOTICE.replace("notice_months = 6\n", ""),
        good=HEAD + _UNTIL_FURTHER_NOTICE,
    ),
)
def until_further_notice_states_notice(context: Context) -> Iterator[Issue]:
    """Report an until-further-notice validity without a notice period."""
    validity = context.agreement.validity
    if validity is None or validity.basis is not ValidityBasis.UNTIL_FURTHER_NOTICE:
        return
    if validity.notice_months is None:
        yield Issue.at("/validity/notice_months")


_FROM_SIGNING = """
[validity]
basis = "from-signing"
# The day Barn- och ungdomsnämnden, the last party, signed.
period = { start = 2022-12-16, end = 2026-12-31 }
"""
"""In force from the day the last party signed, 2022-12-16, to a stated end."""


@rule(
    "VAL008",
    title=Text(
        en="In force from signing starts on the last assent",
        sv="Gäller från undertecknandet börjar vid det sista godkännandet",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement in force from signing (gäller från undertecknandet) starts on the "
        "day the last party signs or adopts it. A stated start after that day says it was "
        "not in force although all had agreed; a start before it says it was in force "
        "before every party had agreed, which it cannot be. A start known only to the month "
        "or year fits when the last assent falls in it. Until every party has assented "
        "there is no start to check (SIG001 reports the party).",
        sv="En överenskommelse som gäller från undertecknandet börjar gälla den dag den sista "
        "parten undertecknar eller antar den. En angiven start efter den dagen säger att den "
        "inte gällde fast alla hade godkänt den; en start före den dagen säger att den gällde "
        "innan alla parter godkänt den, vilket den inte kan. En start som bara anges med "
        "månad eller år stämmer när det sista godkännandet infaller då. Innan alla parter "
        "godkänt finns ingen start att kontrollera (SIG001 anger parten).",
    ),
    source="GLOSSARY: gäller från undertecknandet",
    messages={
        "default": Message(
            en="the agreement is in force from signing, and the last party, {party}, {did}, "
            "but the validity starts {when}{note}: it should start on {date}",
            sv="överenskommelsen gäller från undertecknandet, och den sista parten, {party}, "
            "{did}, men giltighetstiden börjar {when}{note}: den ska börja {date}",
        ),
        "early": Message(
            en="the agreement is in force from signing, but the validity starts {when}{note}, "
            "before the last party, {party}, {did}: it cannot be in force before then",
            sv="överenskommelsen gäller från undertecknandet, men giltighetstiden börjar "
            "{when}{note}, innan den sista parten, {party}, {did}: den kan inte gälla "
            "dessförinnan",
        ),
    },
    example=Example(
        bad=HEAD + _FROM_SIGNING.replace("start = 2022-12-16", "start = 2022-12-15"),
        good=HEAD + _FROM_SIGNING,
    ),
)
def from_signing_starts_on_last_assent(context: Context) -> Iterator[Issue]:
    """Report a from-signing validity whose start is not the day of the last assent."""
    agreement = context.agreement
    validity = agreement.validity
    if validity is None or validity.basis is not ValidityBasis.FROM_SIGNING:
        return
    first: dict[str, Assent] = {}
    for assent in assents_of(context):
        known = first.get(assent.body)
        if known is None or assent.date < known.date:
            first[assent.body] = assent
    parties = agreement.parties or tuple(first)
    if not parties or any(party not in first for party in parties):
        return
    last = max((first[party] for party in parties), key=lambda assent: assent.date)
    start = validity.period.start
    if start <= last.date < start_window_end(validity):
        return
    yield Issue(
        "/validity/period/start",
        related=(f"{last.path}/date",),
        template="default" if last.date < start else "early",
        values={
            "party": name_of(agreement, last.body),
            "did": assent_action(last),
            "when": start_when(validity),
            "note": _note(validity),
            "date": last.date,
        },
    )
