"""The catalogue: an immutable set of rules, and the default one.

The default catalogue (the built-in rules, the entry-point plug-ins and rules
registered in the process) is built once, on first use, under a lock, so that many
threads see the same complete catalogue. :func:`register` and :func:`unregister`
replace it with a new immutable :class:`Catalogue`; a validation already running
keeps the one it took.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, Final, TypeVar, cast

import attrs

from busmodel.model import BusmodelError
from busmodel.validation._rule import Check, Rule

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "ENTRY_POINT_GROUP",
    "Catalogue",
    "as_patterns",
    "default_catalogue",
    "derived",
    "register",
    "rules",
    "unregister",
]

_T = TypeVar("_T")

ENTRY_POINT_GROUP: Final = "busmodel.rules"
"""Plug-ins name a :class:`Rule`, an iterable of rules, or a module holding rules."""


def as_patterns(given: Iterable[str] | None) -> tuple[str, ...]:
    """Codes, prefixes or names; a single string is one, not a sequence of letters."""
    if given is None:
        return ()
    return (given,) if isinstance(given, str) else tuple(given)


def _matches(rule: Rule, pattern: str) -> bool:
    """Whether ``pattern`` (a code, a code prefix, or a name) picks ``rule``."""
    return rule.code.startswith(pattern.upper()) or rule.name == pattern.lower()


def _sorted_rules(given: Iterable[Rule]) -> tuple[Rule, ...]:
    """The rules by code, each the same rule given twice kept once."""
    kept: list[Rule] = []
    for item in given:
        if not any(item is other or _same(item, other) for other in kept):
            kept.append(item)
    return tuple(sorted(kept, key=lambda r: getattr(r, "code", "")))


def _unique(
    instance: Catalogue, _: attrs.Attribute[tuple[Rule, ...]], given: tuple[Rule, ...]
) -> None:
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for item in given:
        if not isinstance(item, Rule):
            raise BusmodelError(f"expected a Rule, got {type(item).__name__}")
        for key, seen in ((item.code, codes), (item.name, names)):
            if key in seen and not _same(seen[key], item):
                raise BusmodelError(f"two different rules in the catalogue are called {key!r}")
            seen[key] = item


def _same(one: Rule, other: Rule) -> bool:
    """The same rule: equal metadata and the same check (as a re-imported module gives)."""
    return one == other and _qualname(one.check) == _qualname(other.check)


def _qualname(check: Check) -> str:
    return getattr(check, "__qualname__", repr(check))


@attrs.frozen
class Catalogue:
    """An immutable set of rules, ordered by code, each code and name used once.

    >>> from busmodel import Catalogue
    >>> catalogue = Catalogue.default()
    >>> catalogue["chair-is-party"].code, "CHR001" in catalogue
    ('CHR001', True)
    >>> [r.code for r in catalogue.select(["CHR00"], ignore=["chair-is-party"])][:2]
    ['CHR002', 'CHR003']
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_sorted_rules, validator=_unique)
    _keys: dict[str, Rule] = attrs.field(init=False, repr=False, eq=False)
    _memo: dict[Hashable, object] = attrs.field(init=False, repr=False, eq=False)
    """What is derived from the rules and asked for again (selections, the engine's plans),
    kept: the catalogue never changes, so neither do they."""

    def __attrs_post_init__(self) -> None:
        keys = {**{r.code: r for r in self.rules}, **{r.name: r for r in self.rules}}
        object.__setattr__(self, "_keys", keys)
        object.__setattr__(self, "_memo", {})

    @classmethod
    def default(cls) -> Catalogue:
        """The default catalogue: the built-in rules, the plug-ins, and registered rules."""
        return default_catalogue()

    @classmethod
    def built_in(cls) -> Catalogue:
        """The rules that come with busmodel, and nothing else: one catalogue, made once.

        Being one, it keeps what :func:`busmodel.validate` works out for a selection
        from one call to the next, as the default catalogue does.
        """
        global _built_in
        from busmodel.validation._rules import BUILT_IN  # on first use: import stays quick

        if cls is not Catalogue:  # a catalogue of a kind of its own is not kept
            return cls(BUILT_IN)
        if _built_in is None:
            with _BUILT_IN_LOCK:  # not _LOCK: the default catalogue is built under it
                if _built_in is None:
                    _built_in = cls(BUILT_IN)
        return _built_in

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __getitem__(self, key: str) -> Rule:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str) -> Rule | None:
        """The rule with the code or name ``key``, or None."""
        return self._keys.get(key)

    def with_rules(self, *added: Rule) -> Catalogue:
        """The catalogue with ``added`` (adding a rule that is already in is harmless)."""
        return Catalogue([*self.rules, *added])

    def without(self, *keys: str) -> Catalogue:
        """The catalogue without the rules whose code or name is in ``keys``."""
        return Catalogue(r for r in self.rules if r.code not in keys and r.name not in keys)

    def select(
        self, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
    ) -> tuple[Rule, ...]:
        """The rules picked by a ``select`` entry (all, if None) and by no ``ignore`` entry.

        Entries are codes, code prefixes (``"SIG"``) or names (``"every-party-signs"``).
        """
        chosen = None if select is None else as_patterns(select)
        ignored = as_patterns(ignore)
        return derived(self, ("select", chosen, ignored), lambda: self._select(chosen, ignored))

    def _select(self, chosen: tuple[str, ...] | None, ignored: tuple[str, ...]) -> tuple[Rule, ...]:
        return tuple(
            r
            for r in self.rules
            if (chosen is None or any(_matches(r, p) for p in chosen))
            and not any(_matches(r, p) for p in ignored)
        )

    def unknown(self, patterns: Iterable[str]) -> tuple[str, ...]:
        """The entries of ``patterns`` that pick no rule here (most likely typos).

        >>> Catalogue.default().unknown(["SIG", "XYZ", "chair-is-party", "chair-is-partly"])
        ('XYZ', 'chair-is-partly')
        """
        known = derived(self, "prefixes", self._prefixes)
        return tuple(p for p in as_patterns(patterns) if not _known(known, p))

    def _prefixes(self) -> tuple[frozenset[str], frozenset[str]]:
        """Every prefix of every code (the empty one too), and every name."""
        prefixes = {r.code[:end] for r in self.rules for end in range(len(r.code) + 1)}
        return frozenset(prefixes), frozenset(r.name for r in self.rules)


_MEMO_SIZE: Final = 256
"""How many derived values a catalogue keeps; past that it starts over (a caller
that selects rules in many different ways must not make a catalogue grow without end)."""


def derived(catalogue: Catalogue, key: Hashable, build: Callable[[], _T]) -> _T:
    """``build()``, worked out once for ``catalogue`` and ``key`` and kept with it.

    ``key`` names what ``build`` derives from the catalogue's rules (and must say
    everything it depends on); the value must be immutable: it is shared by every
    caller, in every thread. Threads that ask at once may each build it, and
    equal values are kept; a key that cannot be hashed is built and not kept.
    """
    memo = catalogue._memo
    try:
        return cast("_T", memo[key])
    except KeyError:
        pass
    except TypeError:  # an unhashable key: a select or ignore entry that is not a string
        return build()
    value = build()
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


def _known(known: tuple[frozenset[str], frozenset[str]], pattern: str) -> bool:
    """Whether ``pattern`` picks a rule: what ``_matches`` says of some rule, looked up."""
    prefixes, names = known
    return pattern.upper() in prefixes or pattern.lower() in names


_LOCK: Final = threading.Lock()
_current: Catalogue | None = None


def entry_points(*, group: str) -> Iterable[EntryPoint]:
    """The installed entry points of ``group`` (``importlib.metadata`` loads on first use)."""
    from importlib import metadata

    return metadata.entry_points(group=group)


def _plugin_rules(loaded: object) -> list[Rule]:
    """The rules a plug-in's entry point names: a rule, rules, or a module's rules."""
    import types

    if isinstance(loaded, Rule):
        return [loaded]
    if isinstance(loaded, types.ModuleType):
        return [value for value in vars(loaded).values() if isinstance(value, Rule)]
    if isinstance(loaded, Iterable) and not isinstance(loaded, str | bytes):
        found = list(loaded)
        for item in found:
            if not isinstance(item, Rule):
                raise BusmodelError(f"expected a Rule, got {type(item).__name__}")
        return found
    raise BusmodelError(f"expected a Rule, rules or a module, got {type(loaded).__name__}")


def _build() -> Catalogue:
    added: list[Rule] = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry.load()
        except Exception as error:
            raise BusmodelError(
                f"rule plugin {entry.name!r} ({entry.value}) failed to load: {error}"
            ) from error
        try:
            added += _plugin_rules(loaded)
        except BusmodelError as error:
            raise BusmodelError(f"rule plugin {entry.name!r} ({entry.value}): {error}") from None
    return Catalogue.built_in().with_rules(*added)


_built_in: Catalogue | None = None
"""The built-in catalogue, made on first use (see :meth:`Catalogue.built_in`)."""
_BUILT_IN_LOCK: Final = threading.Lock()


def default_catalogue() -> Catalogue:
    """The default catalogue, built on first use."""
    global _current
    current = _current
    if current is not None:
        return current
    with _LOCK:
        if _current is None:
            _current = _build()
        return _current


def rules() -> tuple[Rule, ...]:
    """Every rule of the default catalogue, built-in and plug-in, ordered by code."""
    return default_catalogue().rules


def register(new: Rule) -> Rule:
    """Add ``new`` to the default catalogue; a different rule with its code or name is an error.

    Prefer passing a :class:`Catalogue` to :func:`busmodel.validate`: registering
    changes what every later validation in the process runs.
    """
    global _current
    default_catalogue()
    with _LOCK:
        assert _current is not None
        _current = _current.with_rules(new)
    return new


def unregister(key: str) -> None:
    """Remove the rule with code or name ``key`` from the default catalogue, if it is there."""
    global _current
    default_catalogue()
    with _LOCK:
        assert _current is not None
        _current = _current.without(key)
