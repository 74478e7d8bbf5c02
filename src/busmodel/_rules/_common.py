"""Helpers the built-in rules share."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator

from busmodel._agreement import Agreement

__all__ = ["body_index", "body_references", "forum_index", "name_of", "repeats"]


def body_index(agreement: Agreement) -> dict[str, int]:
    """Each declared body id and the index of its first declaration."""
    index: dict[str, int] = {}
    for position, body in enumerate(agreement.bodies):
        index.setdefault(body.id, position)
    return index


def forum_index(agreement: Agreement) -> dict[str, int]:
    """Each forum id and the index of its first declaration."""
    index: dict[str, int] = {}
    for position, forum in enumerate(agreement.forums):
        index.setdefault(forum.id, position)
    return index


def name_of(agreement: Agreement, body_id: str) -> str:
    """The declared name of a body, or its id in quotes when it is not declared."""
    body = agreement.body(body_id)
    return body.name if body is not None else repr(body_id)


def body_references(agreement: Agreement) -> Iterator[tuple[str, str]]:
    """Every place the agreement refers to a body: ``(path, body id)``, in document order."""
    for i, body in enumerate(agreement.bodies):
        if body.part_of is not None:
            yield f"/bodies/{i}/part_of", body.part_of
    for i, decision in enumerate(agreement.decisions):
        yield f"/decisions/{i}/body", decision.body
    for i, party in enumerate(agreement.parties):
        yield f"/parties/{i}", party
    for i, participant in enumerate(agreement.participants):
        yield f"/participants/{i}", participant
    for f, forum in enumerate(agreement.forums):
        for m, member in enumerate(forum.members):
            yield f"/forums/{f}/members/{m}/body", member.body
    if agreement.chair is not None:
        for i, body_id in enumerate(agreement.chair.rotation):
            yield f"/chair/rotation/{i}", body_id
        for i, term in enumerate(agreement.chair.terms):
            yield f"/chair/terms/{i}/body", term.body
        for i, body_id in enumerate(agreement.chair.may_chair):
            yield f"/chair/may_chair/{i}", body_id
    for i, signature in enumerate(agreement.signatures):
        yield f"/signatures/{i}/body", signature.body


def repeats(items: Iterable[Hashable]) -> Iterator[tuple[int, int]]:
    """Each repeated item as ``(its index, the index of its first occurrence)``.

    >>> list(repeats(["a", "b", "a", "a"]))
    [(2, 0), (3, 0)]
    """
    first: dict[Hashable, int] = {}
    for position, item in enumerate(items):
        if item in first:
            yield position, first[item]
        else:
            first[item] = position
