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
import json
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final, Literal, TypeVar

from busmodel._agreement import Agreement
from busmodel._errors import DocumentError, Problem, escape_token
from busmodel._records import Records

__all__ = [
    "SCHEMA",
    "SUPPORTED_SCHEMAS",
    "Document",
    "Format",
    "dump",
    "dumps",
    "format_of",
    "load",
    "load_agreement",
    "load_records",
    "loads",
]

SCHEMA: Final = "busmodel/1"
"""The schema version this library writes."""
SUPPORTED_SCHEMAS: Final = (SCHEMA,)
"""The schema versions this library reads."""

Format = Literal["toml", "json"]
Document = Agreement | Records
"""Anything :func:`load` returns."""

_KINDS: Final = ("agreement", "framework", "records")
_SUFFIXES: Final[Mapping[str, Format]] = {".toml": "toml", ".json": "json"}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_T = TypeVar("_T")


# -- reading -----------------------------------------------------------------


class _DuplicateKeys(dict[str, Any]):
    """A JSON object that had keys given more than once."""

    duplicates: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        keys = [key for key, _ in pairs]
        marked = _DuplicateKeys(result)
        marked.duplicates = tuple(sorted({key for key in keys if keys.count(key) > 1}))
        return marked
    return result


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in a busmodel document")


def _walk(value: object, path: str) -> Iterator[tuple[str, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{path}/{escape_token(str(key))}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}/{index}")


def _parse(text: str, fmt: Format, source: str) -> object:
    if fmt == "toml":
        try:
            return tomllib.loads(text)
        except RecursionError:
            raise DocumentError([Problem("", "too deeply nested")], source=source) from None
        except tomllib.TOMLDecodeError as error:
            message = str(error)
            found = _TOML_POSITION.search(message)
            if found:
                line, column = int(found[1]), int(found[2])
            else:  # "(at end of document)": point just past the last character
                last = text.rsplit("\n", 1)[-1]
                line, column = text.count("\n") + 1, len(last) + 1
            message = _TOML_POSITION.sub("", message).replace("(at end of document)", "")
            message = message.strip() + (" (at end of document)" if not found else "")
            raise DocumentError([Problem("", message, line, column)], source=source) from None
    try:
        data = json.loads(text, object_pairs_hook=_json_object, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        problem = Problem("", error.msg, error.lineno, error.colno)
        raise DocumentError([problem], source=source) from None
    except (ValueError, RecursionError) as error:
        raise DocumentError(
            [Problem("", str(error) or "too deeply nested")], source=source
        ) from None
    duplicates = [
        Problem(f"{path}/{escape_token(key)}", f"key {key!r} is given more than once")
        for path, value in _walk(data, "")
        if isinstance(value, _DuplicateKeys)
        for key in value.duplicates
    ]
    if duplicates:
        raise DocumentError(duplicates, source=source)
    return data


def _header_problems(data: dict[str, Any]) -> list[Problem]:
    problems = []
    schema = data.get("schema")
    supported = ", ".join(repr(s) for s in SUPPORTED_SCHEMAS)
    if schema is None:
        problems.append(
            Problem("/schema", f"missing; a busmodel document starts with schema = {SCHEMA!r}")
        )
    elif schema not in SUPPORTED_SCHEMAS:
        problems.append(Problem("/schema", f"{schema!r} is not supported; supported: {supported}"))
    kind = data.get("kind")
    kinds = ", ".join(repr(k) for k in _KINDS)
    if kind is None:
        problems.append(Problem("/kind", f"missing; expected one of {kinds}"))
    elif kind not in _KINDS:
        problems.append(Problem("/kind", f"{kind!r} is not one of {kinds}"))
    return problems


def _structure(data: object, source: str) -> Document:
    from busmodel import _converter

    if not isinstance(data, dict):
        raise DocumentError(
            [Problem("", f"expected a table of keys at the top, got {_converter.type_name(data)}")],
            source=source,
        )
    problems = _header_problems(data)
    if problems:
        raise DocumentError(problems, source=source)
    body = {key: value for key, value in data.items() if key != "schema"}
    target: type[Document] = Agreement
    if body["kind"] == "records":
        del body["kind"]
        target = Records
    result = _converter.structure(body, target)
    if isinstance(result, list):
        raise DocumentError(result, source=source)
    return result


def loads(text: str, format: Format = "toml", *, source: str = "<string>") -> Document:
    r"""Read a document from ``text`` in ``format`` (``"toml"`` or ``"json"``).

    Raises :class:`DocumentError` listing every problem found.

    >>> records = loads('schema = "busmodel/1"\nkind = "records"\nagreement = "bus"')
    >>> records.agreement
    'bus'
    >>> loads('schema = "busmodel/1"\nkind = "records"\nagrement = "bus"')
    Traceback (most recent call last):
    ...
    busmodel._errors.DocumentError: <string>: 2 problems
      /agreement: this required key is missing
      /agrement: unknown key 'agrement'; expected one of: agreement, meetings, evaluations
    """
    if format not in _SUFFIXES.values():
        raise ValueError(f"format must be 'toml' or 'json', not {format!r}")
    return _structure(_parse(text, format, source), source)


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format of a file, from its suffix (``.toml`` or ``.json``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise DocumentError(
            [
                Problem(
                    "", f"cannot tell the format from {suffix or 'no suffix'!r}; use .toml or .json"
                )
            ],
            source=os.fspath(path),
        )
    return _SUFFIXES[suffix]


def load(path: str | os.PathLike[str]) -> Document:
    """Read the document at ``path``; its suffix (``.toml``, ``.json``) gives the format."""
    source = os.fspath(path)
    fmt = format_of(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # a BOM is not content
    except UnicodeDecodeError as error:
        raise DocumentError(
            [Problem("", f"not UTF-8 text: {error.reason}")], source=source
        ) from None
    return loads(text, fmt, source=source)


def _expect(document: Document, cls: type[_T], source: str) -> _T:
    if not isinstance(document, cls):
        kind = "records" if isinstance(document, Records) else document.kind.value
        wanted = "'records'" if cls is Records else "'agreement' or 'framework'"
        raise DocumentError([Problem("/kind", f"expected {wanted}, got {kind!r}")], source=source)
    return document


def load_agreement(path: str | os.PathLike[str]) -> Agreement:
    """Read an agreement or framework document; anything else is a :class:`DocumentError`."""
    return _expect(load(path), Agreement, os.fspath(path))


def load_records(path: str | os.PathLike[str]) -> Records:
    """Read a records document; anything else is a :class:`DocumentError`."""
    return _expect(load(path), Records, os.fspath(path))


# -- writing -----------------------------------------------------------------


def _unstructure(document: Document) -> dict[str, Any]:
    if not isinstance(document, Agreement | Records):
        raise TypeError(f"expected an Agreement or Records, got {type(document).__name__}")
    from busmodel import _converter

    data = _converter.unstructure(document)
    data.pop("kind", None)
    kind = "records" if isinstance(document, Records) else document.kind.value
    return {"schema": SCHEMA, "kind": kind, **data}


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def dumps(document: Document, format: Format = "toml") -> str:
    """Write ``document`` as text; the output is deterministic and :func:`loads` reads it back.

    >>> from busmodel import Records
    >>> print(dumps(Records(agreement="bus"), "json"), end="")
    {
      "schema": "busmodel/1",
      "kind": "records",
      "agreement": "bus"
    }
    """
    data = _unstructure(document)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    if format == "toml":
        import tomli_w

        return tomli_w.dumps(data)
    raise ValueError(f"format must be 'toml' or 'json', not {format!r}")


def dump(document: Document, path: str | os.PathLike[str], format: Format | None = None) -> None:
    """Write ``document`` to ``path``, in ``format`` or the one its suffix names."""
    fmt = format or format_of(path)
    Path(path).write_text(dumps(document, fmt), encoding="utf-8")
