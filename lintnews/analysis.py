"""One document's analysis: lint (the rules, then suppressions) -> score -> sign.

`analyze_document` is the only place that does it: the serial run, the worker pool
(`lintnews.parallel`) and a fixing run (`lintnews.run`, whose linter fixes as it lints) all call
it, as will any other engine that distributes documents. It returns the small `Analysis` a run
keeps of a document (never its text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.gate import score

if TYPE_CHECKING:
    from lintnews.reporters.formatted import FormattedDocument

#: Corpus-phase signature function (see `lintnews.corpus`): (document, its diagnostics) -> signature.
Signer = Callable[[Document, list[Diagnostic]], Any]
#: The per-document lint: the selected rules, then suppressions (`lintnews.engine.Linter.lint`).
Lint = Callable[[Document], list[Diagnostic]]


@dataclass
class Analysis:
    """What the run keeps of one document."""

    path: str
    record: str | None
    record_line: int | None
    diagnostics: list[Diagnostic]
    score: int
    #: The raw JSONL line, only when the run splits the corpus.
    raw: bytes | None = None
    #: Corpus-phase signature (see `lintnews.corpus`), when the corpus phase runs.
    signature: Any = None
    #: The cache key of the unit the document came from, its place among the unit's results
    #: and whether they came from the cache (set by `analyze`; not stored).
    cache_key: bytes | None = None
    cache_index: int = 0
    cached: bool = False
    #: Its diagnostics offered, counted and formatted for the run's report by the worker that
    #: found them (``diagnostics`` is then empty: `lintnews.reporters.formatted`), or None.
    formatted: FormattedDocument | None = None
    #: Bytes of input the document came from, for the progress bar (`lintnews.progress`): its
    #: JSONL line; 0 for a file (the bar takes the file's size).
    size: int = 0


def analyze_document(
    doc: Document, lint: Lint, signer: Signer | None = None, keep_raw: bool = False
) -> Analysis:
    """Lint ``doc`` (rules, then suppressions), score it, give every diagnostic the score, and
    sign it for the corpus phase when a ``signer`` is given; keep its raw JSONL line when
    ``keep_raw`` (a split run writes records back)."""
    diagnostics = lint(doc)
    doc_score = score(doc, diagnostics)
    for d in diagnostics:
        d.document_score = doc_score
    signature = signer(doc, diagnostics) if signer is not None else None
    raw = doc.raw if keep_raw else None
    return Analysis(doc.path, doc.record, doc.record_line, diagnostics, doc_score, raw, signature)
