"""Findings and the report that collects them."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from busmodel.model._text import Lang, Text

__all__ = [
    "Exempted",
    "Finding",
    "Report",
    "Severity",
    "Skipped",
    "exempted_in_order",
    "in_order",
    "path_key",
    "skipped_in_order",
    "skipped_key",
]


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


_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_LABELS: Final = {
    Severity.ERROR: Text(en="error", sv="fel"),
    Severity.WARNING: Text(en="warning", sv="varning"),
    Severity.INFO: Text(en="info", sv="info"),
}


def path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key for JSON Pointer paths: segments in order, array indexes numerically.

    >>> sorted(["/forums/10", "/forums/2", "/bodies/0"], key=path_key)
    ['/bodies/0', '/forums/2', '/forums/10']
    """
    segments = path.split("/")[1:]  # what follows each "/" (what precedes the first is no segment)
    return tuple([(0, int(part)) if part.isdigit() else (1, part) for part in segments])


_kept_path_key: Final = functools.lru_cache(maxsize=4096)(path_key)
""":func:`path_key`, kept for the paths sorted again (the same places recur in every report)."""


@attrs.frozen
class Finding:
    """One thing a rule found: where, how bad, and what, in both languages.

    ``path`` is a JSON Pointer into the document (the same syntax as
    :class:`busmodel.DocumentError`); ``related`` points at the other side of a
    conflict. ``file``, ``line`` and ``column`` say where the path is in a file,
    when the finding came from one (:func:`busmodel.validate_paths` fills them in).
    """

    code: str
    severity: Severity
    message: Text
    path: str = ""
    related: tuple[str, ...] = ()
    file: str | None = attrs.field(default=None, kw_only=True)
    line: int | None = attrs.field(default=None, kw_only=True)
    column: int | None = attrs.field(default=None, kw_only=True)
    values: Mapping[str, object] = attrs.field(factory=dict, kw_only=True, eq=False, repr=False)
    """The values the rule's message was made from (``year``, ``first``...), as data:
    what a program reads instead of parsing the message."""

    def sort_key(self) -> tuple[Any, ...]:
        """Findings sort by place in the file (line, column), then in the document, then code."""
        return (
            self.file or "",
            self.line or 0,
            self.column or 0,
            _kept_path_key(self.path),
            self.code,
            self.message.en,
        )


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
    file: str | None = attrs.field(default=None, kw_only=True)
    line: int | None = attrs.field(default=None, kw_only=True)
    column: int | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Report:
    """What validation found: findings in a deterministic order, exemptions, skipped rules.

    Build one with :func:`busmodel.validate`; ``Report.of`` sorts what it is given.
    A report is data: the renderers of ``busmodel.cli`` write it as text, JSON or SARIF.
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
            findings=in_order(findings),
            exempted=exempted_in_order(exempted),
            skipped=skipped_in_order(skipped),
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


def in_order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings in report order (:meth:`Finding.sort_key`); equal keys keep their order."""
    given = tuple(findings)
    return given if len(given) < 2 else tuple(sorted(given, key=Finding.sort_key))


def _exempted_key(exempted: Exempted) -> tuple[Any, ...]:
    return exempted.finding.sort_key()


def exempted_in_order(exempted: Iterable[Exempted]) -> tuple[Exempted, ...]:
    """Exempted findings in the order of their findings; equal keys keep their order."""
    given = tuple(exempted)
    return given if len(given) < 2 else tuple(sorted(given, key=_exempted_key))


def skipped_key(skipped: Skipped) -> tuple[Any, ...]:
    """Skipped rules sort by code, then by place: file, line, then path in the document."""
    path = _kept_path_key(skipped.path) if skipped.path else ()
    return (skipped.code, skipped.file or "", skipped.line or 0, path)


def skipped_in_order(skipped: Iterable[Skipped]) -> tuple[Skipped, ...]:
    """Skipped rules in report order (:func:`skipped_key`); equal keys keep their order."""
    given = tuple(skipped)
    return given if len(given) < 2 else tuple(sorted(given, key=skipped_key))
