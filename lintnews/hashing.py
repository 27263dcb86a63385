"""The one hash of the corpus phase: xxHash's XXH3-64, as datatrove uses it for its MinHash.

A shingle (``k`` words of one normalised line, with their spaces, in UTF-8) is hashed to the low
32 bits of its XXH3-64 digest (seed 0). The compiled kernel (`lintnews._native.shingle_hashes`,
built with xxHash's reference header, vendored in lintnews/vendor/xxhash) and the `xxhash`
package (the pure-Python path) give the same values; no other module hashes shingles.

`SCHEME` names this hash together with the MinHash permutations applied to it
(`lintnews.minhash`, datasketch's ``affine32``): whatever is persisted from them (the corpus
signatures of the result cache) records it, so a value made by another scheme is a cache miss,
never compared with these.
"""

from __future__ import annotations

import numpy as np
import xxhash

from lintnews import native
from lintnews.corpus.scheme import SCHEME

__all__ = ["SCHEME", "hash32", "py_shingle_hashes", "shingle_hashes"]

_xxh3 = xxhash.xxh3_64_intdigest


def hash32(data: bytes) -> int:
    """The hash of one shingle's UTF-8 bytes."""
    return _xxh3(data) & 0xFFFFFFFF


def shingle_hashes(lines: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """`hash32` of the word ``k``-gram shingles of every line, line after line, and the number
    of shingles of each line (int64). Lines hold words separated by single spaces and no line
    break; a line of ``w`` words has ``max(w - k + 1, 1)`` shingles, shingle ``j`` being words
    ``j`` to ``min(j + k, w) - 1`` with their spaces. From the compiled kernel when it is built,
    else from `py_shingle_hashes`."""
    if native.compiled is not None:
        values, counts = native.compiled.shingle_hashes(lines, k)
        return np.frombuffer(values, dtype=np.uint32), np.frombuffer(counts, dtype=np.int64)
    return py_shingle_hashes(lines, k)


def py_shingle_hashes(lines: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """`shingle_hashes` with numpy and the `xxhash` package: the shingles are found as byte
    offsets in the lines' UTF-8 joined by line breaks, then hashed by one `map` (no Python loop)."""
    if k < 1:
        raise ValueError("k must be at least 1")
    if not lines:
        return np.zeros(0, np.uint32), np.zeros(0, np.int64)
    joined = "\n".join(lines)
    if joined.count("\n") != len(lines) - 1:
        raise ValueError("lines must not hold line breaks")
    buf = (joined + "\n").encode("utf-8")
    arr = np.frombuffer(buf, dtype=np.uint8)
    newlines = np.flatnonzero(arr == 10)
    word_ends = np.flatnonzero((arr == 32) | (arr == 10))
    word_starts = np.concatenate(([0], word_ends[:-1] + 1))
    line_of_word = np.searchsorted(newlines, word_ends)
    n_lines = len(lines)
    words = np.bincount(line_of_word, minlength=n_lines)
    first_word = np.cumsum(words) - words
    per_line = np.maximum(words - k + 1, 1).astype(np.int64)
    line_of_shingle = np.repeat(np.arange(n_lines), per_line)
    j = np.arange(int(per_line.sum())) - np.repeat(np.cumsum(per_line) - per_line, per_line)
    lo_word = first_word[line_of_shingle] + j
    hi_word = first_word[line_of_shingle] + np.minimum(j + k - 1, words[line_of_shingle] - 1)
    starts, ends = word_starts[lo_word].tolist(), word_ends[hi_word].tolist()
    digests = np.fromiter(map(_xxh3, map(buf.__getitem__, map(slice, starts, ends))), np.uint64, len(starts))
    return digests.astype(np.uint32), per_line
