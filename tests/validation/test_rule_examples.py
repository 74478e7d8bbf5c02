"""Every built-in rule's bad example breaks it and its good example does not.

The examples are what ``busmodel rules CODE`` shows a case officer; this proves
them, as ruff's rule pages would be if they were checked.
"""

import pytest

from busmodel import (
    Agreement,
    Catalogue,
    Records,
    Registry,
    Report,
    Rule,
    Severity,
    Snippet,
    loads,
    validate,
)

BUILT_IN = Catalogue.built_in().rules


def run(snippet: Snippet, select: list[str] | None = None) -> Report:
    """Validate the snippet's document, with its records, others and day, by the built-in rules.

    ``select`` picks the rules that run; the others still count as known (to INT007).
    """
    document = loads(snippet.document)
    assert isinstance(document, Agreement)
    records = None if snippet.records is None else loads(snippet.records)
    assert records is None or isinstance(records, Records)
    others = [loads(other) for other in snippet.others]
    return validate(
        document,
        today=snippet.today,
        records=records,
        registry=Registry.of([document, *others]) if others else None,
        catalogue=Catalogue.built_in(),
        select=select,
    )


@pytest.mark.parametrize("rule", BUILT_IN, ids=lambda rule: rule.code)
def test_the_bad_example_breaks_the_rule(rule: Rule) -> None:
    assert rule.example is not None, f"{rule.code} has no example"
    assert rule.code in run(rule.example.bad, [rule.code]).codes()


@pytest.mark.parametrize("rule", BUILT_IN, ids=lambda rule: rule.code)
def test_the_good_example_keeps_the_rule_and_the_rule_runs_on_it(rule: Rule) -> None:
    assert rule.example is not None, f"{rule.code} has no example"
    report = run(rule.example.good, [rule.code])
    assert () == report.codes()
    assert () == report.skipped


@pytest.mark.parametrize("rule", BUILT_IN, ids=lambda rule: rule.code)
def test_the_good_example_has_no_error_from_any_rule(rule: Rule) -> None:
    assert rule.example is not None, f"{rule.code} has no example"
    report = run(rule.example.good)
    errors = [f"{f.code} {f.path}" for f in report.findings if f.severity is Severity.ERROR]
    assert [] == errors


@pytest.mark.parametrize("rule", BUILT_IN, ids=lambda rule: rule.code)
def test_every_rule_says_its_messages_in_templates(rule: Rule) -> None:
    assert rule.messages, f"{rule.code} declares no message templates"
