"""Findings as GitHub Actions workflow commands, which annotate the lines of a pull request."""

from __future__ import annotations

from busmodel.model import Lang
from busmodel.validation import Severity
from busmodel.validation._batch import Batch

__all__ = ["github_annotations"]

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str, *, property_value: bool = False) -> str:
    r"""Escape ``text`` as GitHub's workflow commands require.

    >>> _escape("50% done\nnext")
    '50%25 done%0Anext'
    >>> _escape("a:b,c", property_value=True)
    'a%3Ab%2Cc'
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_annotations(batch: Batch, lang: Lang = "en") -> str:
    """One ``::error file=…,line=…,col=…,title=CODE::message`` line a finding and a problem.

    >>> from busmodel import Finding, Report, Severity, Text
    >>> found = Finding("SIG001", Severity.ERROR, Text(en="sn never signs", sv="sn"),
    ...                 "/parties/0", file="a.toml", line=7, column=12)
    >>> print(github_annotations(Batch((Report.of([found], source="a.toml"),))), end="")
    ::error file=a.toml,line=7,col=12,title=SIG001::sn never signs (/parties/0)
    """
    lines = []
    for report in batch.reports:
        for finding in report.findings:
            place = [f"file={_escape(finding.file or report.source or '', property_value=True)}"]
            if finding.line is not None:
                place += [f"line={finding.line}", f"col={finding.column or 1}"]
            place.append(f"title={finding.code}")
            message = finding.message.get(lang) + (f" ({finding.path})" if finding.path else "")
            lines.append(f"::{_LEVELS[finding.severity]} {','.join(place)}::{_escape(message)}\n")
    for error in batch.unreadable:
        for problem in error.problems:
            place = [f"file={_escape(error.source, property_value=True)}"]
            if problem.line is not None:
                place += [f"line={problem.line}", f"col={problem.column or 1}"]
            message = problem.text.get(lang) + (f" ({problem.path})" if problem.path else "")
            lines.append(f"::error {','.join(place)}::{_escape(message)}\n")
    return "".join(lines)
