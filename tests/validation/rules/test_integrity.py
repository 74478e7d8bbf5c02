import datetime as dt

import attrs

import busmodel as bm
from busmodel import validate
from tests.support.builders import clean_agreement


def test_clean_agreement_passes_the_integrity_rules() -> None:
    assert () == validate(clean_agreement(), select=["INT"]).findings


def test_int001_a_repeated_body_id_points_at_both_declarations() -> None:
    agreement = clean_agreement()
    twin = bm.Body("sn", "Socialnämnden igen", bm.BodyKind.COMMITTEE)
    report = validate(attrs.evolve(agreement, bodies=(*agreement.bodies, twin)), select=["INT001"])
    [finding] = report.findings
    assert "/bodies/7/id" == finding.path
    assert ("/bodies/1/id",) == finding.related
    assert ("the id 'sn' is already in use", "id 'sn' används redan") == (
        finding.message.en,
        finding.message.sv,
    )


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
    assert (
        "a collaboration needs at least two parties, but this one has 1 party",
        "en samverkan kräver minst två parter, men denna har 1 part",
    ) == (report.findings[0].message.en, report.findings[0].message.sv)


def test_int003_no_party_at_all_is_counted_in_the_plural() -> None:
    report = validate(attrs.evolve(clean_agreement(), parties=()), select=["at-least-two-parties"])
    assert [
        (
            "a collaboration needs at least two parties, but this one has 0 parties",
            "en samverkan kräver minst två parter, men denna har 0 parter",
        )
    ] == [(f.message.en, f.message.sv) for f in report.findings]


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


def test_int005_a_part_of_cycle_is_reported_once_at_its_first_body() -> None:
    agreement = clean_agreement()
    bodies = list(agreement.bodies)
    bodies[0] = attrs.evolve(bodies[0], part_of="buf")  # bun -> buf -> bun
    report = validate(attrs.evolve(agreement, bodies=tuple(bodies)), select=["INT005"])
    [finding] = report.findings
    assert ("/bodies/0/part_of", ("/bodies/3/part_of",)) == (finding.path, finding.related)
    assert "part_of forms a cycle: bun → buf → bun" == finding.message.en
    assert "part_of bildar en cirkel: bun → buf → bun" == finding.message.sv


def test_int005_a_cycle_starts_at_its_first_body_whichever_body_leads_into_it() -> None:
    bodies = (
        bm.Body("skola", "Skolan", bm.BodyKind.SCHOOL, "c"),  # leads into the cycle
        bm.Body("b", "B", bm.BodyKind.OTHER, "c"),
        bm.Body("c", "C", bm.BodyKind.OTHER, "d"),
        bm.Body("d", "D", bm.BodyKind.OTHER, "b"),
        bm.Body("e", "E", bm.BodyKind.OTHER, "f"),  # a second cycle
        bm.Body("f", "F", bm.BodyKind.OTHER, "e"),
    )
    report = validate(bm.Agreement(id="a", title="A", bodies=bodies), select=["INT005"])
    assert [
        ("/bodies/1/part_of", ("/bodies/2/part_of", "/bodies/3/part_of"), "b → c → d → b"),
        ("/bodies/4/part_of", ("/bodies/5/part_of",), "e → f → e"),
    ] == [(f.path, f.related, f.message.en.rsplit(": ", 1)[1]) for f in report.findings]


def test_int005_a_long_cycle_is_named_in_a_message_of_bounded_length() -> None:
    bodies = tuple(
        bm.Body(f"b{i}", f"Organ {i}", bm.BodyKind.OTHER, f"b{(i + 1) % 20}") for i in range(20)
    )
    [finding] = validate(bm.Agreement(id="a", title="A", bodies=bodies), select=["INT005"]).findings
    shown = " → ".join(f"b{i}" for i in range(8))
    assert f"part_of forms a cycle: {shown} → … and 12 more → b0" == finding.message.en
    assert 19 == len(finding.related)


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
    assert ("Socialnämnden is listed twice", "Socialnämnden finns med två gånger") == (
        finding.message.en,
        finding.message.sv,
    )


def test_int006_a_participant_listed_twice_is_reported_too() -> None:
    report = validate(
        attrs.evolve(clean_agreement(), participants=("polis", "polis")),
        select=["parties-and-participants-once"],
    )
    assert [("/participants/1", ("/participants/0",))] == [
        (f.path, f.related) for f in report.findings
    ]


def test_int007_an_exemption_with_a_misspelt_code_is_a_warning() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        exemptions=(bm.Exemption("SIG006", "signed at Christmas"), bm.Exemption("SG006", "typo")),
    )
    report = validate(agreement, select=["INT007"])
    assert ["/exemptions/1/code"] == [f.path for f in report.findings]
    assert (
        "no rule has a code starting with 'SG006' or that name",
        "ingen regel har en kod som börjar med 'SG006' eller det namnet",
    ) == (report.findings[0].message.en, report.findings[0].message.sv)


def test_int007_a_rule_name_is_a_known_code_and_a_misspelt_name_is_not() -> None:
    exemptions = (
        bm.Exemption("every-party-assents", "antogs av fullmäktige"),
        bm.Exemption("every-party-asents", "typo"),
    )
    agreement = attrs.evolve(clean_agreement(), exemptions=exemptions)
    report = validate(agreement, select=["exemptions-name-known-rules"])
    assert ["/exemptions/1/code"] == [f.path for f in report.findings]


def test_int007_a_prefix_of_a_known_code_is_accepted() -> None:
    agreement = attrs.evolve(clean_agreement(), exemptions=(bm.Exemption("SIG", "all"),))
    assert () == validate(agreement, select=["INT007"]).findings


def test_int008_an_agreement_that_supersedes_itself_is_reported_on_the_reference() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("annat", "alingsas-bus-2023"))
    [finding] = validate(agreement, select=["INT008"]).findings
    assert (bm.Severity.ERROR, "/supersedes/1") == (finding.severity, finding.path)
    assert (
        "the agreement names itself ('alingsas-bus-2023') as an agreement it supersedes"
        == finding.message.en
    )
    assert (
        "överenskommelsen anger sig själv ('alingsas-bus-2023') som en överenskommelse den "
        "ersätter: den ersätter sig själv"
    ) == finding.message.sv


def test_int008_an_agreement_that_names_itself_as_its_framework_is_reported() -> None:
    framework = attrs.evolve(
        clean_agreement(), id="vastbus", kind=bm.AgreementKind.FRAMEWORK, framework="vastbus"
    )
    [finding] = validate(framework, select=["INT008"]).findings
    assert "/framework" == finding.path
    assert (
        "the agreement names itself ('vastbus') as the framework it implements"
        == finding.message.en
    )
    assert (
        "överenskommelsen anger sig själv ('vastbus') som den ramöverenskommelse den "
        "genomför: den genomför sig själv"
    ) == finding.message.sv


def test_int008_references_to_other_documents_pass() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2019",), framework="vb")
    assert () == validate(agreement, select=["INT008"]).findings


def _fyrbodal(*members: bm.Municipality) -> bm.Agreement:
    """A framework whose member municipalities are parties that adopt it and report to it."""
    bodies = (
        bm.Body("vgr", "Västra Götalandsregionen", bm.BodyKind.REGION),
        bm.Body("lysekil", "Lysekils kommun", bm.BodyKind.MUNICIPALITY, code="1484"),
        bm.Body("orust", "Orust kommun", bm.BodyKind.MUNICIPALITY, code="1421"),
        bm.Body("sn", "Socialnämnden i Orust", bm.BodyKind.COMMITTEE),
    )
    forum = bm.Forum(
        "regional",
        "Regional samverkansgrupp",
        members=(bm.Member("vgr"), bm.Member("lysekil"), bm.Member("orust")),
        follow_up=bm.FollowUp(duty=bm.Duty.REPORT, recipients=("sn",)),
    )
    return bm.Agreement(
        id="fyrbodal",
        title="Ramöverenskommelse",
        kind=bm.AgreementKind.FRAMEWORK,
        bodies=bodies,
        parties=("vgr", "lysekil", "orust"),
        members=members
        or (
            bm.Municipality("Lysekil", "1484", "lysekil"),
            bm.Municipality("Orust", "1421", "orust"),
        ),
        forums=(forum,),
        adoptions=tuple(
            bm.Adoption(body, dt.date(2019, 9, 2)) for body in ("vgr", "lysekil", "orust")
        ),
    )


def test_int_a_framework_whose_members_act_as_parties_passes() -> None:
    assert () == validate(_fyrbodal(), select=["INT"]).findings


def test_int002_adoptions_report_recipients_and_member_links_are_references() -> None:
    framework = _fyrbodal()
    bodies = tuple(b for b in framework.bodies if b.id not in ("orust", "sn"))
    report = validate(attrs.evolve(framework, bodies=bodies), select=["INT002"])
    assert [
        "/adoptions/2/body",
        "/forums/0/follow_up/recipients/0",
        "/forums/0/members/2/body",
        "/members/1/body",
        "/parties/2",
    ] == [f.path for f in report.findings]


def test_int009_a_municipality_listed_twice_by_code_is_an_error_at_the_second() -> None:
    twice = (
        bm.Municipality("Lysekil", "1484"),
        bm.Municipality("Orust", "1421"),
        bm.Municipality("Lysekils kommun", "1484"),
    )
    report = validate(_fyrbodal(*twice), select=["INT009"])
    [finding] = report.findings
    assert (bm.Severity.ERROR, "/members/2", ("/members/0",)) == (
        finding.severity,
        finding.path,
        finding.related,
    )
    assert "Lysekils kommun (1484) finns med två gånger bland medlemskommunerna" == (
        finding.message.sv
    )


def test_int009_without_a_code_the_same_name_is_the_same_municipality() -> None:
    twice = (bm.Municipality("Ale"), bm.Municipality("Orust", "1421"), bm.Municipality("ale"))
    report = validate(_fyrbodal(*twice), select=["INT009"])
    assert [("/members/2", ("/members/0",))] == [(f.path, f.related) for f in report.findings]


def test_int009_different_municipalities_with_a_name_alike_pass() -> None:
    # The same name with two different codes is two municipalities (a code is decisive).
    members = (bm.Municipality("Ale", "1440"), bm.Municipality("Ale", "1441"))
    assert () == validate(_fyrbodal(*members), select=["INT009"]).findings


def test_int010_a_member_linked_to_a_body_that_is_no_municipality_is_an_error() -> None:
    members = (
        bm.Municipality("Lysekil", "1484", "lysekil"),
        bm.Municipality("Orust", "1421", "sn"),
    )
    report = validate(_fyrbodal(*members), select=["INT010"])
    [finding] = report.findings
    assert (bm.Severity.ERROR, "/members/1/body", ("/bodies/3",)) == (
        finding.severity,
        finding.path,
        finding.related,
    )
    assert "Orust is linked to Socialnämnden i Orust, which is not a municipality" == (
        finding.message.en
    )
    assert "Orust är kopplad till Socialnämnden i Orust, som inte är en kommun" == (
        finding.message.sv
    )


def test_int010_a_member_whose_code_differs_from_its_body_is_an_error() -> None:
    members = (
        bm.Municipality("Lysekil", "1484", "lysekil"),
        bm.Municipality("Orust", "1484", "orust"),
    )
    report = validate(_fyrbodal(*members), select=["INT010"])
    [finding] = report.findings
    assert ("/members/1/code", ("/bodies/2/code",)) == (finding.path, finding.related)
    assert (
        "Orust har kommunkoden 1484, men organet Orust kommun som den är kopplad till har 1421"
        == finding.message.sv
    )
    assert (
        "Orust has the kommunkod 1484, but the body Orust kommun it is linked to has 1421"
        == finding.message.en
    )


def test_int010_an_undeclared_body_or_a_missing_code_is_left_alone() -> None:
    members = (bm.Municipality("Lysekil", None, "lysekil"), bm.Municipality("Orust", "1421", "x"))
    assert () == validate(_fyrbodal(*members), select=["INT010"]).findings


def test_int011_an_exemption_that_exempts_nothing_is_a_warning_at_the_exemption() -> None:
    stale = bm.Exemption("INT006", "Socialnämnden stod två gånger i originalet", "/parties/3")
    agreement = attrs.evolve(clean_agreement(), exemptions=(stale,))
    report = validate(agreement, select=["INT"])
    [finding] = report.findings
    assert ("INT011", bm.Severity.WARNING, "/exemptions/0") == (
        finding.code,
        finding.severity,
        finding.path,
    )
    assert (
        "the exemption from INT006 exempts no finding: remove it",
        "undantaget från INT006 undantar inget fynd: ta bort det",
    ) == (finding.message.en, finding.message.sv)


def test_int011_an_exemption_by_rule_name_that_is_used_is_not_reported() -> None:
    agreement = attrs.evolve(
        clean_agreement(),
        parties=("bun", "sn", "kun", "sn"),
        exemptions=(
            bm.Exemption("parties-and-participants-once", "som i originalet", "/parties/3"),
        ),
    )
    report = validate(agreement, select=["INT"])
    assert () == report.findings
    assert ["INT006"] == [e.finding.code for e in report.exempted]


def test_the_integrity_rules_have_names_that_say_what_they_require() -> None:
    names = {rule.code: rule.name for rule in bm.Catalogue.built_in() if rule.area == "INT"}
    assert {
        "INT001": "unique-ids",
        "INT002": "references-exist",
        "INT003": "at-least-two-parties",
        "INT004": "party-not-participant",
        "INT005": "part-of-acyclic",
        "INT006": "parties-and-participants-once",
        "INT007": "exemptions-name-known-rules",
        "INT008": "no-self-reference",
        "INT009": "framework-members-once",
        "INT010": "member-linked-to-its-municipality",
        "INT011": "every-exemption-needed",
    } == names
