"""The cache file's pages: a new cache file has 16 KB pages (an entry, ~8 KB, is then one or two
pages instead of a chain of 4 KB overflow pages read one system call each), and a cache file
made with SQLite's default 4 KB pages, as lintnews made them before, is used as it is."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from lintnews.cache import store
from lintnews.cache.store import ResultCache


def pragma(path: Path, name: str) -> object:
    db = sqlite3.connect(path)
    try:
        return db.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        db.close()


def test_a_new_cache_file_has_16_kb_pages_in_wal_mode(tmp_path: Path) -> None:
    said: list[str] = []
    cache = ResultCache(str(tmp_path / "cache"), writable=True, warn=said.append)
    cache.put(b"k" * 20, b"v" * 20_000)
    cache.close()
    db = tmp_path / "cache" / store._FILE
    assert pragma(db, "page_size") == 16384
    assert pragma(db, "journal_mode") == "wal"
    assert ResultCache(str(tmp_path / "cache")).get(b"k" * 20) == b"v" * 20_000
    assert said == []


def test_a_cache_file_with_4_kb_pages_is_read_and_written_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    db = sqlite3.connect(folder / store._FILE)
    db.execute("PRAGMA page_size=4096")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(store._SCHEMA)
    db.execute("INSERT INTO results (key, value) VALUES (?, ?)", (b"old", b"x" * 9000))
    db.commit()
    db.close()
    said: list[str] = []
    cache = ResultCache(str(folder), writable=True, warn=said.append)
    assert cache.get_many([b"old", b"missing"]) == {b"old": b"x" * 9000}
    cache.put(b"new", b"y" * 9000)
    cache.close()
    assert said == []  # not taken for a damaged file, not rebuilt
    assert pragma(folder / store._FILE, "page_size") == 4096
    assert ResultCache(str(folder)).get_many([b"old", b"new"]) == {b"old": b"x" * 9000, b"new": b"y" * 9000}
