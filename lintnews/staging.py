"""`StagedFolder`: an output folder (``--output-dir``) that appears whole or not at all."""

from __future__ import annotations

import errno
import os
import re

from lintnews.atomic import fcntl, sync_folder

#: Marks the staging folders of `StagedFolder` (``.NAME.lintnews-tmp-XXXXXXXX``).
STAGING_MARK = ".lintnews-tmp-"


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
        #: (folder, prefix) of the staging folder, from just before it is made until it is gone.
        self._where: tuple[str, str] | None = None

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
            if os.stat(parent).st_dev != os.stat(self.target).st_dev or not os.access(
                parent, os.W_OK | os.X_OK
            ):
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
        self._where = (folder, prefix)
        # (Another run cleaning up between mkdtemp and the lock would remove this folder, and
        # this run would fail to write: a window of microseconds, and never a half-written target.)
        import tempfile  # (imported by the runs that write: a re-run from the cache writes nothing)

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
                    sync_folder(os.path.dirname(self.target))
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
                    sync_folder(dest)
        finally:
            self._cleanup()

    def abort(self) -> None:
        """Remove the staging folder and the parent folders made for it; ``target`` stays as
        it was (absent, if it was)."""
        self._cleanup()
        if self._where is not None:
            # A stop signal (Ctrl-C, SIGTERM) raises wherever the run is: right after mkdtemp
            # made the folder, before `stage` knew its name or locked it. Such a folder is
            # unlocked: remove it as a leftover.
            remove_stale_staging(*self._where)
            self._where = None
        for folder in self._made:
            try:
                os.rmdir(folder)
            except OSError:
                break
        self._made = []

    def _cleanup(self) -> None:
        if self.path is not None:
            import shutil

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
        names = [
            n
            for n in os.listdir(folder)
            if n.startswith(prefix) and _STAGING_SUFFIX.fullmatch(n[len(prefix) :])
        ]
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
            import shutil

            shutil.rmtree(path, ignore_errors=True)
        finally:
            os.close(fd)


#: What `tempfile.mkdtemp` appends to the prefix.
_STAGING_SUFFIX = re.compile(r"[a-z0-9_]{8}")
