"""The worker pool of a check run (`lintnews.parallel.analyze`).

Workers are forked where the platform can. A forked worker starts as a copy of the main process,
so what every worker would otherwise make on its first documents is made once before the fork
(the caller's ``warm``: `lintnews.engine.Linter.warm` compiles the phrase packs and loads T002's
word lists) and the workers share it, copy-on-write.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
from collections.abc import Callable
from typing import Any


def start_pool(
    jobs: int,
    initializer: Callable[..., None],
    *,
    spawn_args: tuple[Any, ...],
    fork_args: tuple[Any, ...],
    warm: Callable[[], None],
) -> multiprocessing.pool.Pool:
    """``jobs`` workers, each started by ``initializer``: with ``fork_args`` after ``warm()`` where
    the platform forks, else with ``spawn_args`` (pickled to each new process, so they must not
    carry what ``warm`` made). The objects that exist at the fork are frozen out of the collector
    (`gc.freeze`): a worker's full collections then neither walk them nor write to their pages;
    this process unfreezes them once the workers exist."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    if ctx.get_start_method() != "fork":
        return WorkerPool(jobs, initializer=initializer, initargs=spawn_args, context=ctx)
    warm()
    gc.freeze()
    try:  # (the workers are forked before the pool is returned)
        return WorkerPool(jobs, initializer=initializer, initargs=fork_args, context=ctx)
    finally:
        gc.unfreeze()


class WorkerPool(multiprocessing.pool.Pool):
    """`multiprocessing.pool.Pool` without its worker handler's busy wait.

    The pool's worker-handler thread waits on the result pipe, among others, to notice finished
    workers; while a result sits in the pipe until the result thread reads it, that wait returns
    at once, over and over: the handler took about a fifth of the main process's CPU time here.
    This pool never retires workers (no ``maxtasksperchild``), so the handler only needs to wake
    when a worker dies (it still waits on the workers' sentinels) or the pool changes state."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]
