"""A SQLite file becomes WAL even while another process holds its write lock (the index and the
result cache are created by concurrent runs: CI once failed with "database is locked")."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from lintnews.cache.store import ResultCache
from lintnews.index.sqlite import SqliteStore
from lintnews.sqlitewal import use_wal


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)


def test_use_wal_waits_for_a_writer_where_sqlite_does_not(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    a, b = connect(path), connect(path)
    a.execute("CREATE TABLE t(x)")
    b.execute("BEGIN IMMEDIATE")
    # SQLite itself answers at once, whatever the timeout: the case `use_wal` is for
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        a.execute("PRAGMA journal_mode=WAL")
    threading.Timer(0.3, lambda: b.execute("COMMIT")).start()
    start = time.monotonic()
    assert use_wal(a, timeout=10) == "wal"
    assert time.monotonic() - start >= 0.25
    assert connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_use_wal_gives_up_after_its_timeout(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    a, b = connect(path), connect(path)
    a.execute("CREATE TABLE t(x)")
    b.execute("BEGIN IMMEDIATE")
    start = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        use_wal(a, timeout=0.3)
    assert time.monotonic() - start < 5
    b.execute("COMMIT")
    assert connect(path).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def writer_in_the_way(monkeypatch: pytest.MonkeyPatch, module: object) -> list[str]:
    """At the moment ``module`` switches its file to WAL, another connection holds the file's
    write lock (as another run did when CI failed), for 0.3 s: the switch must wait for it."""
    switched: list[str] = []

    def switch(db: sqlite3.Connection, timeout: float) -> str:
        path = db.execute("PRAGMA database_list").fetchone()[2]
        other = connect(Path(path))
        other.execute("BEGIN IMMEDIATE")
        threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
        switched.append(use_wal(db, timeout))
        return switched[-1]

    monkeypatch.setattr(module, "use_wal", switch)
    return switched


def test_an_index_created_while_another_process_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lintnews.index.sqlite

    switched = writer_in_the_way(monkeypatch, lintnews.index.sqlite)
    store = SqliteStore(str(tmp_path / "idx.db"), create=True)
    assert switched == ["wal"]
    assert store.db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert store.scheme() is None


def test_a_cache_created_while_another_run_writes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lintnews.cache.store

    switched = writer_in_the_way(monkeypatch, lintnews.cache.store)
    said: list[str] = []
    store = ResultCache(str(tmp_path / "cache"), writable=True, warn=said.append)
    assert (switched, said) == (["wal"], [])
    store.put(b"k", b"v")
    store.flush()
    assert store.get(b"k") == b"v"
