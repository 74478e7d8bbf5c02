import datetime as dt

import attrs

import busmodel as bm
from tests.support.builders import check, clean_agreement

D = dt.date


def with_chair(
    *,
    rotation: tuple[str, ...] | None = None,
    terms: tuple[bm.ChairTerm, ...] | None = None,
    mid_period_changes: bool | None = None,
    may_chair: tuple[str, ...] | None = None,
) -> bm.Agreement:
    agreement = clean_agreement()
    chair = agreement.chair
    assert chair is not None
    changed = bm.ChairRule(
        rotation=chair.rotation if rotation is None else rotation,
        terms=chair.terms if terms is None else terms,
        mid_period_changes=(
            chair.mid_period_changes if mid_period_changes is None else mid_period_changes
        ),
        may_chair=chair.may_chair if may_chair is None else may_chair,
    )
    return attrs.evolve(agreement, chair=changed)


def term(body: str, start: dt.date, end: dt.date | None, reason: str | None = None) -> bm.ChairTerm:
    return bm.ChairTerm(body, bm.Period(start, end), reason)


HANDOVER = (
    term("bun", D(2023, 1, 1), D(2024, 6, 30)),
    term("sn", D(2024, 7, 1), D(2026, 12, 31)),
)


def test_clean_agreement_passes_the_chair_rules() -> None:
    assert () == check(clean_agreement(), "CHR").findings


def test_an_agreement_without_chair_rule_yields_no_chair_findings() -> None:
    assert () == check(attrs.evolve(clean_agreement(), chair=None), "CHR").findings


def test_chr001_a_chair_that_is_not_a_party_is_an_error() -> None:
    agreement = with_chair(terms=(term("polis", D(2023, 1, 1), D(2026, 12, 31)),))
    [finding] = check(agreement, "CHR001").findings
    assert ("/chair/terms/0/body", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert (
        "Polisen har ordförandeskapet från 2023-01-01 men är inte part och finns inte bland de "
        "organ som får ha ordförandeskapet"
    ) == finding.message.sv


def test_chr001_a_body_listed_in_may_chair_may_chair() -> None:
    agreement = with_chair(
        terms=(term("polis", D(2023, 1, 1), D(2026, 12, 31)),), may_chair=("polis",)
    )
    assert () == check(agreement, "CHR001").findings


def test_chr002_a_party_missing_from_the_rotation_is_reported_at_the_rotation() -> None:
    [finding] = check(with_chair(rotation=("bun", "sn")), "CHR002").findings
    assert "/chair/rotation" == finding.path
    assert ("/parties/2",) == finding.related
    assert (
        "Kultur- och utbildningsnämnden is a party but never gets its turn to hold the chair in "
        "the rotation"
    ) == finding.message.en
    assert (
        "Kultur- och utbildningsnämnden är part men får aldrig sin tur att ha ordförandeskapet i "
        "rotationen"
    ) == finding.message.sv


def test_chr002_a_repeat_in_the_rotation_points_at_the_first() -> None:
    [finding] = check(with_chair(rotation=("bun", "sn", "kun", "bun")), "CHR002").findings
    assert "/chair/rotation/3" == finding.path
    assert ("/chair/rotation/0",) == finding.related
    assert "Barn- och ungdomsnämnden is listed twice in the rotation" == finding.message.en
    assert "Barn- och ungdomsnämnden står två gånger i rotationen" == finding.message.sv


def test_chr002_a_non_party_in_the_rotation_is_reported() -> None:
    [finding] = check(with_chair(rotation=("bun", "sn", "kun", "polis")), "CHR002").findings
    assert ("/chair/rotation/3", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert (
        "Polisen is in the rotation but is not a party and is not listed among the bodies that "
        "may hold the chair"
    ) == finding.message.en
    assert (
        "Polisen finns i rotationen men är inte part och finns inte bland de organ som får ha "
        "ordförandeskapet"
    ) == finding.message.sv


def test_chr002_a_body_listed_in_may_chair_may_rotate() -> None:
    agreement = with_chair(rotation=("bun", "sn", "kun", "polis"), may_chair=("polis",))
    assert () == check(agreement, "CHR002").findings


def test_chr002_an_empty_rotation_means_no_rotation_and_passes() -> None:
    assert () == check(with_chair(rotation=()), "CHR002").findings


def test_chr003_overlapping_terms_are_an_error_naming_the_shared_days() -> None:
    terms = (
        term("bun", D(2023, 1, 1), D(2024, 12, 31)),
        term("sn", D(2024, 7, 1), D(2026, 12, 31)),
    )
    [finding] = check(with_chair(terms=terms), "CHR003").findings
    assert ("/chair/terms/1/period", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert ("/chair/terms/0/period",) == finding.related
    assert (
        "the chair term of Socialnämnden overlaps that of Barn- och ungdomsnämnden: both cover "
        "2024-07-01 – 2024-12-31"
    ) == finding.message.en
    assert (
        "ordförandeperioden för Socialnämnden överlappar den för Barn- och ungdomsnämnden: båda "
        "omfattar 2024-07-01 – 2024-12-31"
    ) == finding.message.sv


def test_chr003_an_open_term_overlaps_every_later_one() -> None:
    terms = (term("sn", D(2025, 1, 1), D(2026, 12, 31)), term("bun", D(2023, 1, 1), None))
    [finding] = check(with_chair(terms=terms), "CHR003").findings
    assert "/chair/terms/0/period" == finding.path
    assert ("/chair/terms/1/period",) == finding.related


def test_chr003_adjacent_terms_pass() -> None:
    assert () == check(with_chair(terms=HANDOVER), "CHR003").findings


def test_chr004_a_gap_between_terms_names_the_uncovered_dates() -> None:
    terms = (
        term("bun", D(2023, 1, 1), D(2024, 6, 30)),
        term("sn", D(2024, 9, 1), D(2026, 12, 31)),
    )
    [finding] = check(with_chair(terms=terms), "CHR004").findings
    assert ("/chair/terms", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/validity/period",) == finding.related
    assert (
        "no chair term covers 2024-07-01 – 2024-08-31, although the agreement is in force then"
    ) == finding.message.en
    assert (
        "ingen ordförandeperiod täcker 2024-07-01 – 2024-08-31, trots att överenskommelsen "
        "gäller då"
    ) == finding.message.sv


def test_chr004_a_term_that_stops_before_the_validity_ends_leaves_a_gap() -> None:
    agreement = with_chair(terms=(term("bun", D(2023, 1, 1), D(2025, 12, 31)),))
    [finding] = check(agreement, "CHR004").findings
    assert "2026-01-01 – 2026-12-31" in finding.message.en


def test_chr004_no_terms_leave_the_whole_validity_uncovered() -> None:
    [finding] = check(with_chair(terms=()), "CHR004").findings
    assert "2023-01-01 – 2026-12-31" in finding.message.en


def test_chr004_an_open_validity_is_checked_up_to_the_last_term() -> None:
    agreement = attrs.evolve(
        with_chair(
            terms=(
                term("bun", D(2023, 1, 1), D(2026, 12, 31)),
                term("sn", D(2027, 2, 1), D(2030, 12, 31)),
            )
        ),
        validity=bm.Validity(
            bm.ValidityBasis.UNTIL_FURTHER_NOTICE, bm.Period(D(2023, 1, 1)), notice_months=12
        ),
    )
    [finding] = check(agreement, "CHR004").findings
    assert "2027-01-01 – 2027-01-31" in finding.message.en


def test_chr004_terms_that_cover_the_validity_pass() -> None:
    assert () == check(with_chair(terms=HANDOVER), "CHR004").findings


def test_chr005_a_mid_period_change_without_reason_is_a_warning() -> None:
    [finding] = check(with_chair(terms=HANDOVER), "CHR005").findings
    assert ("/chair/terms/1/period/start", bm.Severity.WARNING) == (
        finding.path,
        finding.severity,
    )
    assert (
        "the chair passes to Socialnämnden on 2024-07-01, during the mandate period 2023–2026, "
        "and the term gives no reason"
    ) == finding.message.en


def test_chr005_a_mid_period_change_with_a_reason_passes() -> None:
    terms = (HANDOVER[0], attrs.evolve(HANDOVER[1], reason="Ordföranden avgick"))
    assert () == check(with_chair(terms=terms), "CHR005").findings


def test_chr005_a_term_ending_mid_period_with_no_successor_is_reported_at_its_end() -> None:
    agreement = with_chair(terms=(term("bun", D(2023, 1, 1), D(2025, 6, 30)),))
    [finding] = check(agreement, "CHR005").findings
    assert "/chair/terms/0/period/end" == finding.path
    assert (
        "Barn- och ungdomsnämnden gives up the chair on 2025-06-30, during the mandate period "
        "2023–2026, and the term gives no reason"
    ) == finding.message.en
    assert (
        "Barn- och ungdomsnämnden lämnar ordförandeskapet 2025-06-30, under den pågående "
        "mandatperioden 2023–2026, och perioden anger inget skäl"
    ) == finding.message.sv


def test_chr006_a_mid_period_change_when_not_allowed_is_an_error_even_with_reason() -> None:
    terms = (HANDOVER[0], attrs.evolve(HANDOVER[1], reason="Ordföranden avgick"))
    agreement = with_chair(terms=terms, mid_period_changes=False)
    [finding] = check(agreement, "CHR006").findings
    assert ("/chair/terms/1/period/start", bm.Severity.ERROR) == (finding.path, finding.severity)
    assert ("/chair/mid_period_changes",) == finding.related
    assert (
        "the chair passes to Socialnämnden on 2024-07-01, during the mandate period 2023–2026, "
        "but the agreement allows changes only at a new mandate period"
    ) == finding.message.en
    assert (
        "ordförandeskapet går över till Socialnämnden 2024-07-01, under den pågående "
        "mandatperioden 2023–2026, men överenskommelsen tillåter byten bara vid ny mandatperiod"
    ) == finding.message.sv
    assert () == check(agreement, "CHR005").findings


def test_chr006_a_term_ending_mid_period_when_not_allowed_is_reported_at_its_end() -> None:
    agreement = with_chair(
        terms=(term("bun", D(2023, 1, 1), D(2025, 6, 30)),), mid_period_changes=False
    )
    [finding] = check(agreement, "CHR006").findings
    assert ("/chair/terms/0/period/end", ("/chair/mid_period_changes",)) == (
        finding.path,
        finding.related,
    )
    assert (
        "Barn- och ungdomsnämnden gives up the chair on 2025-06-30, during the mandate period "
        "2023–2026, but the agreement allows changes only at a new mandate period"
    ) == finding.message.en
    assert (
        "Barn- och ungdomsnämnden lämnar ordförandeskapet 2025-06-30, under den pågående "
        "mandatperioden 2023–2026, men överenskommelsen tillåter byten bara vid ny mandatperiod"
    ) == finding.message.sv


def test_chr006_changes_at_mandate_period_boundaries_pass() -> None:
    agreement = attrs.evolve(
        with_chair(
            terms=(
                term("bun", D(2023, 1, 1), D(2026, 12, 31)),
                term("sn", D(2027, 1, 1), D(2030, 12, 31)),
            ),
            mid_period_changes=False,
        ),
        validity=bm.Validity(bm.ValidityBasis.FIXED, bm.Period(D(2023, 1, 1), D(2030, 12, 31))),
    )
    assert () == check(agreement, "CHR006").findings


def test_chr006_the_validity_own_start_and_end_are_not_changes() -> None:
    period = bm.Period(D(2024, 3, 1), D(2025, 8, 31))
    agreement = attrs.evolve(
        with_chair(terms=(bm.ChairTerm("bun", period),), mid_period_changes=False),
        validity=bm.Validity(bm.ValidityBasis.FIXED, period),
    )
    assert () == check(agreement, "CHR006").findings


def test_chair_messages_exist_in_both_languages() -> None:
    [finding] = check(with_chair(terms=HANDOVER), "CHR005").findings
    assert finding.message.sv != finding.message.en
    assert "under den pågående mandatperioden 2023–2026" in finding.message.sv


def test_the_chair_rules_have_names_that_say_what_they_require() -> None:
    names = {rule.code: rule.name for rule in bm.rules() if rule.area == "CHR"}
    assert {
        "CHR001": "chair-is-party",
        "CHR002": "rotation-lists-parties-once",
        "CHR003": "chair-terms-do-not-overlap",
        "CHR004": "chair-terms-cover-validity",
        "CHR005": "mid-period-chair-change-has-reason",
        "CHR006": "chair-changes-with-mandate-period",
    } == names
