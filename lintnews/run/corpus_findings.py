"""The corpus phase's findings of a check run, reported after its last document; and the
signature of a document answered from the result cache made again (`sign_again`).

A re-run whose corpus result is in the result cache and whose report prints one line a finding
(and needs nothing else of them: `CheckRun.document_format`) formats them from what the cache
holds (`CorpusIndex.cached_briefs`), every field checked as for a diagnostic, none made, as it
does the documents' own findings; otherwise they are diagnostics, reported one by one or
formatted a thousand at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lintnews.analysis import Analysis
from lintnews.cache import seal
from lintnews.diagnostics import Diagnostic
from lintnews.sources import InputError
from lintnews.work_units import iter_units

if TYPE_CHECKING:
    from lintnews.corpus.signature import DocSignature
    from lintnews.reporters.formatted import FormattedDocument
    from lintnews.run.check_run import CheckRun


def report_corpus(run: CheckRun) -> dict[str, set[int]]:
    """Report the corpus phase's findings, in order; return the JSONL records ``--fix`` leaves
    out of the cleaned corpus as copies (`CheckRun.dropped`), their lines by path."""
    drop: dict[str, set[int]] = {}
    index, fmt = run.signatures, run.formatting
    if index is None:
        return drop
    # (as a document's: its report as formatted, sealed in the result cache: `lintnews.cache.seal`)
    sealed = (
        seal.CorpusReport(index, run.options.cache_dir, fmt) if fmt is not None and run.gate is None else None
    )
    parts = sealed.parts() if sealed is not None else None
    if parts is not None:
        for part in parts:
            run.report_formatted(part)
        return drop
    briefs = index.cached_briefs() if fmt is not None and fmt.brief and run.gate is None else None
    if briefs is not None:
        assert fmt is not None
        for part in fmt.format_placed(briefs):
            run.report_formatted(part)
        return drop
    batch: list[Diagnostic] = []  # (with `formatting`: reported a thousand at a time)
    made: list[FormattedDocument] = []
    for d in index.finish():
        if run.dropped(d):
            drop.setdefault(d.path, set()).add(d.record_line)  # type: ignore[arg-type]
        elif fmt is None:
            run.report(d)
        else:
            batch.append(d)
            if len(batch) == 1000:
                made.append(fmt.format(batch))
                run.report_formatted(made[-1])
                batch = []
    if batch and fmt is not None:
        made.append(fmt.format(batch))
        run.report_formatted(made[-1])
    if sealed is not None and not drop:
        sealed.store(made)
    return drop


def sign_again(run: CheckRun, path: str, record_line: int | None) -> DocSignature | None:
    """The corpus signature of the document at ``path`` (its JSONL record at ``record_line``),
    read and analysed again here: a document answered from the result cache whose signatures
    entry, read when the corpus phase's result was not cached, did not check out (the cache is
    untrusted input) or was gone. None when the document is not there any more."""
    for unit in iter_units([path], run.settings):
        if not isinstance(unit, InputError) and (unit[1] if len(unit) == 3 else None) == record_line:
            ((items, _),) = run.analyzer.analyze_units([unit])
            return next((item.signature for item in items if isinstance(item, Analysis)), None)
    return None
