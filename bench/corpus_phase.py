"""How long the corpus phase's end takes: signatures of a JSONL corpus, then `CorpusIndex.finish`.

Computes every document's corpus signature with the real per-document pipeline in worker
processes (as ``lintnews check`` does, default settings), optionally saves them with pickle so
later runs (or another checkout, for a before/after) can skip that step, then feeds them to a
`CorpusIndex` and times `finish()`: the LSH candidates, their exact verification, the template
lines and the N001-N003 diagnostics, all of which run in one process after the workers stop.
Prints the seconds and the number of diagnostics per code.

Usage: ``python bench/corpus_phase.py CORPUS.jsonl [--jobs 2] [--save SIGS.pkl]`` or
``python bench/corpus_phase.py --load SIGS.pkl`` (e.g. a corpus written by
``bench/speed.py --work DIR``).
"""

from __future__ import annotations

import argparse
import collections
import pickle
import sys
import time
from multiprocessing import Pool
from typing import Any

from lintnews import parallel
from lintnews.analysis import Analysis
from lintnews.config import Settings
from lintnews.corpus import CorpusIndex, make_signer

SETTINGS = Settings()


def _signatures(chunk: list[Any]) -> list[Any]:
    analyzer = parallel.Analyzer(SETTINGS, False, make_signer(SETTINGS), None, None)
    return [
        a.signature for items, _ in analyzer.analyze_units(chunk) for a in items if isinstance(a, Analysis)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", help="JSONL corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--save", help="pickle the signatures here")
    ap.add_argument("--load", help="read pickled signatures instead of a corpus")
    args = ap.parse_args()
    if args.load:
        with open(args.load, "rb") as fh:
            sigs = pickle.load(fh)  # noqa: S301 (a file this script wrote)
    elif args.corpus:
        units = list(parallel.iter_units([args.corpus], SETTINGS))
        chunks = [units[i : i + 64] for i in range(0, len(units), 64)]
        start = time.perf_counter()
        with Pool(args.jobs) as pool:
            sigs = [s for part in pool.imap(_signatures, chunks) for s in part]
        print(f"signatures of {len(sigs)} documents: {time.perf_counter() - start:.1f} s", file=sys.stderr)
        if args.save:
            with open(args.save, "wb") as fh:
                pickle.dump(sigs, fh, protocol=5)
    else:
        ap.error("give a corpus or --load")
    index = CorpusIndex(SETTINGS)
    start = time.perf_counter()
    for sig in sigs:
        index.append(sig)
    added = time.perf_counter()
    diagnostics = index.finish()
    done = time.perf_counter()
    counts = collections.Counter(d.code for d in diagnostics)
    print(
        f"{len(sigs)} documents: index {added - start:.2f} s, finish {done - added:.2f} s; "
        + ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))
    )


if __name__ == "__main__":
    main()
