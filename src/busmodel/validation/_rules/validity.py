"""Validity rules (VAL): when the agreement is in force, and on what terms it ends.

A start known only to the month or year (``Validity.start_precision``) is stored as
its earliest day; a rule that needs a day counts from it and says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from dateutil.relativedelta import relativedelta

from busmodel.model._agreement import Validity, ValidityBasis
from busmodel.model._errors import ModelError
from busmodel.model._mandate import FIRST_ELECTION, Convention, MandatePeriod, mandate_period
from busmodel.model._period import Period
from busmodel.model._text import Text
from busmodel.validation._catalogue import Context, Issue, rule
from busmodel.validation._findings import Severity
from busmodel.validation._rules._common import EVERY_KIND, ONE_DAY, name_of, span
from busmodel.validation._rules.signatures import (
    Assent,
    assent_action,
    assents_in,
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


def _following(term: MandatePeriod) -> tuple[MandatePeriod, ...]:
    """The term after ``term``; none after the last election busmodel knows."""
    try:
        return (term.next(),)
    except ModelError:
        return ()


def _expected_term(period: Period, convention: Convention) -> MandatePeriod | None:
    """The mandate period the validity is most likely meant to be: the one it overlaps most."""
    candidates: list[MandatePeriod] = []
    for day in (period.start, period.end):
        if day is None:
            continue
        try:
            found = mandate_period(day, convention)
        except ModelError:
            continue
        for term in (found, *_following(found)):
            if term not in candidates:
                candidates.append(term)
    if not candidates:
        return None

    def overlap(term: MandatePeriod) -> int:
        end = term.end if period.end is None else min(term.end, period.end)
        return (end - max(term.start, period.start)).days

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
)
def validity_stated(context: Context) -> Iterator[Issue]:
    """Report an agreement or framework that states no validity."""
    if context.agreement.validity is None:
        yield Issue(
            "/validity",
            Text(
                en="the agreement does not say when it is in force (no validity)",
                sv="överenskommelsen anger inte när den gäller (giltighetstid saknas)",
            ),
        )


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
)
def bounded_validity_ends(context: Context) -> Iterator[Issue]:
    """Report a fixed, mandate-period or from-signing validity without an end date."""
    validity = context.agreement.validity
    if validity is None or validity.period.end is not None:
        return
    bounded = _BOUNDED.get(validity.basis)
    if bounded is not None:
        yield Issue(
            "/validity/period/end",
            Text(en=f"{bounded.en} but has no end date", sv=f"{bounded.sv} men saknar slutdatum"),
        )


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
)
def matches_mandate_period(context: Context) -> Iterator[Issue]:
    """Report a mandate-period validity whose dates are not a mandate period's bounds."""
    validity = context.agreement.validity
    if validity is None or validity.basis is not ValidityBasis.MANDATE_PERIOD:
        return
    period, convention = validity.period, validity.convention
    counted = _CONVENTION[convention]
    term = _expected_term(period, convention)
    if term is None:
        first = MandatePeriod(FIRST_ELECTION, convention)
        yield Issue(
            "/validity/period/start",
            Text(
                en=f"the validity starts on {period.start}, before the first mandate period "
                f"busmodel knows ({first.start}–{first.end})",
                sv=f"giltighetstiden börjar {period.start}, före den första mandatperiod "
                f"som busmodel känner till ({first.start}–{first.end})",
            ),
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
    expected = f"{term.start} – {term.end}"  # may run past the last date a Period takes
    note = _note(validity) if start_wrong else Text(en="", sv="")
    yield Issue(
        path,
        Text(
            en=f"the validity {span(period).en}{note.en} does not match the mandate period "
            f"{term}: it should be {expected}, {counted.en}",
            sv=f"giltighetstiden {span(period).sv}{note.sv} stämmer inte med mandatperioden "
            f"{term}: den ska vara {expected}, {counted.sv}",
        ),
    )


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
)
def until_further_notice_has_no_end(context: Context) -> Iterator[Issue]:
    """Report an until-further-notice validity with an end date."""
    validity = context.agreement.validity
    if validity is None or validity.basis is not ValidityBasis.UNTIL_FURTHER_NOTICE:
        return
    if validity.period.end is not None:
        yield Issue(
            "/validity/period/end",
            Text(
                en="the agreement is in force until further notice but also gives an end "
                f"date, {validity.period.end}",
                sv="överenskommelsen gäller tills vidare men anger också ett slutdatum, "
                f"{validity.period.end}",
            ),
        )


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
)
def terms_fit_validity(context: Context) -> Iterator[Issue]:
    """Report extension, notice and review terms that do not fit the validity period."""
    validity = context.agreement.validity
    if validity is None:
        return
    period, note = validity.period, _note(validity)
    if validity.notice_months is not None and _notice_too_long(period, validity.notice_months):
        months = validity.notice_months
        yield Issue(
            "/validity/notice_months",
            Text(
                en=f"the notice period of {months} months is not shorter than the validity "
                f"{span(period).en}{note.en}: notice would have to be given before the agreement "
                "starts",
                sv=f"uppsägningstiden på {months} månader är inte kortare än giltighetstiden "
                f"{span(period).sv}{note.sv}: uppsägning skulle behöva ske innan överenskommelsen "
                "börjar gälla",
            ),
        )
    extension = validity.extension
    if extension is not None:
        if validity.basis is ValidityBasis.UNTIL_FURTHER_NOTICE or period.end is None:
            why = (
                Text(en="it is in force until further notice", sv="den gäller tills vidare")
                if validity.basis is ValidityBasis.UNTIL_FURTHER_NOTICE
                else Text(en="no end date is given", sv="inget slutdatum anges")
            )
            yield Issue(
                "/validity/extension",
                Text(
                    en="the agreement may be extended but has no end date to count the "
                    f"extension from ({why.en})",
                    sv="överenskommelsen får förlängas men har inget slutdatum att räkna "
                    f"förlängningen från ({why.sv})",
                ),
            )
        elif extension.notice_months is not None and _notice_too_long(
            period, extension.notice_months
        ):
            months = extension.notice_months
            yield Issue(
                "/validity/extension/notice_months",
                Text(
                    en=f"the {months} months' notice against extension is not shorter than "
                    f"the validity {span(period).en}{note.en}: it would have to be given before "
                    "the agreement starts",
                    sv=f"varseltiden på {months} månader för besked om att inte förlänga är inte "
                    f"kortare än giltighetstiden {span(period).sv}{note.sv}: beskedet skulle "
                    "behöva lämnas innan överenskommelsen börjar gälla",
                ),
            )
        if (
            validity.basis is ValidityBasis.MANDATE_PERIOD
            and extension.years % _YEARS_PER_TERM != 0
        ):
            years = extension.years
            yield Issue(
                "/validity/extension/years",
                Text(
                    en=f"the agreement is tied to the mandate period but is extended by {years} "
                    f"years, which is not a whole number of mandate periods ({_YEARS_PER_TERM} "
                    "years)",
                    sv=f"överenskommelsen är knuten till mandatperioden men förlängs med {years} "
                    f"år, vilket inte är ett helt antal mandatperioder ({_YEARS_PER_TERM} år)",
                ),
            )
    if (
        validity.review is not None
        and period.end is not None
        and period.start + relativedelta(years=1) > period.end + ONE_DAY
    ):
        yield Issue(
            "/validity/review",
            Text(
                en=f"the agreement is to be reviewed annually but is in force for less than a "
                f"year ({span(period).en}){note.en}",
                sv=f"överenskommelsen ska omprövas årligen men gäller kortare än ett år "
                f"({span(period).sv}){note.sv}",
            ),
        )


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
)
def longer_than_a_day(context: Context) -> Iterator[Issue]:
    """Report a validity that starts and ends on the same day."""
    validity = context.agreement.validity
    if validity is not None and validity.period.end == validity.period.start:
        day, note = validity.period.start, _note(validity, "; ", "")
        yield Issue(
            "/validity/period/end",
            Text(
                en=f"the agreement is in force for one day only ({day}{note.en})",
                sv=f"överenskommelsen gäller bara en dag ({day}{note.sv})",
            ),
            ("/validity/period/start",),
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
)
def until_further_notice_states_notice(context: Context) -> Iterator[Issue]:
    """Report an until-further-notice validity without a notice period."""
    validity = context.agreement.validity
    if validity is None or validity.basis is not ValidityBasis.UNTIL_FURTHER_NOTICE:
        return
    if validity.notice_months is None:
        yield Issue(
            "/validity/notice_months",
            Text(
                en="the agreement is in force until further notice but states no notice period",
                sv="överenskommelsen gäller tills vidare men anger ingen uppsägningstid",
            ),
        )


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
)
def from_signing_starts_on_last_assent(context: Context) -> Iterator[Issue]:
    """Report a from-signing validity whose start is not the day of the last assent."""
    agreement = context.agreement
    validity = agreement.validity
    if validity is None or validity.basis is not ValidityBasis.FROM_SIGNING:
        return
    first: dict[str, Assent] = {}
    for assent in assents_in(agreement):
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
    name, did = name_of(agreement, last.body), assent_action(last)
    when, note = start_when(validity), _note(validity)
    if last.date < start:
        message = Text(
            en=f"the agreement is in force from signing, and the last party, {name}, {did.en}, "
            f"but the validity starts {when.en}{note.en}: it should start on {last.date}",
            sv=f"överenskommelsen gäller från undertecknandet, och den sista parten, {name}, "
            f"{did.sv}, men giltighetstiden börjar {when.sv}{note.sv}: den ska börja "
            f"{last.date}",
        )
    else:
        message = Text(
            en=f"the agreement is in force from signing, but the validity starts {when.en}"
            f"{note.en}, before the last party, {name}, {did.en}: it cannot be in force before "
            "then",
            sv=f"överenskommelsen gäller från undertecknandet, men giltighetstiden börjar "
            f"{when.sv}{note.sv}, innan den sista parten, {name}, {did.sv}: den kan inte gälla "
            "dessförinnan",
        )
    yield Issue("/validity/period/start", message, (f"{last.path}/date",))
