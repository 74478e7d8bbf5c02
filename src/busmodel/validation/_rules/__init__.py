"""The built-in rules, one module per area; :data:`BUILT_IN` lists them all."""

from typing import Final

from busmodel.validation._rule import Rule
from busmodel.validation._rules import (
    chair,
    compliance,
    extensions,
    forums,
    integrity,
    lifecycle,
    names,
    signatures,
    supersession,
    validity,
)

__all__ = ["BUILT_IN"]

_AREAS: Final = (
    integrity,
    validity,
    signatures,
    names,
    chair,
    forums,
    lifecycle,
    supersession,
    compliance,
    extensions,
)

BUILT_IN: Final[tuple[Rule, ...]] = tuple(
    value for area in _AREAS for value in vars(area).values() if isinstance(value, Rule)
)
"""Every built-in rule (the catalogue orders them by code)."""
