import datetime as dt

import attrs
import pytest

import busmodel as bm
from busmodel import validate
from tests.support.builders import clean_agreement, extendable_agreement, extension_of

TODAY = dt.date(2024, 3, 1)


def _agreement(start: dt.date, end: dt.date | None) -> bm.Agreement:
    validity = bm.Validity(bm.ValidityBasis.FIXED, bm.Period(start, end))
    return attrs.evolve(clean_agreement(), validity=validity)


def _registry(*agreements: bm.Agreement) -> bm.Registry:
    return bm.Registry.of(agreements)


def test_clean_agreement_passes_the_lifecycle_rules() -> None:
    registry = _registry(clean_agreement())
    assert (
        () == validate(clean_agreement(), today=TODAY, registry=registry, select=["LIF"]).findings
    )


def test_the_lifecycle_rules_are_named_for_what_they_require() -> None:
    assert [
        ("LIF001", "already-in-force"),
        ("LIF002", "not-expired"),
        ("LIF003", "renewed-in-time"),
        ("LIF004", "superseded-no-longer-in-force"),
        ("LIF005", "continued-after-own-end"),
    ] == [(r.code, r.name) for r in bm.rules() if r.area == "LIF"]


def test_a_lifecycle_rule_is_ignored_by_its_name() -> None:
    report = validate(
        clean_agreement(), today=dt.date(2027, 1, 1), select=["LIF"], ignore=["not-expired"]
    )
    assert () == report.findings


def test_the_lifecycle_rules_are_skipped_without_today() -> None:
    report = validate(clean_agreement(), select=["LIF"])
    assert ["LIF001", "LIF002", "LIF003", "LIF004", "LIF005"] == [s.code for s in report.skipped]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2022, 12, 1), ("LIF001",)),
        (dt.date(2023, 1, 1), ()),
        (dt.date(2026, 9, 1), ()),
        (dt.date(2026, 10, 2), ("LIF003",)),  # 90 days left: on the horizon
        (dt.date(2026, 11, 22), ("LIF003",)),
        (dt.date(2026, 12, 31), ("LIF003",)),
        (dt.date(2027, 1, 1), ("LIF002",)),
    ],
)
def test_the_committee_term_2023_2026_through_time(
    today: dt.date, expected: tuple[str, ...]
) -> None:
    agreement = _agreement(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
    report = validate(agreement, today=today, select=["LIF001", "LIF002", "LIF003"])
    assert expected == report.codes()


def test_lif001_not_yet_in_force_is_info_on_the_start() -> None:
    report = validate(clean_agreement(), today=dt.date(2022, 12, 1), select=["LIF001"])
    [finding] = report.findings
    assert (bm.Severity.INFO, "/validity/period/start") == (finding.severity, finding.path)
    assert (
        "the agreement is not yet in force: it comes into force on 2023-01-01, in 31 days"
        == finding.message.en
    )
    assert (
        "överenskommelsen gäller inte ännu: den börjar gälla 2023-01-01, om 31 dagar"
        == finding.message.sv
    )


def test_lif002_expired_is_an_error_on_the_end() -> None:
    report = validate(clean_agreement(), today=dt.date(2027, 1, 1), select=["LIF002"])
    [finding] = report.findings
    assert (bm.Severity.ERROR, "/validity/period/end") == (finding.severity, finding.path)
    assert "until 2026-12-31 (1 day ago)" in finding.message.en
    assert "till och med 2026-12-31 (för 1 dag sedan)" in finding.message.sv


def test_lif002_an_agreement_until_further_notice_never_expires() -> None:
    agreement = _agreement(dt.date(2005, 1, 1), None)
    assert () == validate(agreement, today=dt.date(2099, 1, 1), select=["LIF"]).findings


def test_lif003_the_alingsas_agreement_is_due_for_renewal_39_days_before_it_ends() -> None:
    report = validate(clean_agreement(), today=dt.date(2026, 11, 22), select=["LIF003"])
    [finding] = report.findings
    assert (bm.Severity.WARNING, "/validity/period/end") == (finding.severity, finding.path)
    assert "39" in finding.message.en
    assert "2026-12-31" in finding.message.en
    assert (
        "dags att förnya: överenskommelsen går ut om 39 dagar och gäller till och med 2026-12-31"
        == finding.message.sv
    )


def test_lif003_the_last_day_in_force_has_no_days_left() -> None:
    report = validate(clean_agreement(), today=dt.date(2026, 12, 31), select=["LIF003"])
    assert "expires today" in report.findings[0].message.en


def test_lif003_the_last_day_of_the_last_extension_names_the_extension() -> None:
    report = validate(
        _extended(FIRST)[0],
        today=dt.date(2024, 12, 31),
        registry=_registry(*_extended(FIRST)),
        select=["LIF003"],
    )
    [finding] = report.findings
    assert (
        "renewal due: the agreement expires today (2024-12-31 is its last day in force), as "
        "extended by “Förlängning 2023–2024” (2023-01-01 – 2024-12-31)"
    ) == finding.message.en
    assert (
        "dags att förnya: överenskommelsen går ut i dag (2024-12-31 är sista dagen den gäller), "
        "förlängd genom ”Förlängning 2023–2024” (2023-01-01 – 2024-12-31)"
    ) == finding.message.sv


def test_lif003_the_horizon_is_an_option() -> None:
    options = bm.Options(renewal_horizon_days=180)
    report = validate(
        clean_agreement(), today=dt.date(2026, 9, 1), options=options, select=["LIF003"]
    )
    assert ("LIF003",) == report.codes()
    assert "121 days" in report.findings[0].message.en


def test_no_validity_yields_no_lifecycle_finding() -> None:
    agreement = attrs.evolve(clean_agreement(), validity=None)
    registry = _registry(agreement)
    assert () == validate(agreement, today=TODAY, registry=registry, select=["LIF"]).findings


def _predecessor(end: dt.date | None) -> bm.Agreement:
    return attrs.evolve(_agreement(dt.date(2019, 1, 1), end), id="alingsas-bus-2019", supersedes=())


def test_lif004_a_superseded_agreement_still_in_force_is_reported_on_the_reference() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("annat", "alingsas-bus-2019"))
    registry = _registry(agreement, _predecessor(None))
    report = validate(agreement, today=TODAY, registry=registry, select=["LIF004"])
    [finding] = report.findings
    assert (bm.Severity.WARNING, "/supersedes/1") == (finding.severity, finding.path)
    assert (
        "the superseded agreement “BUS – Barn Ungdom Samverkan” (2019-01-01 until further "
        "notice) is still in force today, although this one has been in force since 2023-01-01"
    ) == finding.message.en
    assert "(2019-01-01 tills vidare)" in finding.message.sv
    assert finding.message.sv != finding.message.en


def test_lif004_a_predecessor_that_has_ended_passes() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2019",))
    registry = _registry(agreement, _predecessor(dt.date(2022, 12, 31)))
    assert () == validate(agreement, today=TODAY, registry=registry, select=["LIF004"]).findings


def test_lif004_a_predecessor_may_run_until_its_successor_starts() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2019",))
    registry = _registry(agreement, _predecessor(dt.date(2024, 12, 31)))
    report = validate(agreement, today=dt.date(2022, 12, 1), registry=registry, select=["LIF004"])
    assert () == report.findings


def test_lif004_on_the_day_this_agreement_starts_a_predecessor_still_in_force_is_reported() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2019",))
    start = clean_agreement().validity.period.start  # type: ignore[union-attr]
    registry = _registry(agreement, _predecessor(None))
    report = validate(agreement, today=start, registry=registry, select=["LIF004"])
    assert ["/supersedes/0"] == [f.path for f in report.findings]
    before = validate(
        agreement, today=start - dt.timedelta(days=1), registry=registry, select=["LIF004"]
    )
    assert () == before.findings


def test_lif004_an_agreement_that_supersedes_itself_is_not_its_own_predecessor_in_force() -> None:
    agreement = attrs.evolve(clean_agreement(), supersedes=("alingsas-bus-2023",))
    report = validate(agreement, today=TODAY, registry=_registry(agreement), select=["LIF004"])
    assert () == report.findings


# -- continued by an extension or a successor ----------------------------------------------

FIRST = bm.Period(dt.date(2023, 1, 1), dt.date(2024, 12, 31))
SECOND = bm.Period(dt.date(2025, 1, 1), dt.date(2026, 12, 31))


def _extended(*periods: bm.Period) -> list[bm.Agreement]:
    """The agreement of 2021–2022 and its extensions ("Förlängning 2023–2024", ...)."""
    base = extendable_agreement()
    adopted = [dt.date(period.start.year - 1, 11, 16) for period in periods]
    return [base, *(extension_of(base, p, day) for p, day in zip(periods, adopted, strict=True))]


def _lifecycle(documents: list[bm.Agreement], today: dt.date) -> bm.Report:
    return validate(documents[0], today=today, registry=_registry(*documents), select=["LIF"])


def test_lif002_an_agreement_continued_by_its_extension_has_not_expired() -> None:
    documents = _extended(FIRST)
    report = _lifecycle(documents, dt.date(2023, 6, 1))
    [finding] = report.findings
    assert ("LIF005", bm.Severity.INFO, "/validity/period/end") == (
        finding.code,
        finding.severity,
        finding.path,
    )
    assert (
        "the agreement's own validity ended on 2022-12-31; it is continued by the extension "
        "“Förlängning 2023–2024” (2023-01-01 – 2024-12-31)"
    ) == finding.message.en
    assert (
        "överenskommelsens egen giltighetstid gick ut 2022-12-31; den fortsätter att gälla "
        "genom förlängningen ”Förlängning 2023–2024” (2023-01-01 – 2024-12-31)"
    ) == finding.message.sv


def test_lif005_names_the_extension_in_force_today() -> None:
    report = _lifecycle(_extended(FIRST, SECOND), dt.date(2025, 6, 1))
    assert ["LIF005"] == [f.code for f in report.findings]
    assert "“Förlängning 2025–2026” (2025-01-01 – 2026-12-31)" in report.findings[0].message.en


def test_lif002_without_a_registry_an_agreement_past_its_own_end_has_expired() -> None:
    report = validate(extendable_agreement(), today=dt.date(2023, 6, 1), select=["LIF"])
    assert ("LIF002",) == report.codes()


def test_lif002_an_agreement_whose_last_extension_has_ended_has_expired() -> None:
    report = _lifecycle(_extended(FIRST, SECOND), dt.date(2027, 3, 1))
    [finding] = report.findings
    assert ("LIF002", bm.Severity.ERROR) == (finding.code, finding.severity)
    assert (
        "the agreement has expired: it was in force until 2026-12-31 (60 days ago), the end "
        "of its last extension “Förlängning 2025–2026” (2025-01-01 – 2026-12-31)"
    ) == finding.message.en
    assert (
        "överenskommelsen har gått ut: den gällde till och med 2026-12-31 (för 60 dagar sedan), "
        "slutet på dess senaste förlängning ”Förlängning 2025–2026” (2025-01-01 – 2026-12-31)"
    ) == finding.message.sv


def test_lif002_an_extension_after_a_gap_that_has_not_started_leaves_today_uncovered() -> None:
    late = bm.Period(dt.date(2023, 3, 1), dt.date(2024, 12, 31))
    report = _lifecycle(_extended(late), dt.date(2023, 2, 1))
    [finding] = report.findings
    assert ("LIF002", bm.Severity.ERROR) == (finding.code, finding.severity)
    assert finding.message.en.endswith(
        "; the extension “Förlängning 2023–2024” (2023-03-01 – 2024-12-31), which continues it, "
        "comes into force only on 2023-03-01"
    )
    assert finding.message.sv.endswith(
        "; förlängningen ”Förlängning 2023–2024” (2023-03-01 – 2024-12-31), som tar vid efter den, "
        "börjar gälla först 2023-03-01"
    )


def test_lif005_an_extension_after_a_gap_that_has_started_continues_the_agreement() -> None:
    late = bm.Period(dt.date(2023, 3, 1), dt.date(2024, 12, 31))
    report = _lifecycle(_extended(late), dt.date(2023, 6, 1))
    [finding] = report.findings
    assert "LIF005" == finding.code
    assert (
        "the agreement expired on 2022-12-31 and is continued, after a gap of 59 days, by the "
        "extension “Förlängning 2023–2024” (2023-03-01 – 2024-12-31)"
    ) == finding.message.en
    assert (
        "överenskommelsen gick ut 2022-12-31 och fortsätter, efter ett glapp på 59 dagar, att "
        "gälla genom förlängningen ”Förlängning 2023–2024” (2023-03-01 – 2024-12-31)"
    ) == finding.message.sv


def _successor(start: dt.date) -> bm.Agreement:
    validity = bm.Validity(bm.ValidityBasis.FIXED, bm.Period(start, dt.date(2026, 12, 31)))
    return attrs.evolve(
        clean_agreement(),
        title="BUS 2023",
        validity=validity,
        supersedes=("alingsas-bus-2021",),
    )


def test_lif002_an_agreement_replaced_without_a_gap_by_its_successor_has_not_expired() -> None:
    base = extendable_agreement()
    report = _lifecycle([base, _successor(dt.date(2023, 1, 1))], dt.date(2024, 3, 1))
    [finding] = report.findings
    assert ("LIF005", bm.Severity.INFO) == (finding.code, finding.severity)
    assert (
        "the agreement expired on 2022-12-31 and is continued by "
        "“BUS 2023” (2023-01-01 – 2026-12-31)"
    ) == finding.message.en
    assert (
        "överenskommelsen gick ut 2022-12-31 och har ersatts av "
        "”BUS 2023” (2023-01-01 – 2026-12-31)"
    ) == finding.message.sv


def test_lif002_a_successor_that_has_not_started_is_named_as_what_continues_it() -> None:
    base = extendable_agreement()
    report = _lifecycle([base, _successor(dt.date(2023, 3, 1))], dt.date(2023, 2, 1))
    [finding] = report.findings
    assert ("LIF002", bm.Severity.ERROR) == (finding.code, finding.severity)
    assert (
        "the agreement has expired: it was in force until 2022-12-31 (32 days ago); "
        "“BUS 2023” (2023-03-01 – 2026-12-31), which continues it, comes into force only on "
        "2023-03-01"
    ) == finding.message.en
    assert (
        "överenskommelsen har gått ut: den gällde till och med 2022-12-31 (för 32 dagar sedan); "
        "”BUS 2023” (2023-03-01 – 2026-12-31), som tar vid efter den, börjar gälla först "
        "2023-03-01"
    ) == finding.message.sv


def test_lif002_after_the_last_extension_a_successor_that_has_not_started_is_named() -> None:
    documents = [*_extended(FIRST), _successor(dt.date(2025, 3, 1))]
    [finding] = _lifecycle(documents, dt.date(2025, 2, 1)).findings
    assert "LIF002" == finding.code
    assert (
        "the agreement has expired: it was in force until 2024-12-31 (32 days ago), the end of "
        "its last extension “Förlängning 2023–2024” (2023-01-01 – 2024-12-31); “BUS 2023” "
        "(2025-03-01 – 2026-12-31), which continues it, comes into force only on 2025-03-01"
    ) == finding.message.en


def test_lif002_after_the_last_extension_a_later_extension_is_named() -> None:
    late = bm.Period(dt.date(2025, 3, 1), dt.date(2026, 12, 31))
    [finding] = _lifecycle(_extended(FIRST, late), dt.date(2025, 2, 1)).findings
    assert "LIF002" == finding.code
    assert (
        "överenskommelsen har gått ut: den gällde till och med 2024-12-31 (för 32 dagar sedan), "
        "slutet på dess senaste förlängning ”Förlängning 2023–2024” (2023-01-01 – 2024-12-31); "
        "förlängningen ”Förlängning 2025–2026” (2025-03-01 – 2026-12-31), som tar vid efter "
        "den, börjar gälla först 2025-03-01"
    ) == finding.message.sv


def test_lif005_a_successor_after_a_gap_has_replaced_the_agreement() -> None:
    base = extendable_agreement()
    report = _lifecycle([base, _successor(dt.date(2023, 3, 1))], dt.date(2023, 6, 1))
    [finding] = report.findings
    assert ("LIF005", bm.Severity.INFO) == (finding.code, finding.severity)
    assert (
        "the agreement expired on 2022-12-31 and is continued, after a gap of 59 days, by "
        "“BUS 2023” (2023-03-01 – 2026-12-31)"
    ) == finding.message.en
    assert (
        "överenskommelsen gick ut 2022-12-31 och har, efter ett glapp på 59 dagar, ersatts av "
        "”BUS 2023” (2023-03-01 – 2026-12-31)"
    ) == finding.message.sv


def test_lif002_an_expired_agreement_with_no_continuation_is_still_an_error() -> None:
    base = extendable_agreement()
    unrelated = attrs.evolve(_successor(dt.date(2023, 1, 1)), supersedes=())
    report = _lifecycle([base, unrelated], dt.date(2024, 3, 1))
    assert ("LIF002",) == report.codes()
    assert bm.Severity.ERROR == report.findings[0].severity


def test_lif003_renewal_is_not_due_when_the_extension_already_exists() -> None:
    today = dt.date(2022, 11, 22)
    assert ("LIF003",) == _lifecycle(_extended(), today).codes()
    assert () == _lifecycle(_extended(FIRST), today).codes()


def test_lif003_renewal_is_not_due_when_the_successor_already_exists() -> None:
    base = extendable_agreement()
    report = _lifecycle([base, _successor(dt.date(2023, 1, 1))], dt.date(2022, 11, 22))
    assert () == report.findings


def test_lif003_an_extension_after_a_gap_also_means_the_renewal_is_done() -> None:
    late = bm.Period(dt.date(2023, 3, 1), dt.date(2024, 12, 31))
    assert () == _lifecycle(_extended(late), dt.date(2022, 11, 22)).findings


def test_lif003_renewal_is_due_before_the_end_of_the_last_extension() -> None:
    report = _lifecycle(_extended(FIRST, SECOND), dt.date(2026, 11, 22))
    assert ("LIF003", "LIF005") == report.codes()  # and: continued by its second extension
    finding = report.findings[0]
    assert ("LIF003", bm.Severity.WARNING) == (finding.code, finding.severity)
    assert (
        "renewal due: the agreement expires in 39 days and is in force until 2026-12-31, as "
        "extended by “Förlängning 2025–2026” (2025-01-01 – 2026-12-31)"
    ) == finding.message.en
    assert (
        "dags att förnya: överenskommelsen går ut om 39 dagar och gäller till och med "
        "2026-12-31, förlängd genom ”Förlängning 2025–2026” (2025-01-01 – 2026-12-31)"
    ) == finding.message.sv


def test_lif004_a_predecessor_still_in_force_through_its_extension_is_reported() -> None:
    predecessor, extension = _extended(FIRST)
    agreement = attrs.evolve(clean_agreement(), supersedes=(predecessor.id,))
    registry = _registry(agreement, predecessor, extension)
    report = validate(agreement, today=TODAY, registry=registry, select=["LIF004"])
    [finding] = report.findings
    assert (
        "the superseded agreement “BUS – Barn Ungdom Samverkan” (2021-01-01 – 2024-12-31, with "
        "its extensions) is still in force today, although this one has been in force since "
        "2023-01-01"
    ) == finding.message.en
    assert (
        "den ersatta överenskommelsen ”BUS – Barn Ungdom Samverkan” (2021-01-01 – 2024-12-31, med "
        "förlängningar) gäller fortfarande i dag, trots att denna har gällt sedan 2023-01-01"
    ) == finding.message.sv


def test_lif002_a_long_time_ago_reads_in_years_and_days_in_both_languages() -> None:
    agreement = _agreement(dt.date(2011, 1, 1), dt.date(2014, 12, 31))
    report = validate(agreement, today=dt.date(2026, 11, 27), select=["LIF002"])
    [finding] = report.findings
    assert "(11 years and 331 days ago)" in finding.message.en
    assert "(för 11 år och 331 dagar sedan)" in finding.message.sv


# -- drafts renew nothing until they are signed or adopted ---------------------------


def test_lif003_a_draft_successor_does_not_silence_the_renewal_warning() -> None:
    alingsas = bm.load_agreement("examples/alingsas-bus-2023-corrected.toml")
    draft = bm.renew(alingsas, document_date=dt.date(2026, 11, 27))
    signed = attrs.evolve(draft, state=bm.DocumentState.FINAL)
    today = dt.date(2026, 11, 27)
    with_draft = validate(alingsas, today=today, registry=_registry(alingsas, draft))
    with_signed = validate(alingsas, today=today, registry=_registry(alingsas, signed))
    assert "LIF003" in with_draft.codes()
    assert "LIF003" not in with_signed.codes()


def test_lif005_an_agreement_past_its_end_is_not_continued_by_a_draft() -> None:
    alingsas = bm.load_agreement("examples/alingsas-bus-2023-corrected.toml")
    draft = bm.renew(alingsas, document_date=dt.date(2026, 11, 27))
    after = dt.date(2027, 2, 1)
    report = validate(alingsas, today=after, registry=_registry(alingsas, draft))
    assert "LIF005" not in report.codes()
    assert "LIF002" in report.codes()  # expired: the draft was never signed


def test_the_lifecycle_of_a_draft_is_not_judged_until_it_is_final() -> None:
    alingsas = bm.load_agreement("examples/alingsas-bus-2023-corrected.toml")
    draft = bm.renew(alingsas, document_date=dt.date(2026, 11, 27))
    near_its_end = dt.date(2030, 11, 27)
    assert () == validate(draft, today=near_its_end, select=["LIF"]).codes()
    final = attrs.evolve(draft, state=bm.DocumentState.FINAL)
    assert ("LIF003",) == validate(final, today=near_its_end, select=["LIF"]).codes()
