"""The Python examples in the README and docs/ run as written.

Blocks written as doctests (``>>>``) are run by pytest's ``--doctest-glob``;
the plain scripts are run here.
"""

import re

import pytest

import busmodel
from tests.support.paths import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def blocks() -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        for number, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8"))):
            if not match[1].lstrip().startswith(">>>"):
                found.append((page.name, number, match[1]))
    return found


@pytest.mark.parametrize(("page", "number", "code"), blocks())
def test_python_example_runs(
    page: str,
    number: int,
    code: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(ROOT)
    before = busmodel.rules()
    exec(compile(code, f"{page}[{number}]", "exec"), {"__name__": f"docs_{number}"})
    assert before == busmodel.rules()  # an example changes no catalogue but its own
    capsys.readouterr()


def test_there_are_examples_to_run() -> None:
    assert len(blocks()) >= 3
