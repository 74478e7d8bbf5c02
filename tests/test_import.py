import inspect
import subprocess
import sys

import busmodel

HEAVY = ("holidays", "cattrs", "tomli_w", "dateutil", "importlib.metadata")


def test_importing_busmodel_leaves_heavy_modules_for_first_use() -> None:
    code = f"import busmodel, sys; print([m for m in {HEAVY!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "[]" == result.stdout.strip()


def test_every_public_class_and_function_has_a_docstring() -> None:
    undocumented = [
        name
        for name in busmodel.__all__
        if (inspect.isclass(obj := getattr(busmodel, name)) or inspect.isfunction(obj))
        and not inspect.getdoc(obj)
    ]
    assert [] == undocumented
