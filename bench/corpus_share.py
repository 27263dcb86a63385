"""What the corpus phase costs inside one whole ``lintnews check -j1`` run, measured directly.

`bench/speed.py`'s "corpus phase" column is ``-j1`` minus ``-j1 --no-corpus``: the difference
of two runs of ~60-90 CPU-seconds each on the 200 MB crawl corpus, so any load on the machine
between them lands in it. This runs one ``lintnews check --no-cache -j1 --exit-zero -q CORPUS``
in this process and adds up the CPU time (``time.process_time``) spent in each part of the
corpus phase:

- ``signatures``: `CorpusSigner.sign_batch` (shingling, XXH3 of every shingle, MinHash, LSH band
  keys), which the workers run for every document beside the per-document rules;
- ``index``: `CorpusIndex.append` (folding each signature into the index as it arrives);
- ``finish``: `CorpusIndex.finish` (exact groups, template lines, LSH candidates, verification,
  the N001-N003 diagnostics), after the last document.

Prints each part's CPU seconds and share of the run, the garbage collector's CPU seconds
(`gc.callbacks`; a collection inside one of the parts counts in that part too), the run's CPU
seconds, its peak RSS and the peak it had reached when the index's finish began (what the
per-document phase and the index's stores took). Further arguments go to ``lintnews check``:
``--no-corpus`` measures the run without the corpus phase in the same harness, which is how
the corpus phase's whole cost (numpy, the collector, the documents a batch keeps alive) is
checked against the sum of its parts. Also prints the wall-clock seconds from the start of the
index's finish (right after the last document's result) to the end of the run: the run's serial
end, which ``-j2`` (a later ``-j`` wins over the ``-j1`` given here; the workers' CPU is then not
counted in the parts) measures as a user meets it.
With ``-j2`` it also prints the finish's own wall time and, for each worker, how long before the
finish it returned its last chunk: where the two cores idle at the end of a run (one worker done
while the other still works through a long last chunk, or the main process still taking results
after both are done).

Usage: ``python bench/corpus_share.py CORPUS.jsonl [LINTNEWS-CHECK-OPTION...]``
"""

from __future__ import annotations

import functools
import gc
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from lintnews import workers
from lintnews.corpus import index as index_mod
from lintnews.corpus import signature as signature_mod

SPENT: dict[str, float] = {"signatures": 0.0, "index": 0.0, "finish": 0.0}
#: CPU seconds in the cyclic garbage collector, per generation (`gc.callbacks`).
GC: dict[int, float] = {0: 0.0, 1: 0.0, 2: 0.0}
_gc_start = [0.0]


def _gc_timer(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _gc_start[0] = time.process_time()
    else:
        GC[info["generation"]] += time.process_time() - _gc_start[0]


#: Peak RSS (MiB) when the index's finish started: what the per-document phase reached.
PEAK_BEFORE_FINISH = [0.0]
#: Wall-clock time (`time.perf_counter`) when the index's finish started: right after the last
#: document's result, so the run's end minus this is its serial end.
FINISH_STARTED = [0.0]


#: Wall-clock time (`time.perf_counter`) when the index's finish ended.
FINISH_ENDED = [0.0]
#: Where each worker process notes when it finished each chunk of a ``-j2`` run (one line a
#: chunk: its pid and `time.perf_counter`, a clock all processes share on Linux and macOS).
CHUNKS_FILE = tempfile.NamedTemporaryFile(prefix="corpus-share-chunks-", delete=False).name  # noqa: SIM115


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(part: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if part == "finish":
            PEAK_BEFORE_FINISH[0] = peak_mib()
            FINISH_STARTED[0] = time.perf_counter()
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[part] += time.process_time() - start
            if part == "finish":
                FINISH_ENDED[0] = time.perf_counter()

    return wrapper


def _noting_chunks(work: Callable[..., Any]) -> Callable[..., Any]:
    """A worker's `lintnews.workers.work` that notes when it returns each chunk (workers are
    forked with this in place; with ``-j1`` it is never called)."""

    @functools.wraps(work)
    def noted(*args: Any, **kwargs: Any) -> Any:
        out = work(*args, **kwargs)
        with open(CHUNKS_FILE, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {time.perf_counter()}\n")
        return out

    return noted


def _workers_ends() -> dict[int, float]:
    """Each worker's last chunk's end (`time.perf_counter`), by pid."""
    last: dict[int, float] = {}
    with open(CHUNKS_FILE, encoding="utf-8") as fh:
        for line in fh:
            pid, at = line.split()
            last[int(pid)] = max(last.get(int(pid), 0.0), float(at))
    return last


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__.split("Usage: ")[1].strip() if __doc__ else "usage: corpus_share.py CORPUS")
    signer = signature_mod.CorpusSigner
    signer.sign_batch = timed("signatures", signer.sign_batch)  # type: ignore[method-assign]
    index = index_mod.CorpusIndex
    index.append = timed("index", index.append)  # type: ignore[method-assign]
    index.finish = timed("finish", index.finish)  # type: ignore[method-assign]
    workers.work = _noting_chunks(workers.work)  # type: ignore[assignment]
    from lintnews.cli import main as cli

    sys.argv = ["lintnews", "check", "--no-cache", "-j1", "--exit-zero", "-q", *sys.argv[1:]]
    gc.callbacks.append(_gc_timer)
    start = time.process_time()
    try:
        cli()
    except SystemExit:
        pass
    ended = time.perf_counter()
    total = time.process_time() - start
    corpus = sum(SPENT.values())
    for part, spent in [*SPENT.items(), ("corpus phase", corpus), ("per-document rest", total - corpus)]:
        print(f"{part:>18}: {spent:7.2f} CPU-s  {spent / total:6.1%}", file=sys.stderr)
    print(
        f"{'garbage collector':>18}: {sum(GC.values()):7.2f} CPU-s  {sum(GC.values()) / total:6.1%}"
        f"  (generations 0/1/2: {GC[0]:.2f} / {GC[1]:.2f} / {GC[2]:.2f})",
        file=sys.stderr,
    )
    print(
        f"{'run':>18}: {total:7.2f} CPU-s  peak {peak_mib():.0f} MiB"
        f" ({PEAK_BEFORE_FINISH[0]:.0f} before the finish)",
        file=sys.stderr,
    )
    if FINISH_STARTED[0]:
        print(f"{'after last document':>18}: {ended - FINISH_STARTED[0]:7.2f} s wall", file=sys.stderr)
        print(f"{'the finish':>18}: {FINISH_ENDED[0] - FINISH_STARTED[0]:7.2f} s wall", file=sys.stderr)
    ends = _workers_ends()
    os.unlink(CHUNKS_FILE)
    for pid, at in sorted(ends.items(), key=lambda item: item[1]):
        # (where one worker idles while the other finishes its last chunk)
        print(
            f"{'worker ' + str(pid):>18}: last chunk {FINISH_STARTED[0] - at:7.2f} s before the finish",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
