"""The cache file: one SQLite table of entries under the cache folder (`ResultCache`), rebuilt
when SQLite cannot read it or it holds anything lintnews did not make; the run's `fingerprint`
and the entry `key`s; `clean` removes the folder's cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable

from lintnews import __version__
from lintnews.config import Settings
from lintnews.sqlitewal import use_wal

DEFAULT_DIR = ".lintnews_cache"
#: Settings the per-document results do not depend on (the run applies them to the results).
_REPORT_ONLY = frozenset({"output_format", "fail_on"})
_FILE = "results.sqlite3"
#: Seconds a run waits for another's write to the cache file.
_BUSY_TIMEOUT = 30
_SCHEMA = "CREATE TABLE results (key BLOB PRIMARY KEY, value BLOB NOT NULL)"
#: The page size of a new cache file. Entries are ~8 KB (the 200 MB crawl's average), so with
#: SQLite's default 4 KB pages each spans a chain of overflow pages, read one system call a page;
#: a cached re-run of that corpus reads 22,000 of them: `get_many` of all of them took 0.36-0.45
#: CPU-s from a file of 4 KB pages a run wrote, 0.32-0.34 from one of 16 KB pages (from copies
#: of one file: 0.22-0.30 against 0.18; 64 KB pages 0.23), for a file up to 8 % larger.
_PAGE_SIZE = 16384
#: How much of the cache file SQLite reads through a memory map rather than a read() a page:
#: `get_many` of every entry of the 20 MB crawl corpus's re-run, 0.011 -> 0.007 CPU-s. (A file
#: truncated under a map would fault; lintnews never truncates one: it only inserts, and
#: replaces a damaged file by unlinking it, which leaves a mapped one whole.)
_MMAP_SIZE = 1 << 30
#: Every object of a cache file lintnews made: anything else (views, triggers, other tables) is
#: not ours, and the file is rebuilt.
_OBJECTS = {("table", "results", _SCHEMA), ("index", "sqlite_autoindex_results_1", None)}


def fingerprint(settings: Settings, rule_codes: Iterable[str]) -> bytes:
    h = hashlib.sha1()
    h.update(__version__.encode())
    # Settings that only decide how results are reported, not what they are, stay out: a re-run
    # with another ``--format`` is answered from the cache.
    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in _REPORT_ONLY}
    h.update(json.dumps(values, sort_keys=True, default=str).encode())
    h.update(",".join(sorted(rule_codes)).encode())
    # The code itself: an edited rule (an editable install, a patched site-packages) must not be
    # answered from results of the old code. Its hash (the bytes of every source file of lintnews
    # and its rules, the built-in phrase packs and the compiled kernels among them) is kept by
    # `lintnews.rule_index`, keyed by the files' stats; which kernels run is part of the key.
    from lintnews import native, rule_index

    h.update(rule_index.source_hash())
    h.update(b"compiled" if native.compiled is not None else b"pure")
    for path in [os.path.join(settings.root, p) for p in settings.extend_packs]:
        try:
            with open(path, "rb") as fh:
                h.update(fh.read())
        except OSError:
            h.update(b"missing:" + str(path).encode())
    return h.digest()


#: What a unit's signatures entry is stored under: its results entry's key with this after it
#: (keys are SHA-1 digests, 20 bytes: the only other 21-byte keys end in `seal.REPORT`, the
#: corpus phase's sealed reports are 29 bytes).
SIGNATURES = b"s"
#: The first byte of a value that is two entries, a unit's results and its signatures
#: (`pair`): a byte that starts no msgpack object, so no entry is taken for such a value.
_PAIR = b"\xc1"


def pair(results: bytes, signatures: bytes) -> bytes:
    """One value for `ResultCache.put` that it stores as two entries: ``results`` under the
    key, ``signatures`` under the key and `SIGNATURES` (the workers hand the main process one
    value a unit). A re-run whose corpus phase is cached then never reads the signatures: two
    thirds of the cache of the 20 MB crawl corpus, 98 of 160 MB of the 200 MB one's."""
    return _PAIR + len(results).to_bytes(4, "little") + results + signatures


def unpair(value: bytes) -> tuple[bytes, bytes | None]:
    """The two entries of a `pair` (a value that is one entry: it and None)."""
    if value[:1] != _PAIR:
        return value, None
    n = int.from_bytes(value[1:5], "little")
    return value[5 : 5 + n], value[5 + n :]


def key(fp: bytes, name: str, payload: bytes) -> bytes:
    h = hashlib.sha1(fp)
    h.update(name.encode("utf-8", "surrogateescape"))
    h.update(b"\0")
    h.update(payload)
    return h.digest()


# --- the file -------------------------------------------------------------------------------


class _NotOurs(Exception):
    """The SQLite file holds objects a lintnews cache never has."""


def _damaged(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is not a (sound) database, as opposed to locked, read-only
    or out of space, which say nothing about its content."""
    name = getattr(exc, "sqlite_errorname", None)  # Python 3.11+
    if name is not None:
        return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
    return str(exc) in ("file is not a database", "database disk image is malformed")


def _not_a_file(path: str) -> str | None:
    """Why ``path`` cannot be the cache file (a folder, a symlink, a device …), or None."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder"
    if stat.S_ISLNK(mode):
        return "it is a symbolic link"
    return "it is not a regular file"


class ResultCache:
    """Readers (worker processes) look results up; the main process writes them in batches.

    Values are bytes (see `dump_unit`, `dump_corpus`, `pair`); `get` returns them as stored, and the
    ``load_*`` functions check them. ``warn`` is told (one line, naming the file) when the cache
    is rebuilt or cannot be used; readers never warn (the run's writer already did)."""

    def __init__(
        self, folder: str, writable: bool = False, warn: Callable[[str], None] | None = None
    ) -> None:
        self.folder = folder
        self.writable = writable
        self.path = os.path.join(folder, _FILE)
        self._warn_to = warn if writable else None
        self._pending: list[tuple[bytes, bytes]] = []
        self._db: sqlite3.Connection | None = None
        if not writable:
            if _not_a_file(self.path) is None and os.path.exists(self.path):
                try:
                    self._db = self._connect(create=False)
                except (sqlite3.Error, _NotOurs):
                    self._db = None  # a miss for every key
            return
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            # (`lintnews.run.cache_problem` says so before the run; this is the race after it)
            why = "it is a file, not a folder" if os.path.isfile(folder) else exc.strerror or str(exc)
            self._warn(f"{folder}: cannot use the result cache: {why}; linting without it")
            return
        _write_gitignore(folder)
        problem = _not_a_file(self.path)
        if problem is None:
            try:
                self._db = self._connect(create=True)
                return
            except sqlite3.Error as exc:
                if not _damaged(exc):
                    self._warn(f"{self.path}: cannot use the result cache: {exc}; linting without it")
                    return
                problem = str(exc)
            except _NotOurs:
                problem = "it holds tables lintnews did not make"
        self._rebuild(problem)

    def _warn(self, message: str) -> None:
        if self._warn_to is not None:
            self._warn_to(message)

    def _connect(self, create: bool) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT, isolation_level="DEFERRED" if create else None)
        try:
            # Views and triggers of a planted file must not run functions (SQLite 3.31+).
            db.execute("PRAGMA trusted_schema=OFF")
            db.execute(f"PRAGMA mmap_size={_MMAP_SIZE}")
            if create:
                # (only a new, empty file takes it: an existing cache keeps its pages)
                db.execute(f"PRAGMA page_size={_PAGE_SIZE}")
                use_wal(db, _BUSY_TIMEOUT)
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(_SCHEMA.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1))
                db.commit()
            if set(db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()) != _OBJECTS:
                raise _NotOurs
            db.execute("SELECT key, value FROM results LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self, problem: str) -> None:
        """Replace a damaged cache file with an empty one (its entries are lost, not wrong)."""
        if self._db is not None:
            self._db.close()
            self._db = None
        try:
            for path in (self.path, self.path + "-wal", self.path + "-shm", self.path + "-journal"):
                if os.path.isdir(path) and not os.path.islink(path):
                    import shutil  # (a damaged cache only: most runs never import it)

                    shutil.rmtree(path)
                elif os.path.lexists(path):
                    os.unlink(path)
            self._db = self._connect(create=True)
        except (OSError, sqlite3.Error, _NotOurs) as exc:
            self._warn(
                f"{self.path}: the result cache is damaged ({problem}) and cannot be rebuilt ({exc}); linting without it"
            )
            return
        self._warn(f"{self.path}: the result cache was damaged ({problem}); rebuilt it")

    def _failed(self, exc: sqlite3.Error) -> None:
        """An error of a query: a damaged file is rebuilt (writer) or no longer read (reader);
        anything else (locked, no space) only costs this query."""
        if not _damaged(exc):
            return
        if self.writable:
            self._rebuild(str(exc))
        elif self._db is not None:
            self._db.close()
            self._db = None

    def get(self, k: bytes) -> bytes | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (k,)).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        return row[0] if row is not None and type(row[0]) is bytes else None

    def get_many(self, keys: list[bytes]) -> dict[bytes, bytes]:
        """`get` of several keys in one query: the keys found, with their values."""
        found: dict[bytes, bytes] = {}
        for lo in range(0, len(keys), 500):  # SQLite allows 999 parameters a statement
            if self._db is None:
                break
            part = keys[lo : lo + 500]
            try:
                rows = self._db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
            except sqlite3.Error as exc:
                self._failed(exc)
                continue
            for k, blob in rows:
                if type(blob) is bytes:
                    found[k] = blob
        return found

    def get_signatures(self, k: bytes) -> bytes | None:
        """The signatures entry of the unit whose results are under ``k`` (see `pair`)."""
        return self.get(k + SIGNATURES)

    def put(self, k: bytes, value: bytes | None) -> None:
        """Store ``value`` under ``k``; a `pair`'s two entries go in the same transaction."""
        if self._db is None or not self.writable or value is None:
            return
        results, signatures = unpair(value)
        self._pending.append((k, results))
        if signatures is not None:
            self._pending.append((k + SIGNATURES, signatures))
        if len(self._pending) >= 2000:
            self.flush()

    def put_entry(self, k: bytes, value: bytes) -> None:
        """Store ``value`` under ``k`` as it is (not a `pair`)."""
        if self._db is None or not self.writable:
            return
        self._pending.append((k, value))
        if len(self._pending) >= 2000:
            self.flush()

    def flush(self) -> None:
        if self._db is None or not self._pending:
            return
        try:
            self._db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", self._pending)
            self._db.commit()
        except sqlite3.Error as exc:
            self._failed(exc)  # a cache that cannot be written only costs time
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


def _write_gitignore(folder: str) -> None:
    # O_EXCL: never through a symbolic link a planted folder may hold in its place.
    try:
        fd = os.open(os.path.join(folder, ".gitignore"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError:
        return  # there already, or not writable: the cache still works
    with os.fdopen(fd, "w") as fh:
        fh.write("# Automatically created by lintnews.\n*\n")


def clean(folder: str) -> bool:
    if os.path.isdir(folder):
        import shutil

        shutil.rmtree(folder)
        return True
    return False
