"""MinHash throughput: lintnews.hashing + lintnews.minhash (batches) against datasketch, same documents.

Usage::

    python bench/minhash_speed.py /path/to/eval/trafilatura/annotations.json [--batch 256] [--repeat 3]

Documents are real article bodies (``trafilatura.extract`` of the eval pages, cached in
``bench/out/bodies/`` as for ``near_duplicates.py``). Every measurement runs in this process on
the same documents, each timing is the best of ``--repeat`` runs, and the values are checked to
be identical before anything is printed. Reported (MB/s of article text, and ratios):

1. **from text**: normalise (`lintnews.textnorm.normalize`, the same for both), cut into word
   5-grams, hash, MinHash; and the same **from normalised text** (normalisation, which costs
   both sides the same, left out).
   - datasketch: per document ``normalize(text).split()``, the 5-gram byte strings,
     ``MinHash(num_perm=128)`` and ``update_batch`` (what a plain pipeline does);
   - lintnews: per batch of ``--batch`` documents, `lintnews.hashing.shingle_hashes` (XXH3 of
     every 5-gram, the compiled kernel when built) and `MinHasher.signatures`.
2. **from shingles** (the byte strings already made): datasketch ``update_batch`` with a fresh
   ``MinHash`` per document and with ``MinHash.bulk`` (one permutation draw for all), against
   `lintnews.hashing.hash32` of each + `MinHasher.signatures` per batch.
3. The hashing step alone, on the 5-gram shingles of the normalised texts: datasketch's
   ``sha1_hash32`` per shingle against `lintnews.hashing.shingle_hashes`.

lintnews's values are not datasketch's default ones (the shingle hash is XXH3, not SHA-1): they
are checked identical to ``MinHash(hashfunc=lintnews.hashing.hash32)``'s, on every document.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32

from lintnews import hashing
from lintnews.minhash import MinHasher
from lintnews.textnorm import normalize

K = 5
NUM_PERM = 128


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def shingle_bytes(text: str, normalized: bool = False) -> list[bytes]:
    words = (text if normalized else normalize(text)).split()
    return (
        [" ".join(words[i : i + K]).encode("utf-8") for i in range(max(len(words) - K + 1, 1))]
        if words
        else []
    )


def datasketch_from_text(
    texts: list[str], normalized: bool = False, hashfunc: Any = sha1_hash32
) -> list[np.ndarray]:
    out = []
    for text in texts:
        m = MinHash(num_perm=NUM_PERM, hashfunc=hashfunc)
        m.update_batch(shingle_bytes(text, normalized))
        out.append(m.hashvalues)
    return out


def lintnews_from_text(
    texts: list[str], batch: int, hasher: MinHasher, normalized: bool = False
) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for lo in range(0, len(texts), batch):
        lines = [t if normalized else normalize(t) for t in texts[lo : lo + batch]]
        values, per_doc = hashing.shingle_hashes(lines, K)
        out.extend(hasher.signatures(values, per_doc))
    return out


def datasketch_update_batch(shingles: list[list[bytes]], hashfunc: Any = sha1_hash32) -> list[np.ndarray]:
    out = []
    for s in shingles:
        m = MinHash(num_perm=NUM_PERM, hashfunc=hashfunc)
        m.update_batch(s)
        out.append(m.hashvalues)
    return out


def datasketch_bulk(shingles: list[list[bytes]]) -> list[np.ndarray]:
    return [m.hashvalues for m in MinHash.bulk(shingles, num_perm=NUM_PERM)]


def lintnews_from_shingles(shingles: list[list[bytes]], batch: int, hasher: MinHasher) -> list[np.ndarray]:
    out: list[np.ndarray] = []
    for lo in range(0, len(shingles), batch):
        part = shingles[lo : lo + batch]
        flat = [x for s in part for x in s]
        values = np.fromiter(map(hashing.hash32, flat), np.uint32, len(flat))
        out.extend(hasher.signatures(values, np.array([len(s) for s in part])))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("annotations", type=Path, help="eval/trafilatura/annotations.json")
    ap.add_argument("--batch", type=int, default=256, help="documents per vectorised batch")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from near_duplicates import bodies  # same folder

    texts = [t for t in bodies(args.annotations).values() if len(t.split()) >= 50]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    shingles = [shingle_bytes(t) for t in texts]
    n_shingles = sum(len(s) for s in shingles)
    hasher = MinHasher(NUM_PERM)
    print(
        f"{len(texts)} documents, {megabytes:.2f} MB of text, {n_shingles} word 5-grams; "
        f"batches of {args.batch} documents; best of {args.repeat}\n"
    )

    rows = []
    t_ds, ref = best(lambda: datasketch_from_text(texts), args.repeat)
    t_ln, got = best(lambda: lintnews_from_text(texts, args.batch, hasher), args.repeat)
    same = datasketch_from_text(texts, hashfunc=hashing.hash32)
    assert all(np.array_equal(a, b) for a, b in zip(same, got)), "signatures differ from datasketch"
    rows.append(("from text: datasketch update_batch", t_ds, "from text: lintnews batches", t_ln))
    norms = [normalize(t) for t in texts]
    t_ds_n, ref = best(lambda: datasketch_from_text(norms, True), args.repeat)
    t_ln_n, got = best(lambda: lintnews_from_text(norms, args.batch, hasher, True), args.repeat)
    assert all(np.array_equal(a, b) for a, b in zip(same, got)), "signatures differ from datasketch"
    rows.append(("from normalised text: datasketch", t_ds_n, "from normalised text: lintnews", t_ln_n))

    t_ub, ref = best(lambda: datasketch_update_batch(shingles), args.repeat)
    t_bulk, ref2 = best(lambda: datasketch_bulk(shingles), args.repeat)
    t_vec, got = best(lambda: lintnews_from_shingles(shingles, args.batch, hasher), args.repeat)
    assert all(np.array_equal(a, b) for a, b in zip(same, got))
    rows.append(("from shingles: datasketch update_batch", t_ub, "from shingles: lintnews batches", t_vec))
    rows.append(("from shingles: datasketch MinHash.bulk", t_bulk, "from shingles: lintnews batches", t_vec))

    flat = [x for s in shingles for x in s]
    t_sha_ds, _ = best(lambda: [sha1_hash32(x) for x in flat], args.repeat)
    t_sha_ln, got_h = best(lambda: hashing.shingle_hashes(norms, K), args.repeat)
    assert got_h[0].tolist() == [hashing.hash32(x) for x in flat]
    rows.append(("sha1_hash32 of every 5-gram", t_sha_ds, "XXH3 of every 5-gram (shingle_hashes)", t_sha_ln))

    print("| baseline | MB/s | lintnews | MB/s | ratio |")
    print("|---|---|---|---|---|")
    for base_name, t_base, our_name, t_ours in rows:
        print(
            f"| {base_name} | {megabytes / t_base:.1f} | {our_name} | {megabytes / t_ours:.1f} | "
            f"{t_base / t_ours:.1f}x |"
        )
    print(
        f"\nper shingle: datasketch from text {t_ds / n_shingles * 1e9:.0f} ns, "
        f"lintnews from text {t_ln / n_shingles * 1e9:.0f} ns; identical values checked."
    )


if __name__ == "__main__":
    main()
