"""Laws of extension documents (förlängning): an extension within the clause is no fault."""

import datetime as dt

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import busmodel as bm
from tests.support.builders import clean_agreement, extension_of

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class Extended:
    """An agreement with an extension clause, one extension within it, and a day in each."""

    agreement: bm.Agreement
    extension: bm.Agreement
    before: dt.date
    """A day in the agreement's own validity."""
    during: dt.date
    """A day in its effective validity, the extension included."""


@st.composite
def extended(draw: st.DrawFn) -> Extended:
    clause = bm.Extension(
        draw(st.integers(min_value=1, max_value=10)),
        draw(st.none() | st.integers(min_value=1, max_value=20)),
        draw(st.none() | st.integers(min_value=1, max_value=3)),
    )
    start = draw(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 12, 31)))
    end = start + dt.timedelta(days=draw(st.integers(min_value=365, max_value=6 * 366)))
    clean = clean_agreement()
    assert clean.chair is not None
    signed = start - dt.timedelta(days=draw(st.integers(min_value=1, max_value=60)))
    agreement = attrs.evolve(
        clean,
        id="bus",
        document_date=signed - ONE_DAY,
        chair=attrs.evolve(clean.chair, terms=(bm.ChairTerm("bun", bm.Period(start, end)),)),
        validity=bm.Validity(bm.ValidityBasis.FIXED, bm.Period(start, end), extension=clause),
        signatures=tuple(attrs.evolve(s, date=signed) for s in clean.signatures),
    )
    latest = end + relativedelta(years=clause.years)
    extension_end = draw(st.dates(min_value=end + ONE_DAY, max_value=latest))
    adopted = end - dt.timedelta(days=draw(st.integers(min_value=0, max_value=200)))
    extension = extension_of(agreement, bm.Period(end + ONE_DAY, extension_end), adopted)
    before = draw(st.dates(min_value=start, max_value=end))
    during = draw(st.dates(min_value=start, max_value=extension_end))
    return Extended(agreement, extension, before, during)


@SLOW
@given(extended())
def test_an_agreement_extended_within_its_clause_still_validates_without_errors(
    world: Extended,
) -> None:
    alone = bm.validate(
        world.agreement, today=world.before, registry=bm.Registry.of([world.agreement])
    )
    assume(alone.ok)
    registry = bm.Registry.of([world.agreement, world.extension])
    report = bm.validate(world.agreement, today=world.during, registry=registry)
    assert [] == [f for f in report.findings if f.severity is bm.Severity.ERROR]
    assert world.extension.validity is not None
    effective = registry.effective_validity(world.agreement.id)
    assert effective is not None
    assert world.extension.validity.period.end == effective.end


@SLOW
@given(extended())
def test_an_extension_within_the_clause_breaks_no_extension_rule(world: Extended) -> None:
    registry = bm.Registry.of([world.agreement, world.extension])
    report = bm.validate(world.extension, today=world.during, registry=registry, select=["EXT"])
    assert () == report.findings
