import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import busmodel
from busmodel.cli import (
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    main,
)
from tests.support.cli import run
from tests.support.paths import DOCS, EXAMPLES

AS_WRITTEN = str(EXAMPLES / "alingsas-bus-2023.toml")
CORRECTED = str(EXAMPLES / "alingsas-bus-2023-corrected.toml")
RECORDS = str(EXAMPLES / "alingsas-records-2023-2025.toml")


def test_the_seed_agreement_as_written_fails_with_its_real_faults() -> None:
    code, out, _ = run("validate", AS_WRITTEN)
    assert EXIT_ERRORS == code
    lines = out.splitlines()
    for fault in ("SIG001 error", "SIG003 error", "NAM001 warning"):
        found = [line for line in lines if f": {fault} " in line]
        assert found, fault
        assert all(re.match(rf"{re.escape(AS_WRITTEN)}:[0-9]+:[0-9]+: ", line) for line in found)
    assert {"SIG001", "SIG003", "NAM001"} <= codes_in(out, AS_WRITTEN)


def test_the_corrected_agreement_passes() -> None:
    code, out, _ = run("validate", CORRECTED)
    assert EXIT_OK == code, out
    assert out.endswith(f"{CORRECTED}: 0 errors, 0 warnings, 0 info\n")


def test_messages_come_in_swedish_when_asked() -> None:
    _, out, _ = run("validate", AS_WRITTEN, "--lang", "sv")
    assert " fel " in out
    assert " error " not in out


def test_json_output_has_the_documented_structure() -> None:
    code, out, _ = run("validate", AS_WRITTEN, CORRECTED, "--format", "json")
    data = json.loads(out)
    assert EXIT_ERRORS == code
    assert "busmodel-report/2" == data["schema"]
    assert data["ok"] is False
    assert [AS_WRITTEN, CORRECTED] == [f["source"] for f in data["files"]]
    first = data["files"][0]
    assert {"source", "ok", "counts", "findings", "exempted", "skipped"} == set(first)
    assert {"code", "severity", "file", "path", "line", "column", "message", "related"} == set(
        first["findings"][0]
    )
    assert [] == data["unreadable"]


def test_an_unreadable_file_exits_2_with_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = "busmodel/1"\nkind = "agreement"\nid = = 3\n')
    code, _, err = run("validate", CORRECTED, str(bad))
    assert EXIT_UNREADABLE == code
    assert f"{bad}:3:6: " in err


def test_unreadable_files_are_listed_in_json_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "busmodel/1", "kind": "agreement", "id": "x", "titel": "y"}')
    code, out, _ = run("validate", str(bad), "--format", "json")
    [unreadable] = json.loads(out)["unreadable"]
    assert EXIT_UNREADABLE == code
    assert {"/title", "/titel"} == {p["path"] for p in unreadable["problems"]}


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    warned = tmp_path / "warned.toml"
    agreement = busmodel.load_agreement(CORRECTED)
    parties = (*agreement.parties, agreement.parties[0])  # listed twice: INT006 warning
    busmodel.dump(attrs.evolve(agreement, parties=parties), warned)
    assert EXIT_OK == run("validate", str(warned), "--select", "INT")[0]
    assert EXIT_ERRORS == run("validate", str(warned), "--select", "INT", "--strict")[0]


def codes_in(out: str, source: str) -> set[str]:
    """The codes of the findings that ``out`` reports at a place in ``source``."""
    finding = re.compile(rf"{re.escape(source)}:\S*: ([A-Z]{{2,5}}[0-9]{{3}}) ")
    return {m.group(1) for line in out.splitlines() if (m := finding.match(line))}


def test_select_and_ignore_take_comma_separated_codes() -> None:
    _, out, _ = run("validate", AS_WRITTEN, "--select", "sig001,NAM")
    assert {"SIG001", "NAM001"} == codes_in(out, AS_WRITTEN)
    _, out, _ = run("validate", AS_WRITTEN, "--ignore", "SIG", "--ignore", "NAM")
    assert codes_in(out, AS_WRITTEN)
    assert not {c for c in codes_in(out, AS_WRITTEN) if c.startswith(("SIG", "NAM"))}


def test_a_directory_is_validated_with_its_records_and_framework() -> None:
    code, out, _ = run("validate", str(EXAMPLES), "--today", "2026-11-22")
    assert EXIT_ERRORS == code
    assert "LIF003" in out  # the corrected agreement's renewal is due
    assert "REC003" in out  # the made-up records miss the autumn 2024 meeting


def test_records_given_explicitly_are_checked() -> None:
    _, out, _ = run("validate", CORRECTED, "--records", RECORDS, "--today", "2026-11-22")
    assert "REC003" in out


def test_a_bad_date_is_a_usage_error() -> None:
    code, _, _ = run("validate", CORRECTED, "--today", "22/11/2026")
    assert EXIT_UNREADABLE == code


def test_rules_lists_the_catalogue_in_every_format() -> None:
    _, text, _ = run("rules")
    codes = [r.code for r in busmodel.rules()]
    assert codes == [line.split()[0] for line in text.splitlines()]
    _, as_json, _ = run("rules", "--format", "json", "--lang", "sv")
    assert codes == [r["code"] for r in json.loads(as_json)]
    _, markdown, _ = run("rules", "--format", "markdown")
    assert markdown.startswith("# The rule catalogue")


def test_show_summarises_a_document() -> None:
    code, out, _ = run("show", CORRECTED)
    assert EXIT_OK == code
    assert out.startswith("alingsas-bus-2023 (agreement): ")
    assert "municipality: Alingsås (1489)" in out


def test_convert_writes_json_that_loads_back_equal() -> None:
    _, out, _ = run("convert", CORRECTED, "--to", "json")
    assert busmodel.load(CORRECTED) == busmodel.loads(out, "json")


def test_show_of_a_broken_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "x.toml"
    bad.write_text("schema = 1")
    code, _, err = run("show", str(bad))
    assert EXIT_UNREADABLE == code
    assert "/schema" in err


@pytest.mark.parametrize("argv", [["--version"], ["rules"]])
def test_python_dash_m_busmodel_runs_the_command_line(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "busmodel", *argv], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip()


def test_the_renewal_horizon_can_be_set() -> None:
    # the corrected agreement ends 2026-12-31: 39 days after 2026-11-22
    _, out, _ = run("validate", CORRECTED, "--today", "2026-11-22", "--select", "LIF003")
    assert "LIF003" in out
    _, out, _ = run(
        "validate", CORRECTED, "--today", "2026-11-22", "--select", "LIF", "--renewal-horizon", "30"
    )
    assert "LIF003" not in out
    assert EXIT_UNREADABLE == run("validate", CORRECTED, "--renewal-horizon", "-3")[0]


PARTILLE = str(EXAMPLES / "partille-bus.toml")
VASTBUS = str(EXAMPLES / "vastbus-2005.toml")


def test_an_unknown_rule_code_is_a_usage_error_not_an_empty_pass() -> None:
    code, out, err = run("validate", CORRECTED, "--select", "XYZ")
    assert EXIT_UNREADABLE == code
    assert "'XYZ'" in err
    assert "" == out


def test_a_missing_path_says_so() -> None:
    code, _, err = run("validate", "no/such/dir")
    assert EXIT_UNREADABLE == code
    assert "no/such/dir: cannot read: no such file or directory\n" == err


def test_a_directory_without_agreements_is_not_a_pass(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path))
    assert EXIT_UNREADABLE == code
    assert "no agreement or framework found" in err


def test_records_option_refuses_an_agreement() -> None:
    code, _, err = run("validate", CORRECTED, "--records", VASTBUS)
    assert EXIT_UNREADABLE == code
    assert "records were expected here, not 'framework'" in err


def test_records_for_an_agreement_not_given_are_refused_when_several_are_checked() -> None:
    code, _, err = run("validate", PARTILLE, VASTBUS, "--records", RECORDS)
    assert EXIT_UNREADABLE == code
    assert "no agreement with the id 'alingsas-bus-2023'" in err


def test_a_records_file_given_twice_counts_once() -> None:
    _, out, _ = run("validate", CORRECTED, RECORDS, "--records", RECORDS, "--today", "2026-11-22")
    assert "1 extra meeting held (2024-02-06)" in out


def test_a_single_file_skips_the_cross_document_rules_and_says_so() -> None:
    code, out, _ = run("validate", PARTILLE)
    lines = out.splitlines()
    skipped = [line for line in lines if line.startswith(f"{PARTILLE}: skipped ")]
    assert EXIT_OK == code
    assert "SUP005" not in codes_in(out, PARTILLE)
    assert any("SUP005" in line and "other documents" in line for line in skipped)


def test_the_registry_option_lets_a_framework_reference_resolve() -> None:
    code, out, _ = run("validate", PARTILLE, "--registry", VASTBUS, "--select", "SUP")
    assert EXIT_OK == code
    assert f"{PARTILLE}: 0 errors, 0 warnings, 0 info" == out.splitlines()[-1]
    assert f"{VASTBUS}:" not in out  # registry documents are not themselves validated


def test_a_rule_that_crashes_is_an_internal_error_named_by_its_code() -> None:
    @busmodel.rule(
        "TST900",
        title=busmodel.Text(en="crashes", sv="kraschar"),
        severity=busmodel.Severity.INFO,
        rationale=busmodel.Text(en="test", sv="test"),
        source="tests",
    )
    def crash(context: busmodel.Context) -> list[busmodel.Issue]:
        raise ZeroDivisionError("boom")

    busmodel.register(crash)
    try:
        code, out, err = run("validate", CORRECTED, "--select", "TST900")
    finally:
        busmodel.unregister("TST900")
    assert EXIT_INTERNAL == code
    assert "" == out
    [line] = err.splitlines()
    assert line.startswith("busmodel: internal error: ")
    assert f"{CORRECTED}: rule TST900 failed: ZeroDivisionError: boom" in line
    assert "bug" in line


# -- usage errors --------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        ["--select", ","],
        ["--select", ""],
        ["--ignore", " , "],
        ["--select", "SIG", "--ignore", "SIG"],
        ["--select", "SIG001", "--ignore", "SIG"],
        ["--select", "XYZ"],
        ["--ignore", "XYZ"],
    ],
)
def test_selecting_no_rule_or_an_unknown_one_is_a_usage_error(options: list[str]) -> None:
    code, out, err = run("validate", AS_WRITTEN, *options)
    assert (EXIT_USAGE, "") == (code, out)
    assert err.startswith("usage: busmodel validate")
    assert "busmodel validate: error: " in err


def test_a_selection_that_leaves_no_rule_says_so() -> None:
    _, _, err = run("validate", AS_WRITTEN, "--select", "SIG", "--ignore", "SIG")
    assert "--select and --ignore leave no rule to run" in err


@pytest.mark.parametrize(
    "today",
    [
        "20261122",
        "2026-11-22T00:00",
        "2026-W47-7",
        "2026-327",
        "2026-11-2",
        " 2026-11-22",
        "2026-11-22\n",
        "２０２６-11-22",
        "2026-02-30",
        "",
    ],
)
def test_today_accepts_only_the_documented_form(
    today: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run("validate", CORRECTED, "--today", today)
    assert (EXIT_USAGE, "") == (code, out)
    assert "argument --today:" in err
    assert "YYYY-MM-DD" in err
    assert ("", "") == capsys.readouterr()  # everything went to the streams given


@pytest.mark.parametrize("today", ["1899-12-31", "2200-01-01", "0001-01-01", "9999-12-31"])
def test_today_outside_the_dates_busmodel_handles_is_a_usage_error(today: str) -> None:
    code, _, err = run("validate", CORRECTED, "--today", today)
    assert EXIT_USAGE == code
    assert f"argument --today: {today} is not between 1900-01-01 and 2199-12-31" in err


@pytest.mark.parametrize("today", ["1900-01-01", "2199-12-31"])
def test_today_at_the_ends_of_the_range_is_accepted(today: str) -> None:
    code, _, err = run("validate", CORRECTED, "--today", today, "--select", "LIF")
    assert code in (EXIT_OK, EXIT_ERRORS), err


@pytest.mark.parametrize("days", ["²", "٣", "1e3", "-1", "", "9" * 5000])
def test_a_renewal_horizon_that_is_not_a_plain_number_is_a_usage_error(days: str) -> None:
    code, _, err = run("validate", CORRECTED, "--renewal-horizon", days)
    assert EXIT_USAGE == code
    assert "argument --renewal-horizon:" in err
    assert "is not a number of days" in err


# -- bugs inside busmodel ------------------------------------------------------


def fail_inside(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    def crash(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr("busmodel.cli._validate.validate_paths", crash)


def test_an_unexpected_exception_is_an_internal_error_of_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BUSMODEL_TRACEBACK", raising=False)
    fail_inside(monkeypatch, KeyError("some\nthing"))
    code, _, err = run("validate", CORRECTED)
    assert EXIT_INTERNAL == code
    assert (
        "busmodel: internal error: KeyError: 'some\\nthing' "
        "(this is a bug in busmodel; please report it)\n"
    ) == err


def test_busmodel_traceback_shows_the_traceback_of_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BUSMODEL_TRACEBACK", "1")
    fail_inside(monkeypatch, RuntimeError("boom"))
    code, _, err = run("validate", CORRECTED)
    assert EXIT_INTERNAL == code
    assert err.startswith("busmodel: internal error: RuntimeError: boom")
    assert "Traceback (most recent call last):" in err


def test_the_exit_statuses_are_documented() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", page, re.MULTILINE)}
    assert {EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE, EXIT_USAGE, EXIT_INTERNAL} == documented
    assert "BUSMODEL_TRACEBACK" in page
    code, out, _ = run("validate", "--help")
    assert EXIT_OK == code
    help_text = " ".join(out.split())
    for status in ("0: no errors", "1: errors found", "2: ", "3: a bug in busmodel"):
        assert status in help_text


# -- inputs that cannot be read -----------------------------------------------


def test_a_subdirectory_that_cannot_be_listed_fails_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    busmodel.dump(busmodel.load(CORRECTED), tmp_path / "ok.toml")
    busmodel.dump(busmodel.load(AS_WRITTEN), sub / "bad.toml")
    real = os.scandir

    def scandir(path: str) -> object:
        if os.fspath(path) == str(sub):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run("validate", str(tmp_path))
    assert EXIT_UNREADABLE == code
    assert f"{tmp_path / 'ok.toml'}: 0 errors" in out
    assert f"{sub}: cannot read this directory: permission denied\n" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("walked", [True, False])
def test_a_fifo_is_reported_with_its_path_not_waited_on(tmp_path: Path, walked: bool) -> None:
    fifo = tmp_path / "f.toml"
    os.mkfifo(fifo)
    code, _, err = run("validate", CORRECTED, str(tmp_path if walked else fifo))
    assert EXIT_UNREADABLE == code
    assert f"{fifo}: cannot read: not a regular file but a FIFO" in err


@pytest.mark.parametrize("command", [["show"], ["convert", "--to", "json"]])
def test_show_and_convert_of_a_directory_exit_2(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "d.toml"
    path.mkdir()
    code, out, err = run(command[0], str(path), *command[1:])
    assert (EXIT_UNREADABLE, "") == (code, out)
    assert f"{path}: cannot read: is a directory\n" == err


def test_a_file_name_too_long_is_reported_by_validate(tmp_path: Path) -> None:
    long = str(tmp_path / ("a" * 300 + ".toml"))
    code, _, err = run("validate", long)
    assert EXIT_UNREADABLE == code
    assert f"{long}: cannot read: file name too long\n" == err


def test_a_toml_integer_too_long_to_read_is_reported_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text('schema = "busmodel/1"\nx = ' + "9" * 5000 + "\n", encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert EXIT_UNREADABLE == code
    assert "big.toml:2:5: " in err


# -- whatever is shown can be written -----------------------------------------

SURROGATE_KEY = (
    '{"schema": "busmodel/1", "kind": "agreement", "id": "a", "title": "A", "\\ud800": 1}'
)


def test_a_lone_surrogate_in_a_json_key_is_escaped_in_the_json_report(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(SURROGATE_KEY, encoding="utf-8")
    code, out, _ = run("validate", str(path), "--format", "json")
    out.encode("utf-8")  # no lone surrogate left
    [unreadable] = json.loads(out)["unreadable"]
    assert EXIT_UNREADABLE == code
    assert ["/\\ud800"] == [p["path"] for p in unreadable["problems"]]


def test_a_lone_surrogate_in_a_json_key_is_escaped_in_the_text_report(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(SURROGATE_KEY, encoding="utf-8")
    code, _, err = run("validate", str(path))
    err.encode("utf-8")
    assert EXIT_UNREADABLE == code
    assert f"{path}:1:72: unknown key '\\ud800'" in err
    assert err.endswith(" (/\\ud800)\n")


def test_a_file_name_that_is_not_utf_8_is_shown_with_its_bytes_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xff.toml")
    busmodel.dump(busmodel.load(CORRECTED), tmp_path / name)
    (tmp_path / os.fsdecode(b"worse\xfe.json")).write_text("{", encoding="utf-8")
    code, out, err = run("validate", str(tmp_path), "--format", "json")
    out.encode("utf-8")
    data = json.loads(out)
    assert EXIT_UNREADABLE == code
    assert [f"{tmp_path}/bad\\xff.toml"] == [f["source"] for f in data["files"]]
    assert [f"{tmp_path}/worse\\xfe.json"] == [u["source"] for u in data["unreadable"]]
    code, out, err = run("validate", str(tmp_path))
    assert f"{tmp_path}/bad\\xff.toml: 0 errors" in out
    assert f"{tmp_path}/worse\\xfe.json:1:2: " in err


def test_show_summarises_in_swedish_with_adoptions_and_an_open_end() -> None:
    code, out, _ = run("show", "--lang", "sv", str(EXAMPLES / "fyrbodal-barn-och-unga-2020.toml"))
    assert EXIT_OK == code
    lines = out.splitlines()
    assert "fyrbodal-barn-och-unga-2020 (ramöverenskommelse): " in lines[0]
    assert "  giltighetstid: 2020-01-01 tills vidare" in lines
    assert "  antagen 2019-11-26: Västra Götalandsregionen (Regionfullmäktige § 215)" in lines
    assert not any("(framework)" in line or "validity" in line for line in lines)


def test_show_summarises_records_with_every_kind_of_entry_in_english() -> None:
    path = str(EXAMPLES / "stenungsund-vgr-records.toml")
    code, out, _ = run("show", path)
    assert EXIT_OK == code
    expected = "records for stenungsund-vgr-2018: 0 meetings, 0 evaluations, 0 reports, 8 reviews\n"
    assert expected == out


def test_show_of_an_extension_names_what_it_extends_and_its_period() -> None:
    path = str(EXAMPLES / "kungalv-bus-2021-forlangning-2025.toml")
    _, out, _ = run("show", "--lang", "en", path)
    assert "  extends: kungalv-bus-2021" in out.splitlines()
    assert "  validity: 2025-01-01 – 2026-12-31 (fixed dates)" in out.splitlines()


def test_the_version_has_one_source_the_package_and_the_cli_shows_it() -> None:
    from importlib.metadata import version

    code, out, _ = run("--version")
    assert (EXIT_OK, f"busmodel {busmodel.__version__}\n") == (code, out)
    assert busmodel.__version__ == version("busmodel")


# -- output formats and colour ----------------------------------------------------


def test_every_finding_is_shown_at_the_line_of_its_key_in_the_file() -> None:
    _, out, _ = run("validate", AS_WRITTEN)
    text = Path(AS_WRITTEN).read_text(encoding="utf-8").splitlines()
    place = re.compile(
        rf"{re.escape(AS_WRITTEN)}:([0-9]+):([0-9]+): [A-Z]+[0-9]+ \S+ .* \((/\S*)\)$"
    )
    shown = [m for line in out.splitlines() if (m := place.match(line))]
    assert len(shown) >= 3
    for match in shown:
        line, column, path = int(match.group(1)), int(match.group(2)), match.group(3)
        key = path.rstrip("/").split("/")[-1]
        written = text[line - 1][column - 1 :]
        assert written.startswith((key, f'"{key}"')) or key.isdigit(), (path, written)


def test_github_format_writes_one_annotation_a_finding() -> None:
    code, out, _ = run("validate", AS_WRITTEN, "--format", "github")
    assert EXIT_ERRORS == code
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(line.startswith(f"::error file={AS_WRITTEN},line=") for line in lines)
    assert any(",title=SIG001::" in line for line in lines)


def test_colour_is_off_when_the_output_is_not_a_terminal() -> None:
    _, out, _ = run("validate", AS_WRITTEN)
    assert "\x1b[" not in out


def test_colour_always_colours_even_with_no_color_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run("validate", AS_WRITTEN, "--color", "always")
    assert "\x1b[1;31mSIG001 error\x1b[0m" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_unless_no_color_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = _Terminal()
    main(["validate", AS_WRITTEN], terminal, io.StringIO())
    assert "\x1b[" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Terminal()
    main(["validate", AS_WRITTEN], terminal, io.StringIO())
    assert "\x1b[" not in terminal.getvalue()


def test_the_text_output_shown_in_the_docs_is_what_busmodel_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    shown = [line for line in page.splitlines() if line.startswith("examples/alingsas-bus-2023")]
    monkeypatch.chdir(DOCS.parent)
    _, out, _ = run("validate", "examples/alingsas-bus-2023.toml")
    assert 3 == len(shown)
    assert set(shown[:2]) <= set(out.splitlines())


# -- standard input -------------------------------------------------------------


def test_a_dash_reads_the_document_from_standard_input() -> None:
    text = Path(AS_WRITTEN).read_bytes()
    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", "-", "--select", "SIG001"], out, err, io.BytesIO(text))
    assert (EXIT_ERRORS, "") == (code, err.getvalue())
    assert out.getvalue().startswith("-:87:29: SIG001 error ")


def test_json_on_standard_input_is_told_by_its_first_character() -> None:
    document = busmodel.dumps(busmodel.load(CORRECTED), "json").encode()
    out = io.StringIO()
    code = main(["show", "-"], out, io.StringIO(), io.BytesIO(document))
    assert EXIT_OK == code
    assert out.getvalue().startswith("alingsas-bus-2023 (agreement): ")


def test_standard_input_named_twice_is_read_once() -> None:
    text = Path(CORRECTED).read_bytes()
    out = io.StringIO()
    code = main(["validate", "-", "-"], out, io.StringIO(), io.BytesIO(text))
    assert EXIT_OK == code
    assert ["-: 0 errors, 0 warnings, 0 info"] == [
        line for line in out.getvalue().splitlines() if "errors" in line
    ]


def test_a_broken_document_on_standard_input_is_unreadable_at_its_line() -> None:
    err = io.StringIO()
    code = main(["validate", "-"], io.StringIO(), err, io.BytesIO(b"x = \n"))
    assert EXIT_UNREADABLE == code
    assert "-:1:5: Invalid value\n" == err.getvalue()
