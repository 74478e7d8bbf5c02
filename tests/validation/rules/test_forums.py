import datetime as dt
from typing import Any

import attrs

import busmodel as bm
from busmodel import validate
from tests.support.builders import clean_agreement

TODAY = dt.date(2024, 3, 1)


def _with_forum(position: int, **changes: Any) -> bm.Agreement:
    agreement = clean_agreement()
    forums = list(agreement.forums)
    forums[position] = attrs.evolve(forums[position], **changes)
    return attrs.evolve(agreement, forums=tuple(forums))


def _windows(*months: tuple[int, int]) -> tuple[bm.Window, ...]:
    return tuple(bm.Window(f"w{i}", span) for i, span in enumerate(months))


def test_clean_agreement_passes_the_forum_rules() -> None:
    assert () == validate(clean_agreement(), today=TODAY, select=["FOR"]).findings


def test_the_forum_rules_are_named_for_what_they_require() -> None:
    assert [
        ("FOR001", "political-forum-seats-political-bodies"),
        ("FOR002", "management-forum-seats-administrations"),
        ("FOR003", "meeting-windows-disjoint"),
        ("FOR004", "no-more-windows-than-meetings"),
        ("FOR005", "steering-group-follows-up-yearly"),
        ("FOR006", "forum-members-listed-once"),
        ("FOR007", "per-member-needs-member-municipalities"),
    ] == [(r.code, r.name) for r in bm.rules() if r.area == "FOR"]


def test_a_forum_rule_is_selected_by_its_name() -> None:
    cadence = bm.Cadence(1, _windows((1, 6), (7, 12)))
    report = validate(_with_forum(0, cadence=cadence), select=["no-more-windows-than-meetings"])
    assert ("FOR004",) == report.codes()


def test_for001_an_administration_in_the_political_forum_is_reported() -> None:
    members = (bm.Member("bun", "presidium"), bm.Member("sf"))
    report = validate(_with_forum(0, members=members), select=["FOR001"])
    [finding] = report.findings
    assert ("FOR001",) == report.codes()
    assert "/forums/0/members/1" == finding.path
    assert (
        "Socialförvaltningen ingår i det politiska forumet Politisk samverkan men är varken "
        "nämnd, kommunstyrelse eller kommunfullmäktige och deltar inte genom sitt presidium"
    ) == finding.message.sv
    assert (
        "Socialförvaltningen sits in the political forum Politisk samverkan but is neither a "
        "committee, the executive board nor the council, and does not sit there through its "
        "presidium"
    ) == finding.message.en


def test_for001_committees_without_a_role_and_presidia_of_other_bodies_pass() -> None:
    members = (bm.Member("bun"), bm.Member("sn", "chair"), bm.Member("polis", " Presidium "))
    assert () == validate(_with_forum(0, members=members), select=["FOR001"]).findings


def test_for001_the_executive_board_and_council_are_political_bodies() -> None:
    agreement = clean_agreement()
    bodies = (
        *agreement.bodies,
        bm.Body("ks", "Kommunstyrelsen", bm.BodyKind.EXECUTIVE_BOARD),
        bm.Body("kf", "Kommunfullmäktige", bm.BodyKind.COUNCIL),
    )
    forums = (attrs.evolve(agreement.forums[0], members=(bm.Member("ks"), bm.Member("kf"))),)
    changed = attrs.evolve(agreement, bodies=bodies, forums=forums)
    assert () == validate(changed, select=["FOR001"]).findings


def test_for001_an_undeclared_member_is_left_to_int002() -> None:
    members = (bm.Member("bun", "presidium"), bm.Member("okand"))
    report = validate(_with_forum(0, members=members), select=["FOR001", "INT002"])
    assert ("INT002",) == report.codes()


def test_for002_a_committee_in_the_management_group_is_reported() -> None:
    members = (bm.Member("buf", "head"), bm.Member("sn"), bm.Member("kuf"))
    report = validate(_with_forum(2, members=members), select=["FOR002"])
    [finding] = report.findings
    assert "/forums/2/members/1" == finding.path
    assert (
        "Socialnämnden sits in the management forum Ledningsgrupp but is not an administration "
        "and does not sit there through its head"
    ) == finding.message.en
    assert (
        "Socialnämnden ingår i ledningsgruppen Ledningsgrupp men är inte en förvaltning och "
        "deltar inte genom sin chef"
    ) == finding.message.sv


def test_for002_administrations_without_a_role_and_heads_of_other_bodies_pass() -> None:
    members = (bm.Member("buf"), bm.Member("polis", "Head"), bm.Member("kuf", "representative"))
    assert () == validate(_with_forum(2, members=members), select=["FOR002"]).findings


def test_for003_overlapping_windows_point_at_each_other() -> None:
    cadence = bm.Cadence(3, _windows((1, 6), (9, 12), (6, 9)))
    report = validate(_with_forum(0, cadence=cadence), select=["FOR003"])
    assert ["/forums/0/cadence/windows/2/months"] * 2 == [f.path for f in report.findings]
    assert [("/forums/0/cadence/windows/0/months",), ("/forums/0/cadence/windows/1/months",)] == [
        f.related for f in report.findings
    ]


def test_for003_season_names_are_translated_and_other_names_quoted() -> None:
    windows = (bm.Window("spring", (1, 6)), bm.Window("Höst", (6, 12)), bm.Window("Q4", (10, 12)))
    report = validate(_with_forum(0, cadence=bm.Cadence(3, windows)), select=["FOR003"])
    [autumn, q4] = report.findings
    assert (
        "mötesperioden för hösten i Politisk samverkan överlappar mötesperioden för våren"
        == autumn.message.sv
    )
    assert "the autumn window of Politisk samverkan overlaps the spring window" == autumn.message.en
    assert "mötesperioden för 'Q4' i Politisk samverkan överlappar mötesperioden för hösten" == (
        q4.message.sv
    )


def test_for003_adjacent_windows_do_not_overlap() -> None:
    cadence = bm.Cadence(3, _windows((1, 4), (5, 8), (9, 12)))
    assert () == validate(_with_forum(0, cadence=cadence), select=["FOR003"]).findings


def test_for004_more_windows_than_meetings_is_an_error() -> None:
    cadence = bm.Cadence(1, _windows((1, 6), (7, 12)))
    report = validate(_with_forum(0, cadence=cadence), select=["FOR004"])
    [finding] = report.findings
    assert (bm.Severity.ERROR, "/forums/0/cadence/windows") == (finding.severity, finding.path)
    assert ("/forums/0/cadence/meetings_per_year",) == finding.related
    assert "Politisk samverkan har 2 mötesperioder men bara 1 möte per år" == finding.message.sv
    assert (
        "Politisk samverkan has 2 meeting windows but only 1 meeting a year" == finding.message.en
    )


def test_for004_the_meetings_are_counted_in_the_plural_too() -> None:
    cadence = bm.Cadence(2, _windows((1, 4), (5, 8), (9, 12)))
    [finding] = validate(_with_forum(0, cadence=cadence), select=["FOR004"]).findings
    assert "Politisk samverkan har 3 mötesperioder men bara 2 möten per år" == finding.message.sv


def test_for004_fewer_windows_than_meetings_passes() -> None:
    cadence = bm.Cadence(4, _windows((1, 6), (7, 12)))
    assert () == validate(_with_forum(0, cadence=cadence), select=["FOR004"]).findings


def test_for005_a_steering_group_without_follow_up_is_reported_on_the_forum() -> None:
    report = validate(_with_forum(1, follow_up=None), select=["FOR005"])
    [finding] = report.findings
    assert (bm.Severity.WARNING, "/forums/1") == (finding.severity, finding.path)
    assert (
        "the steering group BUS styrgrupp states no yearly follow-up and evaluation"
        == finding.message.en
    )
    assert "styrgruppen BUS styrgrupp anger ingen årlig uppföljning och utvärdering" == (
        finding.message.sv
    )


def test_for005_other_forums_need_no_follow_up() -> None:
    report = validate(
        _with_forum(1, level=bm.ForumLevel.WORKING, follow_up=None), select=["FOR005"]
    )
    assert () == report.findings


def test_for006_a_body_seated_twice_points_at_its_first_seat() -> None:
    members = (bm.Member("bun", "presidium"), bm.Member("sn"), bm.Member("bun"))
    report = validate(_with_forum(0, members=members), select=["FOR006"])
    [finding] = report.findings
    assert "/forums/0/members/2" == finding.path
    assert ("/forums/0/members/0",) == finding.related
    assert (
        "Barn- och ungdomsnämnden finns med två gånger bland medlemmarna i Politisk samverkan"
        == finding.message.sv
    )


def test_for006_the_same_body_in_two_forums_passes() -> None:
    # bun, sn and kun sit both in the political forum and in the steering group.
    assert () == validate(clean_agreement(), select=["FOR006"]).findings


def test_for004_a_cadence_without_a_number_is_not_counted_against_its_windows() -> None:
    # "Flera gånger per år, på våren och på hösten": crashed before, no number to compare.
    cadence = bm.Cadence(None, _windows((1, 6), (7, 12)), extra_meetings=True)
    assert () == validate(_with_forum(0, cadence=cadence), select=["FOR004"]).findings


def test_for004_more_windows_than_a_given_number_is_still_an_error() -> None:
    cadence = bm.Cadence(1, _windows((1, 4), (5, 8), (9, 12)))
    assert ("FOR004",) == validate(_with_forum(0, cadence=cadence), select=["FOR004"]).codes()


def test_forums_without_a_level_pass_the_level_rules() -> None:
    # A text that does not say what a forum does: no level, so nothing to check it against.
    members = (bm.Member("polis"), bm.Member("sf"))
    forum = bm.Forum("samverkan", "Samverkansgrupp", members=members, cadence=bm.Cadence())
    agreement = clean_agreement()
    changed = attrs.evolve(agreement, forums=(*agreement.forums, forum))
    assert () == validate(changed, select=["FOR"]).findings


def _framework(*forums: bm.Forum, members: tuple[bm.Municipality, ...] = ()) -> bm.Agreement:
    bodies = (
        bm.Body("vgr", "Västra Götalandsregionen", bm.BodyKind.REGION),
        bm.Body("ale", "Ale kommun", bm.BodyKind.MUNICIPALITY, code="1440"),
        bm.Body("lerum", "Lerums kommun", bm.BodyKind.MUNICIPALITY, code="1441"),
    )
    return bm.Agreement(
        id="ram",
        title="Ramöverenskommelse",
        kind=bm.AgreementKind.FRAMEWORK,
        bodies=bodies,
        parties=("vgr", "ale", "lerum"),
        members=members,
        forums=forums,
    )


LOCAL_GROUPS = bm.Forum(
    "lokal",
    "Lokal samverkansgrupp",
    bm.ForumLevel.WORKING,
    scope=bm.ForumScope.LOCAL,
    per_member=True,
    cadence=bm.Cadence(extra_meetings=True),
)
ALE_AND_LERUM = (bm.Municipality("Ale", "1440", "ale"), bm.Municipality("Lerum", "1441", "lerum"))


def test_for007_a_local_group_in_each_member_of_a_framework_passes_without_listed_members() -> None:
    report = validate(_framework(LOCAL_GROUPS, members=ALE_AND_LERUM), select=["FOR"])
    assert () == report.findings


def test_for007_a_local_group_in_each_member_of_an_agreement_is_a_warning() -> None:
    agreement = clean_agreement()
    changed = attrs.evolve(agreement, forums=(*agreement.forums, LOCAL_GROUPS))
    report = validate(changed, select=["FOR007"])
    [finding] = report.findings
    assert (bm.Severity.WARNING, "/forums/3/per_member") == (finding.severity, finding.path)
    assert (
        "Lokal samverkansgrupp står för en grupp i varje medlemskommun, men dokumentet är "
        "ingen ramöverenskommelse med medlemskommuner" == finding.message.sv
    )


def test_for007_a_framework_without_members_has_no_member_to_hold_a_local_group() -> None:
    report = validate(_framework(LOCAL_GROUPS), select=["FOR007"])
    assert ["/forums/0/per_member"] == [f.path for f in report.findings]
