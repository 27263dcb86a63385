"""One ``lintnews check`` run: documents in, diagnostics and side outputs out.

The pipeline reads top to bottom: `CheckRun.process` takes each document (or input error) from
the sources, lints or fixes it, scores it and feeds the gate outputs; `CheckRun.finish` runs the
corpus phase, applies the baseline and closes the outputs. The CLI only parses options, builds a
`CheckOptions` and prints what `finish` returns.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Diagnostic, Linter
from lintnews.fixes import Fixer, FixPolicy
from lintnews.gate import Baseline, DocumentSummary, Splitter, score, statistics
from lintnews.registry import Severity
from lintnews.sources import InputError


@dataclass
class CheckOptions:
    fix: bool = False
    diff: bool = False
    fix_only: bool = False
    unsafe_fixes: bool | None = None
    output_dir: str | None = None
    stdin_name: str = "-"
    baseline: str | None = None
    write_baseline: str | None = None
    min_score: int | None = None
    accepted_output: str | None = None
    rejected_output: str | None = None
    statistics: bool = False
    corpus: bool = True

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff or self.fix_only


@dataclass
class RunResult:
    diagnostics: list[Diagnostic]
    errors: list[InputError]
    documents: int
    fixed: int = 0
    #: Per-document summaries (only kept when statistics were asked for).
    summaries: list[DocumentSummary] = field(default_factory=list)
    #: Documents whose score is below ``--min-score``.
    low_scores: list[DocumentSummary] = field(default_factory=list)
    baseline_matched: int = 0
    baseline_gone: int = 0
    split_counts: tuple[int, int] | None = None
    stats: dict[str, object] | None = None


class CheckRun:
    def __init__(
        self,
        settings: Settings,
        options: CheckOptions,
        emit: Callable[[str], None] = sys.stdout.write,
        on_error: Callable[[InputError], None] = lambda e: None,
    ) -> None:
        self.settings = settings
        self.options = options
        self.on_error = on_error
        self.linter = Linter(settings)
        self.policy = FixPolicy.from_settings(settings, options.unsafe_fixes)
        self.threshold = Severity.parse(settings.fail_on)
        self.fixer: Fixer | None = None
        if options.fixing:
            self.fixer = Fixer(
                lambda d: self.linter.lint(d).diagnostics,
                self.policy,
                settings,
                options.diff,
                options.output_dir,
                emit,
                options.stdin_name,
            )
        self.splitter: Splitter | None = None
        if options.accepted_output or options.rejected_output:
            self.splitter = Splitter(options.accepted_output, options.rejected_output)
        self.baseline = Baseline.load(options.baseline) if options.baseline else None
        self.result = RunResult([], [], 0)

    # --- per document ---------------------------------------------------------------------

    def error(self, error: InputError) -> None:
        self.result.errors.append(error)
        self.on_error(error)
        if error.raw is not None and error.line is not None:
            if self.fixer is not None:
                self.fixer.copy_unreadable(error.path, error.raw, error.line)
            if self.splitter is not None:
                self.splitter.add(error.raw, error.path, f"line {error.line}", rejected=True)

    def process(self, item: Document | InputError) -> None:
        if isinstance(item, InputError):
            self.error(item)
            return
        doc = item
        self.result.documents += 1
        if self.fixer is None:
            found = self.linter.lint(doc).diagnostics
        else:
            found, problem = self.fixer.process(doc)
            if problem:
                self.error(InputError(doc.path, problem, doc.record, doc.record_line))
        self.result.diagnostics.extend(found)
        doc_score = score(doc, found)
        for d in found:
            d.document_score = doc_score
        summary = DocumentSummary(doc.path, doc.record, doc_score, len(found), doc.record_line)
        if self.options.statistics:
            self.result.summaries.append(summary)
        low = self.options.min_score is not None and doc_score < self.options.min_score
        if low:
            self.result.low_scores.append(summary)
        if self.splitter is not None and doc.record is not None:
            self.splitter.add(doc.cache.get("raw", b""), doc.path, doc.record, rejected=low)

    def run(self, items: Iterable[Document | InputError]) -> RunResult:
        try:
            for item in items:
                self.process(item)
            self.finish()
        except BaseException as exc:
            if self.fixer is not None:
                self.fixer.finish(error=exc)
            raise
        return self.result

    # --- at the end -----------------------------------------------------------------------

    def finish(self) -> None:
        result = self.result
        # --- corpus phase (lintnews.corpus) ---
        # --- end corpus phase ---
        if self.fixer is not None:
            self.fixer.finish()
            result.fixed = self.fixer.fixed
        if self.options.write_baseline:
            Baseline.from_diagnostics(result.diagnostics).write(self.options.write_baseline)
        if self.baseline is not None:
            result.diagnostics, result.baseline_matched, result.baseline_gone = self.baseline.filter(result.diagnostics)
        if self.splitter is not None:
            for d in result.diagnostics:
                if d.severity >= self.threshold:
                    self.splitter.reject(d.path, d.record)
            result.split_counts = self.splitter.finish()
        if self.options.statistics:
            result.stats = statistics(result.diagnostics, result.summaries)

    def failed(self, exit_zero: bool) -> bool:
        """Whether the run fails the gate (exit code 1)."""
        if exit_zero or self.options.fix_only:
            return False
        if self.result.low_scores:
            return True
        return any(d.severity >= self.threshold for d in self.result.diagnostics)
