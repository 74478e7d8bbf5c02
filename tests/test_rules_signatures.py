import datetime as dt

import attrs
import pytest

import busmodel as bm
import busmodel._rules.chair
import busmodel._rules.names
import busmodel._rules.signatures  # these imports register the rules
from busmodel import validate
from tests.rule_fixtures import TODAY, check, clean_agreement


def signed_on(day: dt.date) -> bm.Agreement:
    agreement = clean_agreement()
    signatures = tuple(attrs.evolve(s, date=day) for s in agreement.signatures)
    return attrs.evolve(agreement, signatures=signatures)


def with_signature(signature: bm.Signature) -> bm.Agreement:
    agreement = clean_agreement()
    return attrs.evolve(agreement, signatures=(*agreement.signatures, signature))


def test_clean_agreement_passes_the_signature_rules() -> None:
    assert () == check(clean_agreement(), "SIG").findings


def test_sig001_a_party_without_signature_is_an_error_at_the_party() -> None:
    agreement = clean_agreement()
    signatures = tuple(s for s in agreement.signatures if s.body != "sn")
    [finding] = check(attrs.evolve(agreement, signatures=signatures), "SIG001").findings
    assert ("SIG001", "/parties/1") == (finding.code, finding.path)
    assert "Socialnämnden är part men har inte undertecknat överenskommelsen" == finding.message.sv


def test_sig002_a_second_signature_for_a_body_points_at_the_first() -> None:
    again = bm.Signature("bun", dt.date(2022, 12, 16), "Thomas Thim")
    [finding] = check(with_signature(again), "SIG002").findings
    assert "/signatures/3" == finding.path
    assert ("/signatures/0",) == finding.related


def test_sig003_a_participant_that_signs_is_reported_at_the_signature_body() -> None:
    police = bm.Signature("polis", dt.date(2022, 12, 15), "Polischef")
    [finding] = check(with_signature(police), "SIG003").findings
    assert "/signatures/3/body" == finding.path
    assert "Polisen signs but is a participant, not a party" == finding.message.en
    assert () == finding.related


def test_sig003_names_the_parties_that_have_not_signed() -> None:
    agreement = clean_agreement()
    signatures = list(agreement.signatures)
    signatures[1] = attrs.evolve(signatures[1], body="polis")
    [finding] = check(attrs.evolve(agreement, signatures=tuple(signatures)), "SIG003").findings
    assert "/signatures/1/body" == finding.path
    assert ("/parties/1",) == finding.related
    assert "parter som inte har undertecknat: Socialnämnden" in finding.message.sv


def test_sig004_a_signature_after_the_validity_start_is_a_warning() -> None:
    late = bm.Signature("bun", dt.date(2023, 1, 10), "Thomas Thim")
    agreement = clean_agreement()
    agreement = attrs.evolve(agreement, signatures=(late, *agreement.signatures[1:]))
    [finding] = check(agreement, "SIG004").findings
    assert ("/signatures/0/date", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/validity/period/start",) == finding.related


def test_sig004_a_signature_on_the_validity_start_passes() -> None:
    assert () == check(signed_on(dt.date(2023, 1, 1)), "SIG004").findings


def test_sig005_signatures_before_the_document_date_are_warnings() -> None:
    agreement = attrs.evolve(clean_agreement(), document_date=dt.date(2022, 12, 20))
    report = check(agreement, "SIG005")
    assert ["/signatures/0/date", "/signatures/1/date", "/signatures/2/date"] == [
        f.path for f in report.findings
    ]
    assert ("/document_date",) == report.findings[0].related
    assert "signed before it was dated" in report.findings[0].message.en


@pytest.mark.parametrize("document_date", [dt.date(2022, 12, 15), None])
def test_sig005_signed_on_the_document_date_or_undated_passes(
    document_date: dt.date | None,
) -> None:
    agreement = attrs.evolve(clean_agreement(), document_date=document_date)
    assert () == check(agreement, "SIG005").findings


def test_sig006_signing_on_new_years_day_names_the_holiday_in_both_languages() -> None:
    report = check(signed_on(dt.date(2023, 1, 1)), "SIG006")
    assert ("SIG006",) * 3 == report.codes()
    finding = report.findings[0]
    assert bm.Severity.INFO == finding.severity
    assert "/signatures/0/date" == finding.path
    assert "New Year's Day (a Sunday)" in finding.message.en
    assert "nyårsdagen (en söndag)" in finding.message.sv


def test_sig006_a_plain_saturday_is_named() -> None:
    [finding, *_] = check(signed_on(dt.date(2022, 12, 17)), "SIG006").findings
    assert "2022-12-17, a Saturday, which" in finding.message.en
    assert "2022-12-17, en lördag, som" in finding.message.sv


def test_sig006_a_holiday_on_a_weekday_is_named() -> None:
    [finding, *_] = check(signed_on(dt.date(2022, 6, 24)), "SIG006").findings
    assert "Midsummer Eve (a Friday)" in finding.message.en
    assert "midsommarafton (en fredag)" in finding.message.sv


def test_sig006_a_working_day_passes() -> None:
    assert () == check(signed_on(dt.date(2022, 12, 15)), "SIG006").findings


def test_signature_messages_exist_in_both_languages() -> None:
    agreement = attrs.evolve(clean_agreement(), document_date=dt.date(2022, 12, 20))
    finding = check(agreement, "SIG005").findings[0]
    assert finding.message.sv != finding.message.en


def alingsas_as_written() -> bm.Agreement:
    """The Alingsås fault: the party named in the purpose is not the one that signs."""
    agreement = clean_agreement()
    wrong = bm.Body("bun-utb", "Barn- och utbildningsnämnden", bm.BodyKind.COMMITTEE)
    return attrs.evolve(
        agreement,
        bodies=(*agreement.bodies, wrong),
        parties=("bun-utb", "sn", "kun"),
    )


def test_the_alingsas_fault_as_written_is_found_by_four_rules() -> None:
    report = validate(
        alingsas_as_written(), today=TODAY, select=["SIG001", "SIG003", "NAM001", "CHR001"]
    )
    found = {f.code: (f.path, f.related) for f in report.findings}
    assert {
        "SIG001": ("/parties/0", ()),
        "SIG003": ("/signatures/0/body", ("/parties/0",)),
        "NAM001": ("/bodies/7/name", ("/bodies/0/name",)),
        "CHR001": ("/chair/terms/0/body", ()),
    } == found
    assert 4 == len(report.findings)
