import datetime as dt

import attrs

import busmodel as bm
from tests.support.builders import check, extendable_agreement, extension_of

FIRST = bm.Period(dt.date(2023, 1, 1), dt.date(2024, 12, 31))
SECOND = bm.Period(dt.date(2025, 1, 1), dt.date(2026, 12, 31))
NOVEMBER_2022 = dt.date(2022, 11, 16)


def _first() -> bm.Agreement:
    """ "Förlängning 2023–2024", adopted by the parties in November 2022."""
    return extension_of(extendable_agreement(), FIRST, NOVEMBER_2022)


def _second() -> bm.Agreement:
    return extension_of(extendable_agreement(), SECOND, dt.date(2024, 11, 20))


def _with_clause(clause: bm.Extension | None) -> bm.Agreement:
    agreement = extendable_agreement()
    assert agreement.validity is not None
    return attrs.evolve(agreement, validity=attrs.evolve(agreement.validity, extension=clause))


def _codes(report: bm.Report) -> list[tuple[str, str]]:
    return [(finding.code, finding.path) for finding in report.findings]


def test_the_extension_rules_check_extension_documents_only() -> None:
    assert {frozenset({bm.AgreementKind.EXTENSION})} == {
        rule.kinds for rule in bm.rules() if rule.area == "EXT"
    }


def test_the_extension_rules_are_named_for_what_they_require() -> None:
    assert {
        "EXT001": "extends-known-agreement",
        "EXT002": "extended-agreement-allows-extension",
        "EXT003": "extension-within-clause-years",
        "EXT004": "extension-within-clause-times",
        "EXT005": "extension-does-not-overlap",
        "EXT006": "no-gap-before-extension",
    } == {rule.code: rule.name for rule in bm.rules() if rule.area == "EXT"}


def test_an_extension_rule_is_selected_by_its_name() -> None:
    longer = extension_of(
        extendable_agreement(), bm.Period(FIRST.start, dt.date(2025, 1, 1)), NOVEMBER_2022
    )
    report = check(longer, "extension-within-clause-years", others=[extendable_agreement()])
    assert ("EXT003",) == report.codes()


def test_two_extensions_by_two_years_within_the_clause_pass_every_rule() -> None:
    base, first, second = extendable_agreement(), _first(), _second()
    for extension, today in ((first, dt.date(2023, 3, 1)), (second, dt.date(2025, 3, 1))):
        report = check(extension, today=today, others=[base, first, second])
        assert [] == _codes(report)


def test_the_extension_rules_are_skipped_without_a_registry() -> None:
    report = check(_first(), "EXT")
    assert [f"EXT00{n}" for n in range(1, 7)] == [s.code for s in report.skipped]


def test_ext001_an_extension_of_an_agreement_not_in_the_registry_is_an_error() -> None:
    [finding] = check(_first(), "EXT", others=[]).findings
    assert ("EXT001", bm.Severity.ERROR, "/extends") == (
        finding.code,
        finding.severity,
        finding.path,
    )
    assert (
        "överenskommelsen 'alingsas-bus-2021' som förlängs finns inte i registret"
        == finding.message.sv
    )


def test_ext001_an_extension_must_name_the_original_agreement_not_an_extension() -> None:
    second = attrs.evolve(_second(), extends=_first().id)
    report = check(second, "EXT001", others=[extendable_agreement(), _first()])
    [finding] = report.findings
    assert (
        "'alingsas-bus-2021-forlangning-2023' is the extension “Förlängning 2023–2024” "
        "(2023-01-01 – 2024-12-31), not an agreement: an extension names the original "
        "agreement ('alingsas-bus-2021')"
    ) == finding.message.en


def test_ext001_an_extension_that_extends_itself_is_an_error() -> None:
    itself = attrs.evolve(_first(), extends=_first().id)
    [finding] = check(itself, "EXT", others=[]).findings
    assert ("EXT001", "/extends") == (finding.code, finding.path)
    assert "names itself" in finding.message.en


def test_ext002_an_agreement_without_an_extension_clause_cannot_be_extended() -> None:
    report = check(_first(), "EXT", others=[_with_clause(None)])
    [finding] = report.findings
    assert ("EXT002", bm.Severity.ERROR, "/extends") == (
        finding.code,
        finding.severity,
        finding.path,
    )
    assert (
        "överenskommelsen ”BUS – Barn Ungdom Samverkan” (2021-01-01 – 2022-12-31) saknar "
        "förlängningsklausul och kan därför inte förlängas genom en förlängning: parterna "
        "behöver en ny överenskommelse"
    ) == finding.message.sv


def test_ext003_two_years_at_a_time_are_counted_in_calendar_years() -> None:
    exactly = extension_of(extendable_agreement(), FIRST, NOVEMBER_2022)
    one_day_more = extension_of(
        extendable_agreement(), bm.Period(FIRST.start, dt.date(2025, 1, 1)), NOVEMBER_2022
    )
    assert [] == _codes(check(exactly, "EXT003", others=[extendable_agreement()]))
    [finding] = check(one_day_more, "EXT003", others=[extendable_agreement()]).findings
    assert (bm.Severity.ERROR, "/validity/period/end") == (finding.severity, finding.path)
    assert (
        "the extension runs 2023-01-01 – 2025-01-01, but “BUS – Barn Ungdom Samverkan” "
        "(2021-01-01 – 2022-12-31) may be extended by 2 years at a time: this extension may "
        "run until 2024-12-31 at the latest"
    ) == finding.message.en
    assert "får förlängas med 2 år i taget" in finding.message.sv


def test_ext003_a_leap_day_start_runs_to_the_end_of_february() -> None:
    period = bm.Period(dt.date(2024, 2, 29), dt.date(2026, 2, 28))
    extension = extension_of(extendable_agreement(), period, NOVEMBER_2022)
    assert [] == _codes(check(extension, "EXT003", others=[extendable_agreement()]))


def test_ext003_an_extension_without_an_end_is_longer_than_any_clause() -> None:
    extension = extension_of(extendable_agreement(), bm.Period(FIRST.start), NOVEMBER_2022)
    [finding] = check(extension, "EXT003", others=[extendable_agreement()]).findings
    assert "the extension has no end date" in finding.message.en


def test_ext004_an_extension_beyond_the_number_allowed_names_which_one_is_too_many() -> None:
    base = _with_clause(bm.Extension(2, times=1))
    first, second = (
        extension_of(base, FIRST, NOVEMBER_2022),
        extension_of(base, SECOND, NOVEMBER_2022),
    )
    assert [] == _codes(check(first, "EXT004", others=[base, second]))
    [finding] = check(second, "EXT004", others=[base, first]).findings
    assert (bm.Severity.ERROR, "/extends") == (finding.severity, finding.path)
    assert (
        "this is extension number 2 of “BUS – Barn Ungdom Samverkan” (2021-01-01 – 2022-12-31), "
        "one too many: it allows 1 extension and was already extended by “Förlängning 2023–2024” "
        "(2023-01-01 – 2024-12-31)"
    ) == finding.message.en
    assert (
        "detta är förlängning nummer 2 av ”BUS – Barn Ungdom Samverkan” (2021-01-01 – 2022-12-31), "
        "en för mycket: den får förlängas 1 gång och har redan förlängts genom "
        "”Förlängning 2023–2024” (2023-01-01 – 2024-12-31)"
    ) == finding.message.sv


def test_ext004_names_at_most_three_earlier_extensions_and_counts_the_rest() -> None:
    base = _with_clause(bm.Extension(2, times=4))
    extensions = [
        extension_of(base, bm.Period(dt.date(year, 1, 1), dt.date(year + 1, 12, 31)), NOVEMBER_2022)
        for year in (2023, 2025, 2027, 2029, 2031)
    ]
    [finding] = check(extensions[-1], "EXT004", others=[base, *extensions[:-1]]).findings
    assert (
        "this is extension number 5 of “BUS – Barn Ungdom Samverkan” (2021-01-01 – 2022-12-31), "
        "one too many: it allows 4 extensions and was already extended by "
        "“Förlängning 2023–2024” (2023-01-01 – 2024-12-31), "
        "“Förlängning 2025–2026” (2025-01-01 – 2026-12-31), "
        "“Förlängning 2027–2028” (2027-01-01 – 2028-12-31) and 1 more"
    ) == finding.message.en
    assert finding.message.sv.endswith(
        "den får förlängas 4 gånger och har redan förlängts genom "
        "”Förlängning 2023–2024” (2023-01-01 – 2024-12-31), "
        "”Förlängning 2025–2026” (2025-01-01 – 2026-12-31), "
        "”Förlängning 2027–2028” (2027-01-01 – 2028-12-31) och 1 till"
    )


def test_ext004_extensions_are_counted_in_order_of_their_start_not_of_the_registry() -> None:
    base = _with_clause(bm.Extension(2, times=1))
    first, second = (
        extension_of(base, FIRST, NOVEMBER_2022),
        extension_of(base, SECOND, NOVEMBER_2022),
    )
    registry = bm.Registry.of([second, base, first])
    report = bm.validate(first, registry=registry, select=["EXT004"])
    assert () == report.findings
    assert ["EXT004"] == [
        f.code for f in bm.validate(second, registry=registry, select=["EXT004"]).findings
    ]


def test_ext004_a_clause_without_a_number_allows_any_number() -> None:
    base, first = extendable_agreement(), _first()
    third = extension_of(base, bm.Period(dt.date(2027, 1, 1), dt.date(2028, 12, 31)), NOVEMBER_2022)
    assert [] == _codes(check(third, "EXT004", others=[base, first, _second()]))


def test_ext005_an_extension_that_starts_before_the_agreement_ends_is_an_error() -> None:
    early = extension_of(
        extendable_agreement(), bm.Period(dt.date(2022, 7, 1), dt.date(2024, 6, 30)), NOVEMBER_2022
    )
    report = check(early, "EXT", others=[extendable_agreement()])
    [finding] = report.findings
    assert ("EXT005", bm.Severity.ERROR, "/validity/period/start") == (
        finding.code,
        finding.severity,
        finding.path,
    )
    assert (
        "förlängningen börjar gälla 2022-07-01, men ”BUS – Barn Ungdom Samverkan” "
        "(2021-01-01 – 2022-12-31) gäller till och med 2022-12-31: förlängningen ska börja gälla "
        "2023-01-01"
    ) == finding.message.sv


def test_ext005_the_second_extension_is_compared_with_the_first() -> None:
    overlapping = extension_of(
        extendable_agreement(), bm.Period(dt.date(2024, 7, 1), dt.date(2026, 6, 30)), NOVEMBER_2022
    )
    [finding] = check(overlapping, "EXT005", others=[extendable_agreement(), _first()]).findings
    assert "but “Förlängning 2023–2024” (2023-01-01 – 2024-12-31) is in force until 2024-12-31" in (
        finding.message.en
    )


def test_ext006_a_gap_before_the_extension_is_a_warning_in_days() -> None:
    late = extension_of(
        extendable_agreement(), bm.Period(dt.date(2025, 2, 1), dt.date(2026, 12, 31)), NOVEMBER_2022
    )
    [finding] = check(late, "EXT", others=[extendable_agreement(), _first()]).findings
    assert ("EXT006", bm.Severity.WARNING, "/validity/period/start") == (
        finding.code,
        finding.severity,
        finding.path,
    )
    assert (
        "a gap of 31 days without an agreement: “Förlängning 2023–2024” "
        "(2023-01-01 – 2024-12-31) ends on 2024-12-31 and the extension starts on 2025-02-01; "
        "it should start on 2025-01-01"
    ) == finding.message.en
    assert "ett glapp på 31 dagar utan överenskommelse" in finding.message.sv


def test_ext006_the_extension_checked_replaces_its_registry_copy() -> None:
    registered = _first()
    corrected = attrs.evolve(registered, validity=bm.Validity(bm.ValidityBasis.FIXED, FIRST))
    late = attrs.evolve(
        registered,
        validity=bm.Validity(
            bm.ValidityBasis.FIXED, bm.Period(dt.date(2023, 1, 10), dt.date(2024, 12, 31))
        ),
    )
    registry = bm.Registry.of([extendable_agreement(), registered])
    assert () == bm.validate(corrected, registry=registry, select=["EXT"]).findings
    report = bm.validate(late, registry=registry, select=["EXT"])
    assert ["EXT006"] == [f.code for f in report.findings]
    assert "a gap of 9 days" in report.findings[0].message.en
