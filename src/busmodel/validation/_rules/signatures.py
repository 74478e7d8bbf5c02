"""Signature rules (SIG): which bodies assent, by signature or adoption, and when.

A party assents either by a signature or by a recorded adoption decision
(fastställa, anta): guidelines are adopted by each committee and nobody signs
them. The rules read both, and say which one they found.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Final, NamedTuple

from dateutil.relativedelta import relativedelta

from busmodel.model._agreement import (
    Agreement,
    DocumentState,
    Precision,
    Validity,
    ValidityBasis,
)
from busmodel.model._calendar import holiday_name, is_weekend
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, rule
from busmodel.validation._rules._common import EVERY_KIND, name_of, parties_index, repeats
from busmodel.validation._rules._examples import ADMINISTRATIONS, AGREEMENT

__all__ = [
    "Assent",
    "assent_action",
    "assented",
    "assents_in",
    "assents_of",
    "start_note",
    "start_when",
    "start_window_end",
]

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (underskrifter)"
_ADOPTION = "GLOSSARY: fastställa (riktlinjer), anta (en överenskommelse), beslut, paragraf (§)"
_WEEKDAYS: Final = (
    Text(en="a Monday", sv="en måndag"),
    Text(en="a Tuesday", sv="en tisdag"),
    Text(en="a Wednesday", sv="en onsdag"),
    Text(en="a Thursday", sv="en torsdag"),
    Text(en="a Friday", sv="en fredag"),
    Text(en="a Saturday", sv="en lördag"),
    Text(en="a Sunday", sv="en söndag"),
)
_MONTHS: Final = tuple(
    Text(en=en, sv=sv)
    for en, sv in (
        ("January", "januari"),
        ("February", "februari"),
        ("March", "mars"),
        ("April", "april"),
        ("May", "maj"),
        ("June", "juni"),
        ("July", "juli"),
        ("August", "augusti"),
        ("September", "september"),
        ("October", "oktober"),
        ("November", "november"),
        ("December", "december"),
    )
)


class Assent(NamedTuple):
    """A signature or an adoption decision, as the assent rules read it."""

    path: str
    """Where it is: ``/signatures/0`` or ``/adoptions/2``."""
    body: str
    date: dt.date
    adopted: bool
    """True for an adoption decision, False for a signature."""
    reference: str | None = None
    """The decision's paragraph or diary number, for an adoption."""


def assents_in(agreement: Agreement) -> Iterator[Assent]:
    """Every signature and then every adoption, in document order."""
    for i, signature in enumerate(agreement.signatures):
        yield Assent(f"/signatures/{i}", signature.body, signature.date, adopted=False)
    for i, adoption in enumerate(agreement.adoptions):
        yield Assent(
            f"/adoptions/{i}",
            adoption.body,
            adoption.date,
            adopted=True,
            reference=adoption.reference,
        )


def assents_of(context: Context) -> tuple[Assent, ...]:
    """:func:`assents_in` the context's agreement, worked out once for the rules that ask."""
    return context.derived(_assents)


def _assents(context: Context) -> tuple[Assent, ...]:
    return tuple(assents_in(context.agreement))


def _assenting(context: Context) -> frozenset[str]:
    """The bodies that signed or adopted the agreement."""
    return frozenset(assent.body for assent in assents_of(context))


def assent_action(assent: Assent) -> Text:
    """What a body did and when, without its name: ``signed on 2023-03-14``.

    An adoption names its decision's reference when the document gives one:
    ``adopted the agreement on 2010-11-24 (§ 112)``.
    """
    if not assent.adopted:
        return Text(en=f"signed on {assent.date}", sv=f"undertecknade {assent.date}")
    reference = "" if assent.reference is None else f" ({assent.reference})"
    return Text(
        en=f"adopted the agreement on {assent.date}{reference}",
        sv=f"antog överenskommelsen {assent.date}{reference}",
    )


def assented(agreement: Agreement, assent: Assent) -> Text:
    """Which body did what and when: ``Socialnämnden signed on 2023-03-14``.

    A signature is the body's, so the body is named, never the signatory.
    """
    name = name_of(agreement, assent.body)
    action = assent_action(assent)
    return Text(en=f"{name} {action.en}", sv=f"{name} {action.sv}")


def start_when(validity: Validity) -> Text:
    """When the validity starts, as precisely as it is known: ``on 2023-01-01``, ``in 2012``.

    >>> from busmodel import Period
    >>> start_when(Validity(ValidityBasis.FIXED, Period(dt.date(2022, 12, 1)),
    ...                     start_precision=Precision.MONTH))
    Text(en='in December 2022', sv='i december 2022')
    """
    start = validity.period.start
    if validity.start_precision is Precision.YEAR:
        return Text(en=f"in {start.year}", sv=f"{start.year}")
    if validity.start_precision is Precision.MONTH:
        month = _MONTHS[start.month - 1]
        return Text(en=f"in {month.en} {start.year}", sv=f"i {month.sv} {start.year}")
    return Text(en=f"on {start}", sv=f"{start}")


def start_note(validity: Validity) -> Text | None:
    """For a start known only to the month or year: that the earliest day is counted from.

    >>> from busmodel import Period
    >>> start_note(Validity(ValidityBasis.FIXED, Period(dt.date(2012, 1, 1)),
    ...                     start_precision=Precision.YEAR)).sv
    'bara startåret är känt; räknat från 2012-01-01'
    """
    start = validity.period.start
    if validity.start_precision is Precision.YEAR:
        return Text(
            en=f"the start is known only to the year; counted from {start}",
            sv=f"bara startåret är känt; räknat från {start}",
        )
    if validity.start_precision is Precision.MONTH:
        return Text(
            en=f"the start is known only to the month; counted from {start}",
            sv=f"bara startmånaden är känd; räknat från {start}",
        )
    return None


def start_window_end(validity: Validity) -> dt.date:
    """The first day after every day the start may be (the start is its earliest day)."""
    start = validity.period.start
    if validity.start_precision is Precision.YEAR:
        return start + relativedelta(years=1)
    if validity.start_precision is Precision.MONTH:
        return start + relativedelta(months=1)
    return start + dt.timedelta(days=1)


@rule(
    "SIG001",
    title=Text(
        en="Every party signs or adopts the agreement",
        sv="Varje part undertecknar eller antar överenskommelsen",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="A party is bound by the agreement because it assents to it: by a signature, or "
        "by a recorded decision that adopts it (guidelines are adopted by each committee and "
        "nobody signs them). A party that has done neither has not agreed to anything. A "
        "draft (state = 'draft') is yet to be signed or adopted: on a draft, a party that "
        "has not assented is information, not an error.",
        sv="En part är bunden av överenskommelsen genom att godkänna den: genom underskrift "
        "eller genom ett protokollfört beslut att anta den (riktlinjer fastställs av varje "
        "nämnd och undertecknas inte). En part som inte har gjort något av detta har inte "
        "åtagit sig något. Ett utkast (state = 'draft') ska ännu undertecknas eller antas: "
        "i ett utkast är en part som inte har godkänt det en upplysning, inte ett fel.",
    ),
    source=f"{_ALINGSAS}; {_ADOPTION}; GLOSSARY: part",
    kinds=EVERY_KIND,
    messages={
        "default": Message(
            en="{body} is a party but has neither signed nor adopted the agreement",
            sv="{body} är part men har varken undertecknat eller antagit överenskommelsen",
        ),
        "draft": Message(
            en="{body} is a party and has not yet signed or adopted this draft",
            sv="{body} är part och har ännu inte undertecknat eller antagit detta utkast",
        ),
    },
    example=Example(
        bad=AGREEMENT.replace('    { body = "bun", date = 2022-12-16 },\n', ""),
        good=AGREEMENT,
    ),
)
def every_party_assents(context: Context) -> Iterator[Issue]:
    """Report each party with neither a signature nor an adoption (on a draft, as info)."""
    agreement = context.agreement
    draft = agreement.state is DocumentState.DRAFT
    assented_bodies = context.derived(_assenting)
    for body_id, position in parties_index(context).items():
        if body_id not in assented_bodies:
            yield Issue(
                f"/parties/{position}",
                values={"body": name_of(agreement, body_id)},
                template="draft" if draft else "default",
                severity=Severity.INFO if draft else None,
            )


@rule(
    "SIG002",
    title=Text(en="Each body assents once", sv="Varje organ godkänner en gång"),
    severity=Severity.ERROR,
    rationale=Text(
        en="One signature or one adoption decision binds a party; a second one for the same "
        "body, or both a signature and a decision, is a copying mistake that often hides a "
        "party that never assented.",
        sv="En underskrift eller ett beslut att anta binder en part; ännu en för samma organ, "
        "eller både underskrift och beslut, är ett kopieringsfel som ofta döljer en part som "
        "aldrig godkänt överenskommelsen.",
    ),
    source=f"{_ALINGSAS}; {_ADOPTION}",
    kinds=EVERY_KIND,
    name="one-assent-per-body",
    messages={
        "signed-again": Message(
            en="{body} has already signed the agreement",
            sv="{body} har redan undertecknat överenskommelsen",
        ),
        "adopted-again": Message(
            en="{body} has already adopted the agreement",
            sv="{body} har redan antagit överenskommelsen",
        ),
        "signed-and-adopted": Message(
            en="{body} has both signed and adopted the agreement; a body assents once, "
            "by a signature or by a decision",
            sv="{body} har både undertecknat och antagit överenskommelsen; ett organ "
            "godkänner den en gång, genom underskrift eller genom beslut",
        ),
    },
    example=Example(
        bad=AGREEMENT.replace(
            '{ body = "bun", date = 2022-12-16', '{ body = "sn", date = 2022-12-16'
        ),
        good=AGREEMENT,
    ),
)
def assents_once(context: Context) -> Iterator[Issue]:
    """Report every signature or adoption after the first for the same body."""
    agreement = context.agreement
    assents = assents_of(context)
    for position, first in repeats([assent.body for assent in assents]):
        again, before = assents[position], assents[first]
        if again.adopted != before.adopted:
            template = "signed-and-adopted"
        else:
            template = "adopted-again" if again.adopted else "signed-again"
        yield Issue(
            again.path,
            related=(before.path,),
            values={"body": name_of(agreement, again.body)},
            template=template,
        )


_SIGNS: Final = Text(en="signs", sv="undertecknar")
_ADOPTS: Final = Text(en="adopts the agreement", sv="antar överenskommelsen")


@rule(
    "SIG003",
    title=Text(
        en="Every body that signs or adopts is a party",
        sv="Varje organ som undertecknar eller antar är part",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="Only parties assent. A signature or adoption for a body that is not a party "
        "usually means the parties are named wrongly: the Alingsås agreement names Barn- och "
        "utbildningsnämnden as a party, but Barn- och ungdomsnämnden signs.",
        sv="Bara parter godkänner överenskommelsen. En underskrift eller ett beslut att anta "
        "för ett organ som inte är part betyder oftast att parterna är fel angivna: Alingsås "
        "överenskommelse anger Barn- och utbildningsnämnden som part, men Barn- och "
        "ungdomsnämnden undertecknar.",
    ),
    source=_ALINGSAS,
    kinds=EVERY_KIND,
    messages={
        "default": Message(
            en="{body} {does} but is not a party",
            sv="{body} {does} men är inte part",
        ),
        "participant": Message(
            en="{body} {does} but is a participant, not a party",
            sv="{body} {does} men är deltagare, inte part",
        ),
        "default-silent-parties": Message(
            en="{body} {does} but is not a party; "
            "parties that have neither signed nor adopted it: {parties:and}",
            sv="{body} {does} men är inte part; "
            "parter som varken har undertecknat eller antagit den: {parties:and}",
        ),
        "participant-silent-parties": Message(
            en="{body} {does} but is a participant, not a party; "
            "parties that have neither signed nor adopted it: {parties:and}",
            sv="{body} {does} men är deltagare, inte part; "
            "parter som varken har undertecknat eller antagit den: {parties:and}",
        ),
    },
    example=Example(
        bad=ADMINISTRATIONS.replace(
            '{ body = "bun", date = 2022-12-16', '{ body = "uf", date = 2022-12-16'
        ),
        good=ADMINISTRATIONS,
    ),
)
def assenting_bodies_are_parties(context: Context) -> Iterator[Issue]:
    """Report each signature or adoption for a body that is not a party.

    The message names the parties that have not assented, if any: most often one of
    them is the body that was meant.
    """
    agreement = context.agreement
    parties = parties_index(context)
    assents = assents_of(context)
    if all(assent.body in parties for assent in assents):
        return  # every body that assents is a party: the common case
    participants = set(agreement.participants)
    assented_bodies = context.derived(_assenting)
    silent = [(body_id, i) for body_id, i in parties.items() if body_id not in assented_bodies]
    silent_names = [name_of(agreement, body_id) for body_id, _ in silent]
    related = tuple(f"/parties/{i}" for _, i in silent)
    for assent in assents:
        if assent.body in parties:
            continue
        template = "participant" if assent.body in participants else "default"
        if silent:
            template += "-silent-parties"
        yield Issue(
            f"{assent.path}/body",
            related=related,
            values={
                "body": name_of(agreement, assent.body),
                "does": _ADOPTS if assent.adopted else _SIGNS,
                "parties": silent_names,
            },
            template=template,
        )


@rule(
    "SIG004",
    title=Text(
        en="Assent before the agreement starts",
        sv="Godkänd innan överenskommelsen börjar gälla",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement cannot bind a party before that party assents to it; a signature or "
        "adoption dated after the start of the validity means the agreement is in force for "
        "a while before the party agreed to it (retroactive assent). A start known only to "
        "the month or year is counted from its earliest day. An agreement in force from "
        "signing starts with the last assent; VAL008 checks that instead.",
        sv="En överenskommelse kan inte binda en part innan parten godkänt den; en "
        "underskrift eller ett beslut daterat efter giltighetstidens början innebär att "
        "överenskommelsen gäller en tid innan parten godkänt den (godkännande i efterhand). "
        "En start som bara anges med månad eller år räknas från den tidigaste dagen. En "
        "överenskommelse som gäller från undertecknandet börjar med det sista godkännandet; "
        "det kontrollerar VAL008 i stället.",
    ),
    source=_ALINGSAS,
    kinds=EVERY_KIND,
    name="assent-before-start",
    messages={
        "signed": Message(
            en="{body} {did}, after the agreement came into force {when}",
            sv="{body} {did}, efter att överenskommelsen började gälla {when}",
        ),
        "adopted": Message(
            en="{body} {did}, after it came into force {when}",
            sv="{body} {did}, efter att den började gälla {when}",
        ),
        "signed-approximate-start": Message(
            en="{body} {did}, after the agreement came into force {when} ({note})",
            sv="{body} {did}, efter att överenskommelsen började gälla {when} ({note})",
        ),
        "adopted-approximate-start": Message(
            en="{body} {did}, after it came into force {when} ({note})",
            sv="{body} {did}, efter att den började gälla {when} ({note})",
        ),
    },
    example=Example(
        bad=AGREEMENT.replace("date = 2022-12-16", "date = 2023-01-10"), good=AGREEMENT
    ),
)
def assented_before_start(context: Context) -> Iterator[Issue]:
    """Report each signature or adoption dated after the validity starts."""
    agreement = context.agreement
    validity = agreement.validity
    if validity is None or validity.basis is ValidityBasis.FROM_SIGNING:
        return
    start = validity.period.start
    late = [assent for assent in assents_of(context) if assent.date > start]
    if not late:
        return
    when, note = start_when(validity), start_note(validity)
    for assent in late:
        template = "adopted" if assent.adopted else "signed"
        if note is not None:
            template += "-approximate-start"
        yield Issue(
            f"{assent.path}/date",
            related=("/validity/period/start",),
            values={
                "body": name_of(agreement, assent.body),
                "did": assent_action(assent),
                "when": when,
                "note": note,
            },
            template=template,
        )


@rule(
    "SIG005",
    title=Text(
        en="Assent on or after the document date",
        sv="Godkänd på eller efter dokumentets datum",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="A text is dated when it is finished and signed or adopted afterwards; an assent "
        "dated before the document means the text assented to was not the one that was "
        "dated, or a date is wrong. In the Alingsås agreement the signatures (2023-01-01) "
        "precede the document date (2023-01-04).",
        sv="En text dateras när den är färdig och undertecknas eller antas därefter; ett "
        "godkännande daterat före dokumentet betyder att den godkända texten inte är den som "
        "daterades, eller att ett datum är fel. I Alingsås överenskommelse är underskrifterna "
        "(2023-01-01) daterade före dokumentet (2023-01-04).",
    ),
    source=_ALINGSAS,
    kinds=EVERY_KIND,
    name="assent-not-before-document-date",
    messages={
        "signed": Message(
            en="{body} {did}, before the document was dated ({dated}): "
            "the text was signed before it was dated",
            sv="{body} {did}, före dokumentets datum ({dated}): "
            "texten undertecknades innan den daterades",
        ),
        "adopted": Message(
            en="{body} {did}, before the document was dated ({dated}): "
            "the text was adopted before it was dated",
            sv="{body} {did}, före dokumentets datum ({dated}): texten antogs innan den daterades",
        ),
    },
    example=Example(
        bad=AGREEMENT.replace("date = 2022-12-15", "date = 2022-12-12"), good=AGREEMENT
    ),
)
def assented_after_document_date(context: Context) -> Iterator[Issue]:
    """Report each signature or adoption dated before the document date."""
    agreement = context.agreement
    dated = agreement.document_date
    if dated is None:
        return
    for assent in assents_of(context):
        if assent.date >= dated:
            continue
        yield Issue(
            f"{assent.path}/date",
            related=("/document_date",),
            values={
                "body": name_of(agreement, assent.body),
                "did": assent_action(assent),
                "dated": dated,
            },
            template="adopted" if assent.adopted else "signed",
        )


def _in_sentence(name: str) -> str:
    """A Swedish holiday name as written inside a sentence: ``nyårsdagen``, ``Kristi ...``.

    Swedish writes the names of holidays in lower case, except for a proper name
    in them (Kristi himmelsfärdsdag).
    """
    if name.startswith("Kristi"):
        return name
    return name[:1].lower() + name[1:]


@functools.lru_cache(maxsize=1024)
def _holiday(day: dt.date) -> Text | None:
    """The Swedish public or de facto holiday on ``day``, named in each language, or None.

    Kept for the days asked about again: documents are signed on few days.
    """
    sv_name = holiday_name(day, "sv")
    if sv_name is None:
        return None
    return Text(en=holiday_name(day, "en") or sv_name, sv=_in_sentence(sv_name))


@rule(
    "SIG006",
    title=Text(en="Signed on a working day", sv="Undertecknad på en arbetsdag"),
    severity=Severity.INFO,
    rationale=Text(
        en="Those who sign for a body rarely sign on weekends or holidays; such a date is "
        "often a placeholder (the start of the validity) rather than the day of signing. The "
        "Alingsås agreement is signed on nyårsdagen 2023, a Sunday. An adoption is a "
        "decision at a meeting, whose day is in the minutes, so only signatures are checked.",
        sv="Den som undertecknar för ett organ gör det sällan på lördagar, söndagar eller "
        "helgdagar; ett sådant datum är ofta en platshållare (giltighetstidens början) "
        "snarare än dagen för undertecknandet. "
        "Alingsås överenskommelse är undertecknad på nyårsdagen 2023, en söndag. Ett beslut "
        "att anta fattas vid ett sammanträde vars dag står i protokollet, så bara "
        "underskrifter kontrolleras.",
    ),
    source="lagen (1989:253) om allmänna helgdagar; " + _ALINGSAS,
    kinds=EVERY_KIND,
    messages={
        "default": Message(
            en="{body} signed on {date}, {weekday}, which is not a working day",
            sv="{body} undertecknade {date}, {weekday}, som inte är en arbetsdag",
        ),
        "holiday": Message(
            en="{body} signed on {date}, {holiday} ({weekday}), which is not a working day",
            sv="{body} undertecknade {date}, {holiday} ({weekday}), som inte är en arbetsdag",
        ),
    },
    example=Example(
        bad=AGREEMENT.replace("date = 2022-12-16", "date = 2022-12-17"), good=AGREEMENT
    ),
)
def signed_on_working_day(context: Context) -> Iterator[Issue]:
    """Report each signature dated on a weekend day or a Swedish holiday."""
    agreement = context.agreement
    for position, signature in enumerate(agreement.signatures):
        day = signature.date
        holiday = _holiday(day)
        if holiday is None and not is_weekend(day):
            continue
        yield Issue.at(
            f"/signatures/{position}/date",
            "default" if holiday is None else "holiday",
            body=name_of(agreement, signature.body),
            date=day,
            weekday=_WEEKDAYS[day.weekday()],
            holiday=holiday,
        )
