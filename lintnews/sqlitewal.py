"""Switching a SQLite file to WAL when other processes may be writing it.

Leaving rollback-journal mode needs the file's exclusive lock. When another connection holds
the write lock (``RESERVED``) at that moment, SQLite answers "database is locked" at once,
without calling the busy handler (waiting could deadlock), so the connection's ``timeout`` does
not help: `use_wal` waits and tries again itself.
"""

from __future__ import annotations

import sqlite3
import time


def use_wal(db: sqlite3.Connection, timeout: float) -> str:
    """Run ``PRAGMA journal_mode=WAL`` on ``db`` (outside a transaction), trying again while
    another connection holds the lock, for at most ``timeout`` seconds; the journal mode now."""
    deadline = time.monotonic() + timeout
    pause = 0.002
    while True:
        try:
            row = db.execute("PRAGMA journal_mode=WAL").fetchone()
            return str(row[0]) if row else ""
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if ("locked" not in text and "busy" not in text) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)
