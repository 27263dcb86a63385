"""`IndexedCorpus`: the corpus phase of ``lintnews check --index``.

The batch's signatures are folded as a single run folds them. At the end, the index is asked
for the batch's candidates: documents sharing an LSH band key (per key the first and the
`MAX_PEERS` latest, as a single run pairs a document with the earlier members of its bucket)
or the normalised text of a batch document, then, the same way, the candidates of those
candidates (so a batch document joins an indexed cluster as it would in one run), up to a
bound. The candidates, in the order they were indexed, then the batch, go through the very
`CorpusIndex` of a single run (templates, LSH, exact verification, clusters): the indexed
documents come first, so they are the kept copies (``keep = "first"``), and they are never
reported themselves (their rules are off: `DocSignature.enabled` is 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from lintnews.cache import signature_spec
from lintnews.config import Settings
from lintnews.corpus import CorpusIndex, DocSignature
from lintnews.corpus.lsh import MAX_PEERS, band_keys
from lintnews.diagnostics import Diagnostic
from lintnews.index.location import open_index
from lintnews.index.store import entry_of, scheme_of, signature_of

#: Indexed candidates read for a batch: at most this many per batch document (and this many
#: for a small batch), however large the index's clusters.
CANDIDATES_PER_DOC = 20
MIN_CANDIDATES = 1000

#: The JSONL field `lintnews index prune --before` reads, unless ``[corpus] date-field`` names one.
DATE_FIELD = "date"


def index_settings(settings: Settings) -> Settings:
    """``settings`` for a run that writes an index: the signatures keep the date field
    (``[corpus] date-field``, else `DATE_FIELD`) for ``index prune``."""
    if not settings.corpus.get("date-field"):
        settings.corpus = {**settings.corpus, "date-field": DATE_FIELD}
    return settings


class _Questions:
    """What a run has asked the index: each round of the candidate search asks only the band
    keys (per band) and text hashes no earlier document of the run asked. Syndicated copies
    share most of theirs: on a real crawl, 213,000 distinct keys for the 430,000 of the
    candidates' second round."""

    def __init__(self, bands: int, rows: int) -> None:
        self.bands, self.rows = bands, rows
        self.keys = [np.zeros(0, np.uint64) for _ in range(bands)]  # per band, sorted
        self.hashes: set[bytes] = set()

    def new(self, sigs: Sequence[DocSignature]) -> tuple[list[DocSignature], np.ndarray, list[bytes]]:
        """(the signatures of ``sigs`` with band keys, which of their band keys to ask: a
        boolean array of a row per signature and a column per band, the text hashes to ask)."""
        hashes = list(
            dict.fromkeys(
                s.text_hash for s in sigs if s.text_hash is not None and s.text_hash not in self.hashes
            )
        )
        self.hashes.update(hashes)
        with_keys = [s for s in sigs if s.minhash is not None]
        keys = np.zeros((len(with_keys), self.bands), np.uint64)
        for i, s in enumerate(with_keys):
            mine = s.band_keys
            if mine is None or s.lsh != (self.bands, self.rows):  # (kept for the store)
                assert s.minhash is not None
                mine = s.band_keys = band_keys(s.minhash, self.bands, self.rows)
                s.lsh = (self.bands, self.rows)
            keys[i] = mine
        ask = np.zeros(keys.shape, bool)
        for band in range(self.bands):
            column = keys[:, band]
            distinct, first = np.unique(column, return_index=True)  # (a key's first signature)
            unasked = ~np.isin(distinct, self.keys[band], assume_unique=True)
            ask[first[unasked], band] = True
            self.keys[band] = np.union1d(self.keys[band], distinct[unasked])
        return with_keys, ask, hashes


class IndexedCorpus(CorpusIndex):
    def __init__(self, settings: Settings, cache_dir: str | None, location: str, update: bool) -> None:
        super().__init__(settings, cache_dir)
        self.store = open_index(location, create=update)
        self.scheme = scheme_of(settings)
        #: Told to the user by the caller: the index's signatures leave out other lines.
        self.scheme_warning = self.store.ensure_scheme(self.scheme, create=update)
        self.update = update
        #: The batch's signatures, in input order (kept for the lookup and the update).
        self.batch: list[DocSignature] = []

    def add(self, sig: DocSignature) -> None:
        self.batch.append(sig)

    @property
    def size(self) -> int:
        return len(self.batch) + len(self._deferred or ())

    def finish(self) -> list[Diagnostic]:
        self._materialize()
        self._close()
        combined = CorpusIndex(self.settings)
        combined.progress = self.progress
        indexed = self.candidates()
        if not self.update:
            self.store.close()
        for sig in indexed:
            sig.enabled = 0  # an indexed document is compared, never reported
            combined.add(sig)
        for sig in self.batch:
            combined.add(sig)
        # Every comparable set stays in memory: the documents compared are bounded (at most
        # `CANDIDATES_PER_DOC` per batch document), and in a syndicated cluster of thousands
        # the verification asks for each set about three times.
        combined.set_cache = len(combined.docs)
        return combined._finish()

    def candidates(self) -> list[DocSignature]:
        """The indexed documents the batch is compared with, in the order they were indexed."""
        store = self.store
        names = {sig.name for sig in self.batch}
        limit = max(MIN_CANDIDATES, CANDIDATES_PER_DOC * len(self.batch))
        spec = signature_spec(self.settings)  # (once: it reads the corpus options)
        found: dict[Any, DocSignature | None] = {}
        asked: set[Any] = set()
        questions = _Questions(self.bands, self.rows)
        frontier = self.batch
        while frontier and len(found) < limit:
            sigs, ask, hashes = questions.new(frontier)
            new = sorted(store.lookup(sigs, ask, hashes, MAX_PEERS) - asked)
            asked.update(new)
            frontier = []
            for order, name, blob in store.fetch(new[: max(0, limit - len(found))]):
                if name in names:  # the same document checked again: not its own copy
                    continue
                sig = signature_of(store.where, name, blob, spec)
                found[order] = sig
                frontier.append(sig)
        return [sig for _, sig in sorted(found.items(), key=lambda item: item[0]) if sig is not None]

    def commit(self, failing: set[tuple[str, str | None]]) -> int:
        """With ``--index-update``: add the batch's documents that passed the gate, all in one
        transaction (a run that stops before this adds nothing)."""
        if not self.update:
            return 0
        try:
            return self.store.add(
                (entry_of(sig) for sig in self.batch if (sig.path, sig.record) not in failing), self.scheme
            )
        finally:
            self.store.close()
