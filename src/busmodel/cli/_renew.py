"""``busmodel renew`` and ``busmodel extend``: the draft of a successor or of an extension.

The commands are :func:`busmodel.renew` and :func:`busmodel.extend` and a writer.
``renew`` edits the text of the agreement it was given, with ``tomlkit``, so that
the draft reads like the file a person wrote: its comments, order and layout are
kept, and only the values renewal changes are changed (a JSON source keeps its
key order). ``extend`` writes the short extension document as :func:`busmodel.dumps`
lays it out. Either starts with a comment that says what was drawn up, from
which file, and what changed. Nothing reads the clock: ``--document-date`` is
required.
"""

from __future__ import annotations

import argparse
import json
import os
import textwrap
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from busmodel.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    Stream,
    iso_date,
    read_registry,
    shown_error,
    shown_path,
    write_output,
)
from busmodel.cli._text import render_problems
from busmodel.format import (
    DocumentError,
    Format,
    Loaded,
    dumps,
    loads,
    read,
    read_stdin,
)
from busmodel.format._document import STDIN, data_of, toml_value
from busmodel.model import Agreement, ModelError, Text, extend, renew
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._text import Lang, span_text

if TYPE_CHECKING:
    from tomlkit.container import Container
    from tomlkit.items import AoT, Array, Table

__all__ = ["add_parser", "drafted_text", "run"]

_SUFFIXES: Final[Mapping[str, Format]] = {".toml": "toml", ".json": "json"}
_WIDTH: Final = 78
"""The width of the comment at the top of a draft."""
_NOT_AGREEMENT: Final = Text(
    en="expected an agreement or a framework",
    sv="förväntade en överenskommelse eller en ramöverenskommelse",
)
_ABSENT: Final = object()
"""A key a document does not have."""


def add_parser(commands: Any) -> None:
    """Add ``renew`` and ``extend`` to the subcommands."""
    helps = {
        "renew": (
            "draft the successor of an agreement for the next period",
            "Write a draft of the agreement for the next period: the next mandate period "
            "(or a period of the same length), chaired by the next body of the rotation, "
            "superseding the old one, not yet signed or adopted. The draft keeps the "
            "comments, order and layout of FILE; only what renewal changes is changed, and "
            "a comment at the top says what.",
        ),
        "extend": (
            "draft an extension document of an agreement under its extension clause",
            "Write a draft extension document (förlängning) of the agreement in FILE: the "
            "next period of the clause's length after its end, through the extensions "
            "already in --registry; refused when the clause's extensions are used up.",
        ),
    }
    for name, (summary, description) in helps.items():
        command = commands.add_parser(
            name,
            help=summary,
            description=f"{description} Exit status 0: written; 1: the agreement cannot be "
            f"{name}ed (until further notice, no clause, no extension left); 2: a file could "
            "not be read or written, or the command line was wrong; 3: a bug in busmodel.",
        )
        command.add_argument(
            "path", metavar="FILE", help="the agreement, TOML or JSON; - reads standard input"
        )
        command.add_argument(
            "--document-date",
            type=iso_date,
            required=True,
            metavar="DATE",
            help=f"the date the draft carries (YYYY-MM-DD, {FIRST_DAY} to {LAST_DAY})",
        )
        command.add_argument(
            "--registry",
            action="append",
            default=[],
            metavar="PATH",
            help="other documents (files or directories): the agreement's extension documents",
        )
        command.add_argument(
            "-o",
            "--output",
            metavar="OUT",
            help="write the draft to OUT (its format from its suffix); default: standard output",
        )
        command.add_argument("--lang", choices=("sv", "en"), default="en")
        command.set_defaults(run=run, usage=command.format_usage(), prog=command.prog)


def _read(path: str, stdin: BinaryIO | None) -> Loaded:
    """The document at ``path`` with its text, or on standard input for ``-``."""
    return read(path) if path != STDIN else read_stdin(stdin)


def run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    """Draw up the draft and write it."""
    lang: Lang = args.lang
    command = args.command
    try:
        loaded = _read(args.path, stdin)
    except DocumentError as error:
        err.write(f"{render_problems(shown_error(error), lang)}\n")
        return EXIT_UNREADABLE
    source = shown_path(args.path)
    agreement = loaded.document
    if not isinstance(agreement, Agreement):
        err.write(f"{source}: {_NOT_AGREEMENT.get(lang)}\n")
        return EXIT_UNREADABLE
    registry, complete = read_registry(args.registry, err, lang)
    if not complete:
        return EXIT_UNREADABLE
    draw = renew if command == "renew" else extend
    try:
        draft = draw(agreement, document_date=args.document_date, registry=registry)
    except ModelError as error:
        err.write(f"busmodel {command}: {source}: {error.text.get(lang)}\n")
        return EXIT_ERRORS
    fmt = loaded.positions.format
    if args.output is not None and args.output != STDIN:
        fmt = _SUFFIXES.get(os.path.splitext(args.output)[1].lower(), fmt)
    origin = "standard input" if args.path == STDIN else source
    text = drafted_text(
        command, agreement, draft, loaded.positions.text, loaded.positions.format, origin, fmt
    )
    if args.output is None or args.output == STDIN:
        out.write_document(text)
        return EXIT_OK
    return write_output(args.output, text.encode("utf-8"), err, command, lang)


def drafted_text(
    command: str,
    agreement: Agreement,
    draft: Agreement,
    text: str,
    source_format: Format,
    origin: str,
    fmt: Format,
) -> str:
    """The draft as the text to write: ``text`` (of ``agreement``) edited, or written anew.

    ``renew`` edits ``text`` when it is written in ``fmt``; otherwise, and for
    ``extend``, the draft is written as :func:`busmodel.dumps` lays it out. TOML
    starts with a comment saying what was drawn up from ``origin``, and what changed.
    Whatever is written reads back as ``draft``.
    """
    written: str | None = None
    if command == "renew" and fmt == source_format:
        edit = _edited_toml if fmt == "toml" else _edited_json
        try:
            written = edit(text, data_of(agreement), data_of(draft))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            written = None  # a layout the editor cannot follow: written anew below
        if written is not None and not _reads_as(written, fmt, draft):
            written = None
    if written is None:
        written = dumps(draft, fmt)
    if fmt == "json":
        return written
    return _header(command, agreement, draft, origin) + written


def _reads_as(text: str, fmt: Format, draft: Agreement) -> bool:
    try:
        return loads(text, fmt) == draft
    except DocumentError:
        return False


# -- the comment at the top ------------------------------------------------------


def _changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[list[str], ...]:
    """The keys renewal changed, added and removed: top-level, and one level into tables."""
    changed: list[str] = []
    added = [key for key in new if key not in old]
    removed = [key for key in old if key not in new]
    for key, value in new.items():
        before = old.get(key, _ABSENT)
        if before is _ABSENT or before == value:
            continue
        if isinstance(before, dict) and isinstance(value, dict):
            changed += [
                f"{key}.{inner}"
                for inner in dict.fromkeys([*before, *value])
                if before.get(inner, _ABSENT) != value.get(inner, _ABSENT)
            ]
        else:
            changed.append(key)
    return changed, added, removed


def _header(command: str, agreement: Agreement, draft: Agreement, origin: str) -> str:
    """A comment, in English and Swedish, on what was drawn up, from where, and what changed."""
    period = draft.validity.period if draft.validity is not None else None
    span = span_text(period.start, period.end) if period is not None else Text(en="?", sv="?")
    if command == "renew":
        changed, added, removed = _changes(data_of(agreement), data_of(draft))
        what = Text(
            en=f"the agreement {agreement.id} for the next period, {span.en}, to be signed or "
            "adopted anew.",
            sv=f"överenskommelsen {agreement.id} för nästa period, {span.sv}, att "
            "undertecknas eller antas på nytt.",
        )
        done = Text(
            en=f"Changed: {', '.join(changed) or 'nothing'}; added: {', '.join(added) or 'nothing'}"
            f"; removed: {', '.join(removed) or 'nothing'}. Everything else is as in that file.",
            sv=f"Ändrat: {', '.join(changed) or 'inget'}; tillagt: {', '.join(added) or 'inget'}"
            f"; borttaget: {', '.join(removed) or 'inget'}. Allt annat är som i den filen.",
        )
    else:
        clause = agreement.validity.extension if agreement.validity is not None else None
        years = 0 if clause is None else clause.years
        what = Text(
            en=f"an extension document of {agreement.id} under its extension clause ({years} "
            f"{'year' if years == 1 else 'years'} at a time), for {span.en}, to be signed or "
            "adopted by its parties.",
            sv=f"en förlängning av {agreement.id} enligt dess klausul om förlängning ({years} "
            f"år i taget), för {span.sv}, att undertecknas eller antas av parterna.",
        )
        done = Text(
            en="It restates only the parties, their bodies and the new period.",
            sv="Den anger bara parterna, deras organ och den nya perioden.",
        )
    paragraphs = (
        f'DRAFT (state = "draft"), drawn up by `busmodel {command}` from {origin}: '
        f"{what.en} {done.en}",
        f'UTKAST (state = "draft"), upprättat med `busmodel {command}` från {origin}: '
        f"{what.sv} {done.sv}",
    )
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("#")
        lines += [
            f"# {line}"
            for line in textwrap.wrap(
                paragraph, _WIDTH - 2, break_long_words=False, break_on_hyphens=False
            )
        ]
    return "\n".join(lines) + "\n\n"


# -- editing TOML ------------------------------------------------------------------


class _Values:
    """Placeholders for new values, replaced by their text once tomlkit has written the rest.

    tomlkit keeps what it parsed, but writes new values in a layout of its own; each
    value renewal changes goes in as a placeholder string and comes out as
    :func:`busmodel.format._document.toml_value` writes it, as :func:`busmodel.dumps` does.
    """

    def __init__(self, text: str) -> None:
        self.prefix = "busmodel-draft-value-"
        while self.prefix in text:
            self.prefix += "x-"
        self.texts: dict[str, str] = {}

    def __call__(self, rendered: str) -> str:
        token = f"{self.prefix}{len(self.texts)}"
        self.texts[token] = rendered
        return token

    def filled(self, text: str) -> str:
        for token, rendered in self.texts.items():
            text = text.replace(f'"{token}"', rendered, 1)
        return text


def _edited_toml(text: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    """``text``, whose data is ``old``, edited to hold ``new``: only what differs is touched."""
    import tomlkit

    document = tomlkit.parse(text)
    values = _Values(text)
    _patch_table(document, old, new, values)
    written = values.filled(tomlkit.dumps(document))
    return _restored(written, text, tomlkit.dumps(tomlkit.parse(text)))


def _restored(written: str, text: str, again: str) -> str:
    """``written`` with every line that tomlkit wrote otherwise than it read put back.

    Some versions of tomlkit write a line they did not change otherwise than it was
    (``end = 2026-12-31 }`` as ``end = 2026-12-31}``); ``again`` is ``text`` read and
    written by tomlkit unchanged, so its lines that differ from ``text`` say how.
    """
    originals, rewritten = text.split("\n"), again.split("\n")
    if len(originals) != len(rewritten) or text == again:
        return written
    back = {
        after: before for before, after in zip(originals, rewritten, strict=True) if after != before
    }
    return "\n".join(back.get(line, line) for line in written.split("\n"))


def _plain(item: object) -> bool:
    """Whether a tomlkit item is written as ``key = value`` (not a ``[table]`` or ``[[table]]``)."""
    from tomlkit.items import AoT, Table

    return not isinstance(item, Table | AoT)


def _patch_table(
    table: Container | Table, old: Mapping[str, Any], new: Mapping[str, Any], values: _Values
) -> None:
    """Make ``table`` hold ``new`` where it differs from ``old``, keeping everything else."""
    from tomlkit.container import Container
    from tomlkit.items import AoT, Array, Table

    for key in old:
        if key not in new and key in table:
            del table[key]
    previous: str | None = None
    for key, value in new.items():
        before = old.get(key, _ABSENT)
        if before == value:
            previous = key
            continue
        current = table.get(key)
        if current is None:
            item = values(toml_value(value, key))
            body = table if isinstance(table, Container) else table.value
            if previous is not None and previous in body and _plain(body[previous]):
                body._insert_after(previous, key, item)
            else:
                table.add(key, item)
        elif isinstance(current, Table) and isinstance(value, dict) and isinstance(before, dict):
            _patch_table(current, before, value, values)
        elif (
            isinstance(current, AoT | Array)
            and isinstance(before, list)
            and _records(before)
            and _records(value)
            and _patch_records(current, before, value, values)
        ):
            pass
        elif isinstance(current, AoT):
            raise ValueError("an array of tables that changes length")  # written anew
        else:
            table[key] = values(toml_value(value, key))
        previous = key


def _records(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _patch_records(
    current: AoT | Array, old: list[dict[str, Any]], new: list[dict[str, Any]], values: _Values
) -> bool:
    """Make an array of tables hold ``new`` item by item; False when it cannot be done so.

    Items are changed in place when there are as many; items that are gone are
    deleted (their neighbours and comments stay) when ``new`` keeps the others in order.
    """
    from tomlkit.items import Table

    if len(old) == len(new):
        for index, (before, after) in enumerate(zip(old, new, strict=True)):
            if before == after:
                continue
            item = current[index]
            if isinstance(item, Table):
                _patch_table(item, before, after, values)
            else:
                current[index] = values(toml_value(after))
        return True
    kept = list(_kept(old, new))
    if len(kept) != len(new):
        return False
    for index in reversed(range(len(old))):
        if index not in kept:
            del current[index]
    return True


def _kept(old: list[Any], new: list[Any]) -> Iterator[int]:
    """The places in ``old`` of the items of ``new`` in turn, as far as they are found in order.

    All of them are found when ``new`` is ``old`` with some items left out.
    """
    place = 0
    for item in new:
        while place < len(old) and old[place] != item:
            place += 1
        if place == len(old):
            return
        yield place
        place += 1


# -- editing JSON ------------------------------------------------------------------


def _edited_json(text: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    """``text``, whose data is ``old``, edited to hold ``new``, in its key order."""
    written = _patch_json(json.loads(text), _json_data(old), _json_data(new))
    return json.dumps(written, ensure_ascii=False, indent=2) + "\n"


def _json_data(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as JSON holds it: dates as ``YYYY-MM-DD`` text, tuples as lists."""
    plain: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return plain


def _patch_json(target: dict[str, Any], old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """``target`` holding ``new`` where it differs from ``old``, its keys in their order."""
    pairs: list[tuple[str, Any]] = []
    for key, value in target.items():
        if key not in new:
            if key not in old:  # a default, written out: kept
                pairs.append((key, value))
            continue
        after, before = new[key], old.get(key, _ABSENT)
        if before == after:
            pairs.append((key, value))
        elif isinstance(value, dict) and isinstance(before, dict) and isinstance(after, dict):
            pairs.append((key, _patch_json(value, before, after)))
        else:
            pairs.append((key, after))
    present = {key for key, _ in pairs}
    previous: str | None = None
    for key, value in new.items():
        if key not in present:
            places = [i for i, (name, _) in enumerate(pairs) if name == previous]
            pairs.insert(places[0] + 1 if places else len(pairs), (key, value))
            present.add(key)
        previous = key
    return dict(pairs)
