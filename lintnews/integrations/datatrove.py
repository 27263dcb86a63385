"""datatrove pipeline steps (``pip install 'lintnews[datatrove]'``).

- `LintnewsFilter`: a `BaseFilter` that lints each document, records its rule codes and score in
  ``doc.metadata`` and drops documents with a diagnostic at or above a severity, or a score below
  a minimum; dropped documents go to the ``exclusion_writer``, as with datatrove's own filters.
- `LintnewsDeduplicate`: lintnews's corpus phase as one step (exact and near duplicates N001/N002,
  site-template lines N003). It *replaces* datatrove's four MinHash stages for a corpus that one
  task reads: it verifies every LSH candidate on the shingles themselves (template and chrome
  lines left out, so two articles sharing a site's footer are not copies), keeps the copy the
  ``[corpus] keep`` option names (first, longest or oldest), and needs no intermediate folders.
  Its index lives in one process, so it compares the documents of one task: with several tasks it
  refuses to run unless ``per_task=True`` (duplicates within each shard only). For corpora that
  need many machines, use datatrove's MinHash stages, with `LintnewsFilter` before them.

Both take a lintnews configuration as `lintnews.Linter` does (`Settings`, a config file's path,
a mapping of its keys, or None for the defaults).
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Any

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.writers.disk_base import DiskWriter
except ImportError as exc:  # pragma: no cover - the message is the point
    raise ImportError(
        "lintnews.integrations.datatrove needs datatrove: pip install 'lintnews[datatrove]'"
    ) from exc

from lintnews.api import ConfigLike, Kind, Linter, settings_of
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.document import Document

__all__ = ["LintnewsDeduplicate", "LintnewsFilter"]

#: Where the steps write in ``doc.metadata`` (keys start with the ``metadata_prefix``, by default
#: ``lintnews_``): the codes of the document's diagnostics (distinct, sorted) and its score;
#: `LintnewsDeduplicate` adds the corpus codes and, for a copy, the id of the kept document.
CODES, SCORE, CORPUS_CODES, DUPLICATE_OF = "codes", "score", "corpus_codes", "duplicate_of"


def _document(linter: Linter, doc: DatatroveDocument, kind: Kind, line: int | None = None) -> Document:
    """The lintnews document of a datatrove one: its text (markup when ``kind`` is html), its
    file (the reader's ``file_path``) as the path and its id as the record."""
    path = str(doc.metadata.get("file_path") or "datatrove")
    document = linter.document(doc.text, kind=kind, path=path)
    document.record = str(doc.id)
    document.record_line = line
    return document


class LintnewsFilter(BaseFilter):
    """Drop documents lintnews finds wanting; annotate every document it sees.

    ``drop_severity``: drop a document with a diagnostic of this severity or above (``"error"``,
    ``"warning"``, ``"info"``; None: never for severity). ``min_score``: drop a document scoring
    below it (None: never for the score). The reason datatrove records for a dropped document
    (``metadata["filter_reason"]`` in the exclusion writer's output, ``dropped_<reason>`` in the
    stats) is ``lintnews_severity`` or ``lintnews_score``. ``keep_diagnostics``: also store every
    diagnostic (``lintnews_diagnostics``, as in ``--output-format json``)."""

    name = "📰 lintnews"

    def __init__(
        self,
        config: ConfigLike = None,
        *,
        drop_severity: str | None = "error",
        min_score: int | None = None,
        kind: Kind = "text",
        keep_diagnostics: bool = False,
        metadata_prefix: str = "lintnews_",
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__(exclusion_writer)
        self.settings = settings_of(config)  # checked now: a bad configuration fails before the run
        self.threshold = Severity.parse(drop_severity) if drop_severity is not None else None
        self.min_score = min_score
        self.kind = kind
        self.keep_diagnostics = keep_diagnostics
        self.prefix = metadata_prefix
        self._linter: Linter | None = None

    @property
    def linter(self) -> Linter:
        if self._linter is None:  # in the task's process (steps are pickled to their tasks)
            self._linter = Linter(self.settings)
        return self._linter

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_linter": None}

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        report = self.linter.lint(_document(self.linter, doc, self.kind))
        doc.metadata[self.prefix + CODES] = report.codes
        doc.metadata[self.prefix + SCORE] = report.score
        if self.keep_diagnostics:
            doc.metadata[self.prefix + "diagnostics"] = [d.to_dict() for d in report.diagnostics]
        for code in report.codes:
            self.stat_update(f"lintnews_{code}")
        if self.threshold is not None and any(d.severity >= self.threshold for d in report.diagnostics):
            return False, "lintnews_severity"
        if self.min_score is not None and report.score < self.min_score:
            return False, "lintnews_score"
        return True


class LintnewsDeduplicate(PipelineStep):
    """Drop the copies among the documents (N001 near duplicates and N002 exact duplicates, the
    codes in ``drop_codes``) and keep the copy the configuration's ``[corpus] keep`` names.

    Every document gets ``lintnews_corpus_codes`` (the corpus codes that name it: N003 for
    site-template lines, which are reported, not dropped); a dropped copy also gets
    ``lintnews_duplicate_of`` (the id of the kept document) and goes to ``exclusion_writer``.
    The documents wait in a temporary file until the last one was read (a copy is only known
    then), so they leave this step in input order after the whole input was read."""

    name = "📰 lintnews near-duplicates"
    type = "🫂 - DEDUP"

    def __init__(
        self,
        config: ConfigLike = None,
        *,
        kind: Kind = "text",
        drop_codes: tuple[str, ...] = ("N001", "N002"),
        per_task: bool = False,
        metadata_prefix: str = "lintnews_",
        exclusion_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings_of(config)
        self.kind = kind
        self.drop_codes = frozenset(drop_codes)
        self.per_task = per_task
        self.prefix = metadata_prefix
        self.exclusion_writer = exclusion_writer

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if world_size > 1 and not self.per_task:
            raise ValueError(
                f"LintnewsDeduplicate compares the documents of one task, and this run has {world_size} tasks: "
                "run it with tasks=1, or pass per_task=True to find duplicates within each task's documents"
            )
        if data is None:
            return
        linter = Linter(self.settings)
        with tempfile.TemporaryFile() as spool, linter.corpus() as corpus:
            count = 0
            ids: list[str] = []
            for count, doc in enumerate(data, 1):
                with self.track_time():
                    corpus.add(_document(linter, doc, self.kind, count))
                ids.append(str(doc.id))
                pickle.dump(doc, spool, pickle.HIGHEST_PROTOCOL)
            with self.track_time():
                found: dict[int, list[Diagnostic]] = {}
                for d in corpus.finish():
                    found.setdefault(d.record_line or 0, []).append(d)
            spool.seek(0)
            yield from self._replay(spool, count, found, rank)

    def _replay(self, spool: Any, count: int, found: dict[int, list[Diagnostic]], rank: int) -> Iterator[Any]:
        writer = self.exclusion_writer
        if writer is not None:
            writer.__enter__()
        try:
            for line in range(1, count + 1):
                doc = pickle.load(spool)
                mine = found.get(line, [])
                codes = sorted({d.code for d in mine})
                doc.metadata[self.prefix + CORPUS_CODES] = codes
                self.stat_update("total")
                copy = next((d for d in mine if d.code in self.drop_codes), None)
                if copy is None:
                    self.stat_update("forwarded")
                    yield doc
                    continue
                kept = copy.kept or (copy.related[0] if copy.related else None)
                if kept is not None:
                    doc.metadata[self.prefix + DUPLICATE_OF] = kept.record
                self.stat_update("dropped", f"dropped_{copy.code}")
                if writer is not None:
                    writer.write(doc, rank)
        finally:
            if writer is not None:
                writer.__exit__(None, None, None)
