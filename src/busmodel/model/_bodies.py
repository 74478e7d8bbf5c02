"""The bodies that take part in a collaboration, and the people named in it."""

from __future__ import annotations

import enum
import re

import attrs

from busmodel.model import _check
from busmodel.model._errors import ModelError
from busmodel.model._text import fields_repr

__all__ = ["Body", "BodyKind", "Municipality", "Person"]

_CODE = re.compile(r"[0-9]{4}")


class BodyKind(enum.Enum):
    """What kind of organisation a body is."""

    MUNICIPALITY = "municipality"
    """A municipality as a whole, as a legal person: "Lerums kommun" (with its kommunkod)."""
    COUNCIL = "council"
    """Kommunfullmäktige, the municipal assembly."""
    EXECUTIVE_BOARD = "executive-board"
    """Kommunstyrelsen."""
    COMMITTEE = "committee"
    """A nämnd: a political body with a chair."""
    ADMINISTRATION = "administration"
    """A förvaltning, the officials' organisation under a committee."""
    REGION = "region"
    """A region as a whole, such as Västra Götalandsregionen (formerly a landsting)."""
    REGIONAL_BODY = "regional-body"
    """A body of a region: primary care, dental care, child psychiatry, HSN."""
    STATE_AGENCY = "state-agency"
    """The police, Försäkringskassan, Arbetsförmedlingen."""
    ASSOCIATION = "association"
    """A samordningsförbund (Finsam) or another association."""
    COMPANY = "company"
    """A company, such as a municipal housing company."""
    SCHOOL = "school"
    """A school or school area."""
    GROUP = "group"
    """A group of people, such as the pupils of Elev-BUS."""
    OTHER = "other"
    """Anything else."""


def _kind(value: BodyKind | str) -> BodyKind:
    """A body kind, given as the member or as its value (``"committee"``)."""
    return value if type(value) is BodyKind else _check.member(BodyKind, value)


@attrs.frozen
class Body:
    """An organisation that takes part in a collaboration, declared once by ``id``.

    ``part_of`` is the id of the body it belongs to: an administration under its
    committee, a regional body under its region. ``kind`` is a :class:`BodyKind`
    or its value.

    >>> Body("bun", "Barn- och ungdomsnämnden", BodyKind.COMMITTEE)
    Body(id='bun', name='Barn- och ungdomsnämnden', kind=<BodyKind.COMMITTEE: 'committee'>, part_of=None, code=None)
    >>> Body("bun", "Barn- och ungdomsnämnden", "committee").kind
    <BodyKind.COMMITTEE: 'committee'>
    """  # noqa: E501

    __repr__ = fields_repr

    id: str = attrs.field(validator=_check.identifier)
    name: str = attrs.field(validator=_check.text)
    kind: BodyKind = attrs.field(converter=_kind, validator=_check.one_of(BodyKind))
    part_of: str | None = attrs.field(default=None, validator=_check.optional_identifier)
    code: str | None = attrs.field(default=None)
    """For a municipality as a whole: its four-digit municipality code (kommunkod)."""

    @code.validator
    def _check_code(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if value is None:
            return
        if not (isinstance(value, str) and _CODE.fullmatch(value)):
            raise ModelError(
                "code",
                f"{value!r} is not a four-digit municipality code",
                sv=f"{value!r} är ingen fyrsiffrig kommunkod",
            )
        if self.kind is not BodyKind.MUNICIPALITY:
            raise ModelError(
                "code",
                "only a municipality as a whole (kind 'municipality') has a kommunkod",
                sv="bara en kommun som helhet (kind 'municipality') har en kommunkod",
            )

    def __attrs_post_init__(self) -> None:
        if self.part_of == self.id:
            raise ModelError(
                "part_of",
                f"body {self.id!r} cannot be part of itself",
                sv=f"organet {self.id!r} kan inte vara en del av sig självt",
            )

    @property
    def municipality(self) -> Municipality | None:
        """The municipality this body is, when it is a municipality as a whole.

        >>> Body("lerum", "Lerums kommun", BodyKind.MUNICIPALITY, code="1441").municipality
        Municipality(name='Lerums kommun', code='1441', body='lerum')
        """
        if self.kind is not BodyKind.MUNICIPALITY:
            return None
        return Municipality(self.name, self.code, body=self.id)


@attrs.frozen
class Person:
    """A named person: a case officer, a contact, a signatory."""

    __repr__ = fields_repr

    name: str = attrs.field(validator=_check.text)
    title: str | None = attrs.field(default=None, validator=_check.optional_text)
    email: str | None = attrs.field(default=None, validator=_check.optional_text)
    phone: str | None = attrs.field(default=None, validator=_check.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.email is not None and "@" not in self.email:
            raise ModelError(
                "email",
                f"{self.email!r} is not an e-mail address",
                sv=f"{self.email!r} är ingen e-postadress",
            )


@attrs.frozen
class Municipality:
    """A municipality, with its four-digit municipality code (kommunkod) when known.

    >>> Municipality("Alingsås", "1489").county
    '14'
    """

    __repr__ = fields_repr

    name: str = attrs.field(validator=_check.text)
    code: str | None = attrs.field(default=None)
    body: str | None = attrs.field(default=None, validator=_check.optional_identifier)
    """The id of the body that is this municipality as a party, when it acts in the agreement."""

    @code.validator
    def _check_code(self, _: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not (isinstance(value, str) and _CODE.fullmatch(value)):
            raise ModelError(
                "code",
                f"{value!r} is not a four-digit municipality code",
                sv=f"{value!r} är ingen fyrsiffrig kommunkod",
            )

    @property
    def county(self) -> str | None:
        """The county code (länskod): the first two digits of the code."""
        return None if self.code is None else self.code[:2]
