import busmodel
from busmodel import Exempted, Finding, Report, Severity, Skipped, Text
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


def test_report_renders_text_per_language_with_source() -> None:
    report = Report.of([finding("SIG001", "/parties/1")], source="a.toml")
    assert "a.toml:/parties/1: SIG001 error SIG001 en\na.toml: 1 error, 0 warnings, 0 info" == (
        report.render("en")
    )
    assert "a.toml:/parties/1: SIG001 fel SIG001 sv\na.toml: 1 fel, 0 varningar, 0 info" == (
        report.render("sv")
    )


def test_report_renders_exempted_findings_with_their_reason() -> None:
    report = Report.of([], exempted=[Exempted(finding("SIG006", "/signatures/0"), "beslut")])
    assert (
        "/signatures/0: SIG006 fel SIG006 sv [undantagen: beslut]"
        == (report.render("sv").splitlines()[0])
    )
    assert report.ok


def test_report_as_data_has_the_documented_keys() -> None:
    skipped = Skipped("LIF001", Text(en="needs today", sv="behöver dagens datum"))
    report = Report.of(
        [
            Finding(
                "CHR003",
                Severity.ERROR,
                Text(en="e", sv="s"),
                "/chair/terms/1",
                ("/chair/terms/0",),
            )
        ],
        skipped=[skipped],
        source="x.toml",
    )
    expected = {
        "source": "x.toml",
        "ok": False,
        "counts": {"error": 1, "warning": 0, "info": 0},
        "findings": [
            {
                "code": "CHR003",
                "severity": "error",
                "path": "/chair/terms/1",
                "message": "s",
                "related": ["/chair/terms/0"],
            }
        ],
        "exempted": [],
        "skipped": [{"code": "LIF001", "path": "", "reason": "behöver dagens datum"}],
    }
    assert expected == report.to_dict("sv")


def test_report_counts_are_singular_for_one_and_plural_otherwise() -> None:
    report = Report.of(
        [finding("A001", "", Severity.WARNING), finding("A002", "", Severity.ERROR)]
        + [finding(f"B00{i}", "", Severity.ERROR) for i in range(1)]
    )
    assert "2 errors, 1 warning, 0 info" == report.render("en").splitlines()[-1]
    assert "2 fel, 1 varning, 0 info" == report.render("sv").splitlines()[-1]


def test_a_swedish_report_says_dokumentet_where_the_english_says_document() -> None:
    report = busmodel.validate(busmodel.Agreement(id="a", title="A"), select=["VAL001", "LIF"])
    swedish = report.render("sv")
    assert "(dokumentet): hoppade över LIF001" in swedish
    assert "(document)" not in swedish
    assert "(document): skipped LIF001" in report.render("en")
