"""Suppressions: inline comments in Markdown and HTML, and a field of JSONL records.

Syntax (Markdown and HTML documents; the comments are read from the *source*: the markup for
HTML, the file for Markdown)::

    <!-- lintnews: disable=S001,B002 -->        rules off from here ...
    <!-- lintnews: enable=S001 -->              ... S001 back on ...
    <!-- lintnews: enable -->                   ... everything back on
    <!-- lintnews: disable -->                  every rule off until an `enable`
    <!-- lintnews: disable-next-line=D001 -- pull quote repeats the lede -->

Codes are selectors, as in ``select``: full codes (``D001``), prefixes (``D``, ``B0``), rule names
(``duplicate-paragraph``) or ``ALL``, separated by commas. Text after `` -- `` is the reason.

JSONL records: the field named by ``suppress-field`` (default ``lintnews_ignore``) suppresses
codes for the whole record. Its value is a list of codes (``["D001", "T002 -- wire copy"]``), a
comma-separated string (``"D001,T002 -- wire copy"``: the reason applies to all of them) or an
object mapping codes to reasons (``{"D001": "wire copy"}``).

Semantics, where the issue left room:

- Regions work by position: a diagnostic is suppressed when the last ``disable``/``enable``
  that speaks about its rule and starts before it (source line and column) is a ``disable``.
  A comment on the same line as text therefore covers the text after it, not before it.
- ``disable-next-line`` covers diagnostics that start on the next source line after the comment
  that is neither blank nor made only of lintnews comments (so such comments can be stacked).
  In HTML it is the next source line that holds visible text (``<p>`` on a line of its own is
  skipped), since diagnostics always point at text.
- Comments inside fenced code blocks and inline code spans of Markdown are examples, not
  directives, and are ignored.
- Every suppression a diagnostic falls under is credited with it, so overlapping suppressions
  are not reported as unused.
- ``E901`` reports a suppression (or a code of it) that suppressed nothing, once per comment
  (once per record for JSONL): unused codes, unknown codes, codes of rules that cannot be
  suppressed, and comments that start with ``lintnews:`` but do not parse (never applied).
  A code that only names rules which are not selected (for this file) is *not* reported: the
  rule did not run, so whether the suppression is needed cannot be known; the same goes for
  corpus rules, whose diagnostics come after the per-document step. An ``enable`` is never
  reported as unused, only for unknown codes.
- ``E900``-``E902`` (lintnews's own diagnostics) cannot be suppressed by a comment or record
  field; use ``ignore``/``--ignore`` for them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic, Severity
from lintnews.document import Document
from lintnews.registry import Rule, RuleTable, Violation, all_rules, register
from lintnews.selection import matches

#: Codes a suppression can never hide: the linter's own reports.
UNSUPPRESSIBLE = frozenset(("E900", "E901", "E902"))
ACTIONS = ("disable", "enable", "disable-next-line")

#: An unclosed comment matches to the end, group 2 empty: the scan stops there instead of
#: restarting from every later "<!--" (quadratic on text with thousands of unclosed ones).
_COMMENT = re.compile(r"<!--(.*?)(-->|\Z)", re.DOTALL)
_PREFIX = re.compile(r"\s*lintnews\s*:", re.DOTALL)
_BODY = re.compile(
    r"\s*(?P<action>[A-Za-z][A-Za-z-]*)"
    r"(?:\s*=\s*(?P<codes>.*?))?"
    r"(?:\s+--(?:\s+(?P<reason>.*?))?)?\s*\Z",
    re.DOTALL,
)
_SPLIT = re.compile(r"[,\s]+")
_WS_RUN = re.compile(r"\s{2,}")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NEWLINE = re.compile("\n")
_NOT_NEWLINE = re.compile("[^\n]")


@dataclass
class Directive:
    """One suppression: a comment, or the suppress field of a JSONL record (``action`` is
    ``record``). Positions are 1-based source coordinates, ``end_column`` exclusive."""

    action: str
    #: Selectors, or None for every rule.
    selectors: tuple[str, ...] | None
    line: int
    column: int
    end_line: int
    end_column: int
    text: str = ""
    #: Selectors (or ``("*",)`` for a list-less comment) that were given without a reason.
    unreasoned: tuple[str, ...] = ()
    #: Why the directive could not be read; such a directive is reported and never applied.
    error: str | None = None
    #: disable-next-line: the source line it covers.
    target: int | None = None
    used: set[str] = field(default_factory=set)

    def speaks_about(self, rule: Rule) -> tuple[str, ...]:
        """The selectors that name ``rule`` (``("*",)`` for a list-less directive)."""
        if self.selectors is None:
            return ("*",)
        return tuple(s for s in self.selectors if matches(s, rule))

    def rules_named(self, rules: dict[str, Rule]) -> dict[str, tuple[str, ...]]:
        """`speaks_about` of every rule of ``rules`` (by code) that the directive names."""
        named = {}
        for code, rule in rules.items():
            names = self.speaks_about(rule)
            if names:
                named[code] = names
        return named


# --- reading directives -----------------------------------------------------------------------


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c for c in _SPLIT.split(raw.strip()) if c)


def parse_comment(body: str) -> tuple[str, tuple[str, ...] | None, str | None] | str:
    """``(action, selectors, reason)`` of a comment body after ``lintnews:``, or an error."""
    # Runs of whitespace become one space first: the lazy groups of _BODY rescan a whole run at
    # every step, which is quadratic on a comment padded with thousands of spaces.
    m = _BODY.match(_WS_RUN.sub(" ", body))
    if m is None:
        return "expected `disable`, `enable` or `disable-next-line`"
    action = m.group("action")
    if action not in ACTIONS:
        return f"unknown directive `{action}`; expected `disable`, `enable` or `disable-next-line`"
    raw = m.group("codes")
    selectors: tuple[str, ...] | None = None
    if raw is not None:
        selectors = _codes(raw)
        if not selectors:
            return f"`{action}=` without codes"
    reason = (m.group("reason") or "").strip() or None
    return action, selectors, reason


def _fenced_lines(text: str) -> set[int]:
    """1-based lines of Markdown fenced code blocks (fences included)."""
    out: set[int] = set()
    inside = False
    for i, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            out.add(i)
            inside = not inside
        elif inside:
            out.add(i)
    return out


def comment_directives(doc: Document) -> list[Directive]:
    """The lintnews comments of a Markdown or HTML document, in source order."""
    if doc.kind == "html":
        source = doc.source if doc.source is not None else doc.text
    elif doc.kind == "markdown":
        source = doc.source if doc.source is not None else doc.text
    else:
        return []
    if "lintnews" not in source:
        return []
    starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]

    def pos(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    fenced = _fenced_lines(source) if doc.kind == "markdown" else set()
    out: list[Directive] = []
    spans: list[tuple[int, int]] = []
    # Backticks between the start of the line and the comment, counted on from the previous
    # comment of the same line (counting from the line's start for each comment made a line of
    # many comments quadratic).
    tick_line, tick_pos, ticks = 0, 0, 0
    for m in _COMMENT.finditer(source):
        if not m.group(2):
            break  # unclosed: no comment starts here or later
        prefix = _PREFIX.match(m.group(1))
        if prefix is None:
            continue
        line, column = pos(m.start())
        if doc.kind == "markdown":
            if line != tick_line:
                tick_line, tick_pos, ticks = line, starts[line - 1], 0
            ticks += source.count("`", tick_pos, m.start())
            tick_pos = m.start()
            if line in fenced or ticks % 2 == 1:
                continue  # an example in code, not a directive
        end_line, end_column = pos(m.end())
        spans.append((m.start(), m.end()))
        parsed = parse_comment(m.group(1)[prefix.end() :])
        text = m.group(0)
        if isinstance(parsed, str):
            out.append(Directive("invalid", (), line, column, end_line, end_column, text, error=parsed))
            continue
        action, selectors, reason = parsed
        unreasoned: tuple[str, ...] = ()
        if reason is None and action != "enable":
            unreasoned = selectors if selectors is not None else ("*",)
        out.append(Directive(action, selectors, line, column, end_line, end_column, text, unreasoned))
    if any(d.action == "disable-next-line" for d in out):
        _set_targets(doc, source, spans, out)
    return out


def _set_targets(doc: Document, source: str, spans: list[tuple[int, int]], directives: list[Directive]) -> None:
    """Point each disable-next-line at the line it covers (see the module docstring)."""
    pieces: list[str] = []
    done = 0
    for a, b in spans:  # blank out the lintnews comments, keeping their line breaks
        pieces.append(source[done:a])
        pieces.append(_NOT_NEWLINE.sub(" ", source[a:b]))
        done = b
    pieces.append(source[done:])
    masked = "".join(pieces).split("\n")
    text_starts: list[int] = []
    if doc.kind == "html":
        for i, line in enumerate(doc.lines):
            stripped = line.lstrip()
            if stripped:
                text_starts.append(doc.to_source(i, len(line) - len(stripped)).line)
        text_starts.sort()
    # following[i]: the first 1-based line after line i that is not blank once lintnews comments
    # are blanked (one pass from the end, instead of a scan from each comment: stacked comments
    # made that quadratic)
    following: list[int | None] = [None] * (len(masked) + 1)
    for i in range(len(masked) - 1, 0, -1):
        following[i] = i + 1 if masked[i].strip() else following[i + 1]
    for d in directives:
        if d.action != "disable-next-line":
            continue
        nxt = following[d.end_line] if d.end_line < len(masked) else None
        if nxt is not None and text_starts:
            k = bisect.bisect_left(text_starts, nxt)
            if k < len(text_starts):
                nxt = text_starts[k]
        d.target = nxt


def record_directive(doc: Document, settings: Settings) -> Directive | None:
    """The suppress field of a JSONL record, if it has one."""
    if doc.record is None or settings.suppress_field not in doc.meta:
        return None
    value: Any = doc.meta[settings.suppress_field]
    key = settings.suppress_field
    reasons: dict[str, str | None] = {}
    error = None
    if value is None:
        return None
    if isinstance(value, str):
        codes, _, reason = value.partition(" -- ")
        for code in _codes(codes):
            reasons[code] = reason.strip() or None
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        for item in value:
            codes, _, reason = item.partition(" -- ")
            for code in _codes(codes):
                reasons[code] = reason.strip() or None
    elif isinstance(value, dict):
        for code, reason in value.items():
            text = reason.strip() if isinstance(reason, str) else ""
            for one in _codes(code):
                reasons[one] = text or None
    else:
        error = f"`{key}` must be a list of rule codes, a comma-separated string or an object"
    if not reasons and error is None:
        return None
    return Directive(
        "record" if error is None else "invalid",
        tuple(reasons),
        1,
        1,
        1,
        1,
        f"{key}: {value!r}"[:200],
        unreasoned=tuple(c for c, r in reasons.items() if r is None),
        error=error,
    )


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
    doc: Document, table: RuleTable, settings: Settings, directives: Iterable[Directive], rules: dict[str, Rule]
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


# --- the rules --------------------------------------------------------------------------------


@register
class UnusedSuppression(Rule):
    """## What it does
    Reports a suppression that suppressed nothing: a `<!-- lintnews: disable=… -->` or
    `disable-next-line` comment, or a JSONL record's `lintnews_ignore` field, with codes for
    which no diagnostic was found where it applies. Also reports codes that name no rule, codes
    of rules that cannot be suppressed (`E900`–`E902`) and comments that start with
    `lintnews:` but cannot be read (a misspelt `disabel` is never applied).

    A code whose rules are not selected for the file is not reported: the rule did not run, so
    the suppression may still be needed when it does.

    ## Why is this bad?
    A stale suppression hides the next real defect at that place, and a misspelt one silently
    suppresses nothing. Suppressions should be kept to what is needed now.

    ## Example
    ```markdown
    <!-- lintnews: disable-next-line=D001 -->
    This paragraph appears only once in the article.
    ```

    `article.md:1:1: E901 Unused suppression (unused: `D001`)`

    ## Fix
    Delete the comment (or the unused codes from it). Not fixed automatically.
    """

    code = "E901"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "Suppression comment or record field that suppresses nothing"

    def check(self, doc: Document, settings: Settings) -> Iterable[Violation]:
        return ()  # emitted by lintnews.suppress after the other rules ran


@register
class SuppressionWithoutReason(Rule):
    """## What it does
    With `require-suppression-reason = true`, reports a suppression that gives no reason. The
    suppression still applies.

    ## Why is this bad?
    A reason tells the next editor why the finding is acceptable here, and whether the
    suppression can go when the text changes.

    ## Example
    ```markdown
    <!-- lintnews: disable-next-line=D001 -->
    ```

    Use instead:
    ```markdown
    <!-- lintnews: disable-next-line=D001 -- pull quote repeats the lede -->
    ```

    In a JSONL record: `"lintnews_ignore": ["D001 -- pull quote repeats the lede"]`.

    ## Fix
    Add the reason after ` -- `. Not fixed automatically.

    ## Options
    `require-suppression-reason` (default false) turns the rule on.
    """

    code = "E902"
    name = "suppression-without-reason"
    severity = Severity.WARNING
    summary = "Suppression without a reason (with require-suppression-reason)"

    def check(self, doc: Document, settings: Settings) -> Iterable[Violation]:
        return ()  # emitted by lintnews.suppress after the other rules ran
