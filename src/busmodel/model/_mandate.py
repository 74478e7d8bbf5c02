"""Swedish election days and mandate periods.

Sources:

* Vallagen (2005:837), 1 kap. 3 §: ordinary elections to the Riksdag, the
  regional and the municipal councils are held on the same day every fourth
  year, on the second Sunday of September from the 2014 election on; the
  elections of 1994-2010 were held on the third Sunday of September.
* Kommunallagen (2017:725), 5 kap. 9 §: the council's members are elected for
  four years from 15 October of the election year (the *council* convention).
* Kommunallagen (2017:725), 6 kap. 18 §: the executive board's members are
  elected for four years from 1 January of the year after the election year,
  and the council sets the terms of the other committees, which by custom
  follow the board (the *committee* convention). This is how the seed
  agreements count their mandate period (2023-01-01 to 2026-12-31).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Self

import attrs

from busmodel.model._check import LAST_DAY
from busmodel.model._errors import ModelError
from busmodel.model._period import Period
from busmodel.model._text import fields_repr

__all__ = ["Convention", "MandatePeriod", "election_day", "mandate_period"]

FIRST_ELECTION = 1994
"""The first election of the four-year cycle (SFS 1994:1) that this module knows."""
LAST_ELECTION = 2198
"""The last election whose term starts by 2199-12-31, the last day a document may name."""
_SECOND_SUNDAY_FROM = 2014
_SUNDAY = 6


class Convention(enum.Enum):
    """How a mandate period is counted."""

    COMMITTEE = "committee"
    """1 January after the election year to 31 December four years later."""
    COUNCIL = "council"
    """15 October of the election year to 14 October four years later."""


def _convention(value: Convention | str) -> Convention:
    try:
        return Convention(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in Convention)
        raise ModelError(
            "convention",
            f"{value!r} is not one of {choices}",
            sv=f"{value!r} är inte något av {choices}",
        ) from None


def _nth_sunday_of_september(year: int, n: int) -> dt.date:
    first = dt.date(year, 9, 1)
    first_sunday = first + dt.timedelta(days=(_SUNDAY - first.weekday()) % 7)
    return first_sunday + dt.timedelta(weeks=n - 1)


def is_election_year(year: int) -> bool:
    """Whether ``year`` had (or will have) an ordinary general election.

    >>> is_election_year(2022), is_election_year(2023)
    (True, False)
    """
    return year >= FIRST_ELECTION and (year - FIRST_ELECTION) % 4 == 0


def election_day(year: int) -> dt.date:
    """The day of the ordinary general election held in ``year``.

    The second Sunday of September from 2014 on, the third Sunday of September
    for 1994-2010 (vallagen 1 kap. 3 §).

    >>> election_day(2022)
    datetime.date(2022, 9, 11)
    >>> election_day(2010)
    datetime.date(2010, 9, 19)
    >>> election_day(2023)
    Traceback (most recent call last):
    ...
    busmodel.ModelError: year: 2023 is not an election year; the nearest are 2022 and 2026
    """
    if year < FIRST_ELECTION:
        raise ModelError(
            "year",
            f"{year} is before {FIRST_ELECTION}, the first election of the four-year cycle "
            "that busmodel knows",
            sv=f"{year} är före {FIRST_ELECTION}, det första valet i den fyraåriga cykel "
            "som busmodel känner till",
        )
    if year > LAST_ELECTION:
        raise ModelError(
            "year",
            f"{year} is after {LAST_ELECTION}; busmodel knows the elections of "
            f"{FIRST_ELECTION} to {LAST_ELECTION}, whose terms start by {LAST_DAY}",
            sv=f"{year} är efter {LAST_ELECTION}; busmodel känner till valen {FIRST_ELECTION} "
            f"till {LAST_ELECTION}, vars mandatperioder börjar senast {LAST_DAY}",
        )
    if not is_election_year(year):
        before = year - (year - FIRST_ELECTION) % 4
        raise ModelError(
            "year",
            f"{year} is not an election year; the nearest are {before} and {before + 4}",
            sv=f"{year} är inget valår; de närmaste är {before} och {before + 4}",
        )
    return _nth_sunday_of_september(year, 2 if year >= _SECOND_SUNDAY_FROM else 3)


@attrs.frozen(order=True)
class MandatePeriod:
    """The four-year term that follows the general election of ``election_year``.

    >>> term = MandatePeriod(2022)
    >>> str(term), term.start, term.end
    ('2023–2026', datetime.date(2023, 1, 1), datetime.date(2026, 12, 31))
    >>> term.next().period
    Period(start=datetime.date(2027, 1, 1), end=datetime.date(2030, 12, 31))
    >>> MandatePeriod(2022, Convention.COUNCIL).period
    Period(start=datetime.date(2022, 10, 15), end=datetime.date(2026, 10, 14))
    """

    __repr__ = fields_repr

    election_year: int = attrs.field()
    convention: Convention = attrs.field(
        default=Convention.COMMITTEE, converter=_convention, order=False
    )

    @election_year.validator
    def _check_election_year(self, _: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            got = type(value).__name__
            raise ModelError(
                "election_year", f"expected int, got {got}", sv=f"förväntade int, fick {got}"
            )
        try:
            election_day(value)  # raises for a year without an election
        except ModelError as error:
            raise ModelError("election_year", error.message, sv=error.sv) from None

    @property
    def start(self) -> dt.date:
        """The first day of the term."""
        if self.convention is Convention.COUNCIL:
            return dt.date(self.election_year, 10, 15)
        return dt.date(self.election_year + 1, 1, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the term (for the 2198 election, a day after 2199)."""
        if self.convention is Convention.COUNCIL:
            return dt.date(self.election_year + 4, 10, 14)
        return dt.date(self.election_year + 4, 12, 31)

    @property
    def period(self) -> Period:
        """The term as a :class:`Period` (for terms that end by 2199, as a Period must)."""
        return Period(self.start, self.end)

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` lies within the term."""
        return self.start <= day <= self.end

    def next(self) -> Self:
        """The following term, under the same convention."""
        return type(self)(self.election_year + 4, self.convention)

    def previous(self) -> Self:
        """The preceding term, under the same convention."""
        return type(self)(self.election_year - 4, self.convention)

    @classmethod
    def containing(cls, day: dt.date, convention: Convention | str = "committee") -> Self:
        """The term that contains ``day``."""
        convention = _convention(convention)
        if day > LAST_DAY:
            raise ModelError(
                "on",
                f"{day} is after {LAST_DAY}, the last day busmodel supports",
                sv=f"{day} är efter {LAST_DAY}, den sista dag som busmodel hanterar",
            )
        year = day.year - 1 if convention is Convention.COMMITTEE else day.year
        if convention is Convention.COUNCIL and day < dt.date(day.year, 10, 15):
            year -= 1
        election_year = year - (year - FIRST_ELECTION) % 4
        if election_year < FIRST_ELECTION:
            first = cls(FIRST_ELECTION, convention)
            raise ModelError(
                "on",
                f"{day} is before the first mandate period known ({first})",
                sv=f"{day} är före den första kända mandatperioden ({first})",
            )
        return cls(election_year, convention)

    def __str__(self) -> str:
        """Render the term as its calendar years, ``2023–2026``."""
        return f"{self.start.year}–{self.end.year}"


def mandate_period(on: dt.date, convention: Convention | str = "committee") -> MandatePeriod:
    """The mandate period that contains the date ``on``.

    >>> str(mandate_period(dt.date(2026, 11, 22)))
    '2023–2026'
    >>> mandate_period(dt.date(2026, 11, 22), "council").period
    Period(start=datetime.date(2026, 10, 15), end=datetime.date(2030, 10, 14))
    """
    return MandatePeriod.containing(on, convention)
