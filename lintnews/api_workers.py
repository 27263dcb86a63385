"""The worker processes of `lintnews.api.Linter.lint_many`: chunks of documents linted by a
pool of processes, each holding the `Linter` (its rules selected again on arrival), results in
input order."""

from __future__ import annotations

import collections
import multiprocessing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lintnews.api import Linter, Report, _Item

_WORKER: Linter | None = None
_CHUNK = 32


def _init_worker(linter: Linter) -> None:
    global _WORKER
    _WORKER = linter


def _work(chunk: list[_Item]) -> list[Report]:
    assert _WORKER is not None
    return [_WORKER._lint_item(item) for item in chunk]


def in_workers(linter: Linter, items: Iterator[_Item], jobs: int) -> Iterator[Report]:
    """Chunks of ``items`` linted by ``jobs`` processes; results in order, at most ``2 * jobs``
    chunks in flight (a generator of millions of documents is not read ahead whole)."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    pending: collections.deque[Any] = collections.deque()
    from lintnews.pool import WorkerPool  # (stops busy workers without Pool.terminate's hang)

    with WorkerPool(jobs, initializer=_init_worker, initargs=(linter,), context=ctx) as pool:
        chunk: list[_Item] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= _CHUNK:
                pending.append(pool.apply_async(_work, (chunk,)))
                chunk = []
                while len(pending) >= 2 * jobs:
                    yield from pending.popleft().get()
        if chunk:
            pending.append(pool.apply_async(_work, (chunk,)))
        while pending:
            yield from pending.popleft().get()
