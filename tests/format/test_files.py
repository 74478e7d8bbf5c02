import os
import stat
from pathlib import Path

import pytest

from busmodel.format._files import write_whole


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    write_whole(target, b"hello")
    assert b"hello" == target.read_bytes()


def test_an_existing_file_is_replaced_keeping_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "old.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_whole(target, b"new")
    assert (b"new", 0o640) == (target.read_bytes(), stat.S_IMODE(target.stat().st_mode))
    assert [target] == list(tmp_path.iterdir())  # no temporary file left behind


def test_a_symbolic_link_stays_a_link_to_the_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_whole(link, b"new")
    assert (True, b"new") == (link.is_symlink(), target.read_bytes())


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "old.txt"
    target.write_bytes(b"old")

    def refuse(source: str, destination: str | os.PathLike[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        write_whole(target, b"new")
    assert [b"old"] == [path.read_bytes() for path in tmp_path.iterdir()]
