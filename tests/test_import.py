import inspect
import subprocess
import sys

import busmodel

HEAVY = (
    "holidays",
    "cattrs",
    "tomli_w",
    "dateutil",
    "importlib.metadata",
    "difflib",
    "hashlib",
    "tomlkit",
    "icalendar",
    "xml.etree",
    "busmodel.cli",
    "busmodel.validation._rules",
)
CLI_HEAVY = (
    "holidays",
    "cattrs",
    "tomli_w",
    "hashlib",
    "tomlkit",
    "icalendar",
    "importlib.metadata",
)


def test_importing_busmodel_leaves_heavy_modules_for_first_use() -> None:
    code = f"import busmodel, sys; print([m for m in {HEAVY!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "[]" == result.stdout.strip()


def test_importing_the_command_line_leaves_what_only_some_commands_use_for_first_use() -> None:
    code = f"import busmodel.cli, sys; print([m for m in {CLI_HEAVY!r} if m in sys.modules])"
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
