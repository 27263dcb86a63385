"""A document's diagnostics formatted where they were found: in the worker process.

In a parallel check run every diagnostic used to travel from its worker to the main process as
an object (pickled, ~200 bytes, and ~5 us to unpickle), to be counted there and formatted into
one line of the report. When nothing in the main process needs the objects (a streaming format,
no baseline, no statistics, nothing fixed or split: `lintnews.run.CheckRun.document_format`), the
worker does both instead, by the same functions in the same order as `CheckRun.report` and
`StreamWriter.write`: offer the fix (`FixPolicy.offer`), count (`Tally.add`), format
(`format_diagnostic`). It sends the document's text and counts (`FormattedDocument`), which
the main process adds to its tally and holds for its output as they are.

A re-run answered from the result cache does the same for a one-line report (``text``, ``full
--quiet``) straight from the cache's rows (`DocumentFormat.format_briefs`): what each line shows
of a finding, checked field by field as the cache checks a diagnostic (`lintnews.cache.rows.
briefs`), without making the diagnostic at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lintnews.diagnostics import Brief, Diagnostic, Severity
from lintnews.fixes.apply import FixPolicy
from lintnews.reporters import structured, text
from lintnews.reporters.base import Tally, diagnostic_json, place, printable

if TYPE_CHECKING:
    from lintnews.cache.entries import PlacedBrief


def format_diagnostic(d: Diagnostic, fmt: str, color: bool, quiet: bool, unsafe_fixes: bool) -> str:
    """``d`` in the streaming format ``fmt`` (``text``, ``full``, ``json``, ``jsonl``, ``github``),
    ``unsafe_fixes``: whether ``[*]`` marks unsafe fixes too. A ``json`` array's element
    without its separator (`lintnews.reporters.StreamWriter` writes those)."""
    if fmt == "text":
        return text.diagnostic_line(d, color, unsafe_fixes) + "\n"
    if fmt == "full":
        if quiet:
            return text.diagnostic_line(d, color, unsafe_fixes) + "\n"
        return text.full_block(d, color, unsafe_fixes)
    if fmt == "jsonl":
        return diagnostic_json(d) + "\n"
    if fmt == "github":
        return structured.github_line(d)
    assert fmt == "json", fmt
    return "\n".join("  " + line for line in diagnostic_json(d, indent=True).split("\n"))


@dataclass
class FormattedDocument:
    """A document's diagnostics as the report shows them and as its summary counts them."""

    #: Their text, in order (``json``: the elements joined by ``",\\n"``).
    text: str
    tally: Tally

    def __reduce__(self) -> tuple[Any, ...]:
        return FormattedDocument, (self.text, self.tally)


@dataclass(frozen=True)
class DocumentFormat:
    """How a worker formats a document's diagnostics for a run's report (see the module)."""

    fmt: str
    color: bool
    quiet: bool
    #: Whether ``[*]`` marks unsafe fixes (`StreamWriter.unsafe_fixes`).
    unsafe_fixes: bool
    #: The run's fix policy: which fixes it offers, and whether unsafe ones count as fixable.
    policy: FixPolicy

    def format(self, diagnostics: Sequence[Diagnostic]) -> FormattedDocument:
        """Offer, count and format ``diagnostics`` (their fixes are taken off where the policy
        does not offer them, as the main process does before reporting them)."""
        self.policy.offer_all(diagnostics)
        tally = Tally()
        tally.add_all(diagnostics, self.policy.unsafe)
        fmt, color, quiet, unsafe = self.fmt, self.color, self.quiet, self.unsafe_fixes
        if fmt == "text":  # (most runs: the place of the document's lines made printable once)
            return FormattedDocument(text.diagnostic_lines(diagnostics, color, unsafe), tally)
        pieces = [format_diagnostic(d, fmt, color, quiet, unsafe) for d in diagnostics]
        return FormattedDocument((",\n" if fmt == "json" else "").join(pieces), tally)

    @property
    def brief(self) -> bool:
        """Whether the report shows one line a diagnostic (``text``, ``full`` with ``--quiet``),
        which `format_briefs` makes from what the result cache stores."""
        return self.fmt == "text" or (self.fmt == "full" and self.quiet)

    def format_briefs(self, briefs: Sequence[Brief], path: str, record: str | None) -> FormattedDocument:
        """`format` of the diagnostics of a document (``path``, ``record``) that the result cache
        gives as `Brief` tuples, for a `brief` report: the same offer, counts and lines, and no
        diagnostic made (a re-run of the 200 MB crawl corpus reports a quarter of a million)."""
        if self.color:
            shown, fixable, hidden = self._shown(briefs)
            lines = text.lines_at(place(path, record), shown, True)
        else:
            lines, fixable, hidden = self._lines(briefs, place(path, record))
        tally = Tally(
            len(briefs), _severities(briefs), fixable, hidden, {(path, record)} if briefs else set()
        )
        return FormattedDocument(lines, tally)

    def _lines(self, briefs: Sequence[Brief], where: str) -> tuple[str, int, int]:
        """`text.lines_at` (without colour) of what `_shown` gives, made in its loop: a tuple
        and a loop a finding less (a cached re-run formats a quarter of a million); and the
        counts `_shown` gives."""
        offered: dict[str, bool] = {}
        allows, unsafe, marks = self.policy.allows_rule, self.policy.unsafe, self.unsafe_fixes
        lines: list[str] = []
        append = lines.append
        fixable = hidden = 0
        for line, column, code, _, message, safe in briefs:
            mark = ""
            if safe is not None:
                if code not in offered:
                    offered[code] = allows(code, True)
                if offered[code]:
                    if safe or unsafe:
                        fixable += 1
                    else:
                        hidden += 1
                    if safe or marks:
                        mark = " [*]"
            append(
                f"{where}:{line}:{column}: {code}{mark} "
                f"{message if message.isprintable() else printable(message)}\n"
            )
        return "".join(lines), fixable, hidden

    def _shown(self, briefs: Sequence[Brief]) -> tuple[list[text.Shown], int, int]:
        """What the lines of ``briefs`` show (`text.Shown`), after `FixPolicy.offer_all`'s
        question (asked once a rule), and how many of their fixes ``--fix`` applies and how
        many unsafe ones it leaves."""
        offered: dict[str, bool] = {}
        allows, unsafe, marks = self.policy.allows_rule, self.policy.unsafe, self.unsafe_fixes
        shown: list[text.Shown] = []
        fixable = hidden = 0
        for line, column, code, severity, message, safe in briefs:
            if safe is not None:
                if code not in offered:
                    offered[code] = allows(code, True)
                if not offered[code]:
                    safe = None
                elif safe or unsafe:
                    fixable += 1
                else:
                    hidden += 1
            shown.append((line, column, code, severity, safe is not None and (safe or marks), message))
        return shown, fixable, hidden

    def format_placed(self, found: Sequence[PlacedBrief], batch: int = 1000) -> Iterator[FormattedDocument]:
        """`format_briefs` of findings of several documents (the corpus phase's, from the result
        cache), each run of one document's together, as `format` of the same diagnostics gives
        them, ``batch`` findings (or a few more) at a time, counted in one tally a batch (most
        documents have one finding here: a tally each cost more than its line)."""
        texts: list[str] = []
        fixable = hidden = 0
        affected: set[tuple[str, str | None]] = set()
        first = start = 0  # (the batch's first finding, the document's)
        end = len(found)
        for i in range(1, end + 1):
            path, record, _ = found[start]
            if i < end and found[i][0] == path and found[i][1] == record:
                continue
            shown, more_fixable, more_hidden = self._shown([b for _, _, b in found[start:i]])
            texts.append(text.lines_at(place(path, record), shown, self.color))
            fixable, hidden = fixable + more_fixable, hidden + more_hidden
            affected.add((path, record))
            start = i
            if i - first >= batch or i == end:
                briefs = [b for _, _, b in found[first:i]]
                yield FormattedDocument(
                    "".join(texts), Tally(i - first, _severities(briefs), fixable, hidden, affected)
                )
                texts, fixable, hidden, affected, first = [], 0, 0, set(), i


def _severities(briefs: Sequence[Brief]) -> Counter[Severity]:
    """How many of ``briefs`` have each severity (counted a severity at a time: a `Counter` of
    the list checks it against the `Mapping` ABC, once a document of a cached re-run)."""
    listed = [b[3] for b in briefs]
    counts: Counter[Severity] = Counter()
    for severity in set(listed):
        counts[severity] = listed.count(severity)
    return counts
