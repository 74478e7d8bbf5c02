"""Rules: a check function with what a reader needs to know about it.

A code, a symbolic name, a title, a rationale, its severity, its messages, and a
bad and a good example. :func:`rule` makes one from a function and registers
nothing; the catalogue (``busmodel.validation._catalogue``) holds rules.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final, Protocol, TypeVar, cast

import attrs

from busmodel.model import Agreement, AgreementKind, BusmodelError, Records, Text, _check
from busmodel.validation._documents import Documents
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message

__all__ = [
    "CODE_PATTERN",
    "NAME_PATTERN",
    "Context",
    "Example",
    "Issue",
    "Need",
    "Options",
    "Rule",
    "RuleSet",
    "Skip",
    "Snippet",
    "rule",
]

_T = TypeVar("_T")

CODE_PATTERN: Final = re.compile(r"[A-Z]{2,5}[0-9]{3}")
"""A rule's code: two to five capital letters for its area, three digits."""
NAME_PATTERN: Final = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""A rule's symbolic name: lowercase words joined by ``-``, such as ``chair-is-party``."""


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
    """Settings that rules read, checked when made (a wrong one is the caller's error).

    >>> Options(renewal_horizon_days=-1)
    Traceback (most recent call last):
    ...
    busmodel.ModelError: renewal_horizon_days: -1 is not between 0 and 36500
    """

    renewal_horizon_days: int = attrs.field(default=90, validator=_check.in_range(0, 36_500))
    """How long before the end of validity a "renewal due" warning is given, in days."""


class RuleSet(Protocol):
    """What a rule may ask of the catalogue it runs in."""

    def unknown(self, patterns: Iterable[str]) -> tuple[str, ...]:
        """The codes, prefixes or names among ``patterns`` that pick no rule."""
        ...


@attrs.frozen
class Context:
    """What a rule looks at: the agreement and, when given, the date, records and registry."""

    agreement: Agreement
    today: dt.date | None = None
    records: Records | None = None
    registry: Documents | None = None
    options: Options = Options()
    catalogue: RuleSet | None = None
    """The rules being run, for the rules about rules (an exemption's code); the engine
    always gives it."""
    _derived: dict[Callable[[Context], object], object] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    """What :meth:`derived` has built, by the function that built it."""

    def has(self, need: Need) -> bool:
        """Whether the context carries what ``need`` names."""
        if need is Need.TODAY:
            return self.today is not None
        if need is Need.RECORDS:
            return self.records is not None
        if need is Need.REGISTRY:
            return self.registry is not None
        raise KeyError(need)

    def derived(self, build: Callable[[Context], _T]) -> _T:
        """``build(self)``, worked out once for this context and kept: what several rules share.

        Rules that each need the same view of the agreement (its bodies by id, its
        assents in order) ask for it here, and the first builds it. ``build`` must
        depend on nothing but the context, and what it returns must be treated as
        read-only. Two threads that share a context may both build it; one result is kept.

        >>> from busmodel import Agreement
        >>> context = Context(Agreement(id="a", title="A"))
        >>> def parties(context: Context) -> frozenset[str]:
        ...     return frozenset(context.agreement.parties)
        >>> context.derived(parties) is context.derived(parties)
        True
        """
        try:
            return cast("_T", self._derived[build])
        except KeyError:
            value = build(self)
            return cast("_T", self._derived.setdefault(build, value))


@attrs.frozen
class Issue:
    """What a rule's check yields: where, and what (in both languages).

    A check gives either the ``values`` for one of its rule's :class:`Message`
    templates (``template``, ``"default"`` unless it says otherwise), or a ready
    ``message``; ``related`` points at the other side of a conflict.

    ``severity``, when given, is the severity of this one finding instead of the
    rule's: a rule that judges a case more mildly says so (a party that has not yet
    assented to a draft is ``Severity.INFO``, where SIG001 is otherwise an error).

    >>> Issue.at("/chair", "not-party", body="BUN").values
    {'body': 'BUN'}
    >>> Issue("/parties/0", severity=Severity.INFO).severity
    <Severity.INFO: 'info'>
    """

    path: str
    message: Text | None = None
    related: tuple[str, ...] = ()
    values: Mapping[str, object] = attrs.field(factory=dict)
    template: str = "default"
    severity: Severity | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Severity))
    )
    """The finding's severity when it is not the rule's; None: the rule's."""

    @classmethod
    def at(cls, path: str, template: str = "default", /, **values: object) -> Issue:
        """An issue at ``path`` with the values for the rule's ``template``."""
        return cls(path, values=values, template=template)


@attrs.frozen
class Skip:
    """What a check yields for a place it cannot judge: where, and why, in both languages.

    A cadence that gives no number of meetings cannot be counted; the report lists
    the rule as skipped there, so that silence is never taken for a pass.
    """

    path: str
    reason: Text


Check = Callable[[Context], Iterable[Issue | Skip]]


@attrs.frozen
class Snippet:
    """A small document in TOML, as a person writes one, with what it is checked with.

    ``records`` is a records document for it, ``others`` the other documents of a
    registry, ``today`` the day it is checked on.
    """

    document: str
    records: str | None = None
    others: tuple[str, ...] = ()
    today: dt.date | None = None


def _snippet(value: Snippet | str) -> Snippet:
    return value if isinstance(value, Snippet) else Snippet(value)


@attrs.frozen
class Example:
    """A document that breaks a rule and the same document put right, both checked by tests."""

    bad: Snippet = attrs.field(converter=_snippet)
    good: Snippet = attrs.field(converter=_snippet)


def _check_code(_: object, __: attrs.Attribute[str], code: str) -> None:
    if not isinstance(code, str) or not CODE_PATTERN.fullmatch(code):
        raise BusmodelError(
            f"rule code {code!r} must be 2-5 capital letters and three digits, like 'SIG001'"
        )


def _check_name(_: object, __: attrs.Attribute[str], name: str) -> None:
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise BusmodelError(
            f"rule name {name!r} must be lowercase words joined by '-', like 'chair-is-party'"
        )


def _needs(given: Iterable[Need]) -> frozenset[Need]:
    return frozenset(given)


def _kinds(given: Iterable[AgreementKind]) -> frozenset[AgreementKind]:
    return frozenset(given)


def _name_of(rule: Rule) -> str:
    """The name a rule gets from its check function: ``chair_is_party`` → ``chair-is-party``."""
    return getattr(rule.check, "__name__", "").strip("_").lower().replace("_", "-")


@attrs.frozen
class Rule:
    """A validation rule: a check function and what a reader needs to know about it.

    A rule is called like its check: ``rule(context)`` yields its issues.
    """

    code: str = attrs.field(validator=_check_code)
    title: Text
    severity: Severity
    rationale: Text
    source: str
    """The seed document or law the rule comes from."""
    check: Check = attrs.field(eq=False)
    needs: frozenset[Need] = attrs.field(default=frozenset(), converter=_needs)
    kinds: frozenset[AgreementKind] = attrs.field(
        default=frozenset({AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK}),
        converter=_kinds,
    )
    """The kinds of document the rule checks; an extension document restates little, so
    a rule checks one only when it says so."""
    name: str = attrs.field(
        default=attrs.Factory(_name_of, takes_self=True), validator=_check_name, kw_only=True
    )
    """The rule's symbolic name (``chair-is-party``), accepted wherever a code is."""
    messages: Mapping[str, Message] = attrs.field(factory=dict, kw_only=True, eq=False)
    """What the rule says, by template name; a check's :class:`Issue` gives the values."""
    example: Example | None = attrs.field(default=None, kw_only=True, eq=False)
    """A bad and a good document, shown by ``busmodel rules CODE`` and checked by tests."""

    @property
    def area(self) -> str:
        """The letters of the code: the area the rule belongs to."""
        return self.code.rstrip("0123456789")

    def __call__(self, context: Context) -> Iterable[Issue | Skip]:
        """Run the check on ``context``."""
        return self.check(context)

    def message(self, issue: Issue) -> Text:
        """What ``issue`` says: its own message, or its values in the rule's template.

        Raises ``KeyError`` for a template the rule does not have or a value it lacks:
        a bug in the rule, which the engine reports as such.
        """
        if issue.message is not None:
            return issue.message
        return self.messages[issue.template].format(issue.values)


def rule(
    code: str,
    *,
    title: Text,
    severity: Severity,
    rationale: Text,
    source: str,
    needs: Iterable[Need] = (),
    kinds: Iterable[AgreementKind] = (AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK),
    name: str | None = None,
    messages: Mapping[str, Message] | Message | None = None,
    example: Example | None = None,
) -> Callable[[Check], Rule]:
    """Make the decorated check function a :class:`Rule` (registering nothing).

    ``name`` defaults to the function's name with ``-`` for ``_``; ``messages`` is one
    :class:`Message` (the ``"default"`` template) or a mapping of them. Put the rule
    in a :class:`Catalogue`, or in the default one with :func:`busmodel.register`.

    >>> from busmodel import Agreement, Catalogue, Issue, Severity, Text, rule, validate
    >>> from busmodel.validation import Message
    >>> @rule("XMP001", title=Text(en="Has a purpose", sv="Har ett syfte"),
    ...       severity=Severity.WARNING, source="example",
    ...       rationale=Text(en="Say why.", sv="Säg varför."),
    ...       messages=Message(en="{id} states no purpose", sv="{id} anger inget syfte"))
    ... def has_purpose(context):
    ...     if context.agreement.purpose is None:
    ...         yield Issue.at("", id=context.agreement.id)
    >>> has_purpose.name
    'has-purpose'
    >>> report = validate(Agreement(id="a", title="A"), catalogue=Catalogue([has_purpose]))
    >>> report.findings[0].message.sv
    'a anger inget syfte'
    """
    templates = {"default": messages} if isinstance(messages, Message) else dict(messages or {})

    def decorate(check: Check) -> Rule:
        made = Rule(
            code=code,
            title=title,
            severity=severity,
            rationale=rationale,
            source=source,
            check=check,
            needs=frozenset(needs),
            kinds=frozenset(kinds),
            messages=templates,
            example=example,
        )
        return made if name is None else attrs.evolve(made, name=name)

    return decorate
