"""Reports and problems as text for people: one line a finding, ``file:line:col: CODE ...``.

The lines read like ruff's and mypy's, so that editors and terminals jump to the
place: ``examples/a.toml:61:5: SIG001 error Kommunstyrelsen never signs (/parties/2)``.
Findings of a document come in the order of its text; a place no line is known
for is named by its JSON Pointer.
"""

from __future__ import annotations

from typing import Final

from busmodel.format import DocumentError, Problem
from busmodel.model import Lang, Text
from busmodel.validation import Finding, Report, Severity, Skipped
from busmodel.validation._batch import Batch

__all__ = ["Style", "render_problems", "render_report", "render_text"]

WHOLE_DOCUMENT: Final = Text(en="(document)", sv="(dokumentet)")
"""Where a finding about the document as a whole is, when no file names it."""
_PLURALS: Final = {
    Severity.ERROR: (Text(en="error", sv="fel"), Text(en="errors", sv="fel")),
    Severity.WARNING: (Text(en="warning", sv="varning"), Text(en="warnings", sv="varningar")),
    Severity.INFO: (Text(en="info", sv="info"), Text(en="info", sv="info")),
}
_EXEMPTED: Final = Text(en="exempted", sv="undantagen")
_SKIPPED: Final = Text(en="skipped", sv="hoppade över")

_RESET: Final = "\x1b[0m"
_COLOURS: Final = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
}
_BOLD: Final = "\x1b[1m"


class Style:
    """How text is marked: plain, or with ANSI colours for a terminal."""

    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def place(self, text: str) -> str:
        """A place in a file, in bold."""
        return f"{_BOLD}{text}{_RESET}" if self.colour else text

    def severity(self, severity: Severity, text: str) -> str:
        """``text`` in the colour of ``severity``."""
        return f"{_COLOURS[severity]}{text}{_RESET}" if self.colour else text


_PLAIN: Final = Style()


def _count(severity: Severity, count: int, lang: Lang) -> str:
    """``1 warning``, ``2 warnings``, ``2 varningar``."""
    one, many = _PLURALS[severity]
    return f"{count} {(one if count == 1 else many).get(lang)}"


def _where(
    file: str | None, line: int | None, column: int | None, path: str, lang: Lang
) -> tuple[str, bool]:
    """The place as ``file:line:col``, or ``file:path`` when no line is known.

    The second value says whether the JSON Pointer is already in the place.
    """
    if file is not None and line is not None:
        return f"{file}:{line}:{column or 1}", False
    if file is not None and not path:
        return file, True  # the document as a whole
    pointer = path or WHOLE_DOCUMENT.get(lang)
    return (f"{file}:{pointer}" if file is not None else pointer), True


def _finding(finding: Finding, source: str | None, lang: Lang, style: Style) -> str:
    where, named = _where(finding.file or source, finding.line, finding.column, finding.path, lang)
    label = style.severity(finding.severity, f"{finding.code} {finding.severity.label(lang)}")
    pointer = "" if named or not finding.path else f" ({finding.path})"
    return f"{style.place(where)}: {label} {finding.message.get(lang)}{pointer}"


def _skipped(group: list[Skipped], source: str | None, lang: Lang, style: Style) -> str:
    first = group[0]
    where, named = _where(first.file or source, first.line, first.column, first.path, lang)
    pointer = "" if named or not first.path else f" ({first.path})"
    codes = ", ".join(skipped.code for skipped in group)
    return f"{style.place(where)}: {_SKIPPED.get(lang)} {codes}: {first.reason.get(lang)}{pointer}"


def render_report(report: Report, lang: Lang = "en", style: Style = _PLAIN) -> str:
    """``report`` as text: a line a finding, exemption and skipped place, then the totals.

    >>> from busmodel import Finding, Report, Severity, Text
    >>> message = Text(en="sn never signs", sv="sn skriver aldrig under")
    >>> found = Finding("SIG001", Severity.ERROR, message, "/parties/0",
    ...                 file="a.toml", line=7, column=12)
    >>> print(render_report(Report.of([found], source="a.toml"), "sv"))
    a.toml:7:12: SIG001 fel sn skriver aldrig under (/parties/0)
    a.toml: 1 fel, 0 varningar, 0 info
    """
    source = report.source
    lines = [_finding(finding, source, lang, style) for finding in report.findings]
    exempt = _EXEMPTED.get(lang)
    lines += [
        f"{_finding(e.finding, source, lang, style)} [{exempt}: {e.reason}]"
        for e in report.exempted
    ]
    groups: dict[tuple[str | None, int | None, str, str], list[Skipped]] = {}
    for skipped in report.skipped:
        key = (skipped.file, skipped.line, skipped.path, skipped.reason.get(lang))
        groups.setdefault(key, []).append(skipped)
    lines += [_skipped(group, source, lang, style) for group in groups.values()]
    totals = ", ".join(_count(severity, n, lang) for severity, n in report.counts.items())
    lines.append(f"{style.place(source)}: {totals}" if source else totals)
    return "\n".join(lines)


def _problem(problem: Problem, source: str, lang: Lang, style: Style) -> str:
    where, named = _where(source, problem.line, problem.column, problem.path, lang)
    pointer = "" if named or not problem.path else f" ({problem.path})"
    return f"{style.place(where)}: {problem.text.get(lang)}{pointer}"


def render_problems(error: DocumentError, lang: Lang = "en", style: Style = _PLAIN) -> str:
    """Why a document could not be read: a line a problem, each at its place.

    >>> from busmodel import DocumentError, Problem
    >>> error = DocumentError([Problem("/id", "must not be empty")], source="a.toml")
    >>> print(render_problems(error))
    a.toml:/id: must not be empty
    """
    return "\n".join(_problem(problem, error.source, lang, style) for problem in error.problems)


def render_text(batch: Batch, lang: Lang = "en", style: Style = _PLAIN) -> tuple[str, str]:
    """A batch as text: the reports (for standard output) and the unreadable documents.

    The second text is for standard error; each ends with a newline when not empty.
    """
    out = "".join(render_report(report, lang, style) + "\n" for report in batch.reports)
    err = "".join(render_problems(error, lang, style) + "\n" for error in batch.unreadable)
    return out, err
