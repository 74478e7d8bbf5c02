"""A clean agreement, built in code, that the rule tests bend one fault at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import busmodel as bm

MANDATE_2023_2026: Final = bm.Period(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
"""The committee mandate period after the election of 2022-09-11."""

TODAY: Final = dt.date(2024, 3, 1)
"""The day the rule tests check on unless they say otherwise: inside the clean validity."""


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
