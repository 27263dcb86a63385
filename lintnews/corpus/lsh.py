"""Locality-sensitive hashing of MinHash signatures: band keys and the candidate pairs they give.

A signature of ``num-perm`` values is cut into ``bands`` bands of ``rows`` values; each band is
hashed to one 64-bit key, and two documents sharing a key in any band are a candidate pair (which
`lintnews.corpus.duplicates` then verifies exactly).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lintnews.corpus.forked import CAN_FORK, in_child, no_tick
from lintnews.corpus.storage import RowFile, distinct

#: Candidate pairs per document and LSH bucket: each member is compared with at most this many
#: earlier members of the bucket.
MAX_PEERS = 16
#: An LSH bucket of more members than this (one story in hundreds of copies) gives each member
#: two candidates, the member before it and the bucket's first member, instead of `MAX_PEERS`:
#: the candidate pairs stay linear in the number of documents with a small constant.
BIG_BUCKET = 64
#: New candidate pairs wait to be merged into those found (see `candidates`) until they are more
#: than 4x as many plus this.
MERGE_SLACK = 1 << 16
#: Documents with band keys from which `candidates_beside` searches in a forked child (fewer
#: are not worth a fork: ~1-2 ms). On the 20 MB crawl (2,335 documents) the search is ~20 ms
#: of CPU that the template lines' ~27 ms now hide (it ran alone at 4,096).
BESIDE_DOCS = 1024


#: The progress bar's name of the candidates' step.
_STEP = "LSH bands searched for candidates"


def band_keys(minhash: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per LSH band of a MinHash signature."""
    out: np.ndarray = band_keys_many(minhash[None, :], bands, rows)[0]
    return out


def band_keys_many(minhashes: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """`band_keys` of every row of ``minhashes``: shape ``(len(minhashes), bands)``."""
    values = minhashes[:, : bands * rows].astype(np.uint64).reshape(len(minhashes), bands, rows)
    key = np.broadcast_to(
        np.arange(bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15), (len(minhashes), bands)
    )
    for r in range(rows):
        key = (key ^ values[:, :, r]) * np.uint64(0x100000001B3)
        key ^= key >> np.uint64(29)
    out: np.ndarray = key
    return out


def candidates(
    band_file: RowFile, band_docs: np.ndarray, n: int, step: Callable[[str, int], Callable[[int], None]]
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs from the LSH buckets: (earlier, later) documents, sorted. ``band_file``
    holds the band keys of the documents ``band_docs`` (one row each, in input order) of a corpus
    of ``n``; ``step`` is told about the progress."""
    if not band_file.rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    bands = band_file.width
    # Pairs (earlier, later) are coded as earlier * n + later; sorted codes are sorted pairs.
    pairs = np.zeros(0, np.int64)
    # New pairs wait in `held` until they outnumber the pairs found so far: a near-duplicate
    # pair is in most of the bands, and merging every band's pairs into ``pairs`` sorted all of
    # them again 42 times (a sixth of the corpus phase's end on the 200 MB crawl corpus); now
    # each pair is sorted a few times, and what waits stays within 4x the pairs found plus
    # `MERGE_SLACK`.
    held: list[np.ndarray] = []
    waiting = 0
    tick = step(_STEP, bands)
    for band in range(bands):
        tick(1)
        if band % 8 == 0:  # the keys come from disk, eight bands at a time
            keys = band_file.columns(band, min(band + 8, bands))
        col = keys[band % 8]
        order = np.argsort(col, kind="stable")
        sorted_keys = col[order]
        members = band_docs[order]  # a bucket is a run of equal keys, its members in input order
        found = []
        # every member with each of the (at most MAX_PEERS) members before it in its bucket;
        # in a bucket of more than BIG_BUCKET members, with the one before it and the first
        big = None
        for gap in range(1, min(MAX_PEERS, len(col) - 1) + 1):
            same = sorted_keys[gap:] == sorted_keys[:-gap]
            if not same.any():
                break  # no bucket has more than ``gap`` members
            if gap == 2 and len(col) > BIG_BUCKET:
                first, big = _big_buckets(sorted_keys)
                if big is not None:
                    at = np.flatnonzero(big)
                    at = at[at > first[at] + 1]  # (the second member's pair with the first is gap 1)
                    found.append(members[first[at]] * n + members[at])
            if big is not None and gap > 1:
                same &= ~big[gap:]
            found.append(members[:-gap][same] * n + members[gap:][same])
        held += found
        waiting += sum(len(f) for f in found)
        if held and (waiting > 4 * len(pairs) + MERGE_SLACK or band == bands - 1):
            pairs = distinct(np.concatenate([pairs, *held]))
            held, waiting = [], 0
    return pairs // n, pairs % n


def candidates_beside(
    band_file: RowFile,
    band_docs: np.ndarray,
    n: int,
    step: Callable[[str, int], Callable[[int], None]],
    fork: bool,
) -> Callable[[], tuple[np.ndarray, np.ndarray]]:
    """`candidates`, started in a forked child when ``fork`` (a run of more than one job) and
    the corpus is large: the caller finds the template lines meanwhile, and calls the returned
    function for the pairs (found here if the child failed; see `lintnews.corpus.forked`)."""
    if not (fork and CAN_FORK and band_file.rows >= BESIDE_DOCS):
        return lambda: candidates(band_file, band_docs, n, step)
    band_file.flush()  # (a flush in the child would write the buffered rows twice)
    child = in_child(lambda: candidates(band_file, band_docs, n, lambda name, total: no_tick))

    def found() -> tuple[np.ndarray, np.ndarray]:
        got: tuple[np.ndarray, np.ndarray] | None = child()
        if got is None:
            return candidates(band_file, band_docs, n, step)
        step(_STEP, band_file.width)(band_file.width)
        return got

    return found


def _big_buckets(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """For each position of the sorted band keys, the position of the first member of its bucket
    (the run of equal keys), and whether the bucket has more than `BIG_BUCKET` members (None
    when no bucket has)."""
    n = len(sorted_keys)
    starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
    sizes = np.diff(np.append(starts, n))
    if sizes.max() <= BIG_BUCKET:
        return starts, None
    first = np.repeat(starts, sizes)
    return first, np.repeat(sizes > BIG_BUCKET, sizes)
