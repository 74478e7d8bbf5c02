"""Integrity rules (INT): ids, references and the shape of the collaboration."""

from __future__ import annotations

from collections.abc import Iterator

from busmodel.model._agreement import AgreementKind
from busmodel.model._bodies import BodyKind, Municipality
from busmodel.model._text import Text
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, rule
from busmodel.validation._rules._common import (
    EVERY_KIND,
    body_index,
    body_references,
    cycle,
    municipality_key,
    name_of,
    repeats,
)
from busmodel.validation._rules._examples import (
    ADMINISTRATIONS,
    AGREEMENT,
    FRAMEWORK,
    SUCCESSOR,
    insert_after,
)

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
    kinds=EVERY_KIND,
    messages=Message(en="the id {id!r} is already in use", sv="id {id!r} används redan"),
    example=Example(
        bad=ADMINISTRATIONS.replace('{ id = "uf"', '{ id = "sf"'),
        good=ADMINISTRATIONS,
    ),
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
                related=(f"/{section}/{first}/id",),
                values={"id": ids[position]},
            )


@rule(
    "INT002",
    title=Text(en="Bodies referred to exist", sv="Organ som det hänvisas till finns"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Every body named by id (parties, participants, member municipalities, forum "
        "members, report recipients, chair, signatures, adoptions, decisions, part_of) must "
        "be given in bodies.",
        sv="Varje organ som nämns med id (parter, deltagare, medlemskommuner, "
        "forummedlemmar, mottagare av redovisningar, ordförandeskap, underskrifter, "
        "antaganden, beslut, part_of) måste finnas under bodies.",
    ),
    source=_FORMAT,
    kinds=EVERY_KIND,
    messages=Message(
        en="there is no body with the id {id!r} in bodies",
        sv="det finns inget organ med id {id!r} under bodies",
    ),
    example=Example(
        bad=ADMINISTRATIONS.replace(
            'participants = ["sf", "uf"]', 'participants = ["sf", "uf", "polisen"]'
        ),
        good=ADMINISTRATIONS,
    ),
)
def references_exist(context: Context) -> Iterator[Issue]:
    """Report every reference to a body that is not declared."""
    declared = body_index(context)
    for path, body_id in body_references(context.agreement, declared):
        yield Issue.at(path, id=body_id)


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
    kinds=EVERY_KIND,
    name="at-least-two-parties",
    messages=Message(
        en="a collaboration needs at least two parties, but this one has {count:party|parties}",
        sv="en samverkan kräver minst två parter, men denna har {count:part|parter}",
    ),
    example=Example(
        bad=AGREEMENT.replace('parties = ["sn", "bun"]', 'parties = ["sn"]'),
        good=AGREEMENT,
    ),
)
def two_parties(context: Context) -> Iterator[Issue]:
    """Report an agreement with fewer than two parties."""
    agreement = context.agreement
    count = len(set(agreement.parties))
    if agreement.kind is AgreementKind.FRAMEWORK:
        count += len(agreement.members)
    if count < 2:
        yield Issue.at("/parties", count=count)


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
    kinds=EVERY_KIND,
    name="party-not-participant",
    messages=Message(
        en="{body} is both a party and a participant", sv="{body} är både part och deltagare"
    ),
    example=Example(
        bad=ADMINISTRATIONS.replace(
            'participants = ["sf", "uf"]', 'participants = ["sf", "uf", "bun"]'
        ),
        good=ADMINISTRATIONS,
    ),
)
def party_or_participant(context: Context) -> Iterator[Issue]:
    """Report a body listed both as party and as participant."""
    agreement = context.agreement
    parties = {body_id: i for i, body_id in reversed(list(enumerate(agreement.parties)))}
    for i, body_id in enumerate(agreement.participants):
        if body_id in parties:
            yield Issue(
                f"/participants/{i}",
                related=(f"/parties/{parties[body_id]}",),
                values={"body": name_of(agreement, body_id)},
            )


_INT005_BAD = ADMINISTRATIONS.replace(
    '{ id = "sn", name = "Socialnämnden", kind = "committee" }',
    '{ id = "sn", name = "Socialnämnden", kind = "committee", part_of = "sf" }',
)
"""Socialnämnden part of its own administration, which is part of Socialnämnden."""


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
    kinds=EVERY_KIND,
    messages=Message(en="part_of forms a cycle: {cycle}", sv="part_of bildar en cirkel: {cycle}"),
    example=Example(bad=_INT005_BAD, good=ADMINISTRATIONS),
)
def part_of_acyclic(context: Context) -> Iterator[Issue]:
    """Report each cycle of part_of once, at the body of the cycle given first.

    One walk: each body is visited once, following part_of until a body already
    visited; a cycle is found when the walk comes back to a body on its own path.
    """
    agreement = context.agreement
    if all(body.part_of is None for body in agreement.bodies):
        return  # nothing is part of anything: no cycle
    parent = {body.id: body.part_of for body in agreement.bodies}
    index = body_index(context)
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
            yield Issue(
                f"/bodies/{index[members[0]]}/part_of",
                related=tuple(f"/bodies/{index[other]}/part_of" for other in members[1:]),
                values={"cycle": cycle(members, len(members))},
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
    kinds=EVERY_KIND,
    name="parties-and-participants-once",
    messages=Message(en="{body} is listed twice", sv="{body} finns med två gånger"),
    example=Example(
        bad=AGREEMENT.replace('parties = ["sn", "bun"]', 'parties = ["sn", "bun", "sn"]'),
        good=AGREEMENT,
    ),
)
def listed_once(context: Context) -> Iterator[Issue]:
    """Report a body listed twice among parties or among participants."""
    agreement = context.agreement
    for section, ids in (("parties", agreement.parties), ("participants", agreement.participants)):
        for position, first in repeats(ids):
            yield Issue(
                f"/{section}/{position}",
                related=(f"/{section}/{first}",),
                values={"body": name_of(agreement, ids[position])},
            )


_EXEMPTION = """
[[exemptions]]
code = "INT"
path = "/parties/2"
reason = "Så står det i det undertecknade originalet, som vi återger ordagrant."
"""
"""An exemption from the INT rules for a party listed twice, as in the signed original."""

_TRANSCRIBED = (
    AGREEMENT.replace('parties = ["sn", "bun"]', 'parties = ["sn", "bun", "sn"]') + _EXEMPTION
)
"""The agreement transcribed as signed, with a party listed twice, and the exemption for that."""


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
    kinds=EVERY_KIND,
    name="exemptions-name-known-rules",
    messages=Message(
        en="no rule has a code starting with {code!r} or that name",
        sv="ingen regel har en kod som börjar med {code!r} eller det namnet",
    ),
    example=Example(
        bad=_TRANSCRIBED.replace('code = "INT"', 'code = "ITN"'),
        good=_TRANSCRIBED,
    ),
)
def exemptions_known(context: Context) -> Iterator[Issue]:
    """Report an exemption whose code is neither a code, a code's prefix nor a rule's name."""
    catalogue = context.catalogue
    if catalogue is None:
        return
    for i, exemption in enumerate(context.agreement.exemptions):
        if catalogue.unknown([exemption.code]):
            yield Issue.at(f"/exemptions/{i}/code", code=exemption.code)


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
    name="no-self-reference",
    messages={
        "framework": Message(
            en="the agreement names itself ({id!r}) as the framework it implements",
            sv="överenskommelsen anger sig själv ({id!r}) som den ramöverenskommelse "
            "den genomför: den genomför sig själv",
        ),
        "supersedes": Message(
            en="the agreement names itself ({id!r}) as an agreement it supersedes",
            sv="överenskommelsen anger sig själv ({id!r}) som en överenskommelse den "
            "ersätter: den ersätter sig själv",
        ),
    },
    example=Example(
        bad=SUCCESSOR.replace('supersedes = ["bus-2019"]', 'supersedes = ["bus-2023"]'),
        good=SUCCESSOR,
    ),
)
def not_self_referring(context: Context) -> Iterator[Issue]:
    """Report an agreement that supersedes itself or names itself as its framework."""
    agreement = context.agreement
    own = agreement.id
    if agreement.framework == own:
        yield Issue.at("/framework", "framework", id=own)
    for i, other_id in enumerate(agreement.supersedes):
        if other_id == own:
            yield Issue.at(f"/supersedes/{i}", "supersedes", id=own)


def _written(municipality: Municipality) -> str:
    """A member as a message writes it: its name, and its code when it has one."""
    code = "" if municipality.code is None else f" ({municipality.code})"
    return f"{municipality.name}{code}"


@rule(
    "INT009",
    title=Text(en="Member municipalities are listed once", sv="Medlemskommuner finns med en gång"),
    severity=Severity.ERROR,
    rationale=Text(
        en="The member list says which municipalities a framework covers, and a member "
        "that acts is one party; the same municipality listed twice counts one member as "
        "two and hides which entry was meant. Two members are the same municipality when "
        "they have the same kommunkod, or, when either lacks one, the same name (written "
        'with or without "kommun" or "stad").',
        sv="Medlemslistan anger vilka kommuner en ramöverenskommelse omfattar, och en "
        "medlem som agerar är en part; samma kommun två gånger räknar en medlem som två och "
        "döljer vilken post som avsågs. Två medlemmar är samma kommun när de har samma "
        "kommunkod eller, när någon av dem saknar kod, samma namn (med eller utan "
        '"kommun" eller "stad").',
    ),
    source="VÄSTBUS 2005 (de 49 kommunerna i Västra Götaland, med kommunkoder)",
    name="framework-members-once",
    messages=Message(
        en="{member} is listed twice among the member municipalities",
        sv="{member} finns med två gånger bland medlemskommunerna",
    ),
    example=Example(
        bad=insert_after(
            FRAMEWORK,
            '    { name = "Lerum"',
            '    { name = "Lerums kommun", code = "1441" },',
        ),
        good=FRAMEWORK,
    ),
)
def members_once(context: Context) -> Iterator[Issue]:
    """Report a member municipality listed again, at the second entry."""
    by_code: dict[str, int] = {}
    by_name: dict[str, int] = {}
    members = context.agreement.members
    for position, member in enumerate(members):
        key = municipality_key(member.name)
        first = by_code.get(member.code) if member.code is not None else None
        if first is None and key in by_name:
            other = by_name[key]
            if member.code is None or members[other].code is None:
                first = other
        if first is not None:
            yield Issue(
                f"/members/{position}",
                related=(f"/members/{first}",),
                values={"member": _written(member)},
            )
            continue
        if member.code is not None:
            by_code[member.code] = position
        by_name.setdefault(key, position)


@rule(
    "INT010",
    title=Text(
        en="A member acts as its own municipality",
        sv="En medlem agerar som sin egen kommun",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="A member municipality that acts in a framework (adopts it, sits in its forums) "
        "is linked to the body that is that municipality as a whole: a body of kind "
        "municipality, with the same kommunkod. A link to a committee, or to a "
        "municipality with another code, makes another body act in the member's name. An "
        "undeclared body is left to INT002, a missing code on either side is not compared.",
        sv="En medlemskommun som agerar i en ramöverenskommelse (antar den, ingår i dess "
        "forum) är kopplad till det organ som är kommunen som helhet: ett organ av slaget "
        "kommun, med samma kommunkod. En koppling till en nämnd, eller till en kommun med "
        "en annan kod, låter ett annat organ agera i medlemmens namn. Ett organ som inte "
        "anges lämnas åt INT002, och en kod som saknas på någon sida jämförs inte.",
    ),
    source=_FORMAT,
    name="member-linked-to-its-municipality",
    messages={
        "default": Message(
            en="{member} is linked to {body}, which is not a municipality",
            sv="{member} är kopplad till {body}, som inte är en kommun",
        ),
        "code": Message(
            en="{member} has the kommunkod {code}, but the body {body} it is linked to has "
            "{body_code}",
            sv="{member} har kommunkoden {code}, men organet {body} som den är kopplad till "
            "har {body_code}",
        ),
    },
    example=Example(
        bad=FRAMEWORK.replace(
            '{ name = "Lerum", code = "1441", body = "lerum" }',
            '{ name = "Lerum", code = "1441", body = "alingsas" }',
        ),
        good=FRAMEWORK,
    ),
)
def members_are_their_municipality(context: Context) -> Iterator[Issue]:
    """Report a member linked to a body that is not that municipality."""
    agreement = context.agreement
    if not agreement.members:
        return
    declared = body_index(context)
    for position, member in enumerate(agreement.members):
        if member.body is None or member.body not in declared:
            continue
        at = declared[member.body]
        body = agreement.bodies[at]
        if body.kind is not BodyKind.MUNICIPALITY:
            yield Issue(
                f"/members/{position}/body",
                related=(f"/bodies/{at}",),
                values={"member": member.name, "body": body.name},
            )
        elif member.code is not None and body.code is not None and member.code != body.code:
            yield Issue(
                f"/members/{position}/code",
                related=(f"/bodies/{at}/code",),
                template="code",
                values={
                    "member": member.name,
                    "code": member.code,
                    "body": body.name,
                    "body_code": body.code,
                },
            )


_INT011_BAD = AGREEMENT + _EXEMPTION
"""The transcribed agreement with its repeated party removed, but not the exemption for it.

Run alone, INT011 judges only an exemption that names it (here by the prefix INT)."""


@rule(
    "INT011",
    title=Text(en="Every exemption is needed", sv="Varje undantag behövs"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An exemption that no finding needs has outlived its reason: the fault it "
        "excused was put right, or it names the wrong place. Left in, it would silently "
        "excuse the same fault if it came back. Exemptions whose rules did not run (not "
        "selected, or missing today's date, the records or the other documents) are not "
        "judged. Like ruff's RUF100 for a stale noqa.",
        sv="Ett undantag som inget fynd behöver har överlevt sitt skäl: felet det ursäktade "
        "är rättat, eller så pekar det ut fel ställe. Får det stå kvar ursäktar det i det "
        "tysta samma fel om det kommer tillbaka. Undantag vars regler inte kördes (inte "
        "valda, eller utan dagens datum, protokollen eller de andra dokumenten) bedöms inte.",
    ),
    source=_FORMAT,
    kinds=EVERY_KIND,
    name="every-exemption-needed",
    messages=Message(
        en="the exemption from {code} exempts no finding: remove it",
        sv="undantaget från {code} undantar inget fynd: ta bort det",
    ),
    example=Example(bad=_INT011_BAD, good=AGREEMENT),
)
def unused_exemption(context: Context) -> Iterator[Issue]:
    """Found by the engine, which alone sees which findings each exemption exempted."""
    return iter(())
