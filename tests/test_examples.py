"""The example documents in examples/ load, round-trip and say what they claim to say."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

import busmodel
from busmodel.cli import main
from busmodel.model._calendar import is_working_day
from tests.support.paths import EXAMPLES

DOCUMENTS = sorted(EXAMPLES.glob("*.toml"))
SCRIPTS = sorted(EXAMPLES.glob("*.py"))

AS_WRITTEN = EXAMPLES / "alingsas-bus-2023.toml"
CORRECTED = EXAMPLES / "alingsas-bus-2023-corrected.toml"
PARTILLE = EXAMPLES / "partille-bus.toml"
VASTBUS = EXAMPLES / "vastbus-2005.toml"
RECORDS = EXAMPLES / "alingsas-records-2023-2025.toml"

_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


def _swedish_key(name: str) -> str:
    """Sort key for Swedish alphabetical order: å, ä, ö come after z."""
    return name.lower().translate(_SWEDISH_ORDER)


def _ids(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]


def _agreement(path: Path) -> busmodel.Agreement:
    return busmodel.load_agreement(path)


def _names(agreement: busmodel.Agreement, body_ids: Iterable[str]) -> set[str]:
    names = set()
    for body_id in body_ids:
        body = agreement.body(body_id)
        assert body is not None, f"{body_id!r} is not declared"
        names.add(body.name)
    return names


def test_the_examples_folder_has_every_expected_document() -> None:
    expected = {AS_WRITTEN, CORRECTED, PARTILLE, VASTBUS, RECORDS}
    assert expected <= set(DOCUMENTS)


@pytest.mark.parametrize("path", DOCUMENTS, ids=_ids(DOCUMENTS))
def test_every_example_loads(path: Path) -> None:
    document = busmodel.load(path)
    assert isinstance(document, busmodel.Agreement | busmodel.Records)


@pytest.mark.parametrize("fmt", ["toml", "json"])
@pytest.mark.parametrize("path", DOCUMENTS, ids=_ids(DOCUMENTS))
def test_every_example_dumps_and_loads_back_equal(path: Path, fmt: busmodel.Format) -> None:
    document = busmodel.load(path)
    assert document == busmodel.loads(busmodel.dumps(document, fmt), fmt)


AGREEMENTS = [path for path in DOCUMENTS if 'kind = "records"' not in path.read_text("utf-8")]
"""Every example but the records documents."""


@pytest.mark.parametrize("path", AGREEMENTS, ids=_ids(AGREEMENTS))
def test_every_agreement_example_declares_every_body_it_refers_to(path: Path) -> None:
    agreement = _agreement(path)
    declared = {body.id for body in agreement.bodies}
    referred = (
        set(agreement.parties)
        | set(agreement.participants)
        | {s.body for s in agreement.signatures}
        | {d.body for d in agreement.decisions}
        | {m.body for f in agreement.forums for m in f.members}
        | {b.part_of for b in agreement.bodies if b.part_of is not None}
        | set(agreement.chair.rotation if agreement.chair else ())
        | {t.body for t in (agreement.chair.terms if agreement.chair else ())}
    )
    assert set() == referred - declared


# -- Alingsås, as written ------------------------------------------------------


def test_alingsas_as_written_has_a_party_barn_och_utbildningsnamnden_that_never_signs() -> None:
    agreement = _agreement(AS_WRITTEN)
    party_names = _names(agreement, agreement.parties)
    signing_names = _names(agreement, {s.body for s in agreement.signatures})
    assert "Barn- och utbildningsnämnden" in party_names
    assert "Barn- och utbildningsnämnden" not in signing_names


def test_alingsas_as_written_is_signed_by_barn_och_ungdomsnamnden_which_is_no_party() -> None:
    agreement = _agreement(AS_WRITTEN)
    signers = [s.body for s in agreement.signatures]
    (bun,) = [b.id for b in agreement.bodies if b.name == "Barn- och ungdomsnämnden"]
    assert bun in signers
    assert bun not in agreement.parties
    assert agreement.chair is not None
    assert bun == agreement.chair.chair_on(dt.date(2024, 6, 1))


def test_alingsas_as_written_is_signed_before_its_document_date() -> None:
    agreement = _agreement(AS_WRITTEN)
    assert dt.date(2023, 1, 4) == agreement.document_date
    assert {dt.date(2023, 1, 1)} == {s.date for s in agreement.signatures}


# -- Alingsås, corrected -------------------------------------------------------


def test_alingsas_corrected_has_every_party_signing_exactly_once() -> None:
    agreement = _agreement(CORRECTED)
    signed = Counter(s.body for s in agreement.signatures)
    assert dict.fromkeys(agreement.parties, 1) == dict(signed)


def test_alingsas_corrected_names_barn_och_ungdomsnamnden_only() -> None:
    agreement = _agreement(CORRECTED)
    assert agreement.purpose is not None
    assert "Barn- och ungdomsnämnden" in agreement.purpose
    assert "Barn- och utbildningsnämnden" not in agreement.purpose
    assert "Barn- och utbildningsnämnden" not in {b.name for b in agreement.bodies}
    assert "Barn- och ungdomsnämnden" in _names(agreement, agreement.parties)


def test_alingsas_corrected_is_signed_on_working_days_between_document_date_and_start() -> None:
    agreement = _agreement(CORRECTED)
    assert agreement.document_date is not None
    assert agreement.validity is not None
    for signature in agreement.signatures:
        assert agreement.document_date <= signature.date < agreement.validity.period.start
        assert is_working_day(signature.date), signature


def test_alingsas_corrected_chair_is_a_party_for_the_whole_mandate_period() -> None:
    agreement = _agreement(CORRECTED)
    assert agreement.chair is not None
    assert agreement.validity is not None
    (term,) = agreement.chair.terms
    assert term.body in agreement.parties
    assert agreement.validity.period == term.period


# -- Partille and VÄSTBUS ------------------------------------------------------


def test_partille_implements_the_vastbus_framework() -> None:
    partille = _agreement(PARTILLE)
    vastbus = _agreement(VASTBUS)
    assert vastbus.id == partille.framework
    assert vastbus.kind is busmodel.AgreementKind.FRAMEWORK
    assert partille.municipality in vastbus.members


def test_partille_has_no_signatures_and_a_council_decision_of_1999() -> None:
    partille = _agreement(PARTILLE)
    assert not partille.signatures
    (decision,) = partille.decisions
    council = partille.body(decision.body)
    assert council is not None
    expected = (1999, busmodel.BodyKind.COUNCIL)
    assert expected == (decision.year, council.kind)


def test_vastbus_has_49_distinct_member_codes_in_county_14() -> None:
    codes = [m.code for m in _agreement(VASTBUS).members]
    expected_count = 49
    assert expected_count == len(codes)
    assert expected_count == len(set(codes))
    assert all(code is not None and code.startswith("14") for code in codes)


def test_vastbus_members_are_sorted_by_swedish_name() -> None:
    names = [m.name for m in _agreement(VASTBUS).members]
    assert sorted(names, key=_swedish_key) == names


# -- records -------------------------------------------------------------------


def test_records_refer_to_the_corrected_alingsas_agreement_and_its_forums() -> None:
    records = busmodel.load_records(RECORDS)
    agreement = _agreement(CORRECTED)
    forums = {f.id for f in agreement.forums}
    assert agreement.id == records.agreement
    assert set() == {m.forum for m in records.meetings} - forums
    assert set() == {e.forum for e in records.evaluations} - forums


def test_records_dates_are_swedish_working_days() -> None:
    records = busmodel.load_records(RECORDS)
    days = [m.date for m in records.meetings] + [e.date for e in records.evaluations]
    assert not [day for day in days if not is_working_day(day)]


def test_records_miss_the_autumn_2024_meeting_and_hold_an_extra_one() -> None:
    records = busmodel.load_records(RECORDS)
    regular = {
        (m.date.year, "spring" if m.date.month <= 6 else "autumn")
        for m in records.meetings
        if m.kind is busmodel.MeetingKind.REGULAR
    }
    every = {(year, half) for year in (2023, 2024, 2025) for half in ("spring", "autumn")}
    every.add((2026, "spring"))
    assert {(2024, "autumn")} == every - regular
    assert any(m.kind is busmodel.MeetingKind.EXTRA for m in records.meetings)


def test_records_miss_the_autumn_2024_meeting_in_its_window_when_checked_on_2026_11_27() -> None:
    report = busmodel.validate(
        _agreement(CORRECTED),
        today=dt.date(2026, 11, 27),
        records=busmodel.load_records(RECORDS),
        select=["REC003"],
    )
    assert [("/forums/0/cadence/windows/1", "no regular meeting in autumn 2024")] == [
        (f.path, f.message.en.split(" (")[0]) for f in report.findings
    ]
    [missed] = report.findings
    assert (
        "no regular meeting in autumn 2024 (2024-07-01 – 2024-12-31): "
        "Politisk samverkan did not meet"
    ) == missed.message.en
    assert (
        "inget ordinarie möte under hösten 2024 (2024-07-01 – 2024-12-31): "
        "Politisk samverkan sammanträdde inte"
    ) == missed.message.sv
    assert (busmodel.Severity.ERROR, ()) == (missed.severity, missed.related)


# -- scripts -------------------------------------------------------------------


@pytest.mark.parametrize("script", SCRIPTS, ids=_ids(SCRIPTS))
def test_every_example_script_runs(script: Path, tmp_path: Path) -> None:
    subprocess.run([sys.executable, script], check=True, capture_output=True, cwd=tmp_path)


def test_the_renewal_script_writes_a_draft_for_2027_and_its_meetings_as_icalendar(
    tmp_path: Path,
) -> None:
    import icalendar

    subprocess.run(
        [sys.executable, EXAMPLES / "renew_and_plan.py", tmp_path], check=True, capture_output=True
    )
    draft = busmodel.load_agreement(tmp_path / "alingsas-bus-2027.toml")
    calendar = icalendar.Calendar.from_ical((tmp_path / "alingsas-bus-2027.ics").read_bytes())
    starts = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert busmodel.DocumentState.DRAFT is draft.state
    assert ("alingsas-bus-2023",) == draft.supersedes
    assert busmodel.validate(draft, today=dt.date(2026, 11, 27)).ok
    assert [4, 10] == [start.month for start in starts]  # one in spring, one in autumn
    assert all(start.year == 2027 and is_working_day(start.date()) for start in starts)


def test_summary_mentions_every_example_id() -> None:
    result = subprocess.run(
        [sys.executable, EXAMPLES / "summary.py"], check=True, capture_output=True
    )
    output = result.stdout.decode("utf-8", errors="replace")
    for path in DOCUMENTS:
        document = busmodel.load(path)
        mentioned = document.agreement if isinstance(document, busmodel.Records) else document.id
        assert mentioned in output
        assert path.name in output


def test_summary_reports_an_unreadable_document_and_fails(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = "busmodel/1"\nkind = "records"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, EXAMPLES / "summary.py", broken, VASTBUS], capture_output=True
    )
    expected_status = 1
    assert expected_status == result.returncode
    assert "broken.toml" in result.stderr.decode("utf-8", errors="replace")
    assert "vastbus-2005" in result.stdout.decode("utf-8", errors="replace")


_EXPECT = re.compile(r"^# expect: ([A-Z]+[0-9]+) (\S+)$", re.MULTILINE)


def _expected(path: Path) -> Counter[tuple[str, str]]:
    """The findings an example's comments name: ``# expect: CODE PATH`` lines."""
    return Counter(_EXPECT.findall(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def reported() -> dict[str, Counter[tuple[str, str]]]:
    """What ``busmodel validate examples/ --today 2026-11-27`` reports, by file."""
    out, err = io.StringIO(), io.StringIO()
    main(["validate", str(EXAMPLES), "--today", "2026-11-27", "--format", "json"], out, err)
    assert "" == err.getvalue()
    files = json.loads(out.getvalue())["files"]
    return {
        Path(entry["source"]).name: Counter((f["code"], f["path"]) for f in entry["findings"])
        for entry in files
    }


@pytest.mark.parametrize("path", AGREEMENTS, ids=_ids(AGREEMENTS))
def test_every_example_reports_exactly_the_findings_its_comments_name(
    path: Path, reported: dict[str, Counter[tuple[str, str]]]
) -> None:
    assert _expected(path) == reported[path.name]


def _at(text: list[str], line: int, column: int) -> str:
    return text[line - 1][column - 1 :]


def test_every_finding_of_every_example_is_at_the_line_of_its_key() -> None:
    batch = busmodel.validate_paths([EXAMPLES], today=dt.date(2026, 11, 27))
    placed = 0
    for report in batch.reports:
        for finding in [*report.findings, *(e.finding for e in report.exempted)]:
            assert finding.file is not None
            text = Path(finding.file).read_text(encoding="utf-8").splitlines()
            if not finding.path:  # the document as a whole has no line
                continue
            assert finding.line is not None, finding
            assert finding.column is not None, finding
            written = _at(text, finding.line, finding.column)
            steps = finding.path.split("/")[1:]
            if not busmodel.read(finding.file).positions.exact(finding.path):
                steps = steps[:-1]  # a key the document leaves out: placed where its table is
            last = steps[-1] if steps else ""
            if written.startswith("[") and not last.isdigit():  # a table, set by its header
                header = re.match(r"\[\[?([\w.-]+)\]", written)
                assert header is not None, (finding, written)
                assert last in header.group(1).split("."), (finding, written)
            elif last.isdigit():  # an item of an array: its first character, or its [[header]]
                assert written[:1] in '{["0123456789-tf', (finding, written)
            else:
                assert written.startswith((last, f'"{last}"')), (finding, written)
            placed += 1
    assert placed >= 20
