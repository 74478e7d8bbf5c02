"""Every problem with a document, and every broken invariant, has Swedish text too."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from busmodel import (
    Adoption,
    AgreementKind,
    Assignment,
    AssignmentStatus,
    Body,
    BodyKind,
    Decision,
    DocumentError,
    Duty,
    Evaluation,
    Exemption,
    FollowUp,
    Format,
    Forum,
    ForumScope,
    MandatePeriod,
    ModelError,
    Municipality,
    Period,
    Person,
    Precision,
    Problem,
    ReportRecord,
    Validity,
    ValidityBasis,
    Window,
    dumps,
    election_day,
    load,
    load_records,
    loads,
)
from busmodel.cli import EXIT_UNREADABLE
from tests.support.builders import make_agreement
from tests.support.cli import run

ENGLISH = ("expected", "unknown", "missing", "cannot", "not ", " got ", "must", "invalid", " is ")
"""Words that give away an English message."""

LONG = "1" * 5000
"""An integer with more digits than Python reads by default."""


def agreement(**changes: Any) -> str:
    """The test agreement as JSON, with top-level ``changes``."""
    data: dict[str, Any] = json.loads(dumps(make_agreement(), "json"))
    data.update(changes)
    return json.dumps(data)


BROKEN: list[tuple[str, Format, str]] = [
    ("toml syntax", "toml", "x = \n"),
    ("toml syntax at the end", "toml", 'schema = "busmodel/1"\nkind = ['),
    ("toml integer too long", "toml", f'schema = "busmodel/1"\nx = {LONG}\n'),
    ("json syntax", "json", '{"schema": }'),
    ("json constant", "json", '{"schema": NaN}'),
    ("json key given twice", "json", '{"schema": "busmodel/1", "schema": "busmodel/1"}'),
    ("json integer too long", "json", f'{{"schema": "busmodel/1", "x": {LONG}}}'),
    ("json too deep", "json", "[" * 100_000),
    ("not a table", "json", "[1]"),
    ("no header", "json", "{}"),
    ("wrong header", "json", '{"schema": "busmodel/2", "kind": "agrement"}'),
    ("unknown key", "json", agreement(titel="BUS")),
    ("missing key", "json", '{"schema": "busmodel/1", "kind": "agreement", "id": "bus"}'),
    ("text expected", "json", agreement(title=5)),
    (
        "integer expected",
        "json",
        agreement(forums=[{"id": "f", "name": "F", "cadence": {"meetings_per_year": "4"}}]),
    ),
    ("array expected", "json", agreement(principles="one")),
    ("table expected", "json", agreement(case_officer="Anna")),
    (
        "true or false expected",
        "json",
        agreement(forums=[{"id": "f", "name": "F", "per_member": 1}]),
    ),
    ("date expected", "json", agreement(document_date=20230101)),
    ("not a date", "json", agreement(document_date="2023-02-30")),
    ("enum expected", "json", agreement(bodies=[{"id": "a", "name": "A", "kind": 3}])),
    ("not an enum value", "json", agreement(bodies=[{"id": "a", "name": "A", "kind": "gang"}])),
    (
        "pair expected",
        "json",
        agreement(
            forums=[
                {"id": "f", "name": "F", "cadence": {"windows": [{"name": "V", "months": [1]}]}}
            ]
        ),
    ),
    ("lone surrogate", "json", agreement(title="\\ud800").replace('"\\\\ud800"', '"\\ud800"')),
    ("blank text", "json", agreement(title=" ")),
    ("not an id", "json", agreement(parties=["bus", "Bun"])),
    (
        "period backwards",
        "json",
        agreement(
            validity={"basis": "fixed", "period": {"start": "2023-01-01", "end": "2022-01-01"}}
        ),
    ),
]


def assert_swedish(problem: Problem) -> None:
    text = problem.text
    assert text.en == problem.message
    assert text.sv != text.en
    parsers = text.en.removesuffix(" (at end of document)")
    frame = text.sv.replace(parsers, "")  # a parser's own message is kept in a Swedish frame
    assert [] == [word for word in ENGLISH if word in frame.lower()], text.sv


@pytest.mark.parametrize(("_name", "fmt", "text"), BROKEN, ids=[name for name, _, _ in BROKEN])
def test_every_problem_of_a_broken_document_has_swedish_text(
    _name: str, fmt: Format, text: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        loads(text, fmt)
    assert caught.value.problems
    for problem in caught.value.problems:
        assert_swedish(problem)


def test_the_swedish_problems_read_as_swedish() -> None:
    with pytest.raises(DocumentError) as caught:
        loads('schema = "busmodel/1"\nkind = "records"\nagrement = 5\n')
    expected = [
        "rad 1, kolumn 1: /agreement: denna obligatoriska nyckel saknas",
        "rad 3, kolumn 1: /agrement: okänd nyckel 'agrement' (menade du 'agreement'?); "
        "tillåtna är: agreement, meetings, evaluations, reports, reviews",
    ]
    assert expected == [problem.render("sv") for problem in caught.value.problems]


def test_a_wrong_type_is_named_in_swedish() -> None:
    with pytest.raises(DocumentError) as caught:
        loads(agreement(title=5), "json")
    assert ["förväntade text, fick ett heltal"] == [p.text.sv for p in caught.value.problems]


def test_a_value_outside_an_enum_is_named_in_swedish() -> None:
    with pytest.raises(DocumentError) as caught:
        loads(agreement(kind="agrement"), "json")
    expected = "'agrement' är inte något av 'agreement', 'framework', 'extension', 'records'"
    assert [expected] == [p.text.sv for p in caught.value.problems]


def test_a_syntax_error_keeps_the_parsers_message_in_a_swedish_frame() -> None:
    with pytest.raises(DocumentError) as caught:
        loads("x = \n")
    [problem] = caught.value.problems
    assert "rad 1, kolumn 5: syntaxfel: Invalid value" == problem.render("sv")
    assert "line 1, column 5: Invalid value" == problem.render("en") == str(problem)


def test_a_document_error_renders_in_swedish_with_the_same_word_for_one_and_many() -> None:
    problems = [
        Problem("", "x", sv="ett"),
        Problem("/id", "y", line=2, column=3, sv="två"),
    ]
    error = DocumentError(problems, source="a.toml")
    assert "a.toml: 2 problem\n  (dokumentet): ett\n  rad 2, kolumn 3: /id: två" == error.render(
        "sv"
    )
    assert "a.toml: 2 problems\n  (document): x\n  line 2, column 3: /id: y" == error.render("en")
    assert str(error) == error.render("en")
    one = DocumentError(problems[:1], source="a.toml")
    assert "a.toml: 1 problem\n  (dokumentet): ett" == one.render("sv")


def test_a_problem_without_swedish_text_gets_a_swedish_frame() -> None:
    assert "ogiltigt värde: broken" == Problem("/x", "broken").text.sv


def test_the_swedish_text_takes_no_part_in_comparing_problems() -> None:
    assert Problem("/x", "bad") == Problem("/x", "bad", sv="dåligt")


def test_a_document_error_with_swedish_problems_survives_pickling() -> None:
    error = DocumentError([Problem("/x", "bad", 1, 2, sv="dåligt")], source="a.toml")
    copied = pickle.loads(pickle.dumps(error))
    assert (error.source, error.problems, str(error)) == (
        copied.source,
        copied.problems,
        str(copied),
    )
    assert ["dåligt"] == [p.sv for p in copied.problems]


@pytest.mark.parametrize(
    "name",
    ["missing.toml", "directory", "notes.txt", "noformat", "latin1.toml", "agreement.toml"],
)
def test_a_file_that_cannot_be_read_has_swedish_problems(tmp_path: Path, name: str) -> None:
    (tmp_path / "directory").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "noformat").write_text("x")
    (tmp_path / "latin1.toml").write_bytes('title = "Lerums kommun – BUS"'.encode("cp1252"))
    (tmp_path / "agreement.toml").write_text(dumps(make_agreement(), "toml"))
    reader: Callable[[Path], object] = load_records if name == "agreement.toml" else load
    with pytest.raises(DocumentError) as caught:
        reader(tmp_path / name)
    for problem in caught.value.problems:
        assert_swedish(problem)


def test_a_missing_file_is_reported_in_swedish(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as caught:
        load(tmp_path / "missing.toml")
    assert ["kan inte läsas: filen finns inte"] == [p.text.sv for p in caught.value.problems]


# -- ModelError ---------------------------------------------------------------

DAY = dt.date(2023, 1, 1)
RAISERS: list[tuple[str, Callable[[], object], str]] = [
    ("empty text", lambda: Person(""), "får inte vara tom"),
    (
        "invisible text",
        lambda: Person("\u200b"),
        "har inga synliga tecken, bara osynliga som nollbreddsblanksteg",
    ),
    ("control character", lambda: Person("a\x1bb"), "innehåller ett styrtecken (U+001B)"),
    (
        "lone surrogate",
        lambda: Person("a\ud800"),
        "är inte giltig Unicode: innehåller ett ensamt surrogattecken (U+D800)",
    ),
    ("not text", lambda: Person(5), "förväntade text, fick int"),  # type: ignore[arg-type]
    (
        "not an id",
        lambda: Body("Bun", "B", BodyKind.COMMITTEE),
        "'Bun' är inget id (små bokstäver, siffror, '-' och '_')",
    ),
    (
        "not an instance",
        lambda: Validity(ValidityBasis.FIXED, "2023"),  # type: ignore[arg-type]
        "förväntade Period, fick str",
    ),
    (
        "not a member",
        lambda: Body("b", "B", "nämnd"),
        "'nämnd' är inte något av 'municipality', 'council', 'executive-board', 'committee', "
        "'administration', 'region', 'regional-body', 'state-agency', 'association', "
        "'company', 'school', 'group', 'other'",
    ),
    (
        "not a tuple",
        lambda: Assignment("A", AssignmentStatus.ONGOING, partners="x"),
        "förväntade en tuple, en lista eller en annan ordnad samling, fick str",
    ),
    ("out of range", lambda: Decision("kf", 1800), "1800 ligger inte mellan 1900 och 2199"),
    ("not a date", lambda: Period("2023-01-01"), "förväntade ett datum, fick str"),  # type: ignore[arg-type]
    (
        "a date and time",
        lambda: Period(dt.datetime(2023, 1, 1)),
        "förväntade ett datum, fick ett datum med klockslag",
    ),
    (
        "day out of range",
        lambda: Period(dt.date(1800, 1, 1)),
        "1800-01-01 ligger inte mellan 1900-01-01 och 2199-12-31",
    ),
    (
        "period backwards",
        lambda: Period(DAY, dt.date(2022, 1, 1)),
        "perioden slutar (2022-01-01) innan den börjar (2023-01-01)",
    ),
    ("period not text", lambda: Period.parse(5), "förväntade text, fick int"),  # type: ignore[arg-type]
    ("period without slash", lambda: Period.parse("2023"), "förväntade START/SLUT, fick '2023'"),
    ("period not ISO", lambda: Period.parse("x/y"), "förväntade ISO-datum i 'x/y'"),
    (
        "municipality code",
        lambda: Municipality("Lerum", code="14"),
        "'14' är ingen fyrsiffrig kommunkod",
    ),
    (
        "body code",
        lambda: Body("b", "B", BodyKind.MUNICIPALITY, code="x"),
        "'x' är ingen fyrsiffrig kommunkod",
    ),
    (
        "code of a committee",
        lambda: Body("b", "B", BodyKind.COMMITTEE, code="1441"),
        "bara en kommun som helhet (kind 'municipality') har en kommunkod",
    ),
    (
        "part of itself",
        lambda: Body("b", "B", BodyKind.COMMITTEE, part_of="b"),
        "organet 'b' kan inte vara en del av sig självt",
    ),
    ("e-mail", lambda: Person("Anna", email="anna"), "'anna' är ingen e-postadress"),
    (
        "decision year",
        lambda: Decision("kf", 2022, DAY),
        "2023-01-01 ligger inte i beslutsåret 2022",
    ),
    (
        "start to the month",
        lambda: Validity(
            ValidityBasis.FIXED, Period(dt.date(2023, 1, 2)), start_precision=Precision.MONTH
        ),
        "en start som är känd till månaden är dess första dag, inte 2023-01-02",
    ),
    (
        "start to the year",
        lambda: Validity(
            ValidityBasis.FIXED, Period(dt.date(2023, 2, 1)), start_precision=Precision.YEAR
        ),
        "en start som är känd till året är dess 1 januari, inte 2023-02-01",
    ),
    (
        "rule code",
        lambda: Exemption("sig", "r"),
        "'sig' är ingen regelkod eller början på en, som 'SIG' eller 'SIG006'",
    ),
    (
        "exemption path",
        lambda: Exemption("SIG", "r", path="x"),
        "'x' är ingen sökväg i dokumentet, som '/signatures/0'",
    ),
    (
        "extension without extends",
        lambda: make_agreement(kind=AgreementKind.EXTENSION),
        "en förlängning anger den överenskommelse den förlänger (extends)",
    ),
    (
        "extends without extension",
        lambda: make_agreement(extends="old"),
        "bara en förlängning (extension) förlänger något; detta är agreement",
    ),
    (
        "window shape",
        lambda: Window("V", (1,)),  # type: ignore[arg-type]
        "förväntade den första och den sista månaden, som (1, 6)",
    ),
    ("not a month", lambda: Window("V", (1, 13)), "13 är ingen månad (1-12)"),
    (
        "window backwards",
        lambda: Window("V", (6, 1)),
        "den första månaden (6) kommer efter den sista (1)",
    ),
    (
        "recipients without report",
        lambda: FollowUp(recipients=("kf",)),
        "bara en rapport (duty 'report') har mottagare",
    ),
    (
        "report without recipients",
        lambda: FollowUp(duty=Duty.REPORT),
        "en rapport anger de organ den går till",
    ),
    (
        "assignment backwards",
        lambda: Assignment("A", AssignmentStatus.ONGOING, DAY, dt.date(2022, 1, 1)),
        "uppdraget slutar (2022-01-01) innan det börjar (2023-01-01)",
    ),
    (
        "regional per member",
        lambda: Forum("f", "F", scope=ForumScope.REGIONAL, per_member=True),
        "en grupp i varje medlemskommun är lokal",
    ),
    (
        "evaluation before its year",
        lambda: Evaluation("f", 2024, DAY),
        "utvärderingen av 2024 är daterad före det året (2023-01-01)",
    ),
    (
        "report before its year",
        lambda: ReportRecord("f", "kf", 2024, DAY),
        "redovisningen av 2024 är daterad före det året (2023-01-01)",
    ),
    (
        "convention",
        lambda: MandatePeriod(2022, "other"),
        "'other' är inte något av 'committee', 'council'",
    ),
    ("election year type", lambda: MandatePeriod("2022"), "förväntade int, fick str"),  # type: ignore[arg-type]
    (
        "not an election year",
        lambda: MandatePeriod(2023),
        "2023 är inget valår; de närmaste är 2022 och 2026",
    ),
    (
        "before the first election",
        lambda: election_day(1900),
        "1900 är före 1994, det första valet i den fyraåriga cykel som busmodel känner till",
    ),
    (
        "after the last election",
        lambda: election_day(2250),
        "2250 är efter 2198; busmodel känner till valen 1994 till 2198, "
        "vars mandatperioder börjar senast 2199-12-31",
    ),
    (
        "after the last day",
        lambda: MandatePeriod.containing(dt.date(2199, 12, 31) + dt.timedelta(days=1)),
        "2200-01-01 är efter 2199-12-31, den sista dag som busmodel hanterar",
    ),
    (
        "before the first period",
        lambda: MandatePeriod.containing(dt.date(1900, 1, 1)),
        "1900-01-01 är före den första kända mandatperioden (1995–1998)",
    ),
    ("adoption date", lambda: Adoption("kf", "2023-01-01"), "förväntade ett datum, fick str"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("_name", "build", "sv"), RAISERS, ids=[name for name, _, _ in RAISERS])
def test_every_broken_invariant_of_the_model_has_its_swedish_message(
    _name: str, build: Callable[[], object], sv: str
) -> None:
    with pytest.raises(ModelError) as caught:
        build()
    error = caught.value
    assert sv == error.text.sv
    assert error.message == error.text.en
    assert [] == [word for word in ENGLISH if word in error.text.sv.lower()]


def test_collected_model_errors_keep_their_swedish_messages() -> None:
    both = ModelError.collect(
        [ModelError("id", "bad", sv="dåligt"), ModelError("name", "blank", sv="tomt")]
    )
    assert ["dåligt", "tomt"] == [error.text.sv for error in both.errors]
    assert "dåligt" == both.text.sv


def test_a_model_error_without_swedish_text_gets_a_swedish_frame() -> None:
    assert "ogiltigt värde: bad" == ModelError("id", "bad").text.sv


def test_a_model_error_survives_pickling() -> None:
    error = ModelError("parties", "bad", path="parties/1", sv="dåligt")
    copied = pickle.loads(pickle.dumps(error))
    assert (error.field, error.path, error.message, error.sv, str(error)) == (
        copied.field,
        copied.path,
        copied.message,
        copied.sv,
        str(copied),
    )
    assert [copied] == list(copied.errors)


def test_a_broken_invariant_in_a_document_is_reported_in_swedish() -> None:
    period = {"basis": "fixed", "period": {"start": "2023-01-01", "end": "2022-01-01"}}
    text = agreement(validity=period)
    with pytest.raises(DocumentError) as caught:
        loads(text, "json")
    column = text.index('"end": "2022-01-01"') + 1
    expected = [
        f"rad 1, kolumn {column}: /validity/period/end: "
        "perioden slutar (2022-01-01) innan den börjar (2023-01-01)"
    ]
    assert expected == [p.render("sv") for p in caught.value.problems]


# -- the command line ---------------------------------------------------------


def broken_file(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = "busmodel/1"\nkind = "records"\nagrement = "bus"\n')
    return bad


def test_validate_in_swedish_prints_an_unreadable_files_problems_in_swedish(
    tmp_path: Path,
) -> None:
    bad = broken_file(tmp_path)
    code, _, err = run("validate", "--lang", "sv", str(bad))
    expected = (
        f"{bad}:1:1: denna obligatoriska nyckel saknas (/agreement)\n"
        f"{bad}:3:1: okänd nyckel 'agrement' (menade du 'agreement'?); tillåtna är: "
        "agreement, meetings, evaluations, reports, reviews (/agrement)\n"
    )
    assert (EXIT_UNREADABLE, expected) == (code, err)


def test_validate_in_swedish_gives_swedish_messages_in_the_json_report(tmp_path: Path) -> None:
    bad = broken_file(tmp_path)
    code, out, _ = run("validate", "--lang", "sv", "--format", "json", str(bad))
    [unreadable] = json.loads(out)["unreadable"]
    expected = [
        "denna obligatoriska nyckel saknas",
        "okänd nyckel 'agrement' (menade du 'agreement'?); "
        "tillåtna är: agreement, meetings, evaluations, reports, reviews",
    ]
    assert (EXIT_UNREADABLE, expected) == (code, [p["message"] for p in unreadable["problems"]])


def test_validate_in_english_keeps_english_messages_in_the_json_report(tmp_path: Path) -> None:
    bad = broken_file(tmp_path)
    _, out, _ = run("validate", "--format", "json", str(bad))
    [unreadable] = json.loads(out)["unreadable"]
    assert "this required key is missing" == unreadable["problems"][0]["message"]


def test_validate_in_swedish_reports_a_syntax_error_with_rad_and_kolumn(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("x = \n")
    _, _, err = run("validate", "--lang", "sv", str(bad))
    assert f"{bad}:1:5: syntaxfel: Invalid value\n" == err


def test_validate_in_swedish_says_when_no_agreement_is_found(tmp_path: Path) -> None:
    records = tmp_path / "records.toml"
    records.write_text('schema = "busmodel/1"\nkind = "records"\nagreement = "bus"\n')
    _, _, err = run("validate", "--lang", "sv", str(records))
    assert "ingen överenskommelse eller ramöverenskommelse hittades" in err


def test_validate_in_swedish_refuses_an_agreement_given_as_records(tmp_path: Path) -> None:
    good = tmp_path / "bus.toml"
    good.write_text(dumps(make_agreement(), "toml"))
    other = tmp_path / "other.toml"
    other.write_text(dumps(make_agreement(id="other"), "toml"))
    _, _, err = run("validate", "--lang", "sv", str(good), "--records", str(other))
    assert f"{other}:2:1: här väntades protokoll, inte 'agreement' (/kind)\n" == err


def test_show_in_swedish_prints_an_unreadable_files_problems_in_swedish(tmp_path: Path) -> None:
    code, _, err = run("show", "--lang", "sv", str(tmp_path / "missing.toml"))
    missing = tmp_path / "missing.toml"
    expected = f"{missing}: kan inte läsas: filen finns inte\n"
    assert (EXIT_UNREADABLE, expected) == (code, err)
