"""The package's layers: imports point downwards only, and no module imports itself round.

model < format < validation < cli; the package's front (``busmodel/__init__.py``)
re-exports the first three. Every import counts: at module level, inside
functions, and under ``TYPE_CHECKING``.
"""

import ast
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

import busmodel
from tests.support.paths import ROOT

SOURCE: Final = ROOT / "src" / "busmodel"
LAYERS: Final = {"_version": 0, "model": 1, "format": 2, "validation": 3, "cli": 4}
"""Each layer's rank; a module may import its own layer and those below."""
FRONT: Final = 5
"""``busmodel`` itself and ``busmodel.__main__``: above every layer."""


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def imported(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The busmodel modules that ``name`` imports (a package's submodule when named as one)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("busmodel"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1]])
                base = f"{base}.{node.module}" if node.module else base
            if not base.startswith("busmodel"):
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if submodule in known else base


def rank(name: str) -> int:
    parts = name.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return FRONT
    return LAYERS[parts[1]]


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: set(imported(name, path, known)) - {name} for name, path in known.items()}


def test_every_module_belongs_to_a_layer() -> None:
    assert set(LAYERS) | {"__main__"} >= {name.split(".")[1] for name in modules() if "." in name}


@pytest.mark.parametrize("name", sorted(modules()))
def test_imports_point_downwards_only(name: str) -> None:
    upwards = sorted(other for other in graph()[name] if rank(other) > rank(name))
    assert [] == upwards


def test_no_module_depends_on_itself_through_others() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        stack.append(name)
        for other in sorted(edges.get(name, ())):
            if state.get(other) == 1:
                cycles.append([*stack[stack.index(other) :], other])
            elif other not in state:
                visit(other)
        stack.pop()
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name)
    assert [] == cycles


def test_a_lower_layer_never_imports_the_package_front() -> None:
    offenders = sorted(
        name for name, targets in graph().items() if rank(name) < FRONT and "busmodel" in targets
    )
    assert [] == offenders


@pytest.mark.parametrize("name", sorted(busmodel.__all__))
def test_public_names_show_the_public_module(name: str) -> None:
    value = getattr(busmodel, name)
    if isinstance(value, type) or inspect.isfunction(value):
        assert "busmodel" == value.__module__
