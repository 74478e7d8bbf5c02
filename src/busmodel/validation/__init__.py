"""The validation layer: the rule catalogue, the engine, findings and the built-in rules.

Builds on ``busmodel.model`` and ``busmodel.format``; renders nothing (the
renderers are in ``busmodel.cli``).
"""

from busmodel.validation._catalogue import (
    ENTRY_POINT_GROUP,
    Context,
    Issue,
    Need,
    Options,
    Rule,
    Skip,
    register,
    rule,
    rules,
    unregister,
)
from busmodel.validation._engine import RuleError, validate
from busmodel.validation._findings import Exempted, Finding, Report, Severity, Skipped

__all__ = [
    "ENTRY_POINT_GROUP",
    "Context",
    "Exempted",
    "Finding",
    "Issue",
    "Need",
    "Options",
    "Report",
    "Rule",
    "RuleError",
    "Severity",
    "Skip",
    "Skipped",
    "register",
    "rule",
    "rules",
    "unregister",
    "validate",
]
