"""Files in which lintnews keeps what it makes once from sources that rarely change (the built-in
phrase packs as read and checked, B011's compiled comment-header patterns, T002's word lists),
beside those sources as Python keeps bytecode beside modules (``__pycache__/``): a later process
reads the file instead of making the same thing again.

A kept file starts with a key, a hash of everything its content follows from, which its user
computes; a key that differs, a file that cannot be read or decoded: `read` answers None and the
user makes the content as if there were no file, then `write`s it when it may, as bytecode is
written: not when ``PYTHONDONTWRITEBYTECODE`` (or ``-B``) is set, nor where the folder cannot be
written (an install owned by another user: every run then makes it, as before). A file is written
whole (a reader sees the old one or the new) or not at all. The content is `marshal`'s: plain
data (numbers, strings, bytes, lists, tuples, dicts), nothing that runs code when read.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

#: An environment variable naming another folder for every kept file (tests; a read-only install).
FOLDER_VARIABLE = "LINTNEWS_PACK_CACHE"


def path(folder: Path, name: str) -> Path:
    """Where the kept file ``name`` of sources in ``folder`` is: ``folder/__pycache__/`` (or the
    folder `FOLDER_VARIABLE` names), tagged with the interpreter as bytecode is."""
    where = os.environ.get(FOLDER_VARIABLE)
    tag = sys.implementation.cache_tag or "python"
    return (Path(where) if where else folder / "__pycache__") / f"{name}.{tag}.marshal"


def read(file: Path, key: bytes) -> Any:
    """The content of ``file`` if it was written under ``key``, else None."""
    try:
        data = file.read_bytes()
    except OSError:
        return None
    if data[: len(key)] != key:
        return None
    try:
        return marshal.loads(data[len(key) :])
    except (EOFError, ValueError, TypeError):
        return None


def writable(file: Path) -> bool:
    """Whether `write` may write ``file`` (what is made only to be kept need not be made)."""
    if sys.dont_write_bytecode:
        return False
    folder = file.parent
    return os.access(folder if folder.exists() else folder.parent, os.W_OK)


def write(file: Path, key: bytes, content: Any) -> None:
    """Write ``content`` to ``file`` under ``key``, whole or not at all (see the module docstring)."""
    if sys.dont_write_bytecode:
        return
    try:
        data = key + marshal.dumps(content)
    except ValueError:  # (a value marshal cannot write; none is expected)
        return
    write_bytes(file, data)


def write_bytes(file: Path, data: bytes, private: bool = False) -> bool:
    """Write ``data`` to ``file`` whole or not at all, where bytecode would be written (see the
    module docstring); readable as a ``.pyc`` is, or only by this user (mode 0600) when
    ``private``. Whether it was written."""
    if sys.dont_write_bytecode:
        return False
    import tempfile  # (here: most runs write nothing, and it imports shutil, random, bz2, lzma)

    try:
        file.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name.split('.')[0]}-", suffix=".tmp", dir=file.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if not private:
            os.chmod(tmp, file.parent.stat().st_mode & 0o666)  # (mkstemp's is 0600)
        os.replace(tmp, file)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True
