"""The analysis of units, in a worker process of a check run or in the main process: the
`Analyzer` (one a process), and what runs in each worker: `init_worker` makes the worker's
analyzer, `work` analyses a chunk of units (`lintnews.parallel.analyze` starts the workers,
`lintnews.pool` is their pool).
"""

from __future__ import annotations

import gc
from typing import Any

from lintnews import cache as cache_mod
from lintnews import regex_cache
from lintnews.analysis import Analysis, Signer
from lintnews.api import Linter
from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.gcpace import paused_collector
from lintnews.reporters.formatted import DocumentFormat
from lintnews.sources import InputError
from lintnews.work_units import Unit, cached_items, from_unit, load_unit, unit_payload


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
            payload = unit_payload(unit, self.settings.max_document_size)
            if payload is not None:
                k = cache_mod.key(self.fingerprint, *payload)
                hit = cached_items(self.cache.get(k), unit, self.spec)
                if hit is not None:
                    from_unit(hit, unit, self.keep_raw)
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
        from_unit(items, unit, False)
        return items, k


_WORKER: Analyzer | None = None
#: Whether this worker's run caches its results: then `work` encodes them for the cache too.
_ENCODE = False
#: How this worker's run reports diagnostics, when `work` formats them for it (see `work`).
_FORMAT: DocumentFormat | None = None


def init_worker(
    args: tuple[Any, ...],
    thresholds: tuple[int, ...] | None = None,
    encode: bool = False,
    document_format: DocumentFormat | None = None,
) -> None:
    global _WORKER, _ENCODE, _FORMAT
    if thresholds is not None:  # (a forked worker has its parent's thresholds already)
        gc.set_threshold(*thresholds)
    _WORKER = Analyzer(*args)
    _ENCODE = encode
    _FORMAT = document_format


#: What a worker sends back for a unit: its results and, when the run caches them, their cache
#: entry (`cache_mod.dump_results`), made here rather than in the main process (see `analyze`).
WorkerResult = tuple[list[Analysis | InputError], bytes | None]


def warm(linter: Linter, signer: Signer | None, imports: bool = True) -> None:
    """What each worker would make on its first documents, made once before they are forked: the
    rules' packs and word lists, the corpus signer (a cached re-run never gets here: no numpy).
    The patterns the modules it imports compile as they load come from a kept file
    (`regex_cache.kept_compiles`). A small run passes ``imports`` false (`Linter.warm`)."""
    with regex_cache.kept_compiles("warm"):
        linter.engine.warm(imports)
        warm_signer = getattr(signer, "warm", None)
        if warm_signer is not None:
            warm_signer()


def work(chunk: list[Unit | InputError]) -> list[WorkerResult]:
    """The results of a chunk's units, with their cache entries when the run caches them. When
    the run has a `DocumentFormat`, each document's diagnostics are sent formatted instead
    (`Analysis.formatted`): once they are signed and stored, the main process needs only that.

    The collector is paused while the chunk is analysed: its young passes there walked the
    documents being linted (their views, lines and blocks) and freed nothing, since linting
    makes no reference cycles. A pass now comes between chunks, when the pool's loop reads the
    next one, over what the chunk left alive (a cycle a chunk made waits until then)."""
    assert _WORKER is not None
    with paused_collector():
        results = _WORKER.analyze_units(chunk)
        out = [(items, cache_mod.dump_results(items) if _ENCODE else None) for items, _ in results]
        if _FORMAT is not None:
            for items, _ in out:
                for item in items:
                    if isinstance(item, Analysis) and item.diagnostics:
                        item.formatted = _FORMAT.format(item.diagnostics)
                        item.diagnostics = []
        return out
