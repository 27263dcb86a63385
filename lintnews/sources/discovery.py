"""From the paths given to the files to read: folders walked lazily in sorted order (a listing
of millions of names sorted in runs spilled to disk), excludes and ignore files applied, each
file seen once, and anything but a regular file refused with an `InputError`.
"""

from __future__ import annotations

import errno
import fnmatch
import heapq
import os
import stat
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from lintnews.config import Settings
from lintnews.config_formats import ALL_SUFFIXES, walked_suffixes
from lintnews.files import node_kind
from lintnews.ignore import IgnoreStack
from lintnews.sources.items import InputError
from lintnews.staging import STAGING_MARK


def iter_paths(
    paths: Iterable[str], settings: Settings, skip: Iterable[str] = ()
) -> Iterator[str | InputError]:
    """Files to lint, in a deterministic order: named files as given, folders walked in sorted
    order (only files with a known suffix), excluded names, ignored paths (`lintnews.ignore`)
    and the folders in ``skip`` left out. Anything that is not a regular file is an
    `InputError` here, before anyone tries to open it.

    A file reached twice (named twice, named and inside a named folder, or through a symbolic
    or hard link) is yielded once, under the first name it was reached by: read twice, it
    would be reported as a duplicate of itself, and a cleaned corpus would drop both copies."""
    excludes = [*settings.exclude, *settings.extend_exclude]
    seen = SeenFiles()
    stdin = False
    for path in paths:
        if path == "-":
            if not stdin:
                stdin = True
                yield path
        elif os.path.isdir(path):
            walk = _walk(
                path,
                excludes,
                IgnoreStack(path) if settings.respect_gitignore else None,
                {os.path.abspath(f) for f in skip},
                suffixes=walked_suffixes(settings.formats),
            )
            for found in walk:
                if isinstance(found, InputError) or seen.add_path(found):
                    yield found
        else:
            problem = _not_a_file(path)
            if problem:
                yield InputError(path, problem)
            elif seen.add_path(path):
                yield path


class SeenFiles:
    """The files (device and inode numbers) a run has read, to read none twice. Exact, in about
    8 bytes a file: recent ones in a set, older ones in sorted arrays (numpy), so a walk of
    millions of files stays in bounded memory."""

    FLUSH = 1 << 16

    def __init__(self) -> None:
        self._recent: set[tuple[int, int]] = set()
        self._sorted: dict[int, Any] = {}

    def add_path(self, path: str) -> bool:
        """Record the file ``path`` (links followed); False when it was recorded before. A file
        that cannot be looked at is not recorded (reading it reports the problem)."""
        try:
            st = os.stat(path)
        except OSError:
            return True
        return self.add(st.st_dev, st.st_ino)

    def add(self, dev: int, ino: int) -> bool:
        key = (dev, ino)
        if key in self._recent:
            return False
        older = self._sorted.get(dev)
        if older is not None:
            i = int(older.searchsorted(ino))
            if i < len(older) and int(older[i]) == ino:
                return False
        self._recent.add(key)
        if len(self._recent) >= self.FLUSH:
            self._flush()
        return True

    def _flush(self) -> None:
        import numpy as np  # only for runs of more than FLUSH files

        by_dev: dict[int, list[int]] = {}
        for dev, ino in self._recent:
            by_dev.setdefault(dev, []).append(ino)
        for dev, inodes in by_dev.items():
            new = np.array(inodes, dtype=np.uint64)
            older = self._sorted.get(dev)
            merged = new if older is None else np.concatenate((older, new))
            merged.sort(kind="stable")
            self._sorted[dev] = merged
        self._recent.clear()


def reaches(paths: Iterable[str], target: str, settings: Settings) -> str | None:
    """The input among ``paths`` (a named file, or a file a named folder's walk would lint) that
    is the same file as ``target``, or None. The walk is only that of the folders on the way
    to ``target``, with the walk's own exclusions and ignore files."""
    try:
        want = os.stat(target)
    except OSError:
        return None
    if not stat.S_ISREG(want.st_mode):
        return None
    key = (want.st_dev, want.st_ino)
    real_target = os.path.realpath(target)
    excludes = [*settings.exclude, *settings.extend_exclude]
    for path in paths:
        if path == "-":
            continue
        if not os.path.isdir(path):
            if _is_file(path, key):
                return path
            continue
        real_root = os.path.realpath(path)
        if not real_target.startswith(real_root.rstrip(os.sep) + os.sep):
            continue
        toward = os.path.join(os.path.abspath(path), os.path.relpath(real_target, real_root))
        ignores = IgnoreStack(path) if settings.respect_gitignore else None
        for found in _walk(
            path, excludes, ignores, toward=toward, suffixes=walked_suffixes(settings.formats)
        ):
            if isinstance(found, str) and (os.path.abspath(found) == toward or os.path.islink(found)):
                if _is_file(found, key):
                    return found
    return None


def _is_file(path: str, key: tuple[int, int]) -> bool:
    """Whether ``path`` is (or links to) the file of ``key`` (device, inode); False when it
    cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == key


class NotRegularFile(Exception):
    """Opened something that is not a regular file (its kind is the message)."""


def _not_regular(mode: int) -> str:
    kind = node_kind(mode)
    what = kind if kind == "not a regular file" else f"{kind}, not a regular file"
    return f"{what}: skipped (to lint a stream, pipe it to `lintnews check -`)"


def _not_a_file(path: str) -> str | None:
    """Why ``path`` (not a folder) cannot be read as a file, or None when it is a regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "broken symbolic link" if os.path.lexists(path) else "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else _not_regular(mode)


def open_regular(path: str, buffering: int = -1) -> BinaryIO:
    """Open ``path`` for reading, refusing anything but a regular file (`NotRegularFile`);
    ``buffering`` as `open`'s.

    The file is opened without blocking and checked on the open descriptor, so a named pipe that
    replaced a file after the folder was listed cannot hang the run either."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(_not_regular(mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", buffering)
    except BaseException:
        os.close(fd)
        raise


def _excluded(name: str, rel: str, excludes: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in excludes)


#: A folder listing longer than this is sorted in runs of this many names, spilled to temporary
#: files and merged, so a folder of millions of files costs bounded memory.
SORT_RUN = 100_000
_DIR, _FILE, _LINK, _OTHER = b"d", b"f", b"l", b"o"


def _entry_record(entry: os.DirEntry[str]) -> bytes:
    """``name NUL kind``: sorting these sorts by name (NUL sorts first, names never hold one)."""
    if entry.is_symlink():
        kind = _LINK
    elif entry.is_dir(follow_symlinks=False):
        kind = _DIR
    elif entry.is_file(follow_symlinks=False):
        kind = _FILE
    else:
        kind = _OTHER
    return os.fsencode(entry.name) + b"\0" + kind


def _spill(records: list[bytes]) -> Iterator[bytes]:
    """Sort ``records`` and park them in an anonymous temporary file; iterate it to read them back.
    Records are separated by "/", which no file name holds."""
    import tempfile  # (a large folder only: a run of a file or two need not import it)

    records.sort()
    fh = tempfile.TemporaryFile()
    fh.write(b"/".join(records))
    records.clear()

    def read() -> Iterator[bytes]:
        with fh:
            fh.seek(0)
            rest = b""
            while True:
                block = fh.read(1 << 16)
                if not block:
                    break
                parts = (rest + block).split(b"/")
                rest = parts.pop()
                yield from parts
            if rest:
                yield rest

    return read()


def sorted_listing(folder: str, run: int | None = None) -> Iterator[tuple[str, bytes]]:
    """(name, kind) of every entry of ``folder`` in byte order of the names, in bounded memory:
    up to ``run`` names are sorted in memory, longer listings are merged from sorted runs kept in
    temporary files. Listing errors (``OSError``) are raised before the first entry is returned."""
    run = run or SORT_RUN
    chunk: list[bytes] = []
    runs: list[Iterator[bytes]] = []
    with os.scandir(folder) as it:
        for entry in it:
            chunk.append(_entry_record(entry))
            if len(chunk) >= run:
                runs.append(_spill(chunk))
    if runs:
        if chunk:
            runs.append(_spill(chunk))
        merged: Iterable[bytes] = heapq.merge(*runs)
    else:
        chunk.sort()
        merged = chunk
    return ((os.fsdecode(rec[:-2]), rec[-1:]) for rec in merged)


def _walk(
    root: str,
    excludes: list[str],
    ignores: IgnoreStack | None = None,
    skip: set[str] | frozenset[str] = frozenset(),
    toward: str | None = None,
    suffixes: tuple[str, ...] = ALL_SUFFIXES,
) -> Iterator[str | InputError]:
    """Files under ``root`` in sorted path order (a folder's files and subfolders interleaved by
    name, compared as bytes, as ``LC_ALL=C find | sort`` lists them), streamed: memory does not
    grow with the size of a folder. Symbolic links to folders are not followed. ``ignores``
    leaves out what ignore files ignore (`lintnews.ignore`). Given ``toward`` (a path under
    ``root``), only the folders on the way to it are entered. Only files whose names end with
    one of ``suffixes`` are yielded."""
    stack: list[tuple[str, Iterator[tuple[str, bytes]]]] = []
    yield from _enter(root, stack, ignores)
    while stack:
        folder, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            if ignores is not None:
                ignores.pop()
            continue
        name, kind = entry
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        if _excluded(name, rel, excludes):
            continue
        if ignores is not None and ignores.ignored(path, kind == _DIR):
            continue
        if kind == _DIR:
            if _entered(name, path, skip, toward):
                yield from _enter(path, stack, ignores)
        elif name.lower().endswith(suffixes):
            found = _listed_file(path, kind)
            if found is not None:
                yield found


def _enter(
    folder: str, stack: list[tuple[str, Iterator[tuple[str, bytes]]]], ignores: IgnoreStack | None
) -> list[InputError]:
    """Push ``folder``'s listing (and its ignore files) on ``stack``; the errors of reading them."""
    try:
        stack.append((folder, iter(sorted_listing(folder))))
    except OSError as exc:
        return [InputError(folder, f"cannot list folder: {exc.strerror or exc}")]
    if ignores is not None:
        ignores.push(folder)
        return [InputError(path, message, line=line) for path, line, message in ignores.take_errors()]
    return []


def _entered(name: str, path: str, skip: set[str] | frozenset[str], toward: str | None) -> bool:
    """Whether a walk goes into the folder ``path`` (named ``name``)."""
    if STAGING_MARK in name and name.startswith("."):
        return False  # the output folder of a --fix --output-dir run, being written
    if skip and os.path.abspath(path) in skip:
        return False  # this run's own output folder
    return toward is None or toward.startswith(os.path.abspath(path) + os.sep)


def _listed_file(path: str, kind: bytes) -> str | InputError | None:
    """What a walk yields for an entry with a lintable name: ``path`` when it is a file (or a link
    to one), an error when it cannot be read as one, None for a link to a folder (not followed,
    like every other one)."""
    if kind == _FILE:
        return path
    problem = _not_a_file(path)
    if problem is None:
        return path
    if kind == _LINK and problem.startswith("a folder"):
        return None
    return InputError(path, problem)
