import datetime as dt

import attrs

import busmodel as bm
from busmodel.format._registry import Entry
from tests.support.builders import check, clean_agreement, extendable_agreement, extension_of

PREVIOUS_TERM = bm.Period(dt.date(2019, 1, 1), dt.date(2022, 12, 31))


def _agreement(agreement_id: str, period: bm.Period | None, *supersedes: str) -> bm.Agreement:
    validity = None if period is None else bm.Validity(bm.ValidityBasis.FIXED, period)
    return attrs.evolve(
        clean_agreement(), id=agreement_id, validity=validity, supersedes=supersedes
    )


def _successor(*supersedes: str) -> bm.Agreement:
    return attrs.evolve(clean_agreement(), supersedes=supersedes)


def _framework(*members: bm.Municipality) -> bm.Agreement:
    return bm.Agreement(
        id="vastbus-2005",
        title="VÄSTBUS",
        kind=bm.AgreementKind.FRAMEWORK,
        bodies=(bm.Body("vgr", "Västra Götalandsregionen", bm.BodyKind.REGION),),
        parties=("vgr",),
        members=members,
    )


def test_clean_agreement_passes_the_supersession_rules() -> None:
    assert () == check(clean_agreement(), "SUP", others=[]).findings


def test_a_clean_successor_of_a_known_predecessor_passes() -> None:
    predecessor = _agreement("alingsas-bus-2019", PREVIOUS_TERM)
    assert () == check(_successor("alingsas-bus-2019"), "SUP", others=[predecessor]).findings


def test_the_supersession_rules_are_named_for_what_they_require() -> None:
    assert [
        ("SUP001", "predecessor-in-registry"),
        ("SUP002", "predecessor-ends-before-start"),
        ("SUP003", "no-gap-after-predecessor"),
        ("SUP004", "supersession-acyclic"),
        ("SUP005", "framework-in-registry"),
        ("SUP006", "municipality-in-framework"),
        ("SUP007", "id-unique-in-registry"),
    ] == [(r.code, r.name) for r in bm.rules() if r.area == "SUP"]


def test_a_supersession_rule_is_selected_by_its_name() -> None:
    report = check(_successor("okand"), "predecessor-in-registry", others=[])
    assert ("SUP001",) == report.codes()


def test_the_supersession_rules_are_skipped_without_a_registry() -> None:
    report = check(_successor("okand"), "SUP")
    assert () == report.findings
    assert 7 == len(report.skipped)


def test_sup001_an_unknown_predecessor_is_a_warning_on_the_reference() -> None:
    predecessor = _agreement("alingsas-bus-2019", PREVIOUS_TERM)
    [finding] = check(
        _successor("alingsas-bus-2019", "okand"), "SUP001", others=[predecessor]
    ).findings
    assert ("SUP001", bm.Severity.WARNING) == (finding.code, finding.severity)
    assert "/supersedes/1" == finding.path
    assert "den ersatta överenskommelsen 'okand' finns inte i registret" == finding.message.sv
    assert "the superseded agreement 'okand' is not in the registry" == finding.message.en


def test_sup002_a_predecessor_that_ends_after_this_starts_is_an_error() -> None:
    overlapping = bm.Period(dt.date(2019, 1, 1), dt.date(2023, 6, 30))
    predecessor = _agreement("alingsas-bus-2019", overlapping)
    [finding] = check(_successor("alingsas-bus-2019"), "SUP002", others=[predecessor]).findings
    assert (bm.Severity.ERROR, "/supersedes/0", ()) == (
        finding.severity,
        finding.path,
        finding.related,
    )
    assert (
        "the superseded agreement “BUS – Barn Ungdom Samverkan” (2019-01-01 – 2023-06-30) runs "
        "until 2023-06-30, but this agreement starts on 2023-01-01"
    ) == finding.message.en


def test_sup002_a_predecessor_until_further_notice_overlaps() -> None:
    predecessor = _agreement("alingsas-bus-2019", bm.Period(dt.date(2019, 1, 1)))
    [finding] = check(_successor("alingsas-bus-2019"), "SUP002", others=[predecessor]).findings
    assert (
        "den ersatta överenskommelsen ”BUS – Barn Ungdom Samverkan” (2019-01-01 tills vidare) "
        "gäller tills vidare, men denna börjar gälla 2023-01-01"
    ) == finding.message.sv
    assert (
        "the superseded agreement “BUS – Barn Ungdom Samverkan” (2019-01-01 until further "
        "notice) runs until further notice, but this agreement starts on 2023-01-01"
    ) == finding.message.en


def test_sup002_and_sup003_need_both_validities() -> None:
    without = _agreement("alingsas-bus-2019", None)
    overlapping = _agreement("alingsas-bus-2019", bm.Period(dt.date(2019, 1, 1)))
    no_validity = attrs.evolve(_successor("alingsas-bus-2019"), validity=None)
    for agreement, predecessor in (
        (_successor("alingsas-bus-2019"), without),
        (no_validity, overlapping),
    ):
        assert () == check(agreement, "SUP002", others=[predecessor]).findings
        assert () == check(agreement, "SUP003", others=[predecessor]).findings


def test_sup003_a_gap_is_named_in_days() -> None:
    earlier = bm.Period(dt.date(2019, 1, 1), dt.date(2022, 12, 20))
    predecessor = _agreement("alingsas-bus-2019", earlier)
    [finding] = check(_successor("alingsas-bus-2019"), "SUP003", others=[predecessor]).findings
    assert (bm.Severity.WARNING, "/supersedes/0") == (finding.severity, finding.path)
    assert "a gap of 11 days" in finding.message.en
    assert "ett glapp på 11 dagar" in finding.message.sv


def test_sup003_a_gap_of_years_reads_in_years_and_days() -> None:
    earlier = bm.Period(dt.date(2015, 1, 1), dt.date(2018, 11, 30))
    predecessor = _agreement("alingsas-bus-2019", earlier)
    [finding] = check(_successor("alingsas-bus-2019"), "SUP003", others=[predecessor]).findings
    assert "a gap of 4 years and 31 days" in finding.message.en
    assert "ett glapp på 4 år och 31 dagar" in finding.message.sv


def test_sup003_a_one_day_gap_is_singular() -> None:
    earlier = bm.Period(dt.date(2019, 1, 1), dt.date(2022, 12, 30))
    predecessor = _agreement("alingsas-bus-2019", earlier)
    [finding] = check(_successor("alingsas-bus-2019"), "SUP003", others=[predecessor]).findings
    assert "a gap of 1 day " in finding.message.en


def test_sup004_a_cycle_through_the_registry_is_reported() -> None:
    first = _agreement("alingsas-bus-2019", PREVIOUS_TERM, "alingsas-bus-2015")
    second = _agreement("alingsas-bus-2015", None, "alingsas-bus-2023")
    [finding] = check(_successor("alingsas-bus-2019"), "SUP004", others=[first, second]).findings
    assert (bm.Severity.ERROR, "/supersedes/0") == (finding.severity, finding.path)
    assert (
        "the superseded agreements form a cycle: "
        "alingsas-bus-2023 → alingsas-bus-2019 → alingsas-bus-2015 → alingsas-bus-2023"
    ) == finding.message.en


def test_sup004_leaves_an_agreement_that_supersedes_itself_to_int008() -> None:
    report = check(_successor("alingsas-bus-2023"), "SUP004", "INT008", others=[])
    assert ["INT008"] == [f.code for f in report.findings]


def test_sup004_a_cycle_is_found_when_the_agreement_differs_from_its_registry_copy() -> None:
    first = _agreement("alingsas-bus-2019", PREVIOUS_TERM, "alingsas-bus-2023")
    registered = _successor()  # the registry's copy supersedes nothing
    report = bm.validate(
        _successor("alingsas-bus-2019"),
        registry=bm.Registry.of([registered, first]),
        select=["SUP004"],
    )
    [finding] = report.findings
    assert (
        "the superseded agreements form a cycle: "
        "alingsas-bus-2023 → alingsas-bus-2019 → alingsas-bus-2023"
    ) == finding.message.en


def test_sup004_the_shortest_way_back_is_named_in_a_tangle_of_cycles() -> None:
    others = [
        _agreement("b", None, "c", "d"),
        _agreement("c", None, "d"),
        _agreement("d", None, "alingsas-bus-2023", "b"),
    ]
    [finding] = check(_successor("b"), "SUP004", others=others).findings
    assert "form a cycle: alingsas-bus-2023 → b → d → alingsas-bus-2023" in finding.message.en


def test_sup004_a_long_cycle_is_named_in_a_message_of_bounded_length() -> None:
    others = [_agreement(f"a{i}", None, f"a{i + 1}") for i in range(30)]
    others.append(_agreement("a30", None, "alingsas-bus-2023"))
    [finding] = check(_successor("a0"), "SUP004", others=others).findings
    shown = " → ".join(["alingsas-bus-2023", *(f"a{i}" for i in range(7))])
    assert (
        f"the superseded agreements form a cycle: {shown} → … and 24 more → alingsas-bus-2023"
    ) == finding.message.en


def test_sup004_a_cycle_elsewhere_in_the_registry_is_not_this_agreements() -> None:
    first = _agreement("a", None, "b")
    second = _agreement("b", None, "a")
    assert () == check(_successor("a"), "SUP004", others=[first, second]).findings


def test_sup004_a_chain_of_predecessors_passes() -> None:
    first = _agreement("alingsas-bus-2019", PREVIOUS_TERM, "alingsas-bus-2015")
    second = _agreement("alingsas-bus-2015", None)
    assert () == check(_successor("alingsas-bus-2019"), "SUP004", others=[first, second]).findings


def test_sup005_an_unknown_framework_is_an_error() -> None:
    agreement = attrs.evolve(clean_agreement(), framework="vastbus-2005")
    [finding] = check(agreement, "SUP005", others=[]).findings
    assert (bm.Severity.ERROR, "/framework") == (finding.severity, finding.path)
    assert "'vastbus-2005' is not in the registry" in finding.message.en


def test_sup005_a_local_agreement_is_not_a_framework() -> None:
    agreement = attrs.evolve(clean_agreement(), framework="alingsas-bus-2019")
    [finding] = check(agreement, "SUP005", others=[_agreement("alingsas-bus-2019", None)]).findings
    assert "/framework" == finding.path
    assert (
        "'alingsas-bus-2019', “BUS – Barn Ungdom Samverkan”, is a local agreement, not a framework"
        == finding.message.en
    )


def test_sup005_a_framework_in_the_registry_passes() -> None:
    agreement = attrs.evolve(clean_agreement(), framework="vastbus-2005")
    framework = _framework(bm.Municipality("Alingsås", "1489"))
    assert () == check(agreement, "SUP005", others=[framework]).findings


def test_sup006_a_municipality_outside_the_framework_is_an_error() -> None:
    agreement = attrs.evolve(clean_agreement(), framework="vastbus-2005")
    framework = _framework(bm.Municipality("Partille", "1402"), bm.Municipality("Ale", "1440"))
    [finding] = check(agreement, "SUP006", others=[framework]).findings
    assert (bm.Severity.ERROR, "/municipality") == (finding.severity, finding.path)
    assert (
        "Alingsås (1489) är inte medlem i ramöverenskommelsen ”VÄSTBUS” ('vastbus-2005')"
        == finding.message.sv
    )


def test_sup006_a_municipality_without_a_code_is_named_without_one() -> None:
    agreement = attrs.evolve(
        clean_agreement(), framework="vastbus-2005", municipality=bm.Municipality("Alingsås")
    )
    framework = _framework(bm.Municipality("Partille", "1402"))
    [finding] = check(agreement, "SUP006", others=[framework]).findings
    assert (
        "Alingsås is not a member of the framework “VÄSTBUS” ('vastbus-2005')" == finding.message.en
    )
    assert (
        "Alingsås är inte medlem i ramöverenskommelsen ”VÄSTBUS” ('vastbus-2005')"
        == finding.message.sv
    )


def test_sup006_codes_decide_when_both_have_one() -> None:
    agreement = attrs.evolve(clean_agreement(), framework="vastbus-2005")
    framework = _framework(bm.Municipality("Alingsås", "1402"))  # same name, other code
    assert ("SUP006",) == tuple(
        f.code for f in check(agreement, "SUP006", others=[framework]).findings
    )


def test_sup006_names_decide_without_codes_regardless_of_case() -> None:
    agreement = attrs.evolve(
        clean_agreement(), framework="vastbus-2005", municipality=bm.Municipality("alingsås")
    )
    framework = _framework(bm.Municipality("ALINGSÅS", "1489"))
    assert () == check(agreement, "SUP006", others=[framework]).findings


def test_sup006_a_framework_without_members_cannot_be_checked() -> None:
    agreement = attrs.evolve(clean_agreement(), framework="vastbus-2005")
    assert () == check(agreement, "SUP006", others=[_framework()]).findings


def test_sup005_leaves_an_agreement_naming_itself_as_its_framework_to_int008() -> None:
    agreement = attrs.evolve(clean_agreement(), framework=clean_agreement().id)
    report = check(agreement, "SUP005", "INT008", others=[])
    assert ["INT008"] == [f.code for f in report.findings]


def test_sup007_another_document_with_the_same_id_is_an_error_naming_where_it_is() -> None:
    agreement = clean_agreement()
    twin = attrs.evolve(agreement, title="BUS – en annan text")
    registry = bm.Registry(
        (Entry("a.toml", agreement), Entry("b.toml", twin), Entry("c.toml", twin))
    )
    report = bm.validate(agreement, registry=registry, select=["SUP007"])
    [finding] = report.findings
    assert (bm.Severity.ERROR, "/id") == (finding.severity, finding.path)
    assert (
        "other documents in the registry have the id 'alingsas-bus-2023' too: b.toml and c.toml"
        == finding.message.en
    )
    assert (
        "andra dokument i registret har samma id 'alingsas-bus-2023': b.toml och c.toml"
        == finding.message.sv
    )


def test_sup007_one_other_document_with_the_same_id_is_named_in_the_singular() -> None:
    agreement = clean_agreement()
    twin = attrs.evolve(agreement, title="BUS – en annan text")
    registry = bm.Registry((Entry("a.toml", agreement), Entry("b.toml", twin)))
    [finding] = bm.validate(agreement, registry=registry, select=["SUP007"]).findings
    assert (
        "another document in the registry has the id 'alingsas-bus-2023' too: b.toml"
        == finding.message.en
    )
    assert (
        "ett annat dokument i registret har samma id 'alingsas-bus-2023': b.toml"
        == finding.message.sv
    )


def test_sup007_the_agreement_itself_or_an_equal_copy_of_it_is_no_duplicate() -> None:
    agreement = clean_agreement()
    assert () == check(agreement, "SUP007", others=[]).findings
    copy = bm.Registry.of([attrs.evolve(agreement)])
    assert () == bm.validate(agreement, registry=copy, select=["SUP007"]).findings


# -- a predecessor extended by extension documents ------------------------------------------


def _extended_predecessor(*ends: int) -> list[bm.Agreement]:
    """The agreement of 2021–2022, extended by two years at a time until each of ``ends``."""
    base = extendable_agreement()
    return [
        base,
        *(
            extension_of(
                base,
                bm.Period(dt.date(end - 1, 1, 1), dt.date(end, 12, 31)),
                dt.date(end - 2, 11, 16),
            )
            for end in ends
        ),
    ]


def _successor_of_2021(start: dt.date) -> bm.Agreement:
    validity = bm.Validity(bm.ValidityBasis.FIXED, bm.Period(start, dt.date(2030, 12, 31)))
    return attrs.evolve(
        clean_agreement(),
        id="alingsas-bus-2027",
        validity=validity,
        supersedes=("alingsas-bus-2021",),
    )


def test_sup003_a_successor_of_an_extended_agreement_follows_its_last_extension() -> None:
    others = _extended_predecessor(2024, 2026)
    successor = _successor_of_2021(dt.date(2027, 1, 1))
    assert () == check(successor, "SUP", others=others).findings  # not a gap of four years


def test_sup003_a_gap_after_the_last_extension_is_still_a_warning() -> None:
    others = _extended_predecessor(2024, 2026)
    [finding] = check(_successor_of_2021(dt.date(2027, 2, 1)), "SUP", others=others).findings
    assert ("SUP003", bm.Severity.WARNING) == (finding.code, finding.severity)
    assert (
        "a gap of 31 days without an agreement: the superseded agreement “BUS – Barn Ungdom "
        "Samverkan” (2021-01-01 – 2026-12-31, with its extensions) ends on 2026-12-31 and this "
        "one starts on 2027-02-01"
    ) == finding.message.en
    assert (
        "ett glapp på 31 dagar utan överenskommelse: den ersatta överenskommelsen ”BUS – Barn "
        "Ungdom Samverkan” (2021-01-01 – 2026-12-31, med förlängningar) gäller till och med "
        "2026-12-31 och denna börjar gälla 2027-02-01"
    ) == finding.message.sv


def test_sup002_a_successor_that_starts_while_an_extension_runs_overlaps() -> None:
    others = _extended_predecessor(2024, 2026)
    [finding] = check(_successor_of_2021(dt.date(2025, 1, 1)), "SUP", others=others).findings
    assert ("SUP002", bm.Severity.ERROR) == (finding.code, finding.severity)
    assert "(2021-01-01 – 2026-12-31, with its extensions) runs until 2026-12-31" in (
        finding.message.en
    )


def test_sup007_an_extension_document_with_another_documents_id_is_an_error() -> None:
    base, extension = _extended_predecessor(2024)
    clash = attrs.evolve(extension, id=base.id)
    assert ["SUP007"] == [f.code for f in check(clash, "SUP", others=[base]).findings]
