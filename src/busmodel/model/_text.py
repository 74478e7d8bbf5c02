"""Text for case officers, in Swedish and English, and how names are compared."""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from typing import Any, Final, Literal

import attrs

__all__ = [
    "LANGUAGES",
    "Lang",
    "Text",
    "counted",
    "fields_repr",
    "fold",
    "invisible",
    "shortened",
    "span_text",
    "visible",
]

Lang = Literal["sv", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("sv", "en")

_FORMAT: Final = "Cf"
_SHOWING: Final = threading.local()
"""The ids of the values whose repr each thread is writing (``ids``), as attrs keeps them."""


def fields_repr(self: Any) -> str:
    """``Name(field=value, ...)``, the repr attrs writes, for any attrs class that sets it.

    The model's classes share this one function as their ``__repr__`` rather than each
    having attrs generate and compile one of its own, which every ``import busmodel``
    paid for (issue 11). The text is attrs': the fields it shows, in order, each as
    ``repr`` or its own ``repr=`` callable shows it, and ``...`` for a value met again
    while it is being shown.

    >>> Text(en="expired", sv="har gått ut")
    Text(en='expired', sv='har gått ut')
    """
    showing: set[int] | None = getattr(_SHOWING, "ids", None)
    if showing is None:
        showing = _SHOWING.ids = set()
    elif id(self) in showing:
        return "..."
    showing.add(id(self))
    try:
        parts = []
        for field in attrs.fields(self.__class__):
            if field.repr:
                show = field.repr if callable(field.repr) else repr
                # A field not set yet (init=False, shown while the value is being made)
                # shows as attrs' NOTHING, as in the repr attrs writes.
                parts.append(f"{field.name}={show(getattr(self, field.name, attrs.NOTHING))}")
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        showing.discard(id(self))


@attrs.frozen
class Text:
    """A message that exists in both English and Swedish.

    >>> Text(en="expired", sv="har gått ut").get("sv")
    'har gått ut'
    """

    __repr__ = fields_repr

    en: str
    sv: str

    def get(self, lang: Lang) -> str:
        """The message in ``lang``."""
        if lang == "sv":
            return self.sv
        if lang == "en":
            return self.en
        raise ValueError(f"lang must be 'sv' or 'en', not {lang!r}")


def visible(text: str) -> str:
    """``text`` in NFKC form without format characters (Unicode category Cf).

    Zero-width spaces and joiners, soft hyphens, bidirectional controls and the
    byte order mark are invisible on screen and in print; fullwidth letters and
    other compatibility forms read as their plain letters.

    >>> visible("So\u200bcial\u00adnämnden")
    'Socialnämnden'
    >>> visible("Ｓｏｃｉａｌ")
    'Social'
    """
    if text.isascii():
        return text  # NFKC leaves ASCII as it is, and ASCII has no format characters
    normal = unicodedata.normalize("NFKC", text)
    if normal.isprintable():  # format characters are not printable: none to remove
        return normal
    return "".join(char for char in normal if unicodedata.category(char) != _FORMAT)


def invisible(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, blank, or only format characters.

    >>> invisible("\u200b \ufeff"), invisible("BUS")
    (True, False)
    """
    if text.isprintable():  # no format, control or separator character but the space
        return not text.strip()
    return not visible(text).strip()


def fold(name: str) -> str:
    """A name as compared with others: :func:`visible`, case folded, single spaces.

    Two names that fold alike look alike to a reader.

    >>> fold("Barn-  och Ungdomsnämnden") == fold("barn- och ungdomsna\u0308mnden")
    True
    """
    return " ".join(visible(name).casefold().split())


def span_text(start: dt.date, end: dt.date | None) -> Text:
    """Dates from ``start`` to ``end`` as a case officer writes them, in both languages.

    One form per language: ``2023-01-01 – 2026-12-31``, and an open end as
    *tills vidare* / *until further notice*; a single day is that day.

    >>> span_text(dt.date(2023, 1, 1), dt.date(2026, 12, 31)).sv
    '2023-01-01 – 2026-12-31'
    >>> span_text(dt.date(2005, 1, 1), None)
    Text(en='2005-01-01 until further notice', sv='2005-01-01 tills vidare')
    """
    if end is None:
        return Text(
            en=f"{start.isoformat()} until further notice", sv=f"{start.isoformat()} tills vidare"
        )
    if end == start:
        return Text(en=start.isoformat(), sv=start.isoformat())
    both = f"{start.isoformat()} – {end.isoformat()}"
    return Text(en=both, sv=both)


def counted(number: int, one: str, many: str | None = None) -> str:
    """``number`` with the noun for one or for many (``one`` + ``s`` unless given).

    >>> counted(1, "meeting"), counted(3, "meeting"), counted(0, "body", "bodies")
    ('1 meeting', '3 meetings', '0 bodies')
    """
    if number == 1:
        return f"1 {one}"
    return f"{number} {one + 's' if many is None else many}"


def shortened(text: str, width: int) -> str:
    r"""``text`` on one line in at most ``width`` characters, cut with ``…`` when longer.

    Runs of blanks and line breaks become single spaces; a cut falls after a
    whole word when one ends in the last third of the room.

    >>> shortened("Samverkansöverenskommelse  BUS\nKungälv", 40)
    'Samverkansöverenskommelse BUS Kungälv'
    >>> shortened("Samverkansöverenskommelse om barn och unga i Kungälv", 30)
    'Samverkansöverenskommelse om…'
    """
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    space = cut.rfind(" ")
    if space >= (width - 1) * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" -–,:;") + "…"
