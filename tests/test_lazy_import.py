"""``import busmodel`` loads the model; the format and validation layers load on first use.

The names of the lazy layers stay in ``busmodel.__all__`` and ``dir(busmodel)``,
resolve on first use (PEP 562), and show ``busmodel`` as their module like the
rest, however many threads ask for them first at once.
"""

import ast
import json
import subprocess
import sys
import typing
from pathlib import Path

import attrs
import pytest

import busmodel
import busmodel.format
import busmodel.model
import busmodel.validation

LAZY_LAYERS = ("busmodel.format", "busmodel.validation")
LEFT_FOR_FIRST_USE = (
    *LAZY_LAYERS,
    "busmodel.format._document",
    "busmodel.validation._engine",
    "calendar",
    "difflib",
    "importlib.metadata",
    "json",
    "tomllib",
    "xml.etree.ElementTree",
)
"""Modules that ``import busmodel`` alone does not load: the lazy layers, and the
standard library modules only they (or rare paths) need."""


def loaded_after(code: str, modules: tuple[str, ...] = LEFT_FOR_FIRST_USE) -> list[str]:
    """Which of ``modules`` a fresh interpreter has loaded after running ``code``."""
    script = f"import sys\n{code}\nprint(sorted(m for m in {modules!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert (0, "") == (done.returncode, done.stderr)
    loaded: list[str] = json.loads(done.stdout.replace("'", '"'))
    return loaded


def test_importing_busmodel_loads_neither_the_format_nor_the_validation_layer() -> None:
    assert [] == loaded_after("import busmodel")


def test_importing_busmodel_loads_nothing_beyond_attrs_but_the_model_and_datetime() -> None:
    code = (
        # What busmodel needs of the standard library besides: loaded first, so that the
        # test does not depend on which of them a version of attrs happens to import.
        "import sys, attrs, enum, importlib, re, threading, unicodedata\n"
        "before = set(sys.modules)\n"
        "import busmodel\n"
        "print(sorted(set(sys.modules) - before))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    added: list[str] = json.loads(done.stdout.replace("'", '"'))
    expected = {"_datetime", "datetime", "math"}
    assert [] == [
        name for name in added if name.split(".")[0] != "busmodel" and name not in expected
    ]


def test_importing_busmodel_loads_the_model_layer() -> None:
    modules = ("busmodel.model", "busmodel.model._agreement", "busmodel.model._records")
    assert list(modules) == loaded_after("import busmodel", modules)


def test_a_format_name_loads_the_format_layer_and_not_the_validation_layer() -> None:
    loaded = loaded_after("import busmodel\nbusmodel.loads")
    assert ["busmodel.format", "busmodel.format._document", "json", "tomllib"] == loaded


def test_from_import_of_a_lazy_name_loads_its_layer() -> None:
    loaded = loaded_after("from busmodel import validate")
    assert {"busmodel.format", "busmodel.validation", "busmodel.validation._engine"} <= set(loaded)


def test_a_validation_name_loads_the_validation_layer() -> None:
    loaded = loaded_after("import busmodel\nbusmodel.validate")
    assert {"busmodel.format", "busmodel.validation", "busmodel.validation._engine"} <= set(loaded)


def test_the_layer_packages_are_attributes_of_busmodel_on_first_use() -> None:
    code = "import busmodel\nassert busmodel.validation.validate is busmodel.validate"
    assert {"busmodel.format", "busmodel.validation"} <= set(loaded_after(code))


@pytest.mark.parametrize("name", sorted(busmodel.__all__))
def test_every_public_name_is_listed_by_dir(name: str) -> None:
    assert name in dir(busmodel)


def test_dir_lists_the_public_names_of_a_fresh_import_before_first_use() -> None:
    code = (
        "import busmodel\n"
        "missing = sorted(set(busmodel.__all__) - set(dir(busmodel)))\n"
        "assert [] == missing, missing"
    )
    assert [] == loaded_after(code)


@pytest.mark.parametrize("name", sorted(busmodel.__all__))
def test_every_public_name_resolves_to_the_object_of_its_layer(name: str) -> None:
    layers = (busmodel.model, busmodel.format, busmodel.validation)
    defined = [vars(layer)[name] for layer in layers if name in vars(layer)]
    assert [getattr(busmodel, name)] == defined


def test_type_checkers_see_exactly_the_lazy_names_each_imported_from_its_layer() -> None:
    tree = ast.parse(Path(str(busmodel.__file__)).read_text(encoding="utf-8"))
    imported = {
        str(statement.module): sorted(alias.name for alias in statement.names)
        for node in tree.body
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for statement in node.body
        if isinstance(statement, ast.ImportFrom)
    }
    assert {layer: sorted(names) for layer, names in busmodel._LAZY.items()} == imported


def test_every_lazy_name_is_public() -> None:
    lazy = {name for names in busmodel._LAZY.values() for name in names}
    assert set() == lazy - set(busmodel.__all__)


def test_an_unknown_name_raises_attribute_error_with_the_usual_message() -> None:
    with pytest.raises(AttributeError, match=r"^module 'busmodel' has no attribute 'nonexistent'$"):
        getattr(busmodel, "nonexistent")  # noqa: B009


def test_an_unknown_name_is_not_listed_by_dir() -> None:
    assert "nonexistent" not in dir(busmodel)


def test_hasattr_is_false_for_an_unknown_name() -> None:
    assert not hasattr(busmodel, "nonexistent")


_THREADS_SCRIPT = """
import sys, threading
sys.setswitchinterval(1e-6)
import busmodel

names = sys.argv[2:]
threads = int(sys.argv[1])
barrier = threading.Barrier(threads)
seen = [None] * threads

def work(slot):
    barrier.wait()
    seen[slot] = [
        (id(value := getattr(busmodel, name)), getattr(value, "__module__", None))
        for name in (names if slot % 2 else reversed(names))
    ]

workers = [threading.Thread(target=work, args=(slot,)) for slot in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
first = sorted(seen[0])
print(all(sorted(each) == first for each in seen), sorted({module for _, module in first}))
"""
_THREADED_NAMES = (
    "validate",
    "loads",
    "Finding",
    "DocumentError",
    "Report",
    "Registry",
    "Catalogue",
    "rule",
    "dumps",
)


@pytest.mark.parametrize("run", range(3))
def test_threads_asking_for_lazy_names_at_once_get_the_same_published_objects(run: int) -> None:
    command = [sys.executable, "-c", _THREADS_SCRIPT, "8", *_THREADED_NAMES]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    assert "True ['busmodel']" == done.stdout.strip()


def test_lazily_loaded_classes_show_busmodel_and_resolved_annotations() -> None:
    code = (
        "import busmodel, typing\n"
        "hints = typing.get_type_hints(busmodel.Finding)\n"
        "print(busmodel.Finding.__module__, busmodel.validate.__module__, "
        "busmodel.DocumentError.__module__, hints['severity'] is busmodel.Severity)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "busmodel busmodel busmodel True" == done.stdout.strip()


_LAYER_HINTS_SCRIPT = """
import attrs, importlib, sys, typing
layer = importlib.import_module(sys.argv[1])
broken = []
for name in layer.__all__:
    value = getattr(layer, name)
    if isinstance(value, type) and attrs.has(value):
        try:
            typing.get_type_hints(value)
            attrs.resolve_types(value)
        except NameError as error:
            broken.append(f"{name}: {error}")
print(len([n for n in layer.__all__ if attrs.has(getattr(layer, n))]), broken)
"""


@pytest.mark.parametrize("layer", ["busmodel.model", "busmodel.format", "busmodel.validation"])
def test_the_classes_of_a_layer_imported_alone_have_annotations_that_resolve(layer: str) -> None:
    # Code that wants one layer alone imports it, and never touches a name through busmodel.
    done = subprocess.run(
        [sys.executable, "-c", _LAYER_HINTS_SCRIPT, layer],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    count, broken = done.stdout.strip().split(" ", 1)
    assert (True, "[]") == (int(count) > 0, broken)


@pytest.mark.parametrize(
    "name", sorted(name for name in busmodel.__all__ if attrs.has(getattr(busmodel, name)))
)
def test_a_public_class_has_its_annotations_and_field_types_resolved(name: str) -> None:
    cls = getattr(busmodel, name)
    resolved = typing.get_type_hints(cls)
    assert (resolved, []) == (
        cls.__annotations__,
        [f.name for f in attrs.fields(cls) if f.type is None or isinstance(f.type, str)],
    )


_MIDWAY_SCRIPT = """
import threading
import busmodel

publish = busmodel._publish
seen = {}
others = []

def publish_with_a_thread_asking_midway(names, namespace):
    if "validate" in names and not others:
        asking = threading.Event()

        def ask():
            asking.set()
            seen["module"] = busmodel.validate.__module__

        others.append(threading.Thread(target=ask))
        others[0].start()
        asking.wait()
        others[0].join(0.5)  # time for it to get the name, were nothing to hold it back
        seen["held"] = others[0].is_alive()  # the lock held it back
    publish(names, namespace)

busmodel._publish = publish_with_a_thread_asking_midway
module = busmodel.validate.__module__
others[0].join()
print(module, seen["module"], seen["held"])
"""


def test_a_thread_asking_while_a_layer_is_being_published_waits_for_all_of_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _MIDWAY_SCRIPT],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "busmodel busmodel True" == done.stdout.strip()
