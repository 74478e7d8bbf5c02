"""The document format: TOML for people, JSON for systems, one structure.

Parsing, the header and the public functions live here; the one configured
cattrs converter lives in ``_converter``, imported on first use, and the
domain modules never import cattrs. Every document starts with
``schema = "busmodel/1"`` and a ``kind`` (``agreement``, ``framework`` or
``records``). Bad input raises :class:`DocumentError` listing every problem
with its place in the document.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import itertools
import json
import os
import re
import stat
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final, Literal, Protocol, TypeVar

import attrs

from busmodel.format._errors import DocumentError, Problem
from busmodel.format._files import write_whole
from busmodel.format._positions import Positions
from busmodel.model._agreement import Agreement
from busmodel.model._errors import escape_token
from busmodel.model._records import Records
from busmodel.model._text import Text

__all__ = [
    "DEFAULT_MAX_ITEMS",
    "DEFAULT_MAX_SIZE",
    "SCHEMA",
    "SUPPORTED_SCHEMAS",
    "BinaryFile",
    "Document",
    "Format",
    "Loaded",
    "data_of",
    "dump",
    "dumps",
    "format_of",
    "load",
    "load_agreement",
    "load_records",
    "loads",
    "read",
    "toml_value",
]

SCHEMA: Final = "busmodel/1"
"""The schema version this library writes."""
SUPPORTED_SCHEMAS: Final = (SCHEMA,)
"""The schema versions this library reads."""
DEFAULT_MAX_SIZE: Final = 16 * 1024 * 1024
"""The largest document read by default, in bytes of UTF-8 (16 MiB): room for records of
100,000 meetings (about 11 MB) as :func:`dumps` indents them."""
DEFAULT_MAX_ITEMS: Final = 1_000_000
"""The longest list at the top of a document read by default (meetings, parties, forums...):
it bounds how many values one document makes the reader build, and report on, where the size
alone would let a list of millions of tiny items through."""

Format = Literal["toml", "json"]
Document = Agreement | Records
"""Anything :func:`load` returns."""

_KINDS: Final = ("agreement", "framework", "extension", "records")
_SUFFIXES: Final[Mapping[str, Format]] = {".toml": "toml", ".json": "json"}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_BOM: Final = "\ufeff"
_T = TypeVar("_T")


# -- reading -----------------------------------------------------------------


class _DuplicateKeys(dict[str, Any]):
    """A JSON object that had keys given more than once."""

    duplicates: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The object, marked with the keys given more than once (found in linear time)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        repeated: set[str] = set()
        for key, _ in pairs:
            (repeated if key in seen else seen).add(key)
        marked = _DuplicateKeys(result)
        marked.duplicates = tuple(sorted(repeated))
        return marked
    return result


class _ConstantRefusedError(ValueError):
    """A JSON constant (NaN, Infinity) that a busmodel document may not hold."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is not allowed in a busmodel document")
        self.sv = f"{name} är inte tillåtet i ett busmodel-dokument"


def _reject_constant(name: str) -> float:
    raise _ConstantRefusedError(name)


def _syntax(message: str) -> str:
    """The parser's message (in English) in a Swedish frame."""
    return f"syntaxfel: {message}"


_TOML_START = re.compile(r"\s*(?:#.*\n\s*)*(?:\[|[A-Za-z0-9_\-\"']+\s*=)")
"""What a TOML document starts with: comments, then a table header or a key and '='."""


def _other_format(text: str, fmt: Format) -> Text:
    """A hint for text in a syntax error that looks like the other format, or nothing.

    >>> _other_format('{"schema": "busmodel/1"}', "toml").en
    '; the text looks like JSON: is it named .json?'
    >>> _other_format('schema = "busmodel/1"', "toml").en
    ''
    """
    if fmt == "toml" and text.lstrip().startswith("{"):
        return Text(
            en="; the text looks like JSON: is it named .json?",
            sv="; texten ser ut som JSON: ska filen heta .json?",
        )
    if fmt == "json" and _TOML_START.match(text) and not text.lstrip().startswith(("[", "{")):
        return Text(
            en="; the text looks like TOML: is it named .toml?",
            sv="; texten ser ut som TOML: ska filen heta .toml?",
        )
    return Text(en="", sv="")


_TOO_DEEP: Final = ("too deeply nested", "för djupt nästlat")


def _walk(value: object, path: str) -> Iterator[tuple[str, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}/{escape_token(str(key))}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}/{index}")


class _LongInteger:
    """A JSON integer with more digits than Python turns into an int.

    The limit is :func:`sys.get_int_max_str_digits` (4300 by default); it keeps a
    hostile document from taking quadratic time to read.
    """

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _json_integer(text: str) -> int | _LongInteger:
    try:
        return int(text)
    except ValueError:  # more digits than sys.get_int_max_str_digits()
        return _LongInteger(len(text.lstrip("-")))


def _too_long(
    path: str, digits: int, line: int | None = None, column: int | None = None
) -> Problem:
    limit = sys.get_int_max_str_digits()
    return Problem(
        path,
        f"an integer of {digits} digits is too long; at most {limit} digits are read",
        line,
        column,
        sv=f"ett heltal med {digits} siffror är för långt; högst {limit} siffror läses",
    )


_TOML_DIGITS: Final = re.compile(r"[0-9](?:_?[0-9])*")


def _toml_long_integer(text: str, error: ValueError) -> Problem:
    """Where the integer is that tomllib could not turn into an int, if it can be found.

    tomllib reads in order and stops at the first such integer, so it is the first
    long run of digits that, read up to its end, fails the same way (a run inside a
    string, a comment or a key does not).
    """
    limit = sys.get_int_max_str_digits()
    long_runs = (
        (found, digits)
        for found in _TOML_DIGITS.finditer(text)
        if limit and (digits := len(found[0].replace("_", ""))) > limit
    )
    for found, digits in itertools.islice(long_runs, 100):  # bounded work on hostile text
        try:
            tomllib.loads(text[: found.end()])
        except (tomllib.TOMLDecodeError, RecursionError):
            continue
        except ValueError:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            return _too_long("", digits, line, column)
    return Problem("", str(error), sv=f"ett heltal är för långt för att läsas: {error}")


def _parse(text: str, fmt: Format, source: str) -> object:
    if fmt == "toml":
        try:
            return tomllib.loads(text)
        except RecursionError:
            problem = Problem("", _TOO_DEEP[0], sv=_TOO_DEEP[1])
            raise DocumentError([problem], source=source) from None
        except tomllib.TOMLDecodeError as error:
            message = str(error)
            found = _TOML_POSITION.search(message)
            if found:
                line, column = int(found[1]), int(found[2])
            else:  # "(at end of document)": point just past the last character
                last = text.rsplit("\n", 1)[-1]
                line, column = text.count("\n") + 1, len(last) + 1
            message = _TOML_POSITION.sub("", message).replace("(at end of document)", "").strip()
            sv = _syntax(message) + (" (i slutet av dokumentet)" if not found else "")
            message += " (at end of document)" if not found else ""
            hint = _other_format(text, "toml")
            problem = Problem("", message + hint.en, line, column, sv=sv + hint.sv)
            raise DocumentError([problem], source=source) from None
        except ValueError as error:  # not a syntax error: an integer too long to read
            raise DocumentError([_toml_long_integer(text, error)], source=source) from None
    marked: list[object] = []

    def json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        marked.append(pairs)
        return _json_object(pairs)

    try:
        try:  # optimistic: integers read by the C parser, no walk unless a key was repeated
            data = json.loads(text, object_pairs_hook=json_object, parse_constant=_reject_constant)
        except ValueError as error:
            if isinstance(error, json.JSONDecodeError | _ConstantRefusedError):
                raise
            # An integer too long to read (or some other refusal): read again, marking them.
            data = json.loads(
                text,
                object_pairs_hook=_json_object,
                parse_constant=_reject_constant,
                parse_int=_json_integer,
            )
            marked.append(data)
    except json.JSONDecodeError as error:
        hint = _other_format(text, "json")
        problem = Problem(
            "", error.msg + hint.en, error.lineno, error.colno, sv=_syntax(error.msg) + hint.sv
        )
        raise DocumentError([problem], source=source) from None
    except _ConstantRefusedError as error:
        raise DocumentError([Problem("", str(error), sv=error.sv)], source=source) from None
    except RecursionError:
        problem = Problem("", _TOO_DEEP[0], sv=_TOO_DEEP[1])
        raise DocumentError([problem], source=source) from None
    except ValueError as error:
        message = str(error) or _TOO_DEEP[0]
        problem = Problem("", message, sv=_syntax(message) if str(error) else _TOO_DEEP[1])
        raise DocumentError([problem], source=source) from None
    if not marked:
        return data
    problems: list[Problem] = []
    for path, value in _walk(data, ""):
        if isinstance(value, _DuplicateKeys):
            problems.extend(
                Problem(
                    f"{path}/{escape_token(key)}",
                    f"key {key!r} is given more than once",
                    sv=f"nyckeln {key!r} anges mer än en gång",
                )
                for key in value.duplicates
            )
        elif isinstance(value, _LongInteger):
            problems.append(_too_long(path, value.digits))
    if problems:
        raise DocumentError(problems, source=source)
    return data


def _header_problems(data: dict[str, Any]) -> list[Problem]:
    problems = []
    schema = data.get("schema")
    supported = ", ".join(repr(s) for s in SUPPORTED_SCHEMAS)
    if schema is None:
        problems.append(
            Problem(
                "/schema",
                f"missing; a busmodel document starts with schema = {SCHEMA!r}",
                sv=f"saknas; ett busmodel-dokument börjar med schema = {SCHEMA!r}",
            )
        )
    elif schema not in SUPPORTED_SCHEMAS:
        problems.append(
            Problem(
                "/schema",
                f"{schema!r} is not supported; supported: {supported}",
                sv=f"{schema!r} stöds inte; det som stöds är {supported}",
            )
        )
    kind = data.get("kind")
    kinds = ", ".join(repr(k) for k in _KINDS)
    if kind is None:
        problems.append(
            Problem(
                "/kind",
                f"missing; expected one of {kinds}",
                sv=f"saknas; ska vara något av {kinds}",
            )
        )
    elif kind not in _KINDS:
        problems.append(
            Problem(
                "/kind", f"{kind!r} is not one of {kinds}", sv=f"{kind!r} är inte något av {kinds}"
            )
        )
    return problems


def _structure(data: object, source: str) -> Document:
    from busmodel.format import _converter

    if not isinstance(data, dict):
        problem = Problem(
            "",
            f"expected a table of keys at the top, got {_converter.type_name(data)}",
            sv=f"förväntade en tabell med nycklar överst, fick {_converter.type_name(data, 'sv')}",
        )
        raise DocumentError([problem], source=source)
    problems = _header_problems(data)
    if problems:
        raise DocumentError(problems, source=source)
    body = {key: value for key, value in data.items() if key != "schema"}
    target: type[Document] = Agreement
    if body["kind"] == "records":
        del body["kind"]
        target = Records
    try:  # the fast path: a valid document, built without bookkeeping
        return _converter.structure_fast(body, target)
    except Exception:  # whatever it was, the careful path says what and where
        pass
    result = _converter.structure(body, target)
    if isinstance(result, list):
        raise _UnlocatedError(result)
    return result


class _UnlocatedError(Exception):
    """Problems with paths and no lines yet: :func:`_read_text` locates them, then raises.

    A :class:`DocumentError` renders every problem when it is made; this one
    does not, so that a document of many problems renders them once.
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def _located(error: DocumentError, text: str, fmt: Format) -> DocumentError:
    """``error`` with the line and column of each problem that has a path and no line yet.

    The problems come in the order of the text (those about the document as a whole
    first); problems at one place keep the order they were found in.
    """
    if not any(problem.path and problem.line is None for problem in error.problems):
        return error
    return DocumentError(_in_text_order(error.problems, text, fmt), source=error.source)


def _in_text_order(problems: Iterable[Problem], text: str, fmt: Format) -> list[Problem]:
    """``problems``, each with a path and no line given its line and column, in text order."""
    positions = Positions.of(text, fmt)
    located = []
    for problem in problems:
        path = problem.path
        found = positions._line_column(path) if path and problem.line is None else None
        if found is not None:
            problem = Problem(path, problem.message, found[0], found[1], problem.sv)
        located.append(problem)
    located.sort(key=_text_order)
    return located


def _text_order(problem: Problem) -> tuple[int, int]:
    return problem.line or 0, problem.column or 0


def _thousands(number: int) -> tuple[str, str]:
    """``number`` with its thousands apart, in English (``1,000``) and Swedish (``1 000``)."""
    en = f"{number:,}"
    return en, en.replace(",", " ")


def _check_limit(name: str, limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError(f"{name} must be a whole number of at least 0, not {limit!r}")
    return limit


def _too_big(size: int, limit: int, source: str) -> DocumentError:
    """The error for a document of ``size`` bytes (or more), over ``limit``."""
    size_en, size_sv = _thousands(size)
    limit_en, limit_sv = _thousands(limit)
    problem = Problem(
        "",
        f"the document is at least {size_en} bytes; at most {limit_en} bytes are read"
        f" (raise the limit with the keyword max_size, e.g. max_size={2 * limit})",
        sv=f"dokumentet är minst {size_sv} byte; högst {limit_sv} byte läses"
        f" (höj gränsen med nyckelordet max_size, t.ex. max_size={2 * limit})",
    )
    return DocumentError([problem], source=source)


def _check_text_size(text: str, limit: int, source: str) -> None:
    """Refuse ``text`` if its UTF-8 is longer than ``limit`` bytes, before it is parsed.

    A character is one to four bytes: the length in characters settles most texts,
    and only one near the limit is encoded to be counted.
    """
    if len(text) > limit:
        raise _too_big(len(text), limit, source)
    if len(text) * 4 > limit:
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limit:
            raise _too_big(size, limit, source)


def _check_items(data: object, limit: int, source: str) -> None:
    """Refuse a document with a list at its top longer than ``limit``, before it is built.

    Lists further in are bounded by the document's size.
    """
    if not isinstance(data, dict):
        return
    problems = []
    for key, value in data.items():
        if isinstance(value, list) and len(value) > limit:
            count_en, count_sv = _thousands(len(value))
            limit_en, limit_sv = _thousands(limit)
            problems.append(
                Problem(
                    f"/{escape_token(str(key))}",
                    f"{count_en} items; at most {limit_en} are read in a list"
                    f" (raise the limit with the keyword max_items, e.g. max_items={len(value)})",
                    sv=f"{count_sv} poster; högst {limit_sv} läses i en lista"
                    f" (höj gränsen med nyckelordet max_items, t.ex. max_items={len(value)})",
                )
            )
    if problems:
        raise DocumentError(problems, source=source)


def _read_text(
    text: str,
    fmt: Format,
    source: str,
    max_size: int = DEFAULT_MAX_SIZE,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Document:
    """The document in ``text`` (its byte order mark already passed over); problems located.

    Only a document that cannot be read pays for finding where its problems are.
    """
    _check_text_size(text, max_size, source)
    try:
        data = _parse(text, fmt, source)
        _check_items(data, max_items, source)
        return _structure(data, source)
    except _UnlocatedError as error:
        raise DocumentError(_in_text_order(error.problems, text, fmt), source=source) from None
    except DocumentError as error:
        located = _located(error, text, fmt)
        if located is error:
            raise
        raise located from error.__cause__


def _check_format(format: object) -> Format:
    if format == "toml":
        return "toml"
    if format == "json":
        return "json"
    raise ValueError(f"format must be 'toml' or 'json', not {format!r}")


def loads(
    text: str,
    format: Format = "toml",
    *,
    source: str = "<string>",
    max_size: int = DEFAULT_MAX_SIZE,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Document:
    r"""Read a document from ``text`` in ``format`` (``"toml"`` or ``"json"``).

    Raises :class:`DocumentError` listing every problem found, each with its
    line and column in ``text``. A byte order mark at the start is not content
    and is passed over, as most tools do.

    A text longer than ``max_size`` bytes of UTF-8 (:data:`DEFAULT_MAX_SIZE`, 16 MiB)
    is refused before it is parsed, and a list at the top of the document (its
    meetings, parties, forums...) longer than ``max_items``
    (:data:`DEFAULT_MAX_ITEMS`, 1,000,000) before the document is built.

    >>> from busmodel import loads
    >>> records = loads('schema = "busmodel/1"\nkind = "records"\nagreement = "bus"')
    >>> records.agreement
    'bus'
    >>> loads('schema = "busmodel/1"\nkind = "records"\nagrement = "bus"')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    busmodel.DocumentError: <string>: 2 problems
      line 1, column 1: /agreement: this required key is missing
      line 3, column 1: /agrement: unknown key 'agrement' (did you mean 'agreement'?); ...
    """
    fmt = _check_format(format)
    max_size = _check_limit("max_size", max_size)
    max_items = _check_limit("max_items", max_items)
    text = text.removeprefix(_BOM)  # a byte order mark is not content
    return _read_text(text, fmt, source, max_size, max_items)


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format of a file, from its suffix (``.toml`` or ``.json``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        sv = (
            f"formatet framgår inte av filändelsen {suffix!r}; använd .toml eller .json"
            if suffix
            else "filen har ingen filändelse som visar formatet; använd .toml eller .json"
        )
        problem = Problem(
            "", f"cannot tell the format from {suffix or 'no suffix'!r}; use .toml or .json", sv=sv
        )
        raise DocumentError([problem], source=os.fspath(path))
    return _SUFFIXES[suffix]


_OS_REASONS: Final = {
    errno.ENOENT: "filen finns inte",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.ENAMETOOLONG: "filnamnet är för långt",
    errno.ENOTDIR: "en del av sökvägen är ingen katalog",
    errno.ELOOP: "för många nivåer av symboliska länkar",
    errno.EISDIR: "det är en katalog",
    errno.EIO: "in- eller utmatningsfel",
}
"""Swedish for the reasons the system gives most often (its own are in English)."""

_UTF8_REASONS: Final = {
    "invalid start byte": "ogiltig startbyte",
    "invalid continuation byte": "ogiltig fortsättningsbyte",
    "unexpected end of data": "oväntat slut på data",
}


def os_reason(error: OSError) -> Text:
    """Why the system refused, in English (its words, lowercased) and Swedish."""
    reason = error.strerror or str(error) or type(error).__name__
    reason = reason[:1].lower() + reason[1:]
    sv = _OS_REASONS.get(error.errno) if error.errno is not None else None
    return Text(en=reason, sv=reason if sv is None else sv)


def _unreadable(path: str | os.PathLike[str], fd: int | None = None) -> Text | None:
    """Why the file at ``path`` (or open as ``fd``) cannot be read, or None if it is a file.

    Anything but a regular file is refused before it is opened (a FIFO would wait
    for a writer for ever), and again after, in case it was replaced meanwhile.
    """
    try:
        mode = (os.stat(path) if fd is None else os.fstat(fd)).st_mode
    except OSError as error:
        if isinstance(error, FileNotFoundError) and os.path.islink(path):
            return Text(
                en="a symbolic link to a file that does not exist",
                sv="en symbolisk länk till en fil som inte finns",
            )
        return os_reason(error)
    except ValueError:  # os.stat refuses a NUL in the name
        return Text(
            en="the file name holds a NUL character", sv="filnamnet innehåller ett NUL-tecken"
        )
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Text(en="is a directory", sv="det är en katalog")
    if stat.S_ISFIFO(mode):
        return Text(
            en="not a regular file but a FIFO (named pipe)",
            sv="inte en vanlig fil utan en FIFO (namngiven pipe)",
        )
    if stat.S_ISSOCK(mode):
        return Text(en="not a regular file but a socket", sv="inte en vanlig fil utan en socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Text(en="not a regular file but a device", sv="inte en vanlig fil utan en enhet")
    return Text(en="not a regular file", sv="inte en vanlig fil")


class BinaryFile(Protocol):
    """A file open in binary mode, as :func:`load` and :func:`read` take it."""

    def read(self) -> bytes:
        """All the bytes left in the file."""
        ...


@attrs.frozen
class Loaded:
    """A document as :func:`read` read it: the document, its source, and its positions.

    ``positions`` tells where each value of the document is in the text it was
    read from (see :class:`~busmodel.format.Positions`); it takes no part in
    comparing two loaded documents.
    """

    document: Document
    source: str
    """The file it was read from: its path, or the name of the file object."""
    positions: Positions = attrs.field(eq=False, repr=False)


_BINARY_ONLY: Final = "File must be opened in binary mode, e.g. use `open('foo.toml', 'rb')`"
_JSON_START: Final = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*\{")


def _refusal(source: str, reason: Text) -> DocumentError:
    problem = Problem("", f"cannot read: {reason.en}", sv=f"kan inte läsas: {reason.sv}")
    return DocumentError([problem], source=source)


def _decoded(content: bytes, source: str) -> str:
    """``content`` as text (a byte order mark kept); not UTF-8 is a located DocumentError."""
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        start = content.rfind(b"\n", 0, error.start) + 1
        line = content.count(b"\n", 0, error.start) + 1
        column = len(content[start : error.start].decode("utf-8", "replace")) + 1
        sv = _UTF8_REASONS.get(error.reason, error.reason)
        problem = Problem(
            "", f"not UTF-8 text: {error.reason}", line, column, sv=f"inte UTF-8-text: {sv}"
        )
        raise DocumentError([problem], source=source) from None


@attrs.frozen
class _Limits:
    size: int
    items: int


def _loaded(text: str, fmt: Format, source: str, limits: _Limits) -> Loaded:
    text = text.removeprefix(_BOM)  # a byte order mark is not content
    document = _read_text(text, fmt, source, limits.size, limits.items)
    return Loaded(document, source, Positions(text, fmt))


def _read_path(path: str | os.PathLike[str], fmt: Format | None, limits: _Limits) -> Loaded:
    source = os.fspath(path)
    reason = _unreadable(path)
    if reason is not None:
        raise _refusal(source, reason)
    fmt = fmt or format_of(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        with open(os.open(path, flags), "rb") as file:
            reason = _unreadable(path, file.fileno())
            if reason is None and (size := os.fstat(file.fileno()).st_size) > limits.size:
                raise _too_big(size, limits.size, source)
            # At most one byte past the limit, in case the file grew since.
            content = file.read(limits.size + 1) if reason is None else b""
    except OSError as error:
        reason = os_reason(error)
    if reason is not None:
        raise _refusal(source, reason)
    if len(content) > limits.size:
        raise _too_big(len(content), limits.size, source)
    return _loaded(_decoded(content, source), fmt, source, limits)


def _file_source(file: object) -> str:
    """The name of an open file for messages: its name, ``<stdin>``, or ``<file>``."""
    name = getattr(file, "name", None)
    if isinstance(name, os.PathLike):
        name = os.fspath(name)
    if isinstance(name, str):
        return name
    if file is getattr(sys.stdin, "buffer", None):
        return "<stdin>"
    return "<file>"


def _read_file(file: BinaryFile, fmt: Format | None, limits: _Limits) -> Loaded:
    if isinstance(file, io.TextIOBase):
        raise TypeError(_BINARY_ONLY)
    source = _file_source(file)
    try:
        content: object = file.read()
    except OSError as error:
        raise _refusal(source, os_reason(error)) from None
    if isinstance(content, str):
        raise TypeError(_BINARY_ONLY)
    if not isinstance(content, bytes | bytearray | memoryview):
        raise TypeError(f"read() must give bytes, not {type(content).__name__}")
    if len(content) > limits.size:  # its length in bytes, before it is copied or decoded
        raise _too_big(len(content), limits.size, source)
    content = bytes(content)
    if fmt is None:
        fmt = _SUFFIXES.get(os.path.splitext(source)[1].lower())
    if fmt is None:
        fmt = "json" if _JSON_START.match(content) else "toml"
    return _loaded(_decoded(content, source), fmt, source, limits)


def read(
    path: str | os.PathLike[str] | BinaryFile,
    *,
    format: Format | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Loaded:
    r"""Read a document as :func:`load` does, and keep where its values are in its text.

    ``path`` is a path or a file opened in binary mode, and ``format``,
    ``max_size`` and ``max_items`` are as for :func:`load`.

    The positions are worked out only when one is asked for: for a finding about
    the document, ``loaded.positions.locate(finding.path)`` says where it is,
    without reading the file again.

    >>> import io
    >>> loaded = read(io.BytesIO(b'schema = "busmodel/1"\nkind = "records"\nagreement = "a"\n'))
    >>> loaded.source, loaded.document.agreement
    ('<file>', 'a')
    >>> loaded.positions.locate("/agreement")
    Position(line=3, column=1)
    """
    fmt = None if format is None else _check_format(format)
    limits = _Limits(_check_limit("max_size", max_size), _check_limit("max_items", max_items))
    if isinstance(path, str | os.PathLike):
        return _read_path(path, fmt, limits)
    if not callable(getattr(path, "read", None)):
        raise TypeError(
            f"expected a path or a file opened in binary mode, got {type(path).__name__}"
        )
    return _read_file(path, fmt, limits)


def load(
    path: str | os.PathLike[str] | BinaryFile,
    *,
    format: Format | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    max_items: int = DEFAULT_MAX_ITEMS,
) -> Document:
    """Read the document at ``path``, a path or a file opened in binary mode.

    The format is ``format`` when given. Otherwise a path's suffix (``.toml``,
    ``.json``, in any case) gives it, and so does the suffix of an open file's
    ``name``; an open file without a name that tells (standard input, a pipe, a
    ``BytesIO``) is JSON if its text starts with ``{``, else TOML. A file opened
    in text mode is refused with a :class:`TypeError`, as :func:`tomllib.load`
    refuses it.

    Only regular files are read from a path. Whatever keeps a file from being
    read (it is missing, a directory, a FIFO, not permitted, its name too long,
    not UTF-8) is a :class:`DocumentError` naming the file, never an
    :class:`OSError`. An open file is named by its ``name``, ``<stdin>`` or
    ``<file>``.

    A file larger than ``max_size`` bytes (:data:`DEFAULT_MAX_SIZE`, 16 MiB) is
    refused before it is read, by the size the system gives (a file that grows
    meanwhile is read no further than one byte past the limit); a list at the
    top of the document longer than ``max_items`` (:data:`DEFAULT_MAX_ITEMS`,
    1,000,000) is refused before the document is built. Both are a
    :class:`DocumentError` that names the limit and the keyword that raises it.

    >>> import io
    >>> load(io.BytesIO(b'{"schema": "busmodel/1", "kind": "records", "agreement": "a"}')).agreement
    'a'
    """
    return read(path, format=format, max_size=max_size, max_items=max_items).document


def _expect(loaded: Loaded, cls: type[_T]) -> _T:
    document = loaded.document
    if not isinstance(document, cls):
        kind = "records" if isinstance(document, Records) else document.kind.value
        wanted = "'records'" if cls is Records else "'agreement' or 'framework'"
        wanted_sv = "'records'" if cls is Records else "'agreement' eller 'framework'"
        found = loaded.positions.locate("/kind")
        problem = Problem(
            "/kind",
            f"expected {wanted}, got {kind!r}",
            None if found is None else found.line,
            None if found is None else found.column,
            sv=f"förväntade {wanted_sv}, fick {kind!r}",
        )
        raise DocumentError([problem], source=loaded.source)
    return document


def load_agreement(
    path: str | os.PathLike[str] | BinaryFile, *, format: Format | None = None
) -> Agreement:
    """Read an agreement or framework document; anything else is a :class:`DocumentError`.

    ``path`` (a path or a file opened in binary mode) and ``format`` are as for :func:`load`.
    """
    return _expect(read(path, format=format), Agreement)


def load_records(
    path: str | os.PathLike[str] | BinaryFile, *, format: Format | None = None
) -> Records:
    """Read a records document; anything else is a :class:`DocumentError`.

    ``path`` (a path or a file opened in binary mode) and ``format`` are as for :func:`load`.
    """
    return _expect(read(path, format=format), Records)


# -- writing -----------------------------------------------------------------


def _unstructure(document: Document) -> dict[str, Any]:
    if not isinstance(document, Agreement | Records):
        raise TypeError(f"expected an Agreement or Records, got {type(document).__name__}")
    from busmodel.format import _converter

    data = _converter.unstructure(document)
    data.pop("kind", None)
    kind = "records" if isinstance(document, Records) else document.kind.value
    return {"schema": SCHEMA, "kind": kind, **data}


# TOML as people write it: the examples' layout. Plain data in (what the converter
# gives: text, integers, booleans, dates, lists and dicts), text out; tomllib reads it
# back to the same data.

_WIDTH: Final = 100
"""The longest line a key and its value on one line may take, indentation included."""
_RECORD_WIDTH: Final = 180
"""The longest line a record in an array may take as an inline table, one a line."""
_WRAP: Final = 76
"""Where long text is broken (at a space) in a multi-line string."""
_INDENT: Final = "    "
_BARE_KEY: Final = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES: Final = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    ord("\b"): "\\b",
    ord("\t"): "\\t",
    ord("\n"): "\\n",
    ord("\f"): "\\f",
    ord("\r"): "\\r",
    ord('"'): '\\"',
    ord("\\"): "\\\\",
}
"""What a basic string escapes: the quote, the backslash and every control character."""
_MULTILINE_ESCAPES: Final = {
    code: text for code, text in _ESCAPES.items() if code not in (ord("\n"), ord('"'))
}
"""What a multi-line string escapes; its line breaks stay breaks, quotes are seen to apart."""
_NEEDS_ESCAPE: Final = re.compile(r'[\x00-\x1f\x7f"\\]')
_QUOTES: Final = re.compile(r'"(?="|\Z)')
"""Quotes a multi-line string escapes: one followed by another, and a last one. No run of
three quotes is left to end the string early, and none stands next to its closing quotes."""


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string, on one line."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return '"' + text.translate(_ESCAPES) + '"'


def _wrapped(line: str) -> list[str]:
    """``line`` broken at single spaces into pieces of about :data:`_WRAP` characters.

    Each piece but the last ends with the space it was broken at; the break is only
    made before a character that is not blank, which a line-ending backslash keeps.
    """
    pieces: list[str] = []
    while len(line) > _WRAP:
        cut = line.rfind(" ", 0, _WRAP)
        while cut > 0 and (line[cut - 1] == " " or line[cut + 1 : cut + 2] in ("", " ", "\t")):
            cut = line.rfind(" ", 0, cut)
        if cut <= 0:
            cut = line.find(" ", _WRAP)
            while cut != -1 and line[cut + 1 : cut + 2] in ("", " ", "\t"):
                cut = line.find(" ", cut + 1)
            if cut == -1:
                break
        pieces.append(line[: cut + 1])
        line = line[cut + 1 :]
    pieces.append(line)
    return pieces


def _toml_multiline(text: str) -> str:
    """``text`` as a multi-line basic string, long lines broken with line-ending backslashes."""
    escaped = _QUOTES.sub(r'\\"', text.translate(_MULTILINE_ESCAPES))
    body = "\n".join("\\\n".join(_wrapped(line)) for line in escaped.split("\n"))
    opening = '"""\\\n' if body[:1] not in ("", " ", "\n") else '"""\n'
    return f'{opening}{body}"""'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


def _inline(value: object) -> str:
    """``value`` on one line: a scalar, an inline array or an inline table."""
    writer = _INLINE.get(type(value))
    if writer is None:
        raise TypeError(f"cannot write {type(value).__name__} to TOML")
    return writer(value)


def _inline_array(value: list[Any] | tuple[Any, ...]) -> str:
    return "[" + ", ".join([_inline(item) for item in value]) + "]"


def _inline_table(value: dict[str, Any]) -> str:
    if not value:
        return "{}"
    return (
        "{ "
        + ", ".join([f"{_toml_key(key)} = {_inline(item)}" for key, item in value.items()])
        + " }"
    )


def _boolean(value: bool) -> str:
    return "true" if value else "false"


_INLINE: Final[dict[type, Callable[[Any], str]]] = {
    str: _toml_string,
    bool: _boolean,
    int: int.__repr__,
    dt.date: dt.date.isoformat,
    list: _inline_array,
    tuple: _inline_array,
    dict: _inline_table,
}
"""How each kind of plain value is written on one line, by its exact type."""


def _fits(head: str, items: list[str]) -> bool:
    """Whether an array of ``items`` goes on one line after ``head``: short, or of one item."""
    return len(items) < 2 or len(head) + sum(len(item) + 2 for item in items) <= _WIDTH


def _long(head: str, text: str) -> bool:
    """Whether ``text`` is written as a multi-line string after ``head``."""
    return "\n" in text or len(head) + len(text) + 2 > _WIDTH


def toml_value(value: object, key: str = "") -> str:
    """``value`` as :func:`dumps` writes it after ``key = `` inside a table, a table inline.

    For a value to put in a document a person wrote: an array of scalars on one line
    when it fits, else an item a line; an array of tables an inline table a line; long
    text a multi-line string; anything else on one line.

    >>> toml_value({"start": dt.date(2027, 1, 1), "end": dt.date(2030, 12, 31)})
    '{ start = 2027-01-01, end = 2030-12-31 }'
    >>> print(toml_value([{"body": "sn"}]))
    [
        { body = "sn" },
    ]
    """
    head = f"{_toml_key(key)} = " if key else ""
    if isinstance(value, list | tuple):
        items = [_inline(item) for item in value]
        if any(isinstance(item, dict) for item in value) or not _fits(head, items):
            return "[\n" + "".join(f"{_INDENT}{item},\n" for item in items) + "]"
        return "[" + ", ".join(items) + "]"
    if isinstance(value, str) and _long(head, value):
        return _toml_multiline(value)
    return _inline(value)


def data_of(document: Document) -> dict[str, Any]:
    """The plain data :func:`dumps` writes for ``document``: defaults left out, dates as dates.

    >>> from busmodel import Records
    >>> data_of(Records(agreement="bus"))
    {'schema': 'busmodel/1', 'kind': 'records', 'agreement': 'bus'}
    """
    return _unstructure(document)


def _toml(data: dict[str, Any]) -> str:
    """``data`` as TOML that reads like the examples, and that ``tomllib`` reads back equal.

    Scalars and arrays of scalars on one line (an array too long for one, an item a
    line); a short table inline; an array of short records an inline table a line; a
    table at the top, or one too long for a line, a ``[table]`` of its own; an array
    of big records ``[[tables]]``; text with line breaks, or too long for a line, a
    multi-line string broken at spaces.
    """
    lines: list[str] = []
    _toml_table(lines, data, "", top=True)
    return "\n".join(lines) + "\n"


def _toml_table(lines: list[str], table: dict[str, Any], prefix: str, *, top: bool = False) -> None:
    """The keys of ``table`` under its header (already written), then its sub-tables."""
    later: list[tuple[str, dict[str, Any] | list[dict[str, Any]]]] = []
    for key, value in table.items():
        name = _toml_key(key)
        head = f"{name} = "
        kind = type(value)
        if kind is dict:
            if not top:
                inline = _inline(value)
                if len(head) + len(inline) <= _WIDTH:
                    lines.append(head + inline)
                    continue
            later.append((name, value))
        elif kind is list or kind is tuple:
            items = [_inline(item) for item in value]
            if value and all(type(item) is dict for item in value):  # an array of tables
                if any(len(_INDENT) + len(item) + 1 > _RECORD_WIDTH for item in items):
                    later.append((name, value))
                    continue
            elif _fits(head, items):
                lines.append(head + "[" + ", ".join(items) + "]")
                continue
            if top and lines and lines[-1]:
                lines.append("")
            lines.append(head + "[")
            lines.extend([f"{_INDENT}{item}," for item in items])
            lines.append("]")
        elif kind is str and _long(head, value):
            lines.append(head + _toml_multiline(value))
        else:
            lines.append(head + _inline(value))
    for name, value in later:
        path = f"{prefix}{name}"
        if isinstance(value, dict):
            if lines:
                lines.append("")
            lines.append(f"[{path}]")
            _toml_table(lines, value, f"{path}.")
            continue
        for item in value:
            if lines:
                lines.append("")
            lines.append(f"[[{path}]]")
            _toml_table(lines, item, f"{path}.")


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def dumps(document: Document, format: Format = "toml", *, compact: bool = False) -> str:
    r"""Write ``document`` as text; the output is deterministic and :func:`loads` reads it back.

    >>> from busmodel import Records
    >>> print(dumps(Records(agreement="bus"), "json"), end="")
    {
      "schema": "busmodel/1",
      "kind": "records",
      "agreement": "bus"
    }

    ``compact=True`` writes JSON on one line, without spaces, for systems: it
    costs about what :func:`json.dumps` costs, where the indented JSON (the
    default, for people and for diffs) goes through Python's slower encoder.
    TOML has one layout, and ``compact`` is refused for it.

    >>> dumps(Records(agreement="bus"), "json", compact=True)
    '{"schema":"busmodel/1","kind":"records","agreement":"bus"}\n'
    """
    data = _unstructure(document)
    if format == "json":
        if compact:
            return (
                json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_json_default)
                + "\n"
            )
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if format == "toml":
        if compact:
            raise ValueError("compact=True is for JSON; TOML is written in one layout")
        return _toml(data)
    raise ValueError(f"format must be 'toml' or 'json', not {format!r}")


def dump(document: Document, path: str | os.PathLike[str], format: Format | None = None) -> None:
    """Write ``document`` to ``path``, in ``format`` or the one its suffix names.

    The file is replaced whole or not at all: the text goes to a temporary file
    beside it, which takes the old file's place (and permissions) only once it
    is complete. A symbolic link stays a link; the file it points to is replaced.
    """
    fmt = format or format_of(path)
    write_whole(path, dumps(document, fmt).encode("utf-8"))


STDIN: Final = "-"
"""The path that names standard input, as most command-line tools read it."""


def read_stdin(stdin: BinaryFile | None) -> Loaded:
    r"""The document on standard input (``stdin``, opened in binary), named ``-``.

    Raises :class:`DocumentError` when there is no standard input, or when what
    it holds is not a document; either way the source is ``-``.

    >>> import io
    >>> read_stdin(io.BytesIO(b'schema = "busmodel/1"\nkind = "records"\nagreement = "a"')).source
    '-'
    """
    if stdin is None:
        problem = Problem(
            "",
            "cannot read: no standard input was given",
            sv="kan inte läsas: ingen standard-indata gavs",
        )
        raise DocumentError([problem], source=STDIN)
    try:
        loaded = read(stdin)
    except DocumentError as error:
        raise DocumentError(error.problems, source=STDIN) from None
    return attrs.evolve(loaded, source=STDIN)
