"""Reading from open files, and keeping the positions of what was read."""

from __future__ import annotations

import errno
import io
import sys
from pathlib import Path

import pytest

import busmodel
from busmodel import Agreement, DocumentError, Records, Registry
from busmodel.format import Entry, Loaded, Position, Positions, load, read

RECORDS_TOML = b'schema = "busmodel/1"\nkind = "records"\nagreement = "a"\n'
RECORDS_JSON = b'{\n  "schema": "busmodel/1",\n  "kind": "records",\n  "agreement": "a"\n}\n'
RECORDS = Records(agreement="a")


# -- file objects ----------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        RECORDS_TOML,
        RECORDS_JSON,
        b"\xef\xbb\xbf \r\n\t" + RECORDS_JSON,
        b"\xef\xbb\xbf" + RECORDS_TOML,
    ],
    ids=["toml", "json", "json after a byte order mark and blanks", "toml after a byte order mark"],
)
def test_load_of_bytes_without_a_name_tells_json_by_its_opening_brace(content: bytes) -> None:
    assert RECORDS == load(io.BytesIO(content))


def test_load_of_bytes_takes_the_format_given() -> None:
    with pytest.raises(DocumentError) as caught:
        load(io.BytesIO(RECORDS_TOML), format="json")

    assert [("", 1, 1)] == [(p.path, p.line, p.column) for p in caught.value.problems]


def test_load_of_a_file_opened_in_binary_mode_takes_the_format_from_its_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "records.JSON"
    path.write_bytes(b'  \n  {"schema": "busmodel/1", "kind": "records", "agreement": "a"}')
    with path.open("rb") as file:
        loaded = read(file)

    assert (RECORDS, str(path)) == (loaded.document, loaded.source)
    assert Position(2, 4) == loaded.positions.locate("/schema")


def test_load_of_an_open_file_whose_suffix_names_no_format_looks_at_the_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "records.txt"
    path.write_bytes(RECORDS_JSON)
    with path.open("rb") as file:
        assert RECORDS == load(file)


def test_an_open_file_names_the_document_in_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b'schema = "busmodel/1"\nkind = "records"\nagrement = "a"\n')
    with path.open("rb") as file, pytest.raises(DocumentError) as caught:
        load(file)

    assert str(path) == caught.value.source
    assert ("/agrement", 3, 1) in [(p.path, p.line, p.column) for p in caught.value.problems]


def test_bytes_without_a_name_are_named_file_in_problems() -> None:
    with pytest.raises(DocumentError) as caught:
        load(io.BytesIO(b"kind = "))

    assert "<file>" == caught.value.source


def test_standard_input_is_named_stdin_in_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"kind = "), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    with pytest.raises(DocumentError) as caught:
        load(sys.stdin.buffer)

    assert "<stdin>" == caught.value.source


def test_bytes_that_are_not_utf_8_are_a_located_document_error() -> None:
    with pytest.raises(DocumentError) as caught:
        load(io.BytesIO(b'schema = "busmodel/1"\ntitle = "Alings\xe5s"\n'))

    [problem] = caught.value.problems
    assert ("<file>", 2, 16) == (caught.value.source, problem.line, problem.column)
    assert problem.message.startswith("not UTF-8 text")


def test_a_file_opened_in_text_mode_is_refused_as_tomllib_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "records.toml"
    path.write_bytes(RECORDS_TOML)
    with path.open(encoding="utf-8") as file, pytest.raises(TypeError, match="binary mode"):
        load(file)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary mode"):
        read(io.StringIO(RECORDS_TOML.decode()))  # type: ignore[arg-type]


def test_a_reader_that_gives_text_is_refused_as_not_binary() -> None:
    class Text:
        def read(self) -> str:
            return RECORDS_TOML.decode()

    with pytest.raises(TypeError, match="binary mode"):
        load(Text())  # type: ignore[arg-type]


def test_something_that_is_neither_a_path_nor_a_file_is_refused() -> None:
    with pytest.raises(TypeError, match="a path or a file opened in binary mode, got bytes"):
        load(RECORDS_TOML)  # type: ignore[arg-type]


def test_a_file_that_fails_to_be_read_is_a_document_error() -> None:
    class Failing:
        name = "broken.toml"

        def read(self) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(DocumentError) as caught:
        load(Failing())

    assert ("broken.toml", ["cannot read: input/output error"]) == (
        caught.value.source,
        [p.message for p in caught.value.problems],
    )


def test_a_format_that_is_neither_toml_nor_json_is_refused() -> None:
    with pytest.raises(ValueError, match="'toml' or 'json'"):
        load(io.BytesIO(RECORDS_TOML), format="yaml")  # type: ignore[arg-type]


def test_load_agreement_and_load_records_take_an_open_file() -> None:
    agreement = Agreement(id="a", title="A")

    assert agreement == busmodel.load_agreement(io.BytesIO(busmodel.dumps(agreement).encode()))
    assert RECORDS == busmodel.load_records(io.BytesIO(RECORDS_JSON))


# -- read: the document with its positions ------------------------------------------------


def test_read_gives_the_document_its_source_and_where_its_values_are(tmp_path: Path) -> None:
    path = tmp_path / "records.toml"
    path.write_bytes(RECORDS_TOML)
    loaded = read(path)

    assert Loaded(RECORDS, str(path), Positions.of(RECORDS_TOML.decode(), "toml")) == loaded
    assert Position(3, 1) == loaded.positions.locate("/agreement")


def test_a_path_may_be_read_in_the_format_given_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "records.conf"
    path.write_bytes(RECORDS_JSON)

    assert RECORDS == load(path, format="json")


def test_loaded_documents_compare_by_document_and_source_not_positions() -> None:
    one = Loaded(RECORDS, "a.toml", Positions.of("x = 1", "toml"))
    other = Loaded(RECORDS, "a.toml", Positions.of("y = 2", "toml"))

    assert one == other
    assert one != Loaded(RECORDS, "b.toml", one.positions)


# -- the registry keeps the positions ---------------------------------------------------


def test_a_registry_read_from_files_keeps_where_each_documents_values_are(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        'schema = "busmodel/1"\nkind = "agreement"\nid = "a"\n\ntitle = "A"\n'
    )
    (tmp_path / "r.json").write_bytes(RECORDS_JSON)
    registry = Registry.from_paths([tmp_path])
    agreement = registry.agreement("a")
    [records] = registry.records_for("a")

    assert agreement is not None
    positions, records_positions = registry.positions_of(agreement), registry.positions_of(records)
    assert positions is not None
    assert records_positions is not None
    assert Position(5, 1) == positions.locate("/title")
    assert Position(4, 3) == records_positions.locate("/agreement")
    assert [entry.positions for entry in registry.entries] == [positions, records_positions]


def test_a_registry_of_documents_in_memory_has_no_positions() -> None:
    registry = Registry.of([RECORDS])

    assert (None, None) == (registry.positions_of(RECORDS), registry.entries[0].positions)


def test_an_entry_is_made_from_its_source_and_document_and_compared_without_positions() -> None:
    positions = Positions.of(RECORDS_TOML.decode(), "toml")

    assert Entry("a.toml", RECORDS) == Entry("a.toml", RECORDS, positions)
    assert None is Entry("a.toml", RECORDS).positions
