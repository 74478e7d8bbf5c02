import datetime as dt
import errno
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

import busmodel
from busmodel import Agreement, DocumentError, Records, Registry
from busmodel.format._registry import Entry, document_paths


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


def refuse_to_list(monkeypatch: pytest.MonkeyPatch, directory: Path) -> None:
    """Make listing ``directory`` fail as it does for a user without permission."""
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path) == os.fspath(directory):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def collected(paths: list[Path]) -> tuple[list[str], dict[str, list[str]]]:
    """The ids of the agreements read from ``paths``, and the problems of the rest by source."""
    errors: list[DocumentError] = []
    registry = Registry.from_paths(paths, on_error=errors.append)
    problems = {e.source: [p.message for p in e.problems] for e in errors}
    return [a.id for a in registry.agreements()], problems


def test_a_subdirectory_that_cannot_be_listed_is_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    sub = tmp_path / "sub"
    write(sub / "b.toml", Agreement(id="b", title="B"))
    refuse_to_list(monkeypatch, sub)
    assert (["a"], {str(sub): ["cannot read this directory: permission denied"]}) == collected(
        [tmp_path]
    )
    with pytest.raises(DocumentError, match="permission denied"):
        Registry.from_paths([tmp_path])


def test_a_given_directory_that_cannot_be_listed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    refuse_to_list(monkeypatch, tmp_path)
    assert ([], {str(tmp_path): ["cannot read this directory: permission denied"]}) == collected(
        [tmp_path]
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_a_subdirectory_without_permission_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    sub = tmp_path / "sub"
    write(sub / "b.toml", Agreement(id="b", title="B"))
    sub.chmod(0)
    try:
        assert (["a"], {str(sub): ["cannot read this directory: permission denied"]}) == (
            collected([tmp_path])
        )
    finally:
        sub.chmod(0o755)


def test_unreadable_entries_take_their_place_in_the_sorted_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    b = tmp_path / "b"
    write(b / "x.toml", Agreement(id="x", title="X"))
    c = write(tmp_path / "c.json", Agreement(id="c", title="C"))
    refuse_to_list(monkeypatch, b)
    assert [a, b, c] == list(document_paths([tmp_path]))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_like_a_document_is_reported_not_read_or_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    fifo = tmp_path / "deep" / "pipe.toml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    os.mkfifo(tmp_path / "other-pipe")  # not named like a document: not looked at
    message = "cannot read: not a regular file but a FIFO (named pipe)"
    assert (["a"], {str(fifo): [message]}) == collected([tmp_path])


def test_a_dangling_link_named_like_a_document_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    link = tmp_path / "gone.json"
    link.symlink_to(tmp_path / "nowhere.json")
    message = "cannot read: a symbolic link to a file that does not exist"
    assert (["a"], {str(link): [message]}) == collected([tmp_path])


def test_links_to_files_are_read_and_links_to_directories_are_not_followed(
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "b.toml", Agreement(id="b", title="B"))
    walked = tmp_path / "walked"
    write(walked / "a.toml", Agreement(id="a", title="A"))
    (walked / "b.toml").symlink_to(elsewhere / "b.toml")
    (walked / "dir").symlink_to(elsewhere, target_is_directory=True)
    (walked / "dir.toml").symlink_to(elsewhere, target_is_directory=True)
    assert [walked / "a.toml", walked / "b.toml"] == list(document_paths([walked]))


def test_a_link_cycle_does_not_loop(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", Agreement(id="a", title="A"))
    (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    assert [tmp_path / "a.toml"] == list(document_paths([tmp_path]))


def test_a_given_path_with_a_name_too_long_is_reported_not_raised(tmp_path: Path) -> None:
    long = tmp_path / ("a" * 300 + ".toml")
    assert ([], {str(long): ["cannot read: file name too long"]}) == collected([long])


def test_a_given_directory_is_walked_even_through_a_link(tmp_path: Path) -> None:
    a = write(tmp_path / "real" / "a.toml", Agreement(id="a", title="A"))
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    assert [tmp_path / "link" / a.name] == list(document_paths([tmp_path / "link"]))


def test_agreements_with_id_gives_every_agreement_with_it_in_registry_order() -> None:
    first, second = Agreement(id="a", title="A"), Agreement(id="a", title="B")
    registry = Registry.of([first, Records(agreement="a"), Agreement(id="b", title="C"), second])
    assert (first, second) == registry.agreements_with_id("a")
    assert first is registry.agreement("a")
    assert () == registry.agreements_with_id("missing")


def test_source_of_is_by_identity_and_the_first_entry_of_a_document() -> None:
    agreement = Agreement(id="a", title="A")
    registry = Registry((Entry("a.toml", agreement), Entry("again.toml", agreement)))
    assert "a.toml" == registry.source_of(agreement)
    assert None is registry.source_of(Agreement(id="a", title="A"))  # equal, but not this one


def test_successors_of_lists_an_agreement_once_in_registry_order() -> None:
    later = Agreement(id="c", title="C", supersedes=("a", "a"))
    registry = Registry.of([Agreement(id="b", title="B", supersedes=("a",)), later])
    assert ("b", "c") == tuple(a.id for a in registry.successors_of("a"))
    assert () == registry.successors_of("c")


def test_a_registry_indexes_without_changing_equality_or_hashing() -> None:
    documents: list[busmodel.Document] = [Agreement(id="a", title="A"), Records(agreement="a")]
    looked_up, fresh = Registry.of(documents), Registry.of(documents)
    assert 1 == len(looked_up.records_for("a"))
    assert (fresh, hash(fresh)) == (looked_up, hash(looked_up))


# -- extensions (förlängning) ------------------------------------------------------------

_CLAUSE = busmodel.Validity(
    busmodel.ValidityBasis.FIXED,
    busmodel.Period(dt.date(2021, 1, 1), dt.date(2022, 12, 31)),
    extension=busmodel.Extension(2),
)


def _extension(extension_id: str, start: dt.date, end: dt.date | None) -> Agreement:
    return Agreement(
        id=extension_id,
        title=f"Förlängning {start.year}–{end.year if end else ''}",
        kind=busmodel.AgreementKind.EXTENSION,
        extends="bus-2021",
        validity=busmodel.Validity(busmodel.ValidityBasis.FIXED, busmodel.Period(start, end)),
    )


def _first_extension() -> Agreement:
    return _extension("f2023", dt.date(2023, 1, 1), dt.date(2024, 12, 31))


def _second_extension() -> Agreement:
    return _extension("f2025", dt.date(2025, 1, 1), dt.date(2026, 12, 31))


def test_extensions_of_lists_the_extension_documents_in_order_of_their_start() -> None:
    base = Agreement(id="bus-2021", title="BUS", validity=_CLAUSE)
    undated = attrs.evolve(_first_extension(), id="f-utan-datum", validity=None)
    registry = Registry.of([_second_extension(), undated, base, _first_extension()])
    assert ["f2023", "f2025", "f-utan-datum"] == [e.id for e in registry.extensions_of("bus-2021")]
    assert () == registry.extensions_of("f2023")
    assert () == registry.extensions_of("missing")


def test_effective_validity_runs_through_the_chain_of_extensions() -> None:
    base = Agreement(id="bus-2021", title="BUS", validity=_CLAUSE)
    registry = Registry.of([base, _second_extension(), _first_extension()])
    expected = busmodel.Period(dt.date(2021, 1, 1), dt.date(2026, 12, 31))
    assert expected == registry.effective_validity("bus-2021")


def test_effective_validity_stops_at_the_first_gap() -> None:
    base = Agreement(id="bus-2021", title="BUS", validity=_CLAUSE)
    late = _extension("f2025", dt.date(2025, 2, 1), dt.date(2026, 12, 31))
    registry = Registry.of([base, _first_extension(), late])
    expected = busmodel.Period(dt.date(2021, 1, 1), dt.date(2024, 12, 31))
    assert expected == registry.effective_validity("bus-2021")


def test_effective_validity_follows_an_overlapping_extension_to_its_later_end() -> None:
    base = Agreement(id="bus-2021", title="BUS", validity=_CLAUSE)
    early = _extension("f2022", dt.date(2022, 7, 1), dt.date(2024, 6, 30))
    registry = Registry.of([base, early])
    expected = busmodel.Period(dt.date(2021, 1, 1), dt.date(2024, 6, 30))
    assert expected == registry.effective_validity("bus-2021")


def test_effective_validity_without_extensions_is_the_validity() -> None:
    base = Agreement(id="bus-2021", title="BUS", validity=_CLAUSE)
    registry = Registry.of([base, Agreement(id="other", title="O")])
    assert _CLAUSE.period == registry.effective_validity("bus-2021")
    assert None is registry.effective_validity("other")
    assert None is registry.effective_validity("missing")


def test_effective_validity_is_worked_out_once_per_registry() -> None:
    base = Agreement(id="bus-2021", title="BUS", validity=_CLAUSE)
    registry = Registry.of([base, _first_extension()])
    first = registry.effective_validity("bus-2021")
    assert first is registry.effective_validity("bus-2021")
    assert registry == Registry.of([base, _first_extension()])


def test_a_single_path_given_as_a_string_is_one_path_not_its_letters() -> None:
    registry = Registry.from_paths("examples/partille-bus.toml")
    assert ["examples/partille-bus.toml"] == [entry.source for entry in registry.entries]
