"""The format layer: documents in TOML (for people) and JSON (for systems).

Parsing, the one cattrs converter, positions of values in the text, and the
registry of documents read from files. Builds on ``busmodel.model`` only.
"""

from busmodel.format._document import (
    DEFAULT_MAX_ITEMS,
    DEFAULT_MAX_SIZE,
    SCHEMA,
    SUPPORTED_SCHEMAS,
    BinaryFile,
    Document,
    Format,
    Loaded,
    dump,
    dumps,
    load,
    load_agreement,
    load_records,
    loads,
    read,
    read_stdin,
)
from busmodel.format._errors import DocumentError, Problem
from busmodel.format._ical import to_ical
from busmodel.format._positions import Position, Positions
from busmodel.format._registry import Entry, Registry

__all__ = [
    "DEFAULT_MAX_ITEMS",
    "DEFAULT_MAX_SIZE",
    "SCHEMA",
    "SUPPORTED_SCHEMAS",
    "BinaryFile",
    "Document",
    "DocumentError",
    "Entry",
    "Format",
    "Loaded",
    "Position",
    "Positions",
    "Problem",
    "Registry",
    "dump",
    "dumps",
    "load",
    "load_agreement",
    "load_records",
    "loads",
    "read",
    "read_stdin",
    "to_ical",
]
