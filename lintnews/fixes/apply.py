"""Applying fixes: which may apply (`FixPolicy`), the edits of one pass over a text
(`apply_edits`), and a document fixed pass after pass until no fix applies (`fix_document`).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic, Edit, Fix
from lintnews.document import Document
from lintnews.fixes.markup import html_fix
from lintnews.registry import rule_catalogue
from lintnews.selection import check_selectors, matches
from lintnews.sources import text_document, unseen_markdown

#: A removed line can make another fix applicable (a blank-line run, a now-adjacent duplicate).
MAX_PASSES = 8


@dataclass
class FixPolicy:
    """Which diagnostics' fixes may be applied."""

    unsafe: bool = False
    fixable: list[str] | None = None
    unfixable: list[str] = field(default_factory=list)
    #: `allows_rule`'s answers by (code, safe): it is asked once per reported diagnostic, and
    #: matching the selectors each time was 2 % of a run. (A policy is never changed once made:
    #: a new one replaces it.)
    _answers: dict[tuple[str, bool], bool] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def from_settings(cls, settings: Settings, unsafe: bool | None = None) -> FixPolicy:
        fixable = settings.fixable
        check_selectors(fixable or [], "fixable")
        check_selectors(settings.unfixable, "unfixable")
        return cls(settings.unsafe_fixes if unsafe is None else unsafe, fixable, list(settings.unfixable))

    def allows(self, d: Diagnostic) -> bool:
        if d.fix is None:
            return False
        return self.allows_rule(d.code, d.fix.safe)

    def offer(self, d: Diagnostic) -> Diagnostic:
        """``d`` without its fix when the configuration does not offer it (``unfixable``, or not
        ``fixable``), as ruff shows none then (`lintnews.api.Linter.offer_fix`)."""
        self.offer_all((d,))
        return d

    def offer_all(self, diagnostics: Iterable[Diagnostic]) -> None:
        """`offer` of each of ``diagnostics`` (a document's, all at once: a worker that formats
        them for the main process asks its copy of the policy, `lintnews.reporters.formatted`)."""
        offered: dict[str, bool] = {}  # (asked once a rule: a document has many of some)
        for d in diagnostics:
            if d.fix is not None:
                code = d.code
                if code not in offered:
                    offered[code] = self.allows_rule(code, safe=True)
                if not offered[code]:
                    d.fix, d.fix_edits = None, ()

    def allows_rule(self, code: str, safe: bool) -> bool:
        """Whether a fix of rule ``code`` (safe or not) may be applied."""
        if not safe and not self.unsafe:
            return False
        known = self._answers.get((code, safe))
        if known is not None:
            return known
        rule = rule_catalogue().get(code)
        if rule is None:
            return False
        positive = 1 if self.fixable is None else max((matches(s, rule) for s in self.fixable), default=0)
        negative = max((matches(s, rule) for s in self.unfixable), default=0)
        self._answers[(code, safe)] = answer = positive > negative
        return answer


def fix_order(fix: Fix) -> tuple[int, int]:
    """The order in which `apply_edits` tries fixes: the one spanning most text first, then by
    where it starts. A region's fix (a comment thread, a menu) removes the lines that the fixes of
    its parts (each comment header) would; tried after them it clashed with the first part,
    waited for the next pass, and was gone by then: its findings rest on the parts removed."""
    if not fix.edits:
        return (0, 0)
    start = min(e.start for e in fix.edits)
    return (start - max(e.end for e in fix.edits), start)


def apply_edits(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply the fixes whose edits do not overlap a fix accepted before them (in `fix_order`:
    the widest first); return the new text and how many fixes were applied. Skipped fixes get
    their turn in the next pass.

    Each edit is checked against the accepted ones through `_Accepted` (logarithmic time), not
    against each of them: thousands of fixes in one document cost n log n, not n²."""
    accepted: list[Edit] = []
    index = _Accepted([e.start for f in fixes for e in f.edits])
    applied = 0
    for fix in sorted(fixes, key=fix_order):
        edits = sorted(fix.edits, key=lambda e: e.start)
        if any(index.clashes(e) for e in edits):
            continue
        for e in edits:
            index.add(e)
        accepted.extend(edits)
        applied += 1
    accepted.sort(key=lambda e: e.start)
    out: list[str] = []
    pos = 0
    for e in accepted:
        out.append(text[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), applied


def _overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits clash (`_Accepted.clashes` answers this for a set of edits)."""
    if a.start == a.end or b.start == b.end:  # insertions only clash at the same point or inside
        return b.start < a.start < b.end or a.start < b.start < a.end or a.start == b.start
    return a.start < b.end and b.start < a.end


class _Accepted:
    """The edits accepted so far, indexed so that `clashes` is `_overlaps` against all of them
    in logarithmic time. ``starts`` are the start offsets of every edit that may be added.

    An edit clashes with an accepted replacement ``[s, t)`` (``s < t``) when their open spans
    overlap, or, for an insertion at ``p``, when ``s <= p < t``; two insertions clash at the
    same point. So it is enough to know, over the accepted replacements that start before a
    point, the largest end (a Fenwick tree of prefix maxima over the ranks of the starts), and
    how many accepted insertions lie in a range (a Fenwick tree of counts)."""

    def __init__(self, starts: list[int]) -> None:
        self.coords = sorted(set(starts))
        self.size = len(self.coords)
        self.max_end = [-1] * (self.size + 1)
        self.points = [0] * (self.size + 1)

    def _rank(self, offset: int) -> int:
        return bisect.bisect_left(self.coords, offset)

    def _prefix_max(self, n: int) -> int:
        """The largest end of an accepted replacement among the first ``n`` ranks of starts."""
        best = -1
        while n > 0:
            best = max(best, self.max_end[n])
            n -= n & -n
        return best

    def _points_below(self, n: int) -> int:
        """How many accepted insertions are at the first ``n`` ranks of starts."""
        count = 0
        while n > 0:
            count += self.points[n]
            n -= n & -n
        return count

    def clashes(self, e: Edit) -> bool:
        if e.start == e.end:
            p = e.start
            # a replacement with s <= p < t, or an insertion at p
            below = bisect.bisect_right(self.coords, p)
            return self._prefix_max(below) > p or self._points_below(below) > self._points_below(
                self._rank(p)
            )
        # a replacement with s < e.end and t > e.start, or an insertion with e.start <= p < e.end
        return self._prefix_max(self._rank(e.end)) > e.start or self._points_below(
            self._rank(e.end)
        ) > self._points_below(self._rank(e.start))

    def add(self, e: Edit) -> None:
        i = self._rank(e.start) + 1
        if e.start == e.end:
            while i <= self.size:
                self.points[i] += 1
                i += i & -i
        else:
            while i <= self.size:
                self.max_end[i] = max(self.max_end[i], e.end)
                i += i & -i


# --- documents ------------------------------------------------------------------------------


def with_text(doc: Document, text: str) -> Document:
    """A copy of ``doc`` with new content (markup for HTML documents, text otherwise)."""
    new = text_document(doc.path, text, doc.kind, doc.record, doc.record_line)
    new.meta = doc.meta
    return new


def content(doc: Document) -> str:
    """What a fix rewrites: the source as written (markup of HTML, Markdown with its comments)."""
    return doc.source if doc.source is not None else doc.text


@dataclass
class FixOutcome:
    document: Document
    #: Diagnostics left after fixing.
    diagnostics: list[Diagnostic]
    fixed: int
    #: Diagnostics of the document as it was.
    initial: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def fix_document(
    doc: Document,
    lint: Callable[[Document], list[Diagnostic]],
    policy: FixPolicy,
    max_passes: int = MAX_PASSES,
) -> FixOutcome:
    """Lint and fix ``doc`` until no allowed fix applies (at most ``max_passes`` rounds)."""
    fixed = 0
    diagnostics = initial = lint(doc)
    for _ in range(max_passes):
        fixes = [d.fix for d in diagnostics if d.fix is not None and policy.allows(d)]
        if doc.kind == "html" and doc.source is not None:
            fixes = [f for f in (html_fix(doc, f) for f in fixes) if f is not None]
        elif doc.source is not None:
            # Markdown comments and link addresses are blank in the text rules see: never delete
            # or rewrite one unseen.
            source, text = doc.source, doc.text
            fixes = [
                f
                for f in fixes
                if not any(unseen_markdown(source, text, e.start, e.end, e.replacement) for e in f.edits)
            ]
        if not fixes:
            break
        before = content(doc)
        after, applied = apply_edits(before, fixes)
        if after == before:
            break
        fixed += applied
        doc = with_text(doc, after)
        diagnostics = lint(doc)
    return FixOutcome(doc, diagnostics, fixed, initial)
