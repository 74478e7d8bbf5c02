"""Reports as SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, VS Code).

:func:`sarif_log` turns a batch into one SARIF log (OASIS SARIF 2.1.0 with Errata 01)
holding one run:

- ``tool.driver.rules`` describes every rule of the catalogue: its code as ``id``,
  its symbolic name, title, rationale, a help page with the bad and the good
  example, and its severity as the default level.
- ``results`` holds a result a finding, at its file, line and column (its
  ``physicalLocation``) and its JSON Pointer (its ``logicalLocations``). An
  exempted finding is a result too, suppressed ``inSource`` with the document's
  reason, so that dashboards show it as suppressed rather than lose it.
- ``invocations[0]`` says whether the run succeeded, and carries as notifications
  the documents that could not be read (level ``error``) and the rules that were
  skipped (level ``note``).

The log is deterministic: the same batch gives the same data, and no timestamp,
absolute working directory or other property of the machine is written into it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any, Final
from urllib.parse import quote_from_bytes

from busmodel._version import __version__
from busmodel.cli._rules_doc import rule_page
from busmodel.format import DocumentError, Problem
from busmodel.model import Lang, Text
from busmodel.validation import Catalogue, Finding, Rule, Severity, Skipped, Snippet
from busmodel.validation._batch import RECORDS_PREFIX, Batch

__all__ = ["FINGERPRINT", "SARIF_SCHEMA", "SARIF_VERSION", "SRCROOT", "file_uri", "sarif_log"]

SARIF_VERSION: Final = "2.1.0"
"""The version of SARIF written."""
SARIF_SCHEMA: Final = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""Where the JSON schema of SARIF 2.1.0 is published: the OASIS Standard with Errata 01.

It is the schema's own ``id``; SARIF 2.1.0 §3.13.3 asks ``$schema`` for an absolute
URI from which the schema of the log's version can be obtained.
"""
SRCROOT: Final = "%SRCROOT%"
"""The URI base id of relative file names: the directory busmodel was run in.

Its absolute URI is left out of ``originalUriBaseIds`` (SARIF §3.14.14 allows it),
so that the log does not depend on where the files were checked out (Appendix F.4)
and reveals no user's directory; consumers resolve it against their checkout.
"""
FINGERPRINT: Final = "busmodelFinding/v1"
"""The name of the partial fingerprint: a versioned hierarchical string (§3.27.17)."""

_LEVELS: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
"""SARIF's levels (§3.27.10) for busmodel's severities: ``info`` is ``note``."""

# -- the notifications the run may carry, described in tool.driver.notifications --

_UNREADABLE: Final = "document-unreadable"
_NOT_RUN: Final = "rule-not-run"
_NOT_JUDGED: Final = "place-not-judged"
_NOTIFICATIONS: Final[tuple[tuple[str, str, Text], ...]] = (
    (
        _UNREADABLE,
        "error",
        Text(
            en="A document could not be read, so it was not validated.",
            sv="Ett dokument kunde inte läsas och kontrollerades därför inte.",
        ),
    ),
    (
        _NOT_RUN,
        "note",
        Text(
            en="A rule did not run: it needs something that was not given "
            "(today's date, the records or other documents).",
            sv="En regel kördes inte: den behöver något som inte angavs "
            "(dagens datum, protokollen eller andra dokument).",
        ),
    ),
    (
        _NOT_JUDGED,
        "note",
        Text(
            en="A rule could not judge a place in a document.",
            sv="En regel kunde inte bedöma ett ställe i ett dokument.",
        ),
    ),
)
_NOTIFICATION_INDEX: Final = {name: index for index, (name, _, _) in enumerate(_NOTIFICATIONS)}

_UNREAD: Final = Problem("", "could not be read", sv="kunde inte läsas")
"""The problem of a document that could not be read for no reason listed."""
_NOT_RUN_MESSAGE: Final = Text(en="{code} did not run: {reason}", sv="{code} kördes inte: {reason}")
_NOT_JUDGED_MESSAGE: Final = Text(
    en="{code} could not judge this place: {reason}",
    sv="{code} kunde inte bedöma detta ställe: {reason}",
)
_SRCROOT_DESCRIPTION: Final = Text(
    en="The directory busmodel was run in; relative file names are relative to it.",
    sv="Katalogen som busmodel kördes i; relativa filnamn utgår från den.",
)
_WORDS: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "severity": "Severity",
        "needs": "Needs",
        "source": "Source",
        "bad": "Bad",
        "good": "Fixed",
        "today": "checked on",
        "records": "With these records",
        "others": "Among these other documents",
        "none": "nothing else",
    },
    "sv": {
        "severity": "Allvarlighetsgrad",
        "needs": "Behöver",
        "source": "Källa",
        "bad": "Felaktigt",
        "good": "Rättat",
        "today": "kontrollerad den",
        "records": "Med dessa protokoll",
        "others": "Bland dessa andra dokument",
        "none": "inget annat",
    },
}


# -- file names as URIs -----------------------------------------------------------


def _name_bytes(name: str) -> bytes:
    r"""The bytes of a file name: those it has on disk, when it came from there.

    A name read from disk whose bytes are not text holds them as lone surrogates
    (``os.fsdecode``); they are given back as they were. A lone surrogate no byte
    stands for is written as its escape.
    """
    try:
        return os.fsencode(name)
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace")


def file_uri(name: str) -> tuple[str, str | None]:
    r"""A file name as a URI (RFC 3986) and its URI base id.

    A relative name is a relative reference, resolved against :data:`SRCROOT`; an
    absolute one is a ``file`` URI (RFC 8089) with no base id, as SARIF §3.4.4
    requires. Every byte but the unreserved characters and ``/`` is percent-encoded,
    so spaces, letters beyond ASCII (as UTF-8) and bytes that are not text
    (``%FF``) all give a valid URI, and a colon cannot be read as a scheme.

    >>> file_uri("examples/alingsås bus.toml")
    ('examples/alings%C3%A5s%20bus.toml', '%SRCROOT%')
    >>> file_uri("/srv/avtal/50%.toml")
    ('file:///srv/avtal/50%25.toml', None)
    >>> file_uri(os.fsdecode(b"bad\xff.toml"))
    ('bad%FF.toml', '%SRCROOT%')
    """
    path = PurePath(name)
    if path.is_absolute():
        try:
            return path.as_uri(), None
        except (UnicodeEncodeError, ValueError):  # a lone surrogate no byte stands for
            return "file://" + quote_from_bytes(_name_bytes(path.as_posix()), safe="/"), None
    return quote_from_bytes(_name_bytes(path.as_posix()), safe="/"), SRCROOT


class _Artifacts:
    """The files a log names, each listed once in ``run.artifacts``, in the order first named."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}

    def location(self, name: str, *, target: bool = False) -> dict[str, Any]:
        """The ``artifactLocation`` of the file ``name``, listing the file if it is new."""
        uri, base = file_uri(name)
        index = self._index.get(uri)
        if index is None:
            index = self._index[uri] = len(self.entries)
            entry: dict[str, Any] = {"location": _artifact_location(uri, base)}
            self.entries.append(entry)
        if target:
            self.entries[index]["roles"] = ["analysisTarget"]
        return {**_artifact_location(uri, base), "index": index}

    @property
    def relative(self) -> bool:
        """Whether any file is named relative to :data:`SRCROOT`."""
        return any("uriBaseId" in entry["location"] for entry in self.entries)


def _artifact_location(uri: str, base: str | None) -> dict[str, Any]:
    return {"uri": uri} if base is None else {"uri": uri, "uriBaseId": base}


def _location(
    artifacts: _Artifacts, file: str | None, path: str, line: int | None, column: int | None
) -> dict[str, Any]:
    """A ``location``: the place in the file, and the JSON Pointer as a logical location."""
    location: dict[str, Any] = {}
    if file is not None:
        physical: dict[str, Any] = {"artifactLocation": artifacts.location(file)}
        if line is not None:
            region = {"startLine": line}
            if column is not None:
                region["startColumn"] = column
            physical["region"] = region
        location["physicalLocation"] = physical
    if path:  # "" is the document as a whole: no place within it to name
        location["logicalLocations"] = [{"fullyQualifiedName": path}]
    return location


# -- the rules ------------------------------------------------------------------


def _snippets(snippet: Snippet, words: dict[str, str]) -> list[str]:
    """A snippet as Markdown: the document, then its records and the other documents."""
    parts = [f"```toml\n{snippet.document.rstrip()}\n```"]
    if snippet.records is not None:
        parts += [f"*{words['records']}:*", f"```toml\n{snippet.records.rstrip()}\n```"]
    for other in snippet.others:
        parts += [f"*{words['others']}:*", f"```toml\n{other.rstrip()}\n```"]
    return parts


def _markdown(rule: Rule, lang: Lang) -> str:
    """The rule's help page in Markdown: what, why, where from, a bad and a good example."""
    words = _WORDS[lang]
    needs = ", ".join(need.text.get(lang) for need in sorted(rule.needs, key=lambda n: n.value))
    parts = [
        f"**{rule.code}** `{rule.name}`: {rule.title.get(lang)}",
        rule.rationale.get(lang),
        f"- {words['severity']}: {rule.severity.label(lang)}\n"
        f"- {words['needs']}: {needs or words['none']}\n"
        f"- {words['source']}: {rule.source}",
    ]
    if rule.example is not None:
        for key, snippet in (("bad", rule.example.bad), ("good", rule.example.good)):
            today = f" ({words['today']} {snippet.today})" if snippet.today else ""
            parts.append(f"**{words[key]}**{today}:")
            parts += _snippets(snippet, words)
    return "\n\n".join(parts) + "\n"


def _descriptor(rule: Rule, lang: Lang) -> dict[str, Any]:
    """A rule as a SARIF ``reportingDescriptor`` (§3.49).

    ``name`` is the rule's symbolic name as busmodel writes it (``chair-is-party``):
    SARIF asks only for "an identifier that is understandable to an end user"
    (§3.49.7; its PascalCase example is an example), and this one is the name
    ``--select`` and ``--ignore`` take, so a reader can copy it from a dashboard.
    """
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title.get(lang)},
        "fullDescription": {"text": rule.rationale.get(lang)},
        "help": {"text": rule_page(rule, lang), "markdown": _markdown(rule, lang)},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {
            "tags": [rule.area],
            "area": rule.area,
            "severity": rule.severity.value,
            "needs": sorted(need.value for need in rule.needs),
            "kinds": sorted(kind.value for kind in rule.kinds),
            "source": rule.source,
        },
    }


def _rule_reference(code: str, indexes: dict[str, int]) -> dict[str, Any]:
    """A ``reportingDescriptorReference`` to the rule ``code``, with its index when listed."""
    index = indexes.get(code)
    return {"id": code} if index is None else {"id": code, "index": index}


# -- results ----------------------------------------------------------------------


def _fingerprint(finding: Finding, uri: str) -> str:
    """What identifies a finding across runs: the rule, the file and the places it names.

    Lines and messages are left out, so that an edit elsewhere in the file (which
    moves lines) or a reworded message does not make the finding a new one.
    """
    parts = [finding.code, uri, finding.path, *finding.related]
    data = "\0".join(parts).encode("utf-8", "surrogatepass")
    import hashlib  # on first use: loading OpenSSL slows every command's start

    return hashlib.sha256(data).hexdigest()


def _message(text: str, path: str) -> str:
    return f"{text} ({path})" if path else text


def _result(
    finding: Finding,
    source: str | None,
    lang: Lang,
    artifacts: _Artifacts,
    indexes: dict[str, int],
) -> dict[str, Any]:
    file = finding.file or source
    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in indexes:
        result["ruleIndex"] = indexes[finding.code]
    result["level"] = _LEVELS[finding.severity]
    result["message"] = {"text": _message(finding.message.get(lang), finding.path)}
    location = _location(artifacts, file, finding.path, finding.line, finding.column)
    result["locations"] = [location] if location else []
    if finding.related:
        result["relatedLocations"] = [_related(path, source, artifacts) for path in finding.related]
    uri = location["physicalLocation"]["artifactLocation"]["uri"] if file is not None else ""
    result["partialFingerprints"] = {FINGERPRINT: _fingerprint(finding, uri)}
    return result


def _related(path: str, source: str | None, artifacts: _Artifacts) -> dict[str, Any]:
    """The other side of a conflict: a path in the agreement, or in its (merged) records.

    A path into the records names no file, since the records may be merged from
    several; it is given as the logical location alone.
    """
    file = None if path.startswith(RECORDS_PREFIX) else source
    return {**_location(artifacts, file, path, None, None), "message": {"text": path or "/"}}


# -- notifications ----------------------------------------------------------------


def _descriptor_reference(name: str) -> dict[str, Any]:
    return {"id": name, "index": _NOTIFICATION_INDEX[name]}


def _unreadable(
    error: DocumentError, problem: Problem, lang: Lang, artifacts: _Artifacts
) -> dict[str, Any]:
    return {
        "descriptor": _descriptor_reference(_UNREADABLE),
        "level": "error",
        "message": {"text": _message(problem.text.get(lang), problem.path)},
        "locations": [
            _location(artifacts, error.source, problem.path, problem.line, problem.column)
        ],
    }


def _not_run(
    groups: Iterable[tuple[tuple[str, str], list[str]]],
    lang: Lang,
    artifacts: _Artifacts,
    indexes: dict[str, int],
) -> list[dict[str, Any]]:
    """A notification a rule that did not run for want of an input, at every document."""
    return [
        {
            "descriptor": _descriptor_reference(_NOT_RUN),
            "associatedRule": _rule_reference(code, indexes),
            "level": "note",
            "message": {"text": _NOT_RUN_MESSAGE.get(lang).format(code=code, reason=reason)},
            "locations": [_location(artifacts, file, "", None, None) for file in files],
        }
        for (code, reason), files in groups
    ]


def _not_judged(
    skipped: Skipped, source: str | None, lang: Lang, artifacts: _Artifacts, indexes: dict[str, int]
) -> dict[str, Any]:
    """A notification a place a rule could not judge (a cadence with no number of meetings)."""
    text = _NOT_JUDGED_MESSAGE.get(lang).format(code=skipped.code, reason=skipped.reason.get(lang))
    location = _location(
        artifacts, skipped.file or source, skipped.path, skipped.line, skipped.column
    )
    return {
        "descriptor": _descriptor_reference(_NOT_JUDGED),
        "associatedRule": _rule_reference(skipped.code, indexes),
        "level": "note",
        "message": {"text": _message(text, skipped.path)},
        "locations": [location] if location else [],
    }


# -- the log ------------------------------------------------------------------------


def sarif_log(batch: Batch, catalogue: Catalogue, lang: Lang = "en") -> dict[str, Any]:
    """The batch as one SARIF 2.1.0 log (a dict ready for ``json.dumps``), its texts in ``lang``.

    Every rule of ``catalogue`` is described; every finding is a result, an
    exempted one suppressed with the document's reason; the documents that could
    not be read and the rules that were skipped are the invocation's notifications.

    Skipped rules are notifications at level ``note``: SARIF keeps ``error`` for a
    run that failed or whose results are incomplete (§3.58.6, §3.20.21) and
    ``warning`` for "a problem ... found" in the tool's work, while a rule that
    needs ``--today``, the records or a registry not given is skipped by design
    (busmodel exits 0 for it, ``--strict`` too). Still, a skipped rule is not a
    pass, and busmodel never stays silent about it: a rule not run for want of an
    input is a *configuration* notification (§3.20.22, like a rule the command line
    left out), at every document it was not run on; a place a rule ran on but could
    not judge is an *execution* notification (§3.20.21) at that place.

    ``executionSuccessful`` (§3.20.14) is false exactly when a document could not
    be read. Such a document is an ``error`` notification, which "SHALL mean that
    the run failed" (§3.20.21): its results are incomplete, and busmodel exits 2,
    a status that denotes failure (Appendix I), not the verdict 1. Findings, even
    errors, are the verdict of a run that succeeded (the example of §3.20.14).

    >>> from busmodel import Finding, Report, Severity, Text
    >>> found = Finding("CHR001", Severity.ERROR, Text(en="not a party", sv="ingen part"),
    ...                 "/chair", file="a.toml", line=7, column=1)
    >>> log = sarif_log(Batch((Report.of([found], source="a.toml"),)), Catalogue.built_in())
    >>> result = log["runs"][0]["results"][0]
    >>> result["ruleId"], result["level"], result["message"]["text"]
    ('CHR001', 'error', 'not a party (/chair)')
    >>> result["locations"][0]["physicalLocation"]["region"]
    {'startLine': 7, 'startColumn': 1}
    """
    rules = catalogue.rules
    indexes = {rule.code: index for index, rule in enumerate(rules)}
    artifacts = _Artifacts()
    results: list[dict[str, Any]] = []
    not_run: dict[tuple[str, str], list[str]] = {}
    not_judged: list[dict[str, Any]] = []
    for report in batch.reports:
        source = report.source
        if source is not None:
            artifacts.location(source, target=True)
        for finding in report.findings:
            results.append(_result(finding, source, lang, artifacts, indexes))
        for exempted in report.exempted:
            result = _result(exempted.finding, source, lang, artifacts, indexes)
            result["suppressions"] = [
                {"kind": "inSource", "status": "accepted", "justification": exempted.reason}
            ]
            results.append(result)
        for skipped in report.skipped:
            file = skipped.file or source
            if skipped.path or file is None:
                not_judged.append(_not_judged(skipped, source, lang, artifacts, indexes))
            else:
                files = not_run.setdefault((skipped.code, skipped.reason.get(lang)), [])
                if file not in files:
                    files.append(file)
    unreadable = [
        _unreadable(error, problem, lang, artifacts)
        for error in batch.unreadable
        for problem in error.problems or (_UNREAD,)  # none listed: still unreadable
    ]

    invocation: dict[str, Any] = {"executionSuccessful": not batch.unreadable}
    if unreadable or not_judged:
        invocation["toolExecutionNotifications"] = unreadable + not_judged
    configuration = _not_run(sorted(not_run.items()), lang, artifacts, indexes)
    if configuration:
        invocation["toolConfigurationNotifications"] = configuration

    driver: dict[str, Any] = {
        "name": "busmodel",
        "version": __version__,
        "language": lang,
        "rules": [_descriptor(rule, lang) for rule in rules],
        "notifications": [
            {
                "id": name,
                "shortDescription": {"text": text.get(lang)},
                "defaultConfiguration": {"level": level},
            }
            for name, level, text in _NOTIFICATIONS
        ],
    }
    run: dict[str, Any] = {"tool": {"driver": driver}, "invocations": [invocation]}
    if artifacts.relative:
        run["originalUriBaseIds"] = {
            SRCROOT: {"description": {"text": _SRCROOT_DESCRIPTION.get(lang)}}
        }
    run["artifacts"] = artifacts.entries
    run["results"] = results
    run["language"] = lang
    run["columnKind"] = "unicodeCodePoints"
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
