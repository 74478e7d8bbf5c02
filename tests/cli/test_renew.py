"""``busmodel renew`` and ``busmodel extend``: the draft as the file a person wrote."""

import datetime as dt
import io
import json
from pathlib import Path

import busmodel as bm
from busmodel.cli import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main
from tests.support.cli import run
from tests.support.paths import EXAMPLES

TODAY = dt.date(2026, 11, 27)
CORRECTED = EXAMPLES / "alingsas-bus-2023-corrected.toml"
KUNGALV = EXAMPLES / "kungalv-bus-2021.toml"
DATED = ("--document-date", "2026-11-27")


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def test_renew_keeps_every_comment_of_the_source() -> None:
    code, out, err = run("renew", str(CORRECTED), "--document-date", "2026-11-27")

    assert (EXIT_OK, "") == (code, err)
    written = set(out.splitlines())
    assert [] == [line for line in comments(CORRECTED.read_text()) if line not in written]


def test_renew_writes_what_renew_returns() -> None:
    code, out, _ = run("renew", str(CORRECTED), "--document-date", "2026-11-27")

    assert EXIT_OK == code
    assert bm.renew(bm.load_agreement(CORRECTED), document_date=TODAY) == bm.loads(out)


def test_renew_changes_only_the_lines_of_the_values_renewal_changes() -> None:
    _, out, _ = run("renew", str(CORRECTED), "--document-date", "2026-11-27")
    source = CORRECTED.read_text().splitlines()
    draft = out.split("\n\n", 1)[1].splitlines()  # after the comment at the top

    added = [line for line in draft if line not in source]
    removed = [line for line in source if line not in draft]

    assert [
        'id = "alingsas-bus-2027"',
        'state = "draft"',
        "document_date = 2026-11-27",
        'supersedes = ["alingsas-bus-2023"]',
        '    { body = "socialnamnden", period = { start = 2027-01-01, end = 2030-12-31 } },',
        "period = { start = 2027-01-01, end = 2030-12-31 }",
    ] == added
    assert [
        'id = "alingsas-bus-2023"',
        "document_date = 2022-12-14",
        'supersedes = ["alingsas-bus-2019"]',
        "signatures = [",
        '    { body = "barn-och-ungdomsnamnden", name = "Thomas Thim", date = 2022-12-15, '
        'title = "Ordförande", place = "Alingsås" },',
        '    { body = "socialnamnden", name = "Kent Perciwall", date = 2022-12-16, '
        'title = "Ordförande", place = "Alingsås" },',
        '    { body = "kultur-och-utbildningsnamnden", name = "Anne Gunnevik", date = 2022-12-19, '
        'title = "Ordförande", place = "Alingsås" },',
        '    { body = "barn-och-ungdomsnamnden", '
        "period = { start = 2023-01-01, end = 2026-12-31 } },",
        "period = { start = 2023-01-01, end = 2026-12-31 }",
        "[[exemptions]]",
        'code = "SUP001"',
        'path = "/supersedes/0"',
        'reason = "Den tidigare överenskommelsen (BUS- Barn och Unga Samverkan) finns inte i '
        'digital form."',
    ] == [line for line in removed if line != "]"]


def test_the_comment_at_the_top_says_what_changed_and_from_which_file() -> None:
    _, out, _ = run("renew", str(CORRECTED), "--document-date", "2026-11-27")
    header = out.split("\n\n", 1)[0]
    flowing = " ".join(line.removeprefix("#").strip() for line in header.splitlines())

    assert flowing.startswith(
        f'DRAFT (state = "draft"), drawn up by `busmodel renew` from {CORRECTED}: the agreement '
        "alingsas-bus-2023 for the next period, 2027-01-01 – 2030-12-31, to be signed or "
        "adopted anew. Changed: id, document_date, supersedes, chair.terms, validity.period; "
        "added: state; removed: signatures, exemptions. Everything else is as in that file."
    )
    assert f'UTKAST (state = "draft"), upprättat med `busmodel renew` från {CORRECTED}' in flowing


def test_the_renewed_draft_validates_without_errors() -> None:
    _, out, _ = run("renew", str(CORRECTED), "--document-date", "2026-11-27")
    draft = bm.loads(out)

    assert isinstance(draft, bm.Agreement)
    report = bm.validate(draft)

    assert report.ok


def test_renew_writes_the_draft_to_the_file_given(tmp_path: Path) -> None:
    target = tmp_path / "alingsas-bus-2027.toml"

    code, out, err = run(
        "renew", str(CORRECTED), "--document-date", "2026-11-27", "-o", str(target)
    )

    assert (EXIT_OK, "", "") == (code, out, err)
    assert "alingsas-bus-2027" == bm.load_agreement(target).id


def test_renew_of_a_json_document_writes_json_in_its_key_order(tmp_path: Path) -> None:
    source = tmp_path / "kungalv.json"
    source.write_text(bm.dumps(bm.load(KUNGALV), "json"), encoding="utf-8")

    code, out, _ = run("renew", str(source), "--document-date", "2026-11-27")

    assert EXIT_OK == code
    draft = bm.renew(bm.load_agreement(source), document_date=TODAY)
    assert draft == bm.loads(out, "json")
    assert ["schema", "kind", "id", "title", "state"] == list(json.loads(out))[:5]


def test_renew_to_a_json_file_writes_json(tmp_path: Path) -> None:
    target = tmp_path / "alingsas-bus-2027.json"

    code, _, _ = run("renew", str(CORRECTED), "--document-date", "2026-11-27", "-o", str(target))

    assert EXIT_OK == code
    assert bm.renew(bm.load_agreement(CORRECTED), document_date=TODAY) == bm.load(target)


def test_renew_reads_standard_input() -> None:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.BytesIO(CORRECTED.read_bytes())

    code = main(["renew", "-", "--document-date", "2026-11-27"], out, err, stdin)

    assert EXIT_OK == code
    assert "from standard input" in out.getvalue().splitlines()[0]
    draft = bm.loads(out.getvalue())
    assert isinstance(draft, bm.Agreement)
    assert "alingsas-bus-2027" == draft.id


def test_extend_writes_the_extension_after_the_last_one_in_the_registry() -> None:
    code, out, err = run(
        "extend", str(KUNGALV), "--registry", str(EXAMPLES), "--document-date", "2026-11-27"
    )

    assert (EXIT_OK, "") == (code, err)
    draft = bm.loads(out)
    assert isinstance(draft, bm.Agreement)
    assert draft.validity is not None
    assert bm.Period(dt.date(2027, 1, 1), dt.date(2028, 12, 31)) == draft.validity.period
    assert out.startswith('# DRAFT (state = "draft"), drawn up by `busmodel extend` from')


def test_extend_writes_the_extension_as_the_examples_are_written() -> None:
    _, out, _ = run(
        "extend", str(KUNGALV), "--registry", str(EXAMPLES), "--document-date", "2026-11-27"
    )
    document = out.split("\n\n", 1)[1]

    assert (
        'schema = "busmodel/1"\n'
        'kind = "extension"\n'
        'id = "kungalv-bus-2021-forlangning-2027"\n'
        'title = "Förlängning av Samverkansöverenskommelse BUS Kungälv 2027–2028"\n'
        'state = "draft"\n'
        "document_date = 2026-11-27\n"
        'extends = "kungalv-bus-2021"\n'
        "\n"
        "bodies = [\n"
        '    { id = "socialnamnden", name = "Socialnämnden", kind = "committee" },\n'
        '    { id = "barn-och-utbildningsnamnden", name = "Barn- och utbildningsnämnden", '
        'kind = "committee" },\n'
        "]\n"
        'parties = ["socialnamnden", "barn-och-utbildningsnamnden"]\n'
        "\n"
        "[municipality]\n"
        'name = "Kungälv"\n'
        'code = "1482"\n'
        "\n"
        "[validity]\n"
        'basis = "fixed"\n'
        "period = { start = 2027-01-01, end = 2028-12-31 }\n"
    ) == document


def test_an_agreement_in_force_until_further_notice_is_refused_in_the_language_asked() -> None:
    path = EXAMPLES / "partille-bus.toml"

    code, out, err = run("renew", str(path), "--document-date", "2026-11-27", "--lang", "sv")

    assert (EXIT_ERRORS, "") == (code, out)
    assert (
        f"busmodel renew: {path}: 'partille-bus' gäller tills vidare: den löper tills en part "
        "säger upp den, så den varken förnyas eller förlängs\n"
    ) == err


def test_extend_of_an_agreement_without_a_clause_is_refused() -> None:
    code, _, err = run("extend", str(CORRECTED), "--document-date", "2026-11-27")

    assert EXIT_ERRORS == code
    assert "has no extension clause (förlängning), so it cannot be extended" in err


def test_renew_of_records_is_refused() -> None:
    path = EXAMPLES / "alingsas-records-2023-2025.toml"

    code, out, err = run("renew", str(path), "--document-date", "2026-11-27")

    assert (EXIT_UNREADABLE, "") == (code, out)
    assert f"{path}: expected an agreement or a framework\n" == err


def test_renew_of_a_file_that_does_not_exist_is_unreadable(tmp_path: Path) -> None:
    code, _, err = run("renew", str(tmp_path / "none.toml"), "--document-date", "2026-11-27")

    assert EXIT_UNREADABLE == code
    assert "none.toml" in err


def test_renew_needs_a_document_date() -> None:
    code, _, err = run("renew", str(CORRECTED))

    assert EXIT_USAGE == code
    assert "--document-date" in err


def test_renew_reports_an_output_it_cannot_write(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.toml"

    code, _, err = run("renew", str(CORRECTED), "--document-date", "2026-11-27", "-o", str(target))

    assert EXIT_UNREADABLE == code
    assert err.startswith(f"busmodel renew: cannot write {target}: ")


def test_renew_written_over_its_own_source_replaces_it_whole(tmp_path: Path) -> None:
    source = tmp_path / "alingsas.toml"
    source.write_bytes((EXAMPLES / "alingsas-bus-2023-corrected.toml").read_bytes())
    status, _, err = run("renew", str(source), "--document-date", "2026-11-27", "-o", str(source))
    assert (0, "") == (status, err)
    assert "alingsas-bus-2027" == bm.load_agreement(source).id
