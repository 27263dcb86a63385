"""`CheckRun`: the pipeline of one ``lintnews check`` run, top to bottom: `process` takes each
document (or input error) from the sources, lints or fixes it, scores it and feeds the gate
outputs; `finish` runs the corpus phase, applies the baseline and closes the outputs.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from lintnews.analysis import Analysis, Signer, analyze_document
from lintnews.api import Linter
from lintnews.config import Settings
from lintnews.corpus.options import droppable_codes
from lintnews.corpus.phase import make_signer
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.document import Document
from lintnews.gate import Baseline, DocumentSummary, OutputError, RuleCounts, Splitter
from lintnews.gcpace import paused_in_run
from lintnews.parallel import Analyzer, analyze
from lintnews.reporters import StreamWriter
from lintnews.reporters.base import fix_applies
from lintnews.reporters.formatted import DocumentFormat, FormattedDocument
from lintnews.run.corpus_findings import report_corpus, sign_again
from lintnews.run.guards import cache_problem, stop_exception
from lintnews.run.options import CheckOptions, RunResult
from lintnews.sources import InputError, SpooledRecord, iter_documents

if TYPE_CHECKING:
    from lintnews.corpus.index import CorpusIndex
    from lintnews.fixes.fixer import Fixer
    from lintnews.index.gate import IndexedCorpus


class CheckRun:
    def __init__(
        self,
        settings: Settings,
        options: CheckOptions,
        emit: Callable[[str], object] = sys.stdout.write,
        on_error: Callable[[InputError], object] = lambda e: None,
        sink: Callable[[Diagnostic], None] | None = None,
        on_warning: Callable[[str], None] = lambda message: None,
        emit_bytes: Callable[[bytes], None] | None = None,
        flush: Callable[[], object] = lambda: None,
        writer: StreamWriter | None = None,
    ) -> None:
        """``sink`` receives every reported diagnostic as it is found (after the baseline);
        without one, they are collected in ``result.diagnostics``. ``writer``: the report's
        `StreamWriter` when ``sink`` is its `write`: worker processes and the cache may then
        format its text (`document_format`). ``flush`` is called after
        each document's diagnostics and after the corpus phase's: the sink may hold what it
        got until then (`lintnews.reporters.StreamWriter` writes a document at once).
        ``on_warning`` gets what is worth saying but fails nothing (a JSONL corpus ``--fix``
        leaves alone, no cache)."""
        self.settings = settings
        self.options = options
        self.on_error = on_error
        self.on_warning = on_warning
        if options.cache_dir is not None and not options.fixing:
            problem = cache_problem(options.cache_dir)
            if problem is not None:
                on_warning(f"{options.cache_dir}: cannot use the result cache: {problem}; linting without it")
                options.cache_dir = None
        # The public API's linter (`lintnews.api`): the CLI lints documents as the API does.
        self.linter = Linter(settings, unsafe_fixes=options.unsafe_fixes)
        self.policy = self.linter.policy
        self.threshold = Severity.parse(settings.fail_on)
        self.fixer: Fixer | None = None
        if options.fixing:
            from lintnews.fixes.fixer import Fixer  # (with `output` and `difflib`: fixing runs only)

            self.fixer = Fixer(
                self.linter.diagnostics,
                self.policy,
                settings,
                options.diff,
                options.output_dir,
                emit,
                options.stdin_name,
                emit_bytes,
            )
        self.splitter: Splitter | None = None
        if options.accepted_output or options.rejected_output:
            self.splitter = Splitter(options.accepted_output, options.rejected_output)
        self.baseline = Baseline.load(options.baseline) if options.baseline else None
        if self.baseline is not None:
            self.baseline.start()
        self.new_baseline = Baseline.for_file(options.write_baseline) if options.write_baseline else None
        self.rule_counts = RuleCounts()
        #: Documents that are not JSONL records, which --accepted/--rejected-output cannot copy.
        self.unsplit = 0
        #: With --statistics, each document's summary by (path, record, record line).
        self.summary_of: dict[tuple[str, str | None, int | None], DocumentSummary] = {}
        self.result = RunResult([], [], 0)
        self.sink = sink if sink is not None else self.result.diagnostics.append
        #: The `StreamWriter` that ``sink`` writes to, if it is one's `write` (`document_format`).
        self.writer = writer
        #: How each document's diagnostics are reported, all at once, when `run` found that
        #: they may be (`document_format`): by the workers, and here those of the others.
        self.formatting: DocumentFormat | None = None
        self.flush = flush
        # --- corpus phase: signer and index (lintnews.corpus) ---
        # (`lintnews.corpus.index` and `lintnews.index`, which need numpy, are imported only
        # for a run with the corpus phase: a run without it starts ~80 ms sooner)
        if options.index is not None:
            from lintnews.index.gate import index_settings

            settings = self.settings = index_settings(settings)
        #: Corpus-phase signature function (set when the corpus phase runs).
        self.signer: Signer | None = make_signer(settings, enabled=options.corpus)
        #: The index that folds the signatures as they come (set when the corpus phase runs),
        #: and with --index, the same index as the near-duplicate index's gate.
        self.signatures: CorpusIndex | None = None
        self.gate: IndexedCorpus | None = None
        #: With --index-update: documents (path, record) that fail the gate, not added.
        self.gated: set[tuple[str, str | None]] = set()
        if self.signer is not None and options.index is not None:
            from lintnews.index.gate import IndexedCorpus

            gate = IndexedCorpus(settings, options.cache_dir, options.index, options.index_update)
            if gate.scheme_warning:
                on_warning(gate.scheme_warning)
            self.signatures = self.gate = gate
        elif self.signer is not None:
            from lintnews.corpus.index import CorpusIndex

            self.signatures = CorpusIndex(settings, options.cache_dir)
        if self.signatures is not None:
            self.signatures.jobs = options.jobs  # (the cores the index's finish may use)
            self.signatures.sign_again = functools.partial(sign_again, self)
        # --- end corpus phase: signer and index ---
        self.analyzer = Analyzer(
            settings, self.splitter is not None, self.signer, None, None, options.stdin_name, self.linter
        )
        #: The signal that asked the run to stop, if any (see `lintnews.cli.interrupt_on_sigterm`).
        self.stopped: Callable[[], int | None] = lambda: None

    # --- per document ---------------------------------------------------------------------

    def error(self, error: InputError, unreadable: bool = False) -> None:
        """Report a problem; ``unreadable``: an input that could not be read (which
        ``--exit-zero`` forgives), not a failure of the run to fix or write something."""
        if error.incomplete and self.fixer is not None and self.fixer.abandon(error.path):
            # A cleaned copy of a corpus read only in part would lose its last records.
            error = replace(
                error, message=f"{error.message}; no cleaned copy written to {self.options.output_dir}"
            )
        self.result.errors.append(error)
        self.result.unreadable += unreadable
        self.on_error(error)
        if error.raw is not None and error.line is not None:
            if self.fixer is not None:
                problem = self.fixer.copy_unreadable(error.path, error.raw, error.line)
                if problem:
                    self.error(InputError(error.path, problem))
            if self.splitter is not None:
                self.splitter.add(error.raw, error.path, f"line {error.line}", rejected=True)
            if isinstance(error.raw, SpooledRecord):
                error.raw.close()  # copied: its temporary file need not last the run

    def process(self, item: Document | InputError) -> None:
        """Lint (or fix) one document in this process."""
        if isinstance(item, InputError):
            self.error(item, unreadable=True)
            return
        doc = item
        if self.fixer is None:
            self.accept(self.analyzer.analyze_document(doc))
            return
        found, problem, fixed = self.fixer.process(doc)
        for warning in self.fixer.take_warnings():
            self.on_warning(warning)
        if problem:
            self.error(InputError(doc.path, problem, doc.record, doc.record_line))
        # Score and sign the fixed document: what ``found`` is positioned in, and what the corpus now holds.
        self.accept(analyze_document(fixed, lambda _: found, self.signer, self.splitter is not None))

    def report(self, d: Diagnostic) -> None:
        """One finding, in output order: baseline, counts, gate, then the sink."""
        if self.new_baseline is not None:
            self.new_baseline.add(d)
        if self.baseline is not None and self.baseline.known(d):
            return
        self.linter.offer_fix(d)  # `unfixable` (or not `fixable`): no fix to offer, as in ruff
        self.result.tally.add(d, self.policy.unsafe)
        if d.severity >= self.threshold:
            self.result.failing = True
            if self.options.index_update:
                self.gated.add((d.path, d.record))
            if self.splitter is not None:
                self.splitter.reject(d.path, d.record)
        if self.options.statistics:
            self.rule_counts.add(d, fix_applies(d, self.policy.unsafe))
            summary = self.summary_of.get((d.path, d.record, d.record_line))
            if summary is not None:  # (corpus findings arrive after their document)
                summary.diagnostics += 1
        if self.fixer is not None and self.fixer.copies:
            d = self.in_copy(d)
        self.sink(d)

    def document_format(self) -> DocumentFormat | None:
        """How worker processes may format each document's diagnostics for the report, as
        `report` then the writer would (offer the fix, count, format), when this process needs
        nothing else of them: no baseline to match or write, no statistics, nothing fixed,
        split or gated, and a streaming format written by the writer itself; else None."""
        needing = (self.fixer, self.baseline, self.new_baseline, self.splitter)
        if any(x is not None for x in needing) or self.options.statistics or self.options.index_update:
            return None
        return None if self.writer is None else self.writer.document_format(self.policy)

    def report_formatted(self, formatted: FormattedDocument) -> None:
        """A document's findings formatted by `formatting` (in a worker, or here): `report`'s
        counts and gate, then its text to the writer."""
        assert self.writer is not None
        tally = formatted.tally
        self.result.tally.merge(tally)
        if max(tally.by_severity, default=0) >= self.threshold:
            self.result.failing = True
        self.writer.write_formatted(formatted)
        self.flush()

    def in_copy(self, d: Diagnostic) -> Diagnostic:
        """``d`` pointing at the fixed copies in ``--output-dir`` that its positions are in."""
        assert self.fixer is not None
        shown = self.fixer.shown_path
        related = [replace(r, path=shown(r.path)) for r in d.related]
        return replace(d, path=shown(d.path), related=related)

    def accept(self, analysis: Analysis) -> None:
        """Book-keeping for one analysed document, in input order."""
        self.result.documents += 1
        # `diagnostics` counts what is reported (`report`): after the baseline, corpus findings
        # included, as the summary line and the statistics count them. After `--fix --output-dir`
        # the document is its fixed copy (`in_copy`). (Made only when statistics or a low score
        # need it: a document of a cached re-run costs little more than making one.)
        low = self.options.min_score is not None and analysis.score < self.options.min_score
        summary = None
        if self.options.statistics or low:
            shown = analysis.path if self.fixer is None else self.fixer.shown_path(analysis.path)
            summary = DocumentSummary(shown, analysis.record, analysis.score, 0, analysis.record_line)
        if self.options.statistics and summary is not None:
            self.result.summaries.append(summary)
            self.summary_of[(analysis.path, analysis.record, analysis.record_line)] = summary
        if analysis.formatted is not None:
            self.report_formatted(analysis.formatted)
        elif self.formatting is not None and analysis.diagnostics:  # (cached, or linted here)
            self.report_formatted(self.formatting.format(analysis.diagnostics))
        else:
            for d in analysis.diagnostics:
                self.report(d)
            if analysis.diagnostics:
                self.flush()
        if low and summary is not None:
            self.result.low_scores.append(summary)
            if self.options.index_update:
                self.gated.add((analysis.path, analysis.record))
        if self.splitter is not None:
            if analysis.record is not None:
                self.splitter.add(analysis.raw or b"", analysis.path, analysis.record, rejected=low)
            else:
                self.unsplit += 1  # a file: linted and reported, in neither output
        if self.signatures is None:
            pass
        elif analysis.signature is not None:
            self.signatures.append(analysis.signature, analysis.cache_key, analysis.cache_index)
        elif analysis.cached and analysis.cache_key is not None:
            place = (analysis.path, analysis.record, analysis.record_line)  # (left in the cache for now)
            self.signatures.defer(analysis.cache_key, analysis.cache_index, place)

    def run(
        self, paths: list[str], wrap: Callable[[Iterator[Any]], Iterator[Any]] = lambda it: it
    ) -> RunResult:
        """Analyse everything under ``paths``: in parallel with the cache when only linting, in
        this process when fixing (fixes rewrite files)."""
        if self.fixer is not None:
            self.fixer.start(paths)
        self.formatting = self.document_format()
        try:
            if self.fixer is not None or "-" in paths:
                # An output folder inside a linted folder (from an earlier run) is not linted and copied.
                skip = [self.options.output_dir] if self.options.output_dir else []
                keep = self.splitter is not None or self.fixer is not None and self.fixer.staging is not None
                for item in wrap(iter_documents(paths, self.settings, self.options.stdin_name, skip, keep)):
                    self.process(item)
                    self.check_stopped()
            else:
                stream = analyze(
                    paths,
                    self.settings,
                    self.options.jobs,
                    keep_raw=self.splitter is not None,
                    signer=self.signer,
                    cache_dir=self.options.cache_dir,
                    stdin_name=self.options.stdin_name,
                    on_warning=self.on_warning,
                    document_format=self.formatting,
                )
                for item in wrap(stream):
                    if isinstance(item, InputError):
                        self.error(item, unreadable=True)
                    else:
                        self.accept(item)
            self.finish()
        except BaseException as exc:
            if self.fixer is not None:
                self.fixer.finish(error=exc)
            raise
        return self.result

    def check_stopped(self) -> None:
        """Stop, as the signal handler would, once a stop signal was received."""
        signum = self.stopped()
        if signum:
            raise stop_exception(signum)

    # --- at the end -----------------------------------------------------------------------

    def finish(self) -> None:
        result = self.result
        # --- corpus phase (lintnews.corpus) ---
        # (collector paused, as for each chunk: no reference cycles; its passes walked the findings)
        with paused_in_run():
            drop = report_corpus(self)
        self.flush()  # (also what a run that reports corpus findings itself, Spark's, reported)
        # --- end corpus phase ---
        if self.fixer is not None:
            from lintnews.fixes.output import WriteError

            self.check_stopped()
            self.fixer.fixed += sum(len(lines) for lines in drop.values())
            try:
                # --output-dir appears here, whole; a run that fails before this point leaves none.
                self.fixer.finish(drop)
            except WriteError as exc:
                self.error(InputError(self.options.output_dir or "-", str(exc)))
            result.fixed = self.fixer.fixed
        if self.new_baseline is not None and self.options.write_baseline:
            try:
                self.new_baseline.write(self.options.write_baseline)
                result.baseline_written = True
            except OutputError as exc:
                self.error(InputError(exc.path, exc.message))
        if self.baseline is not None:
            result.baseline_matched, result.baseline_gone = self.baseline.matched, self.baseline.gone
        if self.splitter is not None:
            self.finish_split()
        if self.options.statistics:
            result.stats = self.rule_counts.statistics(result.summaries)
        if self.gate is not None:  # last: only a run that completes updates it
            self.check_stopped()
            result.indexed = self.gate.commit(self.gated)

    def finish_split(self) -> None:
        """Write --accepted-output and --rejected-output, which copy JSONL records: with only
        other documents (Markdown, HTML, text) there is nothing to split, and writing two empty
        files would look like a batch that was split; that is an error instead (exit 2)."""
        assert self.splitter is not None
        outputs = [p for p in (self.options.accepted_output, self.options.rejected_output) if p]
        documents = f"{self.unsplit} document{'s' if self.unsplit != 1 else ''}"
        if self.unsplit and not self.splitter.records:
            self.error(
                InputError(
                    " and ".join(outputs),
                    f"not written: --accepted-output and --rejected-output copy JSONL records, and the {documents} "
                    "linted are files, not records",
                )
            )
            return
        if self.unsplit:
            self.on_warning(f"{documents} that are not JSONL records are in neither {' nor '.join(outputs)}")
        try:
            self.result.split_counts = self.splitter.finish()
        except OutputError as exc:  # neither output is written (each appears whole or not at all)
            self.error(InputError(exc.path, f"{exc.message} (nothing of the split written)"))

    def dropped(self, d: Diagnostic) -> bool:
        """Whether the fix of a corpus diagnostic applies: a record reported as a copy (N001,
        N002) is left out of the cleaned corpus `--fix --output-dir` writes, an unsafe fix."""
        if self.fixer is None or d.code not in droppable_codes() or d.record_line is None:
            return False
        writer = self.fixer.writers.get(d.path)
        return (
            writer is not None
            # A record met twice (its file read twice) is its own "copy": dropping it would drop
            # the kept copy too. Inputs are read once (`iter_paths`); this guards the corpus.
            and d.record_line not in writer.rereads
            # The copy it repeats must be written: not in a corpus whose cleaned copy was given up.
            and all(self.fixer.writes(r.path) for r in d.related)
            and self.policy.allows_rule(d.code, safe=False)
        )

    def failed(self, exit_zero: bool) -> bool:
        """Whether the run fails the gate (exit code 1)."""
        if exit_zero or self.options.fix_only:
            return False
        return bool(self.result.low_scores) or self.result.failing
