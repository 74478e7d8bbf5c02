import copy
import json
import os
import tempfile
import tomllib
import unicodedata
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import busmodel
from busmodel import Agreement, DocumentError, Format, ModelError, Records, dumps, loads
from tests.property.strategies import documents, every_document, json_values, raw_texts
from tests.support.paths import EXAMPLES

FORMATS: list[Format] = ["toml", "json"]
slow = settings(max_examples=100, deadline=None)

toml_values: st.SearchStrategy[Any] = st.recursive(
    st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
"""Any value TOML can hold: like JSON, without null, integers of any size (TOML promises
64 bits; Python's reader takes more)."""

Path = tuple[str | int, ...]


def read_or_reject(text: str, fmt: Format) -> None:
    """Load ``text``; bad input may raise DocumentError with pointers, and nothing else."""
    try:
        loads(text, fmt)
    except DocumentError as error:
        problems = error.problems
    else:
        return
    assert problems
    assert all(problem.path == "" or problem.path.startswith("/") for problem in problems)
    places = [(problem.line or 0, problem.column or 0) for problem in problems]
    assert sorted(places) == places  # in the order of the text
    lines = text.removeprefix("\ufeff").splitlines() or [""]
    for problem in problems:  # every place is in the text
        if problem.line is not None:
            assert 1 <= problem.line <= len(lines) + 1


def containers(value: object, path: Path = ()) -> list[Path]:
    """The paths of every table and array in ``value``, itself first."""
    found: list[Path] = []
    if isinstance(value, dict):
        found.append(path)
        for key, item in value.items():
            found.extend(containers(item, (*path, key)))
    elif isinstance(value, list):
        found.append(path)
        for index, item in enumerate(value):
            found.extend(containers(item, (*path, index)))
    return found


def at(value: Any, path: Path) -> Any:
    for step in path:
        value = value[step]
    return value


def mutate(data: st.DataObject, document: dict[str, Any], values: st.SearchStrategy[Any]) -> None:
    """Drop a key, add an unknown key, or replace a value, somewhere in ``document``."""
    target = at(document, data.draw(st.sampled_from(containers(document)), label="container"))
    operation = data.draw(st.sampled_from(["drop", "add", "replace"]), label="operation")
    if operation == "add" and isinstance(target, dict):
        key = data.draw(st.text(max_size=10).filter(lambda key: key not in target), label="key")
        target[key] = data.draw(values, label="value")
    elif target:
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = data.draw(st.sampled_from(keys), label="key")
        if operation == "drop":
            del target[key]
        else:
            target[key] = data.draw(values, label="value")


@slow
@given(documents)
@pytest.mark.parametrize("fmt", FORMATS)
def test_loads_reads_back_what_dumps_writes(fmt: Format, document: Agreement | Records) -> None:
    assert document == loads(dumps(document, fmt), fmt)


@slow
@given(documents)
@pytest.mark.parametrize("fmt", FORMATS)
def test_dumps_is_deterministic(fmt: Format, document: Agreement | Records) -> None:
    text = dumps(document, fmt)

    assert text == dumps(copy.deepcopy(document), fmt)
    assert text == dumps(loads(text, fmt), fmt)


@given(st.text())
@pytest.mark.parametrize("fmt", FORMATS)
def test_random_text_only_ever_raises_document_error(fmt: Format, text: str) -> None:
    read_or_reject(text, fmt)


@given(st.text())
def test_random_text_after_a_valid_header_only_ever_raises_document_error(text: str) -> None:
    read_or_reject('schema = "busmodel/1"\nkind = "agreement"\n' + text, "toml")


@given(json_values)
def test_random_json_values_only_ever_raise_document_error(value: Any) -> None:
    read_or_reject(json.dumps(value), "json")


@given(
    st.dictionaries(st.text(max_size=10), json_values, max_size=6),
    st.sampled_from(["agreement", "framework", "records"]),
)
def test_random_json_tables_under_a_valid_header_only_ever_raise_document_error(
    table: dict[str, Any], kind: str
) -> None:
    read_or_reject(json.dumps({"schema": "busmodel/1", "kind": kind, **table}), "json")


@slow
@given(documents, st.data())
def test_mutated_json_documents_only_ever_raise_document_error(
    document: Agreement | Records, data: st.DataObject
) -> None:
    parsed = json.loads(dumps(document, "json"))
    mutate(data, parsed, json_values)

    read_or_reject(json.dumps(parsed), "json")


@slow
@given(documents, st.data())
def test_mutated_toml_documents_only_ever_raise_document_error(
    document: Agreement | Records, data: st.DataObject
) -> None:
    parsed = tomllib.loads(dumps(document, "toml"))
    mutate(data, parsed, toml_values)

    read_or_reject(tomli_w.dumps(parsed), "toml")


def _agreement_of(texts: list[str]) -> Agreement | None:
    """An agreement that carries ``texts`` in many kinds of place, or None if it refuses one."""
    title, purpose, name, topic, *principles = texts
    try:
        return Agreement(
            id="a",
            title=title,
            purpose=purpose,
            principles=tuple(principles),
            bodies=(busmodel.Body("b", name, busmodel.BodyKind.COMMITTEE),),
            exemptions=(busmodel.Exemption("SIG", topic, path=f"/parties/{topic}"),),
        )
    except ModelError:
        return None


@slow
@given(st.lists(raw_texts, min_size=4, max_size=6))
@pytest.mark.parametrize("fmt", FORMATS)
def test_whatever_text_the_model_takes_dumps_writes_and_loads_reads_back_equal(
    fmt: Format, texts: list[str]
) -> None:
    agreement = _agreement_of(texts)
    if agreement is None:
        return
    text = dumps(agreement, fmt)
    text.encode("utf-8")  # every file busmodel writes is UTF-8
    assert agreement == loads(text, fmt)


@slow
@given(st.lists(raw_texts, min_size=4, max_size=6))
def test_whatever_text_the_model_takes_survives_dump_and_load_through_a_file(
    texts: list[str],
) -> None:
    agreement = _agreement_of(texts)
    if agreement is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            path = os.path.join(folder, f"a.{fmt}")
            busmodel.dump(agreement, path)
            assert agreement == busmodel.load(path)


@given(raw_texts)
def test_the_model_takes_exactly_the_text_that_shows_and_can_be_written(text: str) -> None:
    writable = all(
        not 0xD800 <= ord(char) <= 0xDFFF
        and (unicodedata.category(char) != "Cc" or char in "\t\n\r")
        for char in text
    )
    shows = any(
        not char.isspace() and unicodedata.category(char) != "Cf"
        for char in unicodedata.normalize("NFKC", text)
    )
    if writable and shows:
        assert text == Agreement(id="a", title=text).title
    else:
        with pytest.raises(ModelError) as caught:
            Agreement(id="a", title=text)
        assert "title" == caught.value.field


# -- nothing lost: every kind of document, drafts and extension documents included ----

_SLOW_TO_DRAW = [HealthCheck.too_slow, HealthCheck.filter_too_much]
lossless = settings(max_examples=50, deadline=None, suppress_health_check=_SLOW_TO_DRAW)
lossless_files = settings(max_examples=25, deadline=None, suppress_health_check=_SLOW_TO_DRAW)


@lossless
@given(every_document)
@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_is_lost_between_dumps_and_loads_for_every_kind_of_document(
    fmt: Format, document: Agreement | Records
) -> None:
    text = dumps(document, fmt)
    again = loads(text, fmt)  # nothing dumps writes is refused

    assert document == again
    assert text == dumps(again, fmt)  # byte-stable


@lossless
@given(every_document)
def test_a_document_goes_from_toml_to_json_and_back_unchanged(
    document: Agreement | Records,
) -> None:
    through_json = loads(dumps(loads(dumps(document, "toml"), "toml"), "json"), "json")

    assert document == through_json
    assert dumps(document, "toml") == dumps(through_json, "toml")


@lossless_files
@given(every_document)
def test_what_dump_writes_to_a_file_load_reads_back_equal(document: Agreement | Records) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            path = os.path.join(folder, f"document.{fmt}")
            busmodel.dump(document, path)
            with open(path, "rb") as file:
                assert document == busmodel.load(file)
            assert document == busmodel.load(path)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.toml")), ids=lambda path: path.name)
@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_is_lost_from_an_example(fmt: Format, example: Any) -> None:
    document = busmodel.load(example)
    text = dumps(document, fmt)

    assert document == loads(text, fmt)
    assert text == dumps(loads(text, fmt), fmt)
