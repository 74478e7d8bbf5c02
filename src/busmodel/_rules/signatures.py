"""Signature rules (SIG): who signed, for which body, and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Final

from busmodel._calendar import holiday_name, is_weekend
from busmodel._catalogue import Context, Issue, rule
from busmodel._findings import Severity
from busmodel._rules._common import first_positions, name_of, repeats
from busmodel._text import Text

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (underskrifter)"
_WEEKDAYS: Final = (
    Text(en="a Monday", sv="en måndag"),
    Text(en="a Tuesday", sv="en tisdag"),
    Text(en="a Wednesday", sv="en onsdag"),
    Text(en="a Thursday", sv="en torsdag"),
    Text(en="a Friday", sv="en fredag"),
    Text(en="a Saturday", sv="en lördag"),
    Text(en="a Sunday", sv="en söndag"),
)


@rule(
    "SIG001",
    title=Text(en="Every party signs", sv="Varje part undertecknar"),
    severity=Severity.ERROR,
    rationale=Text(
        en="A party is bound by the agreement because it signs it; a party without a "
        "signature has not agreed to anything.",
        sv="En part är bunden av överenskommelsen genom att underteckna den; en part utan "
        "underskrift har inte åtagit sig något.",
    ),
    source=f"{_ALINGSAS}; GLOSSARY: part",
)
def every_party_signs(context: Context) -> Iterator[Issue]:
    """Report each party with no signature."""
    agreement = context.agreement
    signed = {signature.body for signature in agreement.signatures}
    for body_id, position in first_positions(agreement.parties).items():
        if body_id not in signed:
            name = name_of(agreement, body_id)
            yield Issue(
                f"/parties/{position}",
                Text(
                    en=f"{name} is a party but has not signed the agreement",
                    sv=f"{name} är part men har inte undertecknat överenskommelsen",
                ),
            )


@rule(
    "SIG002",
    title=Text(en="Each body signs once", sv="Varje organ undertecknar en gång"),
    severity=Severity.ERROR,
    rationale=Text(
        en="One signature binds a party; a second signature for the same body is a "
        "copying mistake that often hides a party that never signed.",
        sv="En underskrift binder en part; en andra underskrift för samma organ är ett "
        "kopieringsfel som ofta döljer en part som aldrig undertecknat.",
    ),
    source=_ALINGSAS,
)
def signs_once(context: Context) -> Iterator[Issue]:
    """Report every signature after the first for the same body."""
    agreement = context.agreement
    bodies = [signature.body for signature in agreement.signatures]
    for position, first in repeats(bodies):
        name = name_of(agreement, bodies[position])
        yield Issue(
            f"/signatures/{position}",
            Text(
                en=f"{name} has already signed the agreement",
                sv=f"{name} har redan undertecknat överenskommelsen",
            ),
            (f"/signatures/{first}",),
        )


@rule(
    "SIG003",
    title=Text(en="Every signing body is a party", sv="Varje undertecknande organ är part"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Only parties sign. A signature for a body that is not a party usually means "
        "the parties are named wrongly: the Alingsås agreement names Barn- och "
        "utbildningsnämnden as a party, but Barn- och ungdomsnämnden signs.",
        sv="Bara parter undertecknar. En underskrift för ett organ som inte är part betyder "
        "oftast att parterna är fel angivna: Alingsås överenskommelse anger Barn- och "
        "utbildningsnämnden som part, men Barn- och ungdomsnämnden undertecknar.",
    ),
    source=_ALINGSAS,
)
def signers_are_parties(context: Context) -> Iterator[Issue]:
    """Report each signature for a body that is not a party."""
    agreement = context.agreement
    parties = first_positions(agreement.parties)
    participants = set(agreement.participants)
    signed = {signature.body for signature in agreement.signatures}
    unsigned = [(body_id, i) for body_id, i in parties.items() if body_id not in signed]
    hint = Text(en="", sv="")
    if unsigned:
        names = ", ".join(name_of(agreement, body_id) for body_id, _ in unsigned)
        hint = Text(
            en=f"; parties that have not signed: {names}",
            sv=f"; parter som inte har undertecknat: {names}",
        )
    related = tuple(f"/parties/{i}" for _, i in unsigned)
    for position, signature in enumerate(agreement.signatures):
        if signature.body in parties:
            continue
        name = name_of(agreement, signature.body)
        if signature.body in participants:
            what = Text(
                en=f"{name} signs but is a participant, not a party",
                sv=f"{name} undertecknar men är deltagare, inte part",
            )
        else:
            what = Text(
                en=f"{name} signs but is not a party",
                sv=f"{name} undertecknar men är inte part",
            )
        yield Issue(
            f"/signatures/{position}/body",
            Text(en=what.en + hint.en, sv=what.sv + hint.sv),
            related,
        )


@rule(
    "SIG004",
    title=Text(
        en="Signed before the agreement starts",
        sv="Undertecknad innan överenskommelsen börjar gälla",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement cannot bind a party before that party signs it; a signature "
        "dated after the start of the validity means the agreement is in force for a "
        "while before the party has agreed to it.",
        sv="En överenskommelse kan inte binda en part innan parten undertecknat den; en "
        "underskrift daterad efter giltighetstidens början innebär att överenskommelsen "
        "gäller en tid innan parten har godkänt den.",
    ),
    source=_ALINGSAS,
)
def signed_before_start(context: Context) -> Iterator[Issue]:
    """Report each signature dated after the validity starts."""
    agreement = context.agreement
    if agreement.validity is None:
        return
    start = agreement.validity.period.start
    for position, signature in enumerate(agreement.signatures):
        if signature.date > start:
            name = name_of(agreement, signature.body)
            yield Issue(
                f"/signatures/{position}/date",
                Text(
                    en=f"{name} signed on {signature.date}, after the agreement came into "
                    f"force on {start}",
                    sv=f"{name} undertecknade {signature.date}, efter att överenskommelsen "
                    f"började gälla {start}",
                ),
                ("/validity/period/start",),
            )


@rule(
    "SIG005",
    title=Text(
        en="Signed on or after the document date",
        sv="Undertecknad på eller efter dokumentets datum",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="A text is dated when it is finished and signed afterwards; a signature dated "
        "before the document means the signed text was not the one that was dated, or a "
        "date is wrong. In the Alingsås agreement the signatures (2023-01-01) precede the "
        "document date (2023-01-04).",
        sv="En text dateras när den är färdig och undertecknas därefter; en underskrift "
        "daterad före dokumentet betyder att den undertecknade texten inte är den som "
        "daterades, eller att ett datum är fel. I Alingsås överenskommelse är underskrifterna "
        "(2023-01-01) daterade före dokumentet (2023-01-04).",
    ),
    source=_ALINGSAS,
)
def signed_after_document_date(context: Context) -> Iterator[Issue]:
    """Report each signature dated before the document date."""
    agreement = context.agreement
    dated = agreement.document_date
    if dated is None:
        return
    for position, signature in enumerate(agreement.signatures):
        if signature.date < dated:
            name = name_of(agreement, signature.body)
            yield Issue(
                f"/signatures/{position}/date",
                Text(
                    en=f"{name} signed on {signature.date}, before the document was dated "
                    f"({dated}): the text was signed before it was dated",
                    sv=f"{name} undertecknade {signature.date}, före dokumentets datum "
                    f"({dated}): texten undertecknades innan den daterades",
                ),
                ("/document_date",),
            )


def _in_sentence(name: str) -> str:
    """A Swedish holiday name as written inside a sentence: ``nyårsdagen``, ``Kristi ...``.

    Swedish writes the names of holidays in lower case, except for a proper name
    in them (Kristi himmelsfärdsdag).
    """
    if name.startswith("Kristi"):
        return name
    return name[:1].lower() + name[1:]


def _day_off(day: dt.date) -> Text | None:
    """What makes ``day`` a day off: its holiday and weekday, or a weekend day; else None."""
    weekday = _WEEKDAYS[day.weekday()]
    sv_name = holiday_name(day, "sv")
    if sv_name is not None:
        en_name = holiday_name(day, "en") or sv_name
        return Text(en=f"{en_name} ({weekday.en})", sv=f"{_in_sentence(sv_name)} ({weekday.sv})")
    if is_weekend(day):
        return weekday
    return None


@rule(
    "SIG006",
    title=Text(en="Signed on a working day", sv="Undertecknad på en arbetsdag"),
    severity=Severity.INFO,
    rationale=Text(
        en="Committee chairs rarely sign on weekends or holidays; such a date is often a "
        "placeholder (the start of the validity) rather than the day of signing. The "
        "Alingsås agreement is signed on nyårsdagen 2023, a Sunday.",
        sv="Nämndordförande undertecknar sällan på lördagar, söndagar eller helgdagar; ett "
        "sådant datum är ofta en platshållare (giltighetstidens början) snarare än dagen "
        "för undertecknandet. "
        "Alingsås överenskommelse är undertecknad på nyårsdagen 2023, en söndag.",
    ),
    source="lagen (1989:253) om allmänna helgdagar; " + _ALINGSAS,
)
def signed_on_working_day(context: Context) -> Iterator[Issue]:
    """Report each signature dated on a weekend day or a Swedish holiday."""
    agreement = context.agreement
    for position, signature in enumerate(agreement.signatures):
        day_off = _day_off(signature.date)
        if day_off is not None:
            name = name_of(agreement, signature.body)
            yield Issue(
                f"/signatures/{position}/date",
                Text(
                    en=f"{name} signed on {signature.date}, {day_off.en}, which is not a "
                    "working day",
                    sv=f"{name} undertecknade {signature.date}, {day_off.sv}, som inte är en "
                    "arbetsdag",
                ),
            )
