"""Compliance rules (REC): whether the records show the agreement being followed.

Every rule here needs the agreement's records; REC003, REC004, REC008 and
REC009, which ask whether something was done by a time that has passed, also
need ``today``.

Paths. A finding about the agreement uses a plain JSON Pointer into the
agreement (``/forums/0/cadence/windows/1``), like every other rule. A finding
about a place in the records document uses a JSON Pointer into the records
prefixed with ``records:`` (``records:/meetings/3/date``), so that no reader
or tool resolves it against the agreement. When several records documents are
merged into one (as the command line does), the indexes count in the merged
lists.

Records that name another agreement (REC001) say nothing about this one: the
other REC rules are silent for them rather than report every meeting missing.
Rules that compare dates with the validity are silent when the agreement has
none (VAL001 reports that).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from busmodel.model._agreement import Review
from busmodel.model._forums import Duty, Forum, Window
from busmodel.model._period import Period
from busmodel.model._records import Meeting, MeetingKind, Records
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, Need, Skip, Snippet, rule
from busmodel.validation._rules._common import (
    body_index,
    first_positions,
    forum_index,
    name_of,
    season,
    span,
)
from busmodel.validation._rules._examples import (
    AGREEMENT,
    POLITICAL_FORUM,
    RECORDS,
    STEERING_GROUP,
    insert_after,
)

RECORDS_PREFIX = "records:"
"""The prefix of a path that points into the records document, not the agreement."""

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023"
_CADENCE = (
    f"{_ALINGSAS} (Politisk samverkan: två möten per år, ett på våren och ett på hösten, "
    "samt ytterligare möten vid behov)"
)

_AGREEMENT = AGREEMENT + POLITICAL_FORUM + STEERING_GROUP
"""The agreement the examples of the REC rules keep records for (:data:`RECORDS`)."""

_SPRING_2024 = dt.date(2024, 6, 1)
"""The day the examples that need one are checked on: 2023 has ended."""

_RECORDED = Snippet(_AGREEMENT, records=RECORDS)
"""The agreement with its records: the good example of REC001, REC002, REC005 and REC007."""

_RECORDED_2024 = Snippet(_AGREEMENT, records=RECORDS, today=_SPRING_2024)
"""The same, checked in the spring of 2024: the good example of REC003 and REC004."""


def _in_records(pointer: str) -> str:
    """A path into the records document."""
    return RECORDS_PREFIX + pointer


def _own_records(context: Context) -> Records | None:
    """The records, when they belong to the agreement."""
    records = context.records
    if records is None or records.agreement != context.agreement.id:
        return None
    return records


def _window_name(window: Window) -> Text | str:
    """A window as a message names it: a season in each language ("hösten"), or as written."""
    return season(window.name) or window.name


def _covers(period: Period, first: dt.date, last: dt.date) -> bool:
    """Whether every day of ``first``..``last`` lies within ``period`` (``Period.covers``)."""
    return period.start <= first and (period.end is None or last <= period.end)


def _completed_years(validity: Period, today: dt.date) -> list[int]:
    """The calendar years wholly within ``validity`` that ended before ``today``."""
    return [
        year
        for year in range(validity.start.year, today.year)
        if _covers(validity, dt.date(year, 1, 1), dt.date(year, 12, 31))
    ]


def _years_to_account_for(context: Context) -> tuple[Records, list[int]] | None:
    """The agreement's own records and its completed years, when there are both."""
    records, today, validity = _own_records(context), context.today, context.agreement.validity
    if records is None or today is None or validity is None:
        return None
    completed = _completed_years(validity.period, today)
    return (records, completed) if completed else None


def _count_between(dates: list[dt.date], first: dt.date, last: dt.date) -> int:
    """How many of the sorted ``dates`` fall in ``first``..``last``, both included."""
    return bisect.bisect_right(dates, last) - bisect.bisect_left(dates, first)


@rule(
    "REC001",
    title=Text(en="Records belong to the agreement", sv="Protokollen hör till överenskommelsen"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Records name the agreement they are kept for; records of another agreement "
        "say nothing about whether this one is followed.",
        sv="Protokollen anger vilken överenskommelse de förs för; protokoll för en annan "
        "överenskommelse säger inget om huruvida denna följs.",
    ),
    source="busmodel document format (docs/format.md)",
    needs=(Need.RECORDS,),
    name="records-belong-to-agreement",
    messages=Message(
        en="the records are kept for the agreement '{records}', not for '{agreement}'",
        sv="protokollen förs för överenskommelsen '{records}', inte för '{agreement}'",
    ),
    example=Example(
        bad=Snippet(
            _AGREEMENT,
            records=RECORDS.replace('agreement = "bus-2023"', 'agreement = "bus-2019"'),
        ),
        good=_RECORDED,
    ),
)
def records_belong(context: Context) -> Iterator[Issue]:
    """Report records kept for another agreement."""
    records = context.records
    agreement_id = context.agreement.id
    if records is None or records.agreement == agreement_id:
        return
    yield Issue(
        _in_records("/agreement"),
        related=("/id",),
        values={"records": records.agreement, "agreement": agreement_id},
    )


@rule(
    "REC002",
    title=Text(en="Recorded forums and bodies exist", sv="Protokollförda forum och organ finns"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Every meeting, evaluation and report is made by a forum the agreement sets up, "
        "a report goes to a body it names, and a review is held by one of its bodies or "
        "forums; an unknown id is a wrong id or a forum or body the agreement does not have.",
        sv="Varje möte hålls, varje utvärdering görs och varje redovisning lämnas av ett "
        "forum som överenskommelsen inrättar, en redovisning lämnas till ett organ som den "
        "anger, och en omprövning görs av ett av dess organ eller forum; ett okänt id är ett "
        "felaktigt id eller ett forum eller organ som överenskommelsen saknar.",
    ),
    source="busmodel document format (docs/format.md)",
    needs=(Need.RECORDS,),
    name="recorded-forums-and-bodies-exist",
    messages={
        "default": Message(
            en="the agreement has no forum with the id '{id}'",
            sv="överenskommelsen har inget forum med id '{id}'",
        ),
        "recipient": Message(
            en="the agreement has no body with the id '{id}'",
            sv="överenskommelsen har inget organ med id '{id}'",
        ),
        "reviewer": Message(
            en="the agreement has no body or forum with the id '{id}'",
            sv="överenskommelsen har inget organ eller forum med id '{id}'",
        ),
    },
    example=Example(
        bad=Snippet(
            _AGREEMENT,
            records=RECORDS.replace('forum = "styrgrupp"', 'forum = "styrgruppen"'),
        ),
        good=_RECORDED,
    ),
)
def recorded_forums_exist(context: Context) -> Iterator[Issue]:
    """Report a record made by, or sent to, a forum or body the agreement does not have."""
    records = _own_records(context)
    if records is None:
        return
    forums = forum_index(context)
    bodies = body_index(context)
    for k, meeting in enumerate(records.meetings):
        if meeting.forum not in forums:
            yield Issue.at(_in_records(f"/meetings/{k}/forum"), id=meeting.forum)
    for k, evaluation in enumerate(records.evaluations):
        if evaluation.forum not in forums:
            yield Issue.at(_in_records(f"/evaluations/{k}/forum"), id=evaluation.forum)
    for k, report in enumerate(records.reports):
        if report.forum not in forums:
            yield Issue.at(_in_records(f"/reports/{k}/forum"), id=report.forum)
        if report.recipient not in bodies:
            yield Issue.at(_in_records(f"/reports/{k}/recipient"), "recipient", id=report.recipient)
    for k, review in enumerate(records.reviews):
        if review.by not in bodies and review.by not in forums:
            yield Issue.at(_in_records(f"/reviews/{k}/by"), "reviewer", id=review.by)


@rule(
    "REC003",
    title=Text(en="Regular meetings are held", sv="Ordinarie möten hålls"),
    severity=Severity.ERROR,
    rationale=Text(
        en="A forum with a cadence holds a regular meeting in each of its windows every "
        "year; a window that has passed without one is a meeting missed. Only windows "
        "that lie wholly within the validity and have ended are checked. A cadence "
        "without windows asks for the stated number of regular meetings in every calendar "
        "year wholly within the validity that has ended. A cadence that gives no number "
        '("several times a year") asks, without windows, for at least one regular meeting '
        "in each such year: the least that several times a year can mean; the finding then "
        "says that the cadence gives no number. A cadence without a number or windows that "
        'allows meetings when needed may be one that meets only when needed ("vid behov"): '
        "it asks for no regular meeting and is not counted.",
        sv="Ett forum med en mötesordning håller ett ordinarie möte i var och en av sina "
        "mötesperioder varje år; en mötesperiod som passerat utan möte är ett uteblivet "
        "möte. Bara mötesperioder som ligger helt inom giltighetstiden och har passerat "
        "kontrolleras. En mötesordning utan mötesperioder kräver det angivna antalet "
        "ordinarie möten under varje kalenderår helt inom giltighetstiden som har passerat. "
        'En mötesordning som inte anger något antal ("flera gånger per år") kräver, utan '
        "mötesperioder, minst ett ordinarie möte under varje sådant år: det minsta som flera "
        "gånger per år kan betyda; anmärkningen säger då att mötesordningen inte anger något "
        "antal. En mötesordning utan antal och mötesperioder som tillåter möten vid behov kan "
        "vara en där forumet bara träffas vid behov: den kräver inga ordinarie möten och "
        "räknas inte.",
    ),
    source=_CADENCE,
    needs=(Need.RECORDS, Need.TODAY),
    messages={
        "default": Message(
            en="no regular meeting in {window} {year} ({first} – {last}): {forum} did not meet",
            sv="inget ordinarie möte under {window} {year} ({first} – {last}): "
            "{forum} sammanträdde inte",
        ),
        "short": Message(
            en="{forum} held {count:regular meeting|regular meetings} in {year}, "
            "but its cadence asks for {expected} a year",
            sv="{forum} höll {count:ordinarie möte|ordinarie möten} under {year}, "
            "men mötesordningen kräver {expected} per år",
        ),
        "no-number": Message(
            en="{forum} held no regular meeting in {year}; its cadence gives no number "
            "of meetings, but asks for at least one a year",
            sv="{forum} höll inget ordinarie möte under {year}; mötesordningen anger inget "
            "antal möten, men minst ett per år",
        ),
    },
    example=Example(
        bad=Snippet(
            _AGREEMENT,
            records=RECORDS.replace(
                '    { forum = "politisk-samverkan", date = 2023-10-17 },\n', ""
            ),
            today=_SPRING_2024,
        ),
        good=_RECORDED_2024,
    ),
)
def regular_meetings_held(context: Context) -> Iterator[Issue | Skip]:
    """Report a passed window, or year without windows, short of regular meetings."""
    agreement, today = context.agreement, context.today
    records = _own_records(context)
    if records is None or today is None or agreement.validity is None:
        return
    validity = agreement.validity.period
    held: dict[str, list[dt.date]] = {}
    regular = MeetingKind.REGULAR
    for meeting in records.meetings:
        if meeting.kind is regular:
            dates = held.get(meeting.forum)
            if dates is None:
                held[meeting.forum] = [meeting.date]
            else:
                dates.append(meeting.date)
    for dates in held.values():
        dates.sort()
    for f, forum in enumerate(agreement.forums):
        if forum.cadence is None:
            continue
        dates = held.get(forum.id, [])
        if forum.cadence.windows:
            yield from _missed_windows(f, forum, forum.cadence.windows, dates, validity, today)
        elif forum.cadence.meetings_per_year is None and forum.cadence.extra_meetings:
            # Perhaps only when needed (vid behov): no regular meeting can be asked for.
            yield Skip(
                f"/forums/{f}/cadence",
                Text(
                    en=f"{forum.name}: the cadence gives no number of meetings and allows "
                    "meetings when needed, so no regular meeting can be counted",
                    sv=f"{forum.name}: mötesordningen anger inget antal möten och tillåter möten "
                    "vid behov, så inget ordinarie möte kan räknas",
                ),
            )
        else:
            expected = forum.cadence.meetings_per_year
            yield from _short_years(f, forum, expected, dates, validity, today)


def _missed_windows(
    f: int,
    forum: Forum,
    windows: tuple[Window, ...],
    dates: list[dt.date],
    validity: Period,
    today: dt.date,
) -> Iterator[Issue]:
    """Each passed window within the validity in which the forum held no regular meeting."""
    last_year = today.year if validity.end is None else min(validity.end.year, today.year)
    for j, window in enumerate(windows):
        for year in range(validity.start.year, last_year + 1):
            first, last = window.in_year(year)
            if last >= today or not _covers(validity, first, last):
                continue
            if _count_between(dates, first, last):
                continue
            yield Issue.at(
                f"/forums/{f}/cadence/windows/{j}",
                window=_window_name(window),
                year=year,
                first=first,
                last=last,
                forum=forum.name,
            )


def _short_years(
    f: int,
    forum: Forum,
    expected: int | None,
    dates: list[dt.date],
    validity: Period,
    today: dt.date,
) -> Iterator[Issue]:
    """Each completed year in which a forum without windows held too few regular meetings.

    Without a number, one regular meeting a year is the least the cadence asks for.
    """
    for year in _completed_years(validity, today):
        count = _count_between(dates, dt.date(year, 1, 1), dt.date(year, 12, 31))
        if count >= (expected or 1):
            continue
        if expected is None:
            yield Issue.at(f"/forums/{f}/cadence", "no-number", forum=forum.name, year=year)
            continue
        yield Issue.at(
            f"/forums/{f}/cadence/meetings_per_year",
            "short",
            forum=forum.name,
            count=count,
            year=year,
            expected=expected,
        )


@rule(
    "REC004",
    title=Text(en="Yearly evaluations are made", sv="Årliga utvärderingar görs"),
    severity=Severity.ERROR,
    rationale=Text(
        en="A forum with a yearly follow-up evaluates every completed year the agreement "
        "was in force: every calendar year wholly within the validity that has ended. A "
        "follow-up whose duty is to report to named bodies (redovisa) rather than to "
        "evaluate (utvärdera) is checked by REC008 instead.",
        sv="Ett forum med årlig uppföljning utvärderar varje avslutat år som "
        "överenskommelsen gällt: varje kalenderår helt inom giltighetstiden som har "
        "passerat. En uppföljning som ska redovisas för angivna organ i stället för att "
        "utvärderas kontrolleras av REC008.",
    ),
    source=f"{_ALINGSAS}: Styrgruppen förväntas följa upp och utvärdera BUS-verksamheten årligen",
    needs=(Need.RECORDS, Need.TODAY),
    messages=Message(
        en="{forum} has made no evaluation of {year}",
        sv="{forum} har inte utvärderat {year}",
    ),
    example=Example(
        bad=Snippet(
            _AGREEMENT,
            records=RECORDS.replace(
                '    { forum = "styrgrupp", year = 2023, date = 2024-03-05 },\n', ""
            ),
            today=_SPRING_2024,
        ),
        good=_RECORDED_2024,
    ),
)
def yearly_evaluations_made(context: Context) -> Iterator[Issue]:
    """Report a completed year a forum with a yearly follow-up did not evaluate."""
    agreement = context.agreement
    found = _years_to_account_for(context)
    if found is None:
        return
    records, completed = found
    evaluated: dict[str, set[int]] = {}
    for evaluation in records.evaluations:
        evaluated.setdefault(evaluation.forum, set()).add(evaluation.year)
    for f, forum in enumerate(agreement.forums):
        if forum.follow_up is None or forum.follow_up.duty is not Duty.EVALUATE:
            continue
        done = evaluated.get(forum.id, set())
        for year in completed:
            if year not in done:
                yield Issue.at(f"/forums/{f}/follow_up", forum=forum.name, year=year)


_REPORTING = _AGREEMENT.replace(
    'follow_up = { description = "Styrgruppen följer upp och utvärderar samverkan årligen." }',
    'follow_up = { duty = "report", recipients = ["sn", "bun"] }',
)
"""The agreement, its steering group reporting the year to each committee."""

_REPORTS = (
    RECORDS
    + """\
reports = [
    { forum = "styrgrupp", recipient = "sn", year = 2023, date = 2024-02-20 },
    { forum = "styrgrupp", recipient = "bun", year = 2023, date = 2024-02-27 },
]
"""
)
"""The records of :data:`_REPORTING`, as they should stand in the spring of 2024."""


@rule(
    "REC008",
    title=Text(en="Yearly reports are made", sv="Årliga redovisningar lämnas"),
    severity=Severity.ERROR,
    rationale=Text(
        en='A follow-up that is reported (redovisas) to named bodies, such as "reported once '
        'a year to each committee", asks for one report to each of them for every completed '
        "year the agreement was in force: every calendar year wholly within the validity "
        "that has ended. The records hold each report, to a body, with its date.",
        sv='En uppföljning som redovisas för angivna organ, som "redovisas en gång per år '
        'för varje nämnd", kräver en redovisning till vart och ett av dem för varje avslutat '
        "år som överenskommelsen gällt: varje kalenderår helt inom giltighetstiden som har "
        "passerat. Protokollen anger varje redovisning, till vilket organ och när.",
    ),
    source="Riktlinjer för samverkan kring barn och unga: redovisas årligen för respektive nämnd",
    needs=(Need.RECORDS, Need.TODAY),
    messages=Message(
        en="{forum} has not reported {year} to {recipient}",
        sv="{forum} har inte redovisat {year} för {recipient}",
    ),
    example=Example(
        bad=Snippet(
            _REPORTING,
            records=_REPORTS.replace(
                '    { forum = "styrgrupp", recipient = "bun", year = 2023, date = 2024-02-27 },\n',
                "",
            ),
            today=_SPRING_2024,
        ),
        good=Snippet(_REPORTING, records=_REPORTS, today=_SPRING_2024),
    ),
)
def yearly_reports_made(context: Context) -> Iterator[Issue]:
    """Report a completed year a forum did not report to one of its recipients."""
    agreement = context.agreement
    found = _years_to_account_for(context)
    if found is None:
        return
    records, completed = found
    reported = {(report.forum, report.recipient, report.year) for report in records.reports}
    for f, forum in enumerate(agreement.forums):
        follow_up = forum.follow_up
        if follow_up is None or follow_up.duty is not Duty.REPORT:
            continue
        recipients = first_positions(follow_up.recipients)  # a recipient named twice: once
        for year in completed:
            for recipient, k in recipients.items():
                if (forum.id, recipient, year) in reported:
                    continue
                yield Issue.at(
                    f"/forums/{f}/follow_up/recipients/{k}",
                    forum=forum.name,
                    year=year,
                    recipient=name_of(agreement, recipient),
                )


_REVIEWED = insert_after(_AGREEMENT, "period = ", 'review = "annual"')
"""The agreement, to be reviewed every year (omprövas årligen)."""

_REVIEWS = (
    RECORDS
    + """\
reviews = [
    { date = 2023-11-21, by = "styrgrupp", outcome = "Gäller oförändrad" },
]
"""
)
"""The records of :data:`_REVIEWED`, with the review of 2023."""


@rule(
    "REC009",
    title=Text(en="Annual reviews are held", sv="Årlig omprövning görs"),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement that is to be reviewed every year (omprövas årligen) is reviewed "
        "in every completed calendar year wholly within its validity; a year without a "
        "review in the records is a duty missed.",
        sv="En överenskommelse som ska omprövas årligen omprövas under varje avslutat "
        "kalenderår helt inom giltighetstiden; ett år utan omprövning i protokollen är en "
        "uppgift som inte fullgjorts.",
    ),
    source="Lerum: riktlinjerna omprövas årligen",
    needs=(Need.RECORDS, Need.TODAY),
    messages=Message(
        en="the agreement was not reviewed in {year}, but it is to be reviewed every year",
        sv="överenskommelsen omprövades inte under {year}, men den ska omprövas årligen",
    ),
    example=Example(
        bad=Snippet(_REVIEWED, records=RECORDS, today=_SPRING_2024),
        good=Snippet(_REVIEWED, records=_REVIEWS, today=_SPRING_2024),
    ),
)
def annual_reviews_held(context: Context) -> Iterator[Issue]:
    """Report a completed year of an annually reviewed agreement without a review."""
    agreement, today = context.agreement, context.today
    records = _own_records(context)
    validity = agreement.validity
    if records is None or today is None or validity is None or validity.review is not Review.ANNUAL:
        return
    reviewed = {review.date.year for review in records.reviews}
    for year in _completed_years(validity.period, today):
        if year not in reviewed:
            yield Issue.at("/validity/review", year=year)


@rule(
    "REC005",
    title=Text(en="Meetings fall within the validity", sv="Möten hålls inom giltighetstiden"),
    severity=Severity.WARNING,
    rationale=Text(
        en="The records of an agreement hold the meetings held under it; a meeting "
        "dated outside its validity belongs to another agreement or has a wrong date.",
        sv="En överenskommelses protokoll gäller möten som hållits under den; ett möte "
        "daterat utanför giltighetstiden hör till en annan överenskommelse eller har fel "
        "datum.",
    ),
    source=f"{_ALINGSAS} (Giltighetstid)",
    needs=(Need.RECORDS,),
    messages=Message(
        en="the meeting on {date} lies outside the validity ({validity})",
        sv="mötet {date} ligger utanför giltighetstiden ({validity})",
    ),
    example=Example(
        bad=Snippet(_AGREEMENT, records=RECORDS.replace("date = 2023-04-18", "date = 2022-04-18")),
        good=_RECORDED,
    ),
)
def meetings_in_validity(context: Context) -> Iterator[Issue]:
    """Report a meeting dated outside the validity."""
    records = _own_records(context)
    validity = context.agreement.validity
    if records is None or validity is None:
        return
    period = validity.period
    start, end = period.start, period.end
    for k, meeting in enumerate(records.meetings):
        day = meeting.date
        if day < start or (end is not None and day > end):  # not period.contains(day)
            yield Issue(
                _in_records(f"/meetings/{k}/date"),
                related=("/validity/period",),
                values={"date": meeting.date, "validity": span(period)},
            )


_EXTRA = insert_after(
    RECORDS,
    '    { forum = "politisk-samverkan", date = 2023-10-17 }',
    '    { forum = "politisk-samverkan", date = 2024-02-06, kind = "extra" },',
)
"""The records with an extra meeting of the political forum, called when needed."""


def _extra_meetings(context: Context) -> Mapping[int, tuple[tuple[int, Meeting], ...]]:
    """Each forum's index and the extra meetings it held, with their indexes, in order."""
    return context.derived(_find_extra_meetings)


def _find_extra_meetings(context: Context) -> Mapping[int, tuple[tuple[int, Meeting], ...]]:
    records = _own_records(context)
    if records is None:
        return MappingProxyType({})
    forums = forum_index(context)
    extra: dict[int, list[tuple[int, Meeting]]] = {}
    extra_kind = MeetingKind.EXTRA
    for k, meeting in enumerate(records.meetings):
        if meeting.kind is extra_kind and meeting.forum in forums:
            extra.setdefault(forums[meeting.forum], []).append((k, meeting))
    # Shared by the rules: read-only.
    return MappingProxyType({f: tuple(found) for f, found in sorted(extra.items())})


@rule(
    "REC006",
    title=Text(en="Extra meetings are allowed", sv="Extra möten är tillåtna"),
    severity=Severity.WARNING,
    rationale=Text(
        en="A cadence says whether extra meetings may be called when needed (vid "
        "behov); an extra meeting of a forum whose cadence does not allow them goes "
        "beyond the agreement.",
        sv="Mötesordningen anger om extra möten får kallas vid behov; ett extra möte i "
        "ett forum vars mötesordning inte tillåter det går utöver överenskommelsen.",
    ),
    source=_CADENCE,
    needs=(Need.RECORDS,),
    name="extra-meetings-only-when-allowed",
    messages=Message(
        en="{forum} held an extra meeting on {date}, but its cadence allows no extra meetings",
        sv="{forum} höll ett extra möte {date}, men mötesordningen tillåter inga extra möten",
    ),
    example=Example(
        bad=Snippet(
            _AGREEMENT.replace("extra_meetings = true", "extra_meetings = false"), records=_EXTRA
        ),
        good=Snippet(_AGREEMENT, records=_EXTRA),
    ),
)
def extra_meetings_allowed(context: Context) -> Iterator[Issue]:
    """Report an extra meeting of a forum whose cadence allows none."""
    agreement = context.agreement
    for f, meetings in _extra_meetings(context).items():
        forum = agreement.forums[f]
        if forum.cadence is None or forum.cadence.extra_meetings:
            continue
        for k, meeting in meetings:
            yield Issue(
                _in_records(f"/meetings/{k}"),
                related=(f"/forums/{f}/cadence/extra_meetings",),
                values={"forum": forum.name, "date": meeting.date},
            )


@rule(
    "REC007",
    title=Text(en="Extra meetings are counted", sv="Extra möten räknas"),
    severity=Severity.INFO,
    rationale=Text(
        en="Extra meetings called when needed are allowed, and how many were held tells "
        "how the collaboration works in practice.",
        sv="Extra möten som kallas vid behov är tillåtna, och hur många som hölls visar "
        "hur samverkan fungerar i praktiken.",
    ),
    source=_CADENCE,
    needs=(Need.RECORDS,),
    messages=Message(
        en="{forum}: {count:extra meeting|extra meetings} held ({dates:and})",
        sv="{forum}: {count:extra möte|extra möten} hölls ({dates:and})",
    ),
    example=Example(
        bad=Snippet(_AGREEMENT, records=_EXTRA),
        good=_RECORDED,
    ),
)
def extra_meetings_counted(context: Context) -> Iterator[Issue]:
    """Report how many allowed extra meetings each forum held."""
    agreement = context.agreement
    for f, meetings in _extra_meetings(context).items():
        forum = agreement.forums[f]
        if forum.cadence is not None and not forum.cadence.extra_meetings:
            continue
        yield Issue.at(
            f"/forums/{f}",
            forum=forum.name,
            count=len(meetings),
            dates=sorted(meeting.date for _, meeting in meetings),
        )
