import attrs

import busmodel as bm
from busmodel import validate
from tests.rule_fixtures import clean_agreement


def test_clean_agreement_passes_the_integrity_rules() -> None:
    assert () == validate(clean_agreement(), select=["INT"]).findings


def test_int001_a_repeated_body_id_points_at_both_declarations() -> None:
    agreement = clean_agreement()
    twin = bm.Body("sn", "Socialnämnden igen", bm.BodyKind.COMMITTEE)
    report = validate(attrs.evolve(agreement, bodies=(*agreement.bodies, twin)), select=["INT001"])
    [finding] = report.findings
    assert "/bodies/7/id" == finding.path
    assert ("/bodies/1/id",) == finding.related


def test_int001_a_repeated_forum_id_is_reported() -> None:
    agreement = clean_agreement()
    forums = (*agreement.forums, attrs.evolve(agreement.forums[0], name="Kopia"))
    report = validate(attrs.evolve(agreement, forums=forums), select=["INT001"])
    assert ["/forums/3/id"] == [f.path for f in report.findings]


def test_int002_every_reference_to_an_undeclared_body_is_reported() -> None:
    agreement = clean_agreement()
    bodies = tuple(b for b in agreement.bodies if b.id != "kun")
    report = validate(attrs.evolve(agreement, bodies=bodies), select=["INT002"])
    assert [  # in report order: by path, array indexes numerically
        "/bodies/4/part_of",
        "/chair/rotation/2",
        "/forums/0/members/2/body",
        "/forums/1/members/2/body",
        "/parties/2",
        "/signatures/2/body",
    ] == [f.path for f in report.findings]
    assert "det finns inget organ med id 'kun' under bodies" == report.findings[0].message.sv


def test_int003_one_party_is_not_a_collaboration() -> None:
    report = validate(attrs.evolve(clean_agreement(), parties=("bun",)), select=["INT003"])
    assert ["/parties"] == [f.path for f in report.findings]


def test_int003_a_framework_counts_its_member_municipalities() -> None:
    framework = bm.Agreement(
        id="vastbus",
        title="VÄSTBUS",
        kind=bm.AgreementKind.FRAMEWORK,
        bodies=(bm.Body("vgr", "Västra Götalandsregionen", bm.BodyKind.REGION),),
        parties=("vgr",),
        members=(bm.Municipality("Partille", "1402"),),
    )
    assert () == validate(framework, select=["INT003"]).findings


def test_int004_a_party_that_is_also_a_participant_points_at_both() -> None:
    report = validate(attrs.evolve(clean_agreement(), participants=("sn",)), select=["INT004"])
    [finding] = report.findings
    assert "/participants/0" == finding.path
    assert ("/parties/1",) == finding.related
    assert "Socialnämnden är både part och deltagare" == finding.message.sv


def test_int005_a_part_of_cycle_is_reported_for_each_body_in_it() -> None:
    agreement = clean_agreement()
    bodies = list(agreement.bodies)
    bodies[0] = attrs.evolve(bodies[0], part_of="buf")  # bun -> buf -> bun
    report = validate(attrs.evolve(agreement, bodies=tuple(bodies)), select=["INT005"])
    assert ["/bodies/0/part_of", "/bodies/3/part_of"] == [f.path for f in report.findings]
    assert "bun → buf → bun" in report.findings[0].message.en


def test_int005_a_chain_without_a_cycle_passes() -> None:
    agreement = clean_agreement()
    bodies = (*agreement.bodies, bm.Body("skola", "Skolan", bm.BodyKind.SCHOOL, "buf"))
    assert () == validate(attrs.evolve(agreement, bodies=bodies), select=["INT005"]).findings


def test_int006_a_party_listed_twice_is_a_warning_pointing_at_the_first() -> None:
    report = validate(
        attrs.evolve(clean_agreement(), parties=("bun", "sn", "kun", "sn")), select=["INT006"]
    )
    [finding] = report.findings
    assert ("/parties/3", ("/parties/1",)) == (finding.path, finding.related)
    assert bm.Severity.WARNING is finding.severity


def test_int007_an_exemption_with_a_misspelt_code_is_a_warning() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        exemptions=(bm.Exemption("SIG006", "signed at Christmas"), bm.Exemption("SG006", "typo")),
    )
    report = validate(agreement, select=["INT007"])
    assert ["/exemptions/1/code"] == [f.path for f in report.findings]
    assert "'SG006'" in report.findings[0].message.en


def test_int007_a_prefix_of_a_known_code_is_accepted() -> None:
    agreement = attrs.evolve(clean_agreement(), exemptions=(bm.Exemption("SIG", "all"),))
    assert () == validate(agreement, select=["INT007"]).findings
