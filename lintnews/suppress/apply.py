"""Applying suppressions: which diagnostics of a document each directive hides, by position, and
the E901 diagnostics for directives (or codes of them) that hid nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic
from lintnews.document import Document
from lintnews.registry import Rule, RuleTable, all_rules
from lintnews.selection import matches
from lintnews.suppress.directives import UNSUPPRESSIBLE, Directive, comment_directives, record_directive
from lintnews.suppress.rules import SuppressionWithoutReason, UnusedSuppression

# --- applying them ----------------------------------------------------------------------------


def apply_suppressions(
    doc: Document, table: RuleTable, settings: Settings, diagnostics: list[Diagnostic]
) -> list[Diagnostic]:
    """``diagnostics`` minus the suppressed ones, plus E901/E902 reports about the suppressions.
    The engine reports a failure here as E900 (`lintnews.engine.lint_document`)."""
    directives = comment_directives(doc)
    rec = record_directive(doc, settings)
    if rec is not None:
        directives.append(rec)
    if not directives:
        return diagnostics
    rules = all_rules()
    sweep = _Sweep(directives, rules)
    suppressed = [False] * len(diagnostics)
    order = sorted(range(len(diagnostics)), key=lambda k: (diagnostics[k].line, diagnostics[k].column))
    for k in order:
        diag = diagnostics[k]
        sweep.advance(diag.line, diag.column)
        if diag.code in rules and diag.code not in UNSUPPRESSIBLE:
            suppressed[k] = sweep.covers(diag.line, diag.code)
    kept = [diag for diag, hidden in zip(diagnostics, suppressed) if not hidden]
    kept.extend(_reports(doc, table, settings, directives, rules))
    return kept


class _Sweep:
    """The directives of a document, swept in position order along with its diagnostics: per
    rule, the disables since the last enable that names it (``active``) cover the diagnostics
    from there on. A directive's credit for a rule is given once (``credited`` counts the active
    disables already credited), and the disable-next-line directives of a line once per rule."""

    def __init__(self, directives: list[Directive], rules: dict[str, Rule]) -> None:
        # What each directive says about each rule, worked out once per directive (not once per
        # diagnostic and directive).
        self.named = {id(d): d.rules_named(rules) for d in directives if d.action != "invalid"}
        self.regions = [d for d in directives if d.action in ("disable", "enable")]
        self.records = [d for d in directives if d.action == "record"]
        self.next_line: dict[int, list[Directive]] = {}
        for d in directives:
            if d.action == "disable-next-line" and d.target is not None:
                self.next_line.setdefault(d.target, []).append(d)
        self.active: dict[str, list[Directive]] = {}
        self.credited: dict[str, int] = {}
        self.line_done: set[tuple[int, str]] = set()
        self.r = 0  # the regions before it are open or closed

    def advance(self, line: int, column: int) -> None:
        """Open and close the regions whose directives come at or before ``line:column``."""
        regions, where = self.regions, (line, column)
        while self.r < len(regions) and (regions[self.r].line, regions[self.r].column) <= where:
            d = regions[self.r]
            for code in self.named[id(d)]:
                if d.action == "enable":
                    self.active[code], self.credited[code] = [], 0
                else:
                    self.active.setdefault(code, []).append(d)
            self.r += 1

    def covers(self, line: int, code: str) -> bool:
        """Whether a diagnostic of ``code`` on ``line`` (past `advance`) is suppressed; every
        directive that suppresses it is credited."""
        named = self.named
        covered = False
        for d in self.records:
            names = named[id(d)].get(code)
            if names:
                d.used.update(names)
                covered = True
        if (line, code) in self.line_done:
            covered = True
        else:
            for d in self.next_line.get(line, ()):
                names = named[id(d)].get(code)
                if names:
                    d.used.update(names)
                    covered = True
                    self.line_done.add((line, code))
        disables = self.active.get(code)
        if disables:
            covered = True
            for d in disables[self.credited.get(code, 0) :]:
                d.used.update(named[id(d)][code])
            self.credited[code] = len(disables)
        return covered


def _reports(
    doc: Document,
    table: RuleTable,
    settings: Settings,
    directives: Iterable[Directive],
    rules: dict[str, Rule],
) -> list[Diagnostic]:
    selected = {r.code: r for r in table.rules}
    unused_rule = selected.get(UnusedSuppression.code)
    reason_rule = selected.get(SuppressionWithoutReason.code) if settings.require_suppression_reason else None
    out: list[Diagnostic] = []
    for d in directives:
        if unused_rule is not None:
            message = _unused_message(d, selected, rules)
            if message is not None:
                out.append(_diagnostic(doc, d, unused_rule, table, message))
        if reason_rule is not None and d.error is None and d.unreasoned:
            if d.action == "record":
                codes = ", ".join(f"`{c}`" for c in d.unreasoned)
                message = f"Suppression of {codes} without a reason (write `CODE -- why`)"
            else:
                message = "Suppression without a reason (add ` -- why` before `-->`)"
            out.append(_diagnostic(doc, d, reason_rule, table, message))
    return out


def _unused_message(d: Directive, selected: dict[str, Rule], rules: dict[str, Rule]) -> str | None:
    if d.error is not None:
        return f"Unrecognised suppression ({d.error}); it suppresses nothing"
    if d.selectors is None:
        if d.action == "enable" or d.used:
            return None
        return f"Unused suppression (`{d.action}` suppressed nothing)"
    unused: list[str] = []
    unknown: list[str] = []
    fixed: list[str] = []
    for s in d.selectors:
        named = [r for r in rules.values() if matches(s, r)]
        if not named:
            unknown.append(s)
            continue
        if d.action == "enable" or s in d.used:
            continue
        suppressible = [r for r in named if r.code not in UNSUPPRESSIBLE]
        if not suppressible:
            fixed.append(s)
        elif any(r.code in selected and not r.corpus for r in suppressible):
            unused.append(s)
    parts = []
    if unused:
        parts.append("unused: " + ", ".join(f"`{s}`" for s in unused))
    if unknown:
        parts.append("unknown code: " + ", ".join(f"`{s}`" for s in unknown))
    if fixed:
        parts.append("cannot be suppressed: " + ", ".join(f"`{s}`" for s in fixed))
    if not parts:
        return None
    return f"Unused suppression ({'; '.join(parts)})"


def _diagnostic(doc: Document, d: Directive, rule: Rule, table: RuleTable, message: str) -> Diagnostic:
    return Diagnostic(
        path=doc.path,
        record=doc.record,
        line=d.line,
        column=d.column,
        end_line=d.end_line,
        end_column=d.end_column,
        code=rule.code,
        name=rule.name,
        severity=table.severity(rule),
        message=message,
        record_line=doc.record_line,
        snippet=d.text[:200],
    )
