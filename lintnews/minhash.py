"""MinHash signatures computed in numpy, bit-exact with datasketch.

datasketch's `MinHash.update_batch` hashes every shingle with ``sha1_hash32`` (the first four bytes
of its SHA-1 digest, read little-endian) in a Python loop, then applies the permutations with
numpy, one document at a time. Here both steps run vectorised over the shingles of a whole batch
of documents:

- `sha1_hash32_spans` computes SHA-1 over many short byte strings at once, as numpy operations
  on arrays of 32-bit lanes (one lane per shingle); the result equals
  ``datasketch.hashfunc.sha1_hash32`` for every shingle. Only one-block messages (≤ 55 bytes:
  nearly every word 5-gram) are vectorised; longer ones, and batches of fewer than a few
  thousand, where the fixed cost of ~1,400 numpy calls exceeds hashlib's per-call cost, go
  through hashlib. The vectorised SHA-1 is about twice as fast as a hashlib call per shingle:
  numpy needs ~1,400 array operations per 64-byte block, so it cannot go much further.
- `MinHasher.signatures` applies datasketch's permutations to all shingle hashes of the batch
  and takes the minimum per document with ``np.minimum.reduceat``.

Both datasketch permutation schemes are supported: ``affine32`` (the default of datasketch 2.x:
the MurmurHash3 finaliser, then ``a*h + b`` modulo 2**32, values stored as uint32) and ``legacy``
(datasketch before 2.0: ``(a*h + b) mod (2**61 - 1)`` truncated to 32 bits, stored as uint64).
The permutations come from ``np.random.RandomState(seed)`` exactly as datasketch draws them, so
``datasketch.MinHash(num_perm, seed, hashvalues=sig, scheme=...)`` accepts the values and they
can be inserted in a ``MinHashLSH``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from lintnews import native

AFFINE32 = "affine32"
LEGACY = "legacy"
SCHEMES = (AFFINE32, LEGACY)

_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64((1 << 32) - 1)
#: Shingles per vectorised SHA-1 pass: the working set (~23 arrays of this many uint32) stays in
#: the CPU cache.
_SHA_CHUNK = 16_384
#: Below this many one-block spans hashlib is faster than the vectorised SHA-1 (~1.3 ms fixed cost).
_SHA_MIN_VECTOR = 4096
#: Rows of the (shingles x permutations) matrix computed at once.
_PERM_CHUNK = 8_192


# --- SHA-1 over many short messages -----------------------------------------------------------

_H = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
_K = (0x5A827999, 0x6ED9EBA1, 0x8F1BBCDC, 0xCA62C1D6)


_BYTE_MASKS = np.array([0, 0xFF000000, 0xFFFF0000, 0xFFFFFF00, 0xFFFFFFFF], dtype=np.uint32)
_PAD_BITS = np.array([0x80000000, 0x00800000, 0x00008000, 0x00000080], dtype=np.uint32)


def _one_block_words(be_words: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """SHA-1 message words of messages ``buf[start:start+length]`` of at most 55 bytes, padded
    to one block: shape ``(16, n)``, one column per message. Built from ``be_words[i]``, the
    big-endian word of the four buffer bytes at every offset ``i`` (no per-byte copies)."""
    n = len(starts)
    words = np.empty((16, n), dtype=np.uint32)
    offsets = 4 * np.arange(14)[:, None]
    np.take(be_words, starts[None, :] + offsets, out=words[:14])
    words[:14] &= _BYTE_MASKS[np.clip(lengths[None, :] - offsets, 0, 4)]
    words[lengths // 4, np.arange(n)] |= _PAD_BITS[lengths % 4]
    words[14] = 0
    words[15] = lengths * 8
    return words


def _be_words(buf: np.ndarray) -> np.ndarray:
    """The big-endian 32-bit word starting at every byte offset of ``buf`` (the last three
    offsets excepted)."""
    m = (len(buf) - 3) // 4
    out = np.empty((m, 4), dtype=np.uint32)
    for r in range(4):
        out[:, r] = buf[r : r + 4 * m].view(">u4")
    return out.reshape(-1)


def _compress(state: list[np.ndarray], w: np.ndarray) -> None:
    """One SHA-1 compression of 16-word blocks ``w`` (shape ``(16, n)``, overwritten) into
    ``state`` (five arrays of n lanes, updated in place)."""
    n = w.shape[1]
    a, b, c, d, e = (s.copy() for s in state)
    t = np.empty(n, np.uint32)
    f = np.empty(n, np.uint32)
    g = np.empty(n, np.uint32)
    for i in range(80):
        wi = w[i & 15]
        if i >= 16:
            np.bitwise_xor(wi, w[(i - 3) & 15], out=wi)
            np.bitwise_xor(wi, w[(i - 8) & 15], out=wi)
            np.bitwise_xor(wi, w[(i - 14) & 15], out=wi)
            np.right_shift(wi, 31, out=g)
            np.left_shift(wi, 1, out=wi)
            np.bitwise_or(wi, g, out=wi)
        if i < 20:  # choose: d ^ (b & (c ^ d))
            np.bitwise_xor(c, d, out=f)
            np.bitwise_and(f, b, out=f)
            np.bitwise_xor(f, d, out=f)
        elif 40 <= i < 60:  # majority: (b & c) | (d & (b | c))
            np.bitwise_or(b, c, out=f)
            np.bitwise_and(f, d, out=f)
            np.bitwise_and(b, c, out=g)
            np.bitwise_or(f, g, out=f)
        else:  # parity
            np.bitwise_xor(b, c, out=f)
            np.bitwise_xor(f, d, out=f)
        # t = rotl(a, 5) + f + e + K + w
        np.right_shift(a, 27, out=g)
        np.left_shift(a, 5, out=t)
        np.bitwise_or(t, g, out=t)
        t += f
        t += e
        t += wi
        t += np.uint32(_K[i // 20])
        # e = d; d = c; c = rotl(b, 30); b = a; a = t  (reusing the dead arrays)
        np.right_shift(b, 2, out=g)
        np.left_shift(b, 30, out=e)
        np.bitwise_or(e, g, out=e)
        a, b, c, d, e, t = t, a, e, c, d, b
    for s, v in zip(state, (a, b, c, d, e)):
        s += v


def sha1_hash32_spans(data: bytes, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """``datasketch.hashfunc.sha1_hash32(data[s:e])`` for every span, as a uint32 array: from the
    compiled kernel (`lintnews.native`) when it is built, else from `py_sha1_hash32_spans`.

    There, spans of at most 55 bytes (one SHA-1 block: nearly every word 5-gram) are hashed vectorised
    when there are enough of them; longer ones, and small batches, go through hashlib."""
    starts = np.ascontiguousarray(starts, dtype=np.int64)
    ends = np.ascontiguousarray(ends, dtype=np.int64)
    if native.compiled is not None:
        return np.frombuffer(native.compiled.sha1_hash32_spans(data, starts, ends), dtype=np.uint32)
    return py_sha1_hash32_spans(data, starts, ends)


def py_sha1_hash32_spans(data: bytes, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """`sha1_hash32_spans` in numpy and hashlib (``starts`` and ``ends`` int64 arrays)."""
    lengths = ends - starts
    one_block = lengths <= 55
    n_short = int(one_block.sum())
    if n_short < _SHA_MIN_VECTOR:
        return _hashlib_spans(data, starts, ends)
    out = np.empty(len(starts), np.uint32)
    if n_short < len(starts):
        long = np.flatnonzero(~one_block)
        out[long] = _hashlib_spans(data, starts[long], ends[long])
        short = np.flatnonzero(one_block)
        starts, lengths = starts[short], lengths[short]
    be_words = _be_words(np.frombuffer(data + bytes(64), dtype=np.uint8))
    first = np.empty(len(starts), np.uint32)
    for lo in range(0, len(starts), _SHA_CHUNK):
        hi = min(lo + _SHA_CHUNK, len(starts))
        state = [np.full(hi - lo, h, np.uint32) for h in _H]
        _compress(state, _one_block_words(be_words, starts[lo:hi], lengths[lo:hi]))
        first[lo:hi] = state[0]
    # sha1_hash32 reads the first four digest bytes little-endian: swap the big-endian word.
    if n_short < len(out):
        out[short] = first.byteswap()
    else:
        out = first.byteswap()
    return out


def shingle_hashes(lines: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """``sha1_hash32`` of the word ``k``-gram shingles of every line, line after line, and the
    number of shingles of each line (int64). Lines hold words separated by single spaces and no
    line break; a line of ``w`` words has ``max(w - k + 1, 1)`` shingles, shingle ``j`` being
    words ``j`` to ``min(j + k, w) - 1`` with their spaces, in UTF-8. From the compiled kernel
    (`lintnews.native`) when it is built, else from `py_shingle_hashes`."""
    if native.compiled is not None:
        values, counts = native.compiled.shingle_hashes(lines, k)
        return np.frombuffer(values, dtype=np.uint32), np.frombuffer(counts, dtype=np.int64)
    return py_shingle_hashes(lines, k)


def py_shingle_hashes(lines: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """`shingle_hashes` in numpy: the lines' words and shingles found as byte offsets in their
    UTF-8 joined by line breaks, then `sha1_hash32_spans`."""
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
    return sha1_hash32_spans(buf, word_starts[lo_word], word_ends[hi_word]), per_line


def _hashlib_spans(data: bytes, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    sha1 = hashlib.sha1
    digests = b"".join([sha1(data[s:e]).digest() for s, e in zip(starts.tolist(), ends.tolist())])
    out: np.ndarray = np.frombuffer(digests, dtype="<u4")[::5].copy()
    return out


def sha1_hash32_many(items: Sequence[bytes]) -> np.ndarray:
    """``sha1_hash32`` of every byte string in ``items``."""
    lengths = np.fromiter((len(x) for x in items), dtype=np.int64, count=len(items))
    ends = np.cumsum(lengths)
    return sha1_hash32_spans(b"".join(items), ends - lengths, ends)


# --- permutations -----------------------------------------------------------------------------


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int = 1, scheme: str = AFFINE32) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` parameters datasketch's `MinHash` draws for ``num_perm`` and ``seed``."""
    gen = np.random.RandomState(seed)
    if scheme == LEGACY:
        pairs = [
            (gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
            for _ in range(num_perm)
        ]
        a, b = np.array(pairs, dtype=np.uint64).T
        return np.ascontiguousarray(a), np.ascontiguousarray(b)
    if scheme != AFFINE32:
        raise ValueError(f"unknown MinHash scheme {scheme!r} (expected one of {', '.join(SCHEMES)})")
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, as datasketch applies it before affine permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    out: np.ndarray = h ^ (h >> np.uint32(16))
    return out


class MinHasher:
    """Computes datasketch-compatible MinHash values for batches of documents."""

    def __init__(self, num_perm: int = 128, seed: int = 1, scheme: str = AFFINE32) -> None:
        self.num_perm = num_perm
        self.seed = seed
        self.scheme = scheme
        self.a, self.b = permutations(num_perm, seed, scheme)
        self.dtype = np.uint32 if scheme == AFFINE32 else np.uint64
        self.empty = np.iinfo(np.uint32).max

    def _permute(self, hv: np.ndarray) -> np.ndarray:
        """Permuted values of shingle hashes ``hv`` (uint32): shape ``(num_perm, len(hv))``, one
        contiguous row per permutation so the per-document minimum runs along rows."""
        if self.scheme == AFFINE32:
            phv: np.ndarray = self.a[:, None] * fmix32(hv)[None, :]
            phv += self.b[:, None]
            return phv
        phv = self.a[:, None] * hv.astype(np.uint64)[None, :]
        phv += self.b[:, None]
        phv %= _MERSENNE
        phv &= _MAX32
        return phv

    def signatures(self, hashes: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """MinHash values of documents whose shingle hashes are ``hashes`` (uint32, document
        after document; ``counts[i]`` of them belong to document ``i``): shape
        ``(len(counts), num_perm)``. A document without shingles gets datasketch's empty
        signature (every value 2**32 - 1). The compiled kernel (`lintnews.native`) computes
        the affine32 values when it is built; numpy does otherwise, and for the legacy scheme."""
        counts = np.ascontiguousarray(counts, dtype=np.int64)
        hashes = np.ascontiguousarray(hashes, dtype=np.uint32)
        if self.scheme == AFFINE32 and native.compiled is not None:
            values = native.compiled.minhash_affine32(hashes, counts, self.a, self.b)
            return np.frombuffer(values, dtype=np.uint32).reshape(len(counts), self.num_perm)
        out = np.full((len(counts), self.num_perm), self.empty, dtype=self.dtype)
        bounds = np.concatenate(([0], np.cumsum(counts)))
        total = int(bounds[-1])
        # Walk the shingles in chunks; a long document spans several chunks (the minimum of the
        # chunk minimums is the minimum).
        for lo in range(0, total, _PERM_CHUNK):
            hi = min(lo + _PERM_CHUNK, total)
            first = int(np.searchsorted(bounds, lo, side="right")) - 1
            last = int(np.searchsorted(bounds, hi, side="left"))
            docs = np.arange(first, last)
            docs = docs[counts[first:last] > 0]
            seg_starts = np.maximum(bounds[docs], lo) - lo
            mins = np.minimum.reduceat(self._permute(hashes[lo:hi]), seg_starts, axis=1).T
            out[docs] = np.minimum(out[docs], mins)
        return out

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        """MinHash values of one set of shingle hashes."""
        out: np.ndarray = self.signatures(hashes, np.array([len(hashes)]))[0]
        return out
