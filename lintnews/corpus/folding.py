"""`FoldedCorpus`: what a `lintnews.corpus.index.CorpusIndex` holds of the signatures it folded.

Apart from `index` so that an index whose corpus result is cached (a re-run of an unchanged
corpus) never imports numpy nor the modules that need it: the index makes its `FoldedCorpus`
with the first signature it adds."""

from __future__ import annotations

import array
from dataclasses import dataclass
from typing import Any

import numpy as np

from lintnews.corpus.comparable import lsh_keys, shingles_of, shingles_without
from lintnews.corpus.signature import KEPT_DTYPE, LINE_DTYPE, POSITION_DTYPE, DocSignature
from lintnews.corpus.storage import ByteBlocks, RowFile, ShingleStore


def _field_bytes(dtype: np.dtype) -> np.ndarray:
    """The bytes of a `LINE_DTYPE` row that make a row of ``dtype`` (some of its fields, packed,
    same types): a document's rows are cut into ``dtype``'s rows by one numpy indexing, not one
    copy per field."""
    at: list[int] = []
    for name in dtype.names or ():
        field, offset = LINE_DTYPE.fields[name][:2]  # type: ignore[index]
        assert field == dtype.fields[name][0]  # type: ignore[index]
        at.extend(range(offset, offset + field.itemsize))
    assert len(at) == dtype.itemsize
    return np.array(at, np.intp)


#: Where a `LINE_DTYPE` row's `KEPT_DTYPE` and `POSITION_DTYPE` fields are.
_KEPT_BYTES = _field_bytes(KEPT_DTYPE)
_POSITION_BYTES = _field_bytes(POSITION_DTYPE)


@dataclass(slots=True)
class IndexedDoc:
    """Per-document state the index keeps in memory (the Spark engine builds the same)."""

    path: str
    record: str | None
    record_line: int | None
    enabled: int
    first: tuple[int, int, int, int]
    #: Where the title is in the index's title store (read back for the few reported documents).
    title_at: int
    text_hash: bytes | None
    length: int
    date: Any
    comparable: bool

    @property
    def name(self) -> str:
        return f"{self.path}#{self.record}" if self.record is not None else self.path


class FoldedCorpus:
    """The documents (``docs``, `IndexedDoc`, in input order) and, for the end of the corpus
    phase, their shingles, titles and candidate lines' positions in temporary files, the band
    keys of the comparable ones and their candidate lines. Per-document arrays are merged into
    large blocks as they come (small numpy arrays cost ~100 bytes of overhead each)."""

    def __init__(self, bands: int, rows: int, docs: list[IndexedDoc]) -> None:
        self.bands, self.rows = bands, rows
        self.docs = docs
        self.band_keys = RowFile(bands)
        self.band_docs = array.array("q")
        self.titles = ShingleStore()
        self.lines = ByteBlocks()  # rows of KEPT_DTYPE
        self.positions = ShingleStore()  # the rows' POSITION_DTYPE values, one record per document
        self.line_owner = array.array("I")  # per document with candidate lines: its index
        self.line_count = array.array("I")  # and how many rows it has
        self.shingles = ShingleStore()

    def add(self, sig: DocSignature) -> None:
        index = len(self.docs)
        keys = lsh_keys(sig, self.bands, self.rows)
        self.docs.append(
            IndexedDoc(
                sig.path,
                sig.record,
                sig.record_line,
                sig.enabled,
                sig.first,
                self.titles.add_bytes(sig.title.encode("utf-8", "surrogatepass")),
                sig.text_hash,
                sig.length,
                sig.date,
                keys is not None,
            )
        )
        self.shingles.add(shingles_of(sig))
        if keys is not None:
            self.band_keys.append(keys)
            self.band_docs.append(index)
        if len(sig.lines):
            rows = np.ascontiguousarray(sig.lines, LINE_DTYPE).view(np.uint8).reshape(len(sig.lines), -1)
            self.lines.append(rows.take(_KEPT_BYTES, 1).tobytes())
            self.positions.add_bytes(rows.take(_POSITION_BYTES, 1).tobytes())
            self.line_owner.append(index)
            self.line_count.append(len(sig.lines))

    def title(self, i: int) -> str:
        return self.titles.get_bytes(self.docs[i].title_at).decode("utf-8", "surrogatepass")

    def comparable_set(self, i: int, drop: list[int]) -> np.ndarray:
        """Document ``i``'s distinct shingles without the positions in the ranges ``drop``."""
        return shingles_without(self.shingles.get(i), drop)

    def close(self) -> None:
        for store in (self.shingles, self.titles, self.band_keys, self.positions):
            store.close()
