"""The worker pool of a check run (`lintnews.parallel.analyze`).

Workers are forked where the platform can. A forked worker starts as a copy of the main process,
so what every worker would otherwise make on its first documents is made once before the fork
(the caller's ``warm``: `lintnews.engine.Linter.warm` compiles the phrase packs and loads T002's
word lists) and the workers share it, copy-on-write.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.pool
from collections.abc import Callable, Iterator
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - not Unix
    fcntl = None  # type: ignore[assignment]

from lintnews.gcpace import GC_THRESHOLDS
from lintnews.gcpace import paused_collector as paused_collector


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
    this process unfreezes them once the workers exist.

    ``warm`` runs with the collector paused: what it makes lives as long as the process (modules,
    compiled patterns, word lists), and young passes while it filled the word lists' large sets
    walked them again and again (5 passes, 0.015 of its ~0.2 CPU-s on one core before the fork,
    the other idle; the ~10 unreachable objects it leaves wait for a later full pass). Its
    objects are frozen before the collector is back on: the warm-up's allocations counted on,
    so the first allocation after it made one young pass over everything it had made (0.02-0.03
    CPU-s, still before the fork)."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    if ctx.get_start_method() != "fork":
        return WorkerPool(jobs, initializer=initializer, initargs=spawn_args, context=ctx)
    with paused_collector():
        warm()
        # (frozen before the collector runs again: `gc.freeze` also empties the young
        # generation's count, which the warm-up had filled)
        gc.freeze()
    try:  # (the workers are forked before the pool is returned)
        return WorkerPool(jobs, initializer=initializer, initargs=fork_args, context=ctx)
    finally:
        gc.unfreeze()


#: The collector's first threshold in the main process while its workers run (`results_paced`).
RESULTS_THRESHOLD = 100_000


@contextlib.contextmanager
def results_paced() -> Iterator[None]:
    """In a check run's main process (collecting at `lintnews.gcpace.GC_THRESHOLDS`), a young
    pass every `RESULTS_THRESHOLD` new containers instead of every 10,000 while the workers run.

    What the main process allocates then is the workers' results: each chunk's are unpickled,
    reported and dropped a few chunks later, and make no reference cycles, so a young pass frees
    nothing and only walks the results waiting in the queue. At 10,000 a pass ran every chunk or
    two: 0.63 of the 6.71 CPU-s of the main process of a ``-j2`` run of the 200 MB crawl corpus
    (166 young and 15 middle passes). Elsewhere (a program using lintnews with its own collector
    settings) nothing changes."""
    before = gc.get_threshold()
    if before != GC_THRESHOLDS:
        yield
        return
    gc.set_threshold(RESULTS_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


#: The capacity asked for the pipes of a pool's tasks and results (`_widen`): Linux's most for a
#: user (``/proc/sys/fs/pipe-max-size``; 64 KB by default).
PIPE_BYTES = 1 << 20


def _widen(connection: Any) -> None:
    """Let the pipe of ``connection`` hold `PIPE_BYTES`, where the system allows it (Linux).

    A worker's results for a chunk are ~280 KB on the 20 MB crawl (their formatted report and
    corpus signatures; up to ~460 KB), a chunk ~550 KB. Through a 64 KB pipe a worker sending
    its results waits until the main process's result thread has read all but the last 64 KB,
    and that thread takes the GIL again for each 64 KB it reads, behind the main thread's
    folding and writing: the worker does not start its next chunk meanwhile. With room for
    them, the worker writes and goes on."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is None:
        return
    with contextlib.suppress(OSError, AttributeError, ValueError):
        fcntl.fcntl(connection.fileno(), set_size, PIPE_BYTES)


#: Seconds a stopped worker gets to exit on SIGTERM before it is killed (`WorkerPool.stop_now`).
STOP_WAIT = 5.0


class WorkerPool(multiprocessing.pool.Pool):
    """`multiprocessing.pool.Pool` without its worker handler's busy wait.

    The pool's worker-handler thread waits on the result pipe, among others, to notice finished
    workers; while a result sits in the pipe until the result thread reads it, that wait returns
    at once, over and over: the handler took about a fifth of the main process's CPU time here.
    This pool never retires workers (no ``maxtasksperchild``), so the handler only needs to wake
    when a worker dies (it still waits on the workers' sentinels) or the pool changes state."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]

    def _setup_queues(self) -> None:
        super()._setup_queues()  # type: ignore[misc]
        for queue in (self._inqueue, self._outqueue):  # type: ignore[attr-defined]
            _widen(queue._reader)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.terminate()  # every result was taken: the workers wait for work, holding nothing
        else:
            self.stop_now()

    def stop_now(self) -> None:
        """Stop a pool whose workers may still be busy (the run was interrupted, or its reader
        went away): stop the worker handler so that it starts no new workers, then end the
        workers and wait for each to exit. The task and result handler threads are left as
        they are (daemon threads: they go with the process), and so is what they hold.

        `multiprocessing.pool.Pool.terminate` can hang for good here (CPython issue 96995): a
        busy worker ended while it writes a result into a full result pipe keeps the pipe's
        lock, and the task handler, which terminate joins, waits for that lock to send its
        last message."""
        self._state = multiprocessing.pool.TERMINATE  # type: ignore[attr-defined]
        self._terminate.cancel()  # type: ignore[attr-defined]  # (not at exit either)
        handler = self._worker_handler  # type: ignore[attr-defined]
        handler._state = multiprocessing.pool.TERMINATE  # type: ignore[attr-defined]
        self._change_notifier.put(None)  # type: ignore[attr-defined]
        handler.join()
        for process in self._pool:  # type: ignore[attr-defined]
            if process.exitcode is None:
                process.terminate()
        for process in self._pool:  # type: ignore[attr-defined]
            process.join(STOP_WAIT)
            if process.exitcode is None:  # (SIGTERM caught and the worker stuck in C code)
                process.kill()
                process.join()
