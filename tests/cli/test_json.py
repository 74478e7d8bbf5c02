import busmodel
from busmodel import DocumentError, Finding, Problem, Report, Severity, Skipped, Text
from busmodel.cli import REPORT_SCHEMA, batch_data, problems_data, report_data


def test_report_as_data_has_the_documented_keys() -> None:
    skipped = Skipped("LIF001", Text(en="needs today", sv="behöver dagens datum"))
    found = Finding(
        "CHR003",
        Severity.ERROR,
        Text(en="e", sv="s"),
        "/chair/terms/1",
        ("/chair/terms/0",),
        file="x.toml",
        line=20,
        column=3,
    )
    report = Report.of([found], skipped=[skipped], source="x.toml")
    expected = {
        "source": "x.toml",
        "ok": False,
        "counts": {"error": 1, "warning": 0, "info": 0},
        "findings": [
            {
                "code": "CHR003",
                "severity": "error",
                "file": "x.toml",
                "path": "/chair/terms/1",
                "line": 20,
                "column": 3,
                "message": "s",
                "related": ["/chair/terms/0"],
            }
        ],
        "exempted": [],
        "skipped": [
            {
                "code": "LIF001",
                "file": "x.toml",
                "path": "",
                "line": None,
                "column": None,
                "reason": "behöver dagens datum",
            }
        ],
    }
    assert expected == report_data(report, "sv")


def test_a_problem_carries_its_file_path_line_and_column() -> None:
    error = DocumentError([Problem("/id", "bad", 2, 6, sv="dåligt")], source="a.toml")
    expected = {
        "source": "a.toml",
        "problems": [
            {"file": "a.toml", "path": "/id", "line": 2, "column": 6, "message": "dåligt"}
        ],
    }
    assert expected == problems_data(error, "sv")


def test_a_batch_is_one_document_with_its_schema() -> None:
    batch = busmodel.validate_paths(["examples/alingsas-bus-2023-corrected.toml"])
    data = batch_data(batch)
    assert REPORT_SCHEMA == data["schema"]
    assert ["examples/alingsas-bus-2023-corrected.toml"] == [f["source"] for f in data["files"]]
    assert data["ok"] is True
