"""`CorpusIndex`: folds the documents' signatures in input order and, at the end, yields the
corpus diagnostics (exact duplicates, templates, then near duplicates)."""

from __future__ import annotations

import array
import hashlib
import math
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from lintnews import native
from lintnews.config import ConfigError, Settings
from lintnews.corpus.duplicates import MIN_SHINGLES, find_duplicates
from lintnews.corpus.lsh import band_keys, candidates_beside
from lintnews.corpus.options import CorpusOptions, CorpusSelection, lsh_bands
from lintnews.corpus.signature import KEPT_DTYPE, LINE_DTYPE, POSITION_DTYPE, CorpusSigner, DocSignature
from lintnews.corpus.storage import ByteBlocks, RowFile, ShingleStore, distinct
from lintnews.corpus.templates import find_templates, template_diagnostics
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.hashing import SCHEME


@dataclass(slots=True)
class IndexedDoc:
    """Per-document state the index keeps in memory (the Spark engine builds the same)."""

    path: str
    record: str | None
    record_line: int | None
    enabled: int
    first: tuple[int, int, int, int]
    #: Where the title is in the index's title store (read back for the few reported documents).
    title_at: int
    text_hash: bytes | None
    length: int
    date: Any
    comparable: bool

    @property
    def name(self) -> str:
        return f"{self.path}#{self.record}" if self.record is not None else self.path


#: Comparable shingle sets a corpus keeps while verifying (the least recently used go).
SET_CACHE = 1024


def _no_progress(n: int) -> None:
    return None


class CorpusIndex:
    """Folds `DocSignature`s in input order; `finish` yields the corpus diagnostics.

    With a ``cache_dir``, when every signature came with the result-cache key of its document
    (see `append`), the diagnostics are cached under a key made of all those keys in order:
    re-linting an unchanged corpus skips the comparison too."""

    def __init__(self, settings: Settings, cache_dir: str | None = None) -> None:
        self.settings = settings
        self._cache_dir = cache_dir
        self._corpus_key = hashlib.sha1(b"lintnews corpus phase\0") if cache_dir else None
        self.options = CorpusOptions.from_settings(settings)
        self.selection = CorpusSelection(settings)
        self.bands, self.rows = lsh_bands(self.options.threshold, self.options.num_perm)
        self.docs: list[IndexedDoc] = []
        # Per-document arrays are merged into large blocks as they come (small numpy arrays cost
        # ~100 bytes of overhead each).
        self._band_keys = RowFile(self.bands)
        self._band_docs = array.array("q")
        self._titles = ShingleStore()
        self._lines = ByteBlocks()  # rows of KEPT_DTYPE
        self._positions = ShingleStore()  # the rows' POSITION_DTYPE values, one record per document
        self._line_owner = array.array("I")  # per document with candidate lines: its index
        self._line_count = array.array("I")  # and how many rows it has
        self._store = ShingleStore()
        #: Result-cache places of signatures not read yet (see `defer`); None once one was added.
        self._deferred: list[tuple[bytes, int]] | None = [] if cache_dir else None
        self._reader: Any = None
        #: Comparable shingle sets kept in memory while candidate pairs are verified (see
        #: `_shingle_sets`): a corpus of any size stays within a bounded memory.
        self.set_cache = SET_CACHE
        #: Jobs of the run: with more than one, half of the candidate pairs are verified in a
        #: forked child beside the other half (`lintnews.corpus.duplicates.verify`).
        self.jobs = 1
        #: Told about the steps of `finish` (a step's name and amount of work; it returns the
        #: function to call with each amount done): the progress bar of a terminal run.
        self.progress: Callable[[str, int], Callable[[int], None]] | None = None

    def _step(self, name: str, total: int) -> Callable[[int], None]:
        return self.progress(name, total) if self.progress is not None else _no_progress

    def add(self, sig: DocSignature) -> None:
        if sig.scheme != SCHEME:
            raise ValueError(
                f"a signature of hashing scheme {sig.scheme!r} cannot be compared with {SCHEME!r} ones"
            )
        index = len(self.docs)
        shingles = sig.shingles if sig.shingles is not None else np.zeros(0, np.uint32)
        comparable = (
            sig.minhash is not None
            and len(shingles) >= MIN_SHINGLES
            and (sig.distinct if sig.distinct is not None else len(distinct(shingles))) >= MIN_SHINGLES
        )
        self.docs.append(
            IndexedDoc(
                sig.path,
                sig.record,
                sig.record_line,
                sig.enabled,
                sig.first,
                self._titles.add_bytes(sig.title.encode("utf-8", "surrogatepass")),
                sig.text_hash,
                sig.length,
                sig.date,
                comparable,
            )
        )
        self._store.add(shingles)
        if comparable:
            assert sig.minhash is not None
            keys = sig.band_keys
            if keys is None or sig.lsh != (self.bands, self.rows):
                keys = band_keys(sig.minhash, self.bands, self.rows)
            self._band_keys.append(keys)
            self._band_docs.append(index)
        if len(sig.lines):
            rows = np.ascontiguousarray(sig.lines, LINE_DTYPE)
            kept = np.empty(len(rows), KEPT_DTYPE)
            for name in KEPT_DTYPE.names or ():
                kept[name] = rows[name]
            position = np.empty(len(rows), POSITION_DTYPE)
            for name in POSITION_DTYPE.names or ():
                position[name] = rows[name]
            self._lines.append(kept.tobytes())
            self._positions.add_bytes(position.tobytes())
            self._line_owner.append(index)
            self._line_count.append(len(sig.lines))

    def append(self, sig: DocSignature | None, cache_key: bytes | None = None, cache_index: int = 0) -> None:
        """`add`, so the index can stand in for a list of signatures; ``cache_key`` is the
        result-cache key of the unit the document came from (None: not cacheable) and
        ``cache_index`` its place among the unit's results."""
        if sig is not None:
            self._materialize()
            self.add(sig)
            self._update_key(cache_key, cache_index)

    def defer(self, cache_key: bytes, cache_index: int) -> None:
        """The next document's signature is in the result cache under ``cache_key``: while every
        document so far came from the cache, only its place is noted; `finish` reads the
        signatures back only when the corpus phase's own result is not cached (so re-linting an
        unchanged corpus never loads them). Once a fresh signature came, they are read at once."""
        if self._deferred is not None:
            self._deferred.append((cache_key, cache_index))
        else:
            self._add_cached(cache_key, cache_index)
        self._update_key(cache_key, cache_index)

    def _update_key(self, cache_key: bytes | None, cache_index: int) -> None:
        if self._corpus_key is not None:
            if cache_key is None:
                self._corpus_key = None
            else:
                self._corpus_key.update(cache_key + cache_index.to_bytes(4, "little"))

    def _materialize(self) -> None:
        """Add the deferred signatures, in order; from now on signatures are added as they come."""
        deferred, self._deferred = self._deferred, None
        for cache_key, cache_index in deferred or ():
            self._add_cached(cache_key, cache_index)

    def _add_cached(self, cache_key: bytes, cache_index: int) -> None:
        from lintnews.cache import ResultCache, load_signatures

        if self._reader is None:
            assert self._cache_dir is not None
            self._reader = ResultCache(self._cache_dir)
        # (the entry was checked, signatures included, when its results were read: see
        # `lintnews.cache.load_unit`)
        sigs = (
            load_signatures(self._reader.get(cache_key), (self.options.num_perm, self.bands, self.rows)) or []
        )
        sig = sigs[cache_index] if cache_index < len(sigs) else None
        if sig is None:
            # The entry vanished or changed (`lintnews clean` during the run): the result is unknown.
            raise ConfigError(f"the result cache in {self._cache_dir} changed during the run: run again")
        self.add(sig)

    @property
    def size(self) -> int:
        """Documents in the index, deferred ones included."""
        return len(self.docs) + len(self._deferred or ())

    def finish(self) -> list[Diagnostic]:
        if self._corpus_key is None or self._cache_dir is None or not self.size:
            self._materialize()
            return self._finish()
        from lintnews.cache import ResultCache, dump_corpus, load_corpus

        # The unit keys cover the content, the settings and the code, so they decide the result.
        k = self._corpus_key.digest()
        # (the run's first writable handle already warned about a cache it could not use)
        store = ResultCache(self._cache_dir, writable=True)
        try:
            hit = load_corpus(store.get(k))
            if hit is not None:
                self._close()
                return hit
            self._materialize()
            out = self._finish()
            store.put(k, dump_corpus(out))
            return out
        finally:
            store.close()

    def _finish(self) -> list[Diagnostic]:
        try:
            twin = self._exact_groups()
            # (in a child beside the template lines when the run has more than one job)
            pairs = candidates_beside(
                self._band_keys,
                np.frombuffer(self._band_docs, np.int64),
                len(self.docs),
                self._step,
                self.jobs > 1,
            )
            lines = self._lines.array(KEPT_DTYPE) if self._lines else np.zeros(0, KEPT_DTYPE)
            template, line_docs, counts = find_templates(
                lines, self._line_owner, self._line_count, len(self.docs), twin, self.options, self._step
            )
            earlier, later = pairs()
            self._store.flush()  # (before a child reads it: see `lintnews.corpus.forked`)
            out = find_duplicates(
                self.docs,
                twin,
                earlier,
                later,
                self._shingle_sets(template, lines, line_docs),
                self.options,
                self.selection,
                self._title,
                self._step,
                split=self.jobs > 1,
            )
            need = max(
                self.options.template_min_docs, math.ceil(self.options.template_min_share * len(self.docs))
            )
            reported = {h for h in template if counts[h] >= need}
            out.extend(
                template_diagnostics(
                    reported,
                    counts,
                    lines,
                    line_docs,
                    self.docs,
                    self._line_owner,
                    self._line_count,
                    self._positions,
                    self.selection,
                )
            )
        finally:
            self._close()
        order = {(d.path, d.record): i for i, d in enumerate(self.docs)}
        out.sort(key=lambda d: (order.get((d.path, d.record), 0), d.line, d.column, d.code))
        return out

    def _close(self) -> None:
        for store in (self._store, self._titles, self._band_keys, self._positions):
            store.close()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _exact_groups(self) -> dict[int, int]:
        """For every document whose normalised text equals an earlier one's: that earlier one."""
        first_of: dict[bytes, int] = {}
        twin: dict[int, int] = {}
        for i, d in enumerate(self.docs):
            if d.text_hash is not None:
                j = first_of.setdefault(d.text_hash, i)
                if j != i:
                    twin[i] = j
        return twin

    def _title(self, i: int) -> str:
        return self._titles.get_bytes(self.docs[i].title_at).decode("utf-8", "surrogatepass")

    def _shingle_sets(
        self, template: set[int], lines: np.ndarray, line_docs: np.ndarray
    ) -> Callable[[int], np.ndarray]:
        """A document's comparable shingle set (without its template lines' shingles), by number.
        ``line_docs``: the document of each row of ``lines``."""
        drops = template_ranges(lines, line_docs, template)
        cache: OrderedDict[int, np.ndarray] = OrderedDict()

        def shingle_set(i: int) -> np.ndarray:
            # `verify` asks for a document's set about once (see there): the few sets asked for
            # again after they left the cache are computed again rather than written to disk.
            got = cache.get(i)
            if got is None:
                got = cache[i] = self._comparable_set(i, drops.get(i, []))
                if len(cache) > self.set_cache:
                    cache.popitem(last=False)
            return got

        return shingle_set

    def _comparable_set(self, i: int, drop: list[int]) -> np.ndarray:
        return shingles_without(self._store.get(i), drop)


def template_ranges(lines: np.ndarray, line_docs: np.ndarray, template: set[int]) -> dict[int, list[int]]:
    """The shingle ranges (lo, hi, lo, hi …) of each document's ``template`` lines among the
    candidate ``lines`` (rows with ``hash``, ``lo``, ``hi``) of the documents ``line_docs``, in
    row order; documents without any are left out. Found for the whole corpus at once: per
    document, picking its rows out of ``lines`` cost more than its comparable set."""
    drops: dict[int, list[int]] = {}
    if not len(lines) or not template:
        return drops
    rows = np.flatnonzero(np.isin(lines["hash"], np.fromiter(template, np.uint64, len(template))))
    for doc, lo, hi in zip(
        line_docs[rows].tolist(), lines["lo"][rows].tolist(), lines["hi"][rows].tolist(), strict=True
    ):
        drops.setdefault(doc, []).extend((lo, hi))
    return drops


def comparable_set(shingles: np.ndarray, lines: np.ndarray | None, template: set[int]) -> np.ndarray:
    """A document's comparable shingle set: its distinct ``shingles`` without those of its
    candidate ``lines`` (rows with ``hash``, ``lo``, ``hi``) that are ``template`` lines. (The
    Spark engine's tasks call it; the local index finds every document's template lines at once,
    `template_ranges`.)"""
    drop: list[int] = []
    if lines is not None and len(lines) and template:
        # the document's template lines (a few rows: a set lookup each, not a numpy call)
        mine = [k for k, h in enumerate(lines["hash"].tolist()) if h in template]
        if mine:
            for lo, hi in zip(lines["lo"][mine].tolist(), lines["hi"][mine].tolist()):
                drop += (lo, hi)
    return shingles_without(shingles, drop)


def shingles_without(shingles: np.ndarray, drop: list[int]) -> np.ndarray:
    """The distinct values of ``shingles`` without the positions in the ranges ``drop`` (lo,
    hi, lo, hi …), sorted: from the compiled kernel when it is built (one pass and a radix
    sort; numpy's sort and masks cost ~40 ns a shingle, a fifth of the corpus phase's end),
    else `py_comparable_set`."""
    if native.compiled is not None:
        found = native.compiled.sorted_distinct(shingles, array.array("q", drop))
        return np.frombuffer(found, np.uint32)
    return py_comparable_set(shingles, drop)


def py_comparable_set(shingles: np.ndarray, drop: list[int]) -> np.ndarray:
    """`shingles_without` in numpy: the distinct values of ``shingles`` without the positions in
    the ranges ``drop`` (lo, hi, lo, hi …)."""
    values = shingles
    if drop:
        keep = np.ones(len(values), bool)
        for lo, hi in zip(drop[::2], drop[1::2]):
            keep[lo:hi] = False
        values = values[keep]
    return distinct(values)


def check_corpus(docs: Iterable[Document], settings: Settings) -> Iterator[Diagnostic]:
    """Corpus diagnostics of documents linted with ``settings`` (per-document rules included, so
    chrome lines are stripped as in a real run). For tests and library use."""
    linter = Linter(settings)
    signer = CorpusSigner(settings)
    index = CorpusIndex(settings)
    for doc in docs:
        index.add(signer(doc, linter.lint(doc).diagnostics))
    yield from index.finish()
