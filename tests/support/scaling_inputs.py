"""The worst cases of issue 7 (item 2), as document text of any size.

Each function returns JSON document text (``busmodel.loads(text, "json")``
reads it), so a test or a benchmark times loading and validating together.
``tests/test_scaling.py`` checks the findings at ten times the size in the
issue; ``benchmarks/bench_scaling.py`` times them at growing sizes.
"""

from __future__ import annotations

import json
import random
from typing import Any, Final

SCHEMA: Final = "busmodel/1"


def _agreement(agreement_id: str, **fields: Any) -> dict[str, Any]:
    return {"schema": SCHEMA, "kind": "agreement", "id": agreement_id, "title": "BUS", **fields}


def _text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False)


def committee_name(number: int) -> str:
    """The name of the ``number``-th of many similarly named committees."""
    return f"Barn- och ungdomsnämnden i distrikt {number:05d}"


def similar_committees(count: int) -> str:
    """An agreement with ``count`` committees whose names differ only in their number.

    Every pair of names is near-identical (a ratio of at least 0.9), as in the
    issue's 1,000 committees that gave 499,500 NAM001 findings.
    """
    bodies = [
        {"id": f"n{i:05d}", "name": committee_name(i), "kind": "committee"} for i in range(count)
    ]
    return _text(_agreement("similar", bodies=bodies, parties=["n00000", "n00001"]))


def digit_name(number: int) -> str:
    """A name that shares most of its letters with every other and differs in digits."""
    return f"Nämnd {number * 7919 % 99991:x} för område {number}"


def digit_names(count: int) -> str:
    """An agreement with ``count`` committees no index can tell apart: see NAM001's budget."""
    bodies = [{"id": f"n{i:05d}", "name": digit_name(i), "kind": "committee"} for i in range(count)]
    return _text(_agreement("digits", bodies=bodies, parties=["n00000", "n00001"]))


def long_name(length: int, last: str) -> str:
    """A body name of ``length`` characters that ends in ``last``."""
    stem = "Socialnämnden för "
    return stem + "barn och unga " * ((length - len(stem)) // 14) + last


def long_names(length: int) -> str:
    """An agreement with two committees whose long names differ only in their last letter."""
    bodies = [
        {"id": "a", "name": long_name(length, "A"), "kind": "committee"},
        {"id": "b", "name": long_name(length, "B"), "kind": "committee"},
    ]
    return _text(_agreement("long", bodies=bodies, parties=["a", "b"]))


def cycle_id(number: int) -> str:
    """The id of the ``number``-th body of a ``part_of`` cycle."""
    return f"f{number:05d}"


def part_of_cycle(count: int) -> str:
    """``count`` administrations, each part of the next and the last part of the first."""
    bodies = [
        {
            "id": cycle_id(i),
            "name": f"Förvaltning {i:05d}",
            "kind": "administration",
            "part_of": cycle_id((i + 1) % count),
        }
        for i in range(count)
    ]
    return _text(_agreement("cycle", bodies=bodies))


def duplicate_key(count: int, duplicate: int) -> str:
    """A JSON document with ``count`` keys at the top, the ``duplicate``-th given twice."""
    pairs = [f'"x{i:06d}": {i}' for i in range(count)]
    pairs.append(f'"x{duplicate:06d}": 0')
    return '{"schema": "busmodel/1", "kind": "agreement", ' + ", ".join(pairs) + "}"


def party_id(number: int) -> str:
    """The id of the ``number``-th of many parties."""
    return f"p{number:06d}"


def unsigned_parties(count: int) -> str:
    """An agreement with ``count`` parties and no signature."""
    bodies = [
        {"id": party_id(i), "name": f"Part {i:06d}", "kind": "committee"} for i in range(count)
    ]
    parties = [party_id(i) for i in range(count)]
    return _text(_agreement("unsigned", bodies=bodies, parties=parties))


def chain_id(number: int) -> str:
    """The id of the ``number``-th agreement of a supersession chain."""
    return f"bus-{number:05d}"


def supersession_chain(count: int, *, closed: bool = False) -> list[str]:
    """``count`` small agreements, each superseding the one before it.

    When ``closed``, the first supersedes the last: the chain is one cycle.
    """
    bodies = [
        {"id": "bun", "name": "Barn- och ungdomsnämnden", "kind": "committee"},
        {"id": "sn", "name": "Socialnämnden", "kind": "committee"},
    ]
    texts = []
    for i in range(count):
        before = [chain_id(i - 1)] if i else ([chain_id(count - 1)] if closed else [])
        document = _agreement(chain_id(i), supersedes=before, bodies=bodies, parties=["bun", "sn"])
        texts.append(_text(document))
    return texts


_PATTERNS: Final = (
    ("Socialnämnden i {}", "committee"),
    ("Barn- och utbildningsnämnden i {}", "committee"),
    ("Kultur- och fritidsnämnden i {}", "committee"),
    ("Socialförvaltningen i {}", "administration"),
    ("Barn- och utbildningsförvaltningen i {}", "administration"),
    ("{} kommun", "municipality"),
    ("Polisområde {}", "state-agency"),
    ("Vårdcentralen {}", "regional-body"),
)


def county_framework(size: int) -> str:
    """A framework of ``size`` bodies, eight in each of its made-up member municipalities.

    Its names differ by the municipality they belong to, so NAM001 finds nothing in
    it; a framework of all 290 Swedish municipalities would have 2,320 bodies.
    """
    rng = random.Random(11)
    places: list[str] = []
    while len(places) < max(size // len(_PATTERNS), 1):
        word = "".join(
            rng.choice("bdfghjklmnprstv") + rng.choice("aeiouyåäö") + rng.choice(["", "n", "s"])
            for _ in range(rng.randint(2, 3))
        ).capitalize()
        if word not in places:
            places.append(word)
    bodies = [
        {"id": f"b{i}-{j}", "name": pattern.format(place), "kind": kind}
        for i, place in enumerate(places)
        for j, (pattern, kind) in enumerate(_PATTERNS)
    ]
    framework = {
        "schema": SCHEMA,
        "kind": "framework",
        "id": "ram",
        "title": "Ram",
        "members": [{"name": place} for place in places],
        "bodies": bodies,
    }
    return _text(framework)
