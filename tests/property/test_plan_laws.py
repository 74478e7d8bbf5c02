"""Laws of meeting plans: each meeting on a free day of its window, one a week, as many as asked."""

import datetime as dt
from collections import Counter

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from busmodel import Agreement, Cadence, Forum, ModelError, Period, PlannedMeeting, Validity, Window
from busmodel import plan as make_plan
from busmodel.model._calendar import is_working_day
from busmodel.model._plan import JULY_WEEKS

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ONE_DAY = dt.timedelta(days=1)


@attrs.frozen
class Case:
    """An agreement to plan, the year, the preferred weekday and the periods to avoid."""

    agreement: Agreement
    year: int
    weekday: int
    avoid: tuple[Period, ...]

    def plan(self) -> tuple[PlannedMeeting, ...]:
        return make_plan(self.agreement, self.year, weekday=self.weekday, avoid=self.avoid)

    def free(self, day: dt.date) -> bool:
        """Whether a meeting may fall on ``day``, as the plan's documentation says."""
        return (
            is_working_day(day)
            and day.isocalendar().week not in JULY_WEEKS
            and not any(period.contains(day) for period in self.avoid)
        )

    def spans(self, forum: Forum) -> list[tuple[str | None, dt.date, dt.date, int]]:
        """Each part of the year the forum must meet in, with the meetings it asks for.

        Restated from the documentation: a window each (the stated number shared out
        in order, the first windows taking one more), else the year; none for a cadence
        without number or windows that allows meetings when needed.
        """
        cadence = forum.cadence
        if cadence is None:
            return []
        if not cadence.windows:
            if cadence.meetings_per_year is None and cadence.extra_meetings:
                return []
            year = (dt.date(self.year, 1, 1), dt.date(self.year, 12, 31))
            return [(None, *year, cadence.meetings_per_year or 1)]
        total = max(cadence.meetings_per_year or 0, len(cadence.windows))
        spans: list[tuple[str | None, dt.date, dt.date, int]] = []
        for j, window in enumerate(cadence.windows):
            count = total // len(cadence.windows) + (j < total % len(cadence.windows))
            spans.append((window.name, *window.in_year(self.year), count))
        return spans

    def counted(self, forum: Forum) -> list[tuple[str | None, dt.date, dt.date, int]]:
        """The spans that lie wholly within the validity: those planned."""
        assert self.agreement.validity is not None
        validity = self.agreement.validity.period
        return [span for span in self.spans(forum) if validity.covers(Period(span[1], span[2]))]

    def free_weeks(self, first: dt.date, last: dt.date) -> set[tuple[int, int]]:
        days = (first + k * ONE_DAY for k in range((last - first).days + 1))
        return {week(day) for day in days if self.free(day)}


def week(day: dt.date) -> tuple[int, int]:
    return day.isocalendar().year, day.isocalendar().week


@st.composite
def windows(draw: st.DrawFn) -> tuple[Window, ...]:
    names = draw(
        st.lists(st.sampled_from(("vår", "höst", "q1", "q2", "q3")), max_size=3, unique=True)
    )
    found = []
    for name in names:
        first = draw(st.integers(min_value=1, max_value=12))
        last = draw(st.integers(min_value=first, max_value=12))
        found.append(Window(name, (first, last), focus=draw(st.none() | st.just(f"fokus {name}"))))
    return tuple(found)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    year = draw(st.integers(min_value=2000, max_value=2060))
    start = draw(st.dates(min_value=dt.date(year - 3, 1, 1), max_value=dt.date(year, 12, 31)))
    end = draw(
        st.none()
        | st.dates(min_value=max(start, dt.date(year, 1, 1)), max_value=dt.date(year + 3, 12, 31))
    )
    forums = [
        Forum(
            f"forum-{k}",
            f"Forum {k}",
            cadence=draw(
                st.none()
                | st.builds(
                    Cadence,
                    st.integers(min_value=0, max_value=6).map(lambda n: n or None),
                    windows(),
                    extra_meetings=st.booleans(),
                )
            ),
        )
        for k in range(draw(st.integers(min_value=1, max_value=3)))
    ]
    avoid = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        first = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=dt.date(year, 12, 31)))
        avoid.append(Period(first, first + draw(st.integers(min_value=0, max_value=20)) * ONE_DAY))
    agreement = Agreement(
        id="bus",
        title="BUS",
        validity=Validity(basis="fixed", period=Period(start, end)),
        forums=forums,
    )
    return Case(agreement, year, draw(st.integers(min_value=0, max_value=4)), tuple(avoid))


def attempt(case: Case) -> tuple[PlannedMeeting, ...] | ModelError:
    """The plan, or the error that says why none can be made."""
    try:
        return case.plan()
    except ModelError as error:
        return error


def planned(case: Case) -> tuple[PlannedMeeting, ...]:
    """The plan; a case no plan can be made for is passed over (see the last law)."""
    result = attempt(case)
    if isinstance(result, ModelError):
        assert "cadence" == result.field
        assume(False)
        raise AssertionError("unreachable: assume(False) ends the example")
    return result


@SLOW
@given(cases())
def test_every_meeting_is_on_a_free_working_day_inside_its_window_and_the_year(case: Case) -> None:
    assert case.agreement.validity is not None
    for meeting in planned(case):
        forum = case.agreement.forum(meeting.forum)
        assert forum is not None
        assert forum.cadence is not None
        assert is_working_day(meeting.date)
        assert meeting.date.isocalendar().week not in JULY_WEEKS
        assert not any(period.contains(meeting.date) for period in case.avoid)
        assert case.year == meeting.date.year
        assert case.agreement.validity.period.contains(meeting.date)
        if meeting.window is None:
            assert () == forum.cadence.windows
        else:
            (window,) = [w for w in forum.cadence.windows if w.name == meeting.window]
            first, last = window.in_year(case.year)
            assert first <= meeting.date <= last
            assert window.focus == meeting.focus


@SLOW
@given(cases())
def test_no_two_meetings_of_a_forum_are_in_one_iso_week(case: Case) -> None:
    weeks = Counter((meeting.forum, meeting.week) for meeting in planned(case))
    assert all(1 == count for count in weeks.values())


@SLOW
@given(cases())
def test_each_forum_gets_the_meetings_its_cadence_asks_for_in_the_windows_in_force(
    case: Case,
) -> None:
    meetings = planned(case)
    for forum in case.agreement.forums:
        expected = Counter({name: count for name, _, _, count in case.counted(forum) if count})
        actual = Counter(m.window for m in meetings if m.forum == forum.id)
        assert expected == actual


@SLOW
@given(cases())
def test_a_meeting_is_on_the_preferred_weekday_while_its_window_has_free_ones(case: Case) -> None:
    meetings = planned(case)
    for forum in case.agreement.forums:
        earlier: set[tuple[int, int]] = set()
        for name, first, last, count in case.spans(forum):
            mine = [m for m in meetings if m.forum == forum.id and m.window == name]
            days = (first + k * ONE_DAY for k in range((last - first).days + 1))
            preferred = [
                day
                for day in days
                if day.weekday() == case.weekday and case.free(day) and week(day) not in earlier
            ]
            if len(preferred) >= count:
                assert all(m.date.weekday() == case.weekday for m in mine)
            earlier |= {m.week for m in mine}


@SLOW
@given(cases())
def test_the_same_arguments_give_the_same_plan_whatever_the_order_of_the_periods(
    case: Case,
) -> None:
    first = planned(case)
    assert first == case.plan()
    assert first == attrs.evolve(case, avoid=tuple(reversed(case.avoid))).plan()
    assert sorted(first, key=lambda m: m.date) == list(first)


@SLOW
@given(cases())
def test_a_plan_is_made_whenever_every_window_has_a_free_week_for_each_meeting_of_its_forum(
    case: Case,
) -> None:
    roomy = all(
        len(case.free_weeks(first, last)) >= sum(span[3] for span in case.counted(forum))
        for forum in case.agreement.forums
        for _, first, last, _ in case.counted(forum)
    )
    result = attempt(case)
    if isinstance(result, ModelError):
        assert not roomy
        assert "cadence" == result.field
        assert result.path.startswith("forums/")
