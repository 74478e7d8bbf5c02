"""The built-in rules; importing this package registers them in the catalogue."""

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

__all__ = [
    "chair",
    "compliance",
    "extensions",
    "forums",
    "integrity",
    "lifecycle",
    "names",
    "signatures",
    "supersession",
    "validity",
]
