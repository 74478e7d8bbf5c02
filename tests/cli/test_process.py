"""The installed ``busmodel`` command, run as a process with real streams.

What depends on the streams (their encoding, a reader that goes away, a stream
that is closed or full) cannot be seen through ``io.StringIO``: these tests run
the console script next to the running interpreter, as a user would.
"""

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

import busmodel
from busmodel.cli import EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE
from tests.support.paths import EXAMPLES

AS_WRITTEN = str(EXAMPLES / "alingsas-bus-2023.toml")
CORRECTED = str(EXAMPLES / "alingsas-bus-2023-corrected.toml")
SCRIPT = Path(sys.executable).with_name("busmodel")
BUSMODEL: list[str] = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "busmodel"]
"""The installed console script (``python -m busmodel`` if there is none beside Python)."""
TIMEOUT = 120

Arg = str | bytes | os.PathLike[str]


def environment(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BUSMODEL"))}
    env.update(LC_ALL="C.UTF-8", **changes)
    return env


def busmodel_run(
    *args: Arg, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*BUSMODEL, *args],
        capture_output=True,
        env=environment() if env is None else env,
        timeout=TIMEOUT,
        check=False,
    )


def no_traceback(stderr: bytes) -> None:
    assert b"Traceback" not in stderr
    assert b"Exception ignored" not in stderr


# -- crashes are never exit 1, and never a traceback ---------------------------


def test_a_file_name_too_long_is_reported_not_a_crash(tmp_path: Path) -> None:
    long = "a" * 300 + ".toml"
    result = busmodel_run("validate", tmp_path / long)
    no_traceback(result.stderr)
    assert EXIT_UNREADABLE == result.returncode
    assert b"cannot read: file name too long" in result.stderr


def test_a_toml_integer_too_long_to_read_is_reported_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_text("x = " + "9" * 5000 + "\n", encoding="utf-8")
    result = busmodel_run("validate", path)
    no_traceback(result.stderr)
    assert EXIT_UNREADABLE == result.returncode
    assert f"{path}:1:5: ".encode() in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "f.toml"
    os.mkfifo(fifo)
    result = busmodel_run("validate", fifo)
    no_traceback(result.stderr)
    assert EXIT_UNREADABLE == result.returncode
    assert b"not a regular file but a FIFO" in result.stderr


def crashing(code: str, *, traceback: bool = False) -> subprocess.CompletedProcess[bytes]:
    """Run the command line with ``code`` run first: an exception in busmodel, staged."""
    program = (
        "import busmodel.cli as cli, busmodel.cli._validate as validate\n"
        f"{code}\nraise SystemExit(cli.main())"
    )
    env = environment(BUSMODEL_TRACEBACK="1") if traceback else environment()
    return subprocess.run(
        [sys.executable, "-c", program, "validate", CORRECTED],
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


BOOM = "def boom(*a, **k): raise ZeroDivisionError('boom')\nvalidate.validate_paths = boom"


def test_a_bug_inside_busmodel_is_one_line_and_its_own_exit_status() -> None:
    result = crashing(BOOM)
    no_traceback(result.stderr)
    assert (EXIT_INTERNAL, b"") == (result.returncode, result.stdout)
    assert [
        b"busmodel: internal error: ZeroDivisionError: boom "
        b"(this is a bug in busmodel; please report it)"
    ] == result.stderr.splitlines()


def test_busmodel_traceback_shows_where_the_bug_is() -> None:
    result = crashing(BOOM, traceback=True)
    assert EXIT_INTERNAL == result.returncode
    assert b"Traceback (most recent call last):" in result.stderr
    assert b"in boom" in result.stderr


def test_an_interrupt_exits_quietly_with_130() -> None:
    result = crashing("def stop(*a, **k): raise KeyboardInterrupt\nvalidate.validate_paths = stop")
    no_traceback(result.stderr)
    assert (130, b"busmodel: interrupted\n") == (result.returncode, result.stderr)


# -- encodings ------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-16"])
def test_a_stream_that_cannot_hold_every_letter_gets_escapes_not_a_crash(encoding: str) -> None:
    result = busmodel_run("validate", AS_WRITTEN, env=environment(PYTHONIOENCODING=encoding))
    no_traceback(result.stderr)
    assert EXIT_ERRORS == result.returncode
    out = result.stdout.decode(encoding)
    assert "SIG001" in out
    assert "Barn- och utbildningsn" in out
    if encoding == "ascii":
        assert "utbildningsn\\xe4mnden" in out


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-16"])
@pytest.mark.parametrize(
    "argv", [["validate", AS_WRITTEN, "--format", "json"], ["rules", "--format", "json"]]
)
def test_json_on_any_stream_is_valid_json_with_every_letter_intact(
    encoding: str, argv: list[str]
) -> None:
    plain = busmodel_run(*argv)
    result = busmodel_run(*argv, env=environment(PYTHONIOENCODING=encoding))
    no_traceback(result.stderr)
    assert plain.returncode == result.returncode
    assert json.loads(plain.stdout.decode("utf-8")) == json.loads(result.stdout.decode(encoding))


@pytest.mark.parametrize("to", ["toml", "json"])
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_convert_writes_utf_8_documents_whatever_the_stream(encoding: str, to: str) -> None:
    result = busmodel_run(
        "convert", CORRECTED, "--to", to, env=environment(PYTHONIOENCODING=encoding)
    )
    no_traceback(result.stderr)
    assert EXIT_OK == result.returncode
    assert busmodel.load(CORRECTED) == busmodel.loads(result.stdout.decode("utf-8"), to)  # type: ignore[arg-type]


def test_rules_in_swedish_on_an_ascii_stream_are_escaped_not_a_crash() -> None:
    result = busmodel_run("rules", "--lang", "sv", env=environment(PYTHONIOENCODING="ascii"))
    no_traceback(result.stderr)
    assert EXIT_OK == result.returncode
    result.stdout.decode("ascii")


SURROGATE_KEY = (
    '{"schema": "busmodel/1", "kind": "agreement", "id": "a", "title": "A", "\\ud800": 1}'
)


@pytest.mark.parametrize("key", ["\\ud800", "\\udcff"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_lone_surrogate_key_gives_a_report_in_valid_utf_8(
    tmp_path: Path, key: str, fmt: str
) -> None:
    path = tmp_path / "s.json"
    path.write_text(SURROGATE_KEY.replace("\\ud800", key), encoding="utf-8")
    result = busmodel_run("validate", path, "--format", fmt)
    no_traceback(result.stderr)
    assert EXIT_UNREADABLE == result.returncode
    shown = (result.stdout if fmt == "json" else result.stderr).decode("utf-8")
    assert f"/{key}" in (
        json.loads(shown)["unreadable"][0]["problems"][0]["path"] if fmt == "json" else shown
    )


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_file_name_that_is_not_utf_8_gives_a_report_in_valid_utf_8(
    tmp_path: Path, fmt: str
) -> None:
    directory = os.fsencode(tmp_path)
    shutil.copy(os.fsencode(CORRECTED), directory + b"/bad\xff.toml")
    with open(directory + b"/worse\xfe.json", "w", encoding="utf-8") as file:
        file.write("{")
    result = busmodel_run("validate", directory, "--format", fmt)
    no_traceback(result.stderr)
    assert EXIT_UNREADABLE == result.returncode
    out, err = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    if fmt == "json":
        data = json.loads(out)
        assert [f"{tmp_path}/bad\\xff.toml"] == [f["source"] for f in data["files"]]
        assert [f"{tmp_path}/worse\\xfe.json"] == [u["source"] for u in data["unreadable"]]
    else:
        assert f"{tmp_path}/bad\\xff.toml: 0 errors" in out
        assert f"{tmp_path}/worse\\xfe.json:1:2: " in err


# -- a reader that goes away, a stream that is closed or full ----------------


def many_agreements(directory: Path, count: int) -> Path:
    agreement = busmodel.load(AS_WRITTEN)
    for number in range(count):
        busmodel.dump(agreement, directory / f"a{number:04}.toml")
    return directory


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["validate", CORRECTED], EXIT_OK),
        (["validate", AS_WRITTEN], EXIT_ERRORS),
        (["validate", AS_WRITTEN, "--format", "json"], EXIT_ERRORS),
        (["validate", AS_WRITTEN, "no-such.toml"], EXIT_UNREADABLE),
        (["rules"], EXIT_OK),
        (["convert", CORRECTED, "--to", "json"], EXIT_OK),
        (["--help"], EXIT_OK),
    ],
)
def test_a_reader_gone_before_the_output_ends_the_run_quietly_with_its_real_status(
    argv: list[str], status: int
) -> None:
    with subprocess.Popen(
        [*BUSMODEL, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment()
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()  # the reader goes away before a line is written
        err = process.stderr.read()
        returncode = process.wait(TIMEOUT)
    no_traceback(err)
    assert status == returncode
    if status != EXIT_UNREADABLE:
        assert b"" == err


def test_busmodel_validate_piped_to_head_exits_with_its_real_status(tmp_path: Path) -> None:
    many_agreements(tmp_path, 150)  # far more output than a pipe holds
    with subprocess.Popen(
        [*BUSMODEL, "validate", tmp_path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `| head -1` does
        err = process.stderr.read()
        returncode = process.wait(TIMEOUT)
    assert first.startswith(os.fsencode(tmp_path))
    assert (EXIT_ERRORS, b"") == (returncode, err)


def shell(command: str, *args: Arg) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["sh", "-c", command, "sh", *args],
        capture_output=True,
        env=environment(),
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize(("path", "status"), [(CORRECTED, EXIT_OK), (AS_WRITTEN, EXIT_ERRORS)])
def test_a_closed_standard_output_keeps_the_real_status(path: str, status: int) -> None:
    result = shell('exec "$@" >&-', *BUSMODEL, "validate", path)
    no_traceback(result.stderr)
    assert (status, b"") == (result.returncode, result.stderr)


def test_a_closed_standard_error_keeps_the_real_status(tmp_path: Path) -> None:
    result = shell('exec "$@" 2>&-', *BUSMODEL, "validate", tmp_path / "missing.toml")
    assert EXIT_UNREADABLE == result.returncode


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_reported_in_one_line() -> None:
    result = shell('exec "$@" >/dev/full', *BUSMODEL, "validate", CORRECTED)
    no_traceback(result.stderr)
    assert EXIT_UNREADABLE == result.returncode
    [line] = result.stderr.decode("utf-8").splitlines()
    assert line.startswith("busmodel: cannot write the output: ")


# -- usage errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [["--select", ","], ["--select", "SIG", "--ignore", "SIG"], ["--today", "20261122"]],
)
def test_usage_errors_exit_2_with_a_message_and_no_output(options: Sequence[str]) -> None:
    result = busmodel_run("validate", AS_WRITTEN, *options)
    no_traceback(result.stderr)
    assert (EXIT_USAGE, b"") == (result.returncode, result.stdout)
    assert b"busmodel validate: error: " in result.stderr


# -- an unreadable subdirectory, as a user without permission ---------------------


def as_nobody() -> list[str] | None:
    """A command prefix that runs as an unprivileged user, if this machine can."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    probe = subprocess.run(
        [*prefix, *BUSMODEL, "--version"], capture_output=True, timeout=TIMEOUT, check=False
    )
    return prefix if probe.returncode == 0 else None


def test_an_unreadable_subdirectory_fails_the_run_for_a_user_without_permission(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    prefix = as_nobody()
    if prefix is None:
        pytest.skip("cannot run as a user without permission here")
    top = tmp_path_factory.mktemp("shared")
    for directory in (top.parent, top):
        directory.chmod(0o755)
    shutil.copy(CORRECTED, top / "ok.toml")
    sub = top / "sub"
    sub.mkdir()
    shutil.copy(AS_WRITTEN, sub / "faulty.toml")
    sub.chmod(0)
    try:
        result = subprocess.run(
            [*prefix, *BUSMODEL, "validate", top],
            capture_output=True,
            env=environment(),
            timeout=TIMEOUT,
            check=False,
        )
    finally:
        sub.chmod(0o755)
    no_traceback(result.stderr)
    assert EXIT_UNREADABLE == result.returncode
    assert f"{sub}: 1 problem".encode() in result.stderr
