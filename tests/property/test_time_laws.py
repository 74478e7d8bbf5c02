"""Laws of an agreement in time: in force, the chair schedule, the rotation, the status."""

import datetime as dt
import itertools

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import busmodel as bm
from busmodel.validation import Options
from tests.property.strategies import LAST_DAY, World, dates, worlds

SLOW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ONE_DAY = dt.timedelta(days=1)
FIRST_TERM_DAY = dt.date(1995, 1, 1)
"""The first day of the first mandate period busmodel knows, by either convention."""
POOL = ("bun", "sn", "kun", "ks", "un")


@attrs.frozen
class Rotating:
    """An agreement whose chair rotates, with recorded terms that do not overlap.

    Every recorded body is in the rotation, which lists each body once, and every
    date is in a mandate period busmodel knows: the schedule can always be derived.
    """

    agreement: bm.Agreement
    rule: bm.ChairRule
    validity: bm.Validity


def _clip(day: dt.date) -> dt.date:
    return min(max(day, FIRST_TERM_DAY), LAST_DAY)


@st.composite
def rotating(draw: st.DrawFn) -> Rotating:
    rotation = tuple(draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=4, unique=True)))
    convention = draw(st.sampled_from(bm.Convention))
    start = draw(st.dates(min_value=FIRST_TERM_DAY, max_value=dt.date(2190, 1, 1)))
    if draw(st.booleans()):
        end = None
    else:
        end = _clip(start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=20 * 366))))
    basis = draw(st.sampled_from([bm.ValidityBasis.FIXED, bm.ValidityBasis.MANDATE_PERIOD]))
    validity = bm.Validity(basis, bm.Period(start, end), convention=convention)
    terms = []
    cursor = _clip(start + dt.timedelta(days=draw(st.integers(min_value=-1500, max_value=1500))))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        length = draw(st.integers(min_value=0, max_value=2000))
        last = _clip(cursor + dt.timedelta(days=length))
        open_end = draw(st.integers(min_value=0, max_value=6)) == 0
        terms.append(
            bm.ChairTerm(
                draw(st.sampled_from(rotation)), bm.Period(cursor, None if open_end else last)
            )
        )
        if open_end or last >= LAST_DAY:
            break
        cursor = _clip(last + dt.timedelta(days=1 + draw(st.integers(min_value=0, max_value=800))))
        if cursor <= last:
            break
    rule = bm.ChairRule(rotation, terms=tuple(terms), mid_period_changes=draw(st.booleans()))
    agreement = bm.Agreement(id="bus", title="BUS", chair=rule, validity=validity)
    return Rotating(agreement, rule, validity)


def _until(data: st.DataObject, rotating: Rotating) -> dt.date:
    """A day from the start of the validity on: what a schedule is asked to run to."""
    return data.draw(st.dates(min_value=rotating.validity.period.start, max_value=LAST_DAY))


@given(rotating(), st.data())
@SLOW
def test_the_chair_on_a_day_inside_a_scheduled_term_and_the_validity_is_that_terms_body(
    rotating: Rotating, data: st.DataObject
) -> None:
    schedule = rotating.agreement.chair_schedule(_until(data, rotating))
    assume(schedule)
    term = data.draw(st.sampled_from(schedule))
    period = term.period.end or LAST_DAY
    day = data.draw(st.dates(min_value=term.period.start, max_value=period))
    assume(rotating.validity.period.contains(day))

    assert term.body == rotating.agreement.chair_on(day)


@given(rotating(), st.data())
@SLOW
def test_consecutive_scheduled_terms_abut_and_follow_the_rotation(
    rotating: Rotating, data: st.DataObject
) -> None:
    schedule = rotating.agreement.chair_schedule(_until(data, rotating))
    convention = rotating.validity.convention
    recorded = set(rotating.rule.terms)

    for earlier, later in itertools.pairwise(schedule):
        assert earlier.period.end is not None
        assert later.period.start == earlier.period.end + ONE_DAY
        if later in recorded:
            continue
        starts_a_mandate_period = bm.mandate_period(later.period.start, convention).start
        if later.period.start == starts_a_mandate_period:
            assert rotating.rule.next_after(earlier.body) == later.body
        else:
            assert earlier.body == later.body


@given(rotating(), st.data())
@SLOW
def test_the_schedule_starts_with_the_validity_and_holds_the_term_of_the_day_it_runs_to(
    rotating: Rotating, data: st.DataObject
) -> None:
    until = _until(data, rotating)
    schedule = rotating.agreement.chair_schedule(until)
    start = rotating.validity.period.start

    assert schedule
    assert schedule[0].period.contains(start)
    assert schedule[-1].period.contains(until)
    assert all(term.period.start <= until for term in schedule)


@given(rotating())
@SLOW
def test_a_schedule_to_the_last_day_is_bounded_by_the_mandate_periods(rotating: Rotating) -> None:
    schedule = rotating.agreement.chair_schedule(LAST_DAY)

    assert len(schedule) <= len(rotating.rule.terms) + 2 * len(range(1994, 2199, 4))


@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=5, unique=True), st.data())
def test_next_after_round_the_whole_rotation_comes_back(
    rotation: list[str], data: st.DataObject
) -> None:
    rule = bm.ChairRule(rotation)
    body = data.draw(st.sampled_from(rotation))
    passed = body
    seen = []
    for _ in rotation:
        passed = rule.next_after(passed)
        seen.append(passed)

    assert (body, sorted(rotation)) == (passed, sorted(seen))


@given(rotating(), dates)
def test_in_force_on_a_day_is_exactly_the_validity_containing_it(
    rotating: Rotating, day: dt.date
) -> None:
    assert rotating.validity.period.contains(day) == rotating.agreement.in_force(day)


@given(worlds())
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_status_days_left_are_the_effective_end_less_today(world: World) -> None:
    assume(world.today is not None and world.agreement.validity is not None)
    assert world.today is not None
    assert world.agreement.validity is not None
    own = world.agreement.validity.period
    extensions = () if world.registry is None else world.registry.extensions_of(world.agreement.id)

    found = bm.status(world.agreement, today=world.today, registry=world.registry)

    end = bm.model.prolonged(own, extensions)[0].end
    assert end == found.effective_end
    assert (None if end is None else (end - world.today).days) == found.days_left
    assert (own.start <= world.today and (end is None or world.today <= end)) == found.in_force


@given(worlds(), st.integers(min_value=0, max_value=400))
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
def test_renewal_is_due_exactly_when_rule_lif003_warns(world: World, horizon: int) -> None:
    assume(world.today is not None)
    assert world.today is not None
    report = bm.validate(
        world.agreement,
        today=world.today,
        registry=world.registry,
        select=["LIF003"],
        options=Options(renewal_horizon_days=horizon),
    )
    warned = any(
        f.code == "LIF003" for f in [*report.findings, *(e.finding for e in report.exempted)]
    )

    found = bm.status(
        world.agreement, today=world.today, registry=world.registry, renewal_horizon_days=horizon
    )

    assert warned == found.renewal_due
