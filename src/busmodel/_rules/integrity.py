"""Integrity rules (INT): ids, references and the shape of the collaboration."""

from __future__ import annotations

from collections.abc import Iterator

from busmodel._agreement import AgreementKind
from busmodel._catalogue import Context, Issue, rule, rules
from busmodel._findings import Severity
from busmodel._rules._common import body_index, body_references, cycle, name_of, repeats
from busmodel._text import Text

_FORMAT = "busmodel document format (docs/format.md)"


@rule(
    "INT001",
    title=Text(en="Ids are unique", sv="Id är unika"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Bodies and forums are given once and referred to by id; a second body or "
        "forum with the same id makes every reference to it ambiguous.",
        sv="Organ och forum anges en gång och hänvisas till med sitt id; ett andra organ "
        "eller forum med samma id gör varje hänvisning till det tvetydig.",
    ),
    source=_FORMAT,
)
def unique_ids(context: Context) -> Iterator[Issue]:
    """Report a body or forum declared with an id already used."""
    agreement = context.agreement
    sections = (
        ("bodies", [body.id for body in agreement.bodies]),
        ("forums", [forum.id for forum in agreement.forums]),
    )
    for section, ids in sections:
        for position, first in repeats(ids):
            yield Issue(
                f"/{section}/{position}/id",
                Text(
                    en=f"the id {ids[position]!r} is already in use",
                    sv=f"id {ids[position]!r} används redan",
                ),
                (f"/{section}/{first}/id",),
            )


@rule(
    "INT002",
    title=Text(en="Bodies referred to exist", sv="Organ som det hänvisas till finns"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Every body named by id (parties, participants, forum members, chair, "
        "signatures, decisions, part_of) must be given in bodies.",
        sv="Varje organ som nämns med id (parter, deltagare, forummedlemmar, "
        "ordförandeskap, underskrifter, beslut, part_of) måste finnas under bodies.",
    ),
    source=_FORMAT,
)
def references_exist(context: Context) -> Iterator[Issue]:
    """Report every reference to a body that is not declared."""
    declared = body_index(context.agreement)
    for path, body_id in body_references(context.agreement):
        if body_id not in declared:
            yield Issue(
                path,
                Text(
                    en=f"there is no body with the id {body_id!r} in bodies",
                    sv=f"det finns inget organ med id {body_id!r} under bodies",
                ),
            )


@rule(
    "INT003",
    title=Text(en="At least two parties", sv="Minst två parter"),
    severity=Severity.ERROR,
    rationale=Text(
        en="A collaboration needs at least two parties; a framework counts its "
        "member municipalities with its parties.",
        sv="En samverkan kräver minst två parter; för en ramöverenskommelse räknas "
        "medlemskommunerna med parterna.",
    ),
    source="Alingsås samverkansöverenskommelse 2023 (Syfte: samverkan mellan nämnderna)",
)
def two_parties(context: Context) -> Iterator[Issue]:
    """Report an agreement with fewer than two parties."""
    agreement = context.agreement
    count = len(set(agreement.parties))
    if agreement.kind is AgreementKind.FRAMEWORK:
        count += len(agreement.members)
    if count < 2:
        yield Issue(
            "/parties",
            Text(
                en=f"a collaboration needs at least two parties, but this one has {count}",
                sv=f"en samverkan kräver minst två parter, men denna har {count}",
            ),
        )


@rule(
    "INT004",
    title=Text(en="Party or participant, not both", sv="Part eller deltagare, inte båda"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Parties sign and are bound; participants take part without signing. "
        "A body cannot be both.",
        sv="Parter undertecknar och är bundna; övriga samhällsaktörer deltar utan att "
        "underteckna. Ett organ kan inte vara båda.",
    ),
    source="GLOSSARY: part / övriga samhällsaktörer",
)
def party_or_participant(context: Context) -> Iterator[Issue]:
    """Report a body listed both as party and as participant."""
    agreement = context.agreement
    parties = {body_id: i for i, body_id in reversed(list(enumerate(agreement.parties)))}
    for i, body_id in enumerate(agreement.participants):
        if body_id in parties:
            name = name_of(agreement, body_id)
            yield Issue(
                f"/participants/{i}",
                Text(
                    en=f"{name} is both a party and a participant",
                    sv=f"{name} är både part och deltagare",
                ),
                (f"/parties/{parties[body_id]}",),
            )


@rule(
    "INT005",
    title=Text(en="part_of forms no cycle", sv="part_of bildar ingen cirkel"),
    severity=Severity.ERROR,
    rationale=Text(
        en="An administration is part of its committee, a regional body part of its "
        "region; a body cannot, through others, be part of itself.",
        sv="En förvaltning hör till sin nämnd, ett regionalt organ till sin region; "
        "ett organ kan inte, via andra organ, höra till sig självt.",
    ),
    source=_FORMAT,
)
def part_of_acyclic(context: Context) -> Iterator[Issue]:
    """Report each cycle of part_of once, at the body of the cycle given first.

    One walk: each body is visited once, following part_of until a body already
    visited; a cycle is found when the walk comes back to a body on its own path.
    """
    agreement = context.agreement
    parent = {body.id: body.part_of for body in agreement.bodies}
    index = body_index(agreement)
    done: set[str] = set()
    for start in index:
        path: dict[str, int] = {}  # the ids on this walk, in order
        current: str | None = start
        while current is not None and current not in done and current not in path:
            path[current] = len(path)
            current = parent.get(current)
        if current is not None and current in path:
            members = list(path)[path[current] :]
            first = min(range(len(members)), key=lambda i: index[members[i]])
            members = members[first:] + members[:first]
            chain = cycle(members, len(members))
            yield Issue(
                f"/bodies/{index[members[0]]}/part_of",
                Text(
                    en=f"part_of forms a cycle: {chain.en}",
                    sv=f"part_of bildar en cirkel: {chain.sv}",
                ),
                tuple(f"/bodies/{index[other]}/part_of" for other in members[1:]),
            )
        done.update(path)


@rule(
    "INT006",
    title=Text(
        en="Parties and participants are listed once", sv="Parter och deltagare finns med en gång"
    ),
    severity=Severity.WARNING,
    rationale=Text(
        en="A body listed twice among the parties or the participants is a copying "
        "mistake that hides who was meant.",
        sv="Ett organ som finns med två gånger bland parterna eller deltagarna är ett "
        "kopieringsfel som döljer vem som avsågs.",
    ),
    source=_FORMAT,
)
def listed_once(context: Context) -> Iterator[Issue]:
    """Report a body listed twice among parties or among participants."""
    agreement = context.agreement
    for section, ids in (("parties", agreement.parties), ("participants", agreement.participants)):
        for position, first in repeats(ids):
            name = name_of(agreement, ids[position])
            yield Issue(
                f"/{section}/{position}",
                Text(en=f"{name} is listed twice", sv=f"{name} finns med två gånger"),
                (f"/{section}/{first}",),
            )


@rule(
    "INT007",
    title=Text(en="Exemptions name known rules", sv="Undantag gäller kända regler"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An exemption whose code matches no rule exempts nothing: it is most likely "
        "a misspelt code, and the finding it was meant for is still reported.",
        sv="Ett undantag vars kod inte motsvarar någon regel undantar ingenting: troligen "
        "är koden felstavad, och fyndet det gällde rapporteras fortfarande.",
    ),
    source=_FORMAT,
)
def exemptions_known(context: Context) -> Iterator[Issue]:
    """Report an exemption whose code is not the code or prefix of any registered rule."""
    codes = [known.code for known in rules()]
    for i, exemption in enumerate(context.agreement.exemptions):
        if not any(code.startswith(exemption.code) for code in codes):
            yield Issue(
                f"/exemptions/{i}/code",
                Text(
                    en=f"no rule has a code starting with {exemption.code!r}",
                    sv=f"ingen regel har en kod som börjar med {exemption.code!r}",
                ),
            )


@rule(
    "INT008",
    title=Text(en="Not its own framework or predecessor", sv="Inte sin egen ram eller föregångare"),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement replaces earlier agreements and implements a framework; naming "
        "its own id in supersedes or as its framework is a copying mistake that hides the "
        "document that was meant.",
        sv="En överenskommelse ersätter tidigare överenskommelser och genomför en "
        "ramöverenskommelse; att ange sitt eget id under supersedes eller som framework är "
        "ett kopieringsfel som döljer vilket dokument som avsågs.",
    ),
    source=_FORMAT,
)
def not_self_referring(context: Context) -> Iterator[Issue]:
    """Report an agreement that supersedes itself or names itself as its framework."""
    agreement = context.agreement
    own = agreement.id
    if agreement.framework == own:
        yield Issue(
            "/framework",
            Text(
                en=f"the agreement names itself ({own!r}) as the framework it implements",
                sv=f"överenskommelsen anger sig själv ({own!r}) som den ramöverenskommelse "
                "den genomför: den genomför sig själv",
            ),
        )
    for i, other_id in enumerate(agreement.supersedes):
        if other_id == own:
            yield Issue(
                f"/supersedes/{i}",
                Text(
                    en=f"the agreement names itself ({own!r}) as an agreement it supersedes",
                    sv=f"överenskommelsen anger sig själv ({own!r}) som en överenskommelse den "
                    "ersätter: den ersätter sig själv",
                ),
            )
