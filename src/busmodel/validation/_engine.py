"""The validation engine: run the catalogue's rules over an agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from busmodel.format._registry import Registry
from busmodel.model._agreement import Agreement, Exemption
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._errors import ModelError
from busmodel.model._records import Records
from busmodel.validation._catalogue import Context, Need, Options, Skip, select_rules
from busmodel.validation._findings import Exempted, Finding, Report, Skipped

__all__ = ["RuleError", "validate"]


class RuleError(Exception):
    """A rule failed while checking an agreement: a bug in the rule, named by its code.

    Not a :class:`BusmodelError` (nor a ``ValueError``): the document was not at
    fault, so callers that guard against bad input do not swallow it.
    """

    def __init__(self, code: str, error: Exception | str) -> None:
        if isinstance(error, Exception):
            error = f"{type(error).__name__}: {error}"
        super().__init__(f"rule {code} failed: {error}")
        self.code = code
        self.reason = error

    def __reduce__(self) -> tuple[type[RuleError], tuple[str, str]]:
        """Pickle as the code and the reason, which is what rebuilds the error."""
        return (type(self), (self.code, self.reason))


def _exemption_for(finding: Finding, exemptions: Iterable[Exemption]) -> Exemption | None:
    for exemption in exemptions:
        if not finding.code.startswith(exemption.code):
            continue
        if exemption.path is None or finding.path == exemption.path:
            return exemption
        if finding.path.startswith(exemption.path.rstrip("/") + "/"):
            return exemption
    return None


def validate(
    agreement: Agreement,
    *,
    today: dt.date | None = None,
    records: Records | None = None,
    registry: Registry | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    options: Options | None = None,
    source: str | None = None,
) -> Report:
    """Check ``agreement`` against the rule catalogue and report what is wrong, and where.

    ``today`` is never read from the clock: rules that need it (or ``records``, or
    a ``registry``) are skipped, and the report says so, when it is not given. A
    ``today`` outside 1900-01-01..2199-12-31, the days a document may name, is
    refused with a :class:`ModelError`.
    ``select`` and ``ignore`` take rule codes or prefixes (``"SIG"``, ``"SIG001"``).
    Findings the document exempts (``[[exemptions]]``) are reported as exempted.

    >>> import datetime as dt
    >>> from busmodel import Agreement, validate
    >>> report = validate(Agreement(id="a", title="A"), select=["INT003"])
    >>> report.ok, report.codes()
    (False, ('INT003',))
    """
    if today is not None:
        _check_today(today)
    context = Context(
        agreement=agreement,
        today=today,
        records=records,
        registry=registry,
        options=options or Options(),
    )
    findings: list[Finding] = []
    exempted: list[Exempted] = []
    skipped: list[Skipped] = []
    for rule in select_rules(select, ignore):
        if agreement.kind not in rule.kinds:
            continue  # the rule does not apply to this kind of document
        missing = sorted((need for need in rule.needs if not context.has(need)), key=_need_order)
        if missing:
            skipped.append(Skipped(rule.code, missing[0].text))
            continue
        try:
            issues = list(rule.check(context))
        except Exception as error:
            raise RuleError(rule.code, error) from error
        for issue in issues:
            if isinstance(issue, Skip):
                skipped.append(Skipped(rule.code, issue.reason, issue.path))
                continue
            finding = Finding(rule.code, rule.severity, issue.message, issue.path, issue.related)
            exemption = _exemption_for(finding, agreement.exemptions)
            if exemption is None:
                findings.append(finding)
            else:
                exempted.append(Exempted(finding, exemption.reason))
    return Report.of(findings, exempted, skipped, source)


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
