"""The validation layer: the rule catalogue, the engine, findings and the built-in rules.

Builds on ``busmodel.model`` and ``busmodel.format``; renders nothing (the
renderers are in ``busmodel.cli``).
"""

from busmodel.validation._batch import Batch, DocumentsRead, read_paths, validate_paths
from busmodel.validation._catalogue import (
    ENTRY_POINT_GROUP,
    Catalogue,
    register,
    rules,
    unregister,
)
from busmodel.validation._documents import Documents, Sourced
from busmodel.validation._engine import RuleError, validate
from busmodel.validation._findings import Exempted, Finding, Report, Severity, Skipped
from busmodel.validation._messages import Message
from busmodel.validation._rule import (
    Context,
    Example,
    Issue,
    Need,
    Options,
    Rule,
    Skip,
    Snippet,
    rule,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Batch",
    "Catalogue",
    "Context",
    "Documents",
    "DocumentsRead",
    "Example",
    "Exempted",
    "Finding",
    "Issue",
    "Message",
    "Need",
    "Options",
    "Report",
    "Rule",
    "RuleError",
    "Severity",
    "Skip",
    "Skipped",
    "Snippet",
    "Sourced",
    "read_paths",
    "register",
    "rule",
    "rules",
    "unregister",
    "validate",
    "validate_paths",
]
