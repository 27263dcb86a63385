"""Writing files so that a reader (or a crash) sees either the old or the new content, never half."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

try:  # locks tell later runs that a temporary file or staging folder is in use (POSIX)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


#: Temporary files of `atomic_open` are named ``.lintnews-XXXXXXXX.tmp`` (``XXXXXXXX`` from mkstemp).
TEMP_PREFIX, TEMP_SUFFIX = ".lintnews-", ".tmp"
_TEMP_NAME = re.compile(r"\.lintnews-[a-z0-9_]{8}\.tmp")


class ReadOnlyFile(PermissionError):
    """An existing file without write permission: lintnews does not replace it."""


class AlreadyWritten(FileExistsError):
    """`atomic_open` with ``exclusive``: the file exists (another input's copy was written there)."""


def _read_only(path: str, st: os.stat_result) -> bool:
    """Whether the user may not write ``path``, or (as root, who may write anything) whether the
    file has no write permission bit at all: someone made it read-only on purpose."""
    return not os.access(path, os.W_OK) or not st.st_mode & 0o222


def write_plan(path: str) -> tuple[str, str, os.stat_result | None]:
    """How `atomic_open` writes ``path``: ``(how, where, stat)``.

    - ``create``: nothing there yet (a dangling symbolic link: its target is created);
    - ``replace``: a regular file (through any symbolic link: the file it points to is replaced,
      the link stays), replaced atomically by a renamed temporary file;
    - ``inplace``: a regular file with more than one hard link: rewritten in place, so every
      name sees the new content (a rename would leave the other names with the old one);
    - ``through``: anything else (a device such as ``/dev/null``, a named pipe), and a name of
      an open descriptor (``/dev/stdout``, ``/dev/fd/N``, ``/proc/self/fd/N``, even when it
      leads to a regular file: the shell's ``> file``): opened and written to, never replaced.

    A regular file that is read-only (`ReadOnlyFile`) is not written."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "create", os.path.realpath(path) if os.path.islink(path) else path, None
    if not stat.S_ISREG(st.st_mode) or _names_a_descriptor(path):
        return "through", path, st
    if _read_only(path, st):
        raise ReadOnlyFile(errno.EACCES, "the file is read-only (make it writable to have it replaced)", path)
    return ("inplace" if st.st_nlink > 1 else "replace"), os.path.realpath(path), st


def _names_a_descriptor(path: str) -> bool:
    """Whether ``path`` leads through ``/proc/…/fd`` (``/dev/stdout``, ``/dev/fd/1``): the name
    of an open descriptor, whatever it is open on."""
    here = os.path.abspath(path)
    for _ in range(40):  # the kernel's limit on links followed
        if os.path.realpath(os.path.dirname(here)).startswith("/proc/"):
            return True
        if not os.path.islink(here):
            return False
        here = os.path.normpath(os.path.join(os.path.dirname(here), os.readlink(here)))
    return False


@contextmanager
def atomic_open(
    path: str,
    mode: str = "w",
    keep_mode_of: str | None = None,
    *,
    verify: Callable[[], None] | None = None,
    exclusive: bool = False,
) -> Iterator[IO]:  # type: ignore[type-arg]
    """Open ``path`` for writing so that a reader (or a crash) sees the old content or the new,
    never half (see `write_plan` for what is done with links, devices and pipes).

    The content goes to a temporary file beside the file written (locked while this process
    lives, see `remove_stale_temps`); on success it is flushed, synced and renamed over it,
    taking the permissions of ``keep_mode_of`` (else of the file it replaces; its owner too,
    when this process may set it). ``verify`` runs just before that and may raise to keep the
    old file (it changed meanwhile); with ``exclusive``, an existing file is not replaced
    (`AlreadyWritten`). On any error the temporary file is removed and ``path`` is untouched."""
    how, where, st = write_plan(path)
    kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
    if how == "through":
        with open(path, mode, **kwargs) as through:
            yield through
        return
    folder = os.path.dirname(os.path.abspath(where))
    remove_stale_temps(folder)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    try:
        _flock(fd)
        with os.fdopen(fd, mode, **kwargs) as fh:  # closing it releases the lock
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
            if verify is not None:
                verify()
            if how == "inplace":
                assert st is not None
                _copy_into(tmp, where)
                os.unlink(tmp)
                return
            _take_mode(tmp, keep_mode_of, st)
            if exclusive and os.path.lexists(where):
                raise AlreadyWritten(errno.EEXIST, "a file of that name was already written", where)
            os.replace(tmp, where)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _take_mode(tmp: str, keep_mode_of: str | None, replaced: os.stat_result | None) -> None:
    """Give the temporary file ``tmp`` the permissions (and owner) it should have once renamed."""
    source = None
    if keep_mode_of is not None:
        try:
            source = os.stat(keep_mode_of)
        except OSError:
            source = None
    source = source or replaced
    if source is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    if replaced is not None and hasattr(os, "chown") and (replaced.st_uid, replaced.st_gid) != (os.geteuid(), os.getegid()):
        try:  # keep the owner of the file replaced (root can; others at most the group)
            os.chown(tmp, replaced.st_uid, replaced.st_gid)
        except OSError:
            pass
    os.chmod(tmp, stat.S_IMODE(source.st_mode))


def _copy_into(tmp: str, where: str) -> None:
    """Rewrite the file ``where`` in place with the content of ``tmp`` (same inode, so its hard
    links and its owner and permissions stay)."""
    with open(tmp, "rb") as src, open(where, "r+b") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.truncate()
        dst.flush()
        os.fsync(dst.fileno())


def write_bytes(
    path: str,
    data: bytes,
    keep_mode_of: str | None = None,
    verify: Callable[[], None] | None = None,
    exclusive: bool = False,
) -> None:
    with atomic_open(path, "wb", keep_mode_of, verify=verify, exclusive=exclusive) as fh:
        fh.write(data)


def _flock(fd: int) -> None:
    """Hold an exclusive lock on the open file ``fd`` until it is closed (POSIX)."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)


#: Folders whose stale temporary files this process removed already (once per folder and run).
_swept: set[str] = set()


def remove_stale_temps(folder: str) -> None:
    """Remove ``.lintnews-XXXXXXXX.tmp`` files left in ``folder`` by runs killed while writing
    (``SIGKILL``, power loss): only files of exactly that name, regular files, that no live
    process holds the lock of (a writing run holds it until it renames or removes the file).
    Done once per folder and process; without ``flock`` (not POSIX) nothing is removed."""
    if fcntl is None or folder in _swept:  # pragma: no cover
        return
    _swept.add(folder)
    try:
        names = [n for n in os.listdir(folder) if _TEMP_NAME.fullmatch(n)]
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            continue
        try:
            opened = os.fstat(fd)
            if not stat.S_ISREG(opened.st_mode):
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a live run is writing it
            now = os.lstat(path)
            if (now.st_dev, now.st_ino) == (opened.st_dev, opened.st_ino):
                os.unlink(path)
        except OSError:
            pass
        finally:
            os.close(fd)


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
        self._where = (folder, prefix)
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
