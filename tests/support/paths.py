"""Where the repository's folders are, for the tests that read them."""

from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent.parent
EXAMPLES: Final = ROOT / "examples"
DOCS: Final = ROOT / "docs"
