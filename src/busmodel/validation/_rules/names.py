"""Name rules (NAM): bodies whose names are the same, or confusingly alike.

How names are compared
----------------------

Both rules compare names after :func:`busmodel.model._text.fold`: Unicode NFKC (so
fullwidth and other compatibility letters read as plain letters), format
characters (Unicode category Cf: zero-width spaces and joiners, soft hyphens,
bidirectional controls) removed, case folded, runs of white space made one
space. A name written with a zero-width space between every letter, or in
fullwidth letters, is the name it looks like. NAM002 reports two bodies whose
names fold alike; NAM001 leaves those to it.

How NAM001 decides that two names are near-identical
----------------------------------------------------

Folded names are compared with :class:`difflib.SequenceMatcher`, on their first
:data:`NAME_BOUND` (200) characters: no real body has a longer name, and
comparing longer texts costs time that grows with the square of their length.
Two names that agree on those characters but differ after them are
near-identical. Otherwise two names are near-identical when either

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

Slips and real bodies
---------------------

A case officer calls a name a slip when the writer meant one body and wrote
another's name: a letter wrong, or one compound swapped for a look-alike. Two
names that say *where* a body is, or that swap a whole word for an unrelated
one, name two real bodies. So two near-identical names are still told apart
(not reported) when

* they differ only in which municipality they belong to, among the
  municipalities the document names (its members, its municipality, and its
  bodies of kind municipality), written as a name, in the genitive, or with
  "kommun" or "stad": "Socialnämnden i Ale" / "Socialnämnden i Alingsås",
  "Melleruds kommun" / "Munkedals kommun", "Vårdcentralen Tibro" /
  "Vårdcentralen Tidaholm" in a framework of the 49 municipalities of Västra
  Götaland, or "Lilla Edet" for any other member, whatever the words;
* they differ in one word that follows "i" (or "in"), a place whether or not
  the document names it, and the two versions are more than one edit apart
  (a letter added, dropped, changed, or two swapped): "Barn- och
  utbildningsnämnden i Hjo" / "... i Tibro";
* they differ in one whole word that starts with another letter and is more
  than one edit from the other: "Barn- och ungdomsnämnden norra" / "... södra".

A misspelt place stays a slip ("Socialnämnden i Alingsas" for "... i
Alingsås": one edit, and "Alingsas" is no municipality the document names),
as does a typo in a first letter ("Aocialnämnden"), a look-alike compound in
a municipality ("Barn- och ungdomsnämnden i Alingsås" beside "Barn- och
utbildningsnämnden i Alingsås"), and a place the document does not name
written without "i" ("Vårdcentralen Ale" / "Vårdcentralen Alingsås": the
document should list the municipalities it covers). Names that differ in a
number ("distrikt 00001", "distrikt 00002") are compared as before.

Each body is reported once, against the first body given before it, of the same
kind, whose name is near-identical to its own and not told apart from it.

How NAM001 avoids comparing every pair
--------------------------------------

Comparing every pair of names would take time that grows with the square of
the number of bodies. Instead each name is compared only with the earlier
names that could be near-identical to it, found through two indexes that never
leave out such a name:

* A ratio of at least :data:`TYPO_RATIO` means that the two names have many
  pairs of adjacent letters (bigrams) in common. SequenceMatcher matches ``M``
  letters in blocks; the blocks are separated by unmatched letters, so there
  are at most ``T - 2M + 1`` of them (``T`` the two lengths together), and the
  names share at least ``3M - T - 1`` bigrams. A ratio ``2M/T`` of at least
  ``r`` also bounds the other length (at least ``r / (2 - r)`` of this one).
  Names that must share ``t`` bigrams share one among the ``len - t + 1``
  rarest of each (prefix filtering): each name is indexed under its rarest
  bigrams, by its length, and looks up, for each length it may be a typo of,
  only as many of its own rarest bigrams as that length calls for. Of the
  names found, only those that share the ``t`` bigrams are compared.
* The one-word rule needs all words but one equal, in place, and the other to
  start with the same letter: each name is indexed under each of its words
  replaced by its first letter.
* Names that name a municipality the document names are grouped by their
  template, the name with the municipality taken out ("socialnämnden i …").
  Two names of one template in different municipalities are always told apart
  (see above), so the indexes keep, under each key, the names of each template
  apart, and a name looks only at the earlier names of other templates and of
  its own template in its own municipality. In a county framework, where every
  template recurs in every municipality, each name would otherwise be turned
  down against every earlier variant of its template, one by one: the search
  would grow with the number of bodies times the number of municipalities.

The earlier names an index gives are compared in document order, and the search
stops at the first near-identical one that is not told apart. The conditions
that tell names apart only ever turn pairs down, so the indexes still leave
out no name that could be reported. Up to :data:`_FEW` (12) names of one kind,
the indexes cost more to build than they save, and each name is compared with
every earlier one: both ways find the same.

No index prunes well when thousands of names share most of their letters and
differ in a few digits ("Nämnd 3a1f för område 12", "Nämnd 1b07 för område
13", ...): every earlier name may pass every bound. So the work is bounded:
NAM001 looks at no more than :data:`COMPARISON_BUDGET` earlier names in one
agreement, about half a second of work (a county framework of the 49
municipalities of Västra Götaland with eight bodies each looks at about 500, a
framework of all 290 municipalities at 10,000 to 20,000, depending on how alike
their names are). An agreement that exhausts it gets, besides the findings up to
there, a finding at the first body not wholly checked that says the comparison
stopped there.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from difflib import SequenceMatcher
from fractions import Fraction
from itertools import chain
from typing import Final

import attrs

from busmodel.model._agreement import Agreement
from busmodel.model._bodies import Body, BodyKind
from busmodel.model._text import Text, fold
from busmodel.validation._findings import Severity
from busmodel.validation._messages import Message
from busmodel.validation._rule import Context, Example, Issue, rule
from busmodel.validation._rules._common import municipality_key
from busmodel.validation._rules._examples import AGREEMENT, insert_after

TYPO_RATIO: Final = 0.90
"""Names at least this similar are near-identical whatever their words."""
LOOKALIKE_RATIO: Final = 0.75
"""Names at least this similar are near-identical if one word is swapped for a look-alike."""
NAME_BOUND: Final = 200
"""How many characters of a folded name NAM001 compares."""
COMPARISON_BUDGET: Final = 100_000
"""How many earlier names NAM001 looks at, at most, in one agreement.

A look costs a few microseconds, whether the bounds turn the name down or the
ratio is worked out, so the budget is about half a second. The indexes keep real
agreements far below it: a county framework of the 49 municipalities of Västra
Götaland with eight bodies each (392 bodies, names that differ by the
municipality) looks at about 500, one of all 290 municipalities (2,320 bodies) at
10,000 to 20,000. An agreement built to exhaust it gets a finding that says where
the comparison stopped, in a fraction of a second instead of minutes."""

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Syfte and underskrifter)"
_TYPO: Final = Fraction(TYPO_RATIO).limit_denominator(1000)

_Token = str
"""A bigram of a name, followed by which of its occurrences it is after the first.

Plain strings, not tuples: thousands of names make tens of thousands of tokens,
and strings are cheaper to hash and are no work for the garbage collector."""
_WordKey = int
"""A name with one word replaced by its first letter, hashed.

Two different keys that hash alike only make an extra candidate, which the full
comparison then turns down."""


def _one_lookalike_word(first: str, second: str) -> bool:
    """Whether the names differ in exactly one word, and both versions start alike."""
    first_words, second_words = first.split(), second.split()
    if len(first_words) != len(second_words):
        return False
    differing = [(a, b) for a, b in zip(first_words, second_words, strict=True) if a != b]
    return len(differing) == 1 and differing[0][0][0] == differing[0][1][0]


_WORD = re.compile(r"\w+")
_PLACE = "\x00"
"""What a municipality's name is replaced by in a name's template."""
_PLACE_WORDS: Final = 4
"""The most words of a municipality's name NAM001 looks for ("Lilla Edet" has two)."""
_SUFFIXES: Final = (" kommuns", " kommun", " stads", " stad")
_PREPOSITIONS: Final = frozenset({"i", "in"})


@attrs.frozen
class _Places:
    """The municipalities a document names, as NAM001 finds them in the names of bodies.

    ``forms`` maps each way a municipality is written in a name (folded: "lerum",
    "lerums", "dals-ed", "dals-eds") to the municipality, as
    :func:`~busmodel.validation._rules._common.municipality_key` gives it.
    """

    forms: Mapping[str, str]
    longest: int

    @classmethod
    def of(cls, names: Iterable[str]) -> _Places:
        forms: dict[str, str] = {}
        for name in names:
            base = fold(name)
            for suffix in _SUFFIXES:
                if base.endswith(suffix) and len(base) > len(suffix):
                    base = base[: -len(suffix)]
                    break
            genitive = base[:-1] if base.endswith("s") else base + "s"
            key = municipality_key(name)
            for form in (base, genitive):
                if len(_WORD.findall(form)) <= _PLACE_WORDS:
                    forms.setdefault(form, key)
        longest = max((len(_WORD.findall(form)) for form in forms), default=0)
        return cls(forms, longest)

    @classmethod
    def named_in(cls, agreement: Agreement) -> _Places:
        """The municipalities an agreement names: members, its municipality, bodies of that kind."""
        names = [member.name for member in agreement.members]
        if agreement.municipality is not None:
            names.append(agreement.municipality.name)
        names += [body.name for body in agreement.bodies if body.kind is BodyKind.MUNICIPALITY]
        return cls.of(names)

    def template(self, folded: str) -> tuple[str, tuple[str, ...]]:
        """``folded`` with each municipality's name replaced, and the municipalities, in order.

        The longest name at each word wins: "Lilla Edet" before "Lilla".
        """
        if not self.forms:
            return folded, ()
        words = list(_WORD.finditer(folded))
        parts: list[str] = []
        places: list[str] = []
        done, i = 0, 0
        while i < len(words):
            for j in range(min(i + self.longest, len(words)) - 1, i - 1, -1):
                start, end = words[i].start(), words[j].end()
                place = self.forms.get(folded[start:end])
                if place is not None:
                    parts += [folded[done:start], _PLACE]
                    places.append(place)
                    done, i = end, j + 1
                    break
            else:
                i += 1
        return "".join([*parts, folded[done:]]), tuple(places)


_NO_PLACES: Final = _Places({}, 0)


def _one_edit(first: str, second: str) -> bool:
    """Whether two words are at most one edit apart: a letter added, dropped, changed or swapped.

    >>> _one_edit("alingsås", "alingsas"), _one_edit("ale", "alingsås")
    (True, False)
    """
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        differ = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
        if len(differ) <= 1:
            return True
        i = differ[0]
        return differ == [i, i + 1] and (first[i], first[i + 1]) == (second[i + 1], second[i])
    short, long = sorted((first, second), key=len)
    i = next(
        (i for i, (a, b) in enumerate(zip(short, long[: len(short)], strict=True)) if a != b),
        len(short),
    )
    return short[i:] == long[i + 1 :]


def _distinct(first: _Name, second: _Name) -> bool:
    """Whether two near-identical names still name two bodies, not one body written twice.

    They do when they differ only in which municipality the document names they
    belong to, or in one whole word that is no slip of the other: a word after
    "i" (a place), or a word that starts with another letter, more than one edit
    away from the other.
    """
    if first.places and first.template == second.template and first.places != second.places:
        return True
    first_words, second_words = first.compared.split(), second.compared.split()
    if len(first_words) != len(second_words):
        return False
    differing = [
        i for i, (a, b) in enumerate(zip(first_words, second_words, strict=True)) if a != b
    ]
    if len(differing) != 1:
        return False
    i = differing[0]
    a, b = first_words[i], second_words[i]
    after_preposition = i > 0 and first_words[i - 1] in _PREPOSITIONS
    return (after_preposition or a[0] != b[0]) and not _one_edit(a, b)


class _Matcher:
    """A :class:`difflib.SequenceMatcher` of one name, made only when a ratio is needed.

    Making one indexes the name's letters, which costs more than the bounds that
    turn most pairs down without it.
    """

    __slots__ = ("_matcher", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self._matcher: SequenceMatcher[str] | None = None

    def against(self, other: str) -> SequenceMatcher[str]:
        """The matcher of ``other`` (its first sequence) against the name."""
        if self._matcher is None:
            self._matcher = SequenceMatcher(None, "", self.name, autojunk=False)
        self._matcher.set_seq1(other)
        return self._matcher


def _alike(matcher: _Matcher, first: str, *, one_word: bool = True) -> bool:
    """Whether ``first`` is near-identical to the name ``matcher`` holds.

    Both are folded names cut to :data:`NAME_BOUND`, of names that fold differently.
    ``one_word`` is False when the names are known not to differ in just one word.
    Names that do not differ in one look-alike word are alike only by the typo
    ratio, so the quick bounds test that; the full ratio, the dear part, is worked
    out only when the bounds leave it open.
    """
    second = matcher.name
    if first == second:
        return True  # alike as far as they are compared; different after that
    lookalike = one_word and _one_lookalike_word(first, second)
    least = LOOKALIKE_RATIO if lookalike else TYPO_RATIO
    total = len(first) + len(second)
    if 2.0 * min(len(first), len(second)) / total < least:  # as real_quick_ratio has it
        return False
    compared = matcher.against(first)
    if compared.quick_ratio() < least:
        return False
    ratio = compared.ratio()
    return ratio >= TYPO_RATIO or (lookalike and ratio >= LOOKALIKE_RATIO)


def near_identical(first: str, second: str, places: Iterable[str] = ()) -> bool:
    """Whether two different names are so alike that one may be a slip for the other.

    See the module documentation for the thresholds and why they were chosen.
    Names that fold alike are not "different": they are NAM002's. ``places`` are
    the names of the municipalities the document names.

    >>> near_identical("Barn- och ungdomsnämnden", "Barn- och utbildningsnämnden")
    True
    >>> near_identical("Kultur- och fritidsnämnden", "Kultur- och utbildningsnämnden")
    False
    >>> near_identical("So\u200bcial\u200bnämden", "Socialnämnden")
    True
    >>> near_identical("Vårdcentralen Ale", "Vårdcentralen Alingsås", ["Ale", "Alingsås"])
    False
    """
    known = _Places.of(places)
    one, other = _Name.of(first, known), _Name.of(second, known)
    if one.folded == other.folded:
        return False
    return _alike(_Matcher(other.compared), one.compared) and not _distinct(one, other)


def _bigrams(name: str) -> list[_Token]:
    """The bigrams of ``name``, each numbered by its occurrence, so that they are all distinct.

    >>> sorted(_bigrams("anna"))
    ['an', 'na', 'nn']
    >>> sorted(_bigrams("aaaa"))
    ['aa', 'aa2', 'aa3']
    """
    bigrams = list(map(str.__add__, name, name[1:]))
    distinct = set(bigrams)
    if len(distinct) == len(bigrams):  # each bigram once
        return bigrams
    counts = Counter(bigrams)
    again = (f"{b}{n}" for b, count in counts.items() if count > 1 for n in range(2, count + 1))
    return [*distinct, *again]


@functools.cache
def _lengths(length: int) -> range:
    """The lengths of the names that a name of ``length`` can be a typo of."""
    shortest = math.ceil(length * _TYPO / (2 - _TYPO))
    return range(shortest, math.floor(length * (2 - _TYPO) / _TYPO) + 1)


@functools.cache
def _shared(total: int) -> int:
    """How many bigrams two names, ``total`` letters together, share at least if one is a typo.

    SequenceMatcher matches ``M >= TYPO_RATIO * total / 2`` letters in at most
    ``total - 2M + 1`` blocks, so they share at least ``3M - total - 1`` bigrams.
    """
    return 3 * math.ceil(_TYPO * total / 2) - total - 1


@functools.cache
def _indexed(length: int) -> int:
    """How many of its rarest bigrams a name of ``length`` is indexed under."""
    return max(length - min((_shared(length + n) for n in _lengths(length)), default=length), 0)


def _word_keys(name: str) -> set[_WordKey]:
    """``name`` with each of its words in turn replaced by its first letter."""
    words = name.split()
    before = [0]
    for word in words:
        before.append(hash((before[-1], word)))
    after = [0]
    for word in reversed(words):
        after.append(hash((word, after[-1])))
    after.reverse()
    return {hash((len(words), i, before[i], word[0], after[i + 1])) for i, word in enumerate(words)}


@attrs.frozen
class _Name:
    """A name as NAM001 compares it, with what its indexes need."""

    folded: str
    """The whole name, folded."""
    compared: str
    """The folded name cut to :data:`NAME_BOUND`."""
    bigrams: frozenset[_Token]
    keys: frozenset[_WordKey]
    template: str
    """The folded name with the name of each municipality the document names replaced."""
    places: tuple[str, ...]
    """Those municipalities, in order."""

    @classmethod
    def of(cls, name: str, places: _Places = _NO_PLACES, *, indexed: bool = True) -> _Name:
        """``name`` folded; ``indexed``: with the bigrams and word keys the indexes need."""
        folded = fold(name)
        compared = folded[:NAME_BOUND]
        template, found = places.template(folded)
        if not indexed:
            return cls(folded, compared, frozenset(), frozenset(), template, found)
        return cls(
            folded,
            compared,
            frozenset(_bigrams(compared)),
            frozenset(_word_keys(compared)),
            template,
            found,
        )

    @property
    def group(self) -> str | None:
        """The template of a name that names a municipality, which its variants share.

        Names of one group in different municipalities are always told apart.
        """
        return self.template if self.places else None


_Postings = dict[str | None, list[int]]
"""The names indexed under one key, in document order, by their :attr:`_Name.group`."""
_FEW: Final = 12
"""Up to this many names of one kind are compared each with every earlier one."""


class _Budget:
    """How many more earlier names NAM001 may look at; bounds its time on hostile input."""

    def __init__(self, left: int) -> None:
        self.left = left

    def spend(self, position: int) -> None:
        self.left -= 1
        if self.left < 0:
            raise _BudgetSpentError(position)


class _BudgetSpentError(Exception):
    """Raised when the budget runs out, at the first body not wholly checked."""

    def __init__(self, position: int) -> None:
        super().__init__(position)
        self.position = position


def _first_alike(
    positions: Sequence[int],
    bodies: Sequence[Body],
    budget: _Budget,
    places_named: Callable[[], _Places],
) -> Iterator[tuple[int, int]]:
    """``(position, earlier position)`` for each body near-identical to an earlier one.

    ``positions`` are the bodies of one kind, in document order; the earlier
    position is the first near-identical one. Each earlier name looked at spends
    ``budget``; :class:`_BudgetSpentError` names the body being checked when it
    runs out. ``places_named`` gives the municipalities the document names, worked
    out only where they are needed.
    """
    if len(positions) <= _FEW:
        yield from _first_alike_of_few(positions, bodies, budget, places_named)
        return
    places = places_named()
    names = {p: _Name.of(bodies[p].name, places) for p in positions}
    frequency = Counter(chain.from_iterable(name.bigrams for name in names.values()))
    # One total order of all bigrams, rarest first, the same for every name.
    rank = {token: i for i, token in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))}
    by_bigram: dict[tuple[int, _Token], _Postings] = {}
    by_words: dict[_WordKey, _Postings] = {}
    same_places: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    lengths: list[int] = []  # the lengths indexed so far, in order
    for position in positions:
        name, body = names[position], bodies[position]
        size = len(name.compared)
        rarest = sorted(name.bigrams, key=rank.__getitem__)
        group = name.group
        postings = [by_words[key] for key in name.keys if key in by_words]
        allowed = _lengths(size)
        for length in lengths[
            bisect_left(lengths, allowed.start) : bisect_right(lengths, allowed.stop - 1)
        ]:
            probed = rarest[: max(size - _shared(size + length), 0)]
            postings += [by_bigram[length, t] for t in probed if (length, t) in by_bigram]
        # Earlier names of this name's template in other municipalities are told apart
        # from it (see _distinct): they are left out of the search, not looked at one by one.
        candidates = [
            found for posting in postings for g, found in posting.items() if g is None or g != group
        ]
        if group is not None and (group, name.places) in same_places:
            candidates.append(same_places[group, name.places])
        matcher = _Matcher(name.compared)
        last = -1
        for other in heapq.merge(*candidates):
            if other == last:
                continue
            last = other
            budget.spend(position)
            earlier = names[other]
            if bodies[other].id == body.id or earlier.folded == name.folded:
                continue
            one_word = not name.keys.isdisjoint(earlier.keys)
            if not one_word:  # then only a typo, which shares many bigrams
                other_size = len(earlier.compared)
                if other_size not in allowed:
                    continue
                if len(name.bigrams & earlier.bigrams) < _shared(size + other_size):
                    continue
            if _alike(matcher, earlier.compared, one_word=one_word) and not _distinct(
                earlier, name
            ):
                yield position, other
                break
        if size >= 2:
            for token in rarest[: _indexed(size)]:
                by_bigram.setdefault((size, token), {}).setdefault(group, []).append(position)
            if size not in lengths:
                insort(lengths, size)
        for key in name.keys:
            by_words.setdefault(key, {}).setdefault(group, []).append(position)
        if group is not None:
            same_places.setdefault((group, name.places), []).append(position)


def _first_alike_of_few(
    positions: Sequence[int],
    bodies: Sequence[Body],
    budget: _Budget,
    places_named: Callable[[], _Places],
) -> Iterator[tuple[int, int]]:
    """:func:`_first_alike` for a handful of names: every earlier name, without indexes.

    Building the indexes costs more than comparing a few names directly, and the
    indexes only ever leave out names that cannot be reported, so both find the same.
    """
    named: dict[int, _Name] = {}  # with their templates, made for the names found alike

    def name_of(position: int) -> _Name:
        if position not in named:
            named[position] = _Name.of(bodies[position].name, places_named(), indexed=False)
        return named[position]

    names: list[tuple[int, str]] = []
    for position in positions:
        body = bodies[position]
        folded = fold(body.name)
        matcher = _Matcher(folded[:NAME_BOUND])
        for other, earlier in names:
            budget.spend(position)
            if bodies[other].id == body.id or earlier == folded:
                continue
            if _alike(matcher, earlier[:NAME_BOUND]) and not _distinct(
                name_of(other), name_of(position)
            ):
                yield position, other
                break
        names.append((position, folded))


def _written(number: int) -> Text:
    """A large number as each language writes it: ``20,000``, ``20 000``.

    >>> _written(20_000)
    Text(en='20,000', sv='20 000')
    """
    return Text(en=f"{number:,}", sv=f"{number:,}".replace(",", " "))


_NAMED = insert_after(
    insert_after(
        AGREEMENT.replace('parties = ["sn", "bun"]', 'parties = ["sn", "bun", "kun"]'),
        '    { id = "bun"',
        '    { id = "kun", name = "Kultur- och utbildningsnämnden", kind = "committee" },',
    ),
    '    { body = "bun"',
    '    { body = "kun", date = 2022-12-19 },',
)
"""The agreement with a third committee whose name differs clearly from the others':
the good example of NAM001."""


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
    name="names-not-near-identical",
    messages={
        "default": Message(
            en="{body} has almost the same name as {earlier}, given earlier in bodies: "
            "is the same body meant?",
            sv="{body} har nästan samma namn som {earlier}, som står tidigare under bodies: "
            "avses samma organ?",
        ),
        "stopped": Message(
            en="the names were compared up to here and no further: so many bodies have "
            "similar names that comparing them all would take too long (more than "
            "{comparisons} comparisons); check the names from here on by hand",
            sv="namnen jämfördes hit men inte längre: så många organ har liknande namn "
            "att det skulle ta för lång tid att jämföra alla (mer än {comparisons} "
            "jämförelser); granska namnen härifrån för hand",
        ),
    },
    example=Example(
        bad=_NAMED.replace(
            'name = "Kultur- och utbildningsnämnden"', 'name = "Barn- och utbildningsnämnden"'
        ),
        good=_NAMED,
    ),
)
def names_not_alike(context: Context) -> Iterator[Issue]:
    """Report a body whose name is near-identical to an earlier body's of the same kind."""
    bodies = context.agreement.bodies
    kinds: dict[BodyKind, list[int]] = {}
    for position, body in enumerate(bodies):
        kinds.setdefault(body.kind, []).append(position)
    found: dict[int, int] = {}
    budget = _Budget(COMPARISON_BUDGET)
    named: list[_Places] = []

    def places() -> _Places:  # the municipalities named, found when first needed
        if not named:
            named.append(_Places.named_in(context.agreement))
        return named[0]

    stopped: int | None = None
    for positions in kinds.values():
        try:
            found.update(_first_alike(positions, bodies, budget, places))
        except _BudgetSpentError as out:
            stopped = out.position
            break
    for position in sorted(found):
        other = found[position]
        yield Issue(
            f"/bodies/{position}/name",
            related=(f"/bodies/{other}/name",),
            values={"body": bodies[position].name, "earlier": bodies[other].name},
        )
    if stopped is not None:
        yield Issue.at(
            f"/bodies/{stopped}/name", "stopped", comparisons=_written(COMPARISON_BUDGET)
        )


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
    messages={
        "default": Message(
            en="{body} is given twice in bodies, with the ids {first_id!r} and {id!r}",
            sv="{body} anges två gånger under bodies, med id {first_id!r} och {id!r}",
        ),
        "written-differently": Message(
            en="{body} is given twice in bodies, with the ids {first_id!r} and {id!r} "
            "(written {first_name!r} and {body!r})",
            sv="{body} anges två gånger under bodies, med id {first_id!r} och {id!r} "
            "(skrivet {first_name!r} och {body!r})",
        ),
    },
    example=Example(
        bad=insert_after(
            AGREEMENT,
            '    { id = "bun"',
            '    { id = "socialnamnden", name = "Socialnämnden", kind = "committee" },',
        ),
        good=AGREEMENT,
    ),
)
def one_id_per_name(context: Context) -> Iterator[Issue]:
    """Report a body declared with the name of an earlier body under another id.

    Names are the same when they fold alike (see the module documentation); when
    they are not written exactly alike, the message shows both as written, with
    any invisible characters escaped.
    """
    first: dict[str, int] = {}
    bodies = context.agreement.bodies
    for position, body in enumerate(bodies):
        earlier = first.setdefault(fold(body.name), position)
        if earlier != position and bodies[earlier].id != body.id:
            other = bodies[earlier]
            yield Issue(
                f"/bodies/{position}/name",
                related=(f"/bodies/{earlier}/name",),
                values={
                    "body": body.name,
                    "id": body.id,
                    "first_id": other.id,
                    "first_name": other.name,
                },
                template="default" if other.name == body.name else "written-differently",
            )
