import datetime as dt
import io
import os
import pickle
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest

import busmodel
from busmodel import Batch, Catalogue, Context, Issue, Report, RuleError, rule, validate_paths
from busmodel.cli import render_text
from busmodel.validation import DocumentsRead, _batch, read_paths
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


def read_contents(read: DocumentsRead) -> tuple[object, ...]:
    """Everything ``read`` holds, comparable (a DocumentError compares by identity)."""
    entries = [
        [(entry.source, entry.document) for entry in group]
        for group in (read.documents, read.records, read.others, read.everything.entries)
    ]
    return entries, [(e.source, e.problems, str(e)) for e in read.unreadable]


def test_read_paths_gives_each_group_its_documents_in_the_order_found_each_file_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(EXAMPLES / "vastbus-2005.toml", folder / "b.toml")
    shutil.copy(EXAMPLES / "partille-bus.toml", folder / "a.toml")
    read = read_paths(
        [CORRECTED, folder, CORRECTED],
        records=[RECORDS, RECORDS],
        registry=[folder, EXAMPLES / "kungalv-bus-2021.toml"],
    )
    assert [str(CORRECTED), str(folder / "a.toml"), str(folder / "b.toml")] == [
        entry.source for entry in read.documents
    ]
    assert [str(RECORDS)] == [entry.source for entry in read.records]
    assert [str(EXAMPLES / "kungalv-bus-2021.toml")] == [entry.source for entry in read.others]
    assert [*read.documents, *read.records, *read.others] == list(read.everything.entries)
    assert () == read.unreadable


def test_read_paths_reports_a_file_that_cannot_be_read_once_however_often_it_is_given(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = = 1\n", encoding="utf-8")
    read = read_paths([bad, tmp_path, bad], registry=[bad, tmp_path / "." / "bad.toml"])
    assert [str(bad)] == [error.source for error in read.unreadable]
    batch = validate_paths([bad, tmp_path, bad], registry=[bad])
    assert [str(bad)] == [error.source for error in batch.unreadable]


def test_read_paths_reads_standard_input_once_first_among_the_paths_that_name_it() -> None:
    stdin = io.BytesIO(CORRECTED.read_bytes())
    read = read_paths([EXAMPLES / "vastbus-2005.toml", "-", "-"], registry=["-"], stdin=stdin)
    assert ["-", str(EXAMPLES / "vastbus-2005.toml")] == [e.source for e in read.documents]
    assert "alingsas-bus-2023" == read.documents[0].document.id  # type: ignore[union-attr]
    assert () == read.others
    assert () == read.unreadable


def test_read_paths_reports_what_cannot_be_read_in_the_order_validate_paths_reports_it(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = = 1\n", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"schema": "busmodel/1", "kind": "x"}', encoding="utf-8")
    read = read_paths(
        [CORRECTED, bad],
        records=[EXAMPLES / "vastbus-2005.toml", RECORDS, other],
        registry=[tmp_path / "missing.toml"],
    )
    missing, framework = tmp_path / "missing.toml", EXAMPLES / "vastbus-2005.toml"
    assert [str(bad), str(other), str(missing), str(framework)] == [
        error.source for error in read.unreadable
    ]
    refused = read.unreadable[-1].problems[0]
    assert ("/kind", 19, 1) == (refused.path, refused.line, refused.column)
    assert "records were expected here, not 'framework'" == refused.message
    assert [str(RECORDS)] == [entry.source for entry in read.records]
    assert str(EXAMPLES / "vastbus-2005.toml") in [e.source for e in read.everything.entries]
    batch = validate_paths(
        [CORRECTED, bad],
        records=[EXAMPLES / "vastbus-2005.toml", RECORDS, other],
        registry=[tmp_path / "missing.toml"],
    )
    assert [(e.source, e.problems) for e in read.unreadable] == [
        (e.source, e.problems) for e in batch.unreadable
    ]


def test_read_paths_in_worker_processes_reads_what_one_process_reads(tmp_path: Path) -> None:
    folder = many_documents(tmp_path, copies=4)
    told: list[tuple[str, int, int]] = []
    single = read_paths([folder], registry=[EXAMPLES])
    workers = read_paths([folder], registry=[EXAMPLES], jobs=2, progress=lambda *x: told.append(x))
    assert read_contents(single) == read_contents(workers)
    assert len(single.unreadable) > 0
    files = len(single.documents) + len(single.others) + len(single.unreadable)
    assert [("read", done, files) for done in range(1, files + 1)] == told


def test_read_paths_takes_a_single_path_as_one_path_and_checks_jobs() -> None:
    read = read_paths(str(CORRECTED), records=str(RECORDS))
    assert [str(CORRECTED)] == [entry.source for entry in read.documents]
    with pytest.raises(ValueError, match="jobs must be a whole number"):
        read_paths([CORRECTED], jobs=-1)


def test_validate_status_and_timeline_read_through_read_paths(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[tuple[list[str], ...]] = []
    reader = _batch._read

    def counted(*arguments: Any) -> DocumentsRead:
        calls.append(arguments[:3])
        return reader(*arguments)

    monkeypatch.setattr(_batch, "_read", counted)
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = = 1\n", encoding="utf-8")
    outputs = [
        run(command, str(CORRECTED), str(bad), "--records", str(RECORDS), *extra)
        for command, extra in (
            ("validate", ["--today", "2026-11-27"]),
            ("status", ["--today", "2026-11-27"]),
            ("timeline", []),
        )
    ]
    expected: list[object] = [[CORRECTED, bad], [RECORDS], []]
    assert [expected] * 3 == [[[Path(p) for p in group] for group in call] for call in calls]
    errors = {err for _, _, err in outputs}
    assert 1 == len(errors)  # the unreadable file, said the same way by every command
    assert f"{bad}:1:10:" in errors.pop()


class _Interrupted:
    """A progress callback that is interrupted, as by Ctrl-C, when told of ``stage``."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self.told: list[tuple[str, int, int]] = []

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.told.append((stage, done, total))
        if stage == self.stage:
            raise KeyboardInterrupt


@pytest.mark.parametrize("stage", ["read", "check"])
def test_an_interrupt_among_worker_processes_stops_the_batch(tmp_path: Path, stage: str) -> None:
    folder = many_documents(tmp_path, copies=4)
    interrupted = _Interrupted(stage)
    with pytest.raises(KeyboardInterrupt):
        validate_paths([folder], jobs=2, progress=interrupted)
    # Interrupted when first told of the stage: the rest of it was not waited for.
    assert 1 == sum(1 for told in interrupted.told if told[0] == stage)


@pytest.mark.skipif(not hasattr(os, "kill"), reason="needs signals")
def test_a_worker_told_of_ctrl_c_lives_on_and_ends_each_item_it_is_given_at_once() -> None:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, initializer=_batch._start_worker) as pool:
        worker = pool.submit(os.getpid).result()
        os.kill(worker, signal.SIGINT)  # while it waits for work
        for _ in range(500):  # the signal is handled a moment later
            try:
                pool.submit(_batch._go_on).result()
            except KeyboardInterrupt:
                break
        else:
            raise AssertionError("the worker never noted Ctrl-C")
        with pytest.raises(KeyboardInterrupt):
            pool.submit(_batch._load_in_worker, CORRECTED).result()
        assert worker == pool.submit(os.getpid).result()  # alive: the pool is not broken


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
def test_ctrl_c_in_the_terminal_stops_validate_with_worker_processes(tmp_path: Path) -> None:
    # Ctrl-C reaches every process of the terminal's group: the command and its workers.
    import subprocess
    import sys
    import time

    folder = many_documents(tmp_path, copies=250)  # some 4,000 files: seconds of work
    command = [sys.executable, "-m", "busmodel", "validate", str(folder), "--jobs", "2"]
    started = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(1.5)  # under way, its workers started
    os.killpg(started.pid, signal.SIGINT)
    _, err = started.communicate(timeout=120)  # it used to hang here until killed
    assert (130, b"busmodel: interrupted\n") == (started.returncode, err)


def test_validate_exits_130_without_a_traceback_when_interrupted_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = many_documents(tmp_path, copies=2)
    interrupted = _Interrupted("check")

    def tell(progress: object, stage: str, done: int, total: int) -> None:
        interrupted(stage, done, total)  # the command line draws no bar here: interrupt anyway

    monkeypatch.setattr(_batch, "_tell", tell)
    code, out, err = run("validate", str(folder), "--jobs", "2", "--today", "2026-11-27")
    assert (130, "", "busmodel: interrupted\n") == (code, out, err)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_that_leads_to_itself_is_reported_unreadable_and_the_rest_is_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    shutil.copy(CORRECTED, tmp_path / "good.toml")
    read = read_paths([tmp_path, tmp_path / "loop.toml"])
    assert [str(tmp_path / "good.toml")] == [entry.source for entry in read.documents]
    assert [str(tmp_path / "loop.toml")] == [error.source for error in read.unreadable]
    for command in (["validate"], ["status", "--today", "2026-11-27"], ["timeline"]):
        code, _, err = run(*command, str(tmp_path))
        assert code in (0, 1, 2), err  # never the exit of a bug inside busmodel
        assert "internal error" not in err
        assert f"{tmp_path / 'loop.toml'}:" in err


def test_a_path_with_a_nul_character_is_reported_unreadable() -> None:
    read = read_paths(["bad\0name.toml", CORRECTED])
    assert [str(CORRECTED)] == [entry.source for entry in read.documents]
    assert ["bad\0name.toml"] == [error.source for error in read.unreadable]


def _odd_entries(folder: Path) -> dict[str, str]:
    """Paths the file system holds but no document is at, each in a folder of its own."""
    made: dict[str, str] = {}

    def place(name: str) -> Path:
        (folder / name).mkdir()
        return folder / name

    if hasattr(os, "symlink"):
        (place("loop") / "a.toml").symlink_to("a.toml")
        (place("dangling") / "a.toml").symlink_to("nowhere.toml")
        (place("cycle") / "a.toml").symlink_to("b.toml")
        (folder / "cycle" / "b.toml").symlink_to("a.toml")
        made.update(loop="loop", dangling="dangling", cycle="cycle")
    (place("directory") / "a.toml").mkdir()
    made["directory"] = "directory"
    if hasattr(os, "mkfifo"):
        os.mkfifo(place("fifo") / "a.toml")
        made["fifo"] = "fifo"
    made["too long"] = str(folder / ("x" * 300 + ".toml"))
    made["nul"] = "bad\0name.toml"
    made["missing"] = str(folder / "missing.toml")
    return made


@pytest.mark.parametrize(
    "command",
    [["validate"], ["status", "--today", "2026-11-27"], ["timeline", "-o", "-"]],
    ids=lambda command: command[0],
)
def test_no_odd_path_is_a_bug_inside_busmodel(tmp_path: Path, command: list[str]) -> None:
    for kind, name in _odd_entries(tmp_path).items():
        path = name if "\0" in name or os.path.isabs(name) else str(tmp_path / name)
        read = read_paths([path, CORRECTED])
        assert [str(CORRECTED)] == [entry.source for entry in read.documents], kind
        code, _, err = run(*command, path, str(CORRECTED))
        assert code in (0, 1, 2), (kind, err)  # 3 would be a bug inside busmodel
        assert "internal error" not in err, kind
