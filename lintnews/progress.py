"""Progress bars on a terminal (tqdm), on standard error.

Two stages: ``lint`` while documents are read and linted, then ``corpus`` while the corpus phase
compares them (`lintnews.corpus.CorpusIndex` reports its steps through `Progress.corpus_step`).
The ``lint`` bar counts bytes of input, so a single large JSONL file gets a percentage and an
ETA: its total is the size of the named files (a folder's is added up by a background walk and
appears when the walk is done; a ``.jsonl.gz`` counts its uncompressed size, from the gzip
trailer), and every document advances it by its size (a record by its line). Reading standard
input has no total: the bar then counts documents. Nothing is shown when standard error is not
a terminal, with ``--quiet``, or with ``TQDM_DISABLE=1``.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, TypeVar

from lintnews.config import Settings

T = TypeVar("T")
R = TypeVar("R")


def input_size(path: str) -> int:
    """Bytes that reading ``path`` yields (0 when unknown): the file's size, or for a gzip file
    the uncompressed size its trailer records (modulo 4 GiB, so raised past the compressed size)."""
    try:
        size = os.stat(path).st_size
        if not path.lower().endswith(".gz") or size < 18:
            return size
        with open(path, "rb") as fh:
            fh.seek(-4, os.SEEK_END)
            plain = int.from_bytes(fh.read(4), "little")
        while plain < size:
            plain += 1 << 32
        return plain
    except OSError:
        return 0


def item_size(item: Any) -> int:
    """Bytes of input one item of the run stands for: a JSONL record's line, else its file."""
    size = getattr(item, "size", 0)  # an Analysis knows it (see `lintnews.parallel`)
    if size:
        return int(size)
    raw = getattr(item, "raw", None)  # an InputError or Document of a record, an Analysis that kept its line
    if raw is not None:
        return len(raw)
    if getattr(item, "record", None) is None and getattr(item, "line", None) is None:
        path = getattr(item, "path", None)
        if isinstance(path, str) and os.path.isfile(path):
            return input_size(path)
    return 0


#: tqdm's bar with the unit after the counts ("1.2MB/5.0MB"), not only after the rate.
_BYTES_FORMAT = "{l_bar}{bar}| {n_fmt}B/{total_fmt}B [{elapsed}<{remaining}, {rate_fmt}{postfix}]"


class Progress:
    """The progress bars of one ``lintnews check`` run (all methods are no-ops when disabled)."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self._bars: list[Any] = []
        self._corpus: Any = None
        self._total: int | None = None
        self._stop = threading.Event()

    @classmethod
    def for_terminal(cls, quiet: bool) -> Progress:
        """Bars when standard error is a terminal and the run is not ``--quiet``."""
        return cls(not quiet and sys.stderr.isatty())

    def _look(self) -> dict[str, Any]:
        """tqdm's options for every bar: on standard error, removed when done, as wide as the
        terminal; a terminal that reports no size (a pseudo-terminal nobody sized, as ``script``
        makes from a pipe) gets 80 columns, where tqdm would print nothing."""
        look: dict[str, Any] = {"file": self.stream, "leave": False}
        try:
            size = os.get_terminal_size(self.stream.fileno())
        except (AttributeError, OSError, ValueError):
            size = os.terminal_size((0, 0))
        if size.columns and size.lines:
            look["dynamic_ncols"] = True
        else:
            look["ncols"], look["nrows"] = 80, 24
        return look

    # --- the lint stage -----------------------------------------------------------------------

    def documents(self, items: Iterable[T], paths: list[str], settings: Settings) -> Iterator[T]:
        """``items`` (the run's documents, analyses and input errors, in input order) with a bar
        that advances as they come."""
        if not self.enabled:
            yield from items
            return
        from tqdm import tqdm

        by_bytes = "-" not in paths
        total: int | None = None
        if by_bytes:
            folders = [p for p in paths if os.path.isdir(p)]
            files = sum(input_size(p) for p in paths if p not in folders)
            if folders:
                self._walk_in_background(folders, settings, files)
            else:
                total = files
        if by_bytes:
            bar = tqdm(total=total, desc="lint", unit="B", unit_scale=True, **self._look())
            if total is not None:
                bar.bar_format = _BYTES_FORMAT
        else:
            bar = tqdm(desc="lint", unit="doc", **self._look())
        self._bars.append(bar)
        docs = 0
        try:
            for item in items:
                yield item
                docs += 1
                if by_bytes:
                    if bar.total is None and self._total is not None:
                        bar.total = self._total
                        bar.bar_format = _BYTES_FORMAT
                    size = item_size(item)
                    if bar.total is not None and bar.n + size > bar.total:
                        bar.total = bar.n + size  # a file that grew, a wrong gzip trailer
                    bar.set_postfix_str(f"{docs} doc{'s' if docs != 1 else ''}", refresh=False)
                    bar.update(size)
                else:
                    bar.update(1)
        finally:
            self._stop.set()
            self._close(bar)

    def _walk_in_background(self, folders: list[str], settings: Settings, files: int) -> None:
        """Add up the sizes of the files the run will read under ``folders`` (the same walk as
        the run's, with its excludes and ignore files) in a daemon thread; `documents` picks the
        total up when it is there. The walk stops when the run's stream ends."""
        from lintnews.sources import iter_paths

        def walk() -> None:
            total = files
            for path in iter_paths(folders, settings):
                if self._stop.is_set():
                    return
                if isinstance(path, str):
                    total += input_size(path)
            self._total = total

        threading.Thread(target=walk, name="lintnews-progress-walk", daemon=True).start()

    # --- the corpus stage ---------------------------------------------------------------------

    def corpus_step(self, name: str, total: int) -> Callable[[int], None]:
        """Start a step of the corpus phase, ``total`` units of work (``name`` says what they
        are: "3/16 LSH bands"); returns the function to call with each amount done. A step with
        nothing to do is not shown."""
        if not self.enabled or total <= 0:
            return _ignore
        from tqdm import tqdm

        fmt = "corpus: {n_fmt}/{total_fmt} " + name + " |{bar}| {percentage:3.0f}% [{elapsed}<{remaining}]"
        if self._corpus is None:
            self._corpus = tqdm(total=total, bar_format=fmt, **self._look())
            self._bars.append(self._corpus)
        else:
            self._corpus.bar_format = fmt
            self._corpus.reset(total=total)
        return self._corpus.update

    # --- output while bars run ----------------------------------------------------------------

    def around(self, write: Callable[[T], R], target: TextIO | None = None) -> Callable[[T], R]:
        """``write`` that clears the bars first and draws them again after, so a line printed
        to the terminal while a bar runs does not land in the middle of the bar; unchanged
        when it writes to ``target`` and that is not a terminal (a report written to a file)."""
        if not self.enabled or (target is not None and not _isatty(target)):
            return write

        def cleared(value: T) -> R:
            from tqdm import tqdm

            with tqdm.external_write_mode(file=self.stream):
                result = write(value)
                sys.stdout.flush()
            return result

        return cleared

    def close(self) -> None:
        """Remove every bar (before the summary is printed)."""
        self._stop.set()
        for bar in list(self._bars):
            self._close(bar)
        self._corpus = None

    def _close(self, bar: Any) -> None:
        if bar in self._bars:
            self._bars.remove(bar)
            bar.close()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _ignore(n: int = 1) -> None:
    return None
