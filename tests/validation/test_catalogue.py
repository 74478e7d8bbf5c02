from collections.abc import Iterator
from importlib.metadata import EntryPoint
from types import ModuleType
from typing import Any

import attrs
import pytest

import busmodel
from busmodel import (
    BusmodelError,
    Catalogue,
    Context,
    Issue,
    Message,
    Need,
    Rule,
    RuleError,
    Severity,
    Text,
    rule,
    validate,
)
from busmodel.validation import _catalogue as _default
from busmodel.validation._catalogue import ENTRY_POINT_GROUP
from tests.support.builders import clean_agreement
from tests.support.plugin_rules import RULES

BUILT_IN_AREAS = {"INT", "VAL", "SIG", "NAM", "CHR", "FOR", "LIF", "SUP", "REC", "EXT"}


def _rule(code: str = "TST001", **changes: Any) -> Rule:
    made = Rule(
        code=code,
        title=Text(en="Has a case officer", sv="Har en handläggare"),
        severity=Severity.WARNING,
        rationale=Text(en="Someone must answer.", sv="Någon måste svara."),
        source="tests",
        check=_no_case_officer,
    )
    return attrs.evolve(made, **changes)


def _no_case_officer(context: Context) -> Iterator[Issue]:
    if context.agreement.case_officer is None:
        yield Issue("/case_officer", Text(en="no case officer", sv="ingen handläggare"))


def test_every_built_in_area_has_rules_with_both_languages_a_source_and_a_name() -> None:
    catalogue = Catalogue.built_in()
    assert BUILT_IN_AREAS == {r.area for r in catalogue}
    for item in catalogue:
        assert all((item.title.en, item.title.sv, item.rationale.en, item.rationale.sv))
        assert item.source
        assert item.name


def test_rules_are_listed_in_code_order_with_unique_codes_and_names() -> None:
    catalogue = Catalogue.built_in()
    codes = [r.code for r in catalogue]
    names = [r.name for r in catalogue]
    assert sorted(set(codes)) == codes
    assert len(set(names)) == len(names)


def test_a_rule_made_with_the_decorator_registers_nothing() -> None:
    before = busmodel.rules()

    @rule(
        "TST002",
        title=Text(en="t", sv="t"),
        severity=Severity.INFO,
        rationale=Text(en="r", sv="r"),
        source="tests",
    )
    def lonely(context: Context) -> Iterator[Issue]:
        return iter(())

    assert isinstance(lonely, Rule)
    assert before == busmodel.rules()
    assert "TST002" not in Catalogue.default()


def test_a_catalogue_given_to_validate_runs_its_rules_and_leaves_the_default_alone() -> None:
    catalogue = Catalogue.default().with_rules(_rule())
    report = validate(clean_agreement(), catalogue=catalogue, select=["TST"])
    assert ("TST001",) == report.codes()
    assert "/case_officer" == report.findings[0].path
    assert Severity.WARNING is report.findings[0].severity
    assert "TST001" not in Catalogue.default()


def test_a_rule_is_picked_by_its_name_wherever_a_code_is() -> None:
    catalogue = Catalogue([_rule(name="has-case-officer")])
    assert ("TST001",) == validate(
        clean_agreement(), catalogue=catalogue, select=["has-case-officer"]
    ).codes()
    assert (
        () == validate(clean_agreement(), catalogue=catalogue, ignore=["has-case-officer"]).codes()
    )
    assert "TST001" == catalogue["has-case-officer"].code


def test_a_rule_takes_the_name_of_its_check_function() -> None:
    assert "no-case-officer" == _rule().name
    assert "chair-is-party" == Catalogue.built_in()["CHR001"].name


def test_register_and_unregister_change_the_default_catalogue() -> None:
    made = _rule("TST003")
    try:
        assert made is busmodel.register(made)
        assert "TST003" in Catalogue.default()
        assert ("TST003",) == validate(clean_agreement(), select=["TST003"]).codes()
    finally:
        busmodel.unregister("TST003")
    assert "TST003" not in Catalogue.default()


def test_two_different_rules_with_one_code_are_refused() -> None:
    taken = Catalogue.built_in().rules[0]
    other = _rule(taken.code)
    with pytest.raises(BusmodelError, match=taken.code):
        Catalogue([taken, other])
    with pytest.raises(BusmodelError, match=taken.code):
        busmodel.register(other)


def test_two_rules_with_one_name_are_refused() -> None:
    with pytest.raises(BusmodelError, match="'twin'"):
        Catalogue([_rule("TST004", name="twin"), _rule("TST005", name="twin")])


def test_another_check_under_a_taken_code_with_the_same_metadata_is_refused() -> None:
    taken = Catalogue.built_in().rules[0]

    def impostor(context: Context) -> Iterator[Issue]:
        return iter(())

    with pytest.raises(BusmodelError, match=taken.code):
        Catalogue([taken, attrs.evolve(taken, check=impostor, name=taken.name)])


def test_adding_the_same_rule_again_is_harmless() -> None:
    taken = Catalogue.built_in().rules[0]
    assert Catalogue.built_in() == Catalogue.built_in().with_rules(taken)
    assert taken is busmodel.register(taken)


@pytest.mark.parametrize("code", ["sig001", "S001", "SIGNATURE001", "SIG01", "SIG0001"])
def test_rule_codes_must_be_capitals_and_three_digits(code: str) -> None:
    with pytest.raises(BusmodelError, match="three digits"):
        _rule(code)


@pytest.mark.parametrize("name", ["Chair", "chair_is_party", "-chair", "chair--party", ""])
def test_rule_names_must_be_lowercase_words_joined_by_hyphens(name: str) -> None:
    with pytest.raises(BusmodelError, match="lowercase words"):
        _rule(name=name)


def test_select_takes_prefixes_and_names_and_ignore_wins() -> None:
    chosen = [r.code for r in Catalogue.built_in().select(["INT00"], ignore=["references-exist"])]
    assert "INT001" in chosen
    assert "INT002" not in chosen
    assert all(code.startswith("INT00") for code in chosen)


def test_unknown_lists_the_entries_that_pick_no_rule() -> None:
    assert ("XYZ", "chair-is-partly") == Catalogue.built_in().unknown(
        ["SIG", "XYZ", "chair-is-party", "chair-is-partly", "sig001"]
    )


def test_getting_a_rule_that_is_not_there_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        Catalogue.built_in()["XYZ001"]
    assert Catalogue.built_in().get("XYZ001") is None


def test_a_rule_is_called_like_its_check() -> None:
    context = Context(clean_agreement())
    assert list(_no_case_officer(context)) == list(_rule()(context))


def _entries(monkeypatch: pytest.MonkeyPatch, *entries: EntryPoint) -> list[str]:
    seen: list[str] = []

    def fake_entry_points(*, group: str) -> list[EntryPoint]:
        seen.append(group)
        return list(entries)

    monkeypatch.setattr(_default, "entry_points", fake_entry_points)
    return seen


def test_rules_from_the_entry_point_group_join_the_default_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = EntryPoint("pretend", "tests.support.plugin_rules:RULES", ENTRY_POINT_GROUP)
    seen = _entries(monkeypatch, entry)
    catalogue = _default._build()
    assert [ENTRY_POINT_GROUP] == seen
    assert RULES[0] is catalogue["PLG001"]
    assert len(Catalogue.built_in()) + 1 == len(catalogue)


def test_a_plugin_module_contributes_the_rules_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = EntryPoint("pretend", "tests.support.plugin_rules", ENTRY_POINT_GROUP)
    _entries(monkeypatch, entry)
    assert RULES[0] is _default._build()["PLG001"]


def test_a_plugin_that_fails_to_load_names_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    _entries(monkeypatch, EntryPoint("broken", "tests.no_such_module:RULES", ENTRY_POINT_GROUP))
    with pytest.raises(BusmodelError, match="'broken'"):
        _default._build()


def test_a_plugin_that_names_something_else_than_rules_names_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _entries(monkeypatch, EntryPoint("odd", "tests.support.paths:ROOT", ENTRY_POINT_GROUP))
    with pytest.raises(BusmodelError, match=r"'odd'.*expected a Rule"):
        _default._build()


def test_a_plugin_module_without_rules_adds_nothing() -> None:
    assert [] == _default._plugin_rules(ModuleType("empty"))


def test_need_texts_exist_in_both_languages() -> None:
    for need in Need:
        assert need.text.en != need.text.sv


def _templated(**changes: Any) -> Rule:
    def says(context: Context) -> Iterator[Issue]:
        yield Issue.at("/title", title=context.agreement.title, n=2)

    default = {"default": Message(en="{title}: {n:fault|faults}", sv="{title}: {n:fel|fel}")}
    return _rule(check=says, **{"messages": default, **changes})


def test_a_check_yields_values_and_the_rule_says_them_in_both_languages() -> None:
    report = validate(clean_agreement(), catalogue=Catalogue([_templated()]))
    title = clean_agreement().title
    assert Text(en=f"{title}: 2 faults", sv=f"{title}: 2 fel") == report.findings[0].message


def test_a_template_the_rule_lacks_is_a_bug_in_the_rule() -> None:
    broken = _templated(messages={})
    with pytest.raises(RuleError, match="TST001"):
        validate(clean_agreement(), catalogue=Catalogue([broken]))


def test_a_value_the_template_needs_but_the_check_omits_is_a_bug_in_the_rule() -> None:
    broken = _templated(messages={"default": Message(en="{title} {when}", sv="{title} {when}")})
    with pytest.raises(RuleError, match="TST001"):
        validate(clean_agreement(), catalogue=Catalogue([broken]))


def test_every_built_in_template_fills_the_same_fields_in_both_languages() -> None:
    for item in Catalogue.built_in():
        for template in item.messages.values():
            assert template.fields == Message(en=template.sv, sv=template.sv).fields


def test_the_built_in_catalogue_is_made_once_and_keeps_its_plans_between_calls() -> None:
    import busmodel

    catalogue = Catalogue.built_in()
    assert catalogue is Catalogue.built_in()
    agreement = busmodel.Agreement(id="a", title="A")
    first = busmodel.validate(agreement, catalogue=Catalogue.built_in(), select=["INT"])
    again = busmodel.validate(agreement, catalogue=Catalogue.built_in(), select=["INT"])
    assert first == again
    assert 0 < len(catalogue._memo)  # what the first call worked out, kept for the second


def test_threads_asking_for_the_built_in_catalogue_at_once_get_the_one_catalogue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys
    import threading

    import busmodel.validation._catalogue as module

    def made_at_once() -> list[Catalogue]:
        monkeypatch.setattr(module, "_built_in", None)  # not made yet
        start = threading.Barrier(8)
        found: list[Catalogue] = []

        def ask() -> None:
            start.wait()
            found.append(Catalogue.built_in())

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return found

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(30):
            found = made_at_once()
            assert 8 == len(found)
            assert all(catalogue is found[0] for catalogue in found)
    finally:
        sys.setswitchinterval(interval)
