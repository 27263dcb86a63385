"""Writing files so that a reader (or a crash) sees either the old or the new content, never half."""

from __future__ import annotations

import errno
import os
import re
import shutil
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


#: Marks the staging folders of `StagedFolder` (``.NAME.lintnews-tmp-XXXXXXXX``).
STAGING_MARK = ".lintnews-tmp-"

try:  # a lock on the staging folder tells later runs it is in use (POSIX)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


class StagedFolder:
    """An output folder that appears whole or not at all.

    Everything is written into a staging folder beside ``target`` (same parent, so the same file
    system), created on first use by `stage`. `commit` renames it to ``target`` when ``target``
    does not exist; when it does (a user may pass an existing folder, even ``.``), each staged
    file is moved into it with `os.replace` (each atomic), creating subfolders as needed, and
    nothing else in ``target`` is touched. `abort` removes the staging folder (and any parent
    folders created for it), so a failed or interrupted run leaves no ``target`` behind.

    The staging folder is locked (``flock``) while its run lives. A run killed outright
    (``SIGKILL``, power loss) cannot clean up and leaves ``.NAME.lintnews-tmp-*`` beside
    ``target``; the next run with the same ``target`` removes such folders when no live run
    holds their lock."""

    def __init__(self, target: str) -> None:
        self.target = os.path.abspath(target)
        #: The staging folder, once created.
        self.path: str | None = None
        self._lock: int | None = None
        self._made: list[str] = []

    def _place(self) -> tuple[str, str]:
        """(folder, name prefix) of the staging folder: beside the target, or inside an existing
        target when that is the only place on its file system (the root, a mount point, or a
        parent folder this user cannot write)."""
        parent, name = os.path.split(self.target)
        inside = (self.target, STAGING_MARK)
        if not name:  # the root folder
            return inside
        sibling = (parent, f".{name}{STAGING_MARK}")
        if not os.path.isdir(self.target):
            return sibling
        try:
            if os.stat(parent).st_dev != os.stat(self.target).st_dev or not os.access(parent, os.W_OK | os.X_OK):
                return inside
        except OSError:
            return inside
        return sibling

    def stage(self) -> str:
        """The staging folder (created on the first call)."""
        if self.path is not None:
            return self.path
        folder, prefix = self._place()
        missing = []
        probe = folder
        while not os.path.isdir(probe) and os.path.dirname(probe) != probe:
            missing.append(probe)
            probe = os.path.dirname(probe)
        os.makedirs(folder, exist_ok=True)
        self._made = missing  # innermost first
        remove_stale_staging(folder, prefix)
        # (Another run cleaning up between mkdtemp and the lock would remove this folder, and
        # this run would fail to write: a window of microseconds, and never a half-written target.)
        self.path = path = tempfile.mkdtemp(prefix=prefix, dir=folder)
        self._lock = _lock(path)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(path, 0o777 & ~umask)  # mkdtemp's 0o700 would become the target's mode
        return path

    def staged(self, rel: str) -> str:
        """Where the file that belongs at ``target/rel`` is written."""
        return os.path.join(self.stage(), rel)

    def commit(self) -> None:
        """Move the staged files into place (nothing to do when nothing was staged)."""
        path = self.path
        if path is None:
            self.abort()  # parent folders made for a staging folder that could not be made
            return
        self._made = []
        try:
            if not os.path.lexists(self.target):
                try:
                    os.rename(path, self.target)
                    self.path = None
                    _sync_folder(os.path.dirname(self.target))
                    return
                except OSError as exc:
                    if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                        raise
                    # The target appeared meanwhile: merge into it.
            for folder, _subfolders, files in os.walk(path):
                rel = os.path.relpath(folder, path)
                dest = self.target if rel == "." else os.path.join(self.target, rel)
                os.makedirs(dest, exist_ok=True)
                for name in files:
                    os.replace(os.path.join(folder, name), os.path.join(dest, name))
                if files:
                    _sync_folder(dest)
        finally:
            self._cleanup()

    def abort(self) -> None:
        """Remove the staging folder and the parent folders made for it; ``target`` stays as
        it was (absent, if it was)."""
        self._cleanup()
        for folder in self._made:
            try:
                os.rmdir(folder)
            except OSError:
                break
        self._made = []

    def _cleanup(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _lock(path: str) -> int | None:
    """Hold an exclusive lock on folder ``path`` until the returned descriptor is closed."""
    if fcntl is None:  # pragma: no cover
        return None
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def remove_stale_staging(folder: str, prefix: str) -> None:
    """Remove staging folders ``folder/PREFIX*`` left by killed runs: those no live run has
    locked. Without ``flock`` (not POSIX) they are left alone."""
    if fcntl is None:  # pragma: no cover
        return
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and _STAGING_SUFFIX.fullmatch(n[len(prefix) :])]
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # a live run is writing it
        try:
            shutil.rmtree(path, ignore_errors=True)
        finally:
            os.close(fd)


#: What `tempfile.mkdtemp` appends to the prefix.
_STAGING_SUFFIX = re.compile(r"[a-z0-9_]{8}")


def _sync_folder(folder: str) -> None:
    """Make renames in ``folder`` durable (best effort: not every system can sync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
