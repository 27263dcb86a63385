"""Writing files so that a reader (or a crash) sees either the old or the new content, never half."""

from __future__ import annotations

import errno
import os
import re
import stat
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
    import tempfile  # (here: a run that writes no file need not import it, nor shutil)

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
    if (
        replaced is not None
        and hasattr(os, "chown")
        and (replaced.st_uid, replaced.st_gid) != (os.geteuid(), os.getegid())
    ):
        try:  # keep the owner of the file replaced (root can; others at most the group)
            os.chown(tmp, replaced.st_uid, replaced.st_gid)
        except OSError:
            pass
    os.chmod(tmp, stat.S_IMODE(source.st_mode))


def _copy_into(tmp: str, where: str) -> None:
    """Rewrite the file ``where`` in place with the content of ``tmp`` (same inode, so its hard
    links and its owner and permissions stay)."""
    import shutil

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
            fd = os.open(
                path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
            )
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


def sync_folder(folder: str) -> None:
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
