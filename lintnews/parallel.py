"""Streaming, parallel per-document analysis.

The main process only lists files and splits JSONL into raw lines ("units"), grouped in chunks of
bounded size; worker processes turn units into documents, look them up in the result cache, lint
them and return small `Analysis` values (diagnostics, score, corpus signature), never texts.
Results come back in input order whatever the number of workers, so output is deterministic.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from lintnews import cache as cache_mod
from lintnews.analysis import Analysis, Signer
from lintnews.api import Linter
from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.sources import (
    InputError,
    NotRegularFile,
    iter_paths,
    jsonl_lines,
    kind_of,
    load_record,
    open_regular,
    read_path,
)

#: A unit of work: a file path, or (path, line number, raw line) of a JSONL record.
Unit = tuple[str] | tuple[str, int, bytes]


def iter_units(
    paths: Iterable[str], settings: Settings, keep_raw: bool = False
) -> Iterator[Unit | InputError]:
    for path in iter_paths(paths, settings):
        if isinstance(path, InputError):
            yield path
        elif kind_of(path) == "jsonl" and path != "-":
            for line in jsonl_lines(path, settings.max_document_size, settings.id_field, keep_raw):
                yield line if isinstance(line, InputError) else (path, line[0], line[1])
        else:
            yield (path,)


def load_unit(unit: Unit, settings: Settings, stdin_name: str = "-") -> Iterator[Document | InputError]:
    if len(unit) == 1:
        yield from read_path(unit[0], settings, stdin_name)
    else:
        path, lineno, raw = unit  # type: ignore[misc]
        yield load_record(path, raw, lineno, settings)


#: Files above this size are not cached (hashing them costs about what linting saves).
MAX_CACHED_FILE = 64 << 20


def _unit_payload(unit: Unit, max_size: int = 0) -> tuple[str, bytes] | None:
    """Cache key material of a unit: its name and its bytes (None: not cacheable). Files above
    ``max_size`` (when not 0) are refused by the loader: they are not read here either."""
    if len(unit) == 1:
        if unit[0] == "-":
            return None
        limit = min(MAX_CACHED_FILE, max_size) if max_size else MAX_CACHED_FILE
        try:
            with open_regular(unit[0]) as fh:
                # Files too large to be worth caching, and binary ones, are linted (or refused)
                # without reading them twice.
                if os.fstat(fh.fileno()).st_size > limit or b"\0" in fh.read(8000):
                    return None
                fh.seek(0)
                return unit[0], fh.read()
        except (OSError, NotRegularFile):
            return None
    path, lineno, raw = unit  # type: ignore[misc]
    return f"{path}\0{lineno}", raw


class Analyzer:
    """Per-process state: the linter, the optional signer and a read-only cache handle."""

    def __init__(
        self,
        settings: Settings,
        keep_raw: bool,
        signer: Signer | None,
        cache_dir: str | None,
        fingerprint: bytes | None,
        stdin_name: str = "-",
        linter: Linter | None = None,
    ) -> None:
        self.settings = settings
        #: The public API's linter (`lintnews.api.Linter`): the CLI lints as the API does.
        self.linter = linter if linter is not None else Linter(settings)
        self.keep_raw = keep_raw
        self.signer = signer
        self.fingerprint = fingerprint
        self.stdin_name = stdin_name
        self.cache = cache_mod.ResultCache(cache_dir) if cache_dir and fingerprint else None
        self.spec = (
            cache_mod.signature_spec(settings) if self.cache is not None and signer is not None else None
        )

    def analyze_document(self, doc: Document, sign: bool = True) -> Analysis:
        """`lintnews.analysis.analyze_document` with this process's linter and signer (unless
        ``sign`` is false: `analyze_units` signs in batches)."""
        return self.linter.analyze(doc, self.signer if sign else None, self.keep_raw)

    def lint(self, doc: Document) -> list[Diagnostic]:
        return self.linter.diagnostics(doc)

    def analyze_unit(self, unit: Unit | InputError) -> tuple[list[Analysis | InputError], bytes | None]:
        """The results of one unit and, when they are new, the cache key to store them under."""
        return self.analyze_units([unit])[0]

    def analyze_units(
        self, units: list[Unit | InputError]
    ) -> list[tuple[list[Analysis | InputError], bytes | None]]:
        """`analyze_unit` of every unit of a chunk, with the corpus signatures of all new
        documents computed in one batch (the signer hashes all their shingles at once)."""
        batch = getattr(self.signer, "sign_batch", None)
        pending: list[tuple[Analysis, Document]] = []
        out = [self._analyze_unit(u, pending if batch is not None else None) for u in units]
        if pending:
            assert batch is not None
            sigs = batch([(doc, a.diagnostics) for a, doc in pending])
            for (a, _doc), sig in zip(pending, sigs):
                a.signature = sig
        return out

    def _analyze_unit(
        self, unit: Unit | InputError, pending: list[tuple[Analysis, Document]] | None
    ) -> tuple[list[Analysis | InputError], bytes | None]:
        if isinstance(unit, InputError):
            return [unit], None
        k = None
        if self.cache is not None and self.fingerprint is not None:
            payload = _unit_payload(unit, self.settings.max_document_size)
            if payload is not None:
                k = cache_mod.key(self.fingerprint, *payload)
                hit = cached_items(self.cache.get(k), unit, self.spec)
                if hit is not None:
                    _from_unit(hit, unit, self.keep_raw)
                    return hit, None
        items: list[Analysis | InputError] = []
        for item in load_unit(unit, self.settings, self.stdin_name):
            if isinstance(item, InputError):
                items.append(item)
            elif pending is None:
                items.append(self.analyze_document(item))
            else:
                analysis = self.analyze_document(item, sign=False)
                pending.append((analysis, item))
                items.append(analysis)
        _from_unit(items, unit, False)
        return items, k


def _from_unit(items: list[Analysis | InputError], unit: Unit, keep_raw: bool) -> None:
    """Give the analyses of a JSONL record unit its size (and its raw line, when kept)."""
    if len(unit) == 3:
        raw: bytes = unit[2]  # type: ignore[misc]
        for item in items:
            if isinstance(item, Analysis):
                item.size = len(raw)
                if keep_raw:
                    item.raw = raw


_WORKER: Analyzer | None = None
#: Whether this worker's run caches its results: then `_work` encodes them for the cache too.
_ENCODE = False


def _init_worker(
    args: tuple[Any, ...], thresholds: tuple[int, ...] | None = None, encode: bool = False
) -> None:
    global _WORKER, _ENCODE
    if thresholds is not None:  # (a forked worker has its parent's thresholds already)
        gc.set_threshold(*thresholds)
    _WORKER = Analyzer(*args)
    _ENCODE = encode


#: What a worker sends back for a unit: its results and, when the run caches them, their cache
#: entry (`cache_mod.dump_results`), made here rather than in the main process (see `analyze`).
WorkerResult = tuple[list[Analysis | InputError], bytes | None]


def _warm(linter: Linter, signer: Signer | None) -> None:
    """What each worker would make on its first documents, made once before they are forked: the
    rules' packs and word lists, the corpus signer (a cached re-run never gets here: no numpy)."""
    linter.engine.warm()
    warm_signer = getattr(signer, "warm", None)
    if warm_signer is not None:
        warm_signer()


def _work(chunk: list[Unit | InputError]) -> list[WorkerResult]:
    assert _WORKER is not None
    results = _WORKER.analyze_units(chunk)
    return [(items, cache_mod.dump_results(items) if _ENCODE else None) for items, _ in results]


def _chunks(
    units: Iterator[Unit | InputError], max_units: int = 64, max_bytes: int = 4 << 20
) -> Iterator[list[Unit | InputError]]:
    chunk: list[Unit | InputError] = []
    size = 0
    for unit in units:
        chunk.append(unit)
        size += len(unit[2]) if isinstance(unit, tuple) and len(unit) == 3 else 16_384  # type: ignore[misc]
        if len(chunk) >= max_units or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


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
) -> Iterator[Analysis | InputError]:
    """Analyses (and input errors) of every document under ``paths``, in input order.

    The main process looks every unit up in the cache itself: a hit costs a hash and one read
    here, where sending it to a worker and back would cost more than that. Only the misses go to
    the workers, in chunks; each chunk's hits wait in `slots` until its misses come back."""
    linter = Linter(settings)
    # Results with corpus signatures and results without them (--no-corpus) are different results.
    codes = [r.code for r in linter.engine.base_table.rules] + (
        ["corpus-signature"] if signer is not None else []
    )
    fp = cache_mod.fingerprint(settings, codes) if cache_dir else None
    # (``on_warning``: a cache file that had to be rebuilt, or could not be used)
    cache = cache_mod.ResultCache(cache_dir, writable=True, warn=on_warning) if cache_dir else None
    spec = cache_mod.signature_spec(settings) if cache_dir and signer is not None else None
    args = (settings, keep_raw, signer, None, None, stdin_name)
    units = iter_units(paths, settings, keep_raw)
    # Small runs (a pre-commit hook on a few files) are not worth starting processes for.
    head = list(itertools.islice(units, 64))
    everything = itertools.chain(head, units)

    def lookup(
        chunk: list[Unit | InputError], reader: cache_mod.ResultCache | None
    ) -> tuple[list[Slot], list[Unit | InputError]]:
        """A chunk's slots (cached results, or None for a miss) and its misses."""
        slots: list[Slot] = []
        misses: list[Unit | InputError] = []
        keys: list[bytes | None] = []
        for unit in chunk:
            payload = None
            if reader is not None and fp is not None and not isinstance(unit, InputError):
                payload = _unit_payload(unit, settings.max_document_size)
            keys.append(cache_mod.key(fp, *payload) if payload is not None and fp is not None else None)
        found = reader.get_many([k for k in keys if k is not None]) if reader is not None else {}
        for unit, k in zip(chunk, keys):
            if isinstance(unit, InputError):
                slots.append(([unit], None, True))
                continue
            if k is not None:
                # (a key twice in a chunk, e.g. a file named twice, gets results of its own)
                hit = cached_items(
                    found.pop(k) if k in found else reader.get(k) if reader is not None else None, unit, spec
                )
                if hit is not None:
                    _from_unit(hit, unit, keep_raw)  # type: ignore[arg-type]
                    slots.append((hit, k, True))
                    continue
            slots.append((None, k, False))
            misses.append(unit)
        return slots, misses

    def merge(slots: list[Slot], results: list[WorkerResult]) -> Iterator[Analysis | InputError]:
        """A chunk's results in input order: the cached ones, and the misses' from ``results``
        (their cache entries, when a worker made them, stored as they are)."""
        fresh = iter(results)
        for items, k, cached in slots:
            entry = None
            if items is None:
                items, entry = next(fresh)
            yield from _store(items, k, cached, cache, entry)

    try:
        if jobs <= 1 or len(head) < 64:
            local = Analyzer(*args)
            for chunk in _chunks(everything):
                slots, misses = lookup(chunk, cache)
                yield from merge(slots, [(items, None) for items, _ in local.analyze_units(misses)])
            return
        chunks = _chunks(everything)
        # Chunks are answered from the cache here until one has a miss: re-linting an unchanged
        # corpus never starts the workers.
        for chunk in chunks:
            first = lookup(chunk, cache)
            if first[1]:
                break
            yield from merge(first[0], [])
        else:
            return
        pending: collections.deque[list[Slot]] = collections.deque()

        def feed() -> Iterator[list[Unit | InputError]]:
            pending.append(first[0])
            yield first[1]
            # This runs in the pool's task thread, which needs its own database connection.
            reader = cache_mod.ResultCache(cache_dir) if cache_dir else None
            try:
                for chunk in chunks:
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
        # (imported here: `multiprocessing.pool` is start-up a re-run answered from the cache
        # does not need)
        from lintnews import pool as pool_mod

        with (
            pool_mod.start_pool(
                jobs,
                _init_worker,
                spawn_args=(args, gc.get_threshold(), encode),
                # a forked worker gets this process's linter with what `warm` made (copy-on-write)
                fork_args=((*args, linter), gc.get_threshold(), encode),
                warm=functools.partial(_warm, linter, signer),
            ) as pool,
            pool_mod.results_paced(),
        ):
            for results in pool.imap(_work, feed(), chunksize=1):
                yield from merge(pending.popleft(), results)
    finally:
        if cache is not None:
            cache.close()


#: One unit's place in the output: its results (None until a worker returns them), its cache
#: key (None: not cacheable) and whether the results came from the cache.
Slot = tuple[list[Analysis | InputError] | None, bytes | None, bool]


def _store(
    items: list[Analysis | InputError],
    k: bytes | None,
    cached: bool,
    writer: cache_mod.ResultCache | None,
    entry: bytes | None = None,
) -> Iterator[Analysis | InputError]:
    """Store new results under ``k`` (``entry``: their cache entry, when a worker made it) and
    give them their cache places."""
    if k is not None and writer is not None and not cached:
        writer.put(k, entry if entry is not None else cache_mod.dump_results(items))
    for i, item in enumerate(items):
        if isinstance(item, Analysis):
            item.cache_key, item.cache_index, item.cached = k, i, cached
    yield from items


def cached_items(
    hit: bytes | None, unit: Unit, spec: cache_mod.SignatureSpec | None
) -> list[Analysis | InputError] | None:
    """The results of a cache hit for ``unit``, their signatures left in the cache
    (``signature`` is None; `Analysis.cached` is set by `_store`), raw lines restored from the
    unit; None when there is no entry or it does not check out (`cache_mod.load_unit`: the cache
    is untrusted input). ``spec``: the corpus phase runs and needs signatures of this shape."""
    if hit is None:
        return None
    line = unit[1] if len(unit) == 3 else None  # type: ignore[misc]
    items = cache_mod.load_unit(hit, unit[0], line, spec)
    if items is not None and len(unit) == 3:
        raw = unit[2]  # type: ignore[misc]
        items = [dataclasses.replace(i, raw=raw) if isinstance(i, InputError) else i for i in items]
    return items
