from pathlib import Path

import pytest

import busmodel
from busmodel import Agreement, DocumentError, Records, Registry
from busmodel._registry import document_paths


def write(path: Path, document: busmodel.Document) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    busmodel.dump(document, path)
    return path


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    b = write(tmp_path / "b" / "deep" / "b.json", Agreement(id="b", title="B"))
    a = write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    (tmp_path / "notes.txt").write_text("not a document")
    assert [a, b] == list(document_paths([tmp_path]))


def test_from_paths_indexes_agreements_and_records(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    write(tmp_path / "n.toml", Agreement(id="n", title="N", supersedes=("a",)))
    write(tmp_path / "r.json", Records(agreement="a"))
    registry = Registry.from_paths([tmp_path])
    assert ("a", "n") == tuple(a.id for a in registry.agreements())
    assert "A" == registry.agreement("a").title  # type: ignore[union-attr]
    assert None is registry.agreement("missing")
    assert (Records(agreement="a"),) == registry.records_for("a")
    assert ("n",) == tuple(a.id for a in registry.successors_of("a"))
    agreement = registry.agreement("n")
    assert agreement is not None
    assert str(tmp_path / "n.toml") == registry.source_of(agreement)


def test_an_unreadable_document_raises_unless_it_is_collected(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    (tmp_path / "bad.toml").write_text('schema = "busmodel/1"\nkind = ')
    with pytest.raises(DocumentError):
        Registry.from_paths([tmp_path])
    errors: list[DocumentError] = []
    registry = Registry.from_paths([tmp_path], on_error=errors.append)
    assert ["a"] == [a.id for a in registry.agreements()]
    assert [str(tmp_path / "bad.toml")] == [e.source for e in errors]
    assert 2 == errors[0].problems[0].line


def test_a_missing_file_is_a_document_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(DocumentError, match="cannot read") as caught:
        Registry.from_paths([missing])
    assert str(missing) == caught.value.source
