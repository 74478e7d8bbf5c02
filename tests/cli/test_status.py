"""``busmodel status``: a folder of agreements as a table or JSON, one row an agreement."""

import io
import json
from pathlib import Path

import pytest

from busmodel.cli import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main
from tests.support.cli import run
from tests.support.paths import EXAMPLES

TODAY = "2026-11-27"
CORRECTED = str(EXAMPLES / "alingsas-bus-2023-corrected.toml")
RECORDS = str(EXAMPLES / "alingsas-records-2023-2025.toml")
KUNGALV = str(EXAMPLES / "kungalv-bus-2021.toml")
PARTILLE = str(EXAMPLES / "partille-bus.toml")
KUNGALV_EXTENSIONS = [
    str(EXAMPLES / "kungalv-bus-2021-forlangning-2023.toml"),
    str(EXAMPLES / "kungalv-bus-2021-forlangning-2025.toml"),
]
AGREEMENTS_IN_EXAMPLES = [
    "alingsas-bus-2023",
    "alingsas-bus-2023-as-written",
    "fyrbodal-barn-och-unga-2020",
    "kungalv-bus-2021",
    "lerum-riktlinjer-2011",
    "partille-bus",
    "stenungsund-vgr-2018",
    "uddevalla-bus-2023",
    "vastbus-2005",
]


def rows(out: str) -> dict[str, list[str]]:
    """The table's rows by agreement id, each split into its cells at the header's columns."""
    header, *lines = out.splitlines()
    starts = [0] + [
        i + 2 for i in range(len(header) - 2) if header[i : i + 2] == "  " and header[i + 2] != " "
    ]
    found = {}
    for line in lines:
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        found[cells[0]] = cells
    return found


def status_json(*argv: str) -> dict[str, object]:
    code, out, err = run("status", *argv, "--today", TODAY, "--format", "json")
    assert (EXIT_OK, "") == (code, err)
    data: dict[str, object] = json.loads(out)
    return data


def agreements(data: dict[str, object]) -> dict[str, dict[str, object]]:
    listed = data["agreements"]
    assert isinstance(listed, list)
    return {row["id"]: row for row in listed}


def test_the_examples_folder_has_one_row_an_agreement_and_none_for_records_or_extensions() -> None:
    code, out, err = run("status", str(EXAMPLES), "--today", TODAY)

    assert (EXIT_OK, "") == (code, err)
    assert AGREEMENTS_IN_EXAMPLES == list(rows(out))


def test_alingsas_row_says_34_days_left_renewal_due_and_the_chairs() -> None:
    _, out, _ = run("status", CORRECTED, RECORDS, "--today", TODAY)

    assert [
        "alingsas-bus-2023",
        "yes",
        "2026-12-31",
        "34",
        "yes",
        "Barn- och ungdomsnämnden",
        "Socialnämnden from 2027-01-01",
        "Politisk samverkan, autumn 2026 (2026-07-01 – 2026-12-31): regular meetings held 0 of 1",
    ] == rows(out)["alingsas-bus-2023"]


def test_the_table_is_in_swedish_when_asked() -> None:
    _, out, _ = run("status", CORRECTED, "--today", TODAY, "--lang", "sv")

    header = out.splitlines()[0].split("  ")
    assert ["överenskommelse", "gäller", "gäller till", "dagar kvar", "dags att förnya"] == [
        cell.strip() for cell in header if cell.strip()
    ][:5]
    assert "Socialnämnden från 2027-01-01" in rows(out)["alingsas-bus-2023"]


def test_the_columns_are_aligned() -> None:
    _, out, _ = run("status", str(EXAMPLES), "--today", TODAY)

    header, *lines = out.splitlines()
    column = header.index("days left")
    assert all(line[column - 2 : column] == "  " and line[column] != " " for line in lines)


def test_extensions_among_the_paths_carry_the_agreement_on() -> None:
    _, out, _ = run("status", KUNGALV, *KUNGALV_EXTENSIONS, "--today", TODAY)

    assert ["kungalv-bus-2021", "yes", "2026-12-31 (extended)", "34", "yes"] == rows(out)[
        "kungalv-bus-2021"
    ][:5]


def test_extensions_given_as_registry_count_but_get_no_row() -> None:
    data = status_json(
        KUNGALV, "--registry", KUNGALV_EXTENSIONS[0], "--registry", KUNGALV_EXTENSIONS[1]
    )

    kungalv = agreements(data)["kungalv-bus-2021"]
    assert ["kungalv-bus-2021"] == list(agreements(data))
    assert ("2026-12-31", 34, True) == (
        kungalv["effective_end"],
        kungalv["days_left"],
        kungalv["renewal_due"],
    )


def test_without_its_extensions_the_agreement_has_expired() -> None:
    _, out, _ = run("status", KUNGALV, "--today", TODAY)

    assert ["no, expired", "2022-12-31", "-1427", "no"] == rows(out)["kungalv-bus-2021"][1:5]


def test_the_json_has_the_documented_structure() -> None:
    data = status_json(CORRECTED, "--records", RECORDS)

    assert ("busmodel-status/1", TODAY, 90, []) == (
        data["schema"],
        data["today"],
        data["renewal_horizon_days"],
        data["unreadable"],
    )
    row = agreements(data)["alingsas-bus-2023"]
    assert {
        "source": CORRECTED,
        "id": "alingsas-bus-2023",
        "title": "BUS- Barn Ungdom Samverkan",
        "kind": "agreement",
        "standing": "in-force",
        "standing_text": "in force",
        "in_force": True,
        "start": "2023-01-01",
        "end": "2026-12-31",
        "effective_end": "2026-12-31",
        "extended_by": [],
        "days_left": 34,
        "renewal_due": True,
        "continued_by": None,
        "chair": {"id": "barn-och-ungdomsnamnden", "name": "Barn- och ungdomsnämnden"},
        "next_chair": {"id": "socialnamnden", "name": "Socialnämnden", "from": "2027-01-01"},
        "windows": [
            {
                "forum": "politisk-samverkan",
                "forum_name": "Politisk samverkan",
                "window": "autumn",
                "first": "2026-07-01",
                "last": "2026-12-31",
                "open": True,
                "required": 1,
                "held": 0,
                "met": False,
                "focus": "nuläge och framtid",
                "text": "Politisk samverkan, autumn 2026 (2026-07-01 – 2026-12-31): "
                "regular meetings held 0 of 1",
            }
        ],
        "due": [],
    } == row


def test_the_json_without_records_knows_nothing_held_or_due() -> None:
    row = agreements(status_json(CORRECTED))["alingsas-bus-2023"]

    assert (None, None, None) == (row["due"], row["windows"][0]["held"], row["windows"][0]["met"])  # type: ignore[index]


def test_the_json_texts_are_in_the_language_asked() -> None:
    code, out, _ = run("status", CORRECTED, "--today", TODAY, "--format", "json", "--lang", "sv")

    assert EXIT_OK == code
    assert "gäller" == json.loads(out)["agreements"][0]["standing_text"]


def test_the_renewal_horizon_can_be_set() -> None:
    code, out, _ = run("status", CORRECTED, "--today", TODAY, "--renewal-horizon", "30")

    assert (EXIT_OK, "no") == (code, rows(out)["alingsas-bus-2023"][4])


def test_today_is_required() -> None:
    code, _, err = run("status", CORRECTED)

    assert EXIT_USAGE == code
    assert "--today" in err


def test_an_unreadable_file_is_reported_as_validate_reports_it_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = "busmodel/1"\nkind = "agreement"\nid = "Bad Id"\ntitle = "B"\n')

    code, out, err = run("status", CORRECTED, str(bad), "--today", TODAY)
    _, _, validated = run("validate", CORRECTED, str(bad), "--today", TODAY)

    assert EXIT_UNREADABLE == code
    assert ["alingsas-bus-2023"] == list(rows(out))
    assert err == validated


def test_an_unreadable_file_is_in_the_json_too(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = \n")

    code, out, _ = run("status", CORRECTED, str(bad), "--today", TODAY, "--format", "json")

    assert EXIT_UNREADABLE == code
    assert [str(bad)] == [entry["source"] for entry in json.loads(out)["unreadable"]]


def test_records_given_that_are_not_records_are_refused() -> None:
    code, _, err = run("status", CORRECTED, "--records", KUNGALV, "--today", TODAY)

    assert EXIT_UNREADABLE == code
    assert "records were expected here, not 'agreement'" in err


def test_records_for_an_agreement_not_among_the_paths_are_refused() -> None:
    code, _, err = run("status", KUNGALV, "--records", RECORDS, "--today", TODAY)

    assert EXIT_UNREADABLE == code
    assert "no agreement with the id 'alingsas-bus-2023' is among the paths given" in err


def test_records_refused_for_either_reason_are_reported_in_the_order_validate_reports_them(
    tmp_path: Path,
) -> None:
    other = tmp_path / "other-records.toml"
    other.write_text('schema = "busmodel/1"\nkind = "records"\nagreement = "nobody"\n')
    given = [CORRECTED, PARTILLE, "--records", str(other), "--records", KUNGALV, "--today", TODAY]

    code, _, err = run("status", *given)
    _, _, validated = run("validate", *given)

    assert EXIT_UNREADABLE == code
    assert err == validated
    [refused, unknown] = err.splitlines()
    assert "records were expected here, not 'agreement'" in refused
    assert "no agreement with the id 'nobody' is among the paths given" in unknown


def test_no_agreement_found_exits_2() -> None:
    code, out, err = run("status", RECORDS, "--today", TODAY)

    assert (EXIT_UNREADABLE, "") == (code, out)
    assert "no agreement or framework found" in err


def test_a_document_on_standard_input_is_read() -> None:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.BytesIO(Path(CORRECTED).read_bytes())

    code = main(["status", "-", "--today", TODAY], out, err, stdin)

    assert (EXIT_OK, "") == (code, err.getvalue())
    assert ["alingsas-bus-2023"] == list(rows(out.getvalue()))


@pytest.mark.parametrize("form", ["text", "json"])
def test_the_output_is_the_same_on_every_run(form: str) -> None:
    first = run("status", str(EXAMPLES), "--today", TODAY, "--format", form)

    assert first == run("status", str(EXAMPLES), "--today", TODAY, "--format", form)
