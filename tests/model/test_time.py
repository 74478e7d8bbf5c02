"""An agreement in time: in force on a day, who chairs, the chair schedule, the rotation."""

import datetime as dt

import attrs
import pytest

import busmodel
import busmodel.model
from busmodel import (
    Agreement,
    ChairRule,
    ChairTerm,
    Convention,
    MandatePeriod,
    ModelError,
    Period,
    Validity,
    ValidityBasis,
    load_agreement,
)
from tests.support.builders import MANDATE_2023_2026, clean_agreement, extendable_agreement
from tests.support.paths import EXAMPLES

D = dt.date
LAST_DAY = D(2199, 12, 31)


def rotating(
    *terms: ChairTerm,
    rotation: tuple[str, ...] = ("bun", "sn", "kun"),
    validity: Validity | None = None,
) -> Agreement:
    """The clean agreement with ``rotation``, ``terms`` recorded, and ``validity`` (2023–2026)."""
    return attrs.evolve(
        clean_agreement(),
        chair=ChairRule(rotation, terms=terms, mid_period_changes=True),
        validity=validity or Validity.for_mandate_period(2022),
    )


def schedule(agreement: Agreement, until: dt.date) -> list[tuple[str, str]]:
    return [(term.body, str(term.period)) for term in agreement.chair_schedule(until)]


# -- ChairRule.next_after ----------------------------------------------------------------


def test_next_after_gives_the_following_body_of_the_rotation() -> None:
    rule = ChairRule(("bun", "sn", "kun"))

    assert ["sn", "kun"] == [rule.next_after("bun"), rule.next_after("sn")]


def test_next_after_the_last_body_wraps_round_to_the_first() -> None:
    assert "bun" == ChairRule(("bun", "sn", "kun")).next_after("kun")


def test_next_after_in_a_rotation_of_one_is_that_body_again() -> None:
    assert "bun" == ChairRule(("bun",)).next_after("bun")


def test_next_after_a_body_listed_twice_counts_from_its_first_place() -> None:
    assert "sn" == ChairRule(("bun", "sn", "bun", "kun")).next_after("bun")


def test_next_after_a_body_not_in_the_rotation_is_a_model_error_naming_the_body() -> None:
    with pytest.raises(ModelError) as raised:
        ChairRule(("bun", "sn")).next_after("ks")

    assert ("body", "'ks' is not in the rotation ('bun', 'sn')") == (
        raised.value.field,
        raised.value.message,
    )
    assert "'ks' finns inte i rotationen ('bun', 'sn')" == raised.value.sv


def test_next_after_in_an_empty_rotation_is_a_model_error_naming_the_rotation() -> None:
    with pytest.raises(ModelError) as raised:
        ChairRule(()).next_after("bun")

    assert "rotation" == raised.value.field


# -- Agreement.in_force --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2022, 12, 31), False),
        (D(2023, 1, 1), True),
        (D(2026, 12, 31), True),
        (D(2027, 1, 1), False),
    ],
)
def test_in_force_holds_from_the_first_to_the_last_day_of_the_validity(
    day: dt.date, expected: bool
) -> None:
    assert expected == clean_agreement().in_force(day)


def test_an_agreement_without_a_validity_is_never_in_force() -> None:
    assert not attrs.evolve(clean_agreement(), validity=None).in_force(D(2024, 1, 1))


def test_an_agreement_until_further_notice_is_in_force_to_the_last_day_busmodel_knows() -> None:
    agreement = attrs.evolve(
        clean_agreement(), validity=Validity.until_further_notice(D(2005, 1, 1))
    )

    assert agreement.in_force(LAST_DAY)


def test_in_force_looks_at_the_agreements_own_validity_not_at_extensions() -> None:
    assert not extendable_agreement().in_force(D(2023, 6, 1))  # only an extension could carry it


# -- Agreement.chair_on ----------------------------------------------------------------------


def test_the_alingsas_chair_on_1_may_2025_is_barn_och_ungdomsnamnden() -> None:
    alingsas = load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")

    assert "barn-och-ungdomsnamnden" == alingsas.chair_on(D(2025, 5, 1))


def test_chair_on_a_day_the_agreement_is_not_in_force_is_none() -> None:
    agreement = rotating(ChairTerm("bun", Period(D(2019, 1, 1))))

    assert (None, None) == (agreement.chair_on(D(2022, 12, 31)), agreement.chair_on(D(2027, 1, 1)))


def test_chair_on_without_a_chair_rule_is_none() -> None:
    assert attrs.evolve(clean_agreement(), chair=None).chair_on(D(2024, 1, 1)) is None


def test_a_recorded_term_decides_over_the_rotation() -> None:
    agreement = rotating(
        ChairTerm("bun", Period(D(2023, 1, 1), D(2024, 6, 30))),
        ChairTerm("kun", Period(D(2024, 7, 1), D(2026, 12, 31)), reason="ordföranden avgick"),
    )

    assert ["bun", "kun"] == [agreement.chair_on(D(2024, 6, 30)), agreement.chair_on(D(2024, 7, 1))]


def test_the_chair_passes_along_the_rotation_at_the_next_mandate_period() -> None:
    agreement = rotating(
        ChairTerm("bun", MANDATE_2023_2026), validity=Validity.fixed(D(2023, 1, 1), D(2034, 12, 31))
    )

    assert ["bun", "sn", "kun"] == [
        agreement.chair_on(day) for day in (D(2026, 12, 31), D(2027, 1, 1), D(2034, 12, 31))
    ]


def test_without_recorded_terms_the_first_body_of_the_rotation_chairs_first() -> None:
    agreement = rotating(validity=Validity.fixed(D(2023, 1, 1), D(2030, 12, 31)))

    assert ["bun", "sn"] == [agreement.chair_on(D(2023, 1, 1)), agreement.chair_on(D(2030, 1, 1))]


def test_before_the_first_recorded_term_the_rotation_is_counted_back() -> None:
    agreement = rotating(
        ChairTerm("kun", Period(D(2027, 1, 1), D(2030, 12, 31))),
        validity=Validity.fixed(D(2019, 1, 1), D(2030, 12, 31)),
    )

    assert ["bun", "sn", "kun"] == [
        agreement.chair_on(day) for day in (D(2019, 1, 1), D(2023, 1, 1), D(2027, 1, 1))
    ]


def test_after_a_mid_period_change_the_rotation_goes_on_from_the_body_that_took_over() -> None:
    agreement = rotating(
        ChairTerm("bun", Period(D(2023, 1, 1), D(2024, 6, 30))),
        ChairTerm("sn", Period(D(2024, 7, 1), D(2026, 12, 31)), reason="ordföranden avgick"),
        validity=Validity.fixed(D(2023, 1, 1), D(2030, 12, 31)),
    )

    assert "kun" == agreement.chair_on(D(2027, 1, 1))


def test_a_day_between_terms_in_the_same_mandate_period_stays_with_the_body_before() -> None:
    agreement = rotating(ChairTerm("sn", Period(D(2023, 1, 1), D(2024, 6, 30))))

    assert "sn" == agreement.chair_on(D(2025, 3, 1))


def test_an_empty_rotation_keeps_the_chair_with_its_body() -> None:
    agreement = rotating(
        ChairTerm("sn", MANDATE_2023_2026),
        rotation=(),
        validity=Validity.fixed(D(2023, 1, 1), D(2034, 12, 31)),
    )

    assert "sn" == agreement.chair_on(D(2031, 1, 1))


def test_an_empty_rotation_without_terms_names_no_chair() -> None:
    assert rotating(rotation=()).chair_on(D(2024, 1, 1)) is None


def test_a_body_not_in_the_rotation_passes_the_chair_to_no_one_known() -> None:
    agreement = rotating(
        ChairTerm("ks", MANDATE_2023_2026), validity=Validity.fixed(D(2023, 1, 1), D(2030, 12, 31))
    )

    assert ("ks", None) == (agreement.chair_on(D(2026, 1, 1)), agreement.chair_on(D(2027, 1, 1)))


def test_the_council_convention_passes_the_chair_on_15_october() -> None:
    council = MandatePeriod(2022, Convention.COUNCIL)
    agreement = rotating(
        ChairTerm("bun", council.period),
        validity=Validity(
            ValidityBasis.FIXED,
            Period(council.start, D(2030, 10, 14)),
            convention=Convention.COUNCIL,
        ),
    )

    assert ["bun", "sn"] == [
        agreement.chair_on(D(2026, 10, 14)),
        agreement.chair_on(D(2026, 10, 15)),
    ]


# -- Agreement.chair_schedule --------------------------------------------------------------


def test_the_alingsas_schedule_continues_the_rotation_past_its_validity() -> None:
    alingsas = load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")

    assert [
        ("barn-och-ungdomsnamnden", "2023-01-01/2026-12-31"),
        ("socialnamnden", "2027-01-01/2030-12-31"),
    ] == schedule(alingsas, D(2030, 12, 31))


def test_a_schedule_holds_each_term_that_starts_by_the_day_whole() -> None:
    agreement = rotating(ChairTerm("bun", MANDATE_2023_2026))

    assert [("bun", "2023-01-01/2026-12-31"), ("sn", "2027-01-01/2030-12-31")] == schedule(
        agreement, D(2027, 1, 1)
    )


def test_a_schedule_to_a_day_before_the_start_is_empty() -> None:
    assert () == rotating().chair_schedule(D(2022, 12, 31))


def test_a_schedule_without_a_chair_rule_or_a_validity_is_empty() -> None:
    assert ((), ()) == (
        attrs.evolve(clean_agreement(), chair=None).chair_schedule(D(2030, 1, 1)),
        attrs.evolve(clean_agreement(), validity=None).chair_schedule(D(2030, 1, 1)),
    )


def test_a_schedule_keeps_the_recorded_terms_with_their_reasons() -> None:
    change = ChairTerm("kun", Period(D(2024, 7, 1), D(2026, 12, 31)), reason="ordföranden avgick")
    agreement = rotating(ChairTerm("bun", Period(D(2023, 1, 1), D(2024, 6, 30))), change)

    assert change in agreement.chair_schedule(D(2026, 12, 31))


def test_a_gap_between_recorded_terms_is_filled_from_the_rotation() -> None:
    agreement = rotating(
        ChairTerm("bun", Period(D(2023, 1, 1), D(2024, 6, 30))),
        ChairTerm("kun", Period(D(2027, 3, 1), D(2030, 12, 31))),
        validity=Validity.fixed(D(2023, 1, 1), D(2030, 12, 31)),
    )

    assert [
        ("bun", "2023-01-01/2024-06-30"),
        ("bun", "2024-07-01/2026-12-31"),
        ("sn", "2027-01-01/2027-02-28"),
        ("kun", "2027-03-01/2030-12-31"),
    ] == schedule(agreement, D(2030, 12, 31))


def test_a_derived_term_stops_where_a_later_recorded_term_starts() -> None:
    agreement = rotating(
        ChairTerm("bun", MANDATE_2023_2026),
        ChairTerm("kun", Period(D(2028, 1, 1), D(2030, 12, 31))),
    )

    assert [("bun", "2023-01-01/2026-12-31"), ("sn", "2027-01-01/2027-12-31")] == schedule(
        agreement, D(2027, 6, 1)
    )


def test_an_open_recorded_term_ends_the_schedule() -> None:
    agreement = rotating(ChairTerm("sn", Period(D(2023, 1, 1))))

    assert [("sn", "2023-01-01/..")] == schedule(agreement, D(2040, 1, 1))


def test_a_recorded_term_from_before_the_validity_is_kept_as_recorded() -> None:
    agreement = extendable_agreement()  # bun chairs 2019-2022; the validity is 2021-2022

    assert [("bun", "2019-01-01/2022-12-31"), ("sn", "2023-01-01/2026-12-31")] == schedule(
        agreement, D(2023, 1, 1)
    )


def test_no_term_is_derived_before_the_first_mandate_period_busmodel_knows() -> None:
    agreement = rotating(validity=Validity.fixed(D(1990, 1, 1), D(1998, 12, 31)))

    assert [("bun", "1995-01-01/1998-12-31")] == schedule(agreement, D(1998, 12, 31))


def test_a_schedule_to_the_last_day_is_one_term_a_mandate_period_and_ends_on_it() -> None:
    agreement = rotating(ChairTerm("bun", MANDATE_2023_2026))

    terms = agreement.chair_schedule(D(9999, 12, 31))

    elections = range(2026, 2198 + 1, 4)  # the terms after the one recorded, to 2199
    assert (1 + len(elections), LAST_DAY) == (len(terms), terms[-1].period.end)


def test_a_draft_is_in_force_on_no_day_but_plans_its_chair() -> None:
    alingsas = busmodel.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")
    draft = busmodel.renew(alingsas, document_date=dt.date(2026, 11, 27))
    day = dt.date(2027, 5, 1)
    assert not draft.in_force(day)
    assert attrs.evolve(draft, state=busmodel.DocumentState.FINAL).in_force(day)
    assert "socialnamnden" == draft.chair_on(day)


def test_a_draft_extension_prolongs_nothing() -> None:
    period = busmodel.Period(dt.date(2021, 1, 1), dt.date(2022, 12, 31))
    extension = busmodel.Agreement(
        id="f",
        title="F",
        kind=busmodel.AgreementKind.EXTENSION,
        extends="a",
        validity=busmodel.Validity.fixed(dt.date(2023, 1, 1), dt.date(2024, 12, 31)),
    )
    draft = attrs.evolve(extension, state=busmodel.DocumentState.DRAFT)
    assert dt.date(2024, 12, 31) == busmodel.model.prolonged(period, [extension])[0].end
    assert (period, ()) == busmodel.model.prolonged(period, [draft])
