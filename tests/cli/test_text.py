import attrs

import busmodel
from busmodel import DocumentError, Exempted, Finding, Problem, Report, Severity, Text
from busmodel.cli import Style, render_problems, render_report


def finding(code: str, path: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(code, severity, Text(en=f"{code} en", sv=f"{code} sv"), path)


def test_a_finding_with_a_line_is_shown_at_file_line_column_with_its_pointer() -> None:
    found = attrs.evolve(finding("SIG001", "/parties/1"), file="a.toml", line=12, column=5)
    report = Report.of([found], source="a.toml")
    assert (
        "a.toml:12:5: SIG001 error SIG001 en (/parties/1)\na.toml: 1 error, 0 warnings, 0 info"
        == (render_report(report, "en"))
    )
    assert "a.toml:12:5: SIG001 fel SIG001 sv (/parties/1)\na.toml: 1 fel, 0 varningar, 0 info" == (
        render_report(report, "sv")
    )


def test_a_finding_without_a_line_is_shown_at_its_pointer() -> None:
    report = Report.of([finding("SIG001", "/parties/1")], source="a.toml")
    assert "a.toml:/parties/1: SIG001 error SIG001 en" == render_report(report).splitlines()[0]


def test_a_finding_in_a_records_file_names_that_file() -> None:
    found = attrs.evolve(finding("REC002", "/meetings/3/forum"), file="r.toml", line=30, column=1)
    report = Report.of([found], source="a.toml")
    assert render_report(report).startswith("r.toml:30:1: REC002 error")


def test_exempted_findings_are_shown_with_their_reason() -> None:
    report = Report.of([], exempted=[Exempted(finding("SIG006", "/signatures/0"), "beslut")])
    assert (
        "/signatures/0: SIG006 fel SIG006 sv [undantagen: beslut]"
        == (render_report(report, "sv").splitlines()[0])
    )


def test_counts_are_singular_for_one_and_plural_otherwise() -> None:
    report = Report.of(
        [finding("A001", "", Severity.WARNING), finding("A002", ""), finding("B001", "")]
    )
    assert "2 errors, 1 warning, 0 info" == render_report(report, "en").splitlines()[-1]
    assert "2 fel, 1 varning, 0 info" == render_report(report, "sv").splitlines()[-1]


def test_a_swedish_report_says_dokumentet_where_the_english_says_document() -> None:
    report = busmodel.validate(busmodel.Agreement(id="a", title="A"), select=["VAL001", "LIF"])
    swedish = render_report(report, "sv")
    assert "(dokumentet): hoppade över LIF001" in swedish
    assert "(document)" not in swedish
    assert "(document): skipped LIF001" in render_report(report, "en")


def test_colour_marks_the_place_and_the_severity_and_plain_text_has_no_escapes() -> None:
    found = attrs.evolve(finding("SIG001", "/parties/1"), file="a.toml", line=1, column=1)
    report = Report.of([found], source="a.toml")
    coloured = render_report(report, style=Style(colour=True))
    assert "\x1b[1ma.toml:1:1\x1b[0m: \x1b[1;31mSIG001 error\x1b[0m" in coloured
    assert "\x1b" not in render_report(report)


def test_problems_are_shown_one_a_line_at_their_place() -> None:
    error = DocumentError(
        [Problem("/id", "must not be empty", 3, 1), Problem("", "no schema")], source="a.toml"
    )
    assert "a.toml:3:1: must not be empty (/id)\na.toml: no schema" == render_problems(error)
