"""``busmodel show`` and ``busmodel convert``: a document summarised, or written again."""

from __future__ import annotations

import argparse
from typing import Any, BinaryIO, Final

from busmodel.cli._common import EXIT_OK, EXIT_UNREADABLE, Stream, shown_error
from busmodel.cli._text import render_problems
from busmodel.format import Document, DocumentError, dumps, load, read_stdin
from busmodel.format._document import STDIN
from busmodel.model import Agreement, Records, ValidityBasis
from busmodel.model._text import Lang, span_text

__all__ = ["add_parser", "describe", "read_one", "run"]


def add_parser(commands: Any) -> None:
    """Add ``show`` and ``convert`` to the subcommands."""
    show = commands.add_parser("show", help="summarise a document")
    show.add_argument("path", metavar="PATH", help="a document; - reads standard input")
    show.add_argument("--lang", choices=("sv", "en"), default="en")
    show.set_defaults(run=run)

    convert = commands.add_parser("convert", help="write a document as TOML or JSON")
    convert.add_argument("path", metavar="PATH", help="a document; - reads standard input")
    convert.add_argument("--to", choices=("toml", "json"), required=True)
    convert.set_defaults(run=run)


def read_one(path: str, stdin: BinaryIO | None) -> Document:
    """The document at ``path``, or on standard input for ``-``; raises DocumentError."""
    return load(path) if path != STDIN else read_stdin(stdin).document


def run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    """Summarise or convert the document given."""
    try:
        document = read_one(args.path, stdin)
    except DocumentError as error:
        err.write(f"{render_problems(shown_error(error), getattr(args, 'lang', 'en'))}\n")
        return EXIT_UNREADABLE
    if args.command == "show":
        out.write(describe(document, args.lang) + "\n")
    else:
        out.write_document(dumps(document, args.to))
    return EXIT_OK


def describe(document: Document, lang: Lang = "en") -> str:
    """A short summary of a document for a person, in ``lang``.

    >>> from busmodel import Records
    >>> describe(Records(agreement="bus"), "sv")
    'protokoll för bus: 0 möten, 0 utvärderingar, 0 redovisningar, 0 omprövningar'
    """
    words = _WORDS[lang]
    if isinstance(document, Records):
        counts = (
            (len(document.meetings), "meeting"),
            (len(document.evaluations), "evaluation"),
            (len(document.reports), "report"),
            (len(document.reviews), "review"),
        )
        listed = ", ".join(f"{n} {words[what][n != 1]}" for n, what in counts)
        return f"{words['records'][0]} {document.agreement}: {listed}"
    lines = [f"{document.id} ({words[document.kind.value][0]}): {document.title}"]
    if document.extends is not None:
        lines.append(f"  {words['extends'][0]}: {document.extends}")
    if document.municipality is not None:
        code = f" ({document.municipality.code})" if document.municipality.code else ""
        lines.append(f"  {words['municipality'][0]}: {document.municipality.name}{code}")
    if document.validity is not None:
        period = document.validity.period
        shown = span_text(period.start, period.end).get(lang)
        if document.validity.basis is not ValidityBasis.UNTIL_FURTHER_NOTICE:
            shown += f" ({words[document.validity.basis.value][0]})"
        lines.append(f"  {words['validity'][0]}: {shown}")
    for label, ids in (("parties", document.parties), ("participants", document.participants)):
        if ids:
            names = [b.name if (b := document.body(i)) else f"{i}?" for i in ids]
            lines.append(f"  {words[label][0]}: {', '.join(names)}")
    for forum in document.forums:
        level = "" if forum.level is None else f" [{words[forum.level.value][0]}]"
        count = len(forum.members)
        lines.append(
            f"  {words['forum'][0]} {forum.id}: {forum.name}{level}, "
            f"{count} {words['member'][count != 1]}"
        )
    if document.chair is not None:
        for term in document.chair.terms:
            shown = span_text(term.period.start, term.period.end).get(lang)
            lines.append(f"  {words['chair'][0]} {shown}: {_name(document, term.body)}")
    for signature in document.signatures:
        who = "" if signature.name is None else f" ({signature.name})"
        lines.append(
            f"  {words['signed'][0]} {signature.date}: {_name(document, signature.body)}{who}"
        )
    for adoption in document.adoptions:
        ref = "" if adoption.reference is None else f" ({adoption.reference})"
        lines.append(
            f"  {words['adopted'][0]} {adoption.date}: {_name(document, adoption.body)}{ref}"
        )
    return "\n".join(lines)


def _name(document: Agreement, body_id: str) -> str:
    body = document.body(body_id)
    return body.name if body is not None else f"{body_id}?"


_WORDS: Final[dict[Lang, dict[str, tuple[str, str]]]] = {
    "en": {
        "records": ("records for", ""),
        "meeting": ("meeting", "meetings"),
        "evaluation": ("evaluation", "evaluations"),
        "report": ("report", "reports"),
        "review": ("review", "reviews"),
        "agreement": ("agreement", ""),
        "framework": ("framework", ""),
        "extension": ("extension", ""),
        "extends": ("extends", ""),
        "municipality": ("municipality", ""),
        "validity": ("validity", ""),
        "mandate-period": ("the mandate period", ""),
        "fixed": ("fixed dates", ""),
        "until-further-notice": ("until further notice", ""),
        "from-signing": ("from signing", ""),
        "parties": ("parties", ""),
        "participants": ("participants", ""),
        "forum": ("forum", ""),
        "member": ("member", "members"),
        "political": ("political", ""),
        "steering": ("steering group", ""),
        "management": ("management group", ""),
        "working": ("working group", ""),
        "development": ("development group", ""),
        "pupils": ("pupils' group", ""),
        "chair": ("chair", ""),
        "signed": ("signed", ""),
        "adopted": ("adopted", ""),
    },
    "sv": {
        "records": ("protokoll för", ""),
        "meeting": ("möte", "möten"),
        "evaluation": ("utvärdering", "utvärderingar"),
        "report": ("redovisning", "redovisningar"),
        "review": ("omprövning", "omprövningar"),
        "agreement": ("överenskommelse", ""),
        "framework": ("ramöverenskommelse", ""),
        "extension": ("förlängning", ""),
        "extends": ("förlänger", ""),
        "municipality": ("kommun", ""),
        "validity": ("giltighetstid", ""),
        "mandate-period": ("mandatperioden", ""),
        "fixed": ("fasta datum", ""),
        "until-further-notice": ("tills vidare", ""),
        "from-signing": ("från undertecknandet", ""),
        "parties": ("parter", ""),
        "participants": ("övriga samhällsaktörer", ""),
        "forum": ("forum", ""),
        "member": ("medlem", "medlemmar"),
        "political": ("politisk samverkan", ""),
        "steering": ("styrgrupp", ""),
        "management": ("ledningsgrupp", ""),
        "working": ("arbetsgrupp", ""),
        "development": ("utvecklingsgrupp", ""),
        "pupils": ("elevgrupp", ""),
        "chair": ("ordförande", ""),
        "signed": ("undertecknad", ""),
        "adopted": ("antagen", ""),
    },
}
