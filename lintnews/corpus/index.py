"""`CorpusIndex`: folds the documents' signatures in input order and, at the end, yields the
corpus diagnostics (exact duplicates, templates, then near duplicates).

This module needs no numpy: what was folded (`lintnews.corpus.folding`) and the end's steps
are imported with the first signature added or at the end, so a re-run whose corpus result is
in the result cache (`defer`, then a hit in `finish`) never loads them."""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from lintnews.config import ConfigError, Settings
from lintnews.corpus.options import CorpusOptions, CorpusSelection, lsh_bands
from lintnews.corpus.scheme import SCHEME
from lintnews.diagnostics import Diagnostic

if TYPE_CHECKING:
    import numpy as np

    from lintnews.cache.entries import PlacedBrief
    from lintnews.corpus.folding import FoldedCorpus, IndexedDoc
    from lintnews.corpus.signature import DocSignature
    from lintnews.document import Document


#: A document's path, record and record line.
Place = tuple[str, "str | None", "int | None"]

#: Comparable shingle sets a corpus keeps while verifying (the first made go first): ~6 MB on
#: the 200 MB crawl (2.9 KB a set). With 1,024, a syndicated group of thousands of documents
#: evicted sets it asked for again: 34,632 sets made for 20,119 documents; 24,154 with 2,048
#: (the finish's traced peak +5 MiB), 21,579 with 4,096 (+15 MiB).
SET_CACHE = 2048


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
        #: What was folded, made with the first signature (`_open`): a re-run whose corpus
        #: result is cached never adds one, so never imports numpy (`lintnews.corpus.folding`).
        self._folded: FoldedCorpus | None = None
        #: Result-cache places of signatures not read yet (see `defer`); None once one was added.
        self._deferred: list[tuple[bytes, int, Place]] | None = [] if cache_dir else None
        self._reader: Any = None
        #: The signature of a document made again (its path and record line), for one whose
        #: signatures entry does not check out when it is read (see `_add_cached`).
        self.sign_again: Callable[[str, int | None], DocSignature | None] | None = None
        #: Comparable shingle sets kept in memory while candidate pairs are verified (see
        #: `_shingle_sets`): a corpus of any size stays within a bounded memory.
        self.set_cache = SET_CACHE
        #: Jobs of the run: with more than one, half of the candidate pairs are verified in a
        #: forked child beside the other half (`lintnews.corpus.verification.verify`).
        self.jobs = 1
        #: Told about the steps of `finish` (a step's name and amount of work; it returns the
        #: function to call with each amount done): the progress bar of a terminal run.
        self.progress: Callable[[str, int], Callable[[int], None]] | None = None

    def _step(self, name: str, total: int) -> Callable[[int], None]:
        return self.progress(name, total) if self.progress is not None else _no_progress

    def _open(self) -> FoldedCorpus:
        if self._folded is None:
            from lintnews.corpus.folding import FoldedCorpus

            self._folded = FoldedCorpus(self.bands, self.rows, self.docs)
        return self._folded

    def add(self, sig: DocSignature) -> None:
        if sig.scheme != SCHEME:
            raise ValueError(
                f"a signature of hashing scheme {sig.scheme!r} cannot be compared with {SCHEME!r} ones"
            )
        self._open().add(sig)

    def append(self, sig: DocSignature | None, cache_key: bytes | None = None, cache_index: int = 0) -> None:
        """`add`, so the index can stand in for a list of signatures; ``cache_key`` is the
        result-cache key of the unit the document came from (None: not cacheable) and
        ``cache_index`` its place among the unit's results."""
        if sig is not None:
            self._materialize()
            self.add(sig)
            self._update_key(cache_key, cache_index)

    def defer(self, cache_key: bytes, cache_index: int, place: Place) -> None:
        """The next document's signature is in the result cache, in the signatures entry of the
        unit under ``cache_key``; ``place``: the document's path, record and record line. While
        every document so far came from the cache, only where is noted; `finish` reads the
        signatures back only when the corpus phase's own result is not cached (so re-linting an
        unchanged corpus never loads them). Once a fresh signature came, they are read at once."""
        if self._deferred is not None:
            self._deferred.append((cache_key, cache_index, place))
        else:
            self._add_cached(cache_key, cache_index, place)
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
        for cache_key, cache_index, place in deferred or ():
            self._add_cached(cache_key, cache_index, place)

    def _add_cached(self, cache_key: bytes, cache_index: int, place: Place) -> None:
        from lintnews.cache import ResultCache, load_signatures

        if self._reader is None:
            assert self._cache_dir is not None
            self._reader = ResultCache(self._cache_dir)
        spec = (self.options.num_perm, self.bands, self.rows)
        sigs = load_signatures(self._reader.get_signatures(cache_key), spec, place) or []
        sig = sigs[cache_index] if cache_index < len(sigs) else None
        if sig is None and self.sign_again is not None:
            # Not what lintnews writes (the cache is untrusted: `lintnews.cache`), or gone: the
            # document's results were read, its signature is made again from the document.
            sig = self.sign_again(place[0], place[2])
        if sig is None:
            # The document changed or vanished during the run: the result is unknown.
            raise ConfigError(f"the result cache in {self._cache_dir} changed during the run: run again")
        self.add(sig)

    @property
    def size(self) -> int:
        """Documents in the index, deferred ones included."""
        return len(self.docs) + len(self._deferred or ())

    def result_key(self) -> bytes | None:
        """The result cache's key of this corpus's findings (None: they are not cached)."""
        if self._corpus_key is None or self._cache_dir is None or not self.size:
            return None
        return self._corpus_key.digest()

    def answered(self) -> None:
        """The corpus's findings came from the result cache: nothing more is read."""
        self._close()

    def cached_briefs(self) -> list[PlacedBrief] | None:
        """`finish` when the result cache has this corpus's findings, as what a one-line report
        shows of each (`lintnews.cache.entries.PlacedBrief`: checked as `finish` checks them,
        no diagnostic made); None otherwise (then `finish` makes them)."""
        if self._corpus_key is None or self._cache_dir is None or not self.size:
            return None
        from lintnews.cache import ResultCache
        from lintnews.cache.entries import load_corpus

        store = ResultCache(self._cache_dir)
        try:
            hit = load_corpus(store.get(self._corpus_key.digest()), brief=True)
        finally:
            store.close()
        if hit is not None:
            self._close()
        return hit

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
        import numpy as np

        from lintnews.corpus.duplicates import find_duplicates
        from lintnews.corpus.lsh import candidates_beside
        from lintnews.corpus.signature import KEPT_DTYPE
        from lintnews.corpus.templates import find_templates, template_diagnostics

        folded = self._open()
        try:
            twin = self._exact_groups()
            # (in a child beside the template lines when the run has more than one job)
            pairs = candidates_beside(
                folded.band_keys,
                np.frombuffer(folded.band_docs, np.int64),
                len(self.docs),
                self._step,
                self.jobs > 1,
            )
            lines = folded.lines.array(KEPT_DTYPE) if folded.lines else np.zeros(0, KEPT_DTYPE)
            template, line_docs, counts = find_templates(
                lines, folded.line_owner, folded.line_count, len(self.docs), twin, self.options, self._step
            )
            need = max(
                self.options.template_min_docs, math.ceil(self.options.template_min_share * len(self.docs))
            )
            # (made while the candidates' child, the longer of the two, still runs)
            templates_found = template_diagnostics(
                {h for h in template if counts[h] >= need},
                counts,
                lines,
                line_docs,
                self.docs,
                folded.line_owner,
                folded.line_count,
                folded.positions,
                self.selection,
            )
            earlier, later = pairs()
            folded.shingles.flush()  # (before a child reads it: see `lintnews.corpus.forked`)
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
            out.extend(templates_found)
        finally:
            self._close()
        order = {(d.path, d.record): i for i, d in enumerate(self.docs)}
        out.sort(key=lambda d: (order.get((d.path, d.record), 0), d.line, d.column, d.code))
        return out

    def _close(self) -> None:
        if self._folded is not None:
            self._folded.close()
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
        return self._open().title(i)

    def _shingle_sets(
        self, template: set[int], lines: np.ndarray, line_docs: np.ndarray
    ) -> Callable[[int], np.ndarray]:
        """A document's comparable shingle set (without its template lines' shingles), by number.
        ``line_docs``: the document of each row of ``lines``."""
        from lintnews.corpus.comparable import template_ranges

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
        return self._open().comparable_set(i, drop)


def check_corpus(docs: Iterable[Document], settings: Settings) -> Iterator[Diagnostic]:
    """Corpus diagnostics of documents linted with ``settings`` (per-document rules included, so
    chrome lines are stripped as in a real run). For tests and library use."""
    from lintnews.corpus.signature import CorpusSigner
    from lintnews.engine import Linter

    linter = Linter(settings)
    signer = CorpusSigner(settings)
    index = CorpusIndex(settings)
    for doc in docs:
        index.add(signer(doc, linter.lint(doc).diagnostics))
    yield from index.finish()
