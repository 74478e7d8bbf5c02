"""Name rules (NAM): bodies whose names are the same, or confusingly alike.

How NAM001 decides that two names are near-identical
----------------------------------------------------

Names are compared after :func:`_normal` (Unicode NFC, case folded, runs of
white space made one space) with :class:`difflib.SequenceMatcher`. Two names
are near-identical when either

* their similarity ratio is at least :data:`TYPO_RATIO` (0.90): a typo or a
  variant spelling, such as "Socialnämden" for "Socialnämnden" (0.96) or
  "Barn och ungdomsnämnden" for "Barn- och ungdomsnämnden"; or
* their ratio is at least :data:`LOOKALIKE_RATIO` (0.75), they have the same
  number of words, and they differ in exactly one word whose two versions start
  with the same letter: a word swapped for a look-alike, the way a writer who
  knows both names confuses them. This is the Alingsås mistake: "Barn- och
  utbildningsnämnden" for "Barn- och ungdomsnämnden" (0.81, "ungdomsnämnden" /
  "utbildningsnämnden").

The ratio alone cannot tell that mistake from real, different committees:
every committee name ends in "-nämnden", which lifts every pair, so "Barn- och
utbildningsnämnden" / "Kultur- och utbildningsnämnden" (0.86, two parties of
the same Alingsås agreement) and "Kultur- och fritidsnämnden" / "Kultur- och
utbildningsnämnden" (0.79) score as high as the mistake. The one-word,
same-first-letter condition keeps those apart, as well as "Socialnämnden" /
"Servicenämnden" (0.67). It is a heuristic, so the rule is a warning: names
that really differ but still look alike ("Samhällsbyggnadsnämnden" /
"Stadsbyggnadsnämnden") can be exempted in the document.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Final

from busmodel._bodies import BodyKind
from busmodel._catalogue import Context, Issue, rule
from busmodel._findings import Severity
from busmodel._text import Text

TYPO_RATIO: Final = 0.90
"""Names at least this similar are near-identical whatever their words."""
LOOKALIKE_RATIO: Final = 0.75
"""Names at least this similar are near-identical if one word is swapped for a look-alike."""

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Syfte and underskrifter)"


def _normal(name: str) -> str:
    """A name as compared: NFC, case folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _one_lookalike_word(first: str, second: str) -> bool:
    """Whether the names differ in exactly one word, and both versions start alike."""
    first_words, second_words = first.split(), second.split()
    if len(first_words) != len(second_words):
        return False
    differing = [(a, b) for a, b in zip(first_words, second_words, strict=True) if a != b]
    return len(differing) == 1 and differing[0][0][0] == differing[0][1][0]


def near_identical(first: str, second: str) -> bool:
    """Whether two different names are so alike that one may be a slip for the other.

    See the module documentation for the thresholds and why they were chosen.

    >>> near_identical("Barn- och ungdomsnämnden", "Barn- och utbildningsnämnden")
    True
    >>> near_identical("Kultur- och fritidsnämnden", "Kultur- och utbildningsnämnden")
    False
    """
    first, second = _normal(first), _normal(second)
    if first == second:
        return False
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < LOOKALIKE_RATIO or matcher.quick_ratio() < LOOKALIKE_RATIO:
        return False
    ratio = matcher.ratio()
    if ratio >= TYPO_RATIO:
        return True
    return ratio >= LOOKALIKE_RATIO and _one_lookalike_word(first, second)


@rule(
    "NAM001",
    title=Text(en="Names cannot be confused", sv="Namnen går inte att förväxla"),
    severity=Severity.WARNING,
    rationale=Text(
        en="Two bodies of the same kind with near-identical names are usually one body "
        "written in two ways. The Alingsås agreement names Barn- och utbildningsnämnden as "
        "a party, but Barn- och ungdomsnämnden signs and holds the chair.",
        sv="Två organ av samma slag med nästan samma namn är oftast ett organ skrivet på två "
        "sätt. Alingsås överenskommelse anger Barn- och utbildningsnämnden som part, men "
        "Barn- och ungdomsnämnden undertecknar och har ordförandeskapet.",
    ),
    source=_ALINGSAS,
)
def names_not_alike(context: Context) -> Iterator[Issue]:
    """Report a body whose name is near-identical to an earlier body's of the same kind."""
    earlier: dict[BodyKind, list[int]] = {}
    bodies = context.agreement.bodies
    for position, body in enumerate(bodies):
        seen = earlier.setdefault(body.kind, [])
        for other in seen:
            if bodies[other].id != body.id and near_identical(bodies[other].name, body.name):
                first = bodies[other].name
                yield Issue(
                    f"/bodies/{position}/name",
                    Text(
                        en=f"{body.name} has almost the same name as {first}, given earlier "
                        "in bodies: is the same body meant?",
                        sv=f"{body.name} har nästan samma namn som {first}, som står tidigare "
                        "under bodies: avses samma organ?",
                    ),
                    (f"/bodies/{other}/name",),
                )
        seen.append(position)


@rule(
    "NAM002",
    title=Text(en="One name, one id", sv="Ett namn, ett id"),
    severity=Severity.WARNING,
    rationale=Text(
        en="A body is given once and referred to by its id; the same name given with two "
        "ids splits one body in two, so references to it disagree.",
        sv="Ett organ anges en gång och hänvisas till med sitt id; samma namn angett med "
        "två id delar ett organ i två, så att hänvisningarna till det går isär.",
    ),
    source="busmodel document format (docs/format.md)",
)
def one_id_per_name(context: Context) -> Iterator[Issue]:
    """Report a body declared with the name of an earlier body under another id."""
    first: dict[str, int] = {}
    bodies = context.agreement.bodies
    for position, body in enumerate(bodies):
        earlier = first.setdefault(_normal(body.name), position)
        if earlier != position and bodies[earlier].id != body.id:
            other = bodies[earlier]
            yield Issue(
                f"/bodies/{position}/name",
                Text(
                    en=f"{body.name} is given twice in bodies, with the ids {other.id!r} and "
                    f"{body.id!r}",
                    sv=f"{body.name} anges två gånger under bodies, med id {other.id!r} och "
                    f"{body.id!r}",
                ),
                (f"/bodies/{earlier}/name",),
            )
