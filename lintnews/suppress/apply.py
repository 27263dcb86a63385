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
    # What each directive says about each rule, worked out once per directive (not once per
    # diagnostic and directive).
    named = {id(d): d.rules_named(rules) for d in directives if d.action != "invalid"}
    regions = [d for d in directives if d.action in ("disable", "enable")]
    records = [d for d in directives if d.action == "record"]
    next_line: dict[int, list[Directive]] = {}
    for d in directives:
        if d.action == "disable-next-line" and d.target is not None:
            next_line.setdefault(d.target, []).append(d)
    # Regions are swept in position order along with the diagnostics: per rule, the disables
    # since the last enable that names it (``active``) cover the diagnostics from there on.
    # A directive's credit for a rule is given once (``credited`` counts the active disables
    # already credited), and the disable-next-line directives of a line once per rule.
    active: dict[str, list[Directive]] = {}
    credited: dict[str, int] = {}
    line_done: set[tuple[int, str]] = set()
    suppressed = [False] * len(diagnostics)
    r = 0
    order = sorted(range(len(diagnostics)), key=lambda k: (diagnostics[k].line, diagnostics[k].column))
    for k in order:
        diag = diagnostics[k]
        where = (diag.line, diag.column)
        while r < len(regions) and (regions[r].line, regions[r].column) <= where:
            d = regions[r]
            for code in named[id(d)]:
                if d.action == "enable":
                    active[code], credited[code] = [], 0
                else:
                    active.setdefault(code, []).append(d)
            r += 1
        code = diag.code
        if code not in rules or code in UNSUPPRESSIBLE:
            continue
        covered = False
        for d in records:
            names = named[id(d)].get(code)
            if names:
                d.used.update(names)
                covered = True
        if (diag.line, code) in line_done:
            covered = True
        else:
            for d in next_line.get(diag.line, ()):
                names = named[id(d)].get(code)
                if names:
                    d.used.update(names)
                    covered = True
                    line_done.add((diag.line, code))
        disables = active.get(code)
        if disables:
            covered = True
            for d in disables[credited.get(code, 0) :]:
                d.used.update(named[id(d)][code])
            credited[code] = len(disables)
        suppressed[k] = covered
    kept = [diag for diag, hidden in zip(diagnostics, suppressed) if not hidden]
    kept.extend(_reports(doc, table, settings, directives, rules))
    return kept


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
