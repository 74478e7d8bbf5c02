"""Supersession rules (SUP): how an agreement relates to the other documents.

Every rule here needs a registry. The other document is not part of this one,
so findings point at the reference in this agreement (``/supersedes/i``,
``/framework``, ``/municipality``) and name the other document in the
message (by its title and dates where it is found, see :func:`document_name`);
``related`` stays empty.

SUP002 and SUP003 compare validities and are silent when either agreement has
none; a predecessor's validity is its effective validity, prolonged through its
extension documents (:meth:`Registry.effective_validity`). SUP004 looks for cycles
that pass through this agreement, with this agreement's own ``supersedes`` taking
the place of any registry copy of it; an agreement that names itself is left to
INT008. The cycles of the registry are
worked out once per registry (its strongly connected components), so checking
every document of a registry takes time linear in its size.
SUP006 is silent when the agreement names no municipality or the framework
lists no members.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from busmodel.model._agreement import Agreement, AgreementKind
from busmodel.model._bodies import Municipality
from busmodel.model._period import Period
from busmodel.model._text import Text
from busmodel.validation._documents import Documents
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, Need, Snippet, rule
from busmodel.validation._rules._common import CYCLE_SHOWN, cycle, days_between, elapsed, span
from busmodel.validation._rules._examples import (
    AGREEMENT,
    FRAMEWORK,
    PREDECESSOR,
    SUCCESSOR,
    insert_after,
)

__all__ = ["document_name"]

_SUPERSEDES = (
    "Alingsås samverkansöverenskommelse 2023: Tidigare samverkansöverenskommelse "
    "ersätts av ovanstående"
)
_VASTBUS = (
    "Partille: BUS och VÄSTBUS (gemensamma riktlinjer för Västra Götalandsregionen och "
    "de 49 kommunerna, 2005)"
)


def document_name(document: Agreement, period: Period | None = None) -> Text:
    """Another document as a message names it: its title and the dates it is in force.

    ``period`` is the one to show when it is not the document's own validity (its
    effective validity, through its extensions); a document without either is
    named by its title alone.

    >>> import datetime as dt
    >>> from busmodel import Validity, ValidityBasis
    >>> days = Period(dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    >>> extension = Agreement(id="f", title="Förlängning 2023–2024",
    ...                       validity=Validity(ValidityBasis.FIXED, days))
    >>> document_name(extension).sv
    '”Förlängning 2023–2024” (2023-01-01 – 2024-12-31)'
    >>> document_name(extension).en
    '“Förlängning 2023–2024” (2023-01-01 – 2024-12-31)'
    """
    if period is None and document.validity is not None:
        period = document.validity.period
    extended = (
        document.validity is not None and period is not None and period != document.validity.period
    )
    if period is None:
        return Text(en=f"“{document.title}”", sv=f"”{document.title}”")
    return Text(
        en=f"“{document.title}” ({span(period).en}{', with its extensions' if extended else ''})",
        sv=f"”{document.title}” ({span(period).sv}{', med förlängningar' if extended else ''})",
    )


def _predecessors(context: Context) -> Iterator[tuple[int, Agreement, Period, Period]]:
    """``(index, predecessor, its effective period, this period)`` of each one found.

    Both must state a validity; the predecessor's runs on through its extensions.
    """
    agreement, registry = context.agreement, context.registry
    if registry is None or agreement.validity is None:
        return
    for i, other_id in enumerate(agreement.supersedes):
        other = registry.agreement(other_id)
        if other is None or other.id == agreement.id:
            continue
        effective = registry.effective_validity(other_id)
        if effective is None:
            continue
        yield i, other, effective, agreement.validity.period


_SUPERSEDING = Snippet(SUCCESSOR, others=(PREDECESSOR,))
"""The agreement for 2023–2026 with the agreement it supersedes: the good example of SUP001
to SUP004 and SUP007."""


@rule(
    "SUP001",
    title=Text(en="Superseded agreements are known", sv="Ersatta överenskommelser är kända"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement that replaces an earlier one should name a document the "
        "registry holds, so that the two can be checked against each other.",
        sv="En överenskommelse som ersätter en tidigare bör hänvisa till ett dokument som "
        "finns i registret, så att de två kan kontrolleras mot varandra.",
    ),
    source=_SUPERSEDES,
    needs=(Need.REGISTRY,),
    name="predecessor-in-registry",
    messages=Message(
        en="the superseded agreement {id!r} is not in the registry",
        sv="den ersatta överenskommelsen {id!r} finns inte i registret",
    ),
    example=Example(
        bad=Snippet(
            SUCCESSOR.replace('supersedes = ["bus-2019"]', 'supersedes = ["bus-2018"]'),
            others=(PREDECESSOR,),
        ),
        good=_SUPERSEDING,
    ),
)
def predecessor_known(context: Context) -> Iterator[Issue]:
    """Report a superseded id that no document in the registry has."""
    registry = context.registry
    if registry is None:
        return
    for i, other_id in enumerate(context.agreement.supersedes):
        if registry.agreement(other_id) is None:
            yield Issue.at(f"/supersedes/{i}", id=other_id)


@rule(
    "SUP002",
    title=Text(
        en="Predecessors end before this starts",
        sv="Tidigare överenskommelser upphör innan denna börjar gälla",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="A superseded agreement must end before the agreement that replaces it "
        "starts; otherwise two agreements govern the same days.",
        sv="En ersatt överenskommelse måste upphöra innan den som ersätter den börjar "
        "gälla; annars gäller två överenskommelser samma dagar.",
    ),
    source=_SUPERSEDES,
    needs=(Need.REGISTRY,),
    name="predecessor-ends-before-start",
    messages={
        "default": Message(
            en="the superseded agreement {name} runs until {end}, but this agreement starts "
            "on {start}",
            sv="den ersatta överenskommelsen {name} gäller till och med {end}, men denna "
            "börjar gälla {start}",
        ),
        "until-further-notice": Message(
            en="the superseded agreement {name} runs until further notice, but this agreement "
            "starts on {start}",
            sv="den ersatta överenskommelsen {name} gäller tills vidare, men denna börjar "
            "gälla {start}",
        ),
    },
    example=Example(
        bad=Snippet(
            SUCCESSOR, others=(PREDECESSOR.replace("end = 2022-12-31", "end = 2023-06-30"),)
        ),
        good=_SUPERSEDING,
    ),
)
def predecessor_ends_first(context: Context) -> Iterator[Issue]:
    """Report a superseded agreement whose validity overlaps this one's."""
    for i, other, before, this in _predecessors(context):
        if before.end is not None and before.end < this.start:
            continue
        name = document_name(other, before)
        if before.end is None:
            yield Issue.at(f"/supersedes/{i}", "until-further-notice", name=name, start=this.start)
        else:
            yield Issue.at(f"/supersedes/{i}", name=name, end=before.end, start=this.start)


@rule(
    "SUP003",
    title=Text(en="No gap after a predecessor", sv="Inget glapp efter en tidigare överenskommelse"),
    severity=Severity.WARNING,
    rationale=Text(
        en="When an agreement replaces an earlier one, days between the end of the one "
        "and the start of the other are days without an agreement.",
        sv="När en överenskommelse ersätter en tidigare blir dagarna mellan den tidigares "
        "slut och den nyas början dagar utan överenskommelse.",
    ),
    source=_SUPERSEDES,
    needs=(Need.REGISTRY,),
    messages=Message(
        en="a gap of {gap} without an agreement: the superseded agreement {name} ends on "
        "{end} and this one starts on {start}",
        sv="ett glapp på {gap} utan överenskommelse: den ersatta överenskommelsen {name} "
        "gäller till och med {end} och denna börjar gälla {start}",
    ),
    example=Example(
        bad=Snippet(
            SUCCESSOR, others=(PREDECESSOR.replace("end = 2022-12-31", "end = 2022-06-30"),)
        ),
        good=_SUPERSEDING,
    ),
)
def no_gap_after_predecessor(context: Context) -> Iterator[Issue]:
    """Report days without an agreement between a predecessor's end and this start."""
    for i, other, before, this in _predecessors(context):
        gap = days_between(before.end, this.start)
        if gap is None:
            continue
        yield Issue.at(
            f"/supersedes/{i}",
            gap=elapsed(gap.start, this.start),
            name=document_name(other, before),
            end=before.end,
            start=this.start,
        )


def _cycle_back(start: str, home: str, edges: dict[str, tuple[str, ...]]) -> list[str] | None:
    """The shortest chain of ids from ``start`` to ``home`` along ``edges``, or None.

    Of several shortest chains, the one a breadth-first walk that takes each
    agreement's ``supersedes`` in order finds first.
    """
    parent: dict[str, str | None] = {start: None}
    queue = [start]
    for current in queue:
        if current == home:
            chain = [current]
            step = parent[current]
            while step is not None:
                chain.append(step)
                step = parent[step]
            return chain[::-1]
        for following in edges.get(current, ()):
            if following not in parent:
                parent[following] = current
                queue.append(following)
    return None


def _components(edges: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """The strongly connected components of more than one id (Tarjan, without recursion)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in edges:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(edges.get(root, ())))]
        while work:
            node, following = work[-1]
            for other in following:
                if other not in order:
                    order[other] = low[other] = len(order)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(edges.get(other, ()))))
                    break
                if other in on_stack:
                    low[node] = min(low[node], order[other])
            else:
                work.pop()
                if work:
                    above = work[-1][0]
                    low[above] = min(low[above], low[node])
                if low[node] == order[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
    return found


@attrs.frozen
class _Supersession:
    """A registry's supersession graph and its cycles, worked out once per registry."""

    edges: dict[str, tuple[str, ...]]
    """Each id's ``supersedes``, from the first agreement in the registry with that id."""
    component: dict[str, int]
    """The strongly connected component of each id on a cycle through another id."""
    inside: dict[int, dict[str, tuple[str, ...]]]
    """The edges that stay inside each component."""
    rings: dict[str, tuple[int, tuple[str, ...]]]
    """For each id of a component that is one simple cycle: its place in the cycle, and
    the cycle, whose only chain between two ids is read off it without a walk."""

    @classmethod
    def of(cls, registry: Documents) -> _Supersession:
        edges: dict[str, tuple[str, ...]] = {}
        for other in registry.agreements():
            edges.setdefault(other.id, other.supersedes)
        component: dict[str, int] = {}
        inside: dict[int, dict[str, tuple[str, ...]]] = {}
        rings: dict[str, tuple[int, tuple[str, ...]]] = {}
        for number, members in enumerate(_components(edges)):
            component.update(dict.fromkeys(members, number))
            within = set(members)
            following = {m: tuple(o for o in edges.get(m, ()) if o in within) for m in members}
            inside[number] = following
            if all(len(set(targets)) == 1 for targets in following.values()):
                ring = [members[0]]
                while len(ring) < len(members):
                    ring.append(following[ring[-1]][0])
                whole = tuple(ring)
                rings.update((member, (place, whole)) for place, member in enumerate(whole))
        return cls(edges, component, inside, rings)

    def chain(self, start: str, home: str) -> tuple[list[str], int] | None:
        """The shortest chain from ``start`` back to ``home`` (its first ids), and its length.

        For a ``home`` whose ``supersedes`` are the ones the registry has for it:
        then there is a chain exactly when the two are in the same component.
        """
        number = self.component.get(home)
        if number is None or self.component.get(start) != number:
            return None
        if home in self.rings:
            place, ring = self.rings[start]
            length = (self.rings[home][0] - place) % len(ring) + 1
            shown = min(length, CYCLE_SHOWN)
            return [ring[(place + step) % len(ring)] for step in range(shown)], length
        chain = _cycle_back(start, home, self.inside[number])
        return None if chain is None else (chain, len(chain))


_SUP004_BAD_PREDECESSOR = insert_after(PREDECESSOR, "document_date = ", 'supersedes = ["bus-2023"]')
"""The predecessor naming its successor where the agreement it replaces belongs."""


@rule(
    "SUP004",
    title=Text(
        en="Superseded agreements form no cycle",
        sv="Ersatta överenskommelser bildar ingen cirkel",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement cannot, directly or through others, replace itself: one of the "
        "agreements in the cycle names the wrong agreement as the one it replaces.",
        sv="En överenskommelse kan inte, direkt eller via andra, ersätta sig själv: någon "
        "av överenskommelserna i cirkeln pekar ut fel överenskommelse som ersatt.",
    ),
    source=_SUPERSEDES,
    needs=(Need.REGISTRY,),
    messages=Message(
        en="the superseded agreements form a cycle: {cycle}",
        sv="de ersatta överenskommelserna bildar en cirkel: {cycle}",
    ),
    example=Example(
        bad=Snippet(SUCCESSOR, others=(_SUP004_BAD_PREDECESSOR,)),
        good=_SUPERSEDING,
    ),
)
def supersession_acyclic(context: Context) -> Iterator[Issue]:
    """Report a supersession that leads back to this agreement (not to itself directly)."""
    agreement, registry = context.agreement, context.registry
    if registry is None:
        return
    graph = registry.derived(_Supersession.of)
    copy = registry.agreement(agreement.id)
    as_registered = copy is not None and copy.supersedes == agreement.supersedes
    for i, other_id in enumerate(agreement.supersedes):
        if other_id == agreement.id:
            continue  # INT008: an agreement that names itself
        if as_registered:
            found = graph.chain(other_id, agreement.id)
        else:  # a chain back never leaves from this agreement, so the registry's edges do
            chain = _cycle_back(other_id, agreement.id, graph.edges)
            found = None if chain is None else (chain, len(chain))
        if found is None:
            continue
        chain, length = found
        yield Issue.at(f"/supersedes/{i}", cycle=cycle([agreement.id, *chain], length))


def _framework(context: Context) -> Agreement | None:
    """The framework the agreement names, when the registry has it as a framework."""
    agreement, registry = context.agreement, context.registry
    if registry is None or agreement.framework is None:
        return None
    found = registry.agreement(agreement.framework)
    if found is None or found.kind is not AgreementKind.FRAMEWORK:
        return None
    return found


_LOCAL_AGREEMENT = insert_after(
    AGREEMENT,
    "document_date = ",
    """\
framework = "gr-barn-och-unga-2020"
municipality = { name = "Alingsås", code = "1489" }
""",
)
"""The agreement for 2023–2026 as Alingsås's agreement under :data:`FRAMEWORK`."""

_IMPLEMENTING = Snippet(_LOCAL_AGREEMENT, others=(FRAMEWORK,))
"""It, with the framework it implements: the good example of SUP005 and SUP006."""


@rule(
    "SUP005",
    title=Text(en="The framework is known", sv="Ramöverenskommelsen är känd"),
    severity=Severity.ERROR,
    rationale=Text(
        en="A local agreement that implements a regional framework (such as VÄSTBUS) "
        "must name a framework document the registry holds.",
        sv="En lokal överenskommelse som genomför en regional ramöverenskommelse (som "
        "VÄSTBUS) måste hänvisa till en ramöverenskommelse som finns i registret.",
    ),
    source=_VASTBUS,
    needs=(Need.REGISTRY,),
    name="framework-in-registry",
    messages={
        "default": Message(
            en="the framework {id!r} is not in the registry",
            sv="ramöverenskommelsen {id!r} finns inte i registret",
        ),
        "not-a-framework": Message(
            en="{id!r}, {name}, is a local agreement, not a framework",
            sv="{id!r}, {name}, är en lokal överenskommelse, inte en ramöverenskommelse",
        ),
    },
    example=Example(
        bad=Snippet(
            _LOCAL_AGREEMENT.replace(
                'framework = "gr-barn-och-unga-2020"', 'framework = "gr-barn-och-unga-2019"'
            ),
            others=(FRAMEWORK,),
        ),
        good=_IMPLEMENTING,
    ),
)
def framework_known(context: Context) -> Iterator[Issue]:
    """Report a framework reference that is not a framework in the registry."""
    agreement, registry = context.agreement, context.registry
    framework_id = agreement.framework
    if registry is None or framework_id is None or framework_id == agreement.id:
        return  # naming itself is INT008's
    found = registry.agreement(framework_id)
    if found is None:
        yield Issue.at("/framework", id=framework_id)
    elif found.kind is not AgreementKind.FRAMEWORK:
        yield Issue.at("/framework", "not-a-framework", id=framework_id, name=document_name(found))


def _same_municipality(one: Municipality, other: Municipality) -> bool:
    if one.code is not None and other.code is not None:
        return one.code == other.code
    return one.name.casefold() == other.name.casefold()


@rule(
    "SUP006",
    title=Text(
        en="The municipality is a framework member",
        sv="Kommunen är medlem i ramöverenskommelsen",
    ),
    severity=Severity.ERROR,
    rationale=Text(
        en="Only the municipalities a framework covers can implement it; a municipality "
        "outside its members names the wrong framework.",
        sv="Bara de kommuner som en ramöverenskommelse omfattar kan genomföra den; en "
        "kommun utanför medlemmarna hänvisar till fel ramöverenskommelse.",
    ),
    source=_VASTBUS,
    needs=(Need.REGISTRY,),
    messages={
        "default": Message(
            en="{municipality} ({code}) is not a member of the framework {name} ({id!r})",
            sv="{municipality} ({code}) är inte medlem i ramöverenskommelsen {name} ({id!r})",
        ),
        "no-code": Message(
            en="{municipality} is not a member of the framework {name} ({id!r})",
            sv="{municipality} är inte medlem i ramöverenskommelsen {name} ({id!r})",
        ),
    },
    example=Example(
        bad=Snippet(
            _LOCAL_AGREEMENT.replace(
                '{ name = "Alingsås", code = "1489" }', '{ name = "Uddevalla", code = "1485" }'
            ),
            others=(FRAMEWORK,),
        ),
        good=_IMPLEMENTING,
    ),
)
def municipality_in_framework(context: Context) -> Iterator[Issue]:
    """Report a municipality that is not among the framework's members."""
    municipality = context.agreement.municipality
    framework = _framework(context)
    if municipality is None or framework is None or not framework.members:
        return
    if any(_same_municipality(municipality, member) for member in framework.members):
        return
    yield Issue.at(
        "/municipality",
        "default" if municipality.code else "no-code",
        municipality=municipality.name,
        code=municipality.code,
        name=document_name(framework),
        id=framework.id,
    )


@rule(
    "SUP007",
    title=Text(en="No other document has this id", sv="Inget annat dokument har detta id"),
    severity=Severity.ERROR,
    rationale=Text(
        en="Documents refer to each other by id (supersedes, framework, the records' "
        "agreement); two documents with the same id make every such reference ambiguous, "
        "and the rules that follow it may check against the wrong one.",
        sv="Dokument hänvisar till varandra med id (supersedes, framework, protokollens "
        "agreement); två dokument med samma id gör varje sådan hänvisning tvetydig, och "
        "reglerna som följer den kan jämföra med fel dokument.",
    ),
    source="busmodel document format (docs/format.md)",
    needs=(Need.REGISTRY,),
    kinds=(AgreementKind.AGREEMENT, AgreementKind.FRAMEWORK, AgreementKind.EXTENSION),
    messages={
        "default": Message(
            en="other documents in the registry have the id {id!r} too: {sources:and}",
            sv="andra dokument i registret har samma id {id!r}: {sources:and}",
        ),
        "one": Message(
            en="another document in the registry has the id {id!r} too: {sources:and}",
            sv="ett annat dokument i registret har samma id {id!r}: {sources:and}",
        ),
    },
    example=Example(
        bad=Snippet(SUCCESSOR, others=(PREDECESSOR.replace('id = "bus-2019"', 'id = "bus-2023"'),)),
        good=_SUPERSEDING,
    ),
)
def id_unique_in_registry(context: Context) -> Iterator[Issue]:
    """Report other documents in the registry that have this agreement's id."""
    agreement, registry = context.agreement, context.registry
    if registry is None:
        return
    entries = registry.entries_with_id(agreement.id)
    others = [entry for entry in entries if entry.document is not agreement]
    if len(others) == len(entries):  # not this very object: drop an equal copy of it
        copy = next((entry for entry in others if entry.document == agreement), None)
        if copy is not None:
            others.remove(copy)
    if not others:
        return
    yield Issue.at(
        "/id",
        "one" if len(others) == 1 else "default",
        id=agreement.id,
        sources=[entry.source for entry in others],
    )
