"""Text for case officers, in Swedish and English."""

from __future__ import annotations

from typing import Final, Literal

import attrs

__all__ = ["LANGUAGES", "Lang", "Text"]

Lang = Literal["sv", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("sv", "en")


@attrs.frozen
class Text:
    """A message that exists in both English and Swedish.

    >>> Text(en="expired", sv="har gått ut").get("sv")
    'har gått ut'
    """

    en: str
    sv: str

    def get(self, lang: Lang) -> str:
        """The message in ``lang``."""
        if lang == "sv":
            return self.sv
        if lang == "en":
            return self.en
        raise ValueError(f"lang must be 'sv' or 'en', not {lang!r}")
