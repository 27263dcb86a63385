"""What a check run is asked to do (`CheckOptions`, built by the CLI) and what it returns
(`RunResult`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lintnews.diagnostics import Diagnostic
from lintnews.gate import DocumentSummary
from lintnews.reporters.base import Tally
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
    jobs: int = 1
    #: Result cache folder (None: no cache).
    cache_dir: str | None = None
    #: Persistent near-duplicate index to check against (`lintnews.index`), and whether to add
    #: the documents that pass the gate to it once the run completes.
    index: str | None = None
    index_update: bool = False

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff or self.fix_only


@dataclass
class RunResult:
    #: The diagnostics, only when the run was not given a sink to stream them to.
    diagnostics: list[Diagnostic]
    errors: list[InputError]
    documents: int
    fixed: int = 0
    #: Counts of the reported diagnostics (after the baseline).
    tally: Tally = field(default_factory=Tally)
    #: Whether a reported diagnostic is at or above the failing severity.
    failing: bool = False
    #: Per-document summaries (only kept when statistics were asked for).
    summaries: list[DocumentSummary] = field(default_factory=list)
    #: Documents whose score is below ``--min-score``.
    low_scores: list[DocumentSummary] = field(default_factory=list)
    #: How many of ``errors`` are inputs that could not be read (the rest: fixes or outputs
    #: that failed).
    unreadable: int = 0
    baseline_written: bool = False
    baseline_matched: int = 0
    baseline_gone: int = 0
    split_counts: tuple[int, int] | None = None
    stats: dict[str, object] | None = None
    #: Documents added to the index (--index-update).
    indexed: int = 0
