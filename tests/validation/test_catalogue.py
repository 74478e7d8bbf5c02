from collections.abc import Iterator
from importlib.metadata import EntryPoint

import attrs
import pytest

import busmodel
from busmodel import BusmodelError, Context, Issue, Need, Rule, Severity, Text, rule, validate
from busmodel.validation._catalogue import ENTRY_POINT_GROUP, _Catalogue, select_rules
from tests.support.builders import clean_agreement
from tests.support.plugin_rules import RULES

BUILT_IN_AREAS = {"INT", "VAL", "SIG", "NAM", "CHR", "FOR", "LIF", "SUP", "REC"}


def test_every_built_in_area_has_rules_with_both_languages() -> None:
    catalogue = busmodel.rules()
    assert BUILT_IN_AREAS <= {r.area for r in catalogue}
    for item in catalogue:
        assert all((item.title.en, item.title.sv, item.rationale.en, item.rationale.sv))
        assert item.source


def test_rules_are_listed_in_code_order_without_repeats() -> None:
    codes = [r.code for r in busmodel.rules()]
    assert sorted(set(codes)) == codes


def test_a_rule_defined_here_runs_in_validate_and_leaves_again() -> None:
    @rule(
        "TST001",
        title=Text(en="Has a case officer", sv="Har en handläggare"),
        severity=Severity.WARNING,
        rationale=Text(en="Someone must answer.", sv="Någon måste svara."),
        source="tests",
    )
    def has_case_officer(context: Context) -> Iterator[Issue]:
        if context.agreement.case_officer is None:
            yield Issue("/case_officer", Text(en="no case officer", sv="ingen handläggare"))

    try:
        report = validate(clean_agreement(), select=["TST"])
        assert ("TST001",) == report.codes()
        assert "/case_officer" == report.findings[0].path
        assert Severity.WARNING is report.findings[0].severity
    finally:
        busmodel.unregister("TST001")
    assert "TST001" not in [r.code for r in busmodel.rules()]


def test_registering_another_rule_under_a_taken_code_is_an_error() -> None:
    taken = busmodel.rules()[0]
    other = Rule(
        code=taken.code,
        title=Text(en="x", sv="x"),
        severity=Severity.INFO,
        rationale=Text(en="x", sv="x"),
        source="tests",
        check=lambda context: (),
    )
    with pytest.raises(BusmodelError, match=taken.code):
        busmodel.register(other)


@pytest.mark.parametrize("code", ["sig001", "S001", "SIGNATURE001", "SIG01", "SIG0001"])
def test_rule_codes_must_be_capitals_and_three_digits(code: str) -> None:
    with pytest.raises(BusmodelError, match="three digits"):
        Rule(
            code=code,
            title=Text(en="x", sv="x"),
            severity=Severity.INFO,
            rationale=Text(en="x", sv="x"),
            source="tests",
            check=lambda context: (),
        )


def test_select_takes_prefixes_and_ignore_wins() -> None:
    chosen = [r.code for r in select_rules(select=["INT00"], ignore=["INT002"])]
    assert "INT001" in chosen
    assert "INT002" not in chosen
    assert all(code.startswith("INT00") for code in chosen)


def test_rules_from_the_entry_point_group_join_the_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = EntryPoint("pretend", "tests.support.plugin_rules:RULES", ENTRY_POINT_GROUP)
    seen: list[str] = []

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        seen.append(group)
        return [entry]

    monkeypatch.setattr("busmodel.validation._catalogue.entry_points", fake_entry_points)
    catalogue = _Catalogue()
    codes = [r.code for r in catalogue.all()]
    assert [ENTRY_POINT_GROUP] == seen
    assert "PLG001" in codes
    assert RULES[0] is catalogue.all()[codes.index("PLG001")]


def test_a_plugin_that_fails_to_load_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = EntryPoint("broken", "tests.no_such_module:RULES", ENTRY_POINT_GROUP)
    monkeypatch.setattr("busmodel.validation._catalogue.entry_points", lambda *, group: [entry])
    with pytest.raises(BusmodelError, match="'broken'"):
        _Catalogue().all()


def test_need_texts_exist_in_both_languages() -> None:
    for need in Need:
        assert need.text.en != need.text.sv


def test_another_check_under_a_taken_code_with_the_same_metadata_is_an_error() -> None:
    taken = busmodel.rules()[0]

    def impostor(context: Context) -> Iterator[Issue]:
        return iter(())

    with pytest.raises(BusmodelError, match=taken.code):
        busmodel.register(attrs.evolve(taken, check=impostor))
    assert taken is busmodel.rules()[0]


def test_registering_the_same_rule_again_is_harmless() -> None:
    taken = busmodel.rules()[0]
    assert taken is busmodel.register(taken)
