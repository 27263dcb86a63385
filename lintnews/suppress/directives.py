"""Reading suppressions: ``<!-- lintnews: ... -->`` comments of a Markdown or HTML source (not
those in code), each with the text positions it covers, and the suppress field of a JSONL
record (`Directive`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from lintnews import native
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import Rule
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
    """1-based lines of Markdown fenced code blocks (`lintnews.native.fence_spans`), fences
    included."""
    lines = text.split("\n")
    holding = native.lines_holding(text, "`~", "")  # (only these can be fences)
    return {
        i + 1
        for start, end in native.fence_spans(lines, holding)
        for i in range(start, min(end + 1, len(lines)))
    }


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


def _set_targets(
    doc: Document, source: str, spans: list[tuple[int, int]], directives: list[Directive]
) -> None:
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
