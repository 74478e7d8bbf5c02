import attrs
import pytest

import busmodel as bm
import busmodel._rules.names  # registers the NAM rules
from busmodel._rules.names import near_identical
from tests.rule_fixtures import check, clean_agreement


def with_body(body: bm.Body) -> bm.Agreement:
    agreement = clean_agreement()
    return attrs.evolve(agreement, bodies=(*agreement.bodies, body))


def committees(*names: str) -> bm.Agreement:
    bodies = tuple(bm.Body(f"n{i}", name, bm.BodyKind.COMMITTEE) for i, name in enumerate(names))
    return bm.Agreement(id="a", title="A", bodies=bodies)


def test_clean_agreement_passes_the_name_rules() -> None:
    assert () == check(clean_agreement(), "NAM").findings


def test_nam001_the_alingsas_pair_warns_on_the_later_body() -> None:
    wrong = bm.Body("bun-utb", "Barn- och utbildningsnämnden", bm.BodyKind.COMMITTEE)
    [finding] = check(with_body(wrong), "NAM001").findings
    assert ("/bodies/7/name", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/bodies/0/name",) == finding.related
    assert (
        "Barn- och utbildningsnämnden har nästan samma namn som Barn- och ungdomsnämnden, "
        "som står tidigare under bodies: avses samma organ?"
    ) == finding.message.sv


def test_nam001_a_typo_is_near_identical() -> None:
    [finding] = check(committees("Socialnämnden", "Socialnämden"), "NAM001").findings
    assert "/bodies/1/name" == finding.path


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Socialnämnden", "Servicenämnden"),
        ("Kultur- och fritidsnämnden", "Kultur- och utbildningsnämnden"),
        ("Barn- och utbildningsnämnden", "Kultur- och utbildningsnämnden"),
        ("Barn- och ungdomsnämnden", "Barn- och skolnämnden"),
        ("Barn- och ungdomsnämnden", "Barn- och familjenämnden"),
        ("Vård- och omsorgsnämnden", "Vård- och äldrenämnden"),
        ("Byggnadsnämnden", "Stadsbyggnadsnämnden"),
        ("Miljö- och byggnadsnämnden", "Bygg- och miljönämnden"),
        ("Socialnämnden", "Valnämnden"),
    ],
)
def test_nam001_real_committees_with_different_names_pass(first: str, second: str) -> None:
    assert () == check(committees(first, second), "NAM001").findings


def test_nam001_compares_only_bodies_of_the_same_kind() -> None:
    other = bm.Body("bun-utb", "Barn- och utbildningsnämnden", bm.BodyKind.OTHER)
    assert () == check(with_body(other), "NAM001").findings


def test_nam001_leaves_equal_names_to_nam002() -> None:
    assert () == check(committees("Socialnämnden", "socialnämnden"), "NAM001").findings


@pytest.mark.parametrize(
    ("first", "second", "alike"),
    [
        ("Barn- och ungdomsnämnden", "Barn- och utbildningsnämnden", True),
        ("Barn och ungdomsnämnden", "Barn- och ungdomsnämnden", True),
        ("Socialnämnden", "Socialnämden", True),
        ("Kultur- och fritidsnämnden", "Kultur- och utbildningsnämnden", False),
        ("Barn- och ungdomsförvaltningen", "Kultur- och utbildningsförvaltningen", False),
        ("Socialförvaltningen", "Barn- och ungdomsförvaltningen", False),
        ("Socialnämnden", "SOCIALNÄMNDEN", False),
    ],
)
def test_near_identical_thresholds(first: str, second: str, alike: bool) -> None:
    assert alike == near_identical(first, second)


def test_nam002_the_same_name_under_two_ids_warns_on_the_later_body() -> None:
    twin = bm.Body("soc", "socialnämnden ", bm.BodyKind.COMMITTEE)
    [finding] = check(with_body(twin), "NAM002").findings
    assert ("/bodies/7/name", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/bodies/1/name",) == finding.related
    assert "'sn' and 'soc'" in finding.message.en


def test_nam002_a_repeated_id_is_left_to_int001() -> None:
    twin = bm.Body("sn", "Socialnämnden", bm.BodyKind.COMMITTEE)
    assert () == check(with_body(twin), "NAM002").findings


def test_name_messages_exist_in_both_languages() -> None:
    [finding] = check(committees("Socialnämnden", "Socialnämden"), "NAM001").findings
    assert finding.message.sv != finding.message.en
