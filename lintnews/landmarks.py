"""Regions of an HTML page's text that its markup marks as site chrome, as rules report them.

The markup is believed only where it is clear (see `lintnews.html_source`): a ``<nav>``,
``<footer>`` or ``<aside>`` element, an element whose id or class names comments, related
content, share tools, a menu or a breadcrumb, and, as jusText and boilerpipe judge blocks, a run
of lines that are almost all link text outside the article's prose. Where it says nothing,
nothing is guessed. A region that holds most of the page's prose is not believed either: a class
such as ``post has-comments`` on the article's own wrapper would otherwise remove the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from lintnews.document import Block, Document, View
from lintnews.markup_marks import LineMarks

#: Share of a line's characters that are link text for the line to count as a link.
LINK_DENSITY = 0.8
#: Fewest consecutive link lines that make a block of links.
LINK_RUN = 3
#: A landmark region holding more than this share of the words of the page's prose is the
#: article's own wrapper, not chrome.
MAX_PROSE_SHARE = 0.5


@dataclass(frozen=True)
class Region:
    """Lines ``start..end`` (0-based, inclusive) of one kind of landmark; ``tag`` names the
    element that marks it (``nav``, ``div``), and is empty for a block of links found by its
    link density."""

    kind: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True)
class Regions:
    regions: tuple[Region, ...]
    #: The first and last line of the prose no landmark marks (None: there is none).
    article: tuple[int, int] | None = None

    #: The first line of each region, for `overlaps`.
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [r.start for r in self.regions])

    def of_kind(self, *kinds: str) -> list[Region]:
        return [r for r in self.regions if r.kind in kinds]

    def overlaps(self, start: int, end: int, *kinds: str) -> bool:
        """Whether lines ``start..end`` share a line with a region (of one of ``kinds``, when
        given). Regions never overlap one another, so one look-up finds the candidates."""
        i = bisect.bisect_right(self._starts, end) - 1
        while i >= 0 and self.regions[i].end >= start:
            if not kinds or self.regions[i].kind in kinds:
                return True
            i -= 1
        return False


def _regions(doc: Document) -> Regions | None:
    marks = doc.markup_marks
    if marks is None:
        return None
    lines = doc.lines
    n = min(len(lines), len(marks.landmark))
    prose = [b for b in doc.blocks if b.prose]
    found = _marked(marks, lines, n, prose)
    # blocks of links outside the article's prose (the prose no landmark marks), where no
    # landmark marks them
    prose = [b for b in prose if not any(marks.landmark[i] for i in range(b.start, min(b.end + 1, n)))]
    if prose:
        for first, stop in ((0, prose[0].start), (prose[-1].end + 1, n)):
            found.extend(_link_runs(marks, lines, first, stop))
    found.sort(key=lambda r: r.start)
    return Regions(tuple(found), (prose[0].start, prose[-1].end) if prose else None)


def _marked(marks: LineMarks, lines: list[str], n: int, prose: list[Block]) -> list[Region]:
    """The regions of the first ``n`` lines that landmarks mark (blank lines inside one joined to
    it), but for those that hold most of the words of the ``prose`` blocks."""
    prose_words = [0] * len(lines)
    for b in prose:
        for i in range(b.start, b.end + 1):
            prose_words[i] = len(lines[i].split())
    total = sum(prose_words)
    found: list[Region] = []
    i = 0
    while i < n:
        kind = marks.landmark[i]
        if kind is None:
            i += 1
            continue
        j = i
        while j + 1 < n and (marks.landmark[j + 1] == kind or not lines[j + 1].strip()):
            j += 1
        while j > i and not lines[j].strip():
            j -= 1
        if not total or sum(prose_words[i : j + 1]) <= MAX_PROSE_SHARE * total:
            found.append(Region(kind, marks.tag[i] or kind, i, j))
        i = j + 1
    return found


def _link_runs(marks: LineMarks, lines: list[str], first: int, stop: int) -> list[Region]:
    """Runs of `LINK_RUN` or more link lines no landmark marks in lines ``first..stop-1`` (blank
    lines skipped)."""
    found: list[Region] = []
    run: list[int] = []
    for k in range(first, stop + 1):
        line = lines[k].strip() if k < stop else ""
        if k < stop and not line:
            continue
        if k < stop and marks.landmark[k] is None and marks.link_chars[k] >= LINK_DENSITY * len(line):
            run.append(k)
            continue
        if len(run) >= LINK_RUN:
            found.append(Region("navigation", "", run[0], run[-1]))
        run = []
    return found


#: The marked regions of an HTML document (None for text and Markdown: no markup to read).
LANDMARK_REGIONS: View[Regions | None] = View("landmarks.regions", _regions)
