"""Findings and the report that collects them."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from busmodel.model._text import Lang, Text

__all__ = ["Exempted", "Finding", "Report", "Severity", "Skipped", "path_key"]


class Severity(enum.Enum):
    """How bad a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: the order reports use."""
        return _RANK[self]

    def label(self, lang: Lang) -> str:
        """The severity's name in ``lang``."""
        return _LABELS[self].get(lang)


WHOLE_DOCUMENT: Final = Text(en="(document)", sv="(dokumentet)")
"""Where a finding about the document as a whole is, in a report."""
_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_LABELS: Final = {
    Severity.ERROR: Text(en="error", sv="fel"),
    Severity.WARNING: Text(en="warning", sv="varning"),
    Severity.INFO: Text(en="info", sv="info"),
}
_SEGMENT = re.compile(r"/([^/]*)")
_PLURALS: Final = {
    Severity.ERROR: (Text(en="error", sv="fel"), Text(en="errors", sv="fel")),
    Severity.WARNING: (Text(en="warning", sv="varning"), Text(en="warnings", sv="varningar")),
    Severity.INFO: (Text(en="info", sv="info"), Text(en="info", sv="info")),
}


def _count_label(severity: Severity, count: int, lang: Lang) -> str:
    """``1 warning``, ``2 warnings``, ``2 varningar``."""
    one, many = _PLURALS[severity]
    return f"{count} {(one if count == 1 else many).get(lang)}"


def path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key for JSON Pointer paths: segments in order, array indexes numerically.

    >>> sorted(["/forums/10", "/forums/2", "/bodies/0"], key=path_key)
    ['/bodies/0', '/forums/2', '/forums/10']
    """
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _SEGMENT.findall(path))


@attrs.frozen
class Finding:
    """One thing a rule found: where, how bad, and what, in both languages.

    ``path`` is a JSON Pointer into the document (the same syntax as
    :class:`busmodel.DocumentError`); ``related`` points at the other side of a
    conflict.
    """

    code: str
    severity: Severity
    message: Text
    path: str = ""
    related: tuple[str, ...] = ()

    def sort_key(self) -> tuple[Any, ...]:
        """Findings sort by place in the document, then by code."""
        return (path_key(self.path), self.code, self.message.en)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The finding as plain data, with its message in ``lang``."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message.get(lang),
            "related": list(self.related),
        }

    def render(self, lang: Lang = "en") -> str:
        """``path: CODE severity message``."""
        where = self.path or WHOLE_DOCUMENT.get(lang)
        return f"{where}: {self.code} {self.severity.label(lang)} {self.message.get(lang)}"


@attrs.frozen
class Exempted:
    """A finding that the document exempts, with the document's reason."""

    finding: Finding
    reason: str


@attrs.frozen
class Skipped:
    """A rule that did not run, and why; with ``path``, a place it could not judge."""

    code: str
    reason: Text
    path: str = ""


@attrs.frozen
class Report:
    """What validation found: findings in a deterministic order, exemptions, skipped rules.

    Build one with :func:`busmodel.validate`; ``Report.of`` sorts what it is given.
    """

    findings: tuple[Finding, ...] = ()
    exempted: tuple[Exempted, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    source: str | None = None

    @classmethod
    def of(
        cls,
        findings: Iterable[Finding],
        exempted: Iterable[Exempted] = (),
        skipped: Iterable[Skipped] = (),
        source: str | None = None,
    ) -> Report:
        """A report with its parts put in their canonical order."""
        return cls(
            findings=tuple(sorted(findings, key=Finding.sort_key)),
            exempted=tuple(sorted(exempted, key=lambda e: e.finding.sort_key())),
            skipped=tuple(sorted(skipped, key=lambda s: (s.code, path_key(s.path)))),
            source=source,
        )

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and info are allowed)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity, errors first."""
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in report order (with repeats)."""
        return tuple(finding.code for finding in self.findings)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The report as plain data; its shape is documented in ``docs/cli.md``."""
        return {
            "source": self.source,
            "ok": self.ok,
            "counts": {severity.value: n for severity, n in self.counts.items()},
            "findings": [finding.to_dict(lang) for finding in self.findings],
            "exempted": [{**e.finding.to_dict(lang), "reason": e.reason} for e in self.exempted],
            "skipped": [
                {"code": s.code, "path": s.path, "reason": s.reason.get(lang)} for s in self.skipped
            ],
        }

    def to_json(self, lang: Lang = "en") -> str:
        """The report as JSON text: :meth:`to_dict`, indented, non-ASCII kept."""
        return json.dumps(self.to_dict(lang), ensure_ascii=False, indent=2)

    def render(self, lang: Lang = "en") -> str:
        """The report as text, one finding a line, prefixed with its source if known."""
        prefix = f"{self.source}:" if self.source else ""
        lines = [prefix + finding.render(lang) for finding in self.findings]
        exempt = Text(en="exempted", sv="undantagen").get(lang)
        lines += [f"{prefix}{e.finding.render(lang)} [{exempt}: {e.reason}]" for e in self.exempted]
        by_reason: dict[tuple[str, str], list[str]] = {}
        for skipped in self.skipped:
            where = skipped.path or WHOLE_DOCUMENT.get(lang)
            by_reason.setdefault((where, skipped.reason.get(lang)), []).append(skipped.code)
        label = Text(en="skipped", sv="hoppade över").get(lang)
        lines += [
            f"{prefix}{where}: {label} {', '.join(codes)}: {reason}"
            for (where, reason), codes in by_reason.items()
        ]
        totals = ", ".join(_count_label(severity, n, lang) for severity, n in self.counts.items())
        lines.append(f"{self.source}: {totals}" if self.source else totals)
        return "\n".join(lines)
