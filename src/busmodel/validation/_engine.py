"""The validation engine: run a catalogue's rules over an agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Final

import attrs

from busmodel.model import Agreement, AgreementKind, Exemption, ModelError, Records, Text
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.validation._catalogue import Catalogue, as_patterns, derived
from busmodel.validation._documents import Documents
from busmodel.validation._findings import (
    Exempted,
    Finding,
    Report,
    Skipped,
    exempted_in_order,
    in_order,
    skipped_in_order,
)
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


@attrs.frozen
class _Plan:
    """What the engine does for one selection, kind of document and set of needs given.

    Worked out once and kept with the catalogue (see :func:`_plan`): which rules run,
    in code order; which are skipped for want of a need, with why (in code order,
    which is report order); and INT011, when it is chosen and checks this kind.
    """

    run: tuple[Rule, ...]
    skipped: tuple[Skipped, ...]
    unused: Rule | None
    ran: frozenset[str] = attrs.field(init=False)
    """Every prefix of the codes of the rules that run, and their names: the codes an
    exemption may give to exempt a finding of a rule that ran, by code, prefix or name."""

    @ran.default
    def _ran(self) -> frozenset[str]:
        prefixes = {rule.code[:end] for rule in self.run for end in range(len(rule.code) + 1)}
        return frozenset({*prefixes, *(rule.name for rule in self.run)})


_DEFAULT_OPTIONS: Final = Options()
"""The options of a validation that gives none (immutable, so one serves all)."""


def _plan(
    catalogue: Catalogue,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    kind: AgreementKind,
    lacking: tuple[Need, ...],
) -> _Plan:
    """The plan for ``catalogue``'s rules picked by ``select`` and ``ignore``, kept with it."""
    chosen = None if select is None else as_patterns(select)
    ignored = as_patterns(ignore)
    key = ("plan", chosen, ignored, kind, lacking)
    return derived(catalogue, key, lambda: _make_plan(catalogue, chosen, ignored, kind, lacking))


def _make_plan(
    catalogue: Catalogue,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...],
    kind: AgreementKind,
    lacking: tuple[Need, ...],
) -> _Plan:
    chosen = catalogue.select(select, ignore)
    run: list[Rule] = []
    skipped: list[Skipped] = []
    for rule in chosen:
        if kind not in rule.kinds:
            continue  # the rule does not apply to this kind of document
        missing = sorted((need for need in rule.needs if need in lacking), key=_need_order)
        if missing:
            skipped.append(Skipped(rule.code, missing[0].text))
        else:
            run.append(rule)
    unused = catalogue.get(UNUSED_EXEMPTION)
    if unused is not None and not (unused in chosen and kind in unused.kinds):
        unused = None
    return _Plan(tuple(run), tuple(skipped), unused)


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
        options=_DEFAULT_OPTIONS if options is None else options,
        catalogue=catalogue,
    )
    lacking = _lacking(today, records, registry)
    plan = _plan(catalogue, select, ignore, agreement.kind, lacking)
    exemptions = agreement.exemptions
    used = [False] * len(exemptions)
    findings: list[Finding] = []
    exempted: list[Exempted] = []
    skipped = list(plan.skipped)
    skipped_here = False  # whether a check skipped a place (then the skipped are sorted)
    for rule in plan.run:
        try:
            issues = list(rule.check(context))
        except Exception as error:
            raise RuleError(rule.code, error, source) from error
        for issue in issues:
            if isinstance(issue, Skip):
                skipped.append(Skipped(rule.code, issue.reason, issue.path))
                skipped_here = True
                continue
            finding = Finding(
                rule.code,
                rule.severity if issue.severity is None else issue.severity,
                _message(rule, issue, source),
                issue.path,
                issue.related,
                values=issue.values,
            )
            for index, exemption in enumerate(exemptions):
                if _exempts(exemption, finding, rule):
                    used[index] = True
                    exempted.append(Exempted(finding, exemption.reason))
                    break
            else:
                findings.append(finding)
    if plan.unused is not None and exemptions:
        findings += _unused_exemptions(plan.unused, agreement, used, plan.ran)
    return Report(
        findings=in_order(findings),
        exempted=exempted_in_order(exempted),
        # The plan's skipped rules are in report order; a place a check skipped is sorted in.
        skipped=skipped_in_order(skipped) if skipped_here else tuple(skipped),
        source=source,
    )


def _lacking(
    today: dt.date | None, records: Records | None, registry: Documents | None
) -> tuple[Need, ...]:
    """The needs a validation is not given, in a fixed order (a key of its plan)."""
    given = ((Need.TODAY, today), (Need.RECORDS, records), (Need.REGISTRY, registry))
    return tuple(need for need, value in given if value is None)


def _message(rule: Rule, issue: Issue, source: str | None) -> Text:
    try:
        return rule.message(issue)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError) as error:
        reason = f"its message {issue.template!r} cannot be made: {error!r}"
        raise RuleError(rule.code, reason, source) from error


def _unused_exemptions(
    rule: Rule, agreement: Agreement, used: list[bool], ran: frozenset[str]
) -> Iterator[Finding]:
    """INT011: exemptions that exempted nothing although a rule they name ran.

    ``ran`` holds the prefixes of the codes of the rules that ran, and their names:
    an exemption whose code is among them could have exempted a finding of one of
    them. An exemption whose rules were all skipped or not selected may still be
    needed; one that names no rule at all is INT007's.
    """
    for index, exemption in enumerate(agreement.exemptions):
        if used[index] or exemption.code not in ran:
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
