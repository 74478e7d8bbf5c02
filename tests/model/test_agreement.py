import datetime as dt
import pickle

import attrs
import pytest

from busmodel import (
    Agreement,
    AgreementKind,
    ChairRule,
    ChairTerm,
    Convention,
    Decision,
    Exemption,
    Extension,
    ModelError,
    Municipality,
    Period,
    Review,
    Signature,
    Validity,
    ValidityBasis,
)
from tests.support.builders import MANDATE_2023_2026, make_agreement

D = dt.date


def test_decision_dated_in_another_year_than_its_year_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Decision("kf", 1999, D(2000, 1, 12))

    assert "date" == raised.value.field


def test_decision_dated_in_its_year_is_allowed() -> None:
    assert D(1999, 3, 29) == Decision("kf", 1999, D(1999, 3, 29)).date


@pytest.mark.parametrize("year", [1899, 2201, True, "1999"])
def test_decision_year_outside_1900_to_2200_is_rejected(year: object) -> None:
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


def test_chair_rule_rotation_in_a_list_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        ChairRule(["bun", "sn"])  # type: ignore[arg-type]

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
        ({"basis": "fixed"}, "basis"),
        ({"period": (D(2023, 1, 1), D(2026, 12, 31))}, "period"),
        ({"convention": "council"}, "convention"),
        ({"notice_months": 0}, "notice_months"),
        ({"notice_months": 121}, "notice_months"),
        ({"extension": 4}, "extension"),
        ({"review": "annual"}, "review"),
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
        ({"kind": "framework"}, "kind"),
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
        ({"parties": ["bun", "sn"]}, "parties"),
        ({"parties": ("bun", "SN")}, "parties"),
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


@pytest.mark.parametrize("path", ["signatures/0", "", "records:meetings/0"])
def test_exemption_path_must_point_into_a_document(path: str) -> None:
    with pytest.raises(ModelError) as caught:
        Exemption("SIG", "reason", path=path)
    assert "path" == caught.value.field


@pytest.mark.parametrize("path", ["/signatures/0", "records:/meetings/3/date"])
def test_exemption_path_may_point_into_the_agreement_or_its_records(path: str) -> None:
    assert path == Exemption("SIG", "reason", path=path).path
