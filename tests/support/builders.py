"""Agreements and records built in code, shared by the test modules.

``make_agreement``/``make_records`` build a full example to vary field by field;
``clean_agreement`` is a clean agreement that the rule tests bend one fault at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Final

import attrs

import busmodel as bm
from busmodel import (
    Agreement,
    AgreementKind,
    Assignment,
    AssignmentStatus,
    Body,
    BodyKind,
    Cadence,
    ChairRule,
    ChairTerm,
    Decision,
    Evaluation,
    Exemption,
    Extension,
    FollowUp,
    Forum,
    ForumLevel,
    Frequency,
    Meeting,
    MeetingKind,
    Member,
    Municipality,
    Period,
    Person,
    Records,
    Review,
    Signature,
    Validity,
    ValidityBasis,
    Window,
)

MANDATE_2023_2026: Final = bm.Period(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
"""The committee mandate period after the election of 2022-09-11."""

TODAY: Final = dt.date(2024, 3, 1)
"""The day the rule tests check on unless they say otherwise: inside the clean validity."""


def steering_group() -> Forum:
    """A steering group that meets twice a year, in spring and in autumn."""
    return Forum(
        id="styr-bus",
        name="Styrgrupp BUS",
        level=ForumLevel.STEERING,
        members=(Member("bun", "head"), Member("sn", "head"), Member("bup", "representative")),
        duties=("föreslå prioriteringar", "följa upp och utvärdera samverkan"),
        cadence=Cadence(
            meetings_per_year=2,
            windows=(
                Window("spring", (1, 6), focus="tidigare och pågående satsningar"),
                Window("autumn", (8, 12), focus="kommande års prioriteringar"),
            ),
            extra_meetings=True,
        ),
        follow_up=FollowUp(Frequency.YEARLY, "årlig utvärdering till nämnderna"),
    )


def working_group() -> Forum:
    """A working group of officials that holds one assignment."""
    return Forum(
        id="arbetsgrupp",
        name="Arbetsgrupp BUS",
        level=ForumLevel.WORKING,
        members=(Member("bun"), Member("sn"), Member("polisen", "kommunpolis")),
        assignments=(
            Assignment(
                "Planera familjecentral",
                AssignmentStatus.ONGOING,
                start=dt.date(2023, 3, 1),
                partners=("Svenska kyrkan",),
            ),
        ),
    )


def make_agreement(**changes: Any) -> Agreement:
    """A full local BUS agreement for the mandate period 2023–2026; ``changes`` replace fields."""
    agreement = Agreement(
        id="alingsas-bus-2023",
        title="Överenskommelse om samverkan kring barn och unga (BUS)",
        kind=AgreementKind.AGREEMENT,
        municipality=Municipality("Alingsås", "1489"),
        region="Västra Götalandsregionen",
        document_date=dt.date(2022, 12, 12),
        case_officer=Person("Anna Andersson", "utvecklingsledare", "anna@example.se"),
        contacts=(Person("Bo Berg", phone="0322-61 60 00"),),
        purpose="Att barn och unga ska få det stöd de behöver i rätt tid.",
        principles=("barnets bästa", "tidiga insatser"),
        framework="vgr-bus",
        supersedes=("alingsas-bus-2019",),
        decisions=(
            Decision("kf", 1999, summary="fullmäktige beslutar om BUS-samverkan"),
            Decision("bun", 2022, dt.date(2022, 12, 12), reference="BUN 2022/123"),
        ),
        bodies=(
            Body("kf", "Kommunfullmäktige", BodyKind.COUNCIL),
            Body("bun", "Barn- och ungdomsnämnden", BodyKind.COMMITTEE),
            Body("sn", "Socialnämnden", BodyKind.COMMITTEE),
            Body("vgr", "Västra Götalandsregionen", BodyKind.REGION),
            Body("bup", "Barn- och ungdomspsykiatrin", BodyKind.REGIONAL_BODY, part_of="vgr"),
            Body("polisen", "Polismyndigheten", BodyKind.STATE_AGENCY),
        ),
        parties=("bun", "sn", "bup"),
        participants=("polisen",),
        forums=(steering_group(), working_group()),
        chair=ChairRule(
            rotation=("bun", "sn", "bup"),
            terms=(
                ChairTerm("bun", Period(dt.date(2019, 1, 1), dt.date(2020, 6, 30))),
                ChairTerm(
                    "sn",
                    Period(dt.date(2020, 7, 1), dt.date(2022, 12, 31)),
                    reason="ordföranden avgick",
                ),
                ChairTerm("bup", MANDATE_2023_2026),
            ),
            mid_period_changes=True,
        ),
        validity=Validity(
            ValidityBasis.MANDATE_PERIOD,
            MANDATE_2023_2026,
            notice_months=6,
            extension=Extension(years=4, times=1, notice_months=6),
            review=Review.ANNUAL,
        ),
        signatures=(
            Signature("bun", dt.date(2023, 2, 1), "Cecilia Carlsson", "ordförande", "Alingsås"),
            Signature("sn", dt.date(2023, 2, 3), "David Dahl"),
        ),
        exemptions=(Exemption("CHR", "rotationen beslutades före avtalet", "/chair"),),
    )
    return attrs.evolve(agreement, **changes)


def make_records(**changes: Any) -> Records:
    """Records of the steering group's meetings and evaluation in 2023."""
    records = Records(
        agreement="alingsas-bus-2023",
        meetings=(
            Meeting("styr-bus", dt.date(2023, 10, 5), topics=("prioriteringar 2024",)),
            Meeting("styr-bus", dt.date(2023, 3, 9)),
            Meeting("arbetsgrupp", dt.date(2023, 4, 20), MeetingKind.EXTRA),
        ),
        evaluations=(Evaluation("styr-bus", 2023, dt.date(2024, 2, 15), "samverkan fungerar väl"),),
    )
    return attrs.evolve(records, **changes)


def check(
    agreement: bm.Agreement,
    *codes: str,
    today: dt.date | None = TODAY,
    records: bm.Records | None = None,
    others: Sequence[bm.Agreement] | None = None,
) -> bm.Report:
    """Validate ``agreement`` with only the rules that ``codes`` (codes or prefixes) select.

    ``others``, when given (even empty), makes a registry of the agreement and them.
    """
    registry = None if others is None else bm.Registry.of([agreement, *others])
    return bm.validate(
        agreement, today=today, records=records, registry=registry, select=codes or None
    )


def clean_agreement() -> bm.Agreement:
    """An agreement every built-in rule accepts (with ``today`` inside its validity)."""
    bodies = (
        bm.Body("bun", "Barn- och ungdomsnämnden", bm.BodyKind.COMMITTEE),
        bm.Body("sn", "Socialnämnden", bm.BodyKind.COMMITTEE),
        bm.Body("kun", "Kultur- och utbildningsnämnden", bm.BodyKind.COMMITTEE),
        bm.Body("buf", "Barn- och ungdomsförvaltningen", bm.BodyKind.ADMINISTRATION, "bun"),
        bm.Body("sf", "Socialförvaltningen", bm.BodyKind.ADMINISTRATION, "sn"),
        bm.Body("kuf", "Kultur- och utbildningsförvaltningen", bm.BodyKind.ADMINISTRATION, "kun"),
        bm.Body("polis", "Polisen", bm.BodyKind.STATE_AGENCY),
    )
    halves = (
        bm.Window("spring", (1, 6), focus="tidigare och pågående satsningar"),
        bm.Window("autumn", (7, 12), focus="nuläge och framtid"),
    )
    forums = (
        bm.Forum(
            "politisk",
            "Politisk samverkan",
            bm.ForumLevel.POLITICAL,
            members=tuple(bm.Member(b, "presidium") for b in ("bun", "sn", "kun")),
            cadence=bm.Cadence(2, halves, extra_meetings=True),
        ),
        bm.Forum(
            "styrgrupp",
            "BUS styrgrupp",
            bm.ForumLevel.STEERING,
            members=tuple(bm.Member(b, "presidium") for b in ("bun", "sn", "kun")),
            follow_up=bm.FollowUp(bm.Frequency.YEARLY),
        ),
        bm.Forum(
            "ledning",
            "Ledningsgrupp",
            bm.ForumLevel.MANAGEMENT,
            members=tuple(bm.Member(b, "head") for b in ("buf", "sf", "kuf")),
        ),
    )
    signatures = tuple(
        bm.Signature(body, dt.date(2022, 12, 15), name, "Ordförande", "Alingsås")
        for body, name in (
            ("bun", "Thomas Thim"),
            ("sn", "Kent Perciwall"),
            ("kun", "Anne Gunnevik"),
        )
    )
    return bm.Agreement(
        id="alingsas-bus-2023",
        title="BUS – Barn Ungdom Samverkan",
        municipality=bm.Municipality("Alingsås", "1489"),
        document_date=dt.date(2022, 12, 14),
        purpose="Samverkan mellan Socialnämnden, Barn- och ungdomsnämnden och "
        "Kultur- och utbildningsnämnden.",
        bodies=bodies,
        parties=("bun", "sn", "kun"),
        participants=("polis",),
        forums=forums,
        chair=bm.ChairRule(
            rotation=("bun", "sn", "kun"),
            terms=(bm.ChairTerm("bun", MANDATE_2023_2026),),
            mid_period_changes=True,
        ),
        validity=bm.Validity(bm.ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026),
        signatures=signatures,
    )


def adopted_guidelines() -> bm.Agreement:
    """Guidelines (riktlinjer) for 2011–2014 that three committees adopt, nobody signs.

    Each committee fastställer them at its own meeting, on its own day, with a
    paragraph (§) and diary number: a real, valid way to assent.
    """
    bodies = (
        bm.Body("sn", "Socialnämnden", bm.BodyKind.COMMITTEE),
        bm.Body("un", "Utbildningsnämnden", bm.BodyKind.COMMITTEE),
        bm.Body("kfn", "Kultur- och fritidsnämnden", bm.BodyKind.COMMITTEE),
    )
    return bm.Agreement(
        id="lerum-riktlinjer-2011",
        title="Riktlinjer för samverkan kring barn och unga i Lerums kommun 2011–2014",
        municipality=bm.Municipality("Lerum", "1441"),
        document_date=dt.date(2010, 11, 8),
        bodies=bodies,
        parties=("sn", "un", "kfn"),
        validity=bm.Validity(
            bm.ValidityBasis.MANDATE_PERIOD, bm.Period(dt.date(2011, 1, 1), dt.date(2014, 12, 31))
        ),
        adoptions=(
            bm.Adoption("sn", dt.date(2010, 11, 24), "§ 112, Dnr SN 2010/87"),
            bm.Adoption("un", dt.date(2010, 11, 30), "§ 98, Dnr UN 2010/154"),
            bm.Adoption("kfn", dt.date(2010, 12, 8), "§ 71"),
        ),
    )


def lerum_vgr_agreement() -> bm.Agreement:
    """A local agreement between Lerums kommun and Västra Götalandsregionen.

    Both parties are legal persons, not committees; the text names no
    signatories, only the days they signed; it runs until further notice and
    states no notice period.
    """
    bodies = (
        bm.Body("lerum", "Lerums kommun", bm.BodyKind.MUNICIPALITY, code="1441"),
        bm.Body("vgr", "Västra Götalandsregionen", bm.BodyKind.REGION),
    )
    return bm.Agreement(
        id="lerum-vgr-2019",
        title="Lokal överenskommelse om samverkan kring barn och unga – Lerum",
        municipality=bm.Municipality("Lerum", "1441"),
        document_date=dt.date(2019, 4, 1),
        bodies=bodies,
        parties=("lerum", "vgr"),
        validity=bm.Validity(bm.ValidityBasis.UNTIL_FURTHER_NOTICE, bm.Period(dt.date(2019, 5, 1))),
        signatures=(
            bm.Signature("lerum", dt.date(2019, 4, 10), place="Lerum"),
            bm.Signature("vgr", dt.date(2019, 4, 16), place="Vänersborg"),
        ),
    )


def from_signing_agreement(start: dt.date) -> bm.Agreement:
    """An agreement that "gäller från undertecknandet till 2024-12-31", stating ``start``.

    Socialnämnden signs on 2023-03-14 and Barn- och ungdomsnämnden on
    2023-03-20, so it is in force from 2023-03-20.
    """
    bodies = (
        bm.Body("sn", "Socialnämnden", bm.BodyKind.COMMITTEE),
        bm.Body("bun", "Barn- och ungdomsnämnden", bm.BodyKind.COMMITTEE),
    )
    return bm.Agreement(
        id="bus-2023",
        title="Samverkansöverenskommelse BUS",
        document_date=dt.date(2023, 3, 6),
        bodies=bodies,
        parties=("sn", "bun"),
        validity=bm.Validity(
            bm.ValidityBasis.FROM_SIGNING, bm.Period(start, dt.date(2024, 12, 31))
        ),
        signatures=(
            bm.Signature("sn", dt.date(2023, 3, 14), title="Ordförande"),
            bm.Signature("bun", dt.date(2023, 3, 20), title="Ordförande"),
        ),
    )


def extendable_agreement() -> bm.Agreement:
    """The clean agreement, made in 2020 to be in force 2021-01-01 – 2022-12-31 "med möjlighet
    till förlängning med två år i taget" (with the possibility of two more years at a time)."""
    import attrs

    clean = clean_agreement()
    return attrs.evolve(
        clean,
        id="alingsas-bus-2021",
        document_date=dt.date(2020, 12, 1),
        chair=bm.ChairRule(
            rotation=("bun", "sn", "kun"),
            terms=(bm.ChairTerm("bun", bm.Period(dt.date(2019, 1, 1), dt.date(2022, 12, 31))),),
            mid_period_changes=True,
        ),
        validity=bm.Validity(
            bm.ValidityBasis.FIXED,
            bm.Period(dt.date(2021, 1, 1), dt.date(2022, 12, 31)),
            extension=bm.Extension(2),
        ),
        signatures=tuple(attrs.evolve(s, date=dt.date(2020, 12, 15)) for s in clean.signatures),
    )


def extension_of(
    agreement: bm.Agreement,
    period: bm.Period,
    adopted: dt.date,
    *,
    extension_id: str | None = None,
    title: str | None = None,
) -> bm.Agreement:
    """An extension document (förlängning) of ``agreement`` for ``period``.

    Each party of the agreement adopts it by decision on ``adopted``; it restates
    nothing else.
    """
    parties = tuple(dict.fromkeys(agreement.parties))
    years = f"{period.start.year}–{period.end.year if period.end else ''}"
    return bm.Agreement(
        id=extension_id or f"{agreement.id}-forlangning-{period.start.year}",
        title=title or f"Förlängning {years}",
        kind=bm.AgreementKind.EXTENSION,
        extends=agreement.id,
        municipality=agreement.municipality,
        document_date=adopted,
        bodies=tuple(body for party in parties if (body := agreement.body(party)) is not None),
        parties=parties,
        validity=bm.Validity(bm.ValidityBasis.FIXED, period),
        adoptions=tuple(
            bm.Adoption(party, adopted, f"§ {n}") for n, party in enumerate(parties, 1)
        ),
    )
