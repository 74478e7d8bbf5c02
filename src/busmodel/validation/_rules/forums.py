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
from busmodel.model._forums import Forum, ForumLevel, Window
from busmodel.model._text import Text
from busmodel.validation._catalogue import Context, Issue, Skip, rule
from busmodel.validation._findings import Severity
from busmodel.validation._rules._common import name_of, repeats, season

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023"
_PARTILLE = "Partille: BUS – Barn, Unga och Samhället"

_POLITICAL_KINDS = frozenset({BodyKind.COMMITTEE, BodyKind.EXECUTIVE_BOARD, BodyKind.COUNCIL})
_PRESIDIUM = "presidium"
_HEAD = "head"


def _label(window: Window) -> Text:
    """A window's name in a sentence: its season in each language, else the name quoted."""
    named = season(window.name)
    return named if named is not None else Text(en=repr(window.name), sv=repr(window.name))


def _role_is(role: str | None, expected: str) -> bool:
    return role is not None and role.strip().casefold() == expected


def _seated_wrongly(
    context: Context, level: ForumLevel, kinds: frozenset[BodyKind], role: str
) -> Iterator[tuple[int, Forum, int, str]]:
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
            yield f, forum, m, member.body


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
)
def political_members(context: Context) -> Iterator[Issue]:
    """Report a member of a political forum that is not a political body."""
    agreement = context.agreement
    wrong = _seated_wrongly(context, ForumLevel.POLITICAL, _POLITICAL_KINDS, _PRESIDIUM)
    for f, forum, m, body_id in wrong:
        name = name_of(agreement, body_id)
        yield Issue(
            f"/forums/{f}/members/{m}",
            Text(
                en=f"{name} sits in the political forum {forum.name} but is neither a "
                "committee, the executive board nor the council, and does not sit there "
                "through its presidium",
                sv=f"{name} ingår i det politiska forumet {forum.name} men är varken nämnd, "
                "kommunstyrelse eller kommunfullmäktige och deltar inte genom sitt presidium",
            ),
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
)
def management_members(context: Context) -> Iterator[Issue]:
    """Report a member of a management forum that is not an administration."""
    agreement = context.agreement
    wrong = _seated_wrongly(
        context, ForumLevel.MANAGEMENT, frozenset({BodyKind.ADMINISTRATION}), _HEAD
    )
    for f, forum, m, body_id in wrong:
        name = name_of(agreement, body_id)
        yield Issue(
            f"/forums/{f}/members/{m}",
            Text(
                en=f"{name} sits in the management forum {forum.name} but is not an "
                "administration and does not sit there through its head",
                sv=f"{name} ingår i ledningsgruppen {forum.name} men är inte en förvaltning "
                "och deltar inte genom sin chef",
            ),
        )


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
                    this, that = _label(window), _label(other)
                    yield Issue(
                        f"{base}/{j}/months",
                        Text(
                            en=f"the {this.en} window of {forum.name} overlaps the {that.en} "
                            "window",
                            sv=f"mötesperioden för {this.sv} i {forum.name} överlappar "
                            f"mötesperioden för {that.sv}",
                        ),
                        (f"{base}/{k}/months",),
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
            Text(
                en=f"{forum.name} has {windows} meeting windows but only {meetings} "
                f"{'meeting' if meetings == 1 else 'meetings'} a year",
                sv=f"{forum.name} har {windows} mötesperioder men bara {meetings} "
                f"{'möte' if meetings == 1 else 'möten'} per år",
            ),
            (f"/forums/{f}/cadence/meetings_per_year",),
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
)
def steering_follow_up(context: Context) -> Iterator[Issue]:
    """Report a steering forum that states no yearly follow-up."""
    for f, forum in enumerate(context.agreement.forums):
        if forum.level is ForumLevel.STEERING and forum.follow_up is None:
            yield Issue(
                f"/forums/{f}",
                Text(
                    en=f"the steering group {forum.name} states no yearly follow-up and evaluation",
                    sv=f"styrgruppen {forum.name} anger ingen årlig uppföljning och utvärdering",
                ),
            )


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
)
def members_once(context: Context) -> Iterator[Issue]:
    """Report a body listed twice among the members of one forum."""
    agreement = context.agreement
    for f, forum in enumerate(agreement.forums):
        ids = forum.member_ids()
        for position, first in repeats(ids):
            name = name_of(agreement, ids[position])
            yield Issue(
                f"/forums/{f}/members/{position}",
                Text(
                    en=f"{name} is listed twice among the members of {forum.name}",
                    sv=f"{name} finns med två gånger bland medlemmarna i {forum.name}",
                ),
                (f"/forums/{f}/members/{first}",),
            )


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
)
def per_member_in_framework(context: Context) -> Iterator[Issue]:
    """Report a forum for each member municipality where there are no member municipalities."""
    agreement = context.agreement
    if agreement.kind is AgreementKind.FRAMEWORK and agreement.members:
        return
    for f, forum in enumerate(agreement.forums):
        if forum.per_member:
            yield Issue(
                f"/forums/{f}/per_member",
                Text(
                    en=f"{forum.name} stands for a group in each member municipality, but the "
                    "document is not a framework with member municipalities",
                    sv=f"{forum.name} står för en grupp i varje medlemskommun, men dokumentet "
                    "är ingen ramöverenskommelse med medlemskommuner",
                ),
            )
