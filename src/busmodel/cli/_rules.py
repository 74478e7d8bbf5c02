"""``busmodel rules``: the catalogue, or one rule's page with a bad and a fixed example."""

from __future__ import annotations

import argparse
from typing import Any, BinaryIO

from busmodel.cli._common import EXIT_OK, Stream, usage_error, write_json
from busmodel.cli._rules_doc import rule_data, rule_page, rules_markdown
from busmodel.model._text import Lang
from busmodel.validation import Catalogue

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    """Add ``rules`` to the subcommands."""
    listing = commands.add_parser(
        "rules",
        help="list the rule catalogue, or show one rule with a bad and a good example",
    )
    listing.add_argument(
        "rules",
        nargs="*",
        metavar="CODE",
        help="rule codes, prefixes or names to show (all rules are listed without one)",
    )
    listing.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    listing.add_argument("--lang", choices=("sv", "en"), default="en")
    listing.set_defaults(run=run, usage=listing.format_usage(), prog=listing.prog)


def run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    """List the catalogue, or show the rules asked for."""
    catalogue = Catalogue.default()
    lang: Lang = args.lang
    chosen = catalogue.rules
    if args.rules:
        unknown = catalogue.unknown(args.rules)
        if unknown:
            names = ", ".join(repr(code) for code in unknown)
            return usage_error(args, err, f"no rule has the code or name {names}")
        chosen = catalogue.select(args.rules)
    if args.format == "markdown":
        out.write_document(rules_markdown(chosen))
    elif args.format == "json":
        write_json(out, [rule_data(r, lang) for r in chosen])
    elif args.rules:
        out.write_document("\n".join(rule_page(r, lang) for r in chosen))
    else:
        for item in chosen:
            out.write(
                f"{item.code} {item.name:36} {item.severity.label(lang):8} {item.title.get(lang)}\n"
            )
    return EXIT_OK
