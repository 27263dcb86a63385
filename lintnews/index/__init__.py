"""A persistent near-duplicate index: what the corpus phase keeps of every document ingested so
far (its `DocSignature`), so a new batch is checked against the archive without re-reading it.

- `store`: the scheme an index records, the entry format, `IndexStoreError` and `open_index`
  (a file path: `sqlite`, the default; ``redis://host:port/db``: `redisstore`);
- `gate`: `IndexedCorpus`, the corpus phase of ``lintnews check --index``: the batch's
  candidates are looked up in the index and the batch is compared with them by the very
  `lintnews.corpus` code a single run uses (the indexed documents first, so they are kept);
- `commands`: the ``lintnews index`` commands.

The names below are imported on first use: the stores need numpy, which the command line loads
only for a command that uses an index (`commands` registers the ``lintnews index`` group without
importing them).
"""

from __future__ import annotations

from lintnews.exports import lazy_getattr

TYPE_CHECKING = False  # (not `typing`'s, as in `lintnews`)

#: Public name -> the module of this package that defines it.
_EXPORTS = {"IndexStore": ".store", "IndexStoreError": ".store", "open_index": ".location"}

if TYPE_CHECKING:
    from lintnews.index.location import open_index
    from lintnews.index.store import IndexStore, IndexStoreError

__all__ = ["IndexStore", "IndexStoreError", "open_index"]


__getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
