"""The agreement: a signed text that sets up a collaboration, and what it says."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Self

import attrs

from busmodel.model import _check
from busmodel.model._bodies import Body, Municipality, Person
from busmodel.model._errors import ModelError
from busmodel.model._forums import Forum
from busmodel.model._mandate import FIRST_ELECTION, Convention, MandatePeriod
from busmodel.model._period import Period
from busmodel.model._text import counted, fields_repr, shortened

__all__ = [
    "Adoption",
    "Agreement",
    "AgreementKind",
    "ChairRule",
    "ChairTerm",
    "Decision",
    "DocumentState",
    "Exemption",
    "Extension",
    "Precision",
    "Review",
    "Signature",
    "Validity",
    "ValidityBasis",
]

_CODE_PREFIX = re.compile(r"[A-Z]{1,5}[0-9]{0,3}")
"""A rule code or a prefix of codes: ``SIG006``, ``SIG``."""
_RULE_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""A rule's symbolic name, ``every-party-signs``: the pattern the rule catalogue gives names."""
_LOWERCASE_CODE = re.compile(r"[a-z]{1,5}[0-9]{0,3}")
"""A code or prefix written in lowercase (``sig006``, ``sig``): a slip, not a name."""
_POINTER = re.compile(r"(?:[a-z]+:)?(?:/(?:[^/~]|~[01])*)+")
"""A JSON Pointer (RFC 6901) to a place in a document, optionally after a document name and
``:`` (``records:/meetings/3``). The whole document (``""``) is no path: leave the path out."""
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


class DocumentState(enum.Enum):
    """Whether a document is a draft (utkast, förslag) or final.

    A final document is the text as signed or adopted, in force for its validity
    once its parties have assented; a draft is a proposal still to be assented to,
    such as a successor drawn up for the next mandate period, and needs no assent yet.
    """

    DRAFT = "draft"
    """A proposal (utkast, förslag): not yet signed or adopted, and not in force."""
    FINAL = "final"
    """The text as signed or adopted (the default)."""


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


def _agreement_kind(value: AgreementKind | str) -> AgreementKind:
    """An agreement kind, given as the member or as its value (``"framework"``)."""
    return value if type(value) is AgreementKind else _check.member(AgreementKind, value)


def _document_state(value: DocumentState | str) -> DocumentState:
    """A document state, given as the member or as its value (``"draft"``)."""
    return value if type(value) is DocumentState else _check.member(DocumentState, value)


def _basis(value: ValidityBasis | str) -> ValidityBasis:
    """A validity basis, given as the member or as its value (``"fixed"``)."""
    return value if type(value) is ValidityBasis else _check.member(ValidityBasis, value)


def _convention(value: Convention | str) -> Convention:
    """A convention, given as the member or as its value (``"council"``)."""
    return value if type(value) is Convention else _check.member(Convention, value)


def _precision(value: Precision | str) -> Precision:
    """A precision, given as the member or as its value (``"year"``)."""
    return value if type(value) is Precision else _check.member(Precision, value)


def _review(value: Review | str | None) -> Review | None:
    """A review, given as the member or as its value (``"annual"``), or None."""
    if value is None or type(value) is Review:
        return value
    return _check.member(Review, value)


@attrs.frozen
class Decision:
    """A decision by a body about the collaboration, such as the council's in 1999.

    ``date`` is given when known; otherwise only the ``year``.
    """

    __repr__ = fields_repr

    body: str = attrs.field(validator=_check.identifier)
    year: int = attrs.field(validator=_check.in_range(1900, 2199))
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

    __repr__ = fields_repr

    body: str = attrs.field(validator=_check.identifier)
    date: dt.date = attrs.field(validator=_date)
    reference: str | None = attrs.field(default=None, validator=_check.optional_text)
    summary: str | None = attrs.field(default=None, validator=_check.optional_text)


@attrs.frozen
class ChairTerm:
    """A recorded chairmanship: which body chairs during which period, and why."""

    __repr__ = fields_repr

    body: str = attrs.field(validator=_check.identifier)
    period: Period = attrs.field(validator=_check.instance(Period))
    reason: str | None = attrs.field(default=None, validator=_check.optional_text)


def _terms(value: Iterable[ChairTerm]) -> tuple[ChairTerm, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


@attrs.frozen
class ChairRule:
    """Who chairs: the rotation order and the chair terms recorded so far.

    The chair passes along ``rotation`` at each new mandate period; when
    ``mid_period_changes`` is true it may also change during a period when the
    need arises (om behov uppstår), and such a term carries a ``reason``.
    """

    __repr__ = fields_repr

    rotation: tuple[str, ...] = attrs.field(
        converter=_check.strs, validator=_check.tuple_of(_check.identifier)
    )
    terms: tuple[ChairTerm, ...] = attrs.field(
        default=(), converter=_terms, validator=_check.tuple_of(_check.instance(ChairTerm))
    )
    mid_period_changes: bool = attrs.field(default=False, validator=_check.instance(bool))
    may_chair: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.identifier)
    )
    """Bodies that are not parties but are allowed to chair."""

    def chair_on(self, day: dt.date) -> str | None:
        """The id of the body whose recorded term covers ``day``, if any."""
        for term in self.terms:
            if term.period.contains(day):
                return term.body
        return None

    def next_after(self, body: str) -> str:
        """The body that takes the chair after ``body`` in the rotation; after the last, the first.

        A body listed twice passes the chair on from its first place (CHR002 warns of
        the repeat). A body not in the rotation, or an empty rotation (a chair that
        does not rotate), has no next body: :class:`ModelError`.

        >>> rule = ChairRule(("bun", "sn", "kun"))
        >>> rule.next_after("bun"), rule.next_after("kun")
        ('sn', 'bun')
        >>> rule.next_after("ks")
        Traceback (most recent call last):
        ...
        busmodel.ModelError: body: 'ks' is not in the rotation ('bun', 'sn', 'kun')
        """
        if not self.rotation:
            raise ModelError(
                "rotation",
                f"the rotation is empty: the chair does not pass on from {body!r}",
                sv=f"rotationen är tom: ordförandeskapet går inte vidare från {body!r}",
            )
        passed = _passed_on(self, body, 1)
        if passed is None:
            listed = ", ".join(repr(member) for member in self.rotation)
            raise ModelError(
                "body",
                f"{body!r} is not in the rotation ({listed})",
                sv=f"{body!r} finns inte i rotationen ({listed})",
            )
        return passed


_ONE_DAY = dt.timedelta(days=1)


def _by_period(term: ChairTerm) -> Period:
    return term.period


def _ends_by(term: ChairTerm, day: dt.date) -> bool:
    """Whether ``term`` ends on or before ``day``."""
    return term.period.end is not None and term.period.end <= day


def _passed_on(rule: ChairRule, body: str, steps: int) -> str | None:
    """The body ``steps`` turns on from ``body`` in the rotation (back, when negative).

    No turn, or an empty rotation (a chair that does not rotate), keeps ``body``;
    a body not in the rotation passes the chair to no one known (None).
    """
    if steps == 0 or not rule.rotation:
        return body
    try:
        place = rule.rotation.index(body)
    except ValueError:
        return None
    return rule.rotation[(place + steps) % len(rule.rotation)]


def _mandate_of(day: dt.date, convention: Convention) -> MandatePeriod | None:
    """The mandate period containing ``day``, or None outside the periods busmodel knows."""
    try:
        return MandatePeriod.containing(day, convention)
    except ModelError:
        return None


def _turns(later: MandatePeriod, earlier: MandatePeriod) -> int:
    """How many new mandate periods begin from ``earlier`` to ``later`` (negative: back)."""
    return (later.election_year - earlier.election_year) // 4


@attrs.frozen
class _Rotation:
    """What the chair of a stretch without recorded terms is derived from.

    ``before`` is the recorded term that ended last before the stretch, ``after`` the
    first that starts after it, and ``origin`` the mandate period the first body of the
    rotation chairs when no term is recorded (the one the validity starts in).
    """

    __repr__ = fields_repr

    rule: ChairRule
    convention: Convention
    origin: MandatePeriod
    before: ChairTerm | None = None
    after: ChairTerm | None = None

    def body_in(self, term: MandatePeriod) -> str | None:
        """Who chairs during ``term``: the rotation counted on from the nearest recorded term.

        From the term before, the chair passes on once at each new mandate period (and
        stays with its body for the rest of that term's own mandate period); without
        one, it is counted back from the term after; without any, the rotation's first
        body chairs in ``origin``. None where that leads to no body in the rotation.
        """
        if self.before is not None and self.before.period.end is not None:
            anchor = _mandate_of(self.before.period.end, self.convention)
            if anchor is not None:
                return _passed_on(self.rule, self.before.body, _turns(term, anchor))
        if self.after is not None:
            anchor = _mandate_of(self.after.period.start, self.convention)
            if anchor is not None:
                return _passed_on(self.rule, self.after.body, _turns(term, anchor))
        if not self.rule.rotation:
            return None
        return self.rule.rotation[_turns(term, self.origin) % len(self.rule.rotation)]

    def terms(self, first: dt.date, last: dt.date, through: dt.date) -> list[ChairTerm]:
        """Derived terms, one a mandate period, for the periods that start by ``last``.

        They cover ``first`` onwards and end at the end of their mandate period, or at
        ``through`` when that comes first. Days before the first mandate period busmodel
        knows, and periods whose body cannot be derived, get no term. At most one term
        a mandate period: about fifty up to 2199.
        """
        found: list[ChairTerm] = []
        cursor = max(first, MandatePeriod(FIRST_ELECTION, self.convention).start)
        while cursor <= last:
            term = MandatePeriod.containing(cursor, self.convention)
            end = min(term.end, through, _check.LAST_DAY)
            body = self.body_in(term)
            if body is not None:
                found.append(ChairTerm(body, Period(cursor, end)))
            if end >= _check.LAST_DAY:
                break
            cursor = end + _ONE_DAY
        return found


@attrs.frozen
class Extension:
    """The terms on which the agreement may be extended (förlängning)."""

    __repr__ = fields_repr

    years: int = attrs.field(validator=_check.in_range(1, 10))
    """Years added by each extension."""
    times: int | None = attrs.field(default=None, validator=_check.optional(_check.in_range(1, 20)))
    """How many extensions are allowed; None for no limit."""
    notice_months: int | None = attrs.field(default=None, validator=_optional_months)
    """Notice to be given before the end if the agreement is not to be extended."""


@attrs.frozen
class Validity:
    """When the agreement is in force (giltighetstid).

    The enums may be given as their values (``basis="fixed"``). The named
    constructors build the common forms, each with the basis that fits its period:

    >>> Validity.for_mandate_period(2022).period
    Period(start=datetime.date(2023, 1, 1), end=datetime.date(2026, 12, 31))
    >>> str(Validity.until_further_notice(dt.date(2018, 6, 1), notice_months=12).period)
    '2018-06-01/..'
    """

    __repr__ = fields_repr

    basis: ValidityBasis = attrs.field(converter=_basis, validator=_check.one_of(ValidityBasis))
    period: Period = attrs.field(validator=_check.instance(Period))
    convention: Convention = attrs.field(
        default=Convention.COMMITTEE, converter=_convention, validator=_check.one_of(Convention)
    )
    notice_months: int | None = attrs.field(default=None, validator=_optional_months)
    """Notice period (uppsägningstid) in months."""
    extension: Extension | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Extension))
    )
    review: Review | None = attrs.field(
        default=None, converter=_review, validator=_check.optional(_check.one_of(Review))
    )
    start_precision: Precision = attrs.field(
        default=Precision.DAY, converter=_precision, validator=_check.one_of(Precision)
    )
    """How precisely the start is known; the start is then the earliest day it may be."""

    @classmethod
    def for_mandate_period(
        cls,
        term: MandatePeriod | int,
        convention: Convention | str | None = None,
        *,
        notice_months: int | None = None,
        extension: Extension | None = None,
        review: Review | str | None = None,
    ) -> Self:
        """In force for one mandate period (gäller under mandatperioden), its first to last day.

        ``term`` is a :class:`MandatePeriod` or the year of the election that
        starts it (2022 for 2023–2026). ``convention`` says how the term is
        counted: by default the one ``term`` has, and for a year the committee
        convention. A ``term`` counted otherwise than ``convention`` says is refused.

        >>> committee = Validity.for_mandate_period(2022)
        >>> committee.basis, str(committee.period)
        (<ValidityBasis.MANDATE_PERIOD: 'mandate-period'>, '2023-01-01/2026-12-31')
        >>> str(Validity.for_mandate_period(MandatePeriod(2022, "council")).period)
        '2022-10-15/2026-10-14'
        >>> Validity.for_mandate_period(2023)
        Traceback (most recent call last):
        ...
        busmodel.ModelError: election_year: 2023 is not an election year; the nearest are 2022 and 2026
        """  # noqa: E501
        if isinstance(term, MandatePeriod):
            if convention is not None and MandatePeriod(term.election_year, convention) != term:
                raise ModelError(
                    "convention",
                    f"the mandate period {term} is counted by the {term.convention.value} "
                    f"convention, not {convention!r}",
                    sv=f"mandatperioden {term} räknas enligt konventionen "
                    f"{term.convention.value!r}, inte {convention!r}",
                )
        else:
            term = MandatePeriod(term, Convention.COMMITTEE if convention is None else convention)
        return cls(
            ValidityBasis.MANDATE_PERIOD,
            term.period,
            convention=term.convention,
            notice_months=notice_months,
            extension=extension,
            review=review,
        )

    @classmethod
    def until_further_notice(
        cls,
        start: dt.date,
        *,
        notice_months: int | None = None,
        review: Review | str | None = None,
        start_precision: Precision | str = Precision.DAY,
    ) -> Self:
        """In force from ``start`` until a party gives notice (tills vidare): an open period.

        >>> validity = Validity.until_further_notice(dt.date(2005, 1, 1), start_precision="year")
        >>> validity.basis, validity.period.is_open, validity.start_precision
        (<ValidityBasis.UNTIL_FURTHER_NOTICE: 'until-further-notice'>, True, <Precision.YEAR: 'year'>)
        """  # noqa: E501
        return cls(
            ValidityBasis.UNTIL_FURTHER_NOTICE,
            Period(start),
            notice_months=notice_months,
            review=review,
            start_precision=start_precision,
        )

    @classmethod
    def fixed(
        cls,
        start: dt.date,
        end: dt.date,
        *,
        notice_months: int | None = None,
        extension: Extension | None = None,
        review: Review | str | None = None,
        start_precision: Precision | str = Precision.DAY,
    ) -> Self:
        """In force between two stated dates, both included.

        >>> str(Validity.fixed(dt.date(2023, 1, 1), dt.date(2024, 12, 31)).period)
        '2023-01-01/2024-12-31'
        """
        return cls(
            ValidityBasis.FIXED,
            Period(start, end),
            notice_months=notice_months,
            extension=extension,
            review=review,
            start_precision=start_precision,
        )

    @classmethod
    def from_signing(
        cls,
        signed: dt.date,
        end: dt.date,
        *,
        notice_months: int | None = None,
        extension: Extension | None = None,
        review: Review | str | None = None,
        start_precision: Precision | str = Precision.DAY,
    ) -> Self:
        """In force from signing (gäller från undertecknandet) to a stated ``end``.

        ``signed`` is the day the last party signed or adopted the agreement,
        which is when it comes into force; validation checks it against the
        signatures and adoptions (VAL008).

        >>> validity = Validity.from_signing(dt.date(2021, 3, 22), dt.date(2022, 12, 31))
        >>> validity.basis, str(validity.period)
        (<ValidityBasis.FROM_SIGNING: 'from-signing'>, '2021-03-22/2022-12-31')
        """
        return cls(
            ValidityBasis.FROM_SIGNING,
            Period(signed, end),
            notice_months=notice_months,
            extension=extension,
            review=review,
            start_precision=start_precision,
        )

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

    __repr__ = fields_repr

    body: str = attrs.field(validator=_check.identifier)
    date: dt.date = attrs.field(validator=_date)
    name: str | None = attrs.field(default=None, validator=_check.optional_text)
    """The signatory, when the text names one: a signature is the body's."""
    title: str | None = attrs.field(default=None, validator=_check.optional_text)
    place: str | None = attrs.field(default=None, validator=_check.optional_text)


@attrs.frozen
class Exemption:
    """A reasoned exemption from a validation rule, carried by the document itself.

    ``code`` is a rule code (``SIG006``), a prefix of codes (``SIG``) or a
    rule's symbolic name (``every-party-signs``: lowercase words joined by
    ``-``). A lone lowercase word of up to five letters, optionally followed by
    digits (``sig``, ``sig006``), reads as a code in the wrong case and is refused.

    ``path`` narrows the exemption to one place: a JSON Pointer (``/signatures/0``),
    optionally qualified by the name of another document, a lowercase word and
    ``:`` (``records:/meetings/3/date``). The model only checks the form; which
    names mean something is for the validation layer to say (today ``records``).

    >>> Exemption("every-party-signs", "Antogs av fullmäktige.", "/parties/2").code
    'every-party-signs'
    """

    __repr__ = fields_repr

    code: str = attrs.field()
    reason: str = attrs.field(validator=_check.text)
    path: str | None = attrs.field(default=None)

    @code.validator
    def _check_code(self, _: attrs.Attribute[str], value: str) -> None:
        if isinstance(value, str) and (
            _CODE_PREFIX.fullmatch(value)
            or (_RULE_NAME.fullmatch(value) and not _LOWERCASE_CODE.fullmatch(value))
        ):
            return
        if isinstance(value, str) and _LOWERCASE_CODE.fullmatch(value):
            raise ModelError(
                "code",
                f"{value!r} is not a rule code or prefix, like 'SIG' or 'SIG006'",
                sv=f"{value!r} är ingen regelkod eller början på en, som 'SIG' eller 'SIG006'",
            )
        raise ModelError(
            "code",
            f"{value!r} is neither a rule code or prefix, like 'SIG' or 'SIG006', "
            "nor a rule's name, like 'every-party-signs'",
            sv=f"{value!r} är varken en regelkod eller början på en, som 'SIG' eller 'SIG006', "
            "eller namnet på en regel, som 'every-party-signs'",
        )

    @path.validator
    def _check_path(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if value is None:
            return
        if not (isinstance(value, str) and _POINTER.fullmatch(value)):
            raise ModelError(
                "path",
                f"{value!r} is not a path into the document, like '/signatures/0'",
                sv=f"{value!r} är ingen sökväg i dokumentet, som '/signatures/0'",
            )
        _check.plain("path", value)


class _Lookups:
    """Room for the id indexes an agreement builds on its first lookup.

    A slot, not an attrs field: the indexes are derived from the fields, so they
    take no part in construction, ``==``, hashing, ``repr``, pickling or the
    document format, and a copy builds its own when first asked.
    """

    __slots__ = ("_by_id",)
    _by_id: tuple[dict[str, Body], dict[str, Forum]]


# The tuple converters below (and _terms) are alike on purpose, one for each kind of item:
# mypy's attrs plugin types a field's __init__ parameter only from a named, non-generic
# converter; the generic _check.to_tuple gives Iterable[T], and an alias of it is refused.
def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _municipalities(value: Iterable[Municipality]) -> tuple[Municipality, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _decisions(value: Iterable[Decision]) -> tuple[Decision, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _bodies(value: Iterable[Body]) -> tuple[Body, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _forums(value: Iterable[Forum]) -> tuple[Forum, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _signatures(value: Iterable[Signature]) -> tuple[Signature, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _adoptions(value: Iterable[Adoption]) -> tuple[Adoption, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


def _exemptions(value: Iterable[Exemption]) -> tuple[Exemption, ...]:
    return value if type(value) is tuple else _check.to_tuple(value)


_REPR_WIDTH = 120
"""The width an agreement's ``repr`` aims for: one line on a screen."""
_REPR_TITLE_ROOM = 12
"""The fewest characters of the title the ``repr`` shows, however long the rest."""


@attrs.frozen(kw_only=True)
class Agreement(_Lookups):
    """A collaboration agreement, a framework that agreements implement, or an extension.

    Bodies are declared once in ``bodies`` and referred to by id everywhere
    else: ``parties`` assent (by a signature or an adoption decision),
    ``participants`` take part without assenting.

    Every collection may be given as a list or any other ordered iterable, and
    ``kind`` as its value; both are stored as the model holds them:

    >>> bus = Agreement(id="bus", title="BUS", kind="framework", parties=["bun", "sn"])
    >>> bus.kind, bus.parties
    (<AgreementKind.FRAMEWORK: 'framework'>, ('bun', 'sn'))

    Its ``repr`` is a one-line summary, not a constructor call: the id, the
    kind unless it is a plain agreement (and ``draft`` for a draft), the title
    (shortened with ``…`` to keep the line within about 120 characters), the
    validity period, and how many bodies, forums, signatures and adoptions it
    holds (those it has; "no signatures" when it has neither kind of assent).
    A full constructor call runs to pages for a real agreement and buries what
    it is; a shortened one would look like a call but not be one, so the summary
    takes the ``<...>`` form Python uses for a repr that cannot be evaluated.
    Compare agreements with ``==``; see one whole with ``busmodel.dumps``.

    >>> bus
    <Agreement 'bus' (framework) 'BUS' no validity, 0 bodies, no signatures>
    """

    id: str = attrs.field(validator=_check.identifier)
    title: str = attrs.field(validator=_check.text)
    kind: AgreementKind = attrs.field(
        default=AgreementKind.AGREEMENT,
        converter=_agreement_kind,
        validator=_check.one_of(AgreementKind),
    )
    state: DocumentState = attrs.field(
        default=DocumentState.FINAL,
        converter=_document_state,
        validator=_check.one_of(DocumentState),
    )
    """A draft (utkast) needs no assent yet; a final document is the one signed or adopted."""
    municipality: Municipality | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Municipality))
    )
    region: str | None = attrs.field(default=None, validator=_check.optional_text)
    document_date: dt.date | None = attrs.field(default=None, validator=_optional_date)
    case_officer: Person | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Person))
    )
    contacts: tuple[Person, ...] = attrs.field(
        default=(), converter=_people, validator=_check.tuple_of(_check.instance(Person))
    )
    purpose: str | None = attrs.field(default=None, validator=_check.optional_text)
    principles: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.text)
    )
    framework: str | None = attrs.field(default=None, validator=_check.optional_identifier)
    extends: str | None = attrs.field(default=None, validator=_check.optional_identifier)
    """For an extension document: the id of the agreement it extends."""
    supersedes: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.identifier)
    )
    members: tuple[Municipality, ...] = attrs.field(
        default=(),
        converter=_municipalities,
        validator=_check.tuple_of(_check.instance(Municipality)),
    )
    """For a framework: the municipalities it covers."""
    decisions: tuple[Decision, ...] = attrs.field(
        default=(), converter=_decisions, validator=_check.tuple_of(_check.instance(Decision))
    )
    bodies: tuple[Body, ...] = attrs.field(
        default=(), converter=_bodies, validator=_check.tuple_of(_check.instance(Body))
    )
    parties: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.identifier)
    )
    participants: tuple[str, ...] = attrs.field(
        default=(), converter=_check.strs, validator=_check.tuple_of(_check.identifier)
    )
    forums: tuple[Forum, ...] = attrs.field(
        default=(), converter=_forums, validator=_check.tuple_of(_check.instance(Forum))
    )
    chair: ChairRule | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(ChairRule))
    )
    validity: Validity | None = attrs.field(
        default=None, validator=_check.optional(_check.instance(Validity))
    )
    signatures: tuple[Signature, ...] = attrs.field(
        default=(), converter=_signatures, validator=_check.tuple_of(_check.instance(Signature))
    )
    adoptions: tuple[Adoption, ...] = attrs.field(
        default=(), converter=_adoptions, validator=_check.tuple_of(_check.instance(Adoption))
    )
    """Assent by decision, for parties that adopt rather than sign."""
    exemptions: tuple[Exemption, ...] = attrs.field(
        default=(), converter=_exemptions, validator=_check.tuple_of(_check.instance(Exemption))
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

    def __repr__(self) -> str:
        """``<Agreement 'id' (kind) 'title' start/end, N bodies, N forums, N signatures>``."""
        labels = [] if self.kind is AgreementKind.AGREEMENT else [self.kind.value]
        if self.state is DocumentState.DRAFT:
            labels.append(self.state.value)
        kind = f" ({', '.join(labels)})" if labels else ""
        span = "no validity" if self.validity is None else str(self.validity.period)
        counts = [counted(len(self.bodies), "body", "bodies")]
        if self.forums:
            counts.append(counted(len(self.forums), "forum"))
        if self.signatures:
            counts.append(counted(len(self.signatures), "signature"))
        if self.adoptions:
            counts.append(counted(len(self.adoptions), "adoption"))
        if not (self.signatures or self.adoptions):
            counts.append("no signatures")
        head = f"<Agreement {self.id!r}{kind} "
        rest = f" {span}, {', '.join(counts)}>"
        room = max(_REPR_TITLE_ROOM, _REPR_WIDTH - len(head) - len(rest))
        title = repr(shortened(self.title, room - 2))
        while len(title) > room and room > _REPR_TITLE_ROOM:  # escapes made it longer
            room = max(_REPR_TITLE_ROOM, room - (len(title) - room))
            title = repr(shortened(self.title, room - 2))
        return f"{head}{title}{rest}"

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

    def name_of(self, body_id: str) -> str:
        """The name of the body ``body_id``, or the id itself when no body has it.

        >>> from busmodel import Body
        >>> sn = Body("sn", "Socialnämnden", "committee")
        >>> bus = Agreement(id="bus", title="BUS", bodies=[sn])
        >>> bus.name_of("sn"), bus.name_of("kfn")
        ('Socialnämnden', 'kfn')
        """
        body = self.body(body_id)
        return body_id if body is None else body.name

    @property
    def final(self) -> bool:
        """Whether the document is final: not a draft (a draft binds no one yet)."""
        return self.state is DocumentState.FINAL

    def in_force(self, on: dt.date) -> bool:
        """Whether the agreement is in force on ``on`` (False without a validity, or a draft).

        Within its own validity only: extension documents are other documents, and
        :func:`busmodel.status` follows them through a registry. A draft is in force
        on no day: it has not been signed or adopted.

        >>> bus = Agreement(id="bus", title="BUS", validity=Validity.for_mandate_period(2022))
        >>> bus.in_force(dt.date(2026, 12, 31)), bus.in_force(dt.date(2027, 1, 1))
        (True, False)
        """
        return self.final and self.validity is not None and self.validity.period.contains(on)

    def chair_on(self, on: dt.date) -> str | None:
        """The id of the body that chairs on ``on``: recorded, else derived from the rotation.

        A recorded term that covers ``on`` decides; otherwise the rotation does, as
        :meth:`chair_schedule` continues it. None outside the agreement's validity, without
        a chair rule, or where no body can be derived. A draft has the chair it plans.
        (The field ``chair`` holds the rule, so the question is asked as ``chair_on``.)

        >>> rule = ChairRule(("bun", "sn"), (ChairTerm("bun", Period(dt.date(2023, 1, 1))),))
        >>> bus = Agreement(id="bus", title="BUS", chair=rule,
        ...                 validity=Validity.for_mandate_period(2022))
        >>> bus.chair_on(dt.date(2025, 5, 1)), bus.chair_on(dt.date(2027, 5, 1))
        ('bun', None)
        """
        rule = self.chair
        if rule is None or self.validity is None or not self.validity.period.contains(on):
            return None
        recorded = rule.chair_on(on)
        if recorded is not None:
            return recorded
        for term in self.chair_schedule(on):
            if term.period.contains(on):
                return term.body
        return None

    def chair_schedule(self, until: dt.date) -> tuple[ChairTerm, ...]:
        """The chair terms from the start of the validity through ``until``, in order.

        The recorded terms as they stand, and between and after them terms derived
        from the rotation, one a mandate period (counted by the validity's
        convention): from the recorded term before, the chair passes to the next body
        in the rotation at each new mandate period (see :meth:`ChairRule.next_after`);
        before the first recorded term it is counted back from it; with no term
        recorded, the first body of the rotation chairs the mandate period the
        validity starts in. An empty rotation keeps the chair where it is. The
        schedule runs on past the validity's end into later mandate periods, as
        planning a successor needs, and holds every term that starts by ``until``,
        whole. Empty without a chair rule or a validity, or for an ``until`` before
        the start. At most one term a mandate period besides the recorded ones.

        >>> rule = ChairRule(("bun", "sn", "kun"),
        ...                  (ChairTerm("bun", Period(dt.date(2023, 1, 1), dt.date(2026, 12, 31))),))
        >>> bus = Agreement(id="bus", title="BUS", chair=rule,
        ...                 validity=Validity.for_mandate_period(2022))
        >>> [(t.body, str(t.period)) for t in bus.chair_schedule(dt.date(2031, 1, 1))]
        [('bun', '2023-01-01/2026-12-31'), ('sn', '2027-01-01/2030-12-31'), ('kun', '2031-01-01/2034-12-31')]
        """  # noqa: E501
        rule, validity = self.chair, self.validity
        if rule is None or validity is None:
            return ()
        start, last = validity.period.start, min(until, _check.LAST_DAY)
        if last < start:
            return ()
        convention = validity.convention
        origin = _mandate_of(start, convention) or MandatePeriod(FIRST_ELECTION, convention)
        rotation = _Rotation(rule, convention, origin)
        schedule: list[ChairTerm] = []
        cursor = start  # the first day no term is scheduled for yet
        for term in sorted(rule.terms, key=_by_period):
            period = term.period
            if period.end is not None and period.end < cursor:  # over before: an anchor
                if rotation.before is None or _ends_by(rotation.before, period.end):
                    rotation = attrs.evolve(rotation, before=term)
                continue
            if period.start > last:
                rotation = attrs.evolve(rotation, after=term)
                break
            if period.start > cursor:
                gap = attrs.evolve(rotation, after=term)
                last_free = period.start - _ONE_DAY
                schedule += gap.terms(cursor, last_free, last_free)
            schedule.append(term)
            if period.end is None or period.end >= _check.LAST_DAY:
                return tuple(schedule)
            cursor = period.end + _ONE_DAY
            rotation = attrs.evolve(rotation, before=term)
        if cursor <= last:
            after = rotation.after
            through = _check.LAST_DAY if after is None else after.period.start - _ONE_DAY
            schedule += rotation.terms(cursor, last, through)
        return tuple(schedule)
