"""Visible text of an HTML page, one block element per line, mapped back to the markup.

BeautifulSoup (lxml parser) gives the tree but no source positions, so positions are recovered by
walking the markup forward while the tree is walked in document order: every word of every text
node is looked up after the previous one. A diagnostic at any column of the extracted text
therefore lands on the same word in the HTML source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from lintnews.document import SourceMap

BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu
    nav ol p pre section summary table tbody td tfoot th thead title tr ul""".split()
)
SKIP_TAGS = frozenset("head script style noscript template svg math iframe object embed canvas select".split())
CELL_TAGS = frozenset(("td", "th"))
_SKIP_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
#: How far ahead of the previous word a word may be found in the markup before we distrust the match.
_WINDOW = 2000


@dataclass
class ExtractedHTML:
    text: str
    source_map: SourceMap
    line_tags: list[str | None]


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.cursor = 0
        self.lines: list[str] = []
        self.tags: list[str | None] = []
        self.segments: list[list[tuple[int, int]]] = []  # per line: (text column, source offset)
        self.parts: list[str] = []
        self.length = 0
        self.line_segments: list[tuple[int, int]] = []
        self.line_tag: str | None = None
        #: Separator owed before the next text (table cells are joined with " | ").
        self.pending_sep = ""

    def newline(self) -> None:
        if self.length:
            self.lines.append("".join(self.parts).rstrip())
            self.tags.append(self.line_tag)
            self.segments.append(self.line_segments)
        self.parts, self.length, self.line_segments, self.line_tag = [], 0, [], None
        self.pending_sep = ""

    def add_text(self, raw: str, block: str | None) -> None:
        text = _WS.sub(" ", raw)
        if not self.length:
            text = text.lstrip()
            if not text:
                return
            self.line_tag = block
        elif self.pending_sep and text.strip():
            self._append(self.pending_sep)
            text = text.lstrip()
        if text.strip():
            self.pending_sep = ""
        base = self.length
        for m in _WORD.finditer(text):
            found = self._find(m.group())
            if found >= 0:
                self.line_segments.append((base + m.start(), found))
        self._append(text)

    def _append(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def _find(self, word: str) -> int:
        pos = self.source.find(word, self.cursor, self.cursor + _WINDOW + len(word))
        if pos < 0:
            return -1
        # A word inside a tag (an attribute value) is not the text we are looking for.
        lt = self.source.rfind("<", self.cursor, pos)
        if lt >= 0 and self.source.find(">", lt, pos) < 0:
            pos2 = self.source.find(">", pos)
            if pos2 < 0:
                return -1
            self.cursor = pos2 + 1
            return self._find(word)
        self.cursor = pos + len(word)
        return pos


def extract(source: str) -> ExtractedHTML:
    """Visible text of ``source`` with a map from text positions to source positions."""
    soup = BeautifulSoup(source, "lxml")
    builder = _Builder(source)
    # An explicit stack instead of recursion: pages nested thousands of levels deep must not crash.
    stack: list[tuple[object, bool, str | None]] = [(soup, True, None)]
    while stack:
        node, entering, block = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIP_STRINGS):
                builder.add_text(str(node), block)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if not entering:
            if name in BLOCK_TAGS and name not in CELL_TAGS:
                builder.newline()
            continue
        if name in SKIP_TAGS:
            continue
        if name == "br":
            builder.newline()
            continue
        inner = block
        if name in CELL_TAGS:
            builder.pending_sep = " | " if builder.length else ""
        elif name in BLOCK_TAGS:
            builder.newline()
            inner = name
        stack.append((node, False, block))
        for child in reversed(node.contents):
            stack.append((child, True, inner))
    builder.newline()
    starts = _line_starts(source)
    mapped: list[list[tuple[int, int, int]]] = []
    for segs in builder.segments:
        row = []
        for col, off in segs:
            line = bisect.bisect_right(starts, off) - 1
            row.append((col, line + 1, off - starts[line] + 1))
        mapped.append(row)
    return ExtractedHTML("\n".join(builder.lines), SourceMap(mapped), builder.tags)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts
