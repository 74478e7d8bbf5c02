"""The validation engine: run a catalogue's rules over an agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Final

from busmodel.model import Agreement, Exemption, ModelError, Records, Text
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.validation._catalogue import Catalogue
from busmodel.validation._documents import Documents
from busmodel.validation._findings import Exempted, Finding, Report, Skipped
from busmodel.validation._rule import Context, Issue, Need, Options, Rule, Skip

__all__ = ["UNUSED_EXEMPTION", "RuleError", "validate"]


class RuleError(Exception):
    """A rule failed while checking an agreement: a bug in the rule, named by its code.

    Not a :class:`BusmodelError` (nor a ``ValueError``): the document was not at
    fault, so callers that guard against bad input do not swallow it. ``source``
    names the document being checked, when known.
    """

    def __init__(self, code: str, error: Exception | str, source: str | None = None) -> None:
        if isinstance(error, Exception):
            error = f"{type(error).__name__}: {error}"
        where = "" if source is None else f"{source}: "
        super().__init__(f"{where}rule {code} failed: {error}")
        self.code = code
        self.reason = error
        self.source = source

    def __reduce__(self) -> tuple[type[RuleError], tuple[str, str, str | None]]:
        """Pickle as the code, the reason and the source, which rebuild the error."""
        return (type(self), (self.code, self.reason, self.source))


UNUSED_EXEMPTION: Final = "INT011"
"""The rule that reports an exemption no finding needed; the engine itself finds those."""


def _exempts(exemption: Exemption, finding: Finding, rule: Rule) -> bool:
    """Whether ``exemption`` covers ``finding`` of ``rule``: by code, prefix or name, and place."""
    if not (finding.code.startswith(exemption.code) or exemption.code == rule.name):
        return False
    if exemption.path is None or finding.path == exemption.path:
        return True
    return finding.path.startswith(exemption.path.rstrip("/") + "/")


def _could_exempt(exemption: Exemption, rule: Rule) -> bool:
    return bool(rule.code.startswith(exemption.code) or exemption.code == rule.name)


def validate(
    agreement: Agreement,
    *,
    today: dt.date | None = None,
    records: Records | None = None,
    registry: Documents | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    options: Options | None = None,
    source: str | None = None,
    catalogue: Catalogue | None = None,
) -> Report:
    """Check ``agreement`` against a rule catalogue and report what is wrong, and where.

    ``today`` is never read from the clock: rules that need it (or ``records``, or
    a ``registry`` of the other documents) are skipped, and the report says so, when
    it is not given. A ``today`` outside 1900-01-01..2199-12-31, the days a document
    may name, is refused with a :class:`ModelError`.
    ``catalogue`` defaults to :meth:`Catalogue.default`; ``select`` and ``ignore``
    take rule codes, prefixes or names (``"SIG"``, ``"SIG001"``, ``"every-party-signs"``).
    Findings the document exempts (``[[exemptions]]``) are reported as exempted; an
    exemption that exempts nothing although its rules ran is reported (INT011).

    >>> import datetime as dt
    >>> from busmodel import Agreement, validate
    >>> report = validate(Agreement(id="a", title="A"), select=["INT003"])
    >>> report.ok, report.codes()
    (False, ('INT003',))
    """
    if today is not None:
        _check_today(today)
    catalogue = Catalogue.default() if catalogue is None else catalogue
    context = Context(
        agreement=agreement,
        today=today,
        records=records,
        registry=registry,
        options=options or Options(),
        catalogue=catalogue,
    )
    findings: list[Finding] = []
    exempted: list[Exempted] = []
    skipped: list[Skipped] = []
    used = [False] * len(agreement.exemptions)
    ran: list[Rule] = []
    chosen = catalogue.select(select, ignore)
    for rule in chosen:
        if agreement.kind not in rule.kinds:
            continue  # the rule does not apply to this kind of document
        missing = sorted((need for need in rule.needs if not context.has(need)), key=_need_order)
        if missing:
            skipped.append(Skipped(rule.code, missing[0].text))
            continue
        ran.append(rule)
        for issue in _issues(rule, context, source):
            if isinstance(issue, Skip):
                skipped.append(Skipped(rule.code, issue.reason, issue.path))
                continue
            message = _message(rule, issue, source)
            severity = rule.severity if issue.severity is None else issue.severity
            finding = Finding(
                rule.code, severity, message, issue.path, issue.related, values=issue.values
            )
            for index, exemption in enumerate(agreement.exemptions):
                if _exempts(exemption, finding, rule):
                    used[index] = True
                    exempted.append(Exempted(finding, exemption.reason))
                    break
            else:
                findings.append(finding)
    unused = catalogue.get(UNUSED_EXEMPTION)
    if unused is not None and unused in chosen and agreement.kind in unused.kinds:
        findings += _unused_exemptions(unused, agreement, used, ran)
    return Report.of(findings, exempted, skipped, source)


def _issues(rule: Rule, context: Context, source: str | None) -> list[Issue | Skip]:
    try:
        return list(rule.check(context))
    except Exception as error:
        raise RuleError(rule.code, error, source) from error


def _message(rule: Rule, issue: Issue, source: str | None) -> Text:
    try:
        return rule.message(issue)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError) as error:
        reason = f"its message {issue.template!r} cannot be made: {error!r}"
        raise RuleError(rule.code, reason, source) from error


def _unused_exemptions(
    rule: Rule, agreement: Agreement, used: list[bool], ran: list[Rule]
) -> Iterator[Finding]:
    """INT011: exemptions that exempted nothing although a rule they name ran.

    An exemption whose rules were all skipped or not selected may still be needed;
    one that names no rule at all is INT007's.
    """
    for index, exemption in enumerate(agreement.exemptions):
        if used[index] or not any(_could_exempt(exemption, r) for r in ran):
            continue
        yield Finding(
            rule.code,
            rule.severity,
            rule.messages["default"].format({"code": exemption.code}),
            f"/exemptions/{index}",
        )


def _check_today(today: object) -> None:
    """Refuse a ``today`` that is not a date, or outside the years documents may name."""
    if not isinstance(today, dt.date) or isinstance(today, dt.datetime):
        raise TypeError(f"today must be a datetime.date, not {type(today).__name__}")
    if not FIRST_DAY <= today <= LAST_DAY:
        raise ModelError(
            "today",
            f"{today} is not between {FIRST_DAY} and {LAST_DAY}, the days busmodel supports",
        )


def _need_order(need: Need) -> str:
    return need.value
