"""busmodel's documents as msgspec Structs with busmodel's invariants.

``msgspec.json.decode`` straight into frozen Structs (``frozen=True``) with
unknown keys refused (``forbid_unknown_fields=True``), tuples for arrays, enum
values as ``Literal`` types, dates as ``YYYY-MM-DD`` strings and numbers in
their ranges (``msgspec.Meta``), as msgspec's typing checks them; and in
``__post_init__`` every other invariant of :mod:`peers._rules`: ids are
lowercase slugs, text is not blank, dates lie in 1900-2199, months are 1-12 and
not reversed, periods and assignments do not end before they start, and the
checks across fields (decision year, follow-up recipients, per-member forums,
bodies, start precision, extensions, evaluations and reports not before their
year). msgspec turns the ``ValueError`` of a ``__post_init__`` into its
``ValidationError``, with the path.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal

import msgspec

from peers import _rules

NAME: Final = "msgspec"
ERRORS: Final[tuple[type[Exception], ...]] = (msgspec.ValidationError, msgspec.DecodeError)

Year = Annotated[int, msgspec.Meta(ge=1900, le=2200)]
NoticeMonths = Annotated[int, msgspec.Meta(ge=1, le=120)]


class _Value(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Frozen, keyword-only, and unknown keys refused."""


class Period(_Value, frozen=True):
    """Two dates, both included; the end not before the start."""

    start: dt.date
    end: dt.date | None = None

    def __post_init__(self) -> None:
        _rules.day(self.start)
        if self.end is not None:
            _rules.day(self.end)
        _rules.ordered(self.start, self.end)


class Municipality(_Value, frozen=True):
    """A municipality: its name, its four-digit code, the body that acts for it."""

    name: str
    code: str | None = None
    body: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.name)
        if self.code is not None:
            _rules.code(self.code)
        if self.body is not None:
            _rules.slug(self.body)


class Person(_Value, frozen=True):
    """A person named in a document."""

    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.name)
        if self.title is not None:
            _rules.text(self.title)
        if self.email is not None:
            _rules.email(self.email)
        if self.phone is not None:
            _rules.text(self.phone)


class Decision(_Value, frozen=True):
    """A decision about the collaboration; its date in its year."""

    body: str
    year: Year
    date: dt.date | None = None
    reference: str | None = None
    summary: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.body)
        if self.date is not None:
            _rules.day(self.date)
        _rules.in_year(self.date, self.year)
        if self.reference is not None:
            _rules.text(self.reference)
        if self.summary is not None:
            _rules.text(self.summary)


class Body(_Value, frozen=True):
    """A body; not part of itself, and a code only for a municipality."""

    id: str
    name: str
    kind: Literal[
        "municipality",
        "council",
        "executive-board",
        "committee",
        "administration",
        "region",
        "regional-body",
        "state-agency",
        "association",
        "company",
        "school",
        "group",
        "other",
    ]
    part_of: str | None = None
    code: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.id)
        _rules.text(self.name)
        if self.part_of is not None:
            _rules.slug(self.part_of)
        if self.code is not None:
            _rules.code(self.code)
        _rules.body(self.id, self.kind, self.part_of, self.code)


class Member(_Value, frozen=True):
    """A body's seat in a forum."""

    body: str
    role: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.body)
        if self.role is not None:
            _rules.text(self.role)


class Window(_Value, frozen=True):
    """A part of the year: months 1-12, the first not after the last."""

    name: str
    months: tuple[int, ...]
    focus: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.name)
        _rules.months(self.months)
        if self.focus is not None:
            _rules.text(self.focus)


class Cadence(_Value, frozen=True):
    """How often a forum meets."""

    meetings_per_year: Annotated[int, msgspec.Meta(ge=1, le=366)] | None = None
    windows: tuple[Window, ...] = ()
    extra_meetings: bool = False


class FollowUp(_Value, frozen=True):
    """A forum's duty to follow up; recipients exactly for a report."""

    evaluation: Literal["yearly"] = "yearly"
    description: str | None = None
    duty: Literal["evaluate", "report"] = "evaluate"
    recipients: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.description is not None:
            _rules.text(self.description)
        _rules.slugs(self.recipients)
        _rules.follow_up(self.duty, self.recipients)


class Assignment(_Value, frozen=True):
    """A task a forum works on; it does not end before it starts."""

    title: str
    status: Literal["planned", "ongoing", "completed", "ordinary-operations"]
    start: dt.date | None = None
    end: dt.date | None = None
    partners: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _rules.text(self.title)
        if self.start is not None:
            _rules.day(self.start)
        if self.end is not None:
            _rules.day(self.end)
        _rules.ordered(self.start, self.end)
        _rules.texts(self.partners)


class Forum(_Value, frozen=True):
    """A collaboration organ; a per-member forum is not regional."""

    id: str
    name: str
    level: (
        Literal["political", "steering", "management", "working", "development", "pupils"] | None
    ) = None
    scope: Literal["regional", "local"] | None = None
    per_member: bool = False
    members: tuple[Member, ...] = ()
    duties: tuple[str, ...] = ()
    cadence: Cadence | None = None
    follow_up: FollowUp | None = None
    assignments: tuple[Assignment, ...] = ()

    def __post_init__(self) -> None:
        _rules.slug(self.id)
        _rules.text(self.name)
        _rules.texts(self.duties)
        _rules.forum(self.per_member, self.scope)


class ChairTerm(_Value, frozen=True):
    """A chair term."""

    body: str
    period: Period
    reason: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.body)
        if self.reason is not None:
            _rules.text(self.reason)


class ChairRule(_Value, frozen=True):
    """Who chairs, and in what order."""

    rotation: tuple[str, ...]
    terms: tuple[ChairTerm, ...] = ()
    mid_period_changes: bool = False
    may_chair: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _rules.slugs(self.rotation)
        _rules.slugs(self.may_chair)


class Extension(_Value, frozen=True):
    """The terms of extension."""

    years: Annotated[int, msgspec.Meta(ge=1, le=10)]
    times: Annotated[int, msgspec.Meta(ge=1, le=20)] | None = None
    notice_months: NoticeMonths | None = None


class Validity(_Value, frozen=True):
    """When the agreement is in force; a start known to the month or year is its first day."""

    basis: Literal["mandate-period", "fixed", "until-further-notice", "from-signing"]
    period: Period
    convention: Literal["committee", "council"] = "committee"
    notice_months: NoticeMonths | None = None
    extension: Extension | None = None
    review: Literal["annual"] | None = None
    start_precision: Literal["day", "month", "year"] = "day"

    def __post_init__(self) -> None:
        _rules.precision(self.period.start, self.start_precision)


class Signature(_Value, frozen=True):
    """A body's signature."""

    body: str
    date: dt.date
    name: str | None = None
    title: str | None = None
    place: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.body)
        _rules.day(self.date)
        for value in (self.name, self.title, self.place):
            if value is not None:
                _rules.text(value)


class Adoption(_Value, frozen=True):
    """A body's assent by decision."""

    body: str
    date: dt.date
    reference: str | None = None
    summary: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.body)
        _rules.day(self.date)
        for value in (self.reference, self.summary):
            if value is not None:
                _rules.text(value)


class Exemption(_Value, frozen=True):
    """A rule the document is exempt from, with its reason."""

    code: str
    reason: str
    path: str | None = None

    def __post_init__(self) -> None:
        _rules.rule_code(self.code)
        _rules.text(self.reason)
        if self.path is not None:
            _rules.pointer(self.path)


class Agreement(_Value, frozen=True):
    """An agreement, framework or extension document."""

    schema: Literal["busmodel/1"]
    kind: Literal["agreement", "framework", "extension"]
    id: str
    title: str
    state: Literal["final", "draft"] = "final"
    municipality: Municipality | None = None
    region: str | None = None
    document_date: dt.date | None = None
    case_officer: Person | None = None
    contacts: tuple[Person, ...] = ()
    purpose: str | None = None
    principles: tuple[str, ...] = ()
    framework: str | None = None
    extends: str | None = None
    supersedes: tuple[str, ...] = ()
    members: tuple[Municipality, ...] = ()
    decisions: tuple[Decision, ...] = ()
    bodies: tuple[Body, ...] = ()
    parties: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    forums: tuple[Forum, ...] = ()
    chair: ChairRule | None = None
    validity: Validity | None = None
    signatures: tuple[Signature, ...] = ()
    adoptions: tuple[Adoption, ...] = ()
    exemptions: tuple[Exemption, ...] = ()

    def __post_init__(self) -> None:
        _rules.slug(self.id)
        _rules.text(self.title)
        for value in (self.region, self.purpose):
            if value is not None:
                _rules.text(value)
        if self.document_date is not None:
            _rules.day(self.document_date)
        _rules.texts(self.principles)
        for ref in (self.framework, self.extends):
            if ref is not None:
                _rules.slug(ref)
        _rules.slugs(self.supersedes)
        _rules.slugs(self.parties)
        _rules.slugs(self.participants)
        _rules.extends(self.kind, self.extends)


class Meeting(_Value, frozen=True):
    """A meeting held."""

    forum: str
    date: dt.date
    kind: Literal["regular", "extra"] = "regular"
    topics: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _rules.slug(self.forum)
        _rules.day(self.date)
        _rules.texts(self.topics)


class Evaluation(_Value, frozen=True):
    """An evaluation made; not dated before the year it evaluates."""

    forum: str
    year: Year
    date: dt.date
    summary: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.forum)
        _rules.day(self.date)
        _rules.not_before_year(self.date, self.year)
        if self.summary is not None:
            _rules.text(self.summary)


class Report(_Value, frozen=True):
    """A report sent; not dated before the year it reports on."""

    forum: str
    recipient: str
    year: Annotated[int, msgspec.Meta(ge=1900, le=2199)]
    date: dt.date
    summary: str | None = None

    def __post_init__(self) -> None:
        _rules.slug(self.forum)
        _rules.slug(self.recipient)
        _rules.day(self.date)
        _rules.not_before_year(self.date, self.year)
        if self.summary is not None:
            _rules.text(self.summary)


class Review(_Value, frozen=True):
    """A review of the agreement."""

    date: dt.date
    by: str
    outcome: str | None = None
    reference: str | None = None

    def __post_init__(self) -> None:
        _rules.day(self.date)
        _rules.slug(self.by)
        for value in (self.outcome, self.reference):
            if value is not None:
                _rules.text(value)


class Records(_Value, frozen=True):
    """A records document."""

    schema: Literal["busmodel/1"]
    kind: Literal["records"]
    agreement: str
    meetings: tuple[Meeting, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    reports: tuple[Report, ...] = ()
    reviews: tuple[Review, ...] = ()

    def __post_init__(self) -> None:
        _rules.slug(self.agreement)


_AGREEMENT: Final = msgspec.json.Decoder(Agreement)
_RECORDS: Final = msgspec.json.Decoder(Records)


def load_agreement(text: str) -> Agreement:
    """Read an agreement document from JSON text."""
    return _AGREEMENT.decode(text)


def load_records(text: str) -> Records:
    """Read a records document from JSON text."""
    return _RECORDS.decode(text)
