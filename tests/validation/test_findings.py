import attrs

from busmodel import Finding, Report, Severity, Text
from busmodel.validation._findings import path_key


def finding(code: str, path: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(code, severity, Text(en=f"{code} en", sv=f"{code} sv"), path)


def test_path_key_orders_array_indexes_numerically() -> None:
    paths = ["/forums/10/id", "/forums/2/id", "/bodies/1", ""]
    assert ["", "/bodies/1", "/forums/2/id", "/forums/10/id"] == sorted(paths, key=path_key)


def test_report_orders_findings_by_path_then_code() -> None:
    report = Report.of(
        [
            finding("SIG003", "/signatures/1"),
            finding("INT002", "/signatures/1"),
            finding("INT003", "/parties"),
        ]
    )
    assert ("INT003", "INT002", "SIG003") == report.codes()


def test_report_is_ok_with_warnings_but_not_with_errors() -> None:
    assert Report.of([finding("X001", "", Severity.WARNING)]).ok
    assert not Report.of([finding("X001", ""), finding("X002", "", Severity.INFO)]).ok


def test_report_counts_every_severity_even_when_zero() -> None:
    report = Report.of([finding("A001", ""), finding("A002", "", Severity.INFO)])
    assert {Severity.ERROR: 1, Severity.WARNING: 0, Severity.INFO: 1} == report.counts


def test_findings_with_lines_sort_in_the_order_of_the_text() -> None:
    later = attrs.evolve(finding("AAA001", "/bodies/0"), file="a.toml", line=9, column=3)
    earlier = attrs.evolve(finding("ZZZ001", "/title"), file="a.toml", line=4, column=1)
    assert ("ZZZ001", "AAA001") == Report.of([later, earlier]).codes()
