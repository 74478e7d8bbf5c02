import datetime as dt
import doctest
import pickle
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import busmodel
from busmodel import (
    Agreement,
    AgreementKind,
    ChairRule,
    ChairTerm,
    Convention,
    Decision,
    Exemption,
    Extension,
    MandatePeriod,
    ModelError,
    Municipality,
    Period,
    Precision,
    Review,
    Signature,
    Validity,
    ValidityBasis,
)
from tests.support.builders import MANDATE_2023_2026, make_agreement
from tests.support.paths import ROOT

D = dt.date
NAMES = {"dt": dt, **{name: getattr(busmodel, name) for name in busmodel.__all__}}
"""What the examples in the docstrings see: ``busmodel``'s names and ``dt``."""


def test_decision_dated_in_another_year_than_its_year_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Decision("kf", 1999, D(2000, 1, 12))

    assert "date" == raised.value.field


def test_decision_dated_in_its_year_is_allowed() -> None:
    assert D(1999, 3, 29) == Decision("kf", 1999, D(1999, 3, 29)).date


@pytest.mark.parametrize("year", [1899, 2200, True, "1999"])
def test_decision_year_outside_1900_to_2199_is_rejected(year: object) -> None:
    with pytest.raises(ModelError) as raised:
        Decision("kf", year)  # type: ignore[arg-type]

    assert "year" == raised.value.field


@pytest.mark.parametrize(("field", "value"), [("reference", ""), ("summary", " ")])
def test_decision_with_blank_optional_text_is_rejected(field: str, value: str) -> None:
    with pytest.raises(ModelError) as raised:
        Decision("kf", 1999, **{field: value})  # type: ignore[arg-type]

    assert field == raised.value.field


def test_chair_term_period_must_be_a_period() -> None:
    with pytest.raises(ModelError) as raised:
        ChairTerm("bun", "2023-01-01/2026-12-31")  # type: ignore[arg-type]

    assert "period" == raised.value.field


def test_chair_term_with_a_blank_reason_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        ChairTerm("bun", MANDATE_2023_2026, reason="")

    assert "reason" == raised.value.field


def test_chair_rule_rotation_of_names_that_are_not_ids_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        ChairRule(("bun", "Socialnämnden"))

    assert "rotation" == raised.value.field


def test_chair_rule_rotation_in_a_list_is_stored_as_a_tuple() -> None:
    assert ("bun", "sn") == ChairRule(["bun", "sn"]).rotation


def test_chair_rule_rotation_from_a_generator_is_stored_in_its_order() -> None:
    rule = ChairRule(body for body in ("sn", "bun"))

    assert ("sn", "bun") == rule.rotation


def test_chair_rule_terms_and_may_chair_in_lists_are_stored_as_tuples() -> None:
    term = ChairTerm("bun", MANDATE_2023_2026)
    rule = ChairRule(("bun",), terms=[term], may_chair=["ks"])

    assert ((term,), ("ks",)) == (rule.terms, rule.may_chair)


def test_chair_rule_rotation_given_as_one_string_is_rejected_not_split_into_letters() -> None:
    with pytest.raises(ModelError) as raised:
        ChairRule("bun")

    assert (
        "rotation",
        "expected a tuple, a list or another ordered collection of items, got str",
    ) == (
        raised.value.field,
        raised.value.message,
    )


def test_chair_rule_rotation_in_a_set_is_rejected_for_it_has_no_order() -> None:
    with pytest.raises(ModelError) as raised:
        ChairRule({"bun", "sn"})

    assert "rotation" == raised.value.field


def test_chair_on_gives_the_body_whose_term_covers_the_day() -> None:
    chair = make_agreement().chair
    assert chair is not None

    assert ["bun", "sn", "sn", "bup", "bup"] == [
        chair.chair_on(day)
        for day in (D(2020, 6, 30), D(2020, 7, 1), D(2022, 12, 31), D(2023, 1, 1), D(2026, 12, 31))
    ]


def test_chair_on_a_day_outside_every_term_is_none() -> None:
    chair = make_agreement().chair
    assert chair is not None

    assert chair.chair_on(D(2018, 12, 31)) is None
    assert chair.chair_on(D(2027, 1, 1)) is None


def test_chair_on_with_overlapping_terms_gives_the_first_recorded() -> None:
    chair = ChairRule(
        ("bun", "sn"),
        terms=(ChairTerm("bun", MANDATE_2023_2026), ChairTerm("sn", Period(D(2024, 1, 1)))),
    )

    assert "bun" == chair.chair_on(D(2024, 6, 1))
    assert "sn" == chair.chair_on(D(2027, 1, 1))


def test_chair_rule_with_may_chair_of_names_that_are_not_ids_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        ChairRule(("bun",), may_chair=("Kommunstyrelsen",))

    assert "may_chair" == raised.value.field


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"years": 0}, "years"),
        ({"years": 11}, "years"),
        ({"years": 4, "times": 0}, "times"),
        ({"years": 4, "times": 21}, "times"),
        ({"years": 4, "notice_months": 0}, "notice_months"),
        ({"years": 4, "notice_months": 121}, "notice_months"),
        ({"years": True}, "years"),
    ],
)
def test_extension_outside_its_bounds_is_rejected(arguments: dict[str, object], field: str) -> None:
    with pytest.raises(ModelError) as raised:
        Extension(**arguments)  # type: ignore[arg-type]

    assert field == raised.value.field


def test_extension_without_times_has_no_limit() -> None:
    assert Extension(4).times is None


def test_validity_uses_the_committee_convention_by_default() -> None:
    validity = Validity(ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026)

    assert Convention.COMMITTEE == validity.convention


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"basis": "fast"}, "basis"),
        ({"basis": 1}, "basis"),
        ({"period": (D(2023, 1, 1), D(2026, 12, 31))}, "period"),
        ({"convention": "nämnd"}, "convention"),
        ({"convention": "COUNCIL"}, "convention"),
        ({"notice_months": 0}, "notice_months"),
        ({"notice_months": 121}, "notice_months"),
        ({"extension": 4}, "extension"),
        ({"review": "yearly"}, "review"),
        ({"start_precision": "week"}, "start_precision"),
    ],
)
def test_validity_with_a_field_of_the_wrong_kind_is_rejected(
    changes: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {
        "basis": ValidityBasis.FIXED,
        "period": MANDATE_2023_2026,
    }
    arguments.update(changes)

    with pytest.raises(ModelError) as raised:
        Validity(**arguments)  # type: ignore[arg-type]

    assert field == raised.value.field


def test_validity_takes_the_values_of_its_enums_as_the_members() -> None:
    given = Validity(
        "until-further-notice",
        Period(D(2005, 1, 1)),
        convention="council",
        review="annual",
        start_precision="year",
    )

    assert (
        Validity(
            ValidityBasis.UNTIL_FURTHER_NOTICE,
            Period(D(2005, 1, 1)),
            convention=Convention.COUNCIL,
            review=Review.ANNUAL,
            start_precision=Precision.YEAR,
        )
        == given
    )


def test_validity_with_an_unknown_basis_names_the_choices() -> None:
    with pytest.raises(ModelError) as raised:
        Validity("permanent", MANDATE_2023_2026)

    assert (
        "'permanent' is not one of 'mandate-period', 'fixed', 'until-further-notice', "
        "'from-signing'"
    ) == raised.value.message
    assert (
        "'permanent' är inte något av 'mandate-period', 'fixed', 'until-further-notice', "
        "'from-signing'"
    ) == raised.value.sv


def test_validity_for_a_mandate_period_given_by_election_year_is_its_committee_term() -> None:
    assert Validity(ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026) == (
        Validity.for_mandate_period(2022)
    )


def test_validity_for_a_mandate_period_counted_by_the_council_runs_october_to_october() -> None:
    validity = Validity.for_mandate_period(2022, "council")

    assert (Convention.COUNCIL, Period(D(2022, 10, 15), D(2026, 10, 14))) == (
        validity.convention,
        validity.period,
    )


def test_validity_for_a_mandate_period_takes_the_convention_of_the_term_given() -> None:
    term = MandatePeriod(2018, Convention.COUNCIL)

    assert Validity(
        ValidityBasis.MANDATE_PERIOD, term.period, convention=Convention.COUNCIL
    ) == Validity.for_mandate_period(term)


def test_validity_for_a_mandate_period_with_the_terms_own_convention_is_allowed() -> None:
    term = MandatePeriod(2022)

    assert Validity.for_mandate_period(term) == Validity.for_mandate_period(
        term, Convention.COMMITTEE
    )


def test_validity_for_a_mandate_period_counted_otherwise_than_its_term_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Validity.for_mandate_period(MandatePeriod(2022), "council")

    assert (
        "convention",
        "the mandate period 2023–2026 is counted by the committee convention, not 'council'",
    ) == (raised.value.field, raised.value.message)


def test_validity_for_a_mandate_period_with_an_unknown_convention_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Validity.for_mandate_period(MandatePeriod(2022), "calendar")

    assert "convention" == raised.value.field


def test_validity_for_a_mandate_period_of_a_year_without_an_election_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Validity.for_mandate_period(2023)

    assert (
        "election_year",
        "2023 is not an election year; the nearest are 2022 and 2026",
    ) == (raised.value.field, raised.value.message)


def test_validity_for_a_mandate_period_carries_its_terms() -> None:
    validity = Validity.for_mandate_period(
        2022, notice_months=6, extension=Extension(4), review="annual"
    )

    assert (6, Extension(4), Review.ANNUAL) == (
        validity.notice_months,
        validity.extension,
        validity.review,
    )


def test_validity_until_further_notice_is_open_from_its_start() -> None:
    assert Validity(
        ValidityBasis.UNTIL_FURTHER_NOTICE, Period(D(2020, 1, 1)), notice_months=12
    ) == Validity.until_further_notice(D(2020, 1, 1), notice_months=12)


def test_validity_until_further_notice_may_start_on_a_day_known_only_to_the_year() -> None:
    validity = Validity.until_further_notice(D(1999, 1, 1), start_precision=Precision.YEAR)

    assert Precision.YEAR == validity.start_precision


def test_validity_until_further_notice_known_to_the_year_must_start_on_1_january() -> None:
    with pytest.raises(ModelError) as raised:
        Validity.until_further_notice(D(1999, 3, 1), start_precision="year")

    assert "start_precision" == raised.value.field


def test_validity_fixed_runs_between_its_two_dates() -> None:
    assert Validity(ValidityBasis.FIXED, Period(D(2023, 1, 1), D(2024, 12, 31))) == Validity.fixed(
        D(2023, 1, 1), D(2024, 12, 31)
    )


def test_validity_fixed_that_ends_before_it_starts_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Validity.fixed(D(2024, 1, 1), D(2023, 12, 31))

    assert "end" == raised.value.field


def test_validity_from_signing_runs_from_the_last_assent_to_its_end() -> None:
    assert Validity(
        ValidityBasis.FROM_SIGNING,
        Period(D(2021, 3, 22), D(2022, 12, 31)),
        extension=Extension(2),
    ) == Validity.from_signing(D(2021, 3, 22), D(2022, 12, 31), extension=Extension(2))


@pytest.mark.parametrize(
    "method",
    [
        Validity.for_mandate_period,
        Validity.until_further_notice,
        Validity.fixed,
        Validity.from_signing,
        Agreement.assents,
    ],
    ids=lambda method: method.__qualname__,
)
def test_the_examples_in_a_method_docstring_hold(method: Callable[..., object]) -> None:
    # Methods of the classes busmodel publishes are left out by pytest's doctest finder.
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
    examples = finder.find(method, method.__qualname__, module=False, globs=dict(NAMES))
    assert [0] * len(examples) == [runner.run(example).failed for example in examples]
    assert any(example.examples for example in examples)


def test_signature_date_with_a_time_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Signature("bun", dt.datetime(2023, 2, 1, 10), "Cecilia Carlsson")

    assert "date" == raised.value.field


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"body": "BUN"}, "body"), ({"name": ""}, "name"), ({"place": " "}, "place")],
)
def test_signature_with_a_bad_field_is_rejected(changes: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {
        "body": "bun",
        "name": "Cecilia Carlsson",
        "date": D(2023, 2, 1),
    }
    arguments.update(changes)

    with pytest.raises(ModelError) as raised:
        Signature(**arguments)  # type: ignore[arg-type]

    assert field == raised.value.field


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"code": "", "reason": "beslutat före avtalet"}, "code"),
        ({"code": "CHR", "reason": " "}, "reason"),
        ({"code": "CHR", "reason": "beslutat före avtalet", "path": ""}, "path"),
    ],
)
def test_exemption_with_blank_text_is_rejected(arguments: dict[str, str], field: str) -> None:
    with pytest.raises(ModelError) as raised:
        Exemption(**arguments)

    assert field == raised.value.field


def test_agreement_needs_only_an_id_and_a_title() -> None:
    agreement = Agreement(id="bus", title="BUS")

    assert AgreementKind.AGREEMENT == agreement.kind
    assert ((), (), None, None) == (
        agreement.parties,
        agreement.forums,
        agreement.chair,
        agreement.validity,
    )


def test_agreement_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Agreement("bus", "BUS")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": "Alingsås BUS"}, "id"),
        ({"title": ""}, "title"),
        ({"kind": "ramverk"}, "kind"),
        ({"kind": AgreementKind}, "kind"),
        ({"municipality": "Alingsås"}, "municipality"),
        ({"region": " "}, "region"),
        ({"document_date": "2022-12-12"}, "document_date"),
        ({"document_date": dt.datetime(2022, 12, 12, 9)}, "document_date"),
        ({"case_officer": "Anna Andersson"}, "case_officer"),
        ({"contacts": ("Bo Berg",)}, "contacts"),
        ({"principles": ("barnets bästa", "")}, "principles"),
        ({"framework": "VGR BUS"}, "framework"),
        ({"supersedes": ("Alingsås 2019",)}, "supersedes"),
        ({"members": (Municipality("Alingsås"), "Lerum")}, "members"),
        ({"decisions": ("kf 1999",)}, "decisions"),
        ({"bodies": ("bun",)}, "bodies"),
        ({"parties": "bun"}, "parties"),
        ({"parties": b"bun"}, "parties"),
        ({"parties": {"bun": "Barn- och ungdomsnämnden"}}, "parties"),
        ({"parties": frozenset({"bun"})}, "parties"),
        ({"parties": 7}, "parties"),
        ({"parties": ("bun", "SN")}, "parties"),
        ({"parties": ["bun", "SN"]}, "parties"),
        ({"principles": "barnets bästa"}, "principles"),
        ({"participants": ("Polisen",)}, "participants"),
        ({"forums": ("styr-bus",)}, "forums"),
        ({"chair": ("bun", "sn")}, "chair"),
        ({"validity": MANDATE_2023_2026}, "validity"),
        ({"signatures": ("bun",)}, "signatures"),
        ({"exemptions": ("chair",)}, "exemptions"),
    ],
)
def test_agreement_with_a_field_of_the_wrong_kind_is_rejected(
    changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ModelError) as raised:
        make_agreement(**changes)

    assert field == raised.value.field


def test_agreement_takes_its_collections_as_lists_and_stores_tuples() -> None:
    built = make_agreement()
    as_lists = {
        field.name: list(getattr(built, field.name))
        for field in attrs.fields(Agreement)
        if isinstance(getattr(built, field.name), tuple)
    }

    rebuilt = make_agreement(**as_lists)

    assert built == rebuilt
    assert [] == [name for name in as_lists if type(getattr(rebuilt, name)) is not tuple]


def test_agreement_takes_its_kind_as_its_value() -> None:
    assert AgreementKind.FRAMEWORK == Agreement(id="vgr", title="VGR", kind="framework").kind


def test_agreement_with_an_unknown_kind_names_the_choices() -> None:
    with pytest.raises(ModelError) as raised:
        Agreement(id="vgr", title="VGR", kind="ramverk")

    assert "'ramverk' is not one of 'agreement', 'framework', 'extension'" == raised.value.message


def test_agreement_takes_its_bodies_from_a_generator() -> None:
    bodies = make_agreement().bodies

    assert bodies == Agreement(id="a", title="A", bodies=(body for body in bodies)).bodies


def test_agreement_repr_of_the_example_says_what_it_is_on_one_line() -> None:
    agreement = busmodel.load_agreement(ROOT / "examples" / "alingsas-bus-2023-corrected.toml")

    assert (
        "<Agreement 'alingsas-bus-2023' 'BUS- Barn Ungdom Samverkan' 2023-01-01/2026-12-31, "
        "7 bodies, 4 forums, 3 signatures>"
    ) == repr(agreement)


def test_agreement_repr_names_the_kind_and_counts_adoptions() -> None:
    agreement = busmodel.load_agreement(ROOT / "examples" / "lerum-riktlinjer-2011.toml")

    assert (
        "<Agreement 'lerum-riktlinjer-2011' 'Riktlinjer för samverkan…' 2011-01-01/2014-12-31, "
        "3 bodies, 1 forum, 3 adoptions>"
    ) == repr(agreement)


def test_agreement_repr_of_a_framework_in_force_until_further_notice() -> None:
    agreement = busmodel.load_agreement(ROOT / "examples" / "vastbus-2005.toml")

    assert (
        "<Agreement 'vastbus-2005' (framework) 'VÄSTBUS – Gemensamma riktlinjer för barn…' "
        "2005-01-01/.., 1 body, no signatures>"
    ) == repr(agreement)


def test_agreement_repr_without_validity_or_assents_says_so() -> None:
    assert "<Agreement 'bus' 'BUS' no validity, 0 bodies, no signatures>" == repr(
        Agreement(id="bus", title="BUS")
    )


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.toml")), ids=lambda p: p.name)
def test_the_repr_of_every_example_is_one_line_of_at_most_120_characters(path: Path) -> None:
    shown = repr(busmodel.load(path))

    assert (1, True) == (len(shown.splitlines()), len(shown) <= 120)
    assert shown.startswith(("<Agreement '", "<Records for '"))


def test_agreement_repr_shortens_a_long_title_and_keeps_it_on_one_line() -> None:
    title = "Samverkansöverenskommelse\nom barn och unga " + "i Alingsås kommun " * 10

    shown = repr(Agreement(id="bus", title=title))

    assert (
        "<Agreement 'bus' 'Samverkansöverenskommelse om barn och unga i Alingsås kommun…' "
        "no validity, 0 bodies, no signatures>"
    ) == shown


def test_agreement_repr_escapes_what_a_title_hides() -> None:
    shown = repr(Agreement(id="bus", title="So\u200bcial"))

    assert "'So\\u200bcial'" in shown


def test_body_looks_up_a_declared_body_by_id() -> None:
    body = make_agreement().body("bup")
    assert body is not None

    assert ("Barn- och ungdomspsykiatrin", "vgr") == (body.name, body.part_of)


def test_body_of_an_undeclared_id_is_none() -> None:
    assert make_agreement().body("skola") is None


def test_forum_looks_up_a_forum_by_id() -> None:
    forum = make_agreement().forum("arbetsgrupp")
    assert forum is not None

    assert "Arbetsgrupp BUS" == forum.name


def test_forum_of_an_unknown_id_is_none() -> None:
    assert make_agreement().forum("elev-bus") is None


def test_body_and_forum_of_an_id_given_twice_are_the_first_given() -> None:
    agreement = make_agreement()
    first, forum = agreement.bodies[0], agreement.forums[0]
    twice = attrs.evolve(
        agreement,
        bodies=(*agreement.bodies, attrs.evolve(first, name="Ett annat namn")),
        forums=(*agreement.forums, attrs.evolve(forum, name="Ett annat forum")),
    )
    assert (first, forum) == (twice.body(first.id), twice.forum(forum.id))


def test_lookups_leave_equality_hashing_repr_and_copies_alone() -> None:
    looked_up, fresh = make_agreement(), make_agreement()
    assert looked_up.body("bup") is not None
    assert (fresh, hash(fresh), repr(fresh)) == (looked_up, hash(looked_up), repr(looked_up))
    copied = pickle.loads(pickle.dumps(looked_up))
    assert (looked_up, looked_up.body("bup")) == (copied, copied.body("bup"))
    assert "_by_id" not in {field.name for field in attrs.fields(Agreement)}  # not in documents


def test_an_evolved_agreement_looks_up_its_own_bodies() -> None:
    agreement = make_agreement()
    assert agreement.body("bup") is not None
    renamed = attrs.evolve(agreement, bodies=agreement.bodies[:1])
    assert (agreement.bodies[0], None) == (
        renamed.body(agreement.bodies[0].id),
        renamed.body("bup"),
    )


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        (D(2022, 12, 31), False),
        (D(2023, 1, 1), True),
        (D(2024, 2, 29), True),
        (D(2026, 12, 31), True),
        (D(2027, 1, 1), False),
    ],
)
def test_agreement_is_in_force_within_its_validity_period(day: dt.date, in_force: bool) -> None:
    assert in_force == make_agreement().in_force(day)


def test_agreement_without_validity_is_never_in_force() -> None:
    assert not make_agreement(validity=None).in_force(D(2024, 6, 1))


def test_agreement_valid_until_further_notice_stays_in_force() -> None:
    validity = Validity(ValidityBasis.UNTIL_FURTHER_NOTICE, Period(D(2023, 1, 1)), notice_months=12)

    assert make_agreement(validity=validity).in_force(D(2040, 1, 1))


def test_framework_lists_the_municipalities_it_covers() -> None:
    framework = Agreement(
        id="vgr-bus",
        title="Regional överenskommelse BUS",
        kind=AgreementKind.FRAMEWORK,
        members=(Municipality("Alingsås", "1489"), Municipality("Lerum", "1441")),
    )

    assert ("1489", "1441") == tuple(member.code for member in framework.members)


def test_agreement_is_immutable() -> None:
    agreement = make_agreement()

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        agreement.title = "Ny titel"  # type: ignore[misc]


def test_agreements_built_alike_are_equal() -> None:
    assert make_agreement() == make_agreement()


def test_agreements_that_differ_in_a_nested_field_are_not_equal() -> None:
    validity = Validity(ValidityBasis.MANDATE_PERIOD, MANDATE_2023_2026, review=Review.ANNUAL)

    assert make_agreement(validity=validity) != make_agreement()


@pytest.mark.parametrize("code", ["sig006", "SIG-006", "SIGNATURE", "", "SIG0066"])
def test_exemption_code_must_be_a_rule_code_or_prefix(code: str) -> None:
    with pytest.raises(ModelError) as caught:
        Exemption(code, "reason")
    assert "code" == caught.value.field


@pytest.mark.parametrize("code", ["SIG006", "SIG", "S", "VAL01"])
def test_exemption_code_may_be_a_rule_code_or_a_prefix_of_codes(code: str) -> None:
    assert code == Exemption(code, "reason").code


@pytest.mark.parametrize("name", ["every-party-signs", "chair-is-party", "signed", "val2-check"])
def test_exemption_code_may_be_a_rules_name(name: str) -> None:
    assert name == Exemption(name, "reason").code


@pytest.mark.parametrize(
    "code",
    ["Every-Party-Signs", "every_party_signs", "every party signs", "-signs", "signs-", "a--b"],
)
def test_exemption_code_that_is_neither_a_code_nor_a_name_says_both_are_allowed(code: str) -> None:
    with pytest.raises(ModelError) as caught:
        Exemption(code, "reason")
    assert (
        f"{code!r} is neither a rule code or prefix, like 'SIG' or 'SIG006', "
        "nor a rule's name, like 'every-party-signs'"
    ) == caught.value.message


@pytest.mark.parametrize("code", ["sig", "sig006", "chair"])
def test_exemption_code_that_reads_as_a_code_in_lowercase_is_refused_as_a_code(code: str) -> None:
    with pytest.raises(ModelError) as caught:
        Exemption(code, "reason")
    assert f"{code!r} is not a rule code or prefix, like 'SIG' or 'SIG006'" == caught.value.message


def test_exemption_code_that_is_not_text_is_rejected() -> None:
    with pytest.raises(ModelError) as caught:
        Exemption(6, "reason")  # type: ignore[arg-type]
    assert "code" == caught.value.field


@pytest.mark.parametrize(
    "path", ["signatures/0", "", "records:meetings/0", "Records:/meetings/0", ":/x", "/a~2b", "/a~"]
)
def test_exemption_path_must_point_into_a_document(path: str) -> None:
    with pytest.raises(ModelError) as caught:
        Exemption("SIG", "reason", path=path)
    assert "path" == caught.value.field


@pytest.mark.parametrize(
    "path", ["/signatures/0", "records:/meetings/3/date", "/", "/parties/a~1b~0c", "/title/"]
)
def test_exemption_path_may_point_into_the_agreement_or_its_records(path: str) -> None:
    assert path == Exemption("SIG", "reason", path=path).path


@pytest.mark.parametrize("path", ["registry:/0/parties", "framework:/forums/1"])
def test_exemption_path_may_name_any_document_and_leaves_what_names_mean_to_validation(
    path: str,
) -> None:
    assert path == Exemption("SIG", "reason", path=path).path
