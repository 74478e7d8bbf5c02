import datetime as dt
import errno
import json
import os
import signal
import socket
from pathlib import Path
from typing import Any

import pytest
import tomli_w

import busmodel
from busmodel import (
    SCHEMA,
    SUPPORTED_SCHEMAS,
    Agreement,
    AgreementKind,
    DocumentError,
    Format,
    Problem,
    Records,
    dump,
    dumps,
    load,
    load_agreement,
    load_records,
    loads,
)
from tests.support.builders import make_agreement, make_records

FORMATS: list[Format] = ["toml", "json"]
MINIMAL = 'schema = "busmodel/1"\nkind = "agreement"\nid = "bus"\ntitle = "BUS"\n'
"""The smallest agreement document: the header and the two required keys."""


def document(**changes: Any) -> dict[str, Any]:
    """The full test agreement as a plain document dict, with top-level ``changes``."""
    data: dict[str, Any] = json.loads(dumps(make_agreement(), "json"))
    data.update(changes)
    return data


def text_of(data: dict[str, Any], fmt: Format) -> str:
    return tomli_w.dumps(data) if fmt == "toml" else json.dumps(data)


def problems_of(text: str, fmt: Format = "toml") -> dict[str, str]:
    """The problems ``loads`` reports for ``text``, by path."""
    with pytest.raises(DocumentError) as raised:
        loads(text, fmt)
    return {problem.path: problem.message for problem in raised.value.problems}


def problems_in(data: dict[str, Any], fmt: Format) -> dict[str, str]:
    return problems_of(text_of(data, fmt), fmt)


# -- reading valid documents ---------------------------------------------------


def test_schema_written_is_one_that_is_read() -> None:
    assert "busmodel/1" == SCHEMA
    assert SCHEMA in SUPPORTED_SCHEMAS


def test_loads_reads_a_minimal_toml_agreement() -> None:
    assert Agreement(id="bus", title="BUS") == loads(MINIMAL)


def test_loads_reads_a_minimal_json_records_document() -> None:
    text = '{"schema": "busmodel/1", "kind": "records", "agreement": "bus"}'

    assert Records(agreement="bus") == loads(text, "json")


def test_loads_reads_kind_framework_as_a_framework_agreement() -> None:
    loaded = loads(MINIMAL.replace('"agreement"', '"framework"'))

    assert isinstance(loaded, Agreement)
    assert AgreementKind.FRAMEWORK == loaded.kind


def test_loads_reads_a_toml_date_and_iso_date_text_alike() -> None:
    native = loads(MINIMAL + "document_date = 2022-12-12\n")
    quoted = loads(MINIMAL + 'document_date = "2022-12-12"\n')

    assert Agreement(id="bus", title="BUS", document_date=dt.date(2022, 12, 12)) == native
    assert native == quoted


def test_loads_reads_nested_tables_and_arrays_of_tables() -> None:
    text = MINIMAL + (
        'parties = ["bun", "sn"]\n'
        "[[forums]]\n"
        'id = "styr-bus"\n'
        'name = "Styrgrupp BUS"\n'
        'level = "steering"\n'
        "[forums.cadence]\n"
        "meetings_per_year = 2\n"
        'windows = [{ name = "spring", months = [1, 6] }]\n'
    )

    loaded = loads(text)

    assert isinstance(loaded, Agreement)
    assert ("bun", "sn") == loaded.parties
    forum = loaded.forum("styr-bus")
    assert forum is not None
    assert forum.cadence is not None
    assert (1, 6) == forum.cadence.windows[0].months


@pytest.mark.parametrize("fmt", FORMATS)
def test_full_agreement_round_trips(fmt: Format) -> None:
    agreement = make_agreement()

    assert agreement == loads(dumps(agreement, fmt), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_records_round_trip(fmt: Format) -> None:
    records = make_records()

    assert records == loads(dumps(records, fmt), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_framework_round_trips_as_a_framework(fmt: Format) -> None:
    framework = make_agreement(kind=AgreementKind.FRAMEWORK, framework=None)

    assert framework == loads(dumps(framework, fmt), fmt)


# -- writing -------------------------------------------------------------------


def test_dumps_toml_writes_the_header_then_only_the_keys_that_are_not_defaults() -> None:
    assert MINIMAL == dumps(Agreement(id="bus", title="BUS"))


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (make_agreement(), "agreement"),
        (make_agreement(kind=AgreementKind.FRAMEWORK), "framework"),
        (make_records(), "records"),
    ],
)
def test_dumps_json_starts_with_schema_and_kind(document: Agreement | Records, kind: str) -> None:
    data = json.loads(dumps(document, "json"))

    assert ["schema", "kind"] == list(data)[:2]
    assert (SCHEMA, kind) == (data["schema"], data["kind"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_dumps_is_deterministic(fmt: Format) -> None:
    first = dumps(make_agreement(), fmt)

    assert first == dumps(make_agreement(), fmt)
    assert first == dumps(loads(first, fmt), fmt)


def test_dumps_json_writes_dates_as_iso_text_and_keeps_non_ascii_letters() -> None:
    text = dumps(make_agreement(), "json")

    assert "2022-12-12" == json.loads(text)["document_date"]
    assert '"name": "Alingsås"' in text
    assert text.endswith("}\n")


def test_dumps_toml_writes_dates_as_toml_dates() -> None:
    assert "document_date = 2022-12-12\n" in dumps(make_agreement(), "toml")


def test_dumps_with_an_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="'yaml'"):
        dumps(make_agreement(), "yaml")  # type: ignore[arg-type]


def test_dumps_of_something_that_is_not_a_document_is_rejected() -> None:
    with pytest.raises(TypeError):
        dumps(make_agreement().validity)  # type: ignore[arg-type]


def test_loads_with_an_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="'yaml'"):
        loads(MINIMAL, "yaml")  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_dump_then_load_round_trips_through_a_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"alingsas-bus-2023{suffix}"

    dump(make_agreement(), path)

    assert dumps(make_agreement(), "toml" if suffix == ".toml" else "json") == path.read_text(
        encoding="utf-8"
    )
    assert make_agreement() == load(path)


def test_dump_with_an_explicit_format_ignores_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"

    dump(make_records(), path, "json")

    assert make_records() == loads(path.read_text(encoding="utf-8"), "json")


def test_dump_to_an_unknown_suffix_without_a_format_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        dump(make_records(), tmp_path / "records.yaml")


# -- unknown and missing keys ----------------------------------------------------


def test_misspelt_key_is_reported_as_unknown_and_the_real_one_as_missing() -> None:
    problems = problems_of(MINIMAL.replace("title", "titel"))

    assert {"/title", "/titel"} == set(problems)
    assert "this required key is missing" == problems["/title"]
    assert problems["/titel"].startswith(
        "unknown key 'titel' (did you mean 'title'?); expected one of: id, title,"
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_key_deep_in_the_document_is_reported_at_its_path(fmt: Format) -> None:
    data = document()
    window = data["forums"][0]["cadence"]["windows"][1]
    window["monts"] = window.pop("months")

    problems = problems_in(data, fmt)

    assert {
        "/forums/0/cadence/windows/1/monts",
        "/forums/0/cadence/windows/1/months",
    } == set(problems)


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_required_key_of_a_list_item_is_reported_at_its_path(fmt: Format) -> None:
    data = document()
    del data["forums"][1]["name"]

    assert {"/forums/1/name": "this required key is missing"} == problems_in(data, fmt)


def test_records_document_with_an_agreement_key_is_rejected() -> None:
    text = 'schema = "busmodel/1"\nkind = "records"\nagreement = "bus"\ntitle = "BUS"\n'

    assert ["/title"] == list(problems_of(text))


def test_unknown_keys_are_escaped_as_json_pointer_tokens() -> None:
    text = json.dumps({"schema": SCHEMA, "kind": "records", "agreement": "bus", "a/b": 1, "x~y": 2})

    assert {"/a~1b", "/x~0y"} == set(problems_of(text, "json"))


# -- wrong types -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_text_where_an_array_is_expected_is_rejected_not_split_into_characters(
    fmt: Format,
) -> None:
    problems = problems_in(document(parties="bun"), fmt)

    assert {"/parties": "expected an array, got text"} == problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_integer_where_text_is_expected_is_rejected_not_coerced(fmt: Format) -> None:
    assert {"/title": "expected text, got an integer"} == problems_in(document(title=3), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_true_is_not_an_integer(fmt: Format) -> None:
    data = document()
    data["decisions"][0]["year"] = True

    assert {"/decisions/0/year": "expected an integer, got true or false"} == problems_in(data, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_integer_is_not_true_or_false(fmt: Format) -> None:
    data = document()
    data["forums"][0]["cadence"]["extra_meetings"] = 1

    problems = problems_in(data, fmt)

    assert {
        "/forums/0/cadence/extra_meetings": "expected true or false, got an integer"
    } == problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_number_with_a_fraction_is_not_an_integer(fmt: Format) -> None:
    data = document()
    data["forums"][0]["cadence"]["meetings_per_year"] = 2.0

    assert ["/forums/0/cadence/meetings_per_year"] == list(problems_in(data, fmt))


@pytest.mark.parametrize(
    "value",
    ["2022-12-12T09:00:00", "2022-12-12T09:00:00+01:00", "2022-12-12 09:00:00", "09:00:00"],
)
def test_toml_date_and_time_or_time_is_not_a_date(value: str) -> None:
    assert ["/document_date"] == list(problems_of(MINIMAL + f"document_date = {value}\n"))


@pytest.mark.parametrize("value", ["2022-12-12T09:00:00", "12/12/2022", "2022-12-1", "20221212"])
def test_text_that_is_not_a_yyyy_mm_dd_date_is_not_a_date(value: str) -> None:
    assert ["/document_date"] == list(problems_in(document(document_date=value), "json"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_impossible_date_is_rejected(fmt: Format) -> None:
    problems = problems_in(document(document_date="2023-02-29"), fmt)

    assert {"/document_date": "'2023-02-29' is not a date"} == problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_enum_value_is_rejected_naming_the_choices(fmt: Format) -> None:
    data = document()
    data["forums"][0]["level"] = "strategic"

    problems = problems_in(data, fmt)

    assert ["/forums/0/level"] == list(problems)
    assert "'political', 'steering', 'management'" in problems["/forums/0/level"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_wrong_type_in_an_array_is_reported_at_its_index(fmt: Format) -> None:
    problems = problems_in(document(parties=["bun", "sn", 3]), fmt)

    assert {"/parties/2": "expected text, got an integer"} == problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_wrong_type_in_a_pair_is_reported_at_its_index(fmt: Format) -> None:
    data = document()
    data["forums"][0]["cadence"]["windows"][0]["months"] = [1, "6"]

    problems = problems_in(data, fmt)

    assert {"/forums/0/cadence/windows/0/months/1": "expected an integer, got text"} == problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_pair_of_the_wrong_length_is_rejected(fmt: Format) -> None:
    data = document()
    data["forums"][0]["cadence"]["windows"][0]["months"] = [1, 3, 6]

    assert ["/forums/0/cadence/windows/0/months"] == list(problems_in(data, fmt))


@pytest.mark.parametrize(("fmt", "value"), [("toml", "twice a year"), ("json", [2]), ("json", 2)])
def test_value_where_a_table_is_expected_is_rejected(fmt: Format, value: object) -> None:
    data = document()
    data["forums"][0]["cadence"] = value

    problems = problems_in(data, fmt)

    assert ["/forums/0/cadence"] == list(problems)
    assert problems["/forums/0/cadence"].startswith("expected a table, got ")


# -- invariants of the model -------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_window_whose_months_run_backwards_is_reported_at_its_months(fmt: Format) -> None:
    data = document()
    data["forums"][0]["cadence"]["windows"][1]["months"] = [12, 8]

    problems = problems_in(data, fmt)

    assert {
        "/forums/0/cadence/windows/1/months": "the first month (12) comes after the last (8)"
    } == problems


@pytest.mark.parametrize("fmt", FORMATS)
def test_period_that_ends_before_it_starts_is_reported_at_its_end(fmt: Format) -> None:
    data = document()
    data["validity"]["period"] = {"start": "2026-12-31", "end": "2023-01-01"}

    assert ["/validity/period/end"] == list(problems_in(data, fmt))


@pytest.mark.parametrize("fmt", FORMATS)
def test_evaluation_dated_before_its_year_is_reported_at_its_date(fmt: Format) -> None:
    data = json.loads(dumps(make_records(), "json"))
    data["evaluations"][0]["date"] = "2022-12-31"

    assert ["/evaluations/0/date"] == list(problems_in(data, fmt))


def test_id_that_is_not_a_slug_is_reported_at_its_field() -> None:
    problems = problems_of(MINIMAL.replace('id = "bus"', 'id = "Alingsås BUS"'))

    assert ["/id"] == list(problems)


# -- several problems --------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_problem_is_reported_at_once(fmt: Format) -> None:
    data = document(title=3, parties=["bun", 7], titel="BUS")
    data["forums"][0]["cadence"]["windows"][1]["months"] = [12, 8]
    data["forums"][1]["level"] = "strategic"

    problems = problems_in(data, fmt)

    assert {
        "/title",
        "/titel",
        "/parties/1",
        "/forums/0/cadence/windows/1/months",
        "/forums/1/level",
    } == set(problems)


def test_problems_in_several_list_items_are_all_reported() -> None:
    text = json.dumps(
        {
            "schema": SCHEMA,
            "kind": "records",
            "agreement": "bus",
            "meetings": [
                {"forum": "styr-bus", "date": "2023-02-30"},
                {"forum": "styr-bus", "date": "2023-03-09"},
                {"forum": "Styr BUS", "date": "2023-10-05"},
            ],
        }
    )

    assert {"/meetings/0/date", "/meetings/2/forum"} == set(problems_of(text, "json"))


# -- the header ----------------------------------------------------------------------


def test_document_without_schema_is_rejected() -> None:
    problems = problems_of(MINIMAL.replace('schema = "busmodel/1"\n', ""))

    assert ["/schema"] == list(problems)
    assert "'busmodel/1'" in problems["/schema"]


@pytest.mark.parametrize("schema", ['"busmodel/2"', '"busmodel"', "1"])
def test_unsupported_schema_is_rejected_naming_the_supported_ones(schema: str) -> None:
    problems = problems_of(MINIMAL.replace('"busmodel/1"', schema))

    assert ["/schema"] == list(problems)
    assert problems["/schema"].endswith("is not supported; supported: 'busmodel/1'")


@pytest.mark.parametrize("kind", ['"agrement"', '"records "', '"Agreement"', "[]"])
def test_unknown_kind_is_rejected_naming_the_kinds(kind: str) -> None:
    problems = problems_of(MINIMAL.replace('"agreement"', kind))

    assert ["/kind"] == list(problems)
    assert problems["/kind"].endswith(
        "is not one of 'agreement', 'framework', 'extension', 'records'"
    )


def test_document_without_kind_is_rejected() -> None:
    assert ["/kind"] == list(problems_of(MINIMAL.replace('kind = "agreement"\n', "")))


def test_bad_schema_and_bad_kind_are_reported_together() -> None:
    text = 'schema = "busmodel/9"\nkind = "avtal"\nid = "bus"\ntitle = "BUS"\n'

    assert {"/schema", "/kind"} == set(problems_of(text))


# -- syntax ------------------------------------------------------------------------------


def test_toml_syntax_error_gives_line_and_column() -> None:
    # "kind = " is seven characters, so the value is missing at column 8 of line 2.
    with pytest.raises(DocumentError) as raised:
        loads('schema = "busmodel/1"\nkind = \nid = "bus"\n', source="bus.toml")

    (problem,) = raised.value.problems
    assert ("", 2, 8) == (problem.path, problem.line, problem.column)
    assert "(at line" not in problem.message
    assert str(raised.value).startswith("bus.toml: 1 problem\n  line 2, column 8: ")


def test_toml_key_given_twice_is_a_syntax_error() -> None:
    with pytest.raises(DocumentError):
        loads(MINIMAL + 'title = "BUS igen"\n')


def test_json_syntax_error_gives_line_and_column() -> None:
    # The value of "kind" is missing: the next character is the "}" at line 4, column 1.
    text = '{\n  "schema": "busmodel/1",\n  "kind":\n}\n'

    with pytest.raises(DocumentError) as raised:
        loads(text, "json")

    (problem,) = raised.value.problems
    assert ("", 4, 1) == (problem.path, problem.line, problem.column)


def test_json_key_given_twice_is_reported_at_its_path() -> None:
    text = '{"schema": "busmodel/1", "kind": "agreement", "id": "bus", "title": "A", "title": "B"}'

    assert {"/title": "key 'title' is given more than once"} == problems_of(text, "json")


def test_json_keys_given_more_than_twice_are_each_reported_once_in_order() -> None:
    text = (
        '{"schema": "busmodel/1", "kind": "agreement", "title": "A", "id": "a", '
        '"title": "B", "id": "b", "title": "C"}'
    )
    with pytest.raises(DocumentError) as raised:
        loads(text, "json")
    assert ["/id", "/title"] == [problem.path for problem in raised.value.problems]


def test_json_key_given_twice_deep_in_the_document_is_reported_at_its_path() -> None:
    text = (
        '{"schema": "busmodel/1", "kind": "records", "agreement": "bus", "meetings": ['
        '{"forum": "styr-bus", "date": "2023-03-09"},'
        '{"forum": "styr-bus", "forum": "arbetsgrupp", "date": "2023-03-09"}]}'
    )

    assert ["/meetings/1/forum"] == list(problems_of(text, "json"))


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_rejected(constant: str) -> None:
    text = f'{{"schema": "busmodel/1", "kind": "records", "agreement": "bus", "x": {constant}}}'

    problems = problems_of(text, "json")

    assert {""} == set(problems)
    assert constant.lstrip("-") in problems[""]


@pytest.mark.parametrize(
    ("text", "got"),
    [("[]", "an array"), ('"bus"', "text"), ("1", "an integer"), ("null", "null")],
)
def test_json_document_that_is_not_an_object_is_rejected(text: str, got: str) -> None:
    assert {"": f"expected a table of keys at the top, got {got}"} == problems_of(text, "json")


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("x = " + "[" * 5000 + "]" * 5000, "toml"),
        ("[" * 100_000 + "]" * 100_000, "json"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "json"),
    ],
)
def test_deeply_nested_input_is_a_document_error(text: str, fmt: Format) -> None:
    with pytest.raises(DocumentError):
        loads(text, fmt)


def test_document_error_names_the_source() -> None:
    with pytest.raises(DocumentError) as raised:
        loads("schema = 1", source="examples/bus.toml")

    assert "examples/bus.toml" == raised.value.source


def test_document_error_problems_are_problems() -> None:
    with pytest.raises(DocumentError) as raised:
        loads("{}", "json")

    assert all(isinstance(problem, Problem) for problem in raised.value.problems)
    assert isinstance(raised.value, ValueError)


# -- files -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt"), [("bus.toml", "toml"), ("bus.json", "json")])
def test_load_reads_the_format_its_suffix_names(tmp_path: Path, name: str, fmt: Format) -> None:
    path = tmp_path / name
    path.write_text(dumps(make_records(), fmt), encoding="utf-8")

    assert make_records() == load(path)


def test_load_accepts_an_upper_case_suffix(tmp_path: Path) -> None:
    path = tmp_path / "BUS.TOML"
    path.write_text(MINIMAL, encoding="utf-8")

    assert Agreement(id="bus", title="BUS") == load(str(path))


def test_load_reads_json_text_in_a_toml_file_as_toml(tmp_path: Path) -> None:
    path = tmp_path / "bus.toml"
    path.write_text(dumps(make_records(), "json"), encoding="utf-8")

    with pytest.raises(DocumentError):
        load(path)


@pytest.mark.parametrize(("name", "named"), [("bus.yaml", "'.yaml'"), ("bus", "'no suffix'")])
def test_load_of_an_unknown_suffix_is_rejected(tmp_path: Path, name: str, named: str) -> None:
    path = tmp_path / name
    path.write_text(MINIMAL, encoding="utf-8")

    with pytest.raises(DocumentError) as raised:
        load(path)

    assert str(path) == raised.value.source
    (problem,) = raised.value.problems
    assert named in problem.message


def test_load_of_text_that_is_not_utf_8_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bus.toml"
    path.write_bytes(MINIMAL.replace("BUS", "Alingsås").encode("latin-1"))

    with pytest.raises(DocumentError) as raised:
        load(path)

    assert str(path) == raised.value.source


def test_load_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bus.toml"
    path.write_text(MINIMAL.replace("title", "titel"), encoding="utf-8")

    with pytest.raises(DocumentError) as raised:
        load(path)

    assert str(path) == raised.value.source


@pytest.mark.parametrize("kind", [AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK])
def test_load_agreement_reads_agreements_and_frameworks(
    tmp_path: Path, kind: AgreementKind
) -> None:
    path = tmp_path / "bus.toml"
    dump(make_agreement(kind=kind), path)

    assert make_agreement(kind=kind) == load_agreement(path)


def test_load_agreement_of_records_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    dump(make_records(), path)

    with pytest.raises(DocumentError) as raised:
        load_agreement(path)

    assert (str(path), ("/kind", "expected 'agreement' or 'framework', got 'records'")) == (
        raised.value.source,
        (raised.value.problems[0].path, raised.value.problems[0].message),
    )


@pytest.mark.parametrize("kind", [AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK])
def test_load_records_of_an_agreement_is_rejected(tmp_path: Path, kind: AgreementKind) -> None:
    path = tmp_path / "bus.toml"
    dump(make_agreement(kind=kind), path)

    with pytest.raises(DocumentError) as raised:
        load_records(path)

    (problem,) = raised.value.problems
    assert ("/kind", f"expected 'records', got {kind.value!r}") == (problem.path, problem.message)


def test_load_records_reads_records(tmp_path: Path) -> None:
    path = tmp_path / "records.toml"
    dump(make_records(), path)

    assert make_records() == load_records(path)


def test_a_bad_id_inside_an_array_is_reported_at_its_item() -> None:
    text = 'schema = "busmodel/1"\nkind = "agreement"\nid = "a"\ntitle = "A"\n'
    text += 'parties = ["ok", "Bad"]\n'
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text)
    assert ["/parties/1"] == [p.path for p in caught.value.problems]


def test_a_file_starting_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_text(
        'schema = "busmodel/1"\nkind = "records"\nagreement = "a"\n', encoding="utf-8-sig"
    )
    assert busmodel.Records(agreement="a") == busmodel.load(path)


def test_every_broken_value_is_listed_not_only_the_first_of_each_table() -> None:
    text = "\n".join(
        [
            'schema = "busmodel/1"',
            'kind = "agreement"',
            'id = "Bad Id"',
            'title = " "',
            'parties = ["ok", "Bad", "Worse"]',
            "[[signatures]]",
            'body = "X"',
            'name = ""',
            "date = 2023-01-01",
        ]
    )
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text)
    expected = {
        "/id",
        "/title",
        "/parties/1",
        "/parties/2",
        "/signatures/0/body",
        "/signatures/0/name",
    }
    assert expected == {p.path for p in caught.value.problems}


def test_a_date_far_outside_any_agreement_is_a_located_error() -> None:
    text = 'schema = "busmodel/1"\nkind = "records"\nagreement = "a"\n'
    text += '[[meetings]]\nforum = "f"\ndate = 9999-12-31\n'
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text)
    [problem] = caught.value.problems
    assert "/meetings/0/date" == problem.path
    assert "2199-12-31" in problem.message


def test_json_text_with_a_lone_surrogate_is_a_located_problem() -> None:
    text = '{"schema": "busmodel/1", "kind": "records", "agreement": "a", '
    text += '"meetings": [{"forum": "f", "date": "2024-01-10", "topics": ["\\ud800"]}]}'
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text, "json")
    assert ["/meetings/0/topics/0"] == [p.path for p in caught.value.problems]


RECORDS_TEXT = 'schema = "busmodel/1"\nkind = "records"\nagreement = "a"\n'


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_loads_and_load_both_accept_a_leading_byte_order_mark(
    fmt: busmodel.Format, tmp_path: Path
) -> None:
    text = busmodel.dumps(busmodel.Records(agreement="a"), fmt)
    path = tmp_path / f"bom.{fmt}"
    path.write_text(text, encoding="utf-8-sig")
    assert busmodel.Records(agreement="a") == busmodel.loads("\ufeff" + text, fmt)
    assert busmodel.Records(agreement="a") == busmodel.load(path)


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_byte_order_mark_after_the_start_is_still_a_syntax_error(fmt: busmodel.Format) -> None:
    text = busmodel.dumps(busmodel.Records(agreement="a"), fmt)
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads("\ufeff\ufeff" + text, fmt)
    [problem] = caught.value.problems
    assert (1, 1) == (problem.line, problem.column)


def test_dump_that_fails_midway_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "keep.toml"
    path.write_text(RECORDS_TEXT, encoding="utf-8")

    def unwritable(document: busmodel.Document, format: busmodel.Format = "toml") -> str:
        return 'agreement = "b"\ntitle = "\ud800"\n'  # fails half-way through encoding

    monkeypatch.setattr("busmodel.format._document.dumps", unwritable)
    with pytest.raises(UnicodeEncodeError):
        busmodel.dump(busmodel.Records(agreement="b"), path)
    assert RECORDS_TEXT == path.read_text(encoding="utf-8")
    assert ["keep.toml"] == [p.name for p in tmp_path.iterdir()]


def test_dump_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "keep.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    busmodel.dump(busmodel.Records(agreement="b"), path)
    assert busmodel.Records(agreement="b") == busmodel.load(path)
    assert ["keep.json"] == [p.name for p in tmp_path.iterdir()]
    assert 0o640 == path.stat().st_mode & 0o777


def test_dump_through_a_symlink_replaces_the_target_not_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.toml"
    target.write_text(RECORDS_TEXT, encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    busmodel.dump(busmodel.Records(agreement="b"), link)
    assert link.is_symlink()
    assert busmodel.Records(agreement="b") == busmodel.load(target)


# -- reading files: every reason a file cannot be read is a DocumentError ------


def refusal(path: str | Path) -> tuple[str, list[str]]:
    """The source and the messages of the DocumentError that loading ``path`` raises."""
    with pytest.raises(DocumentError) as raised:
        load(path)
    return raised.value.source, [problem.message for problem in raised.value.problems]


def test_load_of_a_directory_is_a_document_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "agreements.toml"
    path.mkdir()
    assert (str(path), ["cannot read: is a directory"]) == refusal(path)


def test_load_of_a_missing_file_is_a_document_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    assert (str(path), ["cannot read: no such file or directory"]) == refusal(path)


def test_load_of_a_file_name_too_long_is_a_document_error_naming_it(tmp_path: Path) -> None:
    path = str(tmp_path / ("a" * 300 + ".toml"))
    assert (path, ["cannot read: file name too long"]) == refusal(path)


def test_load_through_a_symbolic_link_loop_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "loop.toml"
    path.symlink_to(path)
    assert (str(path), ["cannot read: too many levels of symbolic links"]) == refusal(path)


def test_load_through_a_dangling_symbolic_link_says_so(tmp_path: Path) -> None:
    path = tmp_path / "link.toml"
    path.symlink_to(tmp_path / "gone.toml")
    assert (str(path), ["cannot read: a symbolic link to a file that does not exist"]) == refusal(
        path
    )


def test_load_of_a_name_with_a_nul_character_is_a_document_error() -> None:
    assert ("a\0b.toml", ["cannot read: the file name holds a NUL character"]) == refusal(
        "a\0b.toml"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_load_of_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("load() waited for a writer to the FIFO")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(5)
    try:
        assert (str(path), ["cannot read: not a regular file but a FIFO (named pipe)"]) == refusal(
            path
        )
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_load_of_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert (str(path), ["cannot read: not a regular file but a socket"]) == refusal(path)


def test_load_of_a_device_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "zero.toml"
    path.symlink_to(os.devnull)
    assert (str(path), ["cannot read: not a regular file but a device"]) == refusal(path)


@pytest.mark.parametrize(
    "code", [errno.EACCES, errno.EPERM, errno.EIO, errno.EMFILE, errno.ENOENT, errno.EISDIR]
)
def test_every_os_error_on_opening_is_a_document_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    path = tmp_path / "bus.toml"
    path.write_text(MINIMAL, encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> int:
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(os, "open", fail)
    reason = os.strerror(code)
    assert (str(path), [f"cannot read: {reason[0].lower()}{reason[1:]}"]) == refusal(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_load_of_a_file_without_read_permission_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0)
    assert (str(path), ["cannot read: permission denied"]) == refusal(path)


def test_load_of_text_that_is_not_utf_8_says_where(tmp_path: Path) -> None:
    path = tmp_path / "bus.toml"
    path.write_bytes(MINIMAL.replace("BUS", "Alingsås").encode("latin-1"))

    with pytest.raises(DocumentError) as raised:
        load(path)

    (problem,) = raised.value.problems
    assert (4, 16) == (problem.line, problem.column)  # title = "Alings|å
    assert problem.message.startswith("not UTF-8 text")


# -- integers too long to read -------------------------------------------------


def test_a_toml_integer_too_long_to_read_is_a_located_document_error() -> None:
    digits = "9" * 5000
    text = MINIMAL + f"\n[municipality]\nname = 'x'\ncode = {digits}\n"

    with pytest.raises(DocumentError) as raised:
        loads(text)

    (problem,) = raised.value.problems
    assert (8, 8) == (problem.line, problem.column)
    assert "5000 digits" in problem.message


def test_a_toml_integer_too_long_to_read_is_located_past_strings_that_look_like_it() -> None:
    digits = "1_" + "9" * 4400
    text = f'a = "x = {digits}"\n# b = {digits}\nc = [\n  1,\n  -{digits},\n]\n'

    with pytest.raises(DocumentError) as raised:
        loads(text)

    (problem,) = raised.value.problems
    assert (5, 4) == (problem.line, problem.column)


def test_a_json_integer_too_long_to_read_is_reported_at_its_path() -> None:
    text = '{"schema": "busmodel/1", "kind": "agreement", "id": "a", "title": "A",\n'
    text += '"members": [1, -' + "9" * 5000 + "]}"

    with pytest.raises(DocumentError) as raised:
        loads(text, "json")

    (problem,) = raised.value.problems
    assert "/members/1" == problem.path
    assert "5000 digits" in problem.message


@pytest.mark.parametrize("fmt", FORMATS)
def test_busmodel_loads_of_a_huge_integer_raises_only_document_error(fmt: Format) -> None:
    with pytest.raises(DocumentError):
        busmodel.loads(("x = " if fmt == "toml" else "") + "9" * 5000, fmt)


def test_an_unknown_key_close_to_a_known_one_asks_did_you_mean_in_both_languages() -> None:
    text = 'schema = "busmodel/1"\nkind = "records"\nagrement = "bus"\nagreement = "bus"\n'
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text)
    [problem] = caught.value.problems
    assert problem.message.startswith("unknown key 'agrement' (did you mean 'agreement'?); ")
    assert problem.text.sv.startswith("okänd nyckel 'agrement' (menade du 'agreement'?); ")


def test_an_unknown_key_like_no_known_one_lists_the_keys_without_a_guess() -> None:
    text = 'schema = "busmodel/1"\nkind = "records"\nagreement = "bus"\nzzz = 1\n'
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text)
    [problem] = caught.value.problems
    assert "did you mean" not in problem.message
    assert problem.message.startswith("unknown key 'zzz'; expected one of: agreement")


def test_an_enum_value_close_to_an_allowed_one_asks_did_you_mean() -> None:
    text = 'schema = "busmodel/1"\nkind = "agreement"\nid = "a"\ntitle = "A"\n'
    text += '[validity]\nbasis = "fixd"\nperiod = { start = 2024-01-01 }\n'
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text)
    [problem] = caught.value.problems
    assert "/validity/basis" == problem.path
    assert problem.message.startswith("'fixd' is not one of ")
    assert problem.message.endswith(" (did you mean 'fixed'?)")
    assert problem.text.sv.endswith(" (menade du 'fixed'?)")


def test_json_text_read_as_toml_says_it_looks_like_json_in_both_languages() -> None:
    text = busmodel.dumps(busmodel.Records(agreement="a"), "json")
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text, "toml")
    [problem] = caught.value.problems
    assert problem.message.endswith("; the text looks like JSON: is it named .json?")
    assert problem.text.sv.endswith("; texten ser ut som JSON: ska filen heta .json?")


def test_toml_text_read_as_json_says_it_looks_like_toml() -> None:
    text = busmodel.dumps(busmodel.Records(agreement="a"), "toml")
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text, "json")
    [problem] = caught.value.problems
    assert problem.message.endswith("; the text looks like TOML: is it named .toml?")
    assert problem.text.sv.endswith("; texten ser ut som TOML: ska filen heta .toml?")


@pytest.mark.parametrize(
    ("text", "fmt"), [("x = = 1\n", "toml"), ('{"a": }', "json"), ("[1, 2", "json")]
)
def test_a_plain_syntax_error_guesses_no_other_format(text: str, fmt: busmodel.Format) -> None:
    with pytest.raises(busmodel.DocumentError) as caught:
        busmodel.loads(text, fmt)
    [problem] = caught.value.problems
    assert "looks like" not in problem.message


# -- the layout of dumps (TOML that reads like the examples) --------------------------


def example(name: str) -> Agreement:
    from tests.support.paths import EXAMPLES

    return load_agreement(EXAMPLES / name)


def test_dumps_writes_an_array_of_scalars_on_one_line() -> None:
    text = dumps(Agreement(id="bus", title="BUS", parties=("sn", "bun")))

    assert 'parties = ["sn", "bun"]\n' in text


def test_dumps_writes_an_array_too_long_for_a_line_an_item_a_line() -> None:
    parties = tuple(f"barn-och-ungdomsnamnden-{n}" for n in range(5))

    text = dumps(Agreement(id="bus", title="BUS", parties=parties))

    assert "parties = [\n" + "".join(f'    "{p}",\n' for p in parties) + "]\n" in text


def test_dumps_writes_short_records_an_inline_table_a_line() -> None:
    text = dumps(example("kungalv-bus-2021.toml"))

    assert (
        "signatures = [\n"
        '    { body = "socialnamnden", date = 2021-03-15, title = "Ordförande", '
        'place = "Kungälv" },\n'
        '    { body = "barn-och-utbildningsnamnden", date = 2021-03-22, title = "Ordförande", '
        'place = "Kungälv" },\n'
        "]\n"
    ) in text


def test_dumps_writes_forums_as_tables_and_their_windows_inline() -> None:
    text = dumps(example("alingsas-bus-2023-corrected.toml"))

    assert text.count("\n[[forums]]\n") == 4
    assert (
        "[forums.cadence]\n"
        "meetings_per_year = 2\n"
        "windows = [\n"
        '    { name = "spring", months = [1, 6], focus = "tidigare och pågående satsningar" },\n'
        '    { name = "autumn", months = [7, 12], focus = "nuläge och framtid" },\n'
        "]\n"
        "extra_meetings = true\n"
    ) in text
    assert "[[forums.cadence.windows]]" not in text
    assert "period = { start = 2023-01-01, end = 2026-12-31 }\n" in text


def test_dumps_writes_a_short_table_in_a_table_inline() -> None:
    text = dumps(example("kungalv-bus-2021.toml"))

    assert (
        "[validity]\n"
        'basis = "from-signing"\n'
        "period = { start = 2021-03-22, end = 2022-12-31 }\n"
        "extension = { years = 2 }\n"
    ) in text


def test_dumps_writes_long_text_as_a_multi_line_string_broken_at_spaces() -> None:
    purpose = " ".join(["samverkan kring barn och unga"] * 6)

    text = dumps(Agreement(id="bus", title="BUS", purpose=purpose))

    assert (
        'purpose = """\\\n'
        "samverkan kring barn och unga samverkan kring barn och unga samverkan kring \\\n"
        "barn och unga samverkan kring barn och unga samverkan kring barn och unga \\\n"
        'samverkan kring barn och unga"""\n'
    ) in text
    assert purpose == loads(text).purpose  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        'Citat: "BUS" och ""dubbla"" och """tre""" och slut"',
        "rad ett\nrad två\r\nrad tre\n",
        "\n  indragen första rad",
        "bakstreck \\ och \\\\ och slut \\",
        "tab\there och ångström, ÅÄÖ, 漢字, 🙂 och \u2028 skiljetecken",
        "ord " * 60,
        "x" * 300,
        "  två  mellanslag  " * 10,
    ],
)
def test_dumps_writes_any_text_so_that_it_reads_back_the_same(text: str) -> None:
    agreement = Agreement(id="bus", title=text.strip() or "BUS", purpose=text.strip() or None)

    assert agreement == loads(dumps(agreement))


def test_dumps_is_byte_stable_for_every_example() -> None:
    from tests.support.paths import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.toml")):
        document = load(path)
        text = dumps(document)
        assert document == loads(text), path
        assert text == dumps(loads(text)), path


def test_dumps_writes_a_long_list_of_records_and_reads_it_back() -> None:
    base = make_records()
    meetings = tuple(base.meetings[0] for _ in range(500))
    records = Records(agreement="bus", meetings=meetings)

    assert records == loads(dumps(records))


# -- the document state --------------------------------------------------------------


def test_dumps_leaves_out_the_state_of_a_final_document() -> None:
    assert "\nstate = " not in dumps(make_agreement())
    assert "state" not in json.loads(dumps(make_agreement(), "json"))


def test_dumps_writes_the_state_of_a_draft_after_the_title() -> None:
    draft = Agreement(id="bus", title="BUS", state=busmodel.DocumentState.DRAFT)

    assert MINIMAL + 'state = "draft"\n' == dumps(draft)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_draft_round_trips(fmt: Format) -> None:
    draft = make_agreement(state=busmodel.DocumentState.DRAFT)

    assert draft == loads(dumps(draft, fmt), fmt)


def test_a_state_that_is_not_draft_or_final_is_a_located_problem() -> None:
    text = MINIMAL + 'state = "utkast"\n'

    with pytest.raises(DocumentError) as raised:
        loads(text)

    [problem] = raised.value.problems
    assert ("/state", 5) == (problem.path, problem.line)
    assert "'utkast' is not one of 'draft', 'final'" == problem.message
