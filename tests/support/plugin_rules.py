"""Rules shipped by a pretend plug-in, loaded through the entry-point group in tests."""

from collections.abc import Iterator

from busmodel import Context, Issue, Rule, Severity, Text


def _no_title_case(context: Context) -> Iterator[Issue]:
    if context.agreement.title.isupper():
        yield Issue("/title", Text(en="title in capitals", sv="rubrik med versaler"))


NO_TITLE_IN_CAPITALS = Rule(
    code="PLG001",
    title=Text(en="Title not in capitals", sv="Rubrik inte i versaler"),
    severity=Severity.INFO,
    rationale=Text(en="Readable titles.", sv="Läsbara rubriker."),
    source="tests",
    check=_no_title_case,
)

RULES = (NO_TITLE_IN_CAPITALS,)
