import attrs
import pytest

from busmodel import Body, BodyKind, ModelError, Municipality, Person

KINDS = (
    "'municipality', 'council', 'executive-board', 'committee', 'administration', 'region', "
    "'regional-body', 'state-agency', 'association', 'company', 'school', 'group', 'other'"
)


@pytest.mark.parametrize("body_id", ["bun", "styr-bus", "alingsas-bus-2023", "a", "7", "elev_bus"])
def test_body_accepts_a_lowercase_slug_as_id(body_id: str) -> None:
    assert body_id == Body(body_id, "Barn- och ungdomsnämnden", BodyKind.COMMITTEE).id


@pytest.mark.parametrize(
    "body_id", ["", "BUN", "styr bus", "-bun", "bun-", "bun_", "bun\n", "bün", "styr/bus"]
)
def test_body_with_an_id_that_is_not_a_slug_is_rejected(body_id: str) -> None:
    with pytest.raises(ModelError) as raised:
        Body(body_id, "Barn- och ungdomsnämnden", BodyKind.COMMITTEE)

    assert "id" == raised.value.field


def test_body_with_an_id_that_is_not_text_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Body(7, "Barn- och ungdomsnämnden", BodyKind.COMMITTEE)  # type: ignore[arg-type]

    assert "id" == raised.value.field


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_body_with_a_blank_name_is_rejected(name: str) -> None:
    with pytest.raises(ModelError) as raised:
        Body("bun", name, BodyKind.COMMITTEE)

    assert "name" == raised.value.field


def test_body_kind_given_as_its_value_is_stored_as_the_member() -> None:
    assert Body("bun", "Barn- och ungdomsnämnden", BodyKind.COMMITTEE) == Body(
        "bun", "Barn- och ungdomsnämnden", "committee"
    )


@pytest.mark.parametrize("kind", ["nämnd", "Committee", "COMMITTEE", 1, None])
def test_body_kind_that_is_no_kinds_value_is_rejected_naming_the_kinds(kind: object) -> None:
    with pytest.raises(ModelError) as raised:
        Body("bun", "Barn- och ungdomsnämnden", kind)  # type: ignore[arg-type]

    assert ("kind", f"{kind!r} is not one of {KINDS}") == (
        raised.value.field,
        raised.value.message,
    )


def test_body_kind_of_a_municipality_given_as_its_value_may_carry_a_code() -> None:
    assert "1441" == Body("lerum", "Lerums kommun", "municipality", code="1441").code


def test_body_may_be_part_of_another_body() -> None:
    body = Body("bup", "Barn- och ungdomspsykiatrin", BodyKind.REGIONAL_BODY, part_of="vgr")

    assert "vgr" == body.part_of


def test_body_that_is_part_of_itself_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Body("vgr", "Västra Götalandsregionen", BodyKind.REGION, part_of="vgr")

    assert "part_of" == raised.value.field


def test_body_part_of_something_that_is_not_an_id_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Body("bup", "Barn- och ungdomspsykiatrin", BodyKind.REGIONAL_BODY, part_of="VGR")

    assert "part_of" == raised.value.field


def test_body_kinds_are_written_as_kebab_case_words() -> None:
    assert BodyKind.EXECUTIVE_BOARD == BodyKind("executive-board")
    assert BodyKind.STATE_AGENCY == BodyKind("state-agency")


def test_body_is_immutable() -> None:
    body = Body("bun", "Barn- och ungdomsnämnden", BodyKind.COMMITTEE)

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        body.id = "sn"  # type: ignore[misc]


def test_person_needs_only_a_name() -> None:
    person = Person("Anna Andersson")

    assert (None, None, None) == (person.title, person.email, person.phone)


def test_person_with_a_blank_name_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Person(" ")

    assert "name" == raised.value.field


@pytest.mark.parametrize("field", ["title", "email", "phone"])
def test_person_with_a_blank_optional_field_is_rejected(field: str) -> None:
    with pytest.raises(ModelError) as raised:
        Person("Anna Andersson", **{field: ""})

    assert field == raised.value.field


def test_person_with_an_email_without_at_sign_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Person("Anna Andersson", email="anna.andersson.alingsas.se")

    assert "email" == raised.value.field


def test_person_with_an_email_address_is_accepted() -> None:
    assert "anna@example.se" == Person("Anna Andersson", email="anna@example.se").email


def test_municipality_county_is_the_first_two_digits_of_the_code() -> None:
    assert "14" == Municipality("Alingsås", "1489").county
    assert "01" == Municipality("Stockholm", "0180").county


def test_municipality_without_code_has_no_county() -> None:
    assert Municipality("Alingsås").county is None


@pytest.mark.parametrize("code", ["148", "14890", "14a9", "", " 1489", "١٤٨٩"])
def test_municipality_code_that_is_not_four_ascii_digits_is_rejected(code: str) -> None:
    with pytest.raises(ModelError) as raised:
        Municipality("Alingsås", code)

    assert "code" == raised.value.field


def test_municipality_code_given_as_a_number_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Municipality("Alingsås", 1489)  # type: ignore[arg-type]

    assert "code" == raised.value.field


def test_municipality_with_a_blank_name_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Municipality("", "1489")

    assert "name" == raised.value.field
