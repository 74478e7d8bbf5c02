"""The positions of a text as busmodel found them before issue 11: a test oracle.

This is ``busmodel.format._positions`` as it was before the JSON side learned
to pass over values with the C scanner and to look into them only when asked:
two scanners in pure Python that walk the whole text once and note where every
key, table and array item begins. ``tests/format/test_positions_oracle.py``
holds the library to it: on every text, the same paths at the same lines and
columns. Kept as it was; not to be optimised.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Final, Literal

from busmodel.format import Position
from busmodel.model._errors import escape_token


class _Node:
    """A value found in the text: where it starts, and the values in it by key or index."""

    __slots__ = ("children", "count", "offset", "tables")

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.children: dict[str, _Node] = {}
        self.count = 0
        """How many items an array has so far."""
        self.tables = False
        """Whether this is an array of tables (``[[x]]``), which headers go into."""

    def put(self, token: str, offset: int) -> _Node:
        """A new value at ``token``, in place of any before it (and what was in that)."""
        node = self.children[token] = _Node(offset)
        return node

    def mention(self, token: str, offset: int) -> _Node:
        """The table at ``token``, noted here if new; for an array of tables, its last element."""
        node = self.children.get(token)
        if node is None:
            node = self.children[token] = _Node(offset)
        if node.tables and node.count:
            return node.children.get(str(node.count - 1), node)
        return node

    def item(self, offset: int) -> _Node:
        """A new item of this array."""
        node = self.put(str(self.count), offset)
        self.count += 1
        return node


def _tokens(path: str) -> list[str]:
    """The reference tokens of a JSON Pointer, unescaped (``~1`` is ``/``, ``~0`` is ``~``)."""
    return [token.replace("~1", "/").replace("~0", "~") for token in path.split("/")[1:]]


class _Built:
    """The values of a text, once found, and where each of its lines starts."""

    __slots__ = ("line_starts", "root")

    def __init__(self, text: str, fmt: Literal["toml", "json"]) -> None:
        self.root = scan(text, fmt)
        starts = [0]
        found = text.find("\n")
        while found != -1:
            starts.append(found + 1)
            found = text.find("\n", found + 1)
        self.line_starts = starts

    def deepest(self, path: str) -> tuple[_Node, bool]:
        """The node at ``path`` or its deepest ancestor found, and whether it is the node."""
        node = self.root
        for token in _tokens(path):
            child = node.children.get(token)
            if child is None:
                return node, False
            node = child
        return node, True

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self.line_starts, offset)
        return Position(line, offset - self.line_starts[line - 1] + 1)


# -- the scanners ---------------------------------------------------------------


class _LostError(Exception):
    """The text does not go on the way a document would: keep what was found."""


def scan(text: str, fmt: Literal["toml", "json"]) -> _Node:
    """The values found in ``text``: the document, with the values in it.

    Never raises on any text: on text that does not parse, what was found up to
    where it stops parsing.
    """
    root = _Node(0)
    try:
        if fmt == "json":
            _scan_json(text, root)
        else:
            _TomlScanner(text, root).run()
    except _LostError:
        pass
    return root


class _Frame:
    """An inline array or table being scanned."""

    __slots__ = ("array", "node", "settled")

    def __init__(self, node: _Node, *, array: bool) -> None:
        self.node = node
        self.array = array
        self.settled = False
        """Whether an item was read since the opening bracket or the last comma."""


_TOML_WS: Final = re.compile(r"[ \t]*")
_TOML_BLANK: Final = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
"""Blanks, line breaks and comments: what may come between the items of an array."""
_TOML_KEY: Final = re.compile(r"""[A-Za-z0-9_-]+|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|'[^'\n]*'""")
_TOML_STRINGS: Final = (
    ('"""', re.compile(r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""(?:""?)?', re.S)),
    ('"', re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"')),
    ("'''", re.compile(r"'''[^']*(?:'(?!'')[^']*)*'''(?:''?)?")),
    ("'", re.compile(r"'[^'\n]*'")),
)
_TOML_BARE: Final = re.compile(r"[A-Za-z0-9_+\-.:]+")
"""Numbers, booleans, dates and times."""
_TOML_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TOML_TIME: Final = re.compile(r" [0-9]{2}:")
"""A time after a date and a space: TOML allows the space in place of ``T``."""
_TOML_ESCAPE: Final = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_TOML_ESCAPES: Final = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _toml_unescape(found: re.Match[str]) -> str:
    if found[3] is not None:
        if found[3] not in _TOML_ESCAPES:
            raise _LostError
        return _TOML_ESCAPES[found[3]]
    code = int(found[1] or found[2], 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise _LostError
    return chr(code)


def _toml_key_name(token: str) -> str:
    if token.startswith('"'):
        return _TOML_ESCAPE.sub(_toml_unescape, token[1:-1])
    if token.startswith("'"):
        return token[1:-1]
    return token


class _TomlScanner:
    """The keys, headers and inline items of a TOML text."""

    def __init__(self, text: str, root: _Node) -> None:
        self.text = text
        self.root = root

    def run(self) -> None:
        text, size = self.text, len(self.text)
        table = self.root
        pos = 0
        while True:
            pos = _end(_TOML_BLANK, text, pos)
            if pos >= size:
                return
            if text[pos] == "[":
                start = pos
                double = text.startswith("[[", pos)
                parts, pos = self.key(_end(_TOML_WS, text, pos + (2 if double else 1)))
                close = "]]" if double else "]"
                if not text.startswith(close, pos):
                    raise _LostError
                pos += len(close)
                table = self.header(parts, start, double=double)
            else:
                pos = self.key_value(pos, table)
            pos = _end(_TOML_WS, text, pos)
            if pos < size and text[pos] == "#":
                end = text.find("\n", pos)
                pos = size if end == -1 else end
            if pos < size and text[pos] not in "\r\n":
                raise _LostError

    def key(self, pos: int) -> tuple[list[tuple[str, int]], int]:
        """The parts of a (dotted) key at ``pos``, each with its offset, and where it ends."""
        parts = []
        while True:
            token = _TOML_KEY.match(self.text, pos)
            if token is None:
                raise _LostError
            parts.append((_toml_key_name(token[0]), pos))
            pos = _end(_TOML_WS, self.text, token.end())
            if not self.text.startswith(".", pos):
                return parts, pos
            pos = _end(_TOML_WS, self.text, pos + 1)

    def header(self, parts: list[tuple[str, int]], start: int, *, double: bool) -> _Node:
        """The table or array-of-tables element a header at ``start`` sets."""
        node = self.root
        for name, offset in parts[:-1]:
            node = node.mention(name, offset)
        name = parts[-1][0]
        if double:
            array = node.children.get(name)
            if array is None:
                array = node.put(name, start)
            array.tables = True
            return array.item(start)
        table = node.children.get(name)
        if table is None:
            return node.put(name, start)
        table.offset = start  # an explicit header wins over an earlier mention
        return table

    def assignment(self, pos: int, table: _Node) -> tuple[_Node, int]:
        """Note ``key =`` at ``pos`` in ``table``: the key's node, and where its value starts."""
        parts, pos = self.key(pos)
        for name, offset in parts[:-1]:
            table = table.mention(name, offset)
        name, offset = parts[-1]
        node = table.put(name, offset)
        if not self.text.startswith("=", pos):
            raise _LostError
        return node, _end(_TOML_WS, self.text, pos + 1)

    def key_value(self, pos: int, table: _Node) -> int:
        """Scan ``key = value`` at ``pos`` in ``table``; where it ends."""
        text, size = self.text, len(self.text)
        node, pos = self.assignment(pos, table)
        stack: list[_Frame] = []
        while True:
            # The value of `node` starts at `pos`.
            char = text[pos] if pos < size else ""
            if char in ("[", "{"):
                stack.append(_Frame(node, array=char == "["))
                pos += 1
            else:
                pos = self.scalar(pos)
            while stack:  # on to the next value, closing what ends on the way
                frame = stack[-1]
                pos = _end(_TOML_BLANK, text, pos)
                char = text[pos] if pos < size else ""
                if char == ("]" if frame.array else "}"):
                    stack.pop()
                    pos += 1
                elif frame.settled:
                    if char != ",":
                        raise _LostError
                    frame.settled = False
                    pos += 1
                else:
                    frame.settled = True
                    if frame.array:
                        node = frame.node.item(pos)
                    else:
                        node, pos = self.assignment(pos, frame.node)
                    break
            else:
                return pos

    def scalar(self, pos: int) -> int:
        """Where the string, number, boolean, date or time at ``pos`` ends."""
        text = self.text
        for opening, pattern in _TOML_STRINGS:
            if text.startswith(opening, pos):
                string = pattern.match(text, pos)
                if string is None:
                    raise _LostError
                return string.end()
        bare = _TOML_BARE.match(text, pos)
        if bare is None:
            raise _LostError
        end = bare.end()
        if _TOML_DATE.fullmatch(bare[0]) and _TOML_TIME.match(text, end):
            time = _TOML_BARE.match(text, end + 1)
            end = time.end() if time is not None else end
        return end


_JSON_BLANK: Final = re.compile(r"[ \t\r\n]*")
_JSON_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_JSON_BARE: Final = re.compile(r"[A-Za-z0-9_+\-.]+")
"""Numbers, ``true``, ``false`` and ``null``."""


def _json_key(token: str) -> str:
    try:
        key = json.loads(token)
    except ValueError:  # bad escapes: the reader failed here too; close enough
        return token[1:-1]
    return key if isinstance(key, str) else token[1:-1]


def _scan_json(text: str, root: _Node) -> None:
    """The members and items of a JSON text; of a key given twice, the last (as ``json`` reads)."""
    size = len(text)
    pos = _end(_JSON_BLANK, text, 0)
    node = root
    stack: list[_Frame] = []
    while True:
        # The value of `node` starts at `pos`.
        char = text[pos] if pos < size else ""
        if char in ("[", "{"):
            stack.append(_Frame(node, array=char == "["))
            pos += 1
        else:
            token = (_JSON_STRING if char == '"' else _JSON_BARE).match(text, pos)
            if token is None:
                raise _LostError
            pos = token.end()
        while stack:
            frame = stack[-1]
            pos = _end(_JSON_BLANK, text, pos)
            char = text[pos] if pos < size else ""
            if char == ("]" if frame.array else "}"):
                stack.pop()
                pos += 1
            elif frame.settled:
                if char != ",":
                    raise _LostError
                frame.settled = False
                pos += 1
            else:
                frame.settled = True
                if frame.array:
                    node = frame.node.item(pos)
                    break
                token = _JSON_STRING.match(text, pos) if char == '"' else None
                if token is None:
                    raise _LostError
                node = frame.node.put(_json_key(token[0]), pos)
                pos = _end(_JSON_BLANK, text, token.end())
                if not text.startswith(":", pos):
                    raise _LostError
                pos = _end(_JSON_BLANK, text, pos + 1)
                break
        else:
            return


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where ``pattern`` (which matches the empty string too) ends, matched at ``pos``."""
    found = pattern.match(text, pos)
    return pos if found is None else found.end()


class OldPositions:
    """What :class:`busmodel.format.Positions` answered for a text before issue 11."""

    def __init__(self, text: str, fmt: Literal["toml", "json"]) -> None:
        self.built = _Built(text.removeprefix("\ufeff"), fmt)

    def locate(self, path: str) -> Position | None:
        """Where the value at ``path`` is, or its nearest ancestor that is in the text."""
        if path and not path.startswith("/"):
            return None
        node, _ = self.built.deepest(path)
        return self.built.position(node.offset)

    def exact(self, path: str) -> bool:
        """Whether the value at ``path`` itself is in the text."""
        if path and not path.startswith("/"):
            return False
        return self.built.deepest(path)[1]

    def paths(self) -> list[str]:
        """Every path found in the text, each table's or array's before those in it."""
        found = []
        stack = [("", self.built.root)]
        while stack:
            path, node = stack.pop()
            found.append(path)
            stack.extend(
                (f"{path}/{escape_token(token)}", child)
                for token, child in reversed(node.children.items())
            )
        return found
