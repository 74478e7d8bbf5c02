"""Renewal: a draft successor for the next period, and a draft extension document."""

import datetime as dt
from collections.abc import Callable

import attrs
import pytest

import busmodel as bm
from busmodel.model._renewal import renewed_id, renewed_title
from tests.support.builders import (
    adopted_guidelines,
    clean_agreement,
    extendable_agreement,
    extension_of,
    lerum_vgr_agreement,
)
from tests.support.paths import EXAMPLES

TODAY = dt.date(2026, 11, 27)
MANDATE_2023 = bm.Period(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
MANDATE_2027 = bm.Period(dt.date(2027, 1, 1), dt.date(2030, 12, 31))


def errors(report: bm.Report) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in report.findings if f.severity is bm.Severity.ERROR]


# -- the document state --------------------------------------------------------------


def test_a_document_is_final_unless_it_says_it_is_a_draft() -> None:
    assert bm.DocumentState.FINAL == bm.Agreement(id="a", title="A").state
    assert bm.DocumentState.DRAFT == bm.Agreement(id="a", title="A", state="draft").state


def test_every_example_loads_as_a_final_document() -> None:
    states = {
        document.state
        for path in sorted(EXAMPLES.glob("*.toml"))
        if isinstance(document := bm.load(path), bm.Agreement)
    }

    assert {bm.DocumentState.FINAL} == states


def test_an_unknown_state_is_refused_naming_the_states() -> None:
    with pytest.raises(bm.ModelError, match="'draft', 'final'"):
        bm.Agreement(id="a", title="A", state="utkast")


def test_the_repr_of_a_draft_says_it_is_a_draft() -> None:
    draft = bm.Agreement(id="a", title="A", kind="extension", extends="b", state="draft")

    assert "<Agreement 'a' (extension, draft) 'A' no validity" in repr(draft)


# -- renew ---------------------------------------------------------------------------


def test_renewing_alingsas_drafts_the_agreement_for_2027_to_2030() -> None:
    old = bm.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")

    draft = bm.renew(old, document_date=TODAY)

    assert draft.validity is not None
    assert (
        "alingsas-bus-2027",
        bm.DocumentState.DRAFT,
        TODAY,
        ("alingsas-bus-2023",),
        MANDATE_2027,
        bm.ValidityBasis.MANDATE_PERIOD,
    ) == (
        draft.id,
        draft.state,
        draft.document_date,
        draft.supersedes,
        draft.validity.period,
        draft.validity.basis,
    )
    assert ((), ()) == (draft.signatures, draft.adoptions)


def test_renewing_alingsas_passes_the_chair_to_the_next_committee_of_the_rotation() -> None:
    old = bm.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")

    draft = bm.renew(old, document_date=TODAY)

    assert draft.chair is not None
    assert old.chair is not None
    assert (bm.ChairTerm("socialnamnden", MANDATE_2027),) == draft.chair.terms
    assert old.chair.rotation == draft.chair.rotation


def test_the_renewed_alingsas_agreement_has_no_errors_only_the_assent_still_to_come() -> None:
    old = bm.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")
    draft = bm.renew(old, document_date=TODAY)
    registry = bm.Registry.of([old, draft])

    report = bm.validate(draft, registry=registry)

    assert [("SIG001", "info")] * 3 == [(f.code, f.severity.value) for f in report.findings]


def test_renewing_carries_over_everything_renewal_does_not_change() -> None:
    old = bm.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")

    draft = bm.renew(old, document_date=TODAY)

    assert old.validity is not None
    assert old.chair is not None
    assert (
        attrs.evolve(
            old,
            id=draft.id,
            state=bm.DocumentState.DRAFT,
            document_date=TODAY,
            supersedes=("alingsas-bus-2023",),
            validity=attrs.evolve(old.validity, period=MANDATE_2027),
            chair=attrs.evolve(old.chair, terms=(bm.ChairTerm("socialnamnden", MANDATE_2027),)),
            signatures=(),
            exemptions=(),  # about the superseded agreement of 2019, which is no more named
        )
        == draft
    )


def test_lerums_guidelines_of_2011_to_2014_renew_to_2015_to_2018() -> None:
    old = bm.load_agreement(EXAMPLES / "lerum-riktlinjer-2011.toml")

    draft = bm.renew(old, document_date=dt.date(2014, 10, 1))

    assert draft.validity is not None
    assert (
        "lerum-riktlinjer-2015",
        "Riktlinjer för samverkan kring barn och unga i Lerums kommun 2015–2018",
        bm.Period(dt.date(2015, 1, 1), dt.date(2018, 12, 31)),
        (),
    ) == (draft.id, draft.title, draft.validity.period, draft.adoptions)
    assert [] == errors(bm.validate(draft))


def test_a_council_mandate_period_renews_to_the_next_council_mandate_period() -> None:
    old = attrs.evolve(
        adopted_guidelines(), validity=bm.Validity.for_mandate_period(2010, "council")
    )

    draft = bm.renew(old, document_date=dt.date(2014, 9, 1))

    assert draft.validity is not None
    assert bm.MandatePeriod(2014, "council").period == draft.validity.period
    assert bm.Convention.COUNCIL == draft.validity.convention


def test_a_fixed_term_without_a_clause_is_followed_by_one_of_the_same_length() -> None:
    clean = clean_agreement()
    old = attrs.evolve(clean, validity=bm.Validity.fixed(dt.date(2023, 7, 1), dt.date(2025, 6, 30)))

    draft = bm.renew(old, document_date=dt.date(2025, 3, 1))

    assert draft.validity is not None
    assert bm.ValidityBasis.FIXED == draft.validity.basis
    assert bm.Period(dt.date(2025, 7, 1), dt.date(2027, 6, 30)) == draft.validity.period


def test_a_start_known_only_to_the_year_renews_to_a_start_known_to_the_day() -> None:
    old = attrs.evolve(
        clean_agreement(),
        validity=bm.Validity.fixed(
            dt.date(2012, 1, 1), dt.date(2014, 12, 31), start_precision="year"
        ),
    )

    draft = bm.renew(old, document_date=dt.date(2014, 10, 1))

    assert draft.validity is not None
    assert bm.Precision.DAY == draft.validity.start_precision
    assert bm.Period(dt.date(2015, 1, 1), dt.date(2017, 12, 31)) == draft.validity.period


def test_renewing_follows_on_from_the_last_extension_in_the_registry() -> None:
    old = bm.load_agreement(EXAMPLES / "kungalv-bus-2021.toml")
    registry = bm.Registry.from_paths([EXAMPLES])

    draft = bm.renew(old, document_date=TODAY, registry=registry)

    assert draft.validity is not None
    assert dt.date(2027, 1, 1) == draft.validity.period.start
    assert "kungalv-bus-2027" == draft.id


@pytest.mark.parametrize("renewal", [bm.renew, bm.extend])
def test_an_agreement_in_force_until_further_notice_is_neither_renewed_nor_extended(
    renewal: Callable[..., bm.Agreement],
) -> None:
    with pytest.raises(bm.ModelError) as raised:
        renewal(lerum_vgr_agreement(), document_date=TODAY)

    assert "validity" == raised.value.field
    assert (
        "'lerum-vgr-2019' is in force until further notice (tills vidare): it runs on until "
        "a party gives notice, so it is neither renewed nor extended"
    ) == raised.value.message
    assert (
        "'lerum-vgr-2019' gäller tills vidare: den löper tills en part säger upp den, så den "
        "varken förnyas eller förlängs"
    ) == raised.value.text.sv


def test_an_extension_document_is_renewed_through_its_agreement() -> None:
    extension = bm.load_agreement(EXAMPLES / "kungalv-bus-2021-forlangning-2023.toml")

    with pytest.raises(bm.ModelError, match="renew the agreement it extends, 'kungalv-bus-2021'"):
        bm.renew(extension, document_date=TODAY)


def test_an_agreement_without_a_validity_has_nothing_to_renew_from() -> None:
    with pytest.raises(bm.ModelError, match="states no validity"):
        bm.renew(bm.Agreement(id="a", title="A"), document_date=TODAY)


def test_renewing_drops_the_exemptions_about_what_it_writes_anew_and_keeps_the_rest() -> None:
    kept = bm.Exemption("FOR005", "Styrgruppen följer upp muntligt.", "/forums/1")
    everywhere = bm.Exemption("NAM", "Namnen är som i beslutet.")
    dropped = bm.Exemption("SIG006", "Undertecknad vid julmötet.", "/signatures/0/date")
    old = attrs.evolve(clean_agreement(), exemptions=(kept, dropped, everywhere))

    draft = bm.renew(old, document_date=TODAY)

    assert (kept, everywhere) == draft.exemptions


def test_the_next_chair_is_the_next_body_of_the_rotation_that_may_chair() -> None:
    clean = clean_agreement()
    assert clean.chair is not None
    chair = attrs.evolve(clean.chair, rotation=("bun", "polis", "sn", "kun"))

    draft = bm.renew(attrs.evolve(clean, chair=chair), document_date=TODAY)

    assert draft.chair is not None
    assert (bm.ChairTerm("sn", MANDATE_2027),) == draft.chair.terms


def test_a_chair_that_does_not_rotate_stays_with_its_body() -> None:
    clean = clean_agreement()
    assert clean.chair is not None
    chair = attrs.evolve(clean.chair, rotation=())

    draft = bm.renew(attrs.evolve(clean, chair=chair), document_date=TODAY)

    assert draft.chair is not None
    assert (bm.ChairTerm("bun", MANDATE_2027),) == draft.chair.terms


def test_without_recorded_terms_the_chair_passes_on_from_the_rotations_first_body() -> None:
    clean = clean_agreement()
    assert clean.chair is not None
    chair = attrs.evolve(clean.chair, terms=())

    draft = bm.renew(attrs.evolve(clean, chair=chair), document_date=TODAY)

    assert draft.chair is not None
    assert (bm.ChairTerm("sn", MANDATE_2027),) == draft.chair.terms


@pytest.mark.parametrize(
    ("old_id", "new_id"),
    [
        ("alingsas-bus-2023", "alingsas-bus-2027"),
        ("partille-bus", "partille-bus-2027"),
        ("bus-2023-2026", "bus-2027-2030"),
        ("bus_2023_2026", "bus_2027_2030"),
        ("bus-2023-bilaga", "bus-2027-bilaga"),
        ("bus-2019", "bus-2027"),
        ("bus-2027", "bus-2027-2027"),
        ("bus-12345", "bus-12345-2027"),
    ],
)
def test_the_successors_id_carries_the_new_start_year(old_id: str, new_id: str) -> None:
    assert new_id == renewed_id(old_id, MANDATE_2023, MANDATE_2027)


@pytest.mark.parametrize(
    ("old_title", "new_title"),
    [
        ("BUS 2023–2026", "BUS 2027–2030"),
        ("BUS 2023 - 2026", "BUS 2027 - 2030"),
        ("Överenskommelse från 2023", "Överenskommelse från 2027"),
        ("BUS- Barn Ungdom Samverkan", "BUS- Barn Ungdom Samverkan"),
        ("BUS 20231", "BUS 20231"),
    ],
)
def test_the_successors_title_carries_the_new_years_where_the_old_one_did(
    old_title: str, new_title: str
) -> None:
    assert new_title == renewed_title(old_title, MANDATE_2023, MANDATE_2027)


# -- extend --------------------------------------------------------------------------


def test_kungalv_extends_by_exactly_two_years_from_its_effective_end() -> None:
    old = bm.load_agreement(EXAMPLES / "kungalv-bus-2021.toml")
    registry = bm.Registry.from_paths([EXAMPLES])

    draft = bm.extend(old, document_date=TODAY, registry=registry)

    assert draft.validity is not None
    assert (
        "kungalv-bus-2021-forlangning-2027",
        bm.AgreementKind.EXTENSION,
        "kungalv-bus-2021",
        bm.DocumentState.DRAFT,
        bm.Period(dt.date(2027, 1, 1), dt.date(2028, 12, 31)),
        bm.ValidityBasis.FIXED,
    ) == (
        draft.id,
        draft.kind,
        draft.extends,
        draft.state,
        draft.validity.period,
        draft.validity.basis,
    )


def test_the_kungalv_extension_restates_only_the_parties_and_validates_without_errors() -> None:
    old = bm.load_agreement(EXAMPLES / "kungalv-bus-2021.toml")
    registry = bm.Registry.from_paths([EXAMPLES])

    draft = bm.extend(old, document_date=TODAY, registry=registry)

    assert (old.parties, old.bodies, (), ()) == (
        draft.parties,
        draft.bodies,
        draft.forums,
        draft.adoptions,
    )
    everything = bm.Registry.of([*registry.agreements(), draft])
    report = bm.validate(draft, registry=everything)
    assert [("SIG001", "info")] * 2 == [(f.code, f.severity.value) for f in report.findings]


def test_without_a_registry_the_extension_follows_the_agreements_own_end() -> None:
    old = bm.load_agreement(EXAMPLES / "kungalv-bus-2021.toml")

    draft = bm.extend(old, document_date=dt.date(2022, 9, 1))

    assert draft.validity is not None
    assert bm.Period(dt.date(2023, 1, 1), dt.date(2024, 12, 31)) == draft.validity.period
    assert "Förlängning av Samverkansöverenskommelse BUS Kungälv 2023–2024" == draft.title


def test_an_extension_beyond_the_clauses_number_is_refused() -> None:
    clean = extendable_agreement()
    assert clean.validity is not None
    old = attrs.evolve(
        clean, validity=attrs.evolve(clean.validity, extension=bm.Extension(2, times=1))
    )
    first = extension_of(
        old, bm.Period(dt.date(2023, 1, 1), dt.date(2024, 12, 31)), dt.date(2022, 10, 1)
    )

    with pytest.raises(bm.ModelError) as raised:
        bm.extend(old, document_date=TODAY, registry=bm.Registry.of([old, first]))

    assert "extension" == raised.value.field
    assert (
        "'alingsas-bus-2021' may be extended 1 time and has been "
        "('alingsas-bus-2021-forlangning-2023'): no extension is left; renew it instead"
    ) == raised.value.message
    assert raised.value.text.sv.startswith("'alingsas-bus-2021' får förlängas 1 gång")


def test_a_draft_extension_in_the_registry_extends_nothing_yet() -> None:
    old = extendable_agreement()
    draft = bm.extend(old, document_date=dt.date(2022, 10, 1))

    again = bm.extend(old, document_date=dt.date(2022, 10, 1), registry=bm.Registry.of([draft]))

    assert draft == again


def test_an_agreement_without_an_extension_clause_is_not_extended() -> None:
    with pytest.raises(bm.ModelError, match="has no extension clause"):
        bm.extend(clean_agreement(), document_date=TODAY)


def test_an_agreement_continued_until_further_notice_by_an_extension_is_not_renewed() -> None:
    old = extendable_agreement()
    open_ended = attrs.evolve(
        extension_of(old, bm.Period(dt.date(2023, 1, 1), dt.date(2024, 12, 31)), TODAY),
        validity=bm.Validity(bm.ValidityBasis.FIXED, bm.Period(dt.date(2023, 1, 1))),
    )

    with pytest.raises(bm.ModelError, match="runs on until further notice through its extension"):
        bm.renew(old, document_date=TODAY, registry=bm.Registry.of([open_ended]))
