"""Test agreements and records built in code, shared by the unit-test modules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

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
from tests.rule_fixtures import MANDATE_2023_2026

__all__ = ["MANDATE_2023_2026", "make_agreement", "make_records", "steering_group", "working_group"]


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
