"""busmodel's documents as marshmallow schemas with busmodel's invariants.

``json.loads`` and then ``Schema.load``: unknown keys refused
(``unknown = RAISE``), required keys required, ``null`` allowed only for an
optional key, strict integers, enum values through ``OneOf``, dates as
ISO strings, and every invariant of :mod:`peers._rules` as field validators and
``validates_schema`` checks: ids are lowercase slugs, text is not blank, dates
lie in 1900-2199, numbers in their ranges, months are 1-12 and not reversed,
periods and assignments do not end before they start, and the checks across
fields (decision year, follow-up recipients, per-member forums, bodies, start
precision, extensions, evaluations and reports not before their year). Each
table is loaded into a read-only mapping (``MappingProxyType``) with tuples
for arrays, marshmallow's nearest to a frozen value.

marshmallow is laxer than busmodel in two places it does not let a schema
tighten cheaply: ``fields.Boolean`` takes ``1``, ``"true"`` and the like, and a
strict ``fields.Integer`` takes ``true`` (a ``bool`` is an ``int``).
"""

from __future__ import annotations

import datetime as dt
import json
import types
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import marshmallow
from marshmallow import RAISE, Schema, fields, post_load, validate, validates_schema

from peers import _rules

NAME: Final = "marshmallow"
ERRORS: Final[tuple[type[Exception], ...]] = (marshmallow.ValidationError, ValueError)

T = TypeVar("T")


def _check(rule: Callable[[T], object]) -> Callable[[T], None]:
    """A marshmallow validator from a rule that raises ``ValueError``."""

    def run(value: T) -> None:
        try:
            rule(value)
        except ValueError as error:
            raise marshmallow.ValidationError(str(error)) from None

    return run


def _schema_check(rule: Callable[[], object]) -> None:
    try:
        rule()
    except ValueError as error:
        raise marshmallow.ValidationError(str(error)) from None


def _slug(required: bool = True) -> fields.String:
    if required:
        return fields.String(required=True, validate=_check(_rules.slug))
    return fields.String(load_default=None, allow_none=True, validate=_check(_rules.slug))


def _text(required: bool = True) -> fields.String:
    if required:
        return fields.String(required=True, validate=_check(_rules.text))
    return fields.String(load_default=None, allow_none=True, validate=_check(_rules.text))


def _day(required: bool = True) -> fields.Date:
    if required:
        return fields.Date(required=True, validate=_check(_rules.day))
    return fields.Date(load_default=None, allow_none=True, validate=_check(_rules.day))


def _int(low: int, high: int, required: bool = True) -> fields.Integer:
    if required:
        return fields.Integer(strict=True, required=True, validate=validate.Range(low, high))
    return fields.Integer(
        strict=True, load_default=None, allow_none=True, validate=validate.Range(low, high)
    )


def _one_of(*choices: str, default: str | None = None, required: bool = False) -> fields.String:
    if required:
        return fields.String(required=True, validate=validate.OneOf(choices))
    return fields.String(load_default=default, allow_none=True, validate=validate.OneOf(choices))


def _many(item: fields.Field[Any]) -> fields.List[Any]:
    return fields.List(item, load_default=())


def _slugs() -> fields.List[Any]:
    return _many(fields.String(validate=_check(_rules.slug)))


def _texts() -> fields.List[Any]:
    return _many(fields.String(validate=_check(_rules.text)))


def _nested(schema: type[Schema], required: bool = False) -> fields.Nested:
    if required:
        return fields.Nested(schema, required=True)
    return fields.Nested(schema, load_default=None, allow_none=True)


def _bool() -> fields.Boolean:
    return fields.Boolean(load_default=False)


class _Value(Schema):
    """Unknown keys refused; each table loaded into a read-only mapping with tuples."""

    class Meta:
        unknown = RAISE

    @post_load
    def _freeze(self, data: dict[str, Any], **_: object) -> Mapping[str, Any]:
        return types.MappingProxyType(
            {key: tuple(value) if isinstance(value, list) else value for key, value in data.items()}
        )


class Period(_Value):
    """Two dates, both included; the end not before the start."""

    start = _day()
    end = _day(required=False)

    @validates_schema
    def _ordered(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(lambda: _rules.ordered(data["start"], data.get("end")))


class Municipality(_Value):
    """A municipality: its name, its four-digit code, the body that acts for it."""

    name = _text()
    code = fields.String(load_default=None, allow_none=True, validate=_check(_rules.code))
    body = _slug(required=False)


class Person(_Value):
    """A person named in a document."""

    name = _text()
    title = _text(required=False)
    email = fields.String(load_default=None, allow_none=True, validate=_check(_rules.email))
    phone = _text(required=False)


class Decision(_Value):
    """A decision about the collaboration; its date in its year."""

    body = _slug()
    year = _int(1900, 2199)
    date = _day(required=False)
    reference = _text(required=False)
    summary = _text(required=False)

    @validates_schema
    def _in_year(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(lambda: _rules.in_year(data.get("date"), data["year"]))


class Body(_Value):
    """A body; not part of itself, and a code only for a municipality."""

    id = _slug()
    name = _text()
    kind = _one_of(
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
        required=True,
    )
    part_of = _slug(required=False)
    code = fields.String(load_default=None, allow_none=True, validate=_check(_rules.code))

    @validates_schema
    def _body(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(
            lambda: _rules.body(data["id"], data["kind"], data.get("part_of"), data.get("code"))
        )


class Member(_Value):
    """A body's seat in a forum."""

    body = _slug()
    role = _text(required=False)


class Window(_Value):
    """A part of the year: months 1-12, the first not after the last."""

    name = _text()
    months = fields.List(
        fields.Integer(strict=True),
        required=True,
        validate=_check(lambda v: _rules.months(tuple(v))),
    )
    focus = _text(required=False)


class Cadence(_Value):
    """How often a forum meets."""

    meetings_per_year = _int(1, 366, required=False)
    windows = _many(fields.Nested(Window))
    extra_meetings = _bool()


class FollowUp(_Value):
    """A forum's duty to follow up; recipients exactly for a report."""

    evaluation = _one_of("yearly", default="yearly")
    description = _text(required=False)
    duty = _one_of("evaluate", "report", default="evaluate")
    recipients = _slugs()

    @validates_schema
    def _recipients(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(
            lambda: _rules.follow_up(data.get("duty") or "evaluate", tuple(data["recipients"]))
        )


class Assignment(_Value):
    """A task a forum works on; it does not end before it starts."""

    title = _text()
    status = _one_of("planned", "ongoing", "completed", "ordinary-operations", required=True)
    start = _day(required=False)
    end = _day(required=False)
    partners = _texts()

    @validates_schema
    def _ordered(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(lambda: _rules.ordered(data.get("start"), data.get("end")))


class Forum(_Value):
    """A collaboration organ; a per-member forum is not regional."""

    id = _slug()
    name = _text()
    level = _one_of("political", "steering", "management", "working", "development", "pupils")
    scope = _one_of("regional", "local")
    per_member = _bool()
    members = _many(fields.Nested(Member))
    duties = _texts()
    cadence = _nested(Cadence)
    follow_up = _nested(FollowUp)
    assignments = _many(fields.Nested(Assignment))

    @validates_schema
    def _scope(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(lambda: _rules.forum(data["per_member"], data.get("scope")))


class ChairTerm(_Value):
    """A chair term."""

    body = _slug()
    period = _nested(Period, required=True)
    reason = _text(required=False)


class ChairRule(_Value):
    """Who chairs, and in what order."""

    rotation = fields.List(fields.String(validate=_check(_rules.slug)), required=True)
    terms = _many(fields.Nested(ChairTerm))
    mid_period_changes = _bool()
    may_chair = _slugs()


class Extension(_Value):
    """The terms of extension."""

    years = _int(1, 10)
    times = _int(1, 20, required=False)
    notice_months = _int(1, 120, required=False)


class Validity(_Value):
    """When the agreement is in force; a start known to the month or year is its first day."""

    basis = _one_of(
        "mandate-period", "fixed", "until-further-notice", "from-signing", required=True
    )
    period = _nested(Period, required=True)
    convention = _one_of("committee", "council", default="committee")
    notice_months = _int(1, 120, required=False)
    extension = _nested(Extension)
    review = _one_of("annual")
    start_precision = _one_of("day", "month", "year", default="day")

    @validates_schema
    def _precision(self, data: dict[str, Any], **_: object) -> None:
        start: dt.date = data["period"]["start"]
        _schema_check(lambda: _rules.precision(start, data.get("start_precision") or "day"))


class Signature(_Value):
    """A body's signature."""

    body = _slug()
    date = _day()
    name = _text(required=False)
    title = _text(required=False)
    place = _text(required=False)


class Adoption(_Value):
    """A body's assent by decision."""

    body = _slug()
    date = _day()
    reference = _text(required=False)
    summary = _text(required=False)


class Exemption(_Value):
    """A rule the document is exempt from, with its reason."""

    code = fields.String(required=True, validate=_check(_rules.rule_code))
    reason = _text()
    path = fields.String(load_default=None, allow_none=True, validate=_check(_rules.pointer))


class Agreement(_Value):
    """An agreement, framework or extension document."""

    schema = fields.String(required=True, validate=validate.Equal("busmodel/1"))
    kind = _one_of("agreement", "framework", "extension", required=True)
    id = _slug()
    title = _text()
    state = _one_of("final", "draft", default="final")
    municipality = _nested(Municipality)
    region = _text(required=False)
    document_date = _day(required=False)
    case_officer = _nested(Person)
    contacts = _many(fields.Nested(Person))
    purpose = _text(required=False)
    principles = _texts()
    framework = _slug(required=False)
    extends = _slug(required=False)
    supersedes = _slugs()
    members = _many(fields.Nested(Municipality))
    decisions = _many(fields.Nested(Decision))
    bodies = _many(fields.Nested(Body))
    parties = _slugs()
    participants = _slugs()
    forums = _many(fields.Nested(Forum))
    chair = _nested(ChairRule)
    validity = _nested(Validity)
    signatures = _many(fields.Nested(Signature))
    adoptions = _many(fields.Nested(Adoption))
    exemptions = _many(fields.Nested(Exemption))

    @validates_schema
    def _extends(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(lambda: _rules.extends(data["kind"], data.get("extends")))


class Meeting(_Value):
    """A meeting held."""

    forum = _slug()
    date = _day()
    kind = _one_of("regular", "extra", default="regular")
    topics = _texts()


class Evaluation(_Value):
    """An evaluation made; not dated before the year it evaluates."""

    forum = _slug()
    year = _int(1900, 2199)
    date = _day()
    summary = _text(required=False)

    @validates_schema
    def _dated(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(lambda: _rules.not_before_year(data["date"], data["year"]))


class Report(_Value):
    """A report sent; not dated before the year it reports on."""

    forum = _slug()
    recipient = _slug()
    year = _int(1900, 2199)
    date = _day()
    summary = _text(required=False)

    @validates_schema
    def _dated(self, data: dict[str, Any], **_: object) -> None:
        _schema_check(lambda: _rules.not_before_year(data["date"], data["year"]))


class Review(_Value):
    """A review of the agreement."""

    date = _day()
    by = _slug()
    outcome = _text(required=False)
    reference = _text(required=False)


class Records(_Value):
    """A records document."""

    schema = fields.String(required=True, validate=validate.Equal("busmodel/1"))
    kind = _one_of("records", required=True)
    agreement = _slug()
    meetings = _many(fields.Nested(Meeting))
    evaluations = _many(fields.Nested(Evaluation))
    reports = _many(fields.Nested(Report))
    reviews = _many(fields.Nested(Review))


_AGREEMENT: Final = Agreement()
_RECORDS: Final = Records()


def load_agreement(text: str) -> Mapping[str, Any]:
    """Read an agreement document from JSON text."""
    loaded: Mapping[str, Any] = _AGREEMENT.load(json.loads(text))
    return loaded


def load_records(text: str) -> Mapping[str, Any]:
    """Read a records document from JSON text."""
    loaded: Mapping[str, Any] = _RECORDS.load(json.loads(text))
    return loaded
