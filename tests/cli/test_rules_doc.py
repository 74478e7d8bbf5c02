import busmodel
from busmodel.cli._rules_doc import rules_markdown
from tests.support.paths import DOCS


def test_docs_rules_md_matches_the_catalogue() -> None:
    expected = rules_markdown(busmodel.rules())
    actual = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert expected == actual, "regenerate with: busmodel rules --format markdown > docs/rules.md"


def test_every_rule_has_a_section_with_its_code_and_both_titles() -> None:
    page = rules_markdown(busmodel.rules())
    for rule in busmodel.rules():
        assert f"### {rule.code}: {rule.title.en}" in page
        assert rule.title.sv in page
