"""Where the check command's output goes: the report stream (a file written atomically, or
stdout/stderr), patches written as bytes, the notes after the report; and SIGTERM turned into
an interrupt while a run lasts.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO, cast

from lintnews.atomic import atomic_open
from lintnews.gate import OutputError
from lintnews.reporters.base import printable
from lintnews.run import CheckOptions, RunResult, stop_exception


def write_bytes(stream: TextIO, data: bytes) -> None:
    """Write ``data`` as it is (a patch of a file in any encoding) to a text stream's buffer."""
    stream.flush()
    stream.buffer.write(data)
    stream.buffer.flush()


def gate_notes(result: RunResult, options: CheckOptions) -> str:
    """Lines about baselines, scores and splits that follow the report."""
    lines = []
    if options.baseline:
        lines.append(
            f"Baseline: {result.baseline_matched} known findings hidden; {result.baseline_gone} baseline "
            f"entries no longer occur (rewrite it with --write-baseline to shrink it)."
        )
    if options.write_baseline and result.baseline_written:
        lines.append(f"Baseline written to {options.write_baseline}.")
    if result.low_scores:
        lines.append(f"{len(result.low_scores)} documents scored below {options.min_score}:")
        for s in result.low_scores[:20]:
            where = s.path if s.record is None else f"{s.path}#{s.record}"
            lines.append(f"  {printable(where)}: score {s.score}")
        if len(result.low_scores) > 20:
            lines.append(f"  ... and {len(result.low_scores) - 20} more")
    if result.split_counts is not None:
        good, bad = result.split_counts
        lines.append(f"Split: {good} records accepted, {bad} rejected.")
    return "\n".join(lines)


@contextmanager
def interrupt_on_sigterm(enabled: bool) -> Iterator[Callable[[], int | None]]:
    """Turn SIGTERM (a CI timeout, ``docker stop``, ``kill``) into an exception while the run
    lasts, as Ctrl-C is, so a run writing ``--output-dir`` cleans up its staging folder instead
    of leaving it. Yields a function that returns the signal (SIGTERM or SIGINT) once received:
    library code that swallows the exception (a broad ``except`` in an extension module's
    import) must not let the run go on to move its output into place (`CheckRun` checks it)."""
    received: list[int] = []
    if not enabled or threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return

    def stop(signum: int, frame: object) -> None:
        received.append(signum)
        raise stop_exception(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield lambda: received[0] if received else None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def report_stream(output: str | None, to_stderr: bool) -> Iterator[tuple[TextIO, bool]]:
    """Where the report goes and whether to colour it: a file written atomically (so a failed
    run leaves no half report), or stdout/stderr (coloured on a terminal unless NO_COLOR)."""
    if output is None:
        stream = sys.stderr if to_stderr else sys.stdout
        yield stream, stream.isatty() and "NO_COLOR" not in os.environ
        stream.flush()
        return
    opened = atomic_open(output)
    try:
        fh = opened.__enter__()
    except OSError as exc:
        raise OutputError(output, "the report", exc) from None
    try:
        yield cast(TextIO, fh), False  # atomic_open in text mode: a text file
    except BaseException:
        opened.__exit__(*sys.exc_info())  # removes the temporary file
        raise
    try:
        opened.__exit__(None, None, None)
    except OSError as exc:
        raise OutputError(output, "the report", exc) from None
