"""The default index: one SQLite file (WAL; one transaction per batch, so two processes adding
at once are serialised by SQLite's lock and a batch is all there or not at all)."""

from __future__ import annotations

import array
import datetime
import functools
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from lintnews.corpus.signature import DocSignature
from lintnews.gate import describe_os_error
from lintnews.index.store import (
    Entry,
    IndexStore,
    IndexStoreError,
    check_scheme,
    date_before,
    dump_scheme,
    load_scheme,
)
from lintnews.sqlitewal import use_wal

MAGIC = "lintnews-index"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(
    seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, text_hash BLOB, date, keys BLOB NOT NULL, sig BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS docs_hash ON docs(text_hash);
CREATE TABLE IF NOT EXISTS bands(key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY(key, seq)) WITHOUT ROWID;
"""

#: Seconds a writer waits for another's transaction to end.
BUSY_TIMEOUT = 600

#: Values bound to one statement (SQLite before 3.32 allows 999).
_CHUNK = 500

#: Per band key (a JSON array of them, ``?2``), its bucket's first member and the latest ``?1 +
#: 1``: ``lo``, the (``?1`` + 1)-th latest, is NULL when the bucket has fewer members, which
#: are then all read; else the first is read apart. Each part is a B-tree search per key, in C.
_BY_KEYS = """
WITH k AS MATERIALIZED (
    SELECT value AS key, (SELECT seq FROM bands c WHERE c.key = value ORDER BY seq DESC LIMIT 1 OFFSET ?1) AS lo
    FROM json_each(?2))
SELECT (SELECT seq FROM bands c WHERE c.key = k.key ORDER BY seq LIMIT 1) FROM k WHERE lo IS NOT NULL
UNION ALL
SELECT b.seq FROM k JOIN bands b ON b.key = k.key AND b.seq >= coalesce(k.lo, -9223372036854775808)
"""


@functools.cache
def _has_json() -> bool:
    """Whether this SQLite has its JSON functions and MATERIALIZED (built in since 3.38; an
    option before) for `_BY_KEYS`."""
    try:
        with sqlite3.connect(":memory:") as db:
            db.execute(
                "WITH k AS MATERIALIZED (SELECT value FROM json_each('[1]')) SELECT * FROM k"
            ).fetchall()
        return True
    except sqlite3.Error:
        return False


class SqliteStore(IndexStore):
    def __init__(self, path: str, create: bool = False) -> None:
        self.where = path
        if os.path.isdir(path):
            raise IndexStoreError(f"{path}: is a folder, not an index file")
        exists = os.path.exists(path)
        if not exists and not create:
            raise IndexStoreError(
                f"{path}: no index there (`lintnews index add --index {path} PATH...` creates one)"
            )
        if exists and not create and os.path.getsize(path) == 0:  # truncated to nothing: not an empty index
            raise IndexStoreError(f"{path}: an empty file, not a lintnews index")
        try:
            self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise IndexStoreError(f"{path}: cannot open the index: {exc}") from None
        except OSError as exc:
            raise IndexStoreError(f"{path}: cannot open the index: {describe_os_error(exc)}") from None
        with self._errors():
            if not create:  # a reader writes nothing, not even the schema
                got = (
                    self._has_meta()
                    and self.db.execute("SELECT value FROM meta WHERE key='magic'").fetchone()
                )
                if not got or got[0] != MAGIC:
                    raise IndexStoreError(f"{path}: not a lintnews index")
                return
            with self._write():  # the check under the write lock: another process may be creating it
                if not self._has_meta() and self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
                    raise IndexStoreError(f"{path}: not a lintnews index")  # another program's database
                for statement in _SCHEMA.strip().split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                got = self.db.execute("SELECT value FROM meta WHERE key='magic'").fetchone()
                if got is None:
                    if self.db.execute("SELECT 1 FROM docs LIMIT 1").fetchone():
                        raise IndexStoreError(f"{path}: not a lintnews index")
                    self.db.execute("INSERT INTO meta VALUES ('magic', ?)", (MAGIC,))
                elif got[0] != MAGIC:
                    raise IndexStoreError(f"{path}: not a lintnews index")
            use_wal(self.db, BUSY_TIMEOUT)  # (persistent: once per index file)
            self.db.execute("PRAGMA synchronous=NORMAL")

    def _has_meta(self) -> bool:
        row = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        return row is not None

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:  # corrupt, truncated, not a database, full disk
            raise IndexStoreError(f"{self.where}: corrupt or unusable index: {exc}") from None
        except sqlite3.Error as exc:
            raise IndexStoreError(f"{self.where}: {exc}") from None

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``: writers queue up)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def scheme(self) -> dict[str, Any] | None:
        with self._errors():
            row = self.db.execute("SELECT value FROM meta WHERE key='scheme'").fetchone()
        return None if row is None else load_scheme(self.where, row[0])

    def ensure_scheme(self, mine: dict[str, Any], create: bool) -> str | None:
        stored = self.scheme()
        return None if stored is None else check_scheme(self.where, stored, mine)

    def add(self, entries: Iterable[Entry], scheme: dict[str, Any]) -> int:
        """Add the entries in one transaction; a name met twice keeps its first entry; an
        indexed name is replaced. The entries (the documents being linted) are first spooled to
        a temporary table, which locks nothing, so other writers wait only for the copy."""
        with self._errors():
            self.db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS spool("
                "name TEXT PRIMARY KEY, text_hash BLOB, date, keys BLOB NOT NULL, sig BLOB NOT NULL)"
            )
            self.db.execute("DELETE FROM temp.spool")
            self.db.execute("BEGIN")  # deferred, touching only the temporary database: no lock on the index
            try:
                for e in entries:
                    self.db.execute(
                        "INSERT OR IGNORE INTO temp.spool VALUES (?, ?, ?, ?, ?)",
                        (e.name, e.text_hash, e.date, array.array("q", e.keys).tobytes(), e.blob),
                    )
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
            with self._write():
                row = self.db.execute("SELECT value FROM meta WHERE key='scheme'").fetchone()
                if row is None:
                    self.db.execute("INSERT INTO meta VALUES ('scheme', ?)", (dump_scheme(scheme),))
                else:
                    check_scheme(self.where, load_scheme(self.where, row[0]), scheme)
                added = 0
                spooled = self.db.execute(
                    "SELECT name, text_hash, date, keys, sig FROM temp.spool ORDER BY rowid"
                )
                for (
                    name,
                    text_hash,
                    date,
                    keys,
                    blob,
                ) in spooled:  # (a cursor: the spool is not held in memory)
                    added += 1
                    self._delete([name])
                    cur = self.db.execute(
                        "INSERT INTO docs(name, text_hash, date, keys, sig) VALUES (?, ?, ?, ?, ?)",
                        (name, text_hash, date, keys, blob),
                    )
                    seq = cur.lastrowid
                    self.db.executemany(
                        "INSERT OR IGNORE INTO bands VALUES (?, ?)",
                        [(k, seq) for k in array.array("q", keys)],
                    )
            self.db.execute("DELETE FROM temp.spool")
        return added

    def _delete(self, names: Iterable[str]) -> set[str]:
        """Delete the named documents (inside a write transaction); the names found."""
        found = set()
        for name in names:
            row = self.db.execute("SELECT seq FROM docs WHERE name=?", (name,)).fetchone()
            if row is not None:
                self._delete_seq(row[0])
                found.add(name)
        return found

    def _delete_seq(self, seq: int) -> None:
        row = self.db.execute("SELECT keys FROM docs WHERE seq=?", (seq,)).fetchone()
        keys = array.array("q")
        keys.frombytes(row[0] if row is not None and len(row[0]) % 8 == 0 else b"")
        self.db.executemany("DELETE FROM bands WHERE key=? AND seq=?", [(k, seq) for k in keys])
        self.db.execute("DELETE FROM docs WHERE seq=?", (seq,))

    def lookup(self, sigs: Sequence[DocSignature], ask: Any, hashes: Sequence[bytes], peers: int) -> set[Any]:
        """One statement for all the band keys asked, one per `_CHUNK` text hashes."""
        keys = np.zeros(0, np.uint64)
        if len(sigs):
            keys = np.stack([s.band_keys for s in sigs if s.band_keys is not None])[ask]
        # (as signed 64-bit integers: SQLite's)
        return self.by_hashes(list(hashes), peers) | self.by_keys(
            keys.astype(np.uint64).view(np.int64).tolist(), peers
        )

    def by_keys(self, keys: list[int], peers: int) -> set[Any]:
        """Per band key, its bucket's first member and ``peers`` latest (``peers`` >= 1), in
        one statement: the keys go in as one JSON array, in order (neighbouring keys share
        B-tree pages)."""
        if not keys:
            return set()
        with self._errors():
            if not _has_json():
                return self._by_keys_one_by_one(keys, peers)
            return {r[0] for r in self.db.execute(_BY_KEYS, (peers - 1, json.dumps(sorted(keys))))}

    def _by_keys_one_by_one(self, keys: list[int], peers: int) -> set[Any]:
        """`by_keys` for an SQLite built without its JSON functions: two probes per key."""
        out: set[Any] = set()
        for key in keys:
            first = self.db.execute(
                "SELECT seq FROM bands WHERE key=? ORDER BY seq LIMIT 1", (key,)
            ).fetchone()
            if first is not None:
                out.add(first[0])
                out.update(
                    r[0]
                    for r in self.db.execute(
                        "SELECT seq FROM bands WHERE key=? ORDER BY seq DESC LIMIT ?", (key, peers)
                    )
                )
        return out

    def by_hashes(self, hashes: list[bytes], peers: int) -> set[Any]:
        """The ``peers`` first documents with each normalised text: one statement per `_CHUNK`
        hashes."""
        out: set[Any] = set()
        with self._errors():
            for lo in range(0, len(hashes), _CHUNK):
                part = hashes[lo : lo + _CHUNK]
                out.update(
                    r[0]
                    for r in self.db.execute(
                        "SELECT seq FROM (SELECT seq, row_number() OVER (PARTITION BY text_hash ORDER BY seq) AS n"
                        f" FROM docs WHERE text_hash IN ({','.join('?' * len(part))})) WHERE n <= ?",
                        (*part, peers),
                    )
                )
        return out

    def fetch(self, ids: Iterable[Any]) -> list[tuple[int, str, bytes]]:
        wanted = sorted(ids)
        out: list[tuple[int, str, bytes]] = []
        with self._errors():
            for lo in range(0, len(wanted), _CHUNK):
                part = wanted[lo : lo + _CHUNK]
                out.extend(
                    self.db.execute(
                        f"SELECT seq, name, sig FROM docs WHERE seq IN ({','.join('?' * len(part))})", part
                    )
                )
        out.sort()
        return out

    def remove(self, names: Sequence[str]) -> list[str]:
        with self._errors(), self._write():
            found = self._delete(names)
        return [n for n in names if n not in found]

    def prune(self, before: str) -> int:
        before_ts = _timestamp(before)
        with self._errors(), self._write():
            old = [
                seq
                for seq, date in self.db.execute("SELECT seq, date FROM docs WHERE date IS NOT NULL")
                if date_before(date, before, before_ts)
            ]
            for seq in old:
                self._delete_seq(seq)
        return len(old)

    def stats(self) -> dict[str, Any]:
        with self._errors():
            docs, size = self.db.execute(
                "SELECT count(*), coalesce(sum(length(sig)), 0) FROM docs"
            ).fetchone()
            keys = self.db.execute("SELECT count(*) FROM bands").fetchone()[0]
            dated = self.db.execute(
                "SELECT min(date), max(date) FROM docs WHERE typeof(date)='text'"
            ).fetchone()
        on_disk = sum(os.path.getsize(p) for p in (self.where, self.where + "-wal") if os.path.exists(p))
        return {
            "index": self.where,
            "backend": "sqlite",
            "documents": docs,
            "band-keys": keys,
            "signature-bytes": size,
            "bytes-on-disk": on_disk,
            "oldest": dated[0],
            "newest": dated[1],
            "scheme": self.scheme(),
        }

    def close(self) -> None:
        self.db.close()


def _timestamp(day: str) -> float | None:
    try:
        return datetime.datetime.fromisoformat(day).replace(tzinfo=datetime.UTC).timestamp()
    except ValueError:
        return None
