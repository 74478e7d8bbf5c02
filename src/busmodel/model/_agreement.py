"""The agreement: a signed text that sets up a collaboration, and what it says."""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from busmodel.model import _check
from busmodel.model._bodies import Body, Municipality, Person
from busmodel.model._errors import ModelError
from busmodel.model._forums import Forum
from busmodel.model._mandate import Convention
from busmodel.model._period import Period

__all__ = [
    "Adoption",
    "Agreement",
    "AgreementKind",
    "ChairRule",
    "ChairTerm",
    "Decision",
    "Exemption",
    "Extension",
    "Precision",
    "Review",
    "Signature",
    "Validity",
    "ValidityBasis",
]

_CODE_PREFIX = re.compile(r"[A-Z]{1,5}[0-9]{0,3}")
_date = _check.day
_optional_date = _check.optional(_date)
_optional_months = _check.optional(_check.in_range(1, 120))


class AgreementKind(enum.Enum):
    """A local agreement, a regional framework, or a document that extends an agreement."""

    AGREEMENT = "agreement"
    FRAMEWORK = "framework"
    EXTENSION = "extension"
    """A short document (förlängning) that extends an agreement under its extension clause:
    it names the agreement (``extends``), the new validity and its own assent, and
    does not restate the rest."""


class ValidityBasis(enum.Enum):
    """What the validity of an agreement is tied to."""

    MANDATE_PERIOD = "mandate-period"
    """It runs for exactly one mandate period."""
    FIXED = "fixed"
    """It runs between two stated dates."""
    UNTIL_FURTHER_NOTICE = "until-further-notice"
    """It runs until a party gives notice (tills vidare)."""
    FROM_SIGNING = "from-signing"
    """It runs from the day the last party assents (gäller från undertecknandet) to a stated end."""


class Precision(enum.Enum):
    """How precisely a date is known: the text may give only a year or a month."""

    DAY = "day"
    MONTH = "month"
    """Known to the month; the date is the first day of that month."""
    YEAR = "year"
    """Known to the year ("in force since 2012"); the date is 1 January."""


class Review(enum.Enum):
    """How often the agreement is to be reviewed (omprövas)."""

    ANNUAL = "annual"


@attrs.frozen
class Decision:
    """A decision by a body about the collaboration, such as the council's in 1999.

    ``date`` is given when known; otherwise only the ``year``.
    """

    body: str = attrs.field(validator=_check.identifier)
    year: int = attrs.field(validator=_check.in_range(1900, 2200))
    date: dt.date | None = attrs.field(default=None, validator=_optional_date)
    reference: str | None = attrs.field(default=None, validator=_check.optional_text)
    summary: str | None = attrs.field(default=None, validator=_check.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.date is not None and self.date.year != self.year:
            raise ModelError(
                "date",
                f"{self.date} is not in the decision year {self.year}",
                sv=f"{self.date} ligger inte i beslutsåret {self.year}",
            )


@attrs.frozen
class Adoption:
    """A party's assent by decision (fastställa, anta) instead of a signature.

    Guidelines are adopted (fastställda) by each committee, a framework by the
    regional council and each municipality, at a meeting on ``date``;
    ``reference`` is the paragraph or diary number (``§ 45``, ``Dnr 2019/123``).
    """

    body: str = attrs.field(validator=_check.identifier)
    date: dt.date = attrs.field(validator=_date)
    reference: str | None = attrs.field(default=None, validator=_check.optional_text)
    summary: str | None = attrs.field(default=None, validator=_check.optional_text)


@attrs.frozen
class ChairTerm:
    """A recorded chairmanship: which body chairs during which period, and why."""

    body: str = attrs.field(validator=_check.identifier)
    period: Period = attrs.field(validator=_check.instance(Period))
    reason: str | None = attrs.field(default=None, validator=_check.optional_text)


@attrs.frozen
class ChairRule:
    """Who chairs: the rotation order and the chair terms recorded so far.

    The chair passes along ``rotation`` at each new mandate period; when
    ``mid_period_changes`` is true it may also change during a period when the
    need arises (om behov uppstår), and such a term carries a ``reason``.
    """

    rotation: tuple[str, ...] = attrs.field(validator=_check.tuple_of(_check.identifier))
    terms: tuple[ChairTerm, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(ChairTerm))
    )
    mid_period_changes: bool = attrs.field(default=False, validator=_check.instance(bool))
    may_chair: tuple[str, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.identifier)
    )
    """Bodies that are not parties but are allowed to chair."""

    def chair_on(self, day: dt.date) -> str | None:
        """The id of the body whose recorded term covers ``day``, if any."""
        for term in self.terms:
            if term.period.contains(day):
                return term.body
        return None


@attrs.frozen
class Extension:
    """The terms on which the agreement may be extended (förlängning)."""

    years: int = attrs.field(validator=_check.in_range(1, 10))
    """Years added by each extension."""
    times: int | None = attrs.field(default=None, validator=_check.optional(_check.in_range(1, 20)))
    """How many extensions are allowed; None for no limit."""
    notice_months: int | None = attrs.field(default=None, validator=_optional_months)
    """Notice to be given before the end if the agreement is not to be extended."""


@attrs.frozen
class Validity:
    """When the agreement is in force (giltighetstid)."""

    basis: ValidityBasis = attrs.field(validator=_check.instance(ValidityBasis))
    period: Period = attrs.field(validator=_check.instance(Period))
    convention: Convention = attrs.field(
        default=Convention.COMMITTEE, validator=_check.instance(Convention)
    )
    notice_months: int | None = attrs.field(default=None, validator=_optional_months)
    """Notice period (uppsägningstid) in months."""
    extension: Extension | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Extension))
    )
    review: Review | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Review))
    )
    start_precision: Precision = attrs.field(
        default=Precision.DAY, validator=_check.instance(Precision)
    )
    """How precisely the start is known; the start is then the earliest day it may be."""

    def __attrs_post_init__(self) -> None:
        start = self.period.start
        if self.start_precision is Precision.MONTH and start.day != 1:
            raise ModelError(
                "start_precision",
                f"a start known to the month is its first day, not {start}",
                sv=f"en start som är känd till månaden är dess första dag, inte {start}",
            )
        if self.start_precision is Precision.YEAR and (start.month, start.day) != (1, 1):
            raise ModelError(
                "start_precision",
                f"a start known to the year is its 1 January, not {start}",
                sv=f"en start som är känd till året är dess 1 januari, inte {start}",
            )


@attrs.frozen
class Signature:
    """A signature: which body signed, when, and who and where when the text says."""

    body: str = attrs.field(validator=_check.identifier)
    date: dt.date = attrs.field(validator=_date)
    name: str | None = attrs.field(default=None, validator=_check.optional_text)
    """The signatory, when the text names one: a signature is the body's."""
    title: str | None = attrs.field(default=None, validator=_check.optional_text)
    place: str | None = attrs.field(default=None, validator=_check.optional_text)


@attrs.frozen
class Exemption:
    """A reasoned exemption from a validation rule, carried by the document itself.

    ``code`` is a rule code or prefix; ``path`` narrows it to one place.
    """

    code: str = attrs.field()
    reason: str = attrs.field(validator=_check.text)
    path: str | None = attrs.field(default=None)

    @code.validator
    def _check_code(self, _: attrs.Attribute[str], value: str) -> None:
        if not (isinstance(value, str) and _CODE_PREFIX.fullmatch(value)):
            raise ModelError(
                "code",
                f"{value!r} is not a rule code or prefix, like 'SIG' or 'SIG006'",
                sv=f"{value!r} är ingen regelkod eller början på en, som 'SIG' eller 'SIG006'",
            )

    @path.validator
    def _check_path(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not (
            isinstance(value, str) and value.startswith(("/", "records:/"))
        ):
            raise ModelError(
                "path",
                f"{value!r} is not a path into the document, like '/signatures/0'",
                sv=f"{value!r} är ingen sökväg i dokumentet, som '/signatures/0'",
            )
        if value is not None:
            _check.plain("path", value)


class _Lookups:
    """Room for the id indexes an agreement builds on its first lookup.

    A slot, not an attrs field: the indexes are derived from the fields, so they
    take no part in construction, ``==``, hashing, ``repr``, pickling or the
    document format, and a copy builds its own when first asked.
    """

    __slots__ = ("_by_id",)
    _by_id: tuple[dict[str, Body], dict[str, Forum]]


@attrs.frozen(kw_only=True)
class Agreement(_Lookups):
    """A collaboration agreement, a framework that agreements implement, or an extension.

    Bodies are declared once in ``bodies`` and referred to by id everywhere
    else: ``parties`` assent (by a signature or an adoption decision),
    ``participants`` take part without assenting.
    """

    id: str = attrs.field(validator=_check.identifier)
    title: str = attrs.field(validator=_check.text)
    kind: AgreementKind = attrs.field(
        default=AgreementKind.AGREEMENT, validator=_check.instance(AgreementKind)
    )
    municipality: Municipality | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Municipality))
    )
    region: str | None = attrs.field(default=None, validator=_check.optional_text)
    document_date: dt.date | None = attrs.field(default=None, validator=_optional_date)
    case_officer: Person | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Person))
    )
    contacts: tuple[Person, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Person))
    )
    purpose: str | None = attrs.field(default=None, validator=_check.optional_text)
    principles: tuple[str, ...] = attrs.field(default=(), validator=_check.tuple_of(_check.text))
    framework: str | None = attrs.field(default=None, validator=_check.optional_identifier)
    extends: str | None = attrs.field(default=None, validator=_check.optional_identifier)
    """For an extension document: the id of the agreement it extends."""
    supersedes: tuple[str, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.identifier)
    )
    members: tuple[Municipality, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Municipality))
    )
    """For a framework: the municipalities it covers."""
    decisions: tuple[Decision, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Decision))
    )
    bodies: tuple[Body, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Body))
    )
    parties: tuple[str, ...] = attrs.field(default=(), validator=_check.tuple_of(_check.identifier))
    participants: tuple[str, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.identifier)
    )
    forums: tuple[Forum, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Forum))
    )
    chair: ChairRule | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(ChairRule))
    )
    validity: Validity | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Validity))
    )
    signatures: tuple[Signature, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Signature))
    )
    adoptions: tuple[Adoption, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Adoption))
    )
    """Assent by decision, for parties that adopt rather than sign."""
    exemptions: tuple[Exemption, ...] = attrs.field(
        default=(), validator=_check.tuple_of(_check.instance(Exemption))
    )

    def __attrs_post_init__(self) -> None:
        if self.kind is AgreementKind.EXTENSION and self.extends is None:
            raise ModelError(
                "extends",
                "an extension names the agreement it extends (extends)",
                sv="en förlängning anger den överenskommelse den förlänger (extends)",
            )
        if self.extends is not None and self.kind is not AgreementKind.EXTENSION:
            raise ModelError(
                "extends",
                f"only an extension extends an agreement; this is a {self.kind.value}",
                sv=f"bara en förlängning (extension) förlänger något; detta är {self.kind.value}",
            )

    def assents(self) -> dict[str, dt.date]:
        """Each body that signed or adopted, and the day of its first assent.

        >>> Agreement(id="a", title="A", adoptions=(Adoption("sn", dt.date(2024, 3, 5)),)).assents()
        {'sn': datetime.date(2024, 3, 5)}
        """
        days: dict[str, dt.date] = {}
        given: list[Signature | Adoption] = [*self.signatures, *self.adoptions]
        for assent in given:
            known = days.get(assent.body)
            if known is None or assent.date < known:
                days[assent.body] = assent.date
        return days

    def _indexes(self) -> tuple[dict[str, Body], dict[str, Forum]]:
        """Bodies and forums by id, the first given winning; built once, on first use."""
        try:
            return self._by_id
        except AttributeError:
            bodies: dict[str, Body] = {}
            for body in self.bodies:
                bodies.setdefault(body.id, body)
            forums: dict[str, Forum] = {}
            for forum in self.forums:
                forums.setdefault(forum.id, forum)
            # Frozen, but derived: two threads that race here build equal indexes.
            object.__setattr__(self, "_by_id", (bodies, forums))
            return bodies, forums

    def body(self, body_id: str) -> Body | None:
        """The first declared body with ``body_id``, or None (in constant time)."""
        return self._indexes()[0].get(body_id)

    def forum(self, forum_id: str) -> Forum | None:
        """The first forum with ``forum_id``, or None (in constant time)."""
        return self._indexes()[1].get(forum_id)

    def in_force(self, on: dt.date) -> bool:
        """Whether the agreement is in force on ``on`` (False without a validity)."""
        return self.validity is not None and self.validity.period.contains(on)
