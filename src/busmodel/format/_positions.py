r"""Where each value of a document is in its text: a JSON Pointer to line and column.

Two small scanners, one for TOML and one for JSON, walk the text and note where
every key, table and array item begins. They are no parsers: they trust the
text to be the document that was read, never raise, and on text that does not
parse keep what they found up to the point where they lost their way. They
run only when a position is asked for (a problem or a finding is shown), never
while a document is read.

>>> positions = Positions.of('id = "bus"\n[validity]\nperiod = { start = 2023-01-01 }\n', "toml")
>>> positions.locate("/validity/period/start")
Position(line=3, column=12)
>>> positions.locate("/validity/basis")  # missing: where its table is
Position(line=2, column=1)
"""

from __future__ import annotations

import bisect
import itertools
import json
import json.scanner
import operator
import re
from typing import Final, Literal

import attrs

from busmodel.model._errors import escape_token
from busmodel.model._text import Lang

__all__ = ["Position", "Positions"]

_BOM: Final = "\ufeff"


@attrs.frozen
class Position:
    r"""A place in a text: the 1-based line, and the 1-based column in characters of that line.

    Lines are counted by ``\n``, as Python's TOML and JSON readers count them;
    a byte order mark at the start of a text is not a character of its first line.

    >>> Position(3, 7).render("sv")
    'rad 3, kolumn 7'
    """

    line: int
    column: int

    def render(self, lang: Lang = "en") -> str:
        """The position as ``line L, column C`` in ``lang``."""
        return where(self.line, self.column, lang)

    def __str__(self) -> str:
        """The position as ``line L, column C``, in English."""
        return self.render("en")


def where(line: int, column: int | None, lang: Lang = "en") -> str:
    """``line L, column C`` (or ``rad L, kolumn C``); the column left out when unknown.

    >>> where(2, None)
    'line 2'
    """
    text = f"{'rad' if lang == 'sv' else 'line'} {line}"
    if column is not None:
        text += f", {'kolumn' if lang == 'sv' else 'column'} {column}"
    return text


_NO_CHILDREN: Final[dict[str, _Node | int]] = {}
"""The children of every value that has none: one dict for them all, never written to."""


class _Node:
    """A value found in the text: where it starts, and the values in it by key or index."""

    __slots__ = ("children", "count", "offset", "pending", "tables")

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.children: dict[str, _Node | int] = _NO_CHILDREN
        """The values in this one, by key or index (:data:`_NO_CHILDREN`, shared, if none);
        a value that holds no others may be noted by its offset alone (JSON's are)."""
        self.count = 0
        """How many items an array has so far."""
        self.tables = False
        """Whether this is an array of tables (``[[x]]``), which headers go into."""
        self.pending = -1
        """Where the JSON array or object this value is starts, while the values in it
        are still to be found (see :func:`_expand`); -1 once they are, or if there are none."""

    def put(self, token: str, offset: int) -> _Node:
        """A new value at ``token``, in place of any before it (and what was in that)."""
        if self.children is _NO_CHILDREN:
            self.children = {}
        node = self.children[token] = _Node(offset)
        return node

    def node(self, token: str) -> _Node | None:
        """The value at ``token``, noted as a node (the TOML scanner notes every value so)."""
        child = self.children.get(token)
        return None if child is None or isinstance(child, int) else child

    def mention(self, token: str, offset: int) -> _Node:
        """The table at ``token``, noted here if new; for an array of tables, its last element."""
        node = self.node(token)
        if node is None:
            node = self.put(token, offset)
        if node.tables and node.count:
            return node.node(str(node.count - 1)) or node
        return node

    def item(self, offset: int) -> _Node:
        """A new item of this array."""
        node = self.put(str(self.count), offset)
        self.count += 1
        return node


def _tokens(path: str) -> list[str]:
    """The reference tokens of a JSON Pointer, unescaped (``~1`` is ``/``, ``~0`` is ``~``)."""
    tokens = path.split("/")[1:]
    if "~" not in path:
        return tokens
    return [token.replace("~1", "/").replace("~0", "~") for token in tokens]


def _line_starts(text: str) -> list[int]:
    r"""The offset at which each line of ``text`` starts (lines end at ``\n``)."""
    lengths = map(len, text.split("\n"))
    return list(itertools.accumulate(map(operator.add, lengths, _ONES), initial=0))[:-1]


_ONES: Final = itertools.repeat(1)


class _Built:
    """The values of a text, found as they are asked for, and where each of its lines starts."""

    __slots__ = ("line_starts", "root", "text")

    def __init__(self, text: str, fmt: Literal["toml", "json"]) -> None:
        self.root = scan(text, fmt)
        self.text = text
        self.line_starts = _line_starts(text)

    def children(self, node: _Node) -> dict[str, _Node | int]:
        """The values in ``node``, found now if they were not yet."""
        pending = node.pending  # read once: another thread may finish the node meanwhile
        if pending >= 0:
            try:
                _expand(node, self.text, pending)
            except _LostError:
                # Nested so deep that the C scanner cannot go on from this far down the
                # stack: nothing is found in the node, and a place in it is the node's.
                node.children = _NO_CHILDREN
                node.pending = -1
        return node.children

    def deepest(self, path: str) -> tuple[int, bool]:
        """Where the value at ``path`` (or its deepest ancestor found) starts; whether it is it."""
        tokens = _tokens(path)
        node = self.root
        for depth, token in enumerate(tokens, 1):
            child = self.children(node).get(token)
            if child is None:
                return node.offset, False
            if isinstance(child, int):  # a value with none in it
                return child, depth == len(tokens)
            node = child
        return node.offset, True

    def position(self, offset: int) -> Position:
        return Position(*self.line_column(offset))

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the character at ``offset``."""
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1


@attrs.frozen
class Positions:
    r"""Where the values of one document are in its text, by JSON Pointer (RFC 6901).

    :meth:`of` only keeps the text; the text is scanned on the first
    :meth:`locate` and what was found is kept. What a position points at:

    - in TOML, the key (in a dotted key ``a.b = 1``, each part where it is
      first written); for a table set by a header ``[x]`` or an element of an
      array of tables ``[[x]]``, the header's ``[``; for an item of an inline
      array, the item's first character;
    - in JSON, the opening quote of an object member's key, and the first
      character of an array item;
    - the document itself (``""``) is at line 1, column 1.

    >>> text = 'windows = [\n  { months = [1, 6] },\n  { months = [8, 12] },\n]\n'
    >>> positions = Positions.of(text, "toml")
    >>> str(positions.locate("/windows/1/months"))
    'line 3, column 5'
    >>> str(positions.locate("/windows/1/months/1"))
    'line 3, column 18'
    >>> positions = Positions.of('{\n  "parties": ["a", "b"]\n}', "json")
    >>> positions.locate("/parties/1"), positions.locate("/parties")
    (Position(line=2, column=20), Position(line=2, column=3))

    Two are equal when they are of the same text in the same format.
    """

    text: str = attrs.field(repr=False)
    """The text, without a byte order mark at its start."""
    format: Literal["toml", "json"]
    _built: _Built | None = attrs.field(default=None, init=False, repr=False, eq=False)

    @classmethod
    def of(cls, text: str, format: Literal["toml", "json"]) -> Positions:
        """The positions of ``text`` in ``format``; a byte order mark at the start is passed over.

        This takes constant time: nothing is scanned until a position is asked for.
        """
        if format not in ("toml", "json"):
            raise ValueError(f"format must be 'toml' or 'json', not {format!r}")
        return cls(text.removeprefix(_BOM), format)

    def _map(self) -> _Built:
        """What the text holds, found on first use and kept (two threads may both look: no harm)."""
        built = self._built
        if built is None:
            built = _Built(self.text, self.format)
            object.__setattr__(self, "_built", built)  # frozen, but derived from the text
        return built

    def locate(self, path: str) -> Position | None:
        """Where the value at ``path`` is, or, if it is not in the text, its nearest ancestor.

        ``path`` is a JSON Pointer; ``""`` is the document (line 1, column 1). A
        key that is missing, or an index past the end, gives the position of the
        deepest table or array above it that is there. None only for a string
        that is no JSON Pointer (one that does not start with ``/``).

        >>> positions = Positions.of('{"a": {"b": [10, 20]}}', "json")
        >>> positions.locate("/a/b/7"), positions.locate("/a/c/d")
        (Position(line=1, column=8), Position(line=1, column=2))
        """
        if path and not path.startswith("/"):
            return None
        built = self._map()
        offset, _ = built.deepest(path)
        return built.position(offset)

    def _line_column(self, path: str) -> tuple[int, int] | None:
        """:meth:`locate` as a pair ``(line, column)``: for many paths, no object each."""
        if path and not path.startswith("/"):
            return None
        built = self._map()
        return built.line_column(built.deepest(path)[0])

    def exact(self, path: str) -> bool:
        """Whether the value at ``path`` itself is in the text (not only an ancestor).

        >>> positions = Positions.of("a = [1]", "toml")
        >>> positions.exact("/a/0"), positions.exact("/a/1"), positions.exact("")
        (True, False, True)
        """
        if path and not path.startswith("/"):
            return False
        return self._map().deepest(path)[1]

    def paths(self) -> list[str]:
        r"""Every path found in the text, each table's or array's before those in it.

        >>> Positions.of("a.b = 1\nc = [true]", "toml").paths()
        ['', '/a', '/a/b', '/c', '/c/0']
        """
        built = self._map()
        found = []
        stack: list[tuple[str, _Node | int]] = [("", built.root)]
        while stack:
            path, node = stack.pop()
            found.append(path)
            if isinstance(node, _Node):
                stack.extend(
                    (f"{path}/{escape_token(token)}", child)
                    for token, child in reversed(built.children(node).items())
                )
        return found


# -- the scanners ---------------------------------------------------------------


class _LostError(Exception):
    """The text does not go on the way a document would: keep what was found."""


def scan(text: str, fmt: Literal["toml", "json"]) -> _Node:
    """The values found in ``text``: the document, with the values in it.

    Never raises on any text: on text that does not parse, what was found up to
    where it stops parsing.
    """
    root = _Node(0)
    if fmt == "json":
        start = _end(_JSON_BLANK, text, 0)
        if text.startswith(("{", "["), start):
            try:  # plain JSON, whose values the C scanner passes over: what is in them later
                _expand(root, text, start)
            except _LostError:  # anything else: the whole text, the slow way
                root = _Node(0)
            else:
                return root
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
            array = node.node(name)
            if array is None:
                array = node.put(name, start)
            array.tables = True
            return array.item(start)
        table = node.node(name)
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


_SCAN_ONCE: Final = json.scanner.make_scanner(
    json.JSONDecoder()  # type: ignore[arg-type]  # typeshed names the wrong type
)
"""The ``json`` module's scanner (its C one where there is one): the value at an offset, and
where it ends; it raises on anything that is not strict JSON."""
_JSON_SCALAR: Final = (
    r'"[^"\\\x00-\x1f]*"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null'
)
"""Text without escapes, a number, ``true``, ``false`` or ``null``: strict JSON, as the
C scanner reads it."""
_JSON_MEMBER: Final = re.compile(
    rf'"([^"\\\x00-\x1f]*)"[ \t\r\n]*:[ \t\r\n]*(?:(?:{_JSON_SCALAR})[ \t\r\n]*([,}}])[ \t\r\n]*)?'
)
"""A key without escapes, its colon and the blanks up to its value; and if the value is a
:data:`_JSON_SCALAR`, the value, the comma or brace after it, and the blanks after that."""
_JSON_ITEM: Final = re.compile(rf"(?:{_JSON_SCALAR})[ \t\r\n]*([,\]])[ \t\r\n]*")
"""An array item that is a :data:`_JSON_SCALAR`, the comma or bracket after it, and blanks."""
_JSON_AFTER: Final = re.compile(r"[ \t\r\n]*([,\]}])[ \t\r\n]*")
"""What follows a value in an array or object: a comma or the closing bracket, and blanks."""


def _json_value(text: str, pos: int) -> tuple[object, int]:
    """The JSON value at ``pos`` and where it ends; :class:`_LostError` if there is none."""
    try:
        value: object
        value, end = _SCAN_ONCE(text, pos)
    except (StopIteration, ValueError, RecursionError):
        raise _LostError from None
    return value, end


def _expand(node: _Node, text: str, start: int | None = None) -> None:
    """Find the values in the JSON array or object at ``start`` (``node.pending`` if None).

    A scalar is read by a regular expression; any other value is passed over
    by the C scanner and only noted, with where it starts: the values in it
    are found when they are asked for. Every value noted was read whole by that
    scanner, so looking into it later cannot fail. The result is what
    :func:`_scan_json` finds, for any text in which the values passed over are
    strict JSON; on other text this raises :class:`_LostError` (and
    :func:`scan` scans the slow way).
    """
    pos = node.pending if start is None else start
    close = "]" if text[pos] == "[" else "}"
    children: dict[str, _Node | int] = _NO_CHILDREN
    count = 0
    pos = _end(_JSON_BLANK, text, pos + 1)
    if not text.startswith(close, pos):
        children = {}
        while True:
            at, value_at = pos, -1  # where this item or member starts; where its value
            if close == "]":  # starts, if that is no scalar
                token = str(count)
                count += 1
                item = _JSON_ITEM.match(text, pos)
                if item is None:
                    value_at = pos
                else:
                    after, pos = item[1], item.end()
            else:
                member = _JSON_MEMBER.match(text, pos)
                if member is None:  # a key with escapes (or no key: lost)
                    if not text.startswith('"', pos):
                        raise _LostError
                    key, end = _json_value(text, pos)
                    assert isinstance(key, str)
                    end = _end(_JSON_BLANK, text, end)
                    if not text.startswith(":", end):
                        raise _LostError
                    token, value_at = key, _end(_JSON_BLANK, text, end + 1)
                elif member[2] is None:
                    token, value_at = member[1], member.end()
                else:
                    token, after, pos = member[1], member[2], member.end()
            # A key given twice: the last (in the place of the first, as a dict keeps it).
            if value_at == -1:
                children[token] = at
            else:
                _, end = _json_value(text, value_at)
                if text[value_at] in "[{":
                    child = children[token] = _Node(at)
                    child.pending = value_at
                else:
                    children[token] = at
                found = _JSON_AFTER.match(text, end)
                if found is None:
                    raise _LostError
                after, pos = found[1], found.end()
            if after == close:
                break
            if after != ",":
                raise _LostError
    node.children = children  # whole, at once: another thread may be looking too
    node.count = count
    node.pending = -1


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where ``pattern`` (which matches the empty string too) ends, matched at ``pos``."""
    found = pattern.match(text, pos)
    return pos if found is None else found.end()
