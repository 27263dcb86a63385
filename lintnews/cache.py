"""The result cache: per-document results keyed by content, rules, configuration and version.

A key is the SHA-1 of the run's fingerprint (lintnews version, every setting, the bytes of every
phrase pack in use, the selected rules) plus the document's name and raw bytes. Anything that can
change a result changes the key, so a stale entry is never returned: it is just never asked for
again. Entries live in one SQLite file under the cache folder (`lintnews clean` removes it).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lintnews import __version__
from lintnews.config import Settings

DEFAULT_DIR = ".lintnews_cache"
#: Settings the per-document results do not depend on (the run applies them to the results).
_REPORT_ONLY = frozenset({"output_format", "fail_on"})
_FILE = "results.sqlite3"


def fingerprint(settings: Settings, rule_codes: Iterable[str]) -> bytes:
    from lintnews.packs import builtin_dir

    h = hashlib.sha1()
    h.update(__version__.encode())
    # Settings that only decide how results are reported, not what they are, stay out: a re-run
    # with another ``--format`` is answered from the cache.
    values = {k: v for k, v in dataclasses.asdict(settings).items() if k not in _REPORT_ONLY}
    h.update(json.dumps(values, sort_keys=True, default=str).encode())
    h.update(",".join(sorted(rule_codes)).encode())
    # The code itself: an edited rule (an editable install, a patched site-packages) must not be
    # answered from results of the old code.
    import lintnews
    import lintnews.rules
    from lintnews import native

    code = sorted(Path(lintnews.__file__).parent.glob("**/*.py")) + sorted(Path(lintnews.rules.__file__).parent.glob("*.py"))
    if native.compiled is not None and native.compiled.__file__:  # the compiled kernels are code too
        code.append(Path(native.compiled.__file__))
    packs = sorted(builtin_dir().glob("*.toml")) + [os.path.join(settings.root, p) for p in settings.extend_packs]
    for path in [*code, *packs]:
        try:
            with open(path, "rb") as fh:
                h.update(fh.read())
        except OSError:
            h.update(b"missing:" + str(path).encode())
    return h.digest()


def key(fp: bytes, name: str, payload: bytes) -> bytes:
    h = hashlib.sha1(fp)
    h.update(name.encode("utf-8", "surrogateescape"))
    h.update(b"\0")
    h.update(payload)
    return h.digest()


class ResultCache:
    """Readers (worker processes) look results up; the main process writes them in batches."""

    def __init__(self, folder: str, writable: bool = False) -> None:
        self.folder = folder
        self.writable = writable
        self._pending: list[tuple[bytes, bytes]] = []
        path = os.path.join(folder, _FILE)
        if writable:
            os.makedirs(folder, exist_ok=True)
            _write_gitignore(folder)
        elif not os.path.exists(path):
            self._db = None
            return
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None if not writable else "DEFERRED")
        if writable:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, value BLOB NOT NULL)")
            self._db.commit()

    def get(self, k: bytes) -> Any | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (k,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # a damaged entry is a miss, never an error
            return None

    def get_many(self, keys: list[bytes]) -> dict[bytes, Any]:
        """`get` of several keys in one query: the keys found, with their values."""
        if self._db is None or not keys:
            return {}
        found: dict[bytes, Any] = {}
        for lo in range(0, len(keys), 500):  # SQLite allows 999 parameters a statement
            part = keys[lo : lo + 500]
            try:
                rows = self._db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
            except sqlite3.Error:
                continue
            for k, blob in rows:
                try:
                    found[k] = pickle.loads(blob)
                except Exception:  # a damaged entry is a miss, never an error
                    continue
        return found

    def put(self, k: bytes, value: Any) -> None:
        if self._db is None or not self.writable:
            return
        self._pending.append((k, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        if len(self._pending) >= 2000:
            self.flush()

    def flush(self) -> None:
        if self._db is None or not self._pending:
            return
        try:
            self._db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", self._pending)
            self._db.commit()
        except sqlite3.Error:
            pass  # a cache that cannot be written only costs time
        self._pending.clear()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None


def _write_gitignore(folder: str) -> None:
    path = os.path.join(folder, ".gitignore")
    if not os.path.exists(path):
        try:
            with open(path, "w") as fh:
                fh.write("# Automatically created by lintnews.\n*\n")
        except OSError:
            pass


def clean(folder: str) -> bool:
    if os.path.isdir(folder):
        shutil.rmtree(folder)
        return True
    return False
