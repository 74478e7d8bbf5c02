import datetime as dt
import io
import json
from pathlib import Path

import icalendar
import pytest

from busmodel.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main
from tests.support.cli import run
from tests.support.paths import EXAMPLES

CORRECTED = str(EXAMPLES / "alingsas-bus-2023-corrected.toml")
RECORDS = str(EXAMPLES / "alingsas-records-2023-2025.toml")
UDDEVALLA = str(EXAMPLES / "uddevalla-bus-2023.toml")


def test_the_plan_is_a_table_in_english() -> None:
    code, out, err = run("plan", CORRECTED, "--year", "2025")
    assert (EXIT_OK, "") == (code, err)
    assert (
        "Meeting plan 2025: BUS- Barn Ungdom Samverkan (alingsas-bus-2023)\n"
        "\n"
        "date        day  week  time         forum               window  chair\n"
        "2025-04-01  Tue  14    13:00–15:00  Politisk samverkan  spring  Barn- och ungdomsnämnden\n"
        "2025-10-21  Tue  43    13:00–15:00  Politisk samverkan  autumn  Barn- och ungdomsnämnden\n"
        "\n"
        "2 meetings\n"
    ) == out


def test_the_table_comes_in_swedish_when_asked() -> None:
    code, out, _ = run("plan", CORRECTED, "--year", "2025", "--lang", "sv")
    assert EXIT_OK == code
    lines = out.splitlines()
    assert "Mötesplan 2025: BUS- Barn Ungdom Samverkan (alingsas-bus-2023)" == lines[0]
    assert ["datum", "dag", "vecka", "tid", "forum", "mötesperiod", "ordförande"] == lines[
        2
    ].split()
    assert "2025-04-01  tis  14" in lines[3]
    assert " vår " in lines[3]
    assert " höst " in lines[4]
    assert "2 möten" == lines[-1]


def test_a_year_without_regular_meetings_says_so() -> None:
    code, out, _ = run("plan", str(EXAMPLES / "lerum-riktlinjer-2011.toml"), "--year", "2012")
    assert EXIT_OK == code
    assert out.endswith("\nNo regular meetings to plan in 2012.\n")


def test_the_json_plan_has_the_documented_structure() -> None:
    code, out, _ = run("plan", CORRECTED, "--year", "2025", "--format", "json")
    assert EXIT_OK == code
    data = json.loads(out)
    assert {
        "schema": "busmodel-plan/1",
        "agreement": "alingsas-bus-2023",
        "title": "BUS- Barn Ungdom Samverkan",
        "year": 2025,
        "forum": None,
        "time_zone": "Europe/Stockholm",
    } == {key: value for key, value in data.items() if key != "meetings"}
    assert {
        "forum": "politisk-samverkan",
        "forum_name": "Politisk samverkan",
        "date": "2025-04-01",
        "weekday": "tuesday",
        "week": 14,
        "start": "13:00",
        "end": "15:00",
        "duration_minutes": 120,
        "window": "spring",
        "window_label": "spring",
        "focus": "tidigare och pågående satsningar",
        "chair": "barn-och-ungdomsnamnden",
        "chair_name": "Barn- och ungdomsnämnden",
        "uid": "alingsas-bus-2023.politisk-samverkan.2025-04-01@busmodel",
    } == data["meetings"][0]
    assert ["2025-04-01", "2025-10-21"] == [m["date"] for m in data["meetings"]]


def test_the_ics_plan_reads_back_as_a_calendar_of_the_same_meetings() -> None:
    code, out, _ = run("plan", CORRECTED, "--year", "2025", "--format", "ics")
    assert EXIT_OK == code
    calendar = icalendar.Calendar.from_ical(out)
    assert isinstance(calendar, icalendar.Calendar)
    assert [dt.date(2025, 4, 1), dt.date(2025, 10, 21)] == [
        event.decoded("DTSTART").date() for event in calendar.events
    ]


def test_weekday_time_duration_and_periods_to_avoid_shape_the_plan() -> None:
    _, out, _ = run("plan", CORRECTED, "--year", "2025", "--weekday", "wed", "--format", "json")
    assert ["2025-04-02", "2025-10-15"] == [m["date"] for m in json.loads(out)["meetings"]]
    code, out, _ = run(
        "plan",
        CORRECTED,
        "--year",
        "2025",
        "--weekday",
        "ons",
        "--time",
        "09:30",
        "--duration",
        "90",
        "--avoid",
        "2025-03-31/2025-04-04",
        "--avoid",
        "2025-10-15",
        "--format",
        "json",
    )
    assert EXIT_OK == code
    meetings = json.loads(out)["meetings"]
    assert [("2025-04-09", "09:30", "11:00"), ("2025-10-08", "09:30", "11:00")] == [
        (m["date"], m["start"], m["end"]) for m in meetings
    ]
    assert {"wednesday"} == {m["weekday"] for m in meetings}


def test_one_forum_is_planned_alone_when_asked() -> None:
    code, out, _ = run(
        "plan", CORRECTED, "--year", "2025", "--forum", "styrgrupp", "--format", "json"
    )
    assert EXIT_OK == code
    data = json.loads(out)
    assert ("styrgrupp", []) == (data["forum"], data["meetings"])


def test_the_output_goes_to_a_file_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    code, out, _ = run("plan", CORRECTED, "--year", "2025", "--format", "ics", "-o", str(target))
    assert (EXIT_OK, "") == (code, out)
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    again = tmp_path / "again.ics"
    run("plan", CORRECTED, "--year", "2025", "--format", "ics", "-o", str(again))
    assert data == again.read_bytes()


@pytest.mark.parametrize("format_", ["text", "json"])
def test_text_and_json_files_are_utf_8(tmp_path: Path, format_: str) -> None:
    target = tmp_path / "plan.out"
    code, _, _ = run(
        "plan", CORRECTED, "--year", "2025", "--format", format_, "--lang", "sv", "-o", str(target)
    )
    assert EXIT_OK == code
    assert "Barn- och ungdomsnämnden" in target.read_bytes().decode("utf-8")


def test_a_file_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.ics"
    code, _, err = run("plan", CORRECTED, "--year", "2025", "-o", str(target))
    assert EXIT_UNREADABLE == code
    assert err.startswith(f"busmodel plan: cannot write {target}: ")


def test_a_year_the_agreement_is_not_in_force_is_no_plan() -> None:
    code, out, err = run("plan", CORRECTED, "--year", "2027")
    assert (EXIT_ERRORS, "") == (code, out)
    assert (
        f"{CORRECTED}: no plan can be made: the agreement 'alingsas-bus-2023' is not in force "
        "in 2027 (it is in force 2023-01-01 – 2026-12-31)\n"
    ) == err


def test_a_window_that_cannot_hold_its_meeting_is_no_plan_in_swedish_too() -> None:
    code, _, err = run(
        "plan", CORRECTED, "--year", "2025", "--avoid", "2025-07-01/2025-12-31", "--lang", "sv"
    )
    assert EXIT_ERRORS == code
    assert err.startswith(f"{CORRECTED}: ingen plan kan göras: Politisk samverkan kan inte")


def test_records_are_not_an_agreement_to_plan() -> None:
    code, _, err = run("plan", RECORDS, "--year", "2025")
    assert EXIT_UNREADABLE == code
    assert f"{RECORDS}: is records, not an agreement" in err


def test_a_file_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    code, _, err = run("plan", str(tmp_path / "missing.toml"), "--year", "2025")
    assert EXIT_UNREADABLE == code
    assert "missing.toml" in err


def test_the_agreement_can_come_on_standard_input() -> None:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.BytesIO(Path(CORRECTED).read_bytes())
    code = main(["plan", "-", "--year", "2025", "--format", "json"], out, err, stdin)
    assert EXIT_OK == code
    assert 2 == len(json.loads(out.getvalue())["meetings"])


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["--year", "25"],
        ["--year", "2025", "--weekday", "sat"],
        ["--year", "2025", "--time", "25:00"],
        ["--year", "2025", "--duration", "0"],
        ["--year", "2025", "--time", "23:00", "--duration", "120"],
        ["--year", "2025", "--avoid", "2025-02-30/2025-03-01"],
        ["--year", "2025", "--avoid", "2025-03-01/.."],
        ["--year", "2025", "--avoid", "2025-03-05/2025-03-01"],
        ["--year", "2025", "--format", "csv"],
        ["--year", "2025", "--forum", "styrgruppen"],
    ],
)
def test_a_wrong_command_line_is_a_usage_error(arguments: list[str]) -> None:
    code, out, err = run("plan", CORRECTED, *arguments)
    assert (EXIT_USAGE, "") == (code, out)
    assert "usage: busmodel plan" in err


def test_an_unknown_forum_names_the_forums_there_are() -> None:
    _, _, err = run("plan", CORRECTED, "--year", "2025", "--forum", "styrgruppen")
    assert (
        "busmodel plan: error: the agreement has no forum 'styrgruppen' (its forums: "
        "politisk-samverkan, styrgrupp, ledningsgrupp, arbetsgrupp)\n"
    ) in err


def test_a_cadence_without_windows_is_planned_over_the_year() -> None:
    code, out, _ = run("plan", UDDEVALLA, "--year", "2025", "--format", "json")
    assert EXIT_OK == code
    meetings = json.loads(out)["meetings"]
    assert 4 == len(meetings)
    assert [None] * 4 == [m["window"] for m in meetings]


KUNGALV = str(EXAMPLES / "kungalv-bus-2021.toml")


def test_plan_follows_the_extension_documents_given_with_registry() -> None:
    code, out, err = run("plan", KUNGALV, "--year", "2026", "--registry", str(EXAMPLES))
    assert (EXIT_OK, "") == (code, err)
    assert ["2026-", "2026-"] == [line[:5] for line in out.splitlines()[3:5]]
    assert out.endswith("\n2 meetings\n")
    code, _, err = run("plan", KUNGALV, "--year", "2026")  # its own validity ended in 2022
    assert EXIT_ERRORS == code
    assert "is not in force in 2026" in err


def test_plan_stops_at_a_registry_document_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = = 1\n", encoding="utf-8")
    code, out, err = run("plan", KUNGALV, "--year", "2026", "--registry", str(bad))
    assert (EXIT_UNREADABLE, "") == (code, out)
    assert err.startswith(f"{bad}:1:")
