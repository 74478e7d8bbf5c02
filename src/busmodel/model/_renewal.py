"""Renewal: a draft successor for the next period, or a draft extension document.

An agreement tied to the mandate period ends with it and must be renewed: the
parties draw up the same agreement for the next mandate period, with the chair
passed on along the rotation, and sign or adopt it again. An agreement with an
extension clause ("med möjlighet till förlängning med två år i taget") may
instead be extended by a short document of its own. Both start as a draft
(utkast): :func:`renew` and :func:`extend` write that draft, and nothing here
reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final

import attrs

from busmodel.model._agreement import (
    Agreement,
    AgreementKind,
    ChairRule,
    ChairTerm,
    DocumentState,
    Exemption,
    Precision,
    Validity,
    ValidityBasis,
)
from busmodel.model._errors import ModelError
from busmodel.model._lifetime import Extensions, prolonged
from busmodel.model._mandate import MandatePeriod
from busmodel.model._period import Period

__all__ = ["extend", "renew", "renewed_id", "renewed_title"]

_ONE_DAY: Final = dt.timedelta(days=1)
_YEARS: Final = range(1900, 2200)
"""The years a document may name; a run of four digits outside them is not a year."""
_DASHES: Final = "-–—"
_REPLACED: Final = (
    "/id",
    "/title",
    "/state",
    "/document_date",
    "/supersedes",
    "/extends",
    "/validity/period",
    "/validity/start_precision",
    "/chair/terms",
    "/signatures",
    "/adoptions",
)
"""The places :func:`renew` writes anew: an exemption there was about the old text."""


def _refused(field: str, en: str, sv: str) -> ModelError:
    return ModelError(field, en, sv=sv)


def _in_force(extensions: Iterable[Agreement]) -> tuple[Agreement, ...]:
    """The final extension documents among ``extensions``: a draft extends nothing yet."""
    return tuple(each for each in extensions if each.state is DocumentState.FINAL)


def _extensions(agreement: Agreement, registry: Extensions | None) -> tuple[Agreement, ...]:
    if registry is None:
        return ()
    return _in_force(registry.extensions_of(agreement.id))


def _renewable(agreement: Agreement, what: str) -> Validity:
    """The agreement's validity, which has an end, or why it cannot be renewed or extended."""
    verb = {"renew": ("renewed", "förnyas"), "extend": ("extended", "förlängas")}[what]
    if agreement.kind is AgreementKind.EXTENSION:
        raise _refused(
            "kind",
            f"{agreement.id!r} is an extension document: it is not {verb[0]} itself; "
            f"{what} the agreement it extends, {agreement.extends!r}",
            f"{agreement.id!r} är en förlängning och kan inte själv {verb[1]}; "
            f"{'förnya' if what == 'renew' else 'förläng'} överenskommelsen den förlänger, "
            f"{agreement.extends!r}",
        )
    validity = agreement.validity
    if validity is None:
        raise _refused(
            "validity",
            f"{agreement.id!r} states no validity, so there is no end to follow on from",
            f"{agreement.id!r} anger ingen giltighetstid, så det finns inget slut att ta vid efter",
        )
    if validity.basis is ValidityBasis.UNTIL_FURTHER_NOTICE:
        raise _refused(
            "validity",
            f"{agreement.id!r} is in force until further notice (tills vidare): it runs on "
            f"until a party gives notice, so it is neither renewed nor extended",
            f"{agreement.id!r} gäller tills vidare: den löper tills en part säger upp den, "
            f"så den varken förnyas eller förlängs",
        )
    if validity.period.end is None:
        raise _refused(
            "validity",
            f"{agreement.id!r} has a validity without an end, so there is no end to follow on from",
            f"{agreement.id!r} har en giltighetstid utan slutdatum, så det finns inget slut "
            f"att ta vid efter",
        )
    return validity


def _effective_end(agreement: Agreement, registry: Extensions | None) -> dt.date:
    """The end of the agreement's validity prolonged through its final extension documents."""
    assert agreement.validity is not None
    period, followed = prolonged(agreement.validity.period, _extensions(agreement, registry))
    if period.end is None:
        last = followed[-1].id if followed else agreement.id
        raise _refused(
            "validity",
            f"{agreement.id!r} runs on until further notice through its extension {last!r}: "
            "there is no end to follow on from",
            f"{agreement.id!r} gäller tills vidare genom sin förlängning {last!r}: det finns "
            "inget slut att ta vid efter",
        )
    return period.end


def _successor_period(validity: Validity, after: dt.date) -> Period:
    """The next period of the same kind, from the day after ``after``.

    A mandate period is followed by the first mandate period (by the same convention)
    that starts after ``after``; any other period by one of the same length in years,
    months and days.
    """
    from dateutil.relativedelta import relativedelta

    start = after + _ONE_DAY
    if validity.basis is ValidityBasis.MANDATE_PERIOD:
        term = MandatePeriod.containing(start, validity.convention)
        if term.start < start:
            term = term.next()
        return term.period
    own = validity.period
    assert own.end is not None
    length = relativedelta(own.end + _ONE_DAY, own.start)
    return Period(start, start + length - _ONE_DAY)


def _year_pattern(year: int) -> str:
    return rf"(?<![0-9]){year}(?![0-9])"


def renewed_title(title: str, old: Period, new: Period) -> str:
    """``title`` with the years of ``old`` replaced by those of ``new``, where it names them.

    A span of years (``2011–2014``, ``2011-2014``) becomes the new span, keeping its
    dash; otherwise the start year alone becomes the new start year. A title that
    names neither stays as it is.

    >>> old = Period(dt.date(2011, 1, 1), dt.date(2014, 12, 31))
    >>> new = Period(dt.date(2015, 1, 1), dt.date(2018, 12, 31))
    >>> renewed_title("Riktlinjer för samverkan 2011–2014", old, new)
    'Riktlinjer för samverkan 2015–2018'
    >>> renewed_title("BUS 2011", old, new), renewed_title("BUS", old, new)
    ('BUS 2015', 'BUS')
    """
    first, last = old.start.year, old.end.year if old.end is not None else None
    new_first = new.start.year
    new_last = new.end.year if new.end is not None else new_first
    if last is not None and last != first:
        span = re.compile(_year_pattern(first) + rf"(\s*[{_DASHES}]\s*)" + _year_pattern(last))
        if span.search(title):
            return span.sub(lambda found: f"{new_first}{found[1]}{new_last}", title)
    return re.sub(_year_pattern(first), str(new_first), title)


_SEPARATOR: Final = re.compile(r"([-_])")


def renewed_id(agreement_id: str, old: Period, new: Period) -> str:
    """An id for the successor: the old one with the new start year in it.

    The old span of years, as parts of the id between ``-`` or ``_``
    (``riktlinjer-2011-2014``), becomes the new span, and else the old start year
    (``alingsas-bus-2023``) the new one; otherwise a year that ends the id is
    replaced, and an id without one gets the new start year added.

    >>> old = Period(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
    >>> new = Period(dt.date(2027, 1, 1), dt.date(2030, 12, 31))
    >>> renewed_id("alingsas-bus-2023", old, new), renewed_id("partille-bus", old, new)
    ('alingsas-bus-2027', 'partille-bus-2027')
    >>> renewed_id("bus-2023-2026", old, new), renewed_id("bus-2019", old, new)
    ('bus-2027-2030', 'bus-2027')
    """
    first, new_first = str(old.start.year), str(new.start.year)
    last = first if old.end is None else str(old.end.year)
    new_last = new_first if new.end is None else str(new.end.year)
    pieces = _SEPARATOR.split(agreement_id)  # parts at even places, separators between
    parts = range(0, len(pieces), 2)
    spans = [i for i in parts[:-1] if (pieces[i], pieces[i + 2]) == (first, last)]
    if spans and first != last:
        pieces[spans[-1]], pieces[spans[-1] + 2] = new_first, new_last
    elif first in pieces[::2]:
        pieces[max(i for i in parts if pieces[i] == first)] = new_first
    elif _is_year(pieces[-1]):
        pieces[-1] = new_first
    else:
        pieces.append(f"-{new_first}")
    return _distinct("".join(pieces), agreement_id, new_first)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isascii() and text.isdigit() and int(text) in _YEARS


def _distinct(made: str, old: str, year: str) -> str:
    """``made``, unless it is the old id again: then the old id with the year added."""
    return made if made != old else f"{old}-{year}"


def _next_chair(chair: ChairRule, body: str | None, allowed: set[str]) -> str | None:
    """The body after ``body`` in the rotation that may chair, going round; None if none may.

    A body that is not in the rotation is followed by the rotation's first that may
    chair. An empty rotation does not rotate: ``body`` goes on chairing.
    """
    if not chair.rotation:
        return body
    if body is None or body not in chair.rotation:
        return next((each for each in chair.rotation if each in allowed), None)
    following = body
    for _ in chair.rotation:
        following = chair.next_after(following)
        if following in allowed:
            return following
    return None


def _chair_at_end(agreement: Agreement, end: dt.date) -> str | None:
    """The body that chairs on ``end``: recorded, else derived from the rotation, if known.

    ``end`` may lie past the agreement's own validity (through its extensions): the
    chair schedule runs on into later mandate periods.
    """
    for term in reversed(agreement.chair_schedule(end)):
        if term.period.contains(end):
            return term.body
    return None


def _successor_chair(agreement: Agreement, end: dt.date, period: Period) -> ChairRule | None:
    """The chair rule carried over, with the next body of the rotation chairing ``period``."""
    chair = agreement.chair
    if chair is None:
        return None
    allowed = {*agreement.parties, *chair.may_chair}
    body = _next_chair(chair, _chair_at_end(agreement, end), allowed)
    terms = () if body is None else (ChairTerm(body, period),)
    return attrs.evolve(chair, terms=terms)


def _kept(exemptions: tuple[Exemption, ...]) -> tuple[Exemption, ...]:
    """The exemptions that still apply: none about a part renewal has written anew."""
    return tuple(
        exemption
        for exemption in exemptions
        if exemption.path is None
        or not any(
            exemption.path == place or exemption.path.startswith(place + "/") for place in _REPLACED
        )
    )


def renew(
    agreement: Agreement, *, document_date: dt.date, registry: Extensions | None = None
) -> Agreement:
    """A draft successor of ``agreement`` for the next period: the same text, to be assented to.

    - validity: the next mandate period under the same convention for an agreement
      tied to the mandate period; otherwise a period of the same length (in years,
      months and days) from the day after it ends. It follows on from the end of the
      agreement's last final extension in ``registry`` (a ``Registry``, or anything
      with ``extensions_of``), when given. The start is known to the day.
    - chair: the rotation carried over, with one term for the new period held by the
      next body of the rotation that may chair (a party, or one of ``may_chair``).
    - ``supersedes`` the old id; a new id and title with the new years in them
      (:func:`renewed_id`, :func:`renewed_title`); ``document_date`` as given.
    - no signatures and no adoptions; ``state`` is ``DocumentState.DRAFT``.
    - exemptions about what was written anew (the signatures, the period, ...) are
      dropped; everything else is carried over as it is.

    An agreement in force until further notice is neither renewed nor extended, and
    an extension document is renewed through its agreement: both raise
    :class:`ModelError`, as does one without a validity or its end.

    >>> from busmodel import Body, BodyKind, Validity
    >>> old = Agreement(
    ...     id="bus-2023", title="BUS 2023–2026", parties=("sn", "bun"),
    ...     validity=Validity.for_mandate_period(2022),
    ...     chair=ChairRule(("sn", "bun"), terms=(ChairTerm("sn", MandatePeriod(2022).period),)),
    ... )
    >>> draft = renew(old, document_date=dt.date(2026, 11, 27))
    >>> draft.id, draft.title, draft.state.value, str(draft.validity.period)
    ('bus-2027', 'BUS 2027–2030', 'draft', '2027-01-01/2030-12-31')
    >>> draft.supersedes, draft.chair.terms[0].body
    (('bus-2023',), 'bun')
    """
    validity = _renewable(agreement, "renew")
    end = _effective_end(agreement, registry)
    period = _successor_period(validity, end)
    return attrs.evolve(
        agreement,
        id=renewed_id(agreement.id, validity.period, period),
        title=renewed_title(agreement.title, validity.period, period),
        state=DocumentState.DRAFT,
        document_date=document_date,
        supersedes=(agreement.id,),
        validity=attrs.evolve(validity, period=period, start_precision=Precision.DAY),
        chair=_successor_chair(agreement, end, period),
        signatures=(),
        adoptions=(),
        exemptions=_kept(agreement.exemptions),
    )


def _party_bodies(agreement: Agreement) -> tuple[str, ...]:
    """The ids of the parties' bodies and of the bodies they are part of, in document order."""
    wanted: set[str] = set()
    todo = list(agreement.parties)
    while todo:
        body_id = todo.pop()
        if body_id in wanted:
            continue
        wanted.add(body_id)
        body = agreement.body(body_id)
        if body is not None and body.part_of is not None:
            todo.append(body.part_of)
    return tuple(body.id for body in agreement.bodies if body.id in wanted)


def extend(
    agreement: Agreement, *, document_date: dt.date, registry: Extensions | None = None
) -> Agreement:
    """A draft extension document (förlängning) of ``agreement``, under its extension clause.

    The extension runs for the clause's years from the day after the agreement's
    effective end: its own end, prolonged through the final extension documents of it
    in ``registry`` (a ``Registry``, or anything with ``extensions_of``). Like the
    extension documents people write, it names the agreement (``extends``), restates
    its parties with their bodies and its municipality, and has a fixed validity and
    no assent yet: ``state`` is ``DocumentState.DRAFT``. Its id is the agreement's
    with ``-forlangning-`` and the start year, its title *Förlängning av* the
    agreement's title and the years.

    Refused with :class:`ModelError`: an agreement without an extension clause
    (renew it instead), one whose clause's number of extensions is used up, one in
    force until further notice, and an extension document itself.

    >>> from busmodel import Extension, Validity
    >>> old = Agreement(id="bus", title="BUS", parties=("sn", "bun"),
    ...                 validity=Validity.fixed(dt.date(2021, 1, 1), dt.date(2022, 12, 31),
    ...                                         extension=Extension(2, times=1)))
    >>> draft = extend(old, document_date=dt.date(2022, 10, 3))
    >>> draft.id, draft.title, draft.extends, str(draft.validity.period)
    ('bus-forlangning-2023', 'Förlängning av BUS 2023–2024', 'bus', '2023-01-01/2024-12-31')
    """
    validity = _renewable(agreement, "extend")
    clause = validity.extension
    if clause is None:
        raise _refused(
            "extension",
            f"{agreement.id!r} has no extension clause (förlängning), so it cannot be "
            f"extended; renew it instead",
            f"{agreement.id!r} har ingen klausul om förlängning och kan inte förlängas; "
            f"förnya den i stället",
        )
    done = _extensions(agreement, registry)
    if clause.times is not None and len(done) >= clause.times:
        names = ", ".join(repr(each.id) for each in done)
        raise _refused(
            "extension",
            f"{agreement.id!r} may be extended {clause.times} "
            f"{'time' if clause.times == 1 else 'times'} and has been ({names}): "
            f"no extension is left; renew it instead",
            f"{agreement.id!r} får förlängas {clause.times} "
            f"{'gång' if clause.times == 1 else 'gånger'} och har förlängts så ({names}): "
            f"ingen förlängning återstår; förnya den i stället",
        )
    from dateutil.relativedelta import relativedelta

    end = _effective_end(agreement, registry)
    start = end + _ONE_DAY
    period = Period(start, end + relativedelta(years=clause.years))
    years = (
        f"{start.year}"
        if period.end is None or period.end.year == start.year
        else (f"{start.year}–{period.end.year}")
    )
    kept = set(_party_bodies(agreement))
    return Agreement(
        id=f"{agreement.id}-forlangning-{start.year}",
        title=f"Förlängning av {agreement.title} {years}",
        kind=AgreementKind.EXTENSION,
        state=DocumentState.DRAFT,
        municipality=agreement.municipality,
        region=agreement.region,
        document_date=document_date,
        extends=agreement.id,
        bodies=tuple(body for body in agreement.bodies if body.id in kept),
        parties=agreement.parties,
        validity=Validity(ValidityBasis.FIXED, period),
    )
