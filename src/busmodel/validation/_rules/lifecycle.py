"""Lifecycle rules (LIF): where the agreement stands in its validity on a given day.

Every rule here needs ``today``; an agreement without a validity yields nothing
(VAL001 reports the missing validity).

Days are counted as calendar days from ``today`` to the date in question, so
the end day itself is not counted: an agreement that ends on 2026-12-31 has 39
days left on 2026-11-22 and 0 on 2026-12-31, its last day in force ("expires
today"). LIF003 warns when those days left are at most
``Options.renewal_horizon_days`` (90 by default).

Given a registry, the rules look at what follows the agreement: its end is the
end of its effective validity, prolonged through its extension documents
(:func:`busmodel.model.prolonged`). An agreement past that end is continued
by an extension that starts after a gap, or by an agreement that supersedes it:
once the continuation has started (at once, when there is no gap), the
agreement has not lapsed but been taken over, which LIF005 tells, and LIF002
reports only an agreement that nothing continues today. LIF003 is silent once
an extension or successor exists. Without a registry they judge the agreement's
own validity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from busmodel.model._agreement import Agreement, AgreementKind
from busmodel.model._lifetime import prolonged
from busmodel.model._period import Period
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, Need, Snippet, rule
from busmodel.validation._rules._common import ONE_DAY, elapsed
from busmodel.validation._rules._examples import (
    AGREEMENT,
    EXTENDABLE,
    EXTENSION,
    PREDECESSOR,
    SUCCESSOR,
)
from busmodel.validation._rules.supersession import document_name

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Giltighetstid)"


def _effective(context: Context) -> tuple[Period, tuple[Agreement, ...]] | None:
    """The agreement's validity prolonged through its extensions in the registry, if any."""
    agreement, registry = context.agreement, context.registry
    if agreement.validity is None:
        return None
    if registry is None:
        return agreement.validity.period, ()
    return prolonged(agreement.validity.period, registry.extensions_of(agreement.id))


def _continuation(context: Context, end: dt.date) -> tuple[Agreement, Period] | None:
    """What takes over after ``end``: the extension (after a gap) or successor starting first."""
    agreement, registry = context.agreement, context.registry
    if registry is None:
        return None
    found: list[tuple[Agreement, Period]] = []
    for extension in registry.extensions_of(agreement.id):
        if not extension.final:
            continue  # a draft continues nothing
        if extension.validity is not None and extension.validity.period.start > end:
            found.append((extension, extension.validity.period))
    for successor in registry.successors_of(agreement.id):
        if successor.id != agreement.id and successor.final and successor.validity is not None:
            found.append((successor, successor.validity.period))
    return min(found, key=lambda candidate: candidate[1].start, default=None)


def _continuation_kind(document: Agreement) -> str:
    """How a continuing document is told in a template name: ``extension`` or ``successor``."""
    return "extension" if document.kind is AgreementKind.EXTENSION else "successor"


def _joined(*parts: Message) -> Message:
    """One message made of ``parts`` in order, in each language."""
    return Message(en="".join(p.en for p in parts), sv="".join(p.sv for p in parts))


def _followed_by(context: Context) -> bool:
    """Whether an extension beyond the effective end, or a successor, already exists."""
    agreement, registry, effective = context.agreement, context.registry, _effective(context)
    if registry is None or effective is None:
        return False
    end = effective[0].end
    # Only what is signed or adopted renews: a draft successor is work still to do.
    successors = registry.successors_of(agreement.id)
    if any(other.id != agreement.id and other.final for other in successors):
        return True
    return end is not None and any(
        extension.final and (extension.validity is None or extension.validity.period.start > end)
        for extension in registry.extensions_of(agreement.id)
    )


@rule(
    "LIF001",
    title=Text(en="In force", sv="Har börjat gälla"),
    severity=Severity.INFO,
    rationale=Text(
        en="An agreement whose validity has not started yet does not bind anyone yet; "
        "its predecessor still applies.",
        sv="En överenskommelse vars giltighetstid inte har börjat binder ännu ingen; "
        "den tidigare överenskommelsen gäller fortfarande.",
    ),
    source=_ALINGSAS,
    needs=(Need.TODAY,),
    name="already-in-force",
    messages=Message(
        en="the agreement is not yet in force: it comes into force on {start}, in {wait}",
        sv="överenskommelsen gäller inte ännu: den börjar gälla {start}, om {wait}",
    ),
    example=Example(
        bad=Snippet(AGREEMENT, today=dt.date(2022, 12, 20)),
        good=Snippet(AGREEMENT, today=dt.date(2023, 3, 1)),
    ),
)
def not_yet_in_force(context: Context) -> Iterator[Issue]:
    """Report an agreement whose validity starts after today (a draft is not in force at all)."""
    validity, today = context.agreement.validity, context.today
    if not context.agreement.final:
        return
    if validity is None or today is None or validity.period.start <= today:
        return
    start = validity.period.start
    yield Issue.at("/validity/period/start", start=start, wait=elapsed(today, start))


_EXPIRED = Message(
    en="the agreement has expired: it was in force until {end} ({ago} ago)",
    sv="överenskommelsen har gått ut: den gällde till och med {end} (för {ago} sedan)",
)
_TO_LAST_EXTENSION = Message(
    en=", the end of its last extension {last}",
    sv=", slutet på dess senaste förlängning {last}",
)
_NOT_YET_CONTINUED = {
    "extension": Message(
        en="; the extension {following}, which continues it, comes into force only on {start}",
        sv="; förlängningen {following}, som tar vid efter den, börjar gälla först {start}",
    ),
    "successor": Message(
        en="; {following}, which continues it, comes into force only on {start}",
        sv="; {following}, som tar vid efter den, börjar gälla först {start}",
    ),
}


def _expired_messages() -> Mapping[str, Message]:
    """LIF002's templates, one for each way an agreement has expired.

    ``extended``: at the end of its last extension; ``extension-later`` and
    ``successor-later``: with a continuation that has not started yet; and both.
    """
    messages = {"default": _EXPIRED, "extended": _joined(_EXPIRED, _TO_LAST_EXTENSION)}
    for kind, later in _NOT_YET_CONTINUED.items():
        messages[f"{kind}-later"] = _joined(_EXPIRED, later)
        messages[f"extended-{kind}-later"] = _joined(_EXPIRED, _TO_LAST_EXTENSION, later)
    return messages


@rule(
    "LIF002",
    title=Text(en="Not expired", sv="Inte utgången"),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement whose validity has ended no longer binds the parties; the "
        "collaboration needs a new agreement. Its validity runs on through its extension "
        "documents, and one that an extension or successor in the registry has taken over "
        "has not lapsed (LIF005).",
        sv="En överenskommelse vars giltighetstid har löpt ut binder inte längre parterna; "
        "samverkan behöver en ny överenskommelse. Giltighetstiden löper vidare genom "
        "förlängningarna, och en överenskommelse som en förlängning eller efterföljare i "
        "registret har tagit över efter har inte upphört (LIF005).",
    ),
    source=_ALINGSAS,
    needs=(Need.TODAY,),
    name="not-expired",
    messages=_expired_messages(),
    example=Example(
        bad=Snippet(AGREEMENT, today=dt.date(2027, 2, 1)),
        good=Snippet(AGREEMENT, today=dt.date(2025, 6, 1)),
    ),
)
def expired(context: Context) -> Iterator[Issue]:
    """Report an agreement whose validity ended before today, and that nothing continues."""
    if not context.agreement.final:
        return  # a draft was never in force, so it cannot expire
    effective, today = _effective(context), context.today
    if effective is None or today is None or effective[0].end is None:
        return
    end, followed = effective[0].end, effective[1]
    if end >= today:
        return
    continuation = _continuation(context, end)
    if continuation is not None and continuation[1].start <= today:
        return  # LIF005: continued
    values: dict[str, object] = {"end": end, "ago": elapsed(end, today)}
    template = []
    if followed:
        template.append("extended")
        values["last"] = document_name(followed[-1])
    if continuation is not None:
        template += [_continuation_kind(continuation[0]), "later"]
        values["following"] = document_name(continuation[0])
        values["start"] = continuation[1].start
    yield Issue("/validity/period/end", values=values, template="-".join(template) or "default")


@rule(
    "LIF003",
    title=Text(en="Renewal due", sv="Dags att förnya"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement that expires soon must be renewed or replaced in time, or the "
        "collaboration is left without an agreement; the horizon is set by "
        "renewal_horizon_days (90 days by default). It expires at the end of its last "
        "extension, and nothing is due once an extension or successor exists.",
        sv="En överenskommelse som snart går ut måste förnyas eller ersättas i tid, annars "
        "står samverkan utan överenskommelse; framförhållningen styrs av "
        "renewal_horizon_days (90 dagar som standard). Den går ut när den senaste "
        "förlängningen går ut, och inget behöver göras när det redan finns en förlängning "
        "eller efterföljare.",
    ),
    source=_ALINGSAS,
    needs=(Need.TODAY,),
    name="renewed-in-time",
    messages={
        "default": Message(
            en="renewal due: the agreement expires in {left} and is in force until {end}",
            sv="dags att förnya: överenskommelsen går ut om {left} och gäller till och med {end}",
        ),
        "today": Message(
            en="renewal due: the agreement expires today ({end} is its last day in force)",
            sv="dags att förnya: överenskommelsen går ut i dag ({end} är sista dagen den gäller)",
        ),
        "extended": Message(
            en="renewal due: the agreement expires in {left} and is in force until {end}, "
            "as extended by {last}",
            sv="dags att förnya: överenskommelsen går ut om {left} och gäller till och med "
            "{end}, förlängd genom {last}",
        ),
        "today-extended": Message(
            en="renewal due: the agreement expires today ({end} is its last day in force), "
            "as extended by {last}",
            sv="dags att förnya: överenskommelsen går ut i dag ({end} är sista dagen den "
            "gäller), förlängd genom {last}",
        ),
    },
    example=Example(
        bad=Snippet(AGREEMENT, today=dt.date(2026, 11, 22)),
        good=Snippet(AGREEMENT, today=dt.date(2026, 6, 1)),
    ),
)
def renewal_due(context: Context) -> Iterator[Issue]:
    """Report an agreement that expires within the renewal horizon, with nothing to follow it."""
    if not context.agreement.final:
        return  # a draft is the renewal: it is to be signed, not renewed
    effective, today = _effective(context), context.today
    if effective is None or today is None or effective[0].end is None:
        return
    end, followed = effective[0].end, effective[1]
    left = (end - today).days
    if not 0 <= left <= context.options.renewal_horizon_days or _followed_by(context):
        return
    values: dict[str, object] = {"end": end, "left": elapsed(today, end)}
    template = ["today"] if left == 0 else []
    if followed:
        template.append("extended")
        values["last"] = document_name(followed[-1])
    yield Issue("/validity/period/end", values=values, template="-".join(template) or "default")


@rule(
    "LIF004",
    title=Text(en="Predecessors have ended", sv="Tidigare överenskommelser har upphört"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement replaces the ones it supersedes; once it has started, a "
        "superseded agreement still in force leaves two agreements governing the "
        "same collaboration.",
        sv="En överenskommelse ersätter de tidigare; gäller en ersatt överenskommelse "
        "fortfarande när den nya har börjat gälla, styrs samma samverkan av två "
        "överenskommelser.",
    ),
    source="Alingsås samverkansöverenskommelse 2023: Tidigare samverkansöverenskommelse "
    "ersätts av ovanstående",
    needs=(Need.TODAY, Need.REGISTRY),
    name="superseded-no-longer-in-force",
    messages=Message(
        en="the superseded agreement {name} is still in force today, although this one has "
        "been in force since {start}",
        sv="den ersatta överenskommelsen {name} gäller fortfarande i dag, trots att denna har "
        "gällt sedan {start}",
    ),
    example=Example(
        bad=Snippet(
            SUCCESSOR,
            others=(PREDECESSOR.replace("end = 2022-12-31", "end = 2024-12-31"),),
            today=dt.date(2024, 3, 1),
        ),
        good=Snippet(SUCCESSOR, others=(PREDECESSOR,), today=dt.date(2024, 3, 1)),
    ),
)
def predecessors_ended(context: Context) -> Iterator[Issue]:
    """Report a superseded agreement still in force after this one has started."""
    agreement, registry, today = context.agreement, context.registry, context.today
    if registry is None or today is None or agreement.validity is None:
        return
    start = agreement.validity.period.start
    if start > today:
        return
    for i, other_id in enumerate(agreement.supersedes):
        other = registry.agreement(other_id)
        period = registry.effective_validity(other_id)
        if other is None or other.id == agreement.id or period is None:
            continue
        if not period.contains(today):
            continue
        yield Issue.at(f"/supersedes/{i}", name=document_name(other, period), start=start)


@rule(
    "LIF005",
    title=Text(
        en="Continued by an extension or successor",
        sv="Fortsätter genom en förlängning eller efterföljare",
    ),
    severity=Severity.INFO,
    rationale=Text(
        en="An agreement past its own end is not lapsed when an extension document or an "
        "agreement that supersedes it has taken over; the case officer is told which one.",
        sv="En överenskommelse vars egen giltighetstid har löpt ut har inte upphört när en "
        "förlängning eller en överenskommelse som ersätter den har tagit vid; handläggaren "
        "får veta vilken.",
    ),
    source="GLOSSARY: förlängning (a separate document), ersätter tidigare överenskommelse",
    needs=(Need.TODAY, Need.REGISTRY),
    name="continued-after-own-end",
    messages={
        "default": Message(
            en="the agreement's own validity ended on {own_end}; it is continued by the "
            "extension {name}",
            sv="överenskommelsens egen giltighetstid gick ut {own_end}; den fortsätter att "
            "gälla genom förlängningen {name}",
        ),
        "extension": Message(
            en="the agreement expired on {end} and is continued by the extension {name}",
            sv="överenskommelsen gick ut {end} och fortsätter att gälla genom förlängningen {name}",
        ),
        "extension-after-gap": Message(
            en="the agreement expired on {end} and is continued, after a gap of {gap}, by the "
            "extension {name}",
            sv="överenskommelsen gick ut {end} och fortsätter, efter ett glapp på {gap}, att "
            "gälla genom förlängningen {name}",
        ),
        "successor": Message(
            en="the agreement expired on {end} and is continued by {name}",
            sv="överenskommelsen gick ut {end} och har ersatts av {name}",
        ),
        "successor-after-gap": Message(
            en="the agreement expired on {end} and is continued, after a gap of {gap}, by {name}",
            sv="överenskommelsen gick ut {end} och har, efter ett glapp på {gap}, ersatts av "
            "{name}",
        ),
    },
    example=Example(
        bad=Snippet(EXTENDABLE, others=(EXTENSION,), today=dt.date(2027, 6, 1)),
        good=Snippet(EXTENDABLE, others=(EXTENSION,), today=dt.date(2026, 6, 1)),
    ),
)
def continued(context: Context) -> Iterator[Issue]:
    """Tell which extension or successor continues an agreement whose own end has passed."""
    agreement, effective, today = context.agreement, _effective(context), context.today
    if not agreement.final:
        return
    if agreement.validity is None or effective is None or today is None:
        return
    own_end, (period, followed) = agreement.validity.period.end, effective
    if own_end is None or own_end >= today:
        return
    if period.end is None or period.end >= today:
        current = next(
            (e for e in followed if e.validity is not None and e.validity.period.contains(today)),
            followed[-1],
        )
        yield Issue.at("/validity/period/end", own_end=own_end, name=document_name(current))
        return
    continuation = _continuation(context, period.end)
    if continuation is None or continuation[1].start > today:
        return  # LIF002: expired
    document, start = continuation[0], continuation[1].start
    template = _continuation_kind(document)
    values: dict[str, object] = {"end": period.end, "name": document_name(document)}
    if (start - period.end).days > 1:
        template += "-after-gap"
        values["gap"] = elapsed(period.end + ONE_DAY, start)
    yield Issue("/validity/period/end", values=values, template=template)
