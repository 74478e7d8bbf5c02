import datetime as dt
import zoneinfo

import attrs
import icalendar
import pytest

import busmodel
from busmodel import Agreement, ModelError, PlannedMeeting, Validity, plan, to_ical
from busmodel.format._ical import PRODID, uid
from tests.support.paths import EXAMPLES

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def renewed_alingsas() -> Agreement:
    """The corrected Alingsås agreement for 2027-2030, with a chair term for 2027."""
    agreement = busmodel.load_agreement(EXAMPLES / "alingsas-bus-2023-corrected.toml")
    assert agreement.chair is not None
    term = busmodel.ChairTerm(
        "socialnamnden", busmodel.Period(dt.date(2027, 1, 1), dt.date(2030, 12, 31))
    )
    return attrs.evolve(
        agreement,
        id="alingsas-bus-2027",
        document_date=dt.date(2026, 11, 27),
        validity=Validity.for_mandate_period(2026),
        chair=attrs.evolve(agreement.chair, terms=(term,)),
    )


def parsed(data: bytes) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(data)
    assert isinstance(calendar, icalendar.Calendar)
    return calendar


def test_every_planned_meeting_is_an_event_that_reads_back_as_planned() -> None:
    agreement = renewed_alingsas()
    meetings = plan(agreement, 2027)
    events = parsed(to_ical(agreement, meetings)).events
    assert len(meetings) == len(events)
    for meeting, event in zip(meetings, events, strict=True):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert dt.datetime.combine(meeting.date, meeting.start, STOCKHOLM) == start
        assert dt.datetime.combine(meeting.date, meeting.end, STOCKHOLM) == end
        assert "Europe/Stockholm" == event["DTSTART"].params["TZID"]
        assert "Europe/Stockholm" == event["DTEND"].params["TZID"]
        assert f"alingsas-bus-2027.politisk-samverkan.{meeting.date}@busmodel" == event["UID"]
        assert "Politisk samverkan" == event["SUMMARY"]
        assert dt.datetime(2026, 11, 27, tzinfo=dt.UTC) == event.decoded("DTSTAMP")
        assert meeting.focus is not None
        assert meeting.focus in str(event["DESCRIPTION"])
        assert "mailto:socialnamnden@busmodel.invalid" == event["ORGANIZER"]
        assert "Socialnämnden" == event["ORGANIZER"].params["CN"]


def test_the_alingsas_plan_for_2027_is_a_spring_and_an_autumn_meeting_at_one_oclock() -> None:
    agreement = renewed_alingsas()
    events = parsed(to_ical(agreement, plan(agreement, 2027))).events
    assert [
        dt.datetime(2027, 4, 6, 13, tzinfo=STOCKHOLM),
        dt.datetime(2027, 10, 19, 13, tzinfo=STOCKHOLM),
    ] == [event.decoded("DTSTART") for event in events]
    assert [
        "Ordinarie möte enligt BUS- Barn Ungdom Samverkan (alingsas-bus-2027).\n"
        "Mötesperiod: vår\nFokus: tidigare och pågående satsningar\nOrdförande: Socialnämnden",
        "Ordinarie möte enligt BUS- Barn Ungdom Samverkan (alingsas-bus-2027).\n"
        "Mötesperiod: höst\nFokus: nuläge och framtid\nOrdförande: Socialnämnden",
    ] == [str(event["DESCRIPTION"]) for event in events]


def test_two_runs_give_identical_bytes() -> None:
    agreement = renewed_alingsas()
    first = to_ical(agreement, plan(agreement, 2027))
    second = to_ical(renewed_alingsas(), plan(renewed_alingsas(), 2027))
    assert first == second


def test_the_order_the_meetings_are_given_in_does_not_change_the_file() -> None:
    agreement = renewed_alingsas()
    meetings = plan(agreement, 2027)
    assert to_ical(agreement, meetings) == to_ical(agreement, tuple(reversed(meetings)))


def test_the_calendar_names_busmodel_and_its_version_and_no_method() -> None:
    agreement = renewed_alingsas()
    calendar = parsed(to_ical(agreement, plan(agreement, 2027)))
    assert f"-//busmodel//NONSGML busmodel {busmodel.__version__}//EN" == PRODID
    assert PRODID == calendar["PRODID"]
    assert "2.0" == calendar["VERSION"]
    assert "METHOD" not in calendar
    assert "BUS- Barn Ungdom Samverkan" == calendar["X-WR-CALNAME"]
    assert "BUS- Barn Ungdom Samverkan" == calendar["NAME"]


def test_the_time_zone_is_defined_before_the_events() -> None:
    agreement = renewed_alingsas()
    calendar = parsed(to_ical(agreement, plan(agreement, 2027)))
    assert ["VTIMEZONE", "VEVENT", "VEVENT"] == [c.name for c in calendar.subcomponents]
    assert "Europe/Stockholm" == calendar.timezones[0]["TZID"]


def onsets(data: bytes) -> list[tuple[str, object, object, object]]:
    zone = parsed(data).timezones[0]
    return [
        (
            observance.name,
            observance.decoded("DTSTART"),
            observance.decoded("TZOFFSETFROM"),
            observance.decoded("TZOFFSETTO"),
        )
        for observance in zone.subcomponents
    ]


def test_summer_time_begins_at_two_and_ends_at_three_local_time_as_rfc_5545_writes_it() -> None:
    agreement = renewed_alingsas()
    one, two = dt.timedelta(hours=1), dt.timedelta(hours=2)
    assert [
        ("STANDARD", dt.datetime(2027, 1, 1, 0), one, one),
        ("DAYLIGHT", dt.datetime(2027, 3, 28, 2), one, two),
        ("STANDARD", dt.datetime(2027, 10, 31, 3), two, one),
    ] == onsets(to_ical(agreement, plan(agreement, 2027)))
    assert b"BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\n" in to_ical(
        agreement, plan(agreement, 2027)
    )


def test_the_time_zone_agrees_with_zoneinfo_every_hour_of_the_years_it_covers() -> None:
    agreement = renewed_alingsas()
    meetings = (
        PlannedMeeting("politisk-samverkan", dt.date(2027, 4, 6)),
        PlannedMeeting("politisk-samverkan", dt.date(2028, 10, 17)),
    )
    zone = parsed(to_ical(agreement, meetings)).timezones[0].to_tz(lookup_tzid=False)
    hour = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    while hour < dt.datetime(2028, 12, 31, 22, tzinfo=dt.UTC):
        assert hour.astimezone(STOCKHOLM).utcoffset() == hour.astimezone(zone).utcoffset(), hour
        hour += dt.timedelta(hours=1)


def test_one_forums_calendar_holds_that_forum_alone() -> None:
    agreement = renewed_alingsas()
    meetings = (
        *plan(agreement, 2027),
        PlannedMeeting("styrgrupp", dt.date(2027, 5, 11)),
    )
    calendar = parsed(to_ical(agreement, meetings, forum="styrgrupp"))
    assert ["BUS styrgrupp"] == [str(event["SUMMARY"]) for event in calendar.events]
    assert "BUS styrgrupp – BUS- Barn Ungdom Samverkan" == calendar["X-WR-CALNAME"]


def test_an_unknown_forum_is_refused() -> None:
    with pytest.raises(ModelError) as raised:
        to_ical(renewed_alingsas(), (), forum="styrgruppen")
    assert "forum" == raised.value.field


def test_a_meeting_without_a_window_or_a_chair_has_no_organizer() -> None:
    agreement = renewed_alingsas()
    event = parsed(to_ical(agreement, [PlannedMeeting("styrgrupp", dt.date(2027, 5, 11))])).events[
        0
    ]
    assert "ORGANIZER" not in event
    assert (
        "Ordinarie möte enligt BUS- Barn Ungdom Samverkan (alingsas-bus-2027)."
        == event["DESCRIPTION"]
    )


def test_descriptions_come_in_english_when_asked() -> None:
    agreement = renewed_alingsas()
    event = parsed(to_ical(agreement, plan(agreement, 2027), lang="en")).events[0]
    assert (
        "Regular meeting under BUS- Barn Ungdom Samverkan (alingsas-bus-2027).\n"
        "Window: spring\nFocus: tidigare och pågående satsningar\nChair: Socialnämnden"
    ) == event["DESCRIPTION"]


def test_without_a_document_date_the_stamp_is_the_first_day_of_validity() -> None:
    agreement = attrs.evolve(renewed_alingsas(), document_date=None)
    event = parsed(to_ical(agreement, plan(agreement, 2027))).events[0]
    assert dt.datetime(2027, 1, 1, tzinfo=dt.UTC) == event.decoded("DTSTAMP")


def test_a_plan_without_meetings_is_still_a_calendar_with_its_time_zone() -> None:
    calendar = parsed(to_ical(renewed_alingsas(), ()))
    assert [] == calendar.events
    assert ["VTIMEZONE"] == [c.name for c in calendar.subcomponents]


def test_lines_end_in_crlf_and_are_folded_at_75_octets() -> None:
    agreement = renewed_alingsas()
    data = to_ical(agreement, plan(agreement, 2027))
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert all(b"\n" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)


def test_two_agreements_whose_ids_run_together_give_different_uids() -> None:
    meeting = busmodel.PlannedMeeting("c", dt.date(2027, 3, 30))
    other = busmodel.PlannedMeeting("b-c", dt.date(2027, 3, 30))
    first = busmodel.Agreement(id="a-b", title="A")
    second = busmodel.Agreement(id="a", title="A")
    assert uid(first, meeting) != uid(second, other)
