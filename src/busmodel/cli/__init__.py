"""The command-line layer: the ``busmodel`` command and the renderers.

The commands are ``validate``, ``rules``, ``show``, ``convert``, ``status``,
``renew``, ``extend``, ``plan`` and ``timeline``. The renderers present what the
layers below found: text for people (``file:line:col: CODE severity message``),
JSON for systems, SARIF for code-scanning dashboards, GitHub annotations, and the
timeline picture (SVG). It holds no document logic: ``busmodel validate PATH...``
is :func:`busmodel.validate_paths` and a renderer.
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
from busmodel.cli._timeline import timeline_svg

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
    "timeline_svg",
]
