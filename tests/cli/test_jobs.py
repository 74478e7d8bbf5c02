"""``busmodel validate --jobs N``: worker processes, the same output, a bar only on a terminal."""

import io
import json
import re
from pathlib import Path

import pytest

from busmodel.cli import main
from tests.support.cli import run
from tests.support.paths import EXAMPLES
from tests.validation.test_batch import many_documents

TODAY = "2026-11-27"
BAR = re.compile(r"\r\x1b\[K(?:busmodel: (?:reading|checking) \[[#-]{30}\] [0-9]+/[0-9]+)?")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return many_documents(tmp_path_factory.mktemp("many"))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_worker_processes_print_what_one_process_prints(folder: Path, fmt: str) -> None:
    single = run("validate", str(folder), "--today", TODAY, "--format", fmt)
    workers = run("validate", str(folder), "--today", TODAY, "--format", fmt, "--jobs", "2")
    assert single == workers
    assert 2 == workers[0]  # some files cannot be read: every one reported, exit 2 at the end


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_stay_one_document_with_every_unreadable_file(
    folder: Path, fmt: str
) -> None:
    status, out, err = run("validate", str(folder), "--today", TODAY, "--format", fmt, "-j", "2")
    assert (2, "") == (status, err)
    text = json.dumps(json.loads(out))
    bad = sorted(p for name in ("broken", "latin1", "wrong") for p in folder.glob(f"*/{name}.*"))
    assert 15 == len(bad)
    for path in bad:
        assert path.relative_to(folder).as_posix() in text


def test_the_examples_with_workers_are_the_examples_with_one_process() -> None:
    single = run("validate", str(EXAMPLES), "--today", TODAY)
    assert single == run("validate", str(EXAMPLES), "--today", TODAY, "--jobs", "0")
    assert 1 == single[0]


def test_no_progress_bar_when_standard_error_is_not_a_terminal(folder: Path) -> None:
    _, _, single = run("validate", str(folder), "--today", TODAY)
    _, _, workers = run("validate", str(folder), "--today", TODAY, "--jobs", "2")
    assert single == workers
    assert "\r" not in workers


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_progress_bar_on_a_terminal_drawn_in_place_and_cleared(folder: Path, jobs: str) -> None:
    _, out, err = run("validate", str(folder), "--today", TODAY)
    terminal_out, terminal_err = io.StringIO(), _Terminal()
    status = main(
        ["validate", str(folder), "--today", TODAY, "-j", jobs], terminal_out, terminal_err
    )
    drawn = terminal_err.getvalue()
    assert 2 == status
    assert out == terminal_out.getvalue()
    assert "busmodel: reading [" in drawn
    assert "busmodel: checking [##############################]" in drawn
    assert drawn.startswith("\r\x1b[K")
    assert err == BAR.sub("", drawn)  # the bar is cleared before the unreadable files are listed
    assert drawn.index("\r\x1b[K" + err.splitlines()[0]) > 0


@pytest.mark.parametrize("given", ["-1", "two", "1.5", "", "9999999"])
def test_jobs_must_be_a_number_of_processes(given: str) -> None:
    status, out, err = run("validate", str(EXAMPLES), "--jobs", given)
    assert (2, "") == (status, out)
    assert "is not a number of processes" in err
    assert "Traceback" not in err
