"""Forum rules (FOR): who sits in a forum and how its meetings are laid out.

Members whose body is not declared are skipped by FOR001 and FOR002: INT002
already reports the reference, and the kind of an undeclared body is unknown.
FOR006 still reports a repeated member, declared or not: the repetition is a
fault of its own.

A forum whose text gives no level (``level`` is None) is not checked by the
rules that expect members or a follow-up of a level (FOR001, FOR002, FOR005):
nothing says what it should seat. A ``per_member`` forum of a framework stands
for one local group in each member municipality; it lists no members, and no
rule asks it to list each municipality's bodies (FOR007 only asks that there
are member municipalities for it to stand for).
"""

from __future__ import annotations

from collections.abc import Iterator

from busmodel.model._agreement import AgreementKind
from busmodel.model._bodies import BodyKind
from busmodel.model._forums import ForumLevel, Window
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, Skip, rule
from busmodel.validation._rules._common import name_of, repeats, season
from busmodel.validation._rules._examples import (
    ADMINISTRATIONS,
    FRAMEWORK,
    POLITICAL_FORUM,
    STEERING_GROUP,
    insert_after,
)

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023"
_PARTILLE = "Partille: BUS – Barn, Unga och Samhället"

# Tuples, not sets: a few members of an enum are told apart by identity, without hashing.
_POLITICAL_KINDS = (BodyKind.COMMITTEE, BodyKind.EXECUTIVE_BOARD, BodyKind.COUNCIL)
_ADMINISTRATIVE_KINDS = (BodyKind.ADMINISTRATION,)
_PRESIDIUM = "presidium"
_HEAD = "head"


def _label(window: Window) -> Text:
    """A window's name in a sentence: its season in each language, else the name quoted."""
    named = season(window.name)
    return named if named is not None else Text(en=repr(window.name), sv=repr(window.name))


def _role_is(role: str | None, expected: str) -> bool:
    return role is not None and role.strip().casefold() == expected


def _seated_wrongly(
    context: Context, level: ForumLevel, kinds: tuple[BodyKind, ...], role: str
) -> Iterator[Issue]:
    """Report each member of a ``level`` forum that is none of ``kinds`` and not there in ``role``.

    A member whose body is not declared is left to INT002.
    """
    agreement = context.agreement
    kind_of: dict[str, BodyKind] = {}
    for body in agreement.bodies:
        kind_of.setdefault(body.id, body.kind)
    for f, forum in enumerate(agreement.forums):
        if forum.level is not level:
            continue
        for m, member in enumerate(forum.members):
            kind = kind_of.get(member.body)
            if kind is None or kind in kinds or _role_is(member.role, role):
                continue
            yield Issue.at(
                f"/forums/{f}/members/{m}", body=name_of(agreement, member.body), forum=forum.name
            )


_POLITICAL = ADMINISTRATIONS + POLITICAL_FORUM
"""The agreement with its administrations and a political forum: the good example of FOR001,
FOR003, FOR004 and FOR006."""

_FOR001_BAD = insert_after(
    _POLITICAL,
    '    { body = "bun", role = "presidium" }',
    '    { body = "sf", role = "representative" },',
)


@rule(
    "FOR001",
    title=Text(
        en="Political forums seat political bodies",
        sv="Politiska forum består av politiska organ",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="A political forum (Presidie-BUS, politisk samverkan) is where the presidia "
        "of the committees meet; its members are committees, the executive board or "
        "the council, or bodies seated through their presidium.",
        sv="Ett politiskt forum (Presidie-BUS, politisk samverkan) är där nämndernas "
        "presidier möts; medlemmarna är nämnder, kommunstyrelsen eller "
        "kommunfullmäktige, eller organ som deltar genom sitt presidium.",
    ),
    source=f"{_ALINGSAS} (Politisk samverkan); {_PARTILLE} (Presidie-BUS)",
    name="political-forum-seats-political-bodies",
    messages=Message(
        en="{body} sits in the political forum {forum} but is neither a committee, the "
        "executive board nor the council, and does not sit there through its presidium",
        sv="{body} ingår i det politiska forumet {forum} men är varken nämnd, "
        "kommunstyrelse eller kommunfullmäktige och deltar inte genom sitt presidium",
    ),
    example=Example(bad=_FOR001_BAD, good=_POLITICAL),
)
def political_members(context: Context) -> Iterator[Issue]:
    """Report a member of a political forum that is not a political body."""
    yield from _seated_wrongly(context, ForumLevel.POLITICAL, _POLITICAL_KINDS, _PRESIDIUM)


_FOR002_GOOD = (
    ADMINISTRATIONS
    + """
[[forums]]
id = "ledningsgrupp"
name = "Ledningsgrupp"
level = "management"
members = [
    { body = "sf", role = "head" },
    { body = "uf", role = "head" },
]
"""
)
_FOR002_BAD = _FOR002_GOOD.replace(
    '{ body = "sf", role = "head" }', '{ body = "sn", role = "presidium" }'
)


@rule(
    "FOR002",
    title=Text(
        en="Management forums seat administrations",
        sv="Ledningsgrupper består av förvaltningar",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="A management group consists of the heads of the collaborating "
        "administrations; its members are administrations, or bodies seated "
        "through their head.",
        sv="Ledningsgruppen består av cheferna för de samverkande förvaltningarna; "
        "medlemmarna är förvaltningar, eller organ som deltar genom sin chef.",
    ),
    source=f"{_ALINGSAS} (Ledningsgrupp)",
    name="management-forum-seats-administrations",
    messages=Message(
        en="{body} sits in the management forum {forum} but is not an administration and "
        "does not sit there through its head",
        sv="{body} ingår i ledningsgruppen {forum} men är inte en förvaltning och deltar "
        "inte genom sin chef",
    ),
    example=Example(bad=_FOR002_BAD, good=_FOR002_GOOD),
)
def management_members(context: Context) -> Iterator[Issue]:
    """Report a member of a management forum that is not an administration."""
    yield from _seated_wrongly(context, ForumLevel.MANAGEMENT, _ADMINISTRATIVE_KINDS, _HEAD)


@rule(
    "FOR003",
    title=Text(en="Meeting windows do not overlap", sv="Mötesperioder överlappar inte"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Each regular meeting has its own part of the year (a spring and an autumn "
        "meeting); windows that share a month make it unclear which meeting was held.",
        sv="Varje ordinarie möte har sin egen del av året (ett vårmöte och ett höstmöte); "
        "mötesperioder som delar en månad gör det oklart vilket möte som hölls.",
    ),
    source=f"{_ALINGSAS} (Politisk samverkan: ett på våren och ett på hösten)",
    name="meeting-windows-disjoint",
    messages=Message(
        en="the {window} window of {forum} overlaps the {other} window",
        sv="mötesperioden för {window} i {forum} överlappar mötesperioden för {other}",
    ),
    example=Example(
        bad=_POLITICAL.replace(
            '{ name = "autumn", months = [7, 12] }', '{ name = "autumn", months = [6, 12] }'
        ),
        good=_POLITICAL,
    ),
)
def windows_disjoint(context: Context) -> Iterator[Issue]:
    """Report a cadence window that shares a month with an earlier window."""
    for f, forum in enumerate(context.agreement.forums):
        if forum.cadence is None:
            continue
        windows = forum.cadence.windows
        base = f"/forums/{f}/cadence/windows"
        for j, window in enumerate(windows):
            for k in range(j):
                other = windows[k]
                if window.overlaps(other):
                    yield Issue(
                        f"{base}/{j}/months",
                        related=(f"{base}/{k}/months",),
                        values={
                            "window": _label(window),
                            "forum": forum.name,
                            "other": _label(other),
                        },
                    )


@rule(
    "FOR004",
    title=Text(en="No more windows than meetings", sv="Inte fler mötesperioder än möten"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Each window holds one regular meeting; with more windows than meetings a "
        "year, some window is left without a meeting. A cadence that gives no number "
        '("several times a year") has nothing to count its windows against and is not '
        "checked: its windows are its meetings.",
        sv="Varje mötesperiod rymmer ett ordinarie möte; med fler mötesperioder än möten "
        "per år blir någon mötesperiod utan möte. En mötesordning som inte anger något "
        'antal ("flera gånger per år") har inget att jämföra mötesperioderna med och '
        "kontrolleras inte: dess mötesperioder är dess möten.",
    ),
    source=f"{_ALINGSAS} (Politisk samverkan: två möten per år)",
    name="no-more-windows-than-meetings",
    messages=Message(
        en="{forum} has {windows:meeting window|meeting windows} but only "
        "{meetings:meeting|meetings} a year",
        sv="{forum} har {windows:mötesperiod|mötesperioder} men bara {meetings:möte|möten} per år",
    ),
    example=Example(
        bad=_POLITICAL.replace("meetings_per_year = 2", "meetings_per_year = 1"), good=_POLITICAL
    ),
)
def windows_within_meetings(context: Context) -> Iterator[Issue | Skip]:
    """Report a cadence with more windows than meetings per year."""
    for f, forum in enumerate(context.agreement.forums):
        cadence = forum.cadence
        if cadence is None:
            continue
        if cadence.meetings_per_year is None:
            if len(cadence.windows) > 1:
                yield Skip(
                    f"/forums/{f}/cadence",
                    Text(
                        en=f"{forum.name}: the cadence gives no number of meetings a year, so "
                        "its windows cannot be counted against one",
                        sv=f"{forum.name}: mötesordningen anger inget antal möten per år, så "
                        "dess mötesperioder kan inte räknas mot något",
                    ),
                )
            continue
        windows, meetings = len(cadence.windows), cadence.meetings_per_year
        if windows <= meetings:
            continue
        yield Issue(
            f"/forums/{f}/cadence/windows",
            related=(f"/forums/{f}/cadence/meetings_per_year",),
            values={"forum": forum.name, "windows": windows, "meetings": meetings},
        )


_FOR005_GOOD = ADMINISTRATIONS + STEERING_GROUP
_FOR005_BAD = _FOR005_GOOD.replace(
    'follow_up = { description = "Styrgruppen följer upp och utvärderar samverkan årligen." }\n', ""
)


@rule(
    "FOR005",
    title=Text(en="Steering groups follow up yearly", sv="Styrgrupper följer upp årligen"),
    severity=Severity.WARNING,
    rationale=Text(
        en="The steering group is expected to follow up and evaluate the collaboration "
        "every year; a steering group should state that follow-up.",
        sv="Styrgruppen förväntas följa upp och utvärdera BUS-verksamheten årligen; en "
        "styrgrupp bör därför ange den uppföljningen.",
    ),
    source=f"{_ALINGSAS}: Styrgruppen förväntas följa upp och utvärdera BUS-verksamheten årligen",
    name="steering-group-follows-up-yearly",
    messages=Message(
        en="the steering group {forum} states no yearly follow-up and evaluation",
        sv="styrgruppen {forum} anger ingen årlig uppföljning och utvärdering",
    ),
    example=Example(bad=_FOR005_BAD, good=_FOR005_GOOD),
)
def steering_follow_up(context: Context) -> Iterator[Issue]:
    """Report a steering forum that states no yearly follow-up."""
    for f, forum in enumerate(context.agreement.forums):
        if forum.level is ForumLevel.STEERING and forum.follow_up is None:
            yield Issue.at(f"/forums/{f}", forum=forum.name)


@rule(
    "FOR006",
    title=Text(en="Members are listed once", sv="Medlemmar finns med en gång"),
    severity=Severity.WARNING,
    rationale=Text(
        en="A body that sits twice in the same forum is a copying mistake that hides "
        "who was meant.",
        sv="Ett organ som finns med två gånger i samma forum är ett kopieringsfel som döljer "
        "vem som avsågs.",
    ),
    source="busmodel document format (docs/format.md)",
    name="forum-members-listed-once",
    messages=Message(
        en="{body} is listed twice among the members of {forum}",
        sv="{body} finns med två gånger bland medlemmarna i {forum}",
    ),
    example=Example(
        bad=_POLITICAL.replace(
            '{ body = "bun", role = "presidium" }', '{ body = "sn", role = "presidium" }'
        ),
        good=_POLITICAL,
    ),
)
def members_once(context: Context) -> Iterator[Issue]:
    """Report a body listed twice among the members of one forum."""
    agreement = context.agreement
    for f, forum in enumerate(agreement.forums):
        ids = forum.member_ids()
        for position, first in repeats(ids):
            yield Issue(
                f"/forums/{f}/members/{position}",
                related=(f"/forums/{f}/members/{first}",),
                values={"body": name_of(agreement, ids[position]), "forum": forum.name},
            )


_PER_MEMBER = (
    FRAMEWORK
    + """
[[forums]]
id = "lokal-samverkansgrupp"
name = "Lokal samverkansgrupp barn och unga"
level = "working"
scope = "local"
per_member = true
cadence = { extra_meetings = true }
"""
)
"""The framework with a local group in each member municipality."""


@rule(
    "FOR007",
    title=Text(
        en="A local group in each member needs members",
        sv="En lokal grupp i varje medlemskommun kräver medlemskommuner",
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="A forum that stands for one local group in each member municipality (per_member) "
        "belongs to a framework whose members are listed; in another document, or in a "
        "framework without members, it stands for no group at all, and the forum is most "
        "likely meant to be an ordinary one.",
        sv="Ett forum som står för en lokal grupp i varje medlemskommun (per_member) hör till "
        "en ramöverenskommelse med angivna medlemskommuner; i ett annat dokument, eller i en "
        "ramöverenskommelse utan medlemskommuner, står det inte för någon grupp alls, och "
        "forumet är troligen tänkt som ett vanligt forum.",
    ),
    source="Ramöverenskommelser i Västra Götaland (regional och lokal nivå)",
    kinds=(AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK, AgreementKind.EXTENSION),
    name="per-member-needs-member-municipalities",
    messages=Message(
        en="{forum} stands for a group in each member municipality, but the document is not "
        "a framework with member municipalities",
        sv="{forum} står för en grupp i varje medlemskommun, men dokumentet är ingen "
        "ramöverenskommelse med medlemskommuner",
    ),
    example=Example(
        bad=_PER_MEMBER.replace('kind = "framework"', 'kind = "agreement"'), good=_PER_MEMBER
    ),
)
def per_member_in_framework(context: Context) -> Iterator[Issue]:
    """Report a forum for each member municipality where there are no member municipalities."""
    agreement = context.agreement
    if agreement.kind is AgreementKind.FRAMEWORK and agreement.members:
        return
    for f, forum in enumerate(agreement.forums):
        if forum.per_member:
            yield Issue.at(f"/forums/{f}/per_member", forum=forum.name)
