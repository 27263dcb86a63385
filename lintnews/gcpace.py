"""How often the garbage collector runs during a check run (`collecting_less`)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: The collector's thresholds during a check run (`collecting_less`); Python's are (700, 10, 10).
GC_THRESHOLDS = (10_000, 10, 10)


@contextlib.contextmanager
def collecting_less() -> Iterator[None]:
    """Run the garbage collector's young-generation pass every `GC_THRESHOLDS` [0] new
    container objects instead of every 700, then put the thresholds back.

    Linting allocates many short-lived containers per line (blocks, lists, tuples, match
    objects) and keeps nearly none of them, while the caches a run builds (rules, compiled
    packs, word lists, the screens' kept answers) are long-lived: at the default thresholds the
    collector's passes, the full ones over those caches included, took 6-8 % of the CPU of a
    check run on the crawl corpus. Memory does not grow: lintnews makes no reference cycles per
    document, so the collector frees nothing the reference counts had not freed already.
    The command line's check run and its worker processes only (a library does not change
    the collector of the program it runs in)."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """The garbage collector off inside the block (as it was after it)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextlib.contextmanager
def paused_in_run() -> Iterator[None]:
    """`paused_collector` in a check run of the command line (collecting at `GC_THRESHOLDS`:
    `collecting_less`), as its workers analyse each chunk (`lintnews.workers.work`); elsewhere
    (a program using lintnews with its own collector settings) nothing changes."""
    if gc.get_threshold() != GC_THRESHOLDS:
        yield
        return
    with paused_collector():
        yield
