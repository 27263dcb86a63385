"""A persistent near-duplicate index: what the corpus phase keeps of every document ingested so
far (its `DocSignature`), so a new batch is checked against the archive without re-reading it.

- `store`: the scheme an index records, the entry format, `IndexStoreError` and `open_index`
  (a file path: `sqlite`, the default; ``redis://host:port/db``: `redisstore`);
- `gate`: `IndexedCorpus`, the corpus phase of ``lintnews check --index``: the batch's
  candidates are looked up in the index and the batch is compared with them by the very
  `lintnews.corpus` code a single run uses (the indexed documents first, so they are kept);
- `commands`: the ``lintnews index`` commands.
"""

from lintnews.index.location import open_index
from lintnews.index.store import IndexStore, IndexStoreError

__all__ = ["IndexStore", "IndexStoreError", "open_index"]
