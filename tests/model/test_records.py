import datetime as dt

import pytest

import busmodel
from busmodel import (
    Evaluation,
    Meeting,
    MeetingKind,
    ModelError,
    Records,
    ReportRecord,
    ReviewRecord,
)
from tests.support.builders import make_records
from tests.support.paths import ROOT

D = dt.date


def test_meeting_is_regular_without_topics_by_default() -> None:
    meeting = Meeting("styr-bus", D(2023, 3, 9))

    assert (MeetingKind.REGULAR, ()) == (meeting.kind, meeting.topics)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"forum": "Styrgrupp BUS"}, "forum"),
        ({"date": "2023-03-09"}, "date"),
        ({"date": dt.datetime(2023, 3, 9, 13)}, "date"),
        ({"kind": "extraordinary"}, "kind"),
        ({"kind": MeetingKind}, "kind"),
        ({"topics": ("prioriteringar", "")}, "topics"),
        ({"topics": "prioriteringar"}, "topics"),
        ({"topics": {"prioriteringar"}}, "topics"),
    ],
)
def test_meeting_with_a_bad_field_is_rejected(changes: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"forum": "styr-bus", "date": D(2023, 3, 9)}
    arguments.update(changes)

    with pytest.raises(ModelError) as raised:
        Meeting(**arguments)  # type: ignore[arg-type]

    assert field == raised.value.field


def test_meeting_kind_and_topics_given_as_value_and_list_are_stored_as_member_and_tuple() -> None:
    assert Meeting("styr-bus", D(2024, 2, 6), MeetingKind.EXTRA, ("budget",)) == Meeting(
        "styr-bus", D(2024, 2, 6), "extra", ["budget"]
    )


def test_meeting_of_an_unknown_kind_names_the_kinds() -> None:
    with pytest.raises(ModelError) as raised:
        Meeting("styr-bus", D(2024, 2, 6), "extraordinary")

    assert "'extraordinary' is not one of 'regular', 'extra'" == raised.value.message


def test_evaluation_dated_before_the_year_it_evaluates_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Evaluation("styr-bus", 2024, D(2023, 12, 31))

    assert "date" == raised.value.field


@pytest.mark.parametrize("day", [D(2023, 1, 1), D(2023, 12, 31), D(2024, 2, 15)])
def test_evaluation_dated_in_or_after_its_year_is_allowed(day: dt.date) -> None:
    assert day == Evaluation("styr-bus", 2023, day).date


@pytest.mark.parametrize("year", [1899, 2200, True])
def test_evaluation_year_outside_1900_to_2199_is_rejected(year: object) -> None:
    with pytest.raises(ModelError) as raised:
        Evaluation("styr-bus", year, D(2024, 2, 15))  # type: ignore[arg-type]

    assert "year" == raised.value.field


def test_evaluation_with_a_blank_summary_is_rejected() -> None:
    with pytest.raises(ModelError) as raised:
        Evaluation("styr-bus", 2023, D(2024, 2, 15), summary=" ")

    assert "summary" == raised.value.field


def test_records_need_only_the_agreement_they_belong_to() -> None:
    records = Records(agreement="alingsas-bus-2023")

    assert ((), ()) == (records.meetings, records.evaluations)


def test_records_fields_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Records("alingsas-bus-2023")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"agreement": "Alingsås BUS"}, "agreement"),
        ({"meetings": Meeting("styr-bus", D(2023, 3, 9))}, "meetings"),
        ({"meetings": {"styr-bus": D(2023, 3, 9)}}, "meetings"),
        ({"meetings": (D(2023, 3, 9),)}, "meetings"),
        ({"evaluations": ("2023",)}, "evaluations"),
    ],
)
def test_records_with_a_bad_field_are_rejected(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ModelError) as raised:
        make_records(**changes)

    assert field == raised.value.field


def test_records_take_their_collections_as_lists_and_store_tuples() -> None:
    built = make_records()

    assert built == make_records(
        meetings=list(built.meetings),
        evaluations=list(built.evaluations),
        reports=list(built.reports),
        reviews=list(built.reviews),
    )


def test_records_repr_of_the_example_counts_what_they_hold() -> None:
    records = busmodel.load_records(ROOT / "examples" / "alingsas-records-2023-2025.toml")

    assert "<Records for 'alingsas-bus-2023': 7 meetings, 3 evaluations>" == repr(records)


def test_records_repr_counts_reviews_and_reports_only_when_there_are_any() -> None:
    records = Records(
        agreement="stenungsund-vgr-2018",
        reports=(ReportRecord("grupp", "kf", 2023, D(2024, 2, 1)),),
        reviews=[ReviewRecord(D(2024, 2, 1), "kf"), ReviewRecord(D(2025, 2, 1), "kf")],
    )

    assert "<Records for 'stenungsund-vgr-2018': 0 meetings, 1 report, 2 reviews>" == repr(records)


def test_meetings_of_a_forum_are_only_its_own_in_date_order() -> None:
    records = make_records()

    assert (D(2023, 3, 9), D(2023, 10, 5)) == tuple(
        meeting.date for meeting in records.meetings_of("styr-bus")
    )


def test_meetings_of_a_forum_that_never_met_are_empty() -> None:
    assert () == make_records().meetings_of("elev-bus")
