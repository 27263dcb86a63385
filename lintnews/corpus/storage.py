"""Where the corpus index keeps per-document data: temporary files read back on demand, and
blocks merged in memory (small numpy arrays cost ~100 bytes of overhead each)."""

from __future__ import annotations

import array
import os
import tempfile
from collections.abc import Iterable

import numpy as np


class ShingleStore:
    """Shingle hashes (or other byte strings) of every document, in a temporary file, read
    back when needed; memory holds 8 bytes per record (where it starts)."""

    def __init__(self) -> None:
        # A large buffer: one write call per megabyte, not one per document.
        self._file = tempfile.TemporaryFile(prefix="lintnews-shingles-", buffering=1 << 20)  # noqa: SIM115 (closed in close())
        #: Where each record starts, and where the next would (a record ends where the next starts).
        self._offset = array.array("q", [0])
        #: Bytes known to be in the file (the rest may still be in the write buffer).
        self._flushed = 0

    def add_bytes(self, data: bytes) -> int:
        self._file.write(data)
        self._offset.append(self._offset[-1] + len(data))
        return len(self._offset) - 2

    def get_bytes(self, i: int) -> bytes:
        offset, end = self._offset[i], self._offset[i + 1]
        if end > self._flushed:  # the record is (partly) still in the write buffer
            self.flush()
        return os.pread(self._file.fileno(), end - offset, offset)

    def flush(self) -> None:
        """Write what is buffered to the file (where ``pread`` finds it)."""
        self._file.flush()
        self._flushed = self._offset[-1]

    def add(self, values: np.ndarray) -> int:
        return self.add_bytes(np.asarray(values, "<u4").tobytes())  # (no copy when already uint32)

    def get(self, i: int) -> np.ndarray:
        return np.frombuffer(self.get_bytes(i), dtype="<u4")

    def close(self) -> None:
        self._file.close()


class RowFile:
    """Rows of ``width`` uint64 values in a temporary file, read back a few columns at a time."""

    #: Rows read at once.
    CHUNK = 1 << 15

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows = 0
        self._file = tempfile.TemporaryFile(prefix="lintnews-bands-", buffering=1 << 20)  # noqa: SIM115 (closed in close())

    def append(self, row: np.ndarray) -> None:
        self._file.write(np.ascontiguousarray(row, "<u8").tobytes())
        self.rows += 1

    def flush(self) -> None:
        """Write what is buffered to the file (where ``pread`` finds it)."""
        self._file.flush()

    def columns(self, lo: int, hi: int) -> np.ndarray:
        """Columns ``lo`` to ``hi`` (exclusive) of every row: shape ``(hi - lo, rows)``."""
        self.flush()
        out = np.empty((hi - lo, self.rows), np.uint64)
        row_bytes = 8 * self.width
        for first in range(0, self.rows, self.CHUNK):
            last = min(first + self.CHUNK, self.rows)
            data = os.pread(self._file.fileno(), (last - first) * row_bytes, first * row_bytes)
            out[:, first:last] = np.frombuffer(data, "<u8").reshape(-1, self.width)[:, lo:hi].T
        return out

    def close(self) -> None:
        self._file.close()


class ByteBlocks:
    """A growing concatenation of byte strings, merged every `SIZE` appends."""

    SIZE = 4096

    def __init__(self) -> None:
        self._blocks: list[bytearray] = []
        self._pending: list[bytes] = []

    def append(self, data: bytes) -> None:
        self._pending.append(data)
        if len(self._pending) >= self.SIZE:
            self._blocks.append(bytearray().join(self._pending))
            self._pending = []

    def __len__(self) -> int:
        return len(self._blocks) + len(self._pending)

    def array(self, dtype: np.dtype) -> np.ndarray:
        """Everything appended, as one array. The blocks are released as they are copied, so
        the peak is the array plus one block; the array then is the only block."""
        if self._pending:
            self._blocks.append(bytearray().join(self._pending))
            self._pending = []
        out = np.empty(sum(len(b) for b in self._blocks) // dtype.itemsize, dtype)
        flat = out.view(np.uint8).reshape(-1)
        at = 0
        self._blocks.reverse()
        while self._blocks:
            block = self._blocks.pop()
            flat[at : at + len(block)] = np.frombuffer(block, np.uint8)
            at += len(block)
            del block
        self._blocks = [flat.data]  # type: ignore[list-item]  # a memoryview: bytes-like, not copied
        return out


class RowIndex:
    """The candidate-line rows of each document: documents add their rows in input order, so a
    document's rows are one contiguous range. Looked up by document number in O(1) (plain
    lists: the corpus phase asks for one document at a time, hundreds of thousands of times)."""

    def __init__(self, owner: array.array, count: array.array) -> None:
        owners = np.frombuffer(owner, np.uint32) if len(owner) else np.zeros(0, np.uint32)
        counts = np.frombuffer(count, np.uint32).astype(np.int64) if len(count) else np.zeros(0, np.int64)
        size = int(owners.max()) + 1 if len(owners) else 0
        start = np.zeros(size, np.int64)
        number = np.zeros(size, np.int64)
        start[owners] = np.cumsum(counts) - counts
        number[owners] = counts
        self._start, self._number = start, number
        self.start: list[int] = start.tolist()
        self.count: list[int] = number.tolist()

    def get(self, doc: int) -> np.ndarray | None:
        if doc >= len(self.count) or not self.count[doc]:
            return None
        start = self.start[doc]
        return np.arange(start, start + self.count[doc])

    def __getitem__(self, doc: int) -> np.ndarray:
        rows = self.get(doc)
        if rows is None:
            raise KeyError(doc)
        return rows

    def many(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows of each of ``docs`` (document numbers, each with rows), one document after
        the other, and how many each has: what `get` gives for each, in a few numpy calls
        (`lintnews.corpus.templates.block_words` asks for 200 documents at a time)."""
        docs = docs.astype(np.int64)
        if len(docs) and (docs.max() >= len(self._number) or not self._number[docs].all()):
            raise KeyError("a document without rows")
        counts = self._number[docs]
        first = np.repeat(self._start[docs] - (np.cumsum(counts) - counts), counts)
        return first + np.arange(len(first)), counts


def distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D array, by sorting (numpy 2's hash-based `unique` is several
    times slower on arrays of this size, and its first call imports ``numpy.ma``: ~9 ms of the
    corpus phase's end, which runs alone after the last document)."""
    out = np.sort(values)
    if len(out) > 1:
        keep = np.empty(len(out), bool)
        keep[0] = True
        np.not_equal(out[1:], out[:-1], out=keep[1:])
        out = out[keep]
    return out


def among(values: np.ndarray, wanted: Iterable[int]) -> np.ndarray:
    """``np.isin(values, wanted)`` for 1-D ``uint64`` ``values`` (`distinct` of ``wanted``, then
    a binary search: no ``numpy.ma``, see `distinct`)."""
    keys = distinct(np.fromiter(wanted, np.uint64))
    if not len(keys):
        return np.zeros(len(values), bool)
    at = np.minimum(np.searchsorted(keys, values), len(keys) - 1)
    found: np.ndarray = keys[at] == values
    return found
