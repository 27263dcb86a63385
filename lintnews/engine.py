"""The engine: run the selected rules over a stream of documents and collect diagnostics.

Rules produce `Violation`s in text coordinates; the engine maps them to source positions and
attaches path, record and effective severity, producing the `Diagnostic`s reporters consume.
Per-document work is a pure function of (document, settings), so it can run in worker processes.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lintnews import regex_cache
from lintnews.config import ConfigError, Settings
from lintnews.diagnostics import REGION_CHARS, SNIPPET_CHARS, Diagnostic, Location, Severity
from lintnews.document import Document
from lintnews.registry import Rule, RuleTable, Violation, all_rules
from lintnews.selection import select_rules
from lintnews.suppress import UnusedSuppression, apply_suppressions

if TYPE_CHECKING:
    from lintnews.packs import PackSet


def to_diagnostic(doc: Document, v: Violation, severity: Severity) -> Diagnostic:
    lines = doc.lines
    line, column, end_column = v.line, v.column, v.end_column
    last = len(lines) - 1
    end_line = v.end_line if v.end_line < last else last
    source_map = doc.source_map
    identity = source_map.is_identity  # (text and source coordinates agree)
    if identity:  # (`SourceMap.extent` of the identity written out: nearly every finding)
        start_line, start_column, last_line = line + 1, column + 1, end_line + 1
        last_column = end_column + 1 if end_column > 0 else 1
    else:
        start_line, start_column, last_line, last_column = source_map.extent(
            line, column, end_line, end_column
        )
    related = []
    for r in v.related:
        if r.path is not None:
            related.append(
                Location(r.path, r.record, r.source_line or r.line + 1, r.source_column or r.column + 1)
            )
        else:
            pos = doc.to_source(r.line, r.column)
            related.append(Location(doc.path, doc.record, pos.line, pos.column))
    # (a finding on one line, most of them, takes its line without a slice and a join)
    joined = lines[line] if line == end_line and line >= 0 else "\n".join(lines[line : end_line + 1])
    snippet = joined[:SNIPPET_CHARS]
    region_text = None
    if len(joined) > SNIPPET_CHARS and doc.record is None and identity:
        end_offset = (
            len(joined) - len(lines[end_line]) + end_column if v.end_line <= end_line else len(joined)
        )
        if end_offset > SNIPPET_CHARS and end_offset - column <= REGION_CHARS:
            region_text = joined[column:end_offset]
    fix = v.fix
    fix_edits: tuple[tuple[int, int, int, int, str], ...] = ()
    fix_replaced: tuple[str, ...] = ()
    if fix is not None and identity:
        # (`Document.position` of both ends written out: a diagnostic in two has a fix)
        starts, text = doc.line_starts, doc.text
        if len(fix.edits) == 1:  # (nearly every fix: its tuples made at once, without lists)
            e = fix.edits[0]
            lo, hi = e.start, e.end
            a = bisect_right(starts, lo)  # 1-based lines; the end's from the start's on
            b = bisect_right(starts, hi, a)
            fix_edits = ((a, lo - starts[a - 1] + 1, b, hi - starts[b - 1] + 1, e.replacement),)
            fix_replaced = (text[lo:hi],)
        else:
            edits, replaced = [], []
            for e in fix.edits:
                lo, hi = e.start, e.end
                a, b = bisect_right(starts, lo), bisect_right(starts, hi)
                edits.append((a, lo - starts[a - 1] + 1, b, hi - starts[b - 1] + 1, e.replacement))
                replaced.append(text[lo:hi])
            fix_edits, fix_replaced = tuple(edits), tuple(replaced)
    # (an empty finding is shown one character wide, where its line has a character there)
    if last_line > start_line or (last_line == start_line and last_column > start_column):
        shown_end = last_column
    else:
        shown_end = start_column + (column < len(lines[line if line < last else last]))
    rule = v.rule
    # The fields in `Diagnostic`'s order (tests/test_worker_fast_paths.py checks it): one call
    # by position costs less than half of one by 18 keywords, once per finding. (Its fields read
    # once each into locals, the identity's extent and a one-line snippet written out: 3.8 ->
    # 3.3 us a finding, the 10,530 findings of c1k.)
    return Diagnostic(
        doc.path,
        doc.record,
        start_line,
        start_column,
        last_line if last_line > start_line else start_line,  # end_line
        shown_end,
        rule.code,
        rule.name,
        severity,
        v.message,
        fix,
        related,
        doc.record_line,
        snippet,
        None,  # document_score
        fix_edits,
        region_text,
        fix_replaced,
    )


def lint_document(doc: Document, table: RuleTable, settings: Settings) -> list[Diagnostic]:
    """All diagnostics of the per-document rules on one document, sorted by position."""
    out: list[Diagnostic] = []
    for rule in table.rules:
        if rule.corpus:
            continue
        try:
            for v in rule.check(doc, settings):
                out.append(to_diagnostic(doc, v, table.severity(rule, v)))
        except ConfigError:
            raise  # a broken pack or option is the user's to fix: stop with exit code 2
        except Exception as exc:  # a crashing rule must not abort the run
            out.append(internal_error(doc, rule, exc))
    try:
        out = apply_suppressions(doc, table, settings, out)
    except Exception as exc:  # a bad comment must not abort the run: E900, diagnostics unfiltered
        out.append(internal_error(doc, all_rules()[UnusedSuppression.code], exc))
    out.sort(key=lambda d: (d.line, d.column, d.code))
    return out


def internal_error(doc: Document, rule: Rule, exc: BaseException) -> Diagnostic:
    import traceback  # (here: a rule that fails is rare, and `traceback` costs start-up)

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    meta = all_rules()["E900"]
    return Diagnostic(
        path=doc.path,
        record=doc.record,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        code=meta.code,
        name=meta.name,
        severity=meta.severity,
        message=f"rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {exc}{where}",
        record_line=doc.record_line,
    )


def builtin_patterns(packs: PackSet) -> list[str]:
    """The patterns of the built-in phrase packs among ``packs``, each once, sorted (users'
    packs and ``extra-phrases`` are compiled as before, and do not change the kept file)."""
    from lintnews.packs import builtin_dir  # (a run answered from the cache loads no pack)

    folder = f"{builtin_dir()}{os.sep}"
    return sorted(
        {
            p
            for by_rule in packs.by_language.values()
            for found in by_rule.values()
            for e in found
            if e.source.startswith(folder)
            for p in e.patterns
        }
    )


@dataclass
class DocumentResult:
    document: Document
    diagnostics: list[Diagnostic]


class Linter:
    """Runs the rules selected by ``settings`` over documents; rule tables are cached per path
    because per-file ignores depend on it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._tables: dict[str, RuleTable] = {}
        self.base_table = select_rules(settings)

    def table(self, path: str) -> RuleTable:
        if not self.settings.per_file_ignores:
            return self.base_table
        table = self._tables.get(path)
        if table is None:
            if len(self._tables) > 10_000:
                self._tables.clear()
            table = self._tables[path] = select_rules(self.settings, path)
        return table

    def warm(self, imports: bool = True) -> None:
        """Do now what every process would do on its first documents: compile the phrase packs
        of every language (when a selected rule reads them), and whatever a selected rule loads
        once per process (a rule's ``warm(settings)``, e.g. T002's word lists). A check run
        calls this before it forks its worker processes, which then share what was made
        (copy-on-write) instead of each making it again. Nothing here changes an answer: it is
        what the lazy path would make.

        A small run in one process (a pre-commit hook on a few files) calls it too, without
        ``imports``: the packs' patterns, what their screens need and what the rules' patterns
        compile to come from kept files here (`kept_compiles`, `kept_facts`), where the lazy
        path made them from their sources, but the libraries some rules import in their
        ``warm`` (`Rule.warm_imports`) are left to the first document that needs them (a
        one-file check: 1,736 -> 900 M instructions), and only the screens of the languages it
        meets are built, from the kept facts (a small run without the facts file builds them all,
        and so writes it whole)."""
        from lintnews.packs.loading import load_packs  # (a run answered from the cache loads none)
        from lintnews.packs.pattern_facts import load_kept_facts

        rules = self.base_table.rules
        if any(rule.reads_packs for rule in rules):
            packs = load_packs(self.settings)
            # (compiling the built-in packs' ~390 patterns took ~85 ms: `re` gets them built
            # from a kept file instead, `lintnews.regex_cache`)
            regex_cache.compile_all("packs", [(p, 0) for p in builtin_patterns(packs)], share=True)
            # A small run builds the screens of the languages it meets alone, from the kept facts
            # (a one-document check: 1,181 -> 1,019 M instructions with session 45's languages);
            # without a facts file it builds them all, which writes the file whole.
            if imports or not load_kept_facts():
                packs.compile_all()
        for rule in rules:
            if imports or not rule.warm_imports:
                rule.warm(self.settings)

    def lint(self, doc: Document) -> DocumentResult:
        return DocumentResult(doc, lint_document(doc, self.table(doc.path), self.settings))
