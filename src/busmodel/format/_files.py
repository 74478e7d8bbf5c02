"""Writing a file whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["write_whole"]


def write_whole(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path``, replacing the file whole or not at all.

    A new file is created exclusively, with the permissions the umask gives. An
    existing one is replaced by a complete temporary file beside it, which takes its
    place (and its permissions) with :func:`os.replace`, so that a reader never sees
    half a file and writing a file over itself (``renew a.toml -o a.toml``) cannot
    empty it. A symbolic link stays a link: the file it points to is replaced.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    if mode is None:  # a new file: nothing to lose, and the umask gives its permissions
        try:
            with target.open("xb") as handle:
                handle.write(data)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return
    import tempfile  # only to replace a file: 3-4 ms of imports a process need not pay

    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
