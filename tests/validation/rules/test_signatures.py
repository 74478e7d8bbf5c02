import datetime as dt
from collections.abc import Iterator

import attrs
import pytest

import busmodel as bm
from busmodel import validate
from tests.support.builders import (
    TODAY,
    adopted_guidelines,
    check,
    clean_agreement,
    from_signing_agreement,
    lerum_vgr_agreement,
)


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
    assert (
        "Socialnämnden är part men har varken undertecknat eller antagit överenskommelsen"
        == finding.message.sv
    )
    assert "Socialnämnden is a party but has neither signed nor adopted the agreement" == (
        finding.message.en
    )


def test_sig002_a_second_signature_for_a_body_points_at_the_first() -> None:
    again = bm.Signature("bun", dt.date(2022, 12, 16), "Thomas Thim")
    [finding] = check(with_signature(again), "SIG002").findings
    assert "/signatures/3" == finding.path
    assert ("/signatures/0",) == finding.related
    assert "Barn- och ungdomsnämnden has already signed the agreement" == finding.message.en
    assert "Barn- och ungdomsnämnden har redan undertecknat överenskommelsen" == finding.message.sv


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
    assert "parter som varken har undertecknat eller antagit den: Socialnämnden" in (
        finding.message.sv
    )
    assert "parties that have neither signed nor adopted it: Socialnämnden" in finding.message.en


def test_sig003_a_body_that_is_neither_party_nor_participant_and_two_silent_parties() -> None:
    agreement = clean_agreement()
    signatures = list(agreement.signatures)
    signatures[1] = attrs.evolve(signatures[1], body="sf")
    signatures[2] = attrs.evolve(signatures[2], body="kuf")
    report = check(attrs.evolve(agreement, signatures=tuple(signatures)), "SIG003")
    assert ["/signatures/1/body", "/signatures/2/body"] == [f.path for f in report.findings]
    assert {("/parties/1", "/parties/2")} == {f.related for f in report.findings}
    assert (
        "Socialförvaltningen signs but is not a party; parties that have neither signed nor "
        "adopted it: Socialnämnden and Kultur- och utbildningsnämnden"
    ) == report.findings[0].message.en
    assert (
        "Socialförvaltningen undertecknar men är inte part; parter som varken har undertecknat "
        "eller antagit den: Socialnämnden och Kultur- och utbildningsnämnden"
    ) == report.findings[0].message.sv


def test_sig003_a_body_that_is_not_a_party_where_every_party_assents() -> None:
    extra = bm.Signature("sf", dt.date(2022, 12, 15), "Förvaltningschef")
    [finding] = check(with_signature(extra), "SIG003").findings
    assert ("/signatures/3/body", ()) == (finding.path, finding.related)
    assert "Socialförvaltningen signs but is not a party" == finding.message.en
    assert "Socialförvaltningen undertecknar men är inte part" == finding.message.sv


def test_sig004_a_signature_after_the_validity_start_is_a_warning() -> None:
    late = bm.Signature("bun", dt.date(2023, 1, 10), "Thomas Thim")
    agreement = clean_agreement()
    agreement = attrs.evolve(agreement, signatures=(late, *agreement.signatures[1:]))
    [finding] = check(agreement, "SIG004").findings
    assert ("/signatures/0/date", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/validity/period/start",) == finding.related
    assert (
        "Barn- och ungdomsnämnden signed on 2023-01-10, after the agreement came into force "
        "on 2023-01-01"
    ) == finding.message.en
    assert (
        "Barn- och ungdomsnämnden undertecknade 2023-01-10, efter att överenskommelsen började "
        "gälla 2023-01-01"
    ) == finding.message.sv


def test_sig004_a_signature_on_the_validity_start_passes() -> None:
    assert () == check(signed_on(dt.date(2023, 1, 1)), "SIG004").findings


def test_sig005_signatures_before_the_document_date_are_warnings() -> None:
    agreement = attrs.evolve(clean_agreement(), document_date=dt.date(2022, 12, 20))
    report = check(agreement, "SIG005")
    assert ["/signatures/0/date", "/signatures/1/date", "/signatures/2/date"] == [
        f.path for f in report.findings
    ]
    assert ("/document_date",) == report.findings[0].related
    assert (
        "Barn- och ungdomsnämnden signed on 2022-12-15, before the document was dated "
        "(2022-12-20): the text was signed before it was dated"
    ) == report.findings[0].message.en
    assert (
        "Barn- och ungdomsnämnden undertecknade 2022-12-15, före dokumentets datum "
        "(2022-12-20): texten undertecknades innan den daterades"
    ) == report.findings[0].message.sv


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
    assert (
        "Barn- och ungdomsnämnden signed on 2023-01-01, New Year's Day (a Sunday), which is "
        "not a working day"
    ) == finding.message.en
    assert (
        "Barn- och ungdomsnämnden undertecknade 2023-01-01, nyårsdagen (en söndag), som inte "
        "är en arbetsdag"
    ) == finding.message.sv


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


def adoption(body: str, day: dt.date, reference: str | None = None) -> bm.Adoption:
    return bm.Adoption(body, day, reference)


def test_guidelines_adopted_by_three_committees_pass_the_signature_rules() -> None:
    assert () == check(adopted_guidelines(), "SIG").findings


def test_sig001_guidelines_adopted_by_two_of_three_committees_name_the_third() -> None:
    guidelines = adopted_guidelines()
    guidelines = attrs.evolve(guidelines, adoptions=guidelines.adoptions[:2])
    [finding] = check(guidelines, "SIG001").findings
    assert ("/parties/2", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert (
        "Kultur- och fritidsnämnden is a party but has neither signed nor adopted the agreement"
        == finding.message.en
    )


def test_sig001_a_party_that_signs_and_parties_that_adopt_all_assent() -> None:
    agreement = clean_agreement()
    signatures = tuple(s for s in agreement.signatures if s.body == "bun")
    adoptions = (
        adoption("sn", dt.date(2022, 12, 15), "§ 201"),
        adoption("kun", dt.date(2022, 12, 16), "§ 88"),
    )
    agreement = attrs.evolve(agreement, signatures=signatures, adoptions=adoptions)
    assert () == check(agreement, "SIG").findings


def test_sig001_parties_of_an_extension_must_assent_too() -> None:
    extension = attrs.evolve(
        adopted_guidelines(), kind=bm.AgreementKind.EXTENSION, extends="lerum-riktlinjer-2007"
    )
    extension = attrs.evolve(extension, adoptions=extension.adoptions[1:])
    [finding] = check(extension, "SIG001").findings
    assert "/parties/0" == finding.path


def test_sig002_a_second_adoption_by_a_committee_points_at_the_first() -> None:
    guidelines = adopted_guidelines()
    again = adoption("un", dt.date(2010, 12, 14), "§ 104")
    guidelines = attrs.evolve(guidelines, adoptions=(*guidelines.adoptions, again))
    [finding] = check(guidelines, "SIG002").findings
    assert ("/adoptions/3", ("/adoptions/1",)) == (finding.path, finding.related)
    assert "Utbildningsnämnden has already adopted the agreement" in finding.message.en
    assert "Utbildningsnämnden har redan antagit överenskommelsen" in finding.message.sv


def test_sig002_a_body_that_both_signs_and_adopts_is_reported_at_the_adoption() -> None:
    agreement = clean_agreement()
    agreement = attrs.evolve(agreement, adoptions=(adoption("sn", dt.date(2022, 12, 12), "§ 9"),))
    [finding] = check(agreement, "SIG002").findings
    assert ("/adoptions/0", ("/signatures/1",)) == (finding.path, finding.related)
    assert "Socialnämnden has both signed and adopted the agreement" in finding.message.en
    assert "Socialnämnden har både undertecknat och antagit överenskommelsen" in finding.message.sv


def test_sig003_an_adopting_body_that_is_not_a_party_is_reported_at_the_adoption_body() -> None:
    agreement = clean_agreement()
    police = adoption("polis", dt.date(2022, 12, 15))
    [finding] = check(attrs.evolve(agreement, adoptions=(police,)), "SIG003").findings
    assert "/adoptions/0/body" == finding.path
    assert "Polisen adopts the agreement but is a participant, not a party" == finding.message.en
    assert "Polisen antar överenskommelsen men är deltagare, inte part" == finding.message.sv


def test_sig004_an_adoption_after_the_validity_start_names_both_dates() -> None:
    guidelines = adopted_guidelines()
    late = adoption("kfn", dt.date(2011, 1, 19), "§ 3")
    guidelines = attrs.evolve(guidelines, adoptions=(*guidelines.adoptions[:2], late))
    [finding] = check(guidelines, "SIG004").findings
    assert ("/adoptions/2/date", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/validity/period/start",) == finding.related
    assert (
        "Kultur- och fritidsnämnden adopted the agreement on 2011-01-19 (§ 3), after it came "
        "into force on 2011-01-01"
    ) == finding.message.en
    assert (
        "Kultur- och fritidsnämnden antog överenskommelsen 2011-01-19 (§ 3), efter att den "
        "började gälla 2011-01-01"
    ) == finding.message.sv


def test_sig004_a_start_known_only_to_the_year_is_counted_from_1_january_and_says_so() -> None:
    guidelines = adopted_guidelines()
    validity = bm.Validity(
        bm.ValidityBasis.UNTIL_FURTHER_NOTICE,
        bm.Period(dt.date(2012, 1, 1)),
        notice_months=6,
        start_precision=bm.Precision.YEAR,
    )
    adoptions = (
        adoption("sn", dt.date(2011, 12, 14)),
        adoption("un", dt.date(2011, 12, 20)),
        adoption("kfn", dt.date(2012, 2, 8), "§ 12"),
    )
    guidelines = attrs.evolve(guidelines, validity=validity, adoptions=adoptions)
    [finding] = check(guidelines, "SIG004").findings
    assert "/adoptions/2/date" == finding.path
    assert (
        "Kultur- och fritidsnämnden adopted the agreement on 2012-02-08 (§ 12), after it came "
        "into force in 2012 (the start is known only to the year; counted from 2012-01-01)"
    ) == finding.message.en
    assert (
        "Kultur- och fritidsnämnden antog överenskommelsen 2012-02-08 (§ 12), efter att den "
        "började gälla 2012 (bara startåret är känt; räknat från 2012-01-01)"
    ) == finding.message.sv


def test_sig004_a_start_known_only_to_the_month_is_counted_from_its_first_day() -> None:
    validity = bm.Validity(
        bm.ValidityBasis.FIXED,
        bm.Period(dt.date(2022, 12, 1), dt.date(2026, 12, 31)),
        start_precision=bm.Precision.MONTH,
    )
    [finding, *_] = check(attrs.evolve(clean_agreement(), validity=validity), "SIG004").findings
    assert (
        "Barn- och ungdomsnämnden signed on 2022-12-15, after the agreement came into force in "
        "December 2022 (the start is known only to the month; counted from 2022-12-01)"
    ) == finding.message.en
    assert (
        "Barn- och ungdomsnämnden undertecknade 2022-12-15, efter att överenskommelsen började "
        "gälla i december 2022 (bara startmånaden är känd; räknat från 2022-12-01)"
    ) == finding.message.sv


def test_sig004_leaves_an_agreement_in_force_from_signing_to_the_validity_rules() -> None:
    assert () == check(from_signing_agreement(dt.date(2023, 3, 14)), "SIG004").findings


def test_sig005_an_adoption_before_the_document_date_names_the_decision() -> None:
    guidelines = attrs.evolve(adopted_guidelines(), document_date=dt.date(2010, 11, 26))
    [finding] = check(guidelines, "SIG005").findings
    assert ("/adoptions/0/date", ("/document_date",)) == (finding.path, finding.related)
    assert (
        "Socialnämnden adopted the agreement on 2010-11-24 (§ 112, Dnr SN 2010/87), before the "
        "document was dated (2010-11-26): the text was adopted before it was dated"
    ) == finding.message.en
    assert (
        "Socialnämnden antog överenskommelsen 2010-11-24 (§ 112, Dnr SN 2010/87), före "
        "dokumentets datum (2010-11-26): texten antogs innan den daterades"
    ) == finding.message.sv


def test_sig006_an_adoption_on_a_weekend_is_not_reported() -> None:
    guidelines = adopted_guidelines()
    saturday = adoption("kfn", dt.date(2010, 12, 11), "§ 71")
    guidelines = attrs.evolve(guidelines, adoptions=(*guidelines.adoptions[:2], saturday))
    assert () == check(guidelines, "SIG006").findings


def test_a_signature_without_a_name_is_reported_by_the_name_of_its_body() -> None:
    agreement = lerum_vgr_agreement()
    weekend = attrs.evolve(agreement.signatures[1], date=dt.date(2019, 4, 13))
    agreement = attrs.evolve(
        agreement, signatures=(agreement.signatures[0], weekend), document_date=dt.date(2019, 4, 12)
    )
    messages = [f.message.en for f in check(agreement, "SIG005", "SIG006").findings]
    assert [
        "Lerums kommun signed on 2019-04-10, before the document was dated (2019-04-12): the "
        "text was signed before it was dated",
        "Västra Götalandsregionen signed on 2019-04-13, a Saturday, which is not a working day",
    ] == messages


def test_a_municipality_and_the_region_that_sign_pass_the_signature_rules() -> None:
    assert () == check(lerum_vgr_agreement(), "SIG").findings


def test_the_signature_rules_check_extension_documents() -> None:
    rules = {rule.code: rule for rule in bm.rules()}
    for code in ("SIG001", "SIG002", "SIG003", "SIG004", "SIG005", "SIG006"):
        assert bm.AgreementKind.EXTENSION in rules[code].kinds


def test_the_signature_rules_have_names_that_say_what_they_require() -> None:
    names = {rule.code: rule.name for rule in bm.rules() if rule.area == "SIG"}
    assert {
        "SIG001": "every-party-assents",
        "SIG002": "one-assent-per-body",
        "SIG003": "assenting-bodies-are-parties",
        "SIG004": "assent-before-start",
        "SIG005": "assent-not-before-document-date",
        "SIG006": "signed-on-working-day",
    } == names


def test_sig001_on_a_draft_a_party_that_has_not_assented_is_information() -> None:
    draft = attrs.evolve(clean_agreement(), state=bm.DocumentState.DRAFT, signatures=())

    findings = check(draft, "SIG001").findings

    assert [
        ("/parties/0", bm.Severity.INFO),
        ("/parties/1", bm.Severity.INFO),
        ("/parties/2", bm.Severity.INFO),
    ] == [(f.path, f.severity) for f in findings]
    assert (
        "Barn- och ungdomsnämnden is a party and has not yet signed or adopted this draft"
        == findings[0].message.en
    )
    assert (
        "Barn- och ungdomsnämnden är part och har ännu inte undertecknat eller antagit detta utkast"
        == findings[0].message.sv
    )


def test_sig001_on_a_final_document_stays_an_error() -> None:
    agreement = attrs.evolve(clean_agreement(), signatures=())

    assert {bm.Severity.ERROR} == {f.severity for f in check(agreement, "SIG001").findings}


def test_sig001_keeps_its_severity_as_a_rule_whatever_a_draft_makes_of_a_finding() -> None:
    assert bm.Severity.ERROR == bm.Catalogue.default()["SIG001"].severity


def test_a_draft_that_all_parties_signed_has_no_sig001_finding() -> None:
    draft = attrs.evolve(clean_agreement(), state=bm.DocumentState.DRAFT)

    assert () == check(draft, "SIG001").findings


def test_an_issue_with_a_severity_of_its_own_gives_a_finding_of_that_severity() -> None:
    @bm.rule(
        "XMP001",
        title=bm.Text(en="Example", sv="Exempel"),
        severity=bm.Severity.ERROR,
        rationale=bm.Text(en="For the test.", sv="För testet."),
        source="test",
        messages=bm.Message(en="at {where}", sv="vid {where}"),
    )
    def example(context: bm.Context) -> Iterator[bm.Issue]:
        yield bm.Issue("/a", values={"where": "a"})
        yield bm.Issue("/b", values={"where": "b"}, severity=bm.Severity.WARNING)

    report = validate(bm.Agreement(id="a", title="A"), catalogue=bm.Catalogue([example]))

    assert [("/a", bm.Severity.ERROR), ("/b", bm.Severity.WARNING)] == [
        (f.path, f.severity) for f in report.findings
    ]
    assert not report.ok


def test_an_issue_refuses_a_severity_that_is_not_one() -> None:
    with pytest.raises(TypeError):
        bm.Issue("/a", severity="info")  # type: ignore[arg-type]
