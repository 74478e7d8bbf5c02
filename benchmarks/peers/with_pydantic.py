"""busmodel's documents as pydantic v2 models with busmodel's invariants.

Frozen models (``frozen=True``), tuples for arrays, unknown keys refused
(``extra="forbid"``), strict types (an integer is not a float, a boolean or a
string; a date is a ``YYYY-MM-DD`` string), enum values as ``Literal`` types,
and every invariant of :mod:`peers._rules`, written the way pydantic is meant to
be used: ids are lowercase slugs and text is not blank, not invisible and free
of control characters (each a ``pattern``), dates lie in 1900-2199 and numbers
in their ranges (``ge``, ``le``), all checked in pydantic-core; months are 1-12
and not reversed, and e-mails, exemption codes and paths are well-formed
(``AfterValidator``); and in
``model_validator`` methods, periods and assignments do not end before they
start, and the checks across fields (decision year, follow-up recipients, per-member forums,
bodies, start precision, extensions, evaluations and reports not before their
year). JSON is read by ``model_validate_json`` (pydantic-core's own parser).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Final, Literal

import pydantic
from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, model_validator

from peers import _rules

NAME: Final = "pydantic"
ERRORS: Final[tuple[type[Exception], ...]] = (pydantic.ValidationError,)

Slug = Annotated[str, StringConstraints(pattern=f"^{_rules.ID_PATTERN}$")]
Slugs = tuple[Slug, ...]
Text = Annotated[str, StringConstraints(pattern=_rules.TEXT_PATTERN)]
Texts = tuple[Text, ...]
Day = Annotated[dt.date, Field(ge=_rules.FIRST_DAY, le=_rules.LAST_DAY)]
Year = Annotated[int, Field(ge=1900, le=2200)]
NoticeMonths = Annotated[int, Field(ge=1, le=120)]


class _Value(pydantic.BaseModel):
    """Frozen, strict, and unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Period(_Value):
    """Two dates, both included; the end not before the start."""

    start: Day
    end: Day | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        _rules.ordered(self.start, self.end)
        return self


class Municipality(_Value):
    """A municipality: its name, its four-digit code, the body that acts for it."""

    name: Text
    code: Annotated[str, AfterValidator(_rules.code)] | None = None
    body: Slug | None = None


class Person(_Value):
    """A person named in a document."""

    name: Text
    title: Text | None = None
    email: Annotated[str, AfterValidator(_rules.email)] | None = None
    phone: Text | None = None


class Decision(_Value):
    """A decision about the collaboration; its date in its year."""

    body: Slug
    year: Year
    date: Day | None = None
    reference: Text | None = None
    summary: Text | None = None

    @model_validator(mode="after")
    def _in_year(self) -> Decision:
        _rules.in_year(self.date, self.year)
        return self


class Body(_Value):
    """A body; not part of itself, and a code only for a municipality."""

    id: Slug
    name: Text
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
    part_of: Slug | None = None
    code: Annotated[str, AfterValidator(_rules.code)] | None = None

    @model_validator(mode="after")
    def _body(self) -> Body:
        _rules.body(self.id, self.kind, self.part_of, self.code)
        return self


class Member(_Value):
    """A body's seat in a forum."""

    body: Slug
    role: Text | None = None


class Window(_Value):
    """A part of the year: months 1-12, the first not after the last."""

    name: Text
    months: Annotated[tuple[int, ...], AfterValidator(_rules.months)]
    focus: Text | None = None


class Cadence(_Value):
    """How often a forum meets."""

    meetings_per_year: Annotated[int, Field(ge=1, le=366)] | None = None
    windows: tuple[Window, ...] = ()
    extra_meetings: bool = False


class FollowUp(_Value):
    """A forum's duty to follow up; recipients exactly for a report."""

    evaluation: Literal["yearly"] = "yearly"
    description: Text | None = None
    duty: Literal["evaluate", "report"] = "evaluate"
    recipients: Slugs = ()

    @model_validator(mode="after")
    def _recipients(self) -> FollowUp:
        _rules.follow_up(self.duty, self.recipients)
        return self


class Assignment(_Value):
    """A task a forum works on; it does not end before it starts."""

    title: Text
    status: Literal["planned", "ongoing", "completed", "ordinary-operations"]
    start: Day | None = None
    end: Day | None = None
    partners: Texts = ()

    @model_validator(mode="after")
    def _ordered(self) -> Assignment:
        _rules.ordered(self.start, self.end)
        return self


class Forum(_Value):
    """A collaboration organ; a per-member forum is not regional."""

    id: Slug
    name: Text
    level: (
        Literal["political", "steering", "management", "working", "development", "pupils"] | None
    ) = None
    scope: Literal["regional", "local"] | None = None
    per_member: bool = False
    members: tuple[Member, ...] = ()
    duties: Texts = ()
    cadence: Cadence | None = None
    follow_up: FollowUp | None = None
    assignments: tuple[Assignment, ...] = ()

    @model_validator(mode="after")
    def _scope(self) -> Forum:
        _rules.forum(self.per_member, self.scope)
        return self


class ChairTerm(_Value):
    """A chair term."""

    body: Slug
    period: Period
    reason: Text | None = None


class ChairRule(_Value):
    """Who chairs, and in what order."""

    rotation: Slugs
    terms: tuple[ChairTerm, ...] = ()
    mid_period_changes: bool = False
    may_chair: Slugs = ()


class Extension(_Value):
    """The terms of extension."""

    years: Annotated[int, Field(ge=1, le=10)]
    times: Annotated[int, Field(ge=1, le=20)] | None = None
    notice_months: NoticeMonths | None = None


class Validity(_Value):
    """When the agreement is in force; a start known to the month or year is its first day."""

    basis: Literal["mandate-period", "fixed", "until-further-notice", "from-signing"]
    period: Period
    convention: Literal["committee", "council"] = "committee"
    notice_months: NoticeMonths | None = None
    extension: Extension | None = None
    review: Literal["annual"] | None = None
    start_precision: Literal["day", "month", "year"] = "day"

    @model_validator(mode="after")
    def _precision(self) -> Validity:
        _rules.precision(self.period.start, self.start_precision)
        return self


class Signature(_Value):
    """A body's signature."""

    body: Slug
    date: Day
    name: Text | None = None
    title: Text | None = None
    place: Text | None = None


class Adoption(_Value):
    """A body's assent by decision."""

    body: Slug
    date: Day
    reference: Text | None = None
    summary: Text | None = None


class Exemption(_Value):
    """A rule the document is exempt from, with its reason."""

    code: Annotated[str, AfterValidator(_rules.rule_code)]
    reason: Text
    path: Annotated[str, AfterValidator(_rules.pointer)] | None = None


class Agreement(_Value):
    """An agreement, framework or extension document."""

    schema_: Literal["busmodel/1"] = Field(alias="schema")
    kind: Literal["agreement", "framework", "extension"]
    id: Slug
    title: Text
    state: Literal["final", "draft"] = "final"
    municipality: Municipality | None = None
    region: Text | None = None
    document_date: Day | None = None
    case_officer: Person | None = None
    contacts: tuple[Person, ...] = ()
    purpose: Text | None = None
    principles: Texts = ()
    framework: Slug | None = None
    extends: Slug | None = None
    supersedes: Slugs = ()
    members: tuple[Municipality, ...] = ()
    decisions: tuple[Decision, ...] = ()
    bodies: tuple[Body, ...] = ()
    parties: Slugs = ()
    participants: Slugs = ()
    forums: tuple[Forum, ...] = ()
    chair: ChairRule | None = None
    validity: Validity | None = None
    signatures: tuple[Signature, ...] = ()
    adoptions: tuple[Adoption, ...] = ()
    exemptions: tuple[Exemption, ...] = ()

    @model_validator(mode="after")
    def _extends(self) -> Agreement:
        _rules.extends(self.kind, self.extends)
        return self


class Meeting(_Value):
    """A meeting held."""

    forum: Slug
    date: Day
    kind: Literal["regular", "extra"] = "regular"
    topics: Texts = ()


class Evaluation(_Value):
    """An evaluation made; not dated before the year it evaluates."""

    forum: Slug
    year: Year
    date: Day
    summary: Text | None = None

    @model_validator(mode="after")
    def _dated(self) -> Evaluation:
        _rules.not_before_year(self.date, self.year)
        return self


class Report(_Value):
    """A report sent; not dated before the year it reports on."""

    forum: Slug
    recipient: Slug
    year: Annotated[int, Field(ge=1900, le=2199)]
    date: Day
    summary: Text | None = None

    @model_validator(mode="after")
    def _dated(self) -> Report:
        _rules.not_before_year(self.date, self.year)
        return self


class Review(_Value):
    """A review of the agreement."""

    date: Day
    by: Slug
    outcome: Text | None = None
    reference: Text | None = None


class Records(_Value):
    """A records document."""

    schema_: Literal["busmodel/1"] = Field(alias="schema")
    kind: Literal["records"]
    agreement: Slug
    meetings: tuple[Meeting, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    reports: tuple[Report, ...] = ()
    reviews: tuple[Review, ...] = ()


def load_agreement(text: str) -> Agreement:
    """Read an agreement document from JSON text."""
    return Agreement.model_validate_json(text)


def load_records(text: str) -> Records:
    """Read a records document from JSON text."""
    return Records.model_validate_json(text)
