"""Streaming, parallel per-document analysis.

The main process only lists files and splits JSONL into raw lines ("units"), grouped in chunks of
bounded size (the last ones the workers get cut smaller: `_tapered`); worker processes turn units
into documents, look them up in the result cache, lint them and return small `Analysis` values
(diagnostics, or their report's lines when the run has the workers format them, score, corpus
signature), never the documents' texts.
Results come back in input order whatever the number of workers, so output is deterministic.

This module is the main process's side: `analyze` and its chunks, the cache lookups and stores.
What a unit is and how it is read is `lintnews.work_units`; the analysis of units, in a worker or
here, is `lintnews.workers`.
"""

from __future__ import annotations

import collections
import functools
import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lintnews import cache as cache_mod
from lintnews import workers
from lintnews.analysis import Analysis, Signer
from lintnews.api import Linter
from lintnews.cache import seal
from lintnews.config import Settings
from lintnews.gcpace import paused_in_run
from lintnews.reporters.formatted import DocumentFormat
from lintnews.sources import InputError

# (the units and the analyzer live in modules of their own: importable from here as before)
from lintnews.work_units import Unit as Unit
from lintnews.work_units import cached_items as cached_items
from lintnews.work_units import from_unit, iter_units, unit_payload
from lintnews.work_units import load_unit as load_unit
from lintnews.workers import Analyzer as Analyzer


def _size(unit: Unit | InputError) -> int:
    """What a unit weighs in a chunk: its raw bytes (a JSONL line), else as a 16 KB file."""
    return len(unit[2]) if isinstance(unit, tuple) and len(unit) == 3 else 16_384  # type: ignore[misc]


def _chunks(
    units: Iterator[Unit | InputError], max_units: int = 64, max_bytes: int = 4 << 20
) -> Iterator[list[Unit | InputError]]:
    chunk: list[Unit | InputError] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += _size(unit)
        if len(chunk) >= max_units or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


#: The last `HELD` chunks of a parallel run's input go to its workers cut in `TAIL_PIECES`.
HELD = 2
TAIL_PIECES = 16


def _tapered(chunks: Iterator[list[Unit | InputError]]) -> Iterator[list[Unit | InputError]]:
    """``chunks``, but the last `HELD` cut into `TAIL_PIECES` smaller chunks of about the same
    weight (`_size`), so that the workers of a parallel run finish together.

    A worker that finds no chunk left waits for the others to finish theirs: on the 20 MB crawl
    a chunk of 64 documents is ~0.07 CPU-s, and one core then stood idle for half of that on
    average, at the end of a run whose other serial parts (start-up, warm-up, corpus phase) are
    ~0.5 s. Holding the chunks back until the input ends delays no worker: the pool's task thread,
    which takes them, is at most about a chunk ahead of the workers (it waits while the pipe to
    them is full). It holds `HELD` chunks more in memory (~1 MB on the crawl)."""
    held: collections.deque[list[Unit | InputError]] = collections.deque()
    for chunk in chunks:
        held.append(chunk)
        if len(held) > HELD:
            yield held.popleft()
    units = [unit for chunk in held for unit in chunk]
    piece = max(sum(_size(u) for u in units) // TAIL_PIECES, 1)
    yield from _chunks(iter(units), max_bytes=piece)


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def analyze(
    paths: Iterable[str],
    settings: Settings,
    jobs: int,
    keep_raw: bool = False,
    signer: Signer | None = None,
    cache_dir: str | None = None,
    stdin_name: str = "-",
    on_warning: Callable[[str], None] | None = None,
    document_format: DocumentFormat | None = None,
) -> Iterator[Analysis | InputError]:
    """Analyses (and input errors) of every document under ``paths``, in input order; with a
    ``document_format``, the workers' come with their diagnostics formatted by it instead
    (`Analysis.formatted`), and so do cached ones in a one-line format (`cached_items`); those
    linted here are left as they are.

    The main process looks every unit up in the cache itself: a hit costs a hash and one read
    here, where sending it to a worker and back would cost more than that. Only the misses go to
    the workers, in chunks; each chunk's hits wait in `slots` until its misses come back."""
    linter = Linter(settings)
    # Results with corpus signatures and results without them (--no-corpus) are different results.
    codes = linter.engine.base_table.codes + (["corpus-signature"] if signer is not None else [])
    fp = cache_mod.fingerprint(settings, codes) if cache_dir else None
    # (``on_warning``: a cache file that had to be rebuilt, or could not be used)
    cache = cache_mod.ResultCache(cache_dir, writable=True, warn=on_warning) if cache_dir else None
    spec = cache_mod.signature_spec(settings) if cache_dir and signer is not None else None
    # (a run whose documents' reports are formatted stores them sealed, and a re-run with the
    # same report settings writes them out as they are: `lintnews.cache.seal`)
    secret = seal.secret(create=True) if cache is not None and document_format is not None else None
    sealing = (secret, seal.format_tag(document_format)) if secret and document_format else None
    lookup = _Lookup(settings, keep_raw, fp, spec, sealing, document_format)
    args = (settings, keep_raw, signer, None, None, stdin_name)
    units = iter_units(paths, settings, keep_raw)
    # Small runs (a pre-commit hook on a few files) are not worth starting processes for.
    head = list(itertools.islice(units, 64))
    chunks = _chunks(itertools.chain(head, units))
    try:
        if jobs <= 1 or len(head) < 64:
            # A run in one process makes what a parallel run makes before it forks
            # (`workers.warm`: the built-in packs' patterns and the facts their screens need from
            # kept files) before its first miss, where it compiled each language's packs on its
            # first document of the language: 15 % of the instructions of a `-j1` run of 800
            # crawl documents in 40 languages, a third of a one-file check's. A small run leaves
            # the libraries some rules import to the first document that needs them.
            yield from _analyze_here(chunks, Analyzer(*args), signer, lookup, cache, len(head) < 64)
            return
        yield from _analyze_in_pool(chunks, jobs, lookup, cache, cache_dir, (args, linter, signer))
    finally:
        if cache is not None:
            cache.close()


class _Lookup:
    """A run's cache look-ups: a chunk's slots (cached results, or None for a miss) and its
    misses (`__call__`)."""

    def __init__(
        self,
        settings: Settings,
        keep_raw: bool,
        fp: bytes | None,
        spec: tuple[int, int, int] | None,
        sealing: tuple[bytes, str] | None,
        document_format: DocumentFormat | None,
    ) -> None:
        self.max_size = settings.max_document_size
        self.keep_raw, self.fp, self.spec = keep_raw, fp, spec
        self.sealing, self.document_format = sealing, document_format

    def __call__(
        self, chunk: list[Unit | InputError], reader: cache_mod.ResultCache | None
    ) -> tuple[list[Slot], list[Unit | InputError]]:
        slots: list[Slot] = []
        misses: list[Unit | InputError] = []
        fp = self.fp
        keys: list[bytes | None] = (
            [self.key(unit, fp) for unit in chunk]
            if reader is not None and fp is not None
            else [None] * len(chunk)
        )
        reports = seal.reports(reader, keys, self.sealing[0]) if reader is not None and self.sealing else {}
        found = (
            reader.get_many([k for k in keys if k is not None and k not in reports])
            if reader is not None
            else {}
        )
        for unit, k in zip(chunk, keys):
            if isinstance(unit, InputError):
                slots.append(([unit], None, True))
                continue
            hit = self.hit(unit, k, reports, found, reader) if k is not None else None
            if hit is not None:
                slots.append((hit, k, True))
                continue
            slots.append((None, k, False))
            misses.append(unit)
        return slots, misses

    def key(self, unit: Unit | InputError, fp: bytes) -> bytes | None:
        """The cache key of ``unit`` (None: not cacheable)."""
        if isinstance(unit, InputError):
            return None
        payload = unit_payload(unit, self.max_size)
        return cache_mod.key(fp, *payload) if payload is not None else None

    def hit(
        self,
        unit: Unit,
        k: bytes,
        reports: dict[bytes, bytes],
        found: dict[bytes, bytes],
        reader: cache_mod.ResultCache | None,
    ) -> list[Analysis | InputError] | None:
        """The cached results of ``unit``: its sealed report, else its entry (None: a miss)."""
        if k in reports:
            assert self.sealing is not None
            line = unit[1] if len(unit) == 3 else None  # type: ignore[misc]
            report = seal.load_report(reports[k], self.sealing[1], unit[0], line)
            if report is not None:
                from_unit([report], unit, self.keep_raw)
                return [report]
        # (a key twice in a chunk, e.g. a file named twice, gets results of its own)
        hit = cached_items(
            found.pop(k) if k in found else reader.get(k) if reader is not None else None,
            unit,
            self.spec,
            self.document_format,
        )
        if hit is not None:
            from_unit(hit, unit, self.keep_raw)
        return hit


def _merge(
    slots: list[Slot],
    results: list[workers.WorkerResult],
    cache: cache_mod.ResultCache | None,
    sealing: tuple[bytes, str] | None,
) -> Iterator[Analysis | InputError]:
    """A chunk's results in input order: the cached ones, and the misses' from ``results``
    (their cache entries, when a worker made them, stored as they are)."""
    fresh = iter(results)
    for items, k, cached in slots:
        entry = None
        if items is None:
            items, entry = next(fresh)
        yield from _store(items, k, cached, cache, entry, sealing)


def _analyze_here(
    chunks: Iterator[list[Unit | InputError]],
    local: Analyzer,
    signer: Signer | None,
    lookup: _Lookup,
    cache: cache_mod.ResultCache | None,
    small: bool,
) -> Iterator[Analysis | InputError]:
    """`analyze` in this process (``small``: a run of fewer than 64 units, which warms without
    the rules' imports: `lintnews.engine.Linter.warm`).

    Each chunk is analysed and its results taken by the caller with the collector paused, as a
    worker analyses its chunks (`workers.work`), whose results are sent and dropped before the
    collector runs again: the young pass after a chunk then walks what outlives it (the
    caches' new entries, the corpus index's records), not the chunk's diagnostics, fixes and
    signatures as well (~22,000 young objects a chunk of the crawl corpus; the caller, the
    check run, reports and drops them and makes no reference cycles)."""
    warmed = False
    for chunk in chunks:
        slots, misses = lookup(chunk, cache)
        with paused_in_run():
            if misses and not warmed:
                workers.warm(local.linter, signer, imports=not small)
                warmed = True
            fresh = local.analyze_units(misses)
            yield from _merge(slots, [(items, None) for items, _ in fresh], cache, lookup.sealing)
            del fresh, slots


def _analyze_in_pool(
    chunks: Iterator[list[Unit | InputError]],
    jobs: int,
    lookup: _Lookup,
    cache: cache_mod.ResultCache | None,
    cache_dir: str | None,
    analyzer: tuple[tuple[Any, ...], Linter, Signer | None],
) -> Iterator[Analysis | InputError]:
    """`analyze` by ``jobs`` worker processes (``analyzer``: the `Analyzer` arguments, this
    process's linter and the signer, which the workers start from)."""
    # Chunks are answered from the cache here until one has a miss: re-linting an unchanged
    # corpus never starts the workers (nor cuts its last chunks: `_tapered` is for workers).
    for chunk in chunks:
        first = lookup(chunk, cache)
        if first[1]:
            break
        yield from _merge(first[0], [], cache, lookup.sealing)
    else:
        return
    pending: collections.deque[list[Slot]] = collections.deque()
    stopped: list[bool] = []  # (the run stopped early: the task thread reads no further)

    def feed() -> Iterator[list[Unit | InputError]]:
        pending.append(first[0])
        yield first[1]
        # This runs in the pool's task thread, which needs its own database connection.
        reader = cache_mod.ResultCache(cache_dir) if cache_dir else None
        try:
            for chunk in _tapered(chunks):
                if stopped:
                    return
                slots, misses = lookup(chunk, reader)
                pending.append(slots)
                yield misses
        finally:
            if reader is not None:
                reader.close()

    # Workers encode their results' cache entries when the run caches: the main process, which
    # every result passes through, then only stores the bytes (on the 200 MB crawl corpus,
    # encoding was ~1 of its ~9 CPU-seconds; the workers are two).
    encode = cache is not None
    args, linter, signer = analyzer
    document_format = lookup.document_format
    # (imported here: `multiprocessing.pool` is start-up a re-run answered from the cache
    # does not need)
    from lintnews import pool as pool_mod

    with (
        pool_mod.start_pool(
            jobs,
            workers.init_worker,
            spawn_args=(args, gc.get_threshold(), encode, document_format),
            # a forked worker gets this process's linter with what `warm` made (copy-on-write)
            fork_args=((*args, linter), gc.get_threshold(), encode, document_format),
            warm=functools.partial(workers.warm, linter, signer),
        ) as pool,
        pool_mod.results_paced(),
    ):
        try:
            for results in pool.imap(workers.work, feed(), chunksize=1):
                yield from _merge(pending.popleft(), results, cache, lookup.sealing)
        except BaseException:
            stopped.append(True)
            raise


#: One unit's place in the output: its results (None until a worker returns them), its cache
#: key (None: not cacheable) and whether the results came from the cache.
Slot = tuple[list[Analysis | InputError] | None, bytes | None, bool]


def _store(
    items: list[Analysis | InputError],
    k: bytes | None,
    cached: bool,
    writer: cache_mod.ResultCache | None,
    entry: bytes | None = None,
    sealing: tuple[bytes, str] | None = None,
) -> Iterator[Analysis | InputError]:
    """Store new results under ``k`` (``entry``: their cache entry, when a worker made it) and
    give them their cache places; with ``sealing`` (the secret, the report settings), a
    document's report too (`lintnews.cache.seal`)."""
    if k is not None and writer is not None and not cached:
        writer.put(k, entry if entry is not None else cache_mod.dump_results(items))
        if sealing is not None and len(items) == 1 and isinstance(items[0], Analysis):
            seal.store_report(writer, k, items[0], *sealing)
    for i, item in enumerate(items):
        if isinstance(item, Analysis):
            item.cache_key, item.cache_index, item.cached = k, i, cached
    yield from items
