"""Reports and problems as JSON for systems: one document, ``busmodel-report/2``.

The shape is documented in ``docs/cli.md``. Every finding, exemption, skipped
place and problem carries its ``file``, ``path`` (a JSON Pointer into that file),
``line`` and ``column`` (``null`` where not known).
"""

from __future__ import annotations

from typing import Any, Final

from busmodel.format import DocumentError, Problem
from busmodel.model import Lang
from busmodel.validation import Finding, Report, Skipped
from busmodel.validation._batch import Batch

__all__ = ["REPORT_SCHEMA", "batch_data", "problems_data", "report_data"]

REPORT_SCHEMA: Final = "busmodel-report/2"
"""The version of the JSON shape; /2 added places (file, line, column) to /1."""


def _finding(finding: Finding, source: str | None, lang: Lang) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "file": finding.file or source,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message.get(lang),
        "related": list(finding.related),
    }


def _skipped(skipped: Skipped, source: str | None, lang: Lang) -> dict[str, Any]:
    return {
        "code": skipped.code,
        "file": skipped.file or source,
        "path": skipped.path,
        "line": skipped.line,
        "column": skipped.column,
        "reason": skipped.reason.get(lang),
    }


def report_data(report: Report, lang: Lang = "en") -> dict[str, Any]:
    """One report as plain data, with its messages in ``lang``.

    >>> from busmodel import Report
    >>> report_data(Report(source="a.toml"))["counts"]
    {'error': 0, 'warning': 0, 'info': 0}
    """
    source = report.source
    return {
        "source": source,
        "ok": report.ok,
        "counts": {severity.value: n for severity, n in report.counts.items()},
        "findings": [_finding(f, source, lang) for f in report.findings],
        "exempted": [
            {**_finding(e.finding, source, lang), "reason": e.reason} for e in report.exempted
        ],
        "skipped": [_skipped(s, source, lang) for s in report.skipped],
    }


def _problem(problem: Problem, source: str, lang: Lang) -> dict[str, Any]:
    return {
        "file": source,
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "message": problem.text.get(lang),
    }


def problems_data(error: DocumentError, lang: Lang = "en") -> dict[str, Any]:
    """A document that could not be read, as plain data."""
    return {
        "source": error.source,
        "problems": [_problem(problem, error.source, lang) for problem in error.problems],
    }


def batch_data(batch: Batch, lang: Lang = "en", *, strict: bool = False) -> dict[str, Any]:
    """A batch as one JSON document: every report, and every document that could not be read."""
    return {
        "schema": REPORT_SCHEMA,
        "ok": not batch.failed(strict=strict) and not batch.unreadable,
        "files": [report_data(report, lang) for report in batch.reports],
        "unreadable": [problems_data(error, lang) for error in batch.unreadable],
    }
