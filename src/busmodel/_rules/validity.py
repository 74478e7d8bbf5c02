"""Validity rules (VAL): when the agreement is in force, and on what terms it ends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from dateutil.relativedelta import relativedelta

from busmodel._agreement import ValidityBasis
from busmodel._catalogue import Context, Issue, rule
from busmodel._errors import ModelError
from busmodel._findings import Severity
from busmodel._mandate import FIRST_ELECTION, Convention, MandatePeriod, mandate_period
from busmodel._period import Period
from busmodel._rules._common import ONE_DAY, span
from busmodel._text import Text

_KOMMUNALLAGEN = "kommunallagen (2017:725) 5 kap. 9 § and 6 kap. 18 §"
_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Giltighetstid)"
_YEARS_PER_TERM: Final = 4

_BASIS: Final = {
    ValidityBasis.MANDATE_PERIOD: Text(en="the mandate period", sv="mandatperioden"),
    ValidityBasis.FIXED: Text(en="fixed dates", sv="fasta datum"),
    ValidityBasis.UNTIL_FURTHER_NOTICE: Text(en="until further notice", sv="tills vidare"),
}
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
        en="An agreement for a mandate period or between fixed dates ends on a stated day; "
        "without it the agreement silently runs on as if until further notice.",
        sv="En överenskommelse för en mandatperiod eller mellan fasta datum upphör en angiven "
        "dag; utan slutdatum löper den tyst vidare som om den gällde tills vidare.",
    ),
    source=_ALINGSAS,
)
def bounded_validity_ends(context: Context) -> Iterator[Issue]:
    """Report a fixed or mandate-period validity without an end date."""
    validity = context.agreement.validity
    if validity is None or validity.basis is ValidityBasis.UNTIL_FURTHER_NOTICE:
        return
    if validity.period.end is None:
        basis = _BASIS[validity.basis]
        yield Issue(
            "/validity/period/end",
            Text(
                en=f"the validity is tied to {basis.en} but has no end date",
                sv=f"giltighetstiden är knuten till {basis.sv} men saknar slutdatum",
            ),
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
        "(convention).",
        sv="En överenskommelse som gäller 'under mandatperioden' ska börja och sluta samma "
        "dagar som mandatperioden, räknad på det sätt som överenskommelsen anger "
        "(convention).",
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
    start_wrong = period.start != term.start
    end_wrong = period.end is not None and period.end != term.end
    if not (start_wrong or end_wrong):
        return
    path = "/validity/period"
    if not end_wrong:
        path += "/start"
    elif not start_wrong:
        path += "/end"
    expected = f"{term.start}–{term.end}"  # may run past the last date a Period takes
    yield Issue(
        path,
        Text(
            en=f"the validity {span(period)} does not match the mandate period {term}: it "
            f"should be {expected}, {counted.en}",
            sv=f"giltighetstiden {span(period)} stämmer inte med mandatperioden {term}: den "
            f"ska vara {expected}, {counted.sv}",
        ),
    )


@rule(
    "VAL004",
    title=Text(
        en="Until further notice means a notice period and no end",
        sv="Tills vidare innebär uppsägningstid och inget slutdatum",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement in force until further notice ends only when a party gives notice, "
        "so it needs a notice period and cannot also have an end date.",
        sv="En överenskommelse som gäller tills vidare upphör först när en part säger upp "
        "den; den behöver därför en uppsägningstid och kan inte samtidigt ha ett slutdatum.",
    ),
    source="GLOSSARY: tills vidare, uppsägningstid",
)
def until_further_notice_terms(context: Context) -> Iterator[Issue]:
    """Report an until-further-notice validity without notice period or with an end."""
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
        "whole mandate periods; an annual review needs a validity of at least a year.",
        sv="En förlängning räknas från ett slutdatum och kräver därför ett; uppsägning "
        "måste kunna ske efter att överenskommelsen börjat gälla; en överenskommelse knuten "
        "till mandatperioden förlängs med hela mandatperioder; en årlig omprövning kräver "
        "en giltighetstid på minst ett år.",
    ),
    source="GLOSSARY: förlängning, uppsägningstid, omprövas årligen",
)
def terms_fit_validity(context: Context) -> Iterator[Issue]:
    """Report extension, notice and review terms that do not fit the validity period."""
    validity = context.agreement.validity
    if validity is None:
        return
    period = validity.period
    if validity.notice_months is not None and _notice_too_long(period, validity.notice_months):
        months = validity.notice_months
        yield Issue(
            "/validity/notice_months",
            Text(
                en=f"the notice period of {months} months is not shorter than the validity "
                f"{span(period)}: notice would have to be given before the agreement starts",
                sv=f"uppsägningstiden på {months} månader är inte kortare än giltighetstiden "
                f"{span(period)}: uppsägning skulle behöva ske innan överenskommelsen börjar "
                "gälla",
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
                    f"the validity {span(period)}: it would have to be given before the "
                    "agreement starts",
                    sv=f"varseltiden på {months} månader för besked om att inte förlänga är inte "
                    f"kortare än giltighetstiden {span(period)}: beskedet skulle behöva lämnas "
                    "innan överenskommelsen börjar gälla",
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
                f"year ({span(period)})",
                sv=f"överenskommelsen ska omprövas årligen men gäller kortare än ett år "
                f"({span(period)})",
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
)
def longer_than_a_day(context: Context) -> Iterator[Issue]:
    """Report a validity that starts and ends on the same day."""
    validity = context.agreement.validity
    if validity is not None and validity.period.end == validity.period.start:
        day = validity.period.start
        yield Issue(
            "/validity/period/end",
            Text(
                en=f"the agreement is in force for one day only ({day})",
                sv=f"överenskommelsen gäller bara en dag ({day})",
            ),
            ("/validity/period/start",),
        )
