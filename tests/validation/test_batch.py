import datetime as dt
import pickle
import shutil
from pathlib import Path

import pytest

import busmodel
from busmodel import Batch, Catalogue, Context, Issue, Report, RuleError, rule, validate_paths
from busmodel.cli import render_text
from tests.support.cli import run
from tests.support.paths import EXAMPLES

TODAY = dt.date(2026, 11, 27)
CORRECTED = EXAMPLES / "alingsas-bus-2023-corrected.toml"
RECORDS = EXAMPLES / "alingsas-records-2023-2025.toml"

EXTRA_MEETINGS = """\
schema = "busmodel/1"
kind = "records"
agreement = "alingsas-bus-2023"

# A meeting of the steering group, then one of a forum the agreement does not have.
[[meetings]]
forum = "styrgrupp"
date = 2025-03-04

[[meetings]]
forum = "samordningsgrupp"
date = 2025-03-11
"""


def codes(report: Report) -> list[str]:
    return sorted(report.codes())


def test_the_batch_is_what_busmodel_validate_prints() -> None:
    batch = validate_paths(["examples/"], today=TODAY)
    status, out, err = run("validate", "examples/", "--today", "2026-11-27")
    assert (out, err) == render_text(batch)
    assert 1 == status
    assert batch.failed()


def test_there_is_one_report_per_agreement_in_the_order_found() -> None:
    batch = validate_paths([EXAMPLES], today=TODAY)
    sources = [report.source for report in batch.reports]
    expected = sorted(
        str(path)
        for path in EXAMPLES.glob("*.toml")
        if not isinstance(busmodel.load(path), busmodel.Records)
    )
    assert expected == sources
    assert () == batch.unreadable


def test_a_document_that_cannot_be_read_is_data_not_an_exception(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = "busmodel/1"\nkind = "agreement"\nid = = 3\n', encoding="utf-8")
    batch = validate_paths([CORRECTED, bad])
    assert [str(CORRECTED)] == [report.source for report in batch.reports]
    [error] = batch.unreadable
    assert str(bad) == error.source
    assert (3, 6) == (error.problems[0].line, error.problems[0].column)
    assert not batch.ok


def test_no_agreement_among_the_paths_is_reported(tmp_path: Path) -> None:
    shutil.copy(RECORDS, tmp_path)
    batch = validate_paths([tmp_path])
    assert () == batch.reports
    [error] = batch.unreadable
    assert "no agreement or framework found" == error.problems[0].message


def test_records_given_as_records_must_be_records() -> None:
    batch = validate_paths([CORRECTED], records=[EXAMPLES / "vastbus-2005.toml"])
    [error] = batch.unreadable
    assert "/kind" == error.problems[0].path


def test_a_finding_about_records_names_its_records_file_and_its_index_there(
    tmp_path: Path,
) -> None:
    extra = tmp_path / "extra-records.toml"
    extra.write_text(EXTRA_MEETINGS, encoding="utf-8")
    batch = validate_paths([CORRECTED, RECORDS, extra], today=TODAY, select=["REC002"])
    [report] = batch.reports
    [finding] = report.findings
    assert (str(extra), "/meetings/1/forum", 11) == (finding.file, finding.path, finding.line)
    assert EXTRA_MEETINGS.splitlines()[10].startswith("forum = ")


def test_several_records_files_of_one_agreement_are_checked_together(tmp_path: Path) -> None:
    extra = tmp_path / "extra-records.toml"
    extra.write_text(EXTRA_MEETINGS, encoding="utf-8")
    alone = validate_paths([CORRECTED, RECORDS], today=TODAY, select=["REC"])
    together = validate_paths([CORRECTED, RECORDS, extra], today=TODAY, select=["REC"])
    assert ["REC002"] == sorted(set(codes(together.reports[0])) - set(codes(alone.reports[0])))


def test_the_one_records_file_given_with_one_agreement_is_checked_whatever_its_id(
    tmp_path: Path,
) -> None:
    other = tmp_path / "other.toml"
    other.write_text(EXTRA_MEETINGS.replace("alingsas-bus-2023", "another"), encoding="utf-8")
    batch = validate_paths([CORRECTED], records=[other], today=TODAY, select=["REC001"])
    assert ["REC001"] == codes(batch.reports[0])


def test_the_cross_document_rules_run_only_when_there_are_documents_to_look_across() -> None:
    alone = validate_paths([EXAMPLES / "partille-bus.toml"], select=["SUP005"])
    with_registry = validate_paths(
        [EXAMPLES / "partille-bus.toml"], registry=[EXAMPLES / "vastbus-2005.toml"], select=["SUP"]
    )
    assert ["SUP005"] == [skipped.code for skipped in alone.reports[0].skipped]
    assert () == with_registry.reports[0].skipped
    assert [str(EXAMPLES / "partille-bus.toml")] == [r.source for r in with_registry.reports]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_finding_points_at_the_line_of_its_key_in_either_format(tmp_path: Path, fmt: str) -> None:
    agreement = busmodel.load(EXAMPLES / "alingsas-bus-2023.toml")
    path = tmp_path / f"a.{fmt}"
    busmodel.dump(agreement, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    [report] = validate_paths([path], select=["SIG001"]).reports
    [finding] = report.findings
    assert "/parties/1" == finding.path
    assert finding.line is not None
    assert finding.column is not None
    assert lines[finding.line - 1][finding.column - 1 :].startswith('"barn-och-utbildningsnamnden"')


def test_a_bug_in_a_rule_is_raised_naming_the_document() -> None:
    @rule(
        "TST901",
        title=busmodel.Text(en="t", sv="t"),
        severity=busmodel.Severity.INFO,
        rationale=busmodel.Text(en="r", sv="r"),
        source="tests",
    )
    def crash(context: Context) -> list[Issue]:
        raise ZeroDivisionError("boom")

    with pytest.raises(RuleError, match=f"{CORRECTED}: rule TST901 failed"):
        validate_paths([CORRECTED], catalogue=Catalogue([crash]))


def test_a_batch_is_ok_only_without_errors_and_unreadable_documents() -> None:
    assert Batch().ok
    assert validate_paths([CORRECTED], today=dt.date(2024, 3, 1)).ok


def many_documents(folder: Path, copies: int = 15) -> Path:
    """``folder`` filled with ``copies`` copies of the examples (some as JSON) and bad files.

    About 200 documents for ``copies=15``: agreements, frameworks, extensions and records,
    many with the same ids (so the cross-document rules find plenty), and in every third
    copy a file that is not TOML, one that is not UTF-8 and one of the wrong kind.
    """
    for copy in range(copies):
        target = folder / f"copy-{copy:02d}"
        target.mkdir(parents=True)
        for index, example in enumerate(sorted(EXAMPLES.glob("*.toml"))):
            if (copy + index) % 5 == 0:  # some as JSON, found and read the same way
                document = busmodel.load(example)
                busmodel.dump(document, target / f"{example.stem}.json")
            else:
                shutil.copy(example, target / example.name)
        if copy % 3 == 1:
            (target / "broken.toml").write_text("schema = = 1\n", encoding="utf-8")
            (target / "latin1.toml").write_bytes('title = "Alings\xe5s"\n'.encode("latin-1"))
            (target / "wrong.json").write_text('{"schema": "busmodel/1", "kind": "x"}')
    return folder


def contents(batch: Batch) -> tuple[object, ...]:
    """Everything in ``batch``, comparable (a DocumentError compares by identity)."""
    return batch.reports, [(e.source, e.problems, str(e)) for e in batch.unreadable]


@pytest.mark.parametrize("jobs", [2, 3])
def test_worker_processes_find_exactly_what_one_process_finds(tmp_path: Path, jobs: int) -> None:
    folder = many_documents(tmp_path)
    single = validate_paths([folder], today=TODAY)
    assert 0 < len(single.unreadable) < len(single.reports)
    workers = validate_paths([folder], today=TODAY, jobs=jobs)
    assert contents(single) == contents(workers)
    assert render_text(single) == render_text(workers)


def test_worker_processes_check_the_examples_as_one_process_does() -> None:
    single = validate_paths([EXAMPLES], records=[RECORDS], today=TODAY)
    workers = validate_paths([EXAMPLES], records=[RECORDS], today=TODAY, jobs=2)
    assert contents(single) == contents(workers)
    assert render_text(single) == render_text(workers)


def test_jobs_zero_is_one_worker_a_processor_and_finds_the_same() -> None:
    single = validate_paths([EXAMPLES], today=TODAY)
    assert contents(single) == contents(validate_paths([EXAMPLES], today=TODAY, jobs=0))


@pytest.mark.parametrize("jobs", [-1, 1.5, True, "2"])
def test_jobs_must_be_a_number_of_processes(jobs: object) -> None:
    with pytest.raises(ValueError, match="jobs must be a whole number"):
        validate_paths([EXAMPLES], jobs=jobs)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_told_every_file_read_then_every_agreement_checked(jobs: int) -> None:
    told: list[tuple[str, int, int]] = []
    batch = validate_paths([EXAMPLES], today=TODAY, jobs=jobs, progress=lambda *x: told.append(x))
    files = len(list(EXAMPLES.glob("*.toml")))
    agreements = len(batch.reports)
    expected = [("read", done, files) for done in range(1, files + 1)] + [
        ("check", done, agreements) for done in range(1, agreements + 1)
    ]
    assert expected == told


def test_a_bug_in_a_rule_in_a_worker_is_raised_naming_the_document() -> None:
    @rule(
        "TST902",
        title=busmodel.Text(en="t", sv="t"),
        severity=busmodel.Severity.INFO,
        rationale=busmodel.Text(en="r", sv="r"),
        source="tests",
    )
    def crash(context: Context) -> list[Issue]:
        raise ZeroDivisionError("boom")

    with pytest.raises(RuleError, match="rule TST902 failed: ZeroDivisionError: boom"):
        validate_paths([EXAMPLES], catalogue=Catalogue([crash]), jobs=2)


def test_what_crosses_to_and_from_a_worker_pickles_to_an_equal_value(tmp_path: Path) -> None:
    batch = validate_paths([many_documents(tmp_path, copies=2)], today=TODAY)
    values = [f.values for report in batch.reports for f in report.findings]
    assert any(isinstance(v, busmodel.Text) for found in values for v in found.values())
    assert any(isinstance(v, dt.date) for found in values for v in found.values())
    assert contents(batch) == contents(pickle.loads(pickle.dumps(batch)))


def test_a_single_path_given_as_a_string_is_one_path_not_its_letters() -> None:
    batch = validate_paths(str(CORRECTED), records=str(RECORDS), today=TODAY)
    assert [str(CORRECTED)] == [report.source for report in batch.reports]
    assert () == batch.unreadable
