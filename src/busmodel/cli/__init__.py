"""The command-line layer: ``busmodel validate``, ``rules``, ``show`` and ``convert``.

Argument parsing, the commands, and the renderers that present what the layers
below found: text for people (``file:line:col: CODE severity message``), JSON for
systems, SARIF for code-scanning dashboards and GitHub annotations. It holds no
document logic: ``busmodel validate PATH...`` is :func:`busmodel.validate_paths`
and a renderer.
"""

from busmodel.cli._github import github_annotations
from busmodel.cli._json import REPORT_SCHEMA, batch_data, problems_data, report_data
from busmodel.cli._main import (
    EXIT_ERRORS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    main,
)
from busmodel.cli._rules_doc import rule_data, rule_page, rules_markdown
from busmodel.cli._sarif import sarif_log
from busmodel.cli._show import describe
from busmodel.cli._text import Style, render_problems, render_report, render_text

__all__ = [
    "EXIT_ERRORS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "EXIT_USAGE",
    "REPORT_SCHEMA",
    "Style",
    "batch_data",
    "describe",
    "github_annotations",
    "main",
    "problems_data",
    "render_problems",
    "render_report",
    "render_text",
    "report_data",
    "rule_data",
    "rule_page",
    "rules_markdown",
    "sarif_log",
]
