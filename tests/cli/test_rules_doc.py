import json

import busmodel
from busmodel import Catalogue
from busmodel.cli import rule_data, rule_page, rules_markdown
from tests.support.cli import run
from tests.support.paths import DOCS

BUILT_IN = Catalogue.built_in()


def test_docs_rules_md_matches_the_catalogue() -> None:
    expected = rules_markdown(busmodel.rules())
    actual = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert expected == actual, "regenerate with: busmodel rules --format markdown > docs/rules.md"


def test_every_rule_has_a_section_with_its_code_name_titles_and_examples() -> None:
    page = rules_markdown(BUILT_IN)
    for rule in BUILT_IN:
        assert f"### {rule.code} `{rule.name}`: {rule.title.en}" in page
        assert rule.title.sv in page
        if rule.example is not None:
            assert rule.example.bad.document.rstrip() in page
            assert rule.example.good.document.rstrip() in page


def test_a_rule_page_shows_what_why_and_a_bad_and_a_good_example() -> None:
    rule = BUILT_IN["CHR001"]
    assert rule.example is not None
    page = rule_page(rule, "en")
    assert page.startswith("CHR001 (chair-is-party): The chair is a party\n")
    assert "Severity: error" in page
    bad, good = page.index("\nBad:\n"), page.index("\nFixed:\n")
    assert bad < good
    assert 'terms = [{ body = "ks"' in page[bad:good]
    assert 'terms = [{ body = "bun"' in page[good:]


def test_a_rule_page_speaks_swedish_when_asked() -> None:
    page = rule_page(BUILT_IN["CHR001"], "sv")
    assert "Ordföranden är part" in page
    assert "Allvarlighetsgrad: fel" in page
    assert "\nFelaktigt:\n" in page


def test_busmodel_rules_code_shows_the_rule_page_by_code_or_name() -> None:
    by_code = run("rules", "CHR001")
    by_name = run("rules", "chair-is-party")
    assert (0, rule_page(BUILT_IN["CHR001"]), "") == by_code
    assert by_code == by_name


def test_busmodel_rules_with_an_unknown_code_is_a_usage_error() -> None:
    code, out, err = run("rules", "CHR999")
    assert 2 == code
    assert "" == out
    assert "no rule has the code or name 'CHR999'" in err


def test_busmodel_rules_json_carries_names_and_examples() -> None:
    code, out, _ = run("rules", "CHR001", "--format", "json")
    assert 0 == code
    assert [rule_data(BUILT_IN["CHR001"])] == json.loads(out)


def test_the_rule_list_names_every_rule_beside_its_code() -> None:
    _, out, _ = run("rules")
    lines = out.splitlines()
    assert len(busmodel.rules()) == len(lines)
    assert lines[0].split()[:2] == [busmodel.rules()[0].code, busmodel.rules()[0].name]
