"""Writing files so that a reader (or a crash) sees either the old or the new content, never half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO


@contextmanager
def atomic_open(path: str, mode: str = "w", keep_mode_of: str | None = None) -> Iterator[IO]:  # type: ignore[type-arg]
    """Open a temporary file beside ``path``; on success it is flushed, synced and renamed over
    ``path`` (taking the permissions of ``keep_mode_of``, usually the file it replaces); on any
    error it is removed and ``path`` is untouched."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".lintnews-", suffix=".tmp", dir=folder)
    try:
        kwargs = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if keep_mode_of is not None and os.path.exists(keep_mode_of):
            os.chmod(tmp, os.stat(keep_mode_of).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_bytes(path: str, data: bytes, keep_mode_of: str | None = None) -> None:
    with atomic_open(path, "wb", keep_mode_of) as fh:
        fh.write(data)
