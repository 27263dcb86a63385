"""`in_child`: run part of the corpus phase's end in a forked copy of this process, beside the
rest, and take back its (picklable) result.

The corpus phase's end runs after the last document, in the main process, while the cores that
ran the workers sit idle: on two cores the candidate pairs' verification (a second of CPU on the
200 MB crawl) is split in two and one half runs in a child. A forked child shares everything the
index holds (arrays, the open temporary files, read with ``pread``) without copying or
pickling it. Where there is no ``fork`` (Windows), or the child fails, the caller computes the
part itself: the result never depends on whether the child ran.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any

#: Whether this platform can fork (not Windows).
CAN_FORK = hasattr(os, "fork")


def no_tick(n: int) -> None:
    """The progress step of a part run in a child, which shows no progress (the parent ticks
    the part's whole work when it takes the result)."""


def in_child(part: Callable[[], Any]) -> Callable[[], Any]:
    """Start ``part()`` in a forked child; returns the function that waits for the child and
    gives its result, or None when the child failed (then the caller runs ``part`` itself).

    The child writes its pickled result to a pipe and leaves with `os._exit`: it flushes no
    buffer and closes no file of the parent (the caller flushes the temporary files it reads
    before forking: a flush in the child would write the parent's buffered bytes twice)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps(part(), protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> Any:
        chunks = []
        with os.fdopen(read_end, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(pid, 0)
        if status != 0:
            return None
        return pickle.loads(b"".join(chunks))  # noqa: S301 (written by this process's fork)

    return result
