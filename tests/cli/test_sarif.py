"""``busmodel validate --format sarif``: SARIF 2.1.0 that code-scanning dashboards read.

Every log made here is validated against the official schema of SARIF 2.1.0 (the
OASIS Standard with Errata 01), vendored in ``tests/data`` (see its README).
"""

import datetime as dt
import functools
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from busmodel import DocumentError, Finding, Report, Severity, Text, load
from busmodel.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, sarif_log
from busmodel.cli._rules_doc import rule_page
from busmodel.cli._sarif import FINGERPRINT, SARIF_SCHEMA, SRCROOT
from busmodel.model import Lang
from busmodel.validation import Batch, Catalogue, validate_paths
from tests.support.cli import run
from tests.support.paths import EXAMPLES, ROOT

SCHEMA_FILE: Final = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
SCHEMA_SHA256: Final = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
"""The digest of the vendored schema, as named in ``tests/data/README.md``."""
TODAY: Final = "2026-11-27"
AS_WRITTEN: Final = EXAMPLES / "alingsas-bus-2023.toml"
CORRECTED: Final = EXAMPLES / "alingsas-bus-2023-corrected.toml"
LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
URI_REFERENCE: Final = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-F]{2})+")
"""What RFC 3986 lets a URI reference hold: its characters, and bytes percent-encoded."""


@functools.cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def uris(value: object) -> Iterator[str]:
    """Every ``uri`` in a log (the schema's ``uri`` and ``uri-reference`` formats)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("uri", "$schema") and isinstance(item, str):
                yield item
            else:
                yield from uris(item)
    elif isinstance(value, list):
        for item in value:
            yield from uris(item)


def assert_valid(log: dict[str, Any]) -> None:
    """Fail with every error the official schema finds in ``log``, and every bad URI.

    The schema's ``uri`` formats are checked here, since jsonschema checks them
    only with a package installed that is not a dependency.
    """
    validator = jsonschema.validators.validator_for(schema())(
        schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(f"{error.json_path}: {error.message}" for error in validator.iter_errors(log))
    assert [] == errors
    assert [] == [uri for uri in uris(log) if not URI_REFERENCE.fullmatch(uri)]


def sarif(*argv: str) -> tuple[int, dict[str, Any], str, str]:
    """The status, the log (checked against the schema), the output and standard error."""
    code, out, err = run("validate", "--format", "sarif", *argv)
    log: dict[str, Any] = json.loads(out)
    assert_valid(log)
    return code, log, out, err


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the repository, so that ``examples/`` is a relative path as users give it."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def examples() -> tuple[Batch, dict[str, Any], str]:
    """``busmodel validate --format sarif examples/ --today 2026-11-27``, and its batch."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        batch = validate_paths(["examples/"], today=dt.date.fromisoformat(TODAY))
        code, log, out, err = sarif("examples/", "--today", TODAY)
    assert (EXIT_ERRORS, "") == (code, err)
    return batch, log, out


def only_run(log: dict[str, Any]) -> dict[str, Any]:
    [run_] = log["runs"]
    found: dict[str, Any] = run_
    return found


# -- the schema --------------------------------------------------------------------------


def test_the_vendored_schema_is_the_oasis_standard_one() -> None:
    assert SCHEMA_SHA256 == hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest()
    jsonschema.Draft4Validator.check_schema(schema())
    assert jsonschema.Draft4Validator is jsonschema.validators.validator_for(schema())
    assert SARIF_SCHEMA == schema()["id"]


def test_the_schema_check_finds_a_broken_log_and_a_bad_uri() -> None:
    log = sarif_log(Batch(), Catalogue.built_in())
    log["runs"][0]["results"] = [{"ruleId": "CHR001", "level": "fatal"}]  # no message either
    with pytest.raises(AssertionError, match="fatal"):
        assert_valid(log)
    log = sarif_log(Batch(), Catalogue.built_in())
    log["runs"][0]["artifacts"] = [{"location": {"uri": "BUS 2023/avtal.toml"}}]
    with pytest.raises(AssertionError, match="BUS 2023"):
        assert_valid(log)


# -- the log of the examples -----------------------------------------------------------


def test_the_log_of_the_examples_is_valid_sarif(
    examples: tuple[Batch, dict[str, Any], str],
) -> None:
    _, log, _ = examples
    assert (SARIF_SCHEMA, "2.1.0") == (log["$schema"], log["version"])
    run_ = only_run(log)
    assert "busmodel" == run_["tool"]["driver"]["name"]
    assert "unicodeCodePoints" == run_["columnKind"]
    assert [{"executionSuccessful": True}] == [
        {key: value for key, value in run_["invocations"][0].items() if "Notifications" not in key}
    ]


def test_every_finding_is_a_result_at_its_file_line_and_column(
    examples: tuple[Batch, dict[str, Any], str],
) -> None:
    batch, log, _ = examples
    expected = [
        (
            finding.code,
            LEVELS[finding.severity],
            f"{finding.message.en} ({finding.path})",
            finding.file,
            SRCROOT,
            finding.line,
            finding.column,
            finding.path,
        )
        for report in batch.reports
        for finding in (*report.findings, *(e.finding for e in report.exempted))
    ]
    results = only_run(log)["results"]
    actual = []
    for result in results:
        [location] = result["locations"]
        physical = location["physicalLocation"]
        [logical] = location["logicalLocations"]
        actual.append(
            (
                result["ruleId"],
                result["level"],
                result["message"]["text"],
                physical["artifactLocation"]["uri"],
                physical["artifactLocation"]["uriBaseId"],
                physical["region"]["startLine"],
                physical["region"]["startColumn"],
                logical["fullyQualifiedName"],
            )
        )
    assert expected == actual
    # The example files are named in letters a URI holds as they are.
    assert all(re.fullmatch(r"[a-z0-9/._-]+", str(row[3])) for row in expected)
    rules = only_run(log)["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in results] == [rules[r["ruleIndex"]]["id"] for r in results]


def test_every_file_is_an_artifact_and_named_by_its_index(
    examples: tuple[Batch, dict[str, Any], str],
) -> None:
    batch, log, _ = examples
    run_ = only_run(log)
    artifacts = [artifact["location"]["uri"] for artifact in run_["artifacts"]]
    targets = [a["location"]["uri"] for a in run_["artifacts"] if "roles" in a]
    assert [report.source for report in batch.reports] == targets
    assert len(set(artifacts)) == len(artifacts)
    for result in run_["results"]:
        where = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert where["uri"] == artifacts[where["index"]]
    assert {SRCROOT} == set(run_["originalUriBaseIds"])


def test_exempted_findings_are_results_suppressed_with_the_documents_reason(
    examples: tuple[Batch, dict[str, Any], str],
) -> None:
    batch, log, _ = examples
    expected = [
        (e.finding.code, e.finding.file, e.finding.path, e.reason)
        for report in batch.reports
        for e in report.exempted
    ]
    actual = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            suppression["justification"],
        )
        for r in only_run(log)["results"]
        for suppression in r.get("suppressions", [])
        if suppression["kind"] == "inSource" and suppression["status"] == "accepted"
    ]
    assert expected == actual
    assert len(expected) >= 5  # Partille's, VÄSTBUS's and the corrected Alingsås agreement's
    unsuppressed = [r for r in only_run(log)["results"] if "suppressions" not in r]
    assert sum(len(report.findings) for report in batch.reports) == len(unsuppressed)


def test_skipped_rules_are_notes_rules_not_run_and_places_not_judged(
    examples: tuple[Batch, dict[str, Any], str],
) -> None:
    batch, log, _ = examples
    invocation = only_run(log)["invocations"][0]
    not_run = sorted(
        (s.code, s.file or report.source)
        for report in batch.reports
        for s in report.skipped
        if not s.path
    )
    configuration = invocation["toolConfigurationNotifications"]
    assert not_run == sorted(
        (n["associatedRule"]["id"], where["physicalLocation"]["artifactLocation"]["uri"])
        for n in configuration
        for where in n["locations"]
    )
    not_judged = [
        (s.code, s.file, s.line, s.column, s.path)
        for report in batch.reports
        for s in report.skipped
        if s.path
    ]
    execution = invocation["toolExecutionNotifications"]
    assert not_judged == [
        (
            n["associatedRule"]["id"],
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            n["locations"][0]["physicalLocation"]["region"]["startLine"],
            n["locations"][0]["physicalLocation"]["region"]["startColumn"],
            n["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        )
        for n in execution
    ]
    notifications = [*configuration, *execution]
    assert {"note"} == {n["level"] for n in notifications}
    descriptors = only_run(log)["tool"]["driver"]["notifications"]
    assert {"rule-not-run", "place-not-judged"} == {
        descriptors[n["descriptor"]["index"]]["id"] for n in notifications
    }
    assert "REC001 did not run: needs the agreement's records (--records)" in [
        n["message"]["text"] for n in configuration
    ]


def test_the_rule_descriptors_cover_the_catalogue(
    examples: tuple[Batch, dict[str, Any], str],
) -> None:
    _, log, _ = examples
    catalogue = Catalogue.default()
    expected = [
        (
            rule.code,
            rule.name,
            rule.title.en,
            rule.rationale.en,
            LEVELS[rule.severity],
            rule_page(rule, "en"),
            [rule.area],
        )
        for rule in catalogue
    ]
    descriptors = only_run(log)["tool"]["driver"]["rules"]
    actual = [
        (
            d["id"],
            d["name"],
            d["shortDescription"]["text"],
            d["fullDescription"]["text"],
            d["defaultConfiguration"]["level"],
            d["help"]["text"],
            d["properties"]["tags"],
        )
        for d in descriptors
    ]
    assert expected == actual
    for rule, descriptor in zip(catalogue, descriptors, strict=True):
        markdown = descriptor["help"]["markdown"]
        assert markdown.startswith(f"**{rule.code}** `{rule.name}`: {rule.title.en}\n")
        if rule.example is not None:
            bad, fixed = markdown.split("**Bad**")[1].split("**Fixed**")
            assert f"```toml\n{rule.example.bad.document.rstrip()}\n```" in bad
            assert f"```toml\n{rule.example.good.document.rstrip()}\n```" in fixed


def test_the_output_is_the_same_bytes_every_time(
    examples: tuple[Batch, dict[str, Any], str], at_root: None
) -> None:
    _, _, out = examples
    _, _, again, _ = sarif("examples/", "--today", TODAY)
    assert out == again
    assert str(ROOT) not in out  # nothing of the machine it ran on
    assert "Utc" not in out  # no time stamps (startTimeUtc, endTimeUtc, timeUtc)


def test_fingerprints_are_unique_and_survive_moved_lines(
    examples: tuple[Batch, dict[str, Any], str],
) -> None:
    _, log, _ = examples
    prints = [r["partialFingerprints"][FINGERPRINT] for r in only_run(log)["results"]]
    assert len(set(prints)) == len(prints)

    def fingerprint(line: int, path: str) -> str:
        message = Text(en="never signs", sv="skriver aldrig under")
        found = Finding("SIG001", Severity.ERROR, message, path, file="a.toml", line=line)
        log = sarif_log(Batch((Report.of([found], source="a.toml"),)), Catalogue.built_in())
        assert_valid(log)
        value: str = log["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT]
        return value

    assert fingerprint(7, "/parties/1") == fingerprint(12, "/parties/1")
    assert fingerprint(7, "/parties/1") != fingerprint(7, "/parties/2")


# -- unreadable documents ------------------------------------------------------------------


def test_an_unreadable_document_is_an_error_notification_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = "busmodel/1"\nkind = "agreement"\nid = = 3\n', encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        load(bad)
    [problem] = raised.value.problems
    code, log, _, err = sarif(str(AS_WRITTEN), str(bad))
    assert (EXIT_UNREADABLE, "") == (code, err)
    run_ = only_run(log)
    uris = [artifact["location"]["uri"] for artifact in run_["artifacts"]]
    expected = {
        "executionSuccessful": False,
        "toolExecutionNotifications": [
            {
                "descriptor": {"id": "document-unreadable", "index": 0},
                "level": "error",
                "message": {"text": problem.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": bad.as_uri(),
                                "index": uris.index(bad.as_uri()),
                            },
                            "region": {"startLine": 3, "startColumn": 6},
                        }
                    }
                ],
            }
        ],
    }
    [invocation] = run_["invocations"]
    assert expected == {key: invocation[key] for key in expected}
    assert "document-unreadable" == run_["tool"]["driver"]["notifications"][0]["id"]
    # The document that could be read is still reported on, in full.
    [report] = validate_paths([AS_WRITTEN]).reports
    assert [AS_WRITTEN.as_uri()] == [
        a["location"]["uri"] for a in run_["artifacts"] if "roles" in a
    ]
    assert [f.code for f in report.findings] == [r["ruleId"] for r in run_["results"]]


def test_each_problem_of_an_unreadable_document_is_a_notification_with_its_pointer(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"schema": "busmodel/1", "kind": "agreement", "id": "x", "titel": "y"}', encoding="utf-8"
    )
    with pytest.raises(DocumentError) as raised:
        load(bad)
    code, log, _, _ = sarif(str(bad), "--lang", "sv")
    notifications = only_run(log)["invocations"][0]["toolExecutionNotifications"]
    expected = [
        (f"{problem.text.sv} ({problem.path})", problem.path) for problem in raised.value.problems
    ]
    actual = [
        (n["message"]["text"], n["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
        for n in notifications
    ]
    assert EXIT_UNREADABLE == code
    assert expected == actual
    assert {"/title", "/titel"} == {path for _, path in actual}
    assert [] == only_run(log)["results"]


# -- file names ------------------------------------------------------------------------------


def test_file_names_with_spaces_and_letters_beyond_ascii_give_valid_uris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "BUS 2023"
    folder.mkdir()
    shutil.copy(AS_WRITTEN, folder / "Överenskommelse för Alingsås.toml")
    monkeypatch.chdir(tmp_path)
    relative = "BUS%202023/%C3%96verenskommelse%20f%C3%B6r%20Alings%C3%A5s.toml"
    for given, uri, base in (
        ("BUS 2023", relative, SRCROOT),
        (str(folder), (folder / "Överenskommelse för Alingsås.toml").as_uri(), None),
    ):
        code, log, _, _ = sarif(given, "--select", "SIG001")
        [result] = only_run(log)["results"]
        where = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert (EXIT_ERRORS, uri, base) == (code, where["uri"], where.get("uriBaseId"))
        assert "Överenskommelse för Alingsås.toml" == unquote(urlsplit(uri).path).split("/")[-1]
    assert "file" == urlsplit(only_run(log)["artifacts"][0]["location"]["uri"]).scheme


def test_a_file_name_that_is_not_utf_8_gives_its_bytes_percent_encoded() -> None:
    message = Text(en="never signs", sv="skriver aldrig under")
    for name, uri in (
        (os.fsdecode(b"bad\xff.toml"), "bad%FF.toml"),
        (os.fsdecode(b"/srv/bus/bad\xff 1.toml"), "file:///srv/bus/bad%FF%201.toml"),
    ):
        found = Finding("SIG001", Severity.ERROR, message, "/parties/0", file=name, line=3)
        log = sarif_log(Batch((Report.of([found], source=name),)), Catalogue.built_in())
        assert_valid(log)
        where = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert uri == where["artifactLocation"]["uri"]


def test_the_command_line_writes_a_name_that_is_not_utf_8_by_its_bytes(
    tmp_path: Path,
) -> None:
    # A URI names a file by its bytes: the byte 0xFF is %FF, and a tool that opens
    # the URI finds the file (the text output shows the same name as "\xff").
    shutil.copy(CORRECTED, tmp_path / os.fsdecode(b"bad\xff.toml"))
    code, log, _, _ = sarif(str(tmp_path))
    [artifact] = only_run(log)["artifacts"]
    assert EXIT_OK == code
    assert f"{tmp_path.as_uri()}/bad%FF.toml" == artifact["location"]["uri"]


# -- languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_language_switch_changes_the_messages_and_the_rules(lang: Lang) -> None:
    code, log, _, _ = sarif(str(AS_WRITTEN), "--lang", lang, "--today", TODAY)
    batch = validate_paths([AS_WRITTEN], today=dt.date.fromisoformat(TODAY))
    run_ = only_run(log)
    [report] = batch.reports
    assert [f"{f.message.get(lang)} ({f.path})" for f in report.findings] == [
        r["message"]["text"] for r in run_["results"]
    ]
    assert [rule.title.get(lang) for rule in Catalogue.default()] == [
        d["shortDescription"]["text"] for d in run_["tool"]["driver"]["rules"]
    ]
    assert (EXIT_ERRORS, lang, lang) == (
        code,
        run_["language"],
        run_["tool"]["driver"]["language"],
    )


def test_swedish_and_english_logs_differ_only_in_their_texts() -> None:
    _, swedish, _, _ = sarif(str(AS_WRITTEN), "--lang", "sv")
    _, english, _, _ = sarif(str(AS_WRITTEN), "--lang", "en")

    def shape(log: dict[str, Any]) -> list[tuple[str, str, int]]:
        return [
            (
                r["ruleId"],
                r["partialFingerprints"][FINGERPRINT],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            )
            for r in only_run(log)["results"]
        ]

    assert shape(english) == shape(swedish)
    texts = [
        (s["message"]["text"], e["message"]["text"])
        for s, e in zip(only_run(swedish)["results"], only_run(english)["results"], strict=True)
    ]
    assert all(sv != en for sv, en in texts)


# -- the parts ---------------------------------------------------------------------------------


def test_related_paths_are_related_locations() -> None:
    message = Text(en="chair twice", sv="ordförande två gånger")
    found = Finding(
        "CHR003",
        Severity.ERROR,
        message,
        "/chair/terms/1",
        ("/chair/terms/0", "records:/meetings/2"),
        file="a.toml",
        line=20,
        column=3,
    )
    log = sarif_log(Batch((Report.of([found], source="a.toml"),)), Catalogue.built_in())
    assert_valid(log)
    artifact = {"uri": "a.toml", "uriBaseId": SRCROOT, "index": 0}
    assert [
        {
            "physicalLocation": {"artifactLocation": artifact},
            "logicalLocations": [{"fullyQualifiedName": "/chair/terms/0"}],
            "message": {"text": "/chair/terms/0"},
        },
        {
            "logicalLocations": [{"fullyQualifiedName": "records:/meetings/2"}],
            "message": {"text": "records:/meetings/2"},
        },
    ] == log["runs"][0]["results"][0]["relatedLocations"]


def test_a_finding_about_the_whole_document_names_the_file_alone() -> None:
    message = Text(en="no purpose", sv="inget syfte")
    found = Finding("CHR001", Severity.INFO, message, "", file="a.toml")
    log = sarif_log(Batch((Report.of([found], source="a.toml"),)), Catalogue.built_in())
    assert_valid(log)
    [result] = log["runs"][0]["results"]
    assert {
        "ruleId": "CHR001",
        "ruleIndex": 0,
        "level": "note",
        "message": {"text": "no purpose"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "a.toml", "uriBaseId": SRCROOT, "index": 0}
                }
            }
        ],
        "partialFingerprints": result["partialFingerprints"],
    } == result


def test_a_finding_of_a_rule_not_in_the_catalogue_has_no_rule_index() -> None:
    message = Text(en="plug-in finding", sv="fynd av ett tillägg")
    found = Finding("XMP001", Severity.WARNING, message, "/id", file="a.toml", line=1, column=1)
    log = sarif_log(Batch((Report.of([found], source="a.toml"),)), Catalogue.built_in())
    assert_valid(log)
    [result] = log["runs"][0]["results"]
    assert ("XMP001", None, "warning") == (
        result["ruleId"],
        result.get("ruleIndex"),
        result["level"],
    )


def test_an_empty_batch_is_a_valid_log_of_a_successful_run() -> None:
    log = sarif_log(Batch(), Catalogue.built_in(), "sv")
    assert_valid(log)
    run_ = log["runs"][0]
    assert ([], [], [{"executionSuccessful": True}]) == (
        run_["results"],
        run_["artifacts"],
        run_["invocations"],
    )
    assert "originalUriBaseIds" not in run_
