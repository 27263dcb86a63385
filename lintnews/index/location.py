"""`open_index`: the store a ``--index`` location names."""

from __future__ import annotations

from lintnews.index.sqlite import SqliteStore
from lintnews.index.store import IndexStore, IndexStoreError

REDIS_SCHEMES = ("redis://", "rediss://")


def open_index(location: str, create: bool = False) -> IndexStore:
    """The index at ``location``: a ``redis://host:port/db`` URL (the optional extra
    ``lintnews[redis]``), else an SQLite file, created when ``create``."""
    if location.startswith(REDIS_SCHEMES):
        try:
            from lintnews.index.redisstore import RedisStore
        except ImportError:
            raise IndexStoreError(
                f"{location}: a Redis index needs redis-py: pip install 'lintnews[redis]'"
            ) from None
        return RedisStore(location)
    return SqliteStore(location, create)
