"""The rule catalogue: rules are plain functions registered with their metadata.

Built-in rules live in ``busmodel.validation._rules``; other systems add their own with
:func:`rule` (or :func:`register`) or through the ``busmodel.rules`` entry-point
group, whose entries name a :class:`Rule`, an iterable of rules, or a module
that registers rules when imported.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Final

import attrs

from busmodel.model._agreement import AgreementKind
from busmodel.model._errors import BusmodelError
from busmodel.model._text import Text
from busmodel.validation._findings import Severity

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from busmodel.format._registry import Registry
    from busmodel.model._agreement import Agreement
    from busmodel.model._records import Records

__all__ = [
    "ENTRY_POINT_GROUP",
    "Context",
    "Issue",
    "Need",
    "Options",
    "Rule",
    "Skip",
    "register",
    "rule",
    "rules",
    "select_rules",
]

ENTRY_POINT_GROUP: Final = "busmodel.rules"
CODE_PATTERN: Final = re.compile(r"[A-Z]{2,5}[0-9]{3}")


class Need(enum.Enum):
    """Something a rule needs besides the agreement; without it the rule is skipped."""

    TODAY = "today"
    RECORDS = "records"
    REGISTRY = "registry"

    @property
    def text(self) -> Text:
        """Why the rule was skipped, in both languages."""
        return _NEED_TEXT[self]


_NEED_TEXT: Final = {
    Need.TODAY: Text(en="needs today's date (--today)", sv="behöver dagens datum (--today)"),
    Need.RECORDS: Text(
        en="needs the agreement's records (--records)",
        sv="behöver överenskommelsens protokoll (--records)",
    ),
    Need.REGISTRY: Text(
        en="needs the other documents (a registry)",
        sv="behöver de andra dokumenten (ett register)",
    ),
}


@attrs.frozen
class Options:
    """Settings that rules read."""

    renewal_horizon_days: int = 90
    """How long before the end of validity a "renewal due" warning is given."""


@attrs.frozen
class Context:
    """What a rule looks at: the agreement and, when given, the date, records and registry."""

    agreement: Agreement
    today: dt.date | None = None
    records: Records | None = None
    registry: Registry | None = None
    options: Options = Options()

    def has(self, need: Need) -> bool:
        """Whether the context carries what ``need`` names."""
        value = {Need.TODAY: self.today, Need.RECORDS: self.records, Need.REGISTRY: self.registry}
        return value[need] is not None


@attrs.frozen
class Issue:
    """What a rule's check yields: where, what (in both languages), and related places."""

    path: str
    message: Text
    related: tuple[str, ...] = ()


@attrs.frozen
class Skip:
    """What a check yields for a place it cannot judge: where, and why, in both languages.

    A cadence that gives no number of meetings cannot be counted; the report lists
    the rule as skipped there, so that silence is never taken for a pass.
    """

    path: str
    reason: Text


Check = Callable[[Context], Iterable[Issue | Skip]]


def _check_code(_: object, __: attrs.Attribute[str], code: str) -> None:
    if not CODE_PATTERN.fullmatch(code):
        raise BusmodelError(
            f"rule code {code!r} must be 2-5 capital letters and three digits, like 'SIG001'"
        )


@attrs.frozen
class Rule:
    """A validation rule: a check function and what a reader needs to know about it."""

    code: str = attrs.field(validator=_check_code)
    title: Text
    severity: Severity
    rationale: Text
    source: str
    """The seed document or law the rule comes from."""
    check: Check = attrs.field(eq=False)
    needs: frozenset[Need] = frozenset()
    kinds: frozenset[AgreementKind] = frozenset({AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK})
    """The kinds of document the rule checks; an extension document restates little, so
    a rule checks one only when it says so."""

    @property
    def area(self) -> str:
        """The letters of the code: the area the rule belongs to."""
        return self.code.rstrip("0123456789")


class _Catalogue:
    """The registered rules; safe to use from many threads, loaded once on first use.

    Loading imports the built-in rules and the entry-point plug-ins, which
    register themselves through :meth:`add` from the loading thread: the lock is
    re-entrant, and the catalogue counts as loaded only once everything is in.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._rules: dict[str, Rule] = {}
        self._sorted: tuple[Rule, ...] | None = None
        self._loaded = False

    def add(self, new: Rule) -> Rule:
        if not isinstance(new, Rule):
            raise BusmodelError(f"expected a Rule, got {type(new).__name__}")
        with self._lock:
            known = self._rules.get(new.code)
            if known is not None and (known != new or _name(known.check) != _name(new.check)):
                raise BusmodelError(f"a rule with code {new.code!r} is already registered")
            self._rules[new.code] = new
            self._sorted = None
        return new

    def remove(self, code: str) -> None:
        with self._lock:
            self._rules.pop(code, None)
            self._sorted = None

    def all(self) -> tuple[Rule, ...]:
        listed = self._sorted
        if listed is not None and self._loaded:
            return listed
        with self._lock:
            self._load()
            if self._sorted is None:
                self._sorted = tuple(self._rules[code] for code in sorted(self._rules))
            return self._sorted

    def _load(self) -> None:
        if self._loaded:
            return
        importlib.import_module("busmodel.validation._rules")
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            try:
                loaded = entry.load()
            except Exception as error:
                raise BusmodelError(
                    f"rule plugin {entry.name!r} ({entry.value}) failed to load: {error}"
                ) from error
            if isinstance(loaded, Rule):
                self.add(loaded)
            elif isinstance(loaded, Iterable) and not isinstance(loaded, str | bytes):
                for item in loaded:
                    self.add(item)
        self._loaded = True


def _name(check: Check) -> str:
    """A check's qualified name: the same rule module imported again registers the same names."""
    return getattr(check, "__qualname__", repr(check))


_CATALOGUE: Final = _Catalogue()


def entry_points(*, group: str) -> Iterable[EntryPoint]:
    """The installed entry points of ``group`` (``importlib.metadata`` loads on first use)."""
    from importlib import metadata

    return metadata.entry_points(group=group)


def register(new: Rule) -> Rule:
    """Add ``new`` to the catalogue; a different rule with the same code is an error."""
    return _CATALOGUE.add(new)


def unregister(code: str) -> None:
    """Remove the rule with ``code`` from the catalogue, if it is there."""
    _CATALOGUE.remove(code)


def rule(
    code: str,
    *,
    title: Text,
    severity: Severity,
    rationale: Text,
    source: str,
    needs: Iterable[Need] = (),
    kinds: Iterable[AgreementKind] = (AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK),
) -> Callable[[Check], Check]:
    """Register the decorated check function as a rule.

    >>> import busmodel
    >>> from busmodel import Issue, Severity, Text, rule
    >>> @rule("XMP001", title=Text(en="Has a purpose", sv="Har ett syfte"),
    ...       severity=Severity.WARNING, source="example",
    ...       rationale=Text(en="Say why.", sv="Säg varför."))
    ... def has_purpose(context):
    ...     if context.agreement.purpose is None:
    ...         yield Issue("", Text(en="no purpose", sv="inget syfte"))
    >>> "XMP001" in [r.code for r in busmodel.rules()]
    True
    >>> busmodel.unregister("XMP001")
    """

    def decorate(check: Check) -> Check:
        register(
            Rule(
                code=code,
                title=title,
                severity=severity,
                rationale=rationale,
                source=source,
                check=check,
                needs=frozenset(needs),
                kinds=frozenset(kinds),
            )
        )
        return check

    return decorate


def rules() -> tuple[Rule, ...]:
    """Every registered rule, built-in and plug-in, ordered by code."""
    return _CATALOGUE.all()


def _patterns(given: Iterable[str]) -> tuple[str, ...]:
    """Codes or prefixes; a single string is one code, not a sequence of letters."""
    return (given,) if isinstance(given, str) else tuple(given)


def unknown_patterns(patterns: Iterable[str]) -> tuple[str, ...]:
    """The codes or prefixes that start no registered rule's code (most likely typos).

    >>> unknown_patterns(["SIG", "XYZ", "INT001"])
    ('XYZ',)
    """
    codes = [known.code for known in rules()]
    return tuple(p for p in _patterns(patterns) if not _matches_any(p, codes))


def _matches_any(pattern: str, codes: Iterable[str]) -> bool:
    return any(code.startswith(pattern) for code in codes)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(pattern) for pattern in patterns)


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> Iterator[Rule]:
    """The rules whose code starts with a ``select`` entry and with no ``ignore`` entry."""
    chosen = _patterns(select) if select is not None else None
    ignored = _patterns(ignore or ())
    for candidate in rules():
        if chosen is not None and not _matches(candidate.code, chosen):
            continue
        if _matches(candidate.code, ignored):
            continue
        yield candidate
