"""MinHash signatures computed in numpy (or the compiled kernel) over batches of documents.

The shingle hashes come from `lintnews.hashing` (XXH3-64); this module applies datasketch's
permutations to them and takes the minimum per document with ``np.minimum.reduceat``. Given the
same shingle hashes, the values are datasketch's: ``datasketch.MinHash(num_perm, seed,
hashfunc=...)`` fed the same hashes gives the same values, which tests/test_minhash.py checks.

Both datasketch permutation schemes are supported: ``affine32`` (the default of datasketch 2.x:
the MurmurHash3 finaliser, then ``a*h + b`` modulo 2**32, values stored as uint32) and ``legacy``
(datasketch before 2.0: ``(a*h + b) mod (2**61 - 1)`` truncated to 32 bits, stored as uint64).
The permutations come from ``np.random.RandomState(seed)`` exactly as datasketch draws them.
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path

import numpy as np

from lintnews import kept_files, native

AFFINE32 = "affine32"
LEGACY = "legacy"
SCHEMES = (AFFINE32, LEGACY)

_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64((1 << 32) - 1)
#: Rows of the (shingles x permutations) matrix computed at once.
_PERM_CHUNK = 8_192


# --- permutations -----------------------------------------------------------------------------


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int = 1, scheme: str = AFFINE32) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` parameters datasketch's `MinHash` draws for ``num_perm`` and ``seed``.

    Drawing them needs ``numpy.random`` (~11 ms to import, in every worker process, on its first
    document): they are kept in a file beside this module (`lintnews.kept_files`), keyed by the
    arguments, numpy's version and the source of this module, and read back as the same numbers."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown MinHash scheme {scheme!r} (expected one of {', '.join(SCHEMES)})")
    dtype = np.uint32 if scheme == AFFINE32 else np.uint64
    file = kept_files.path(Path(__file__).parent, f"minhash-{scheme}-{num_perm}-{seed}")
    key = _permutations_key(num_perm, seed, scheme)
    kept = kept_files.read(file, key)
    size = num_perm * np.dtype(dtype).itemsize
    if (
        isinstance(kept, tuple)
        and len(kept) == 2
        and all(isinstance(x, bytes) and len(x) == size for x in kept)
    ):
        return np.frombuffer(kept[0], dtype=dtype).copy(), np.frombuffer(kept[1], dtype=dtype).copy()
    a, b = _draw_permutations(num_perm, seed, scheme)
    kept_files.write(file, key, (a.tobytes(), b.tobytes()))
    return a, b


def _permutations_key(num_perm: int, seed: int, scheme: str) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{num_perm} {seed} {scheme} {np.__version__} {sys.byteorder}\0".encode())
    try:
        h.update(Path(__file__).read_bytes())
    except OSError:
        h.update(b"(unreadable)")
    return h.digest()


def _draw_permutations(num_perm: int, seed: int, scheme: str) -> tuple[np.ndarray, np.ndarray]:
    """`permutations` drawn from ``np.random.RandomState(seed)`` exactly as datasketch draws them."""
    gen = np.random.RandomState(seed)
    if scheme == LEGACY:
        pairs = [
            (gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
            for _ in range(num_perm)
        ]
        a, b = np.array(pairs, dtype=np.uint64).T
        return np.ascontiguousarray(a), np.ascontiguousarray(b)
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
