"""Visible text of an HTML page, one block element per line, mapped back to the markup.

BeautifulSoup (lxml parser) gives the tree but no source positions, so positions are recovered
separately: `VisibleStream` lexes the markup into the characters a reader could see (tags,
comments and the contents of script, style, title … dropped; entities decoded), remembering the
source offset of each, and while the tree is walked in document order every word of every text
node is looked up in that stream after the previous one. A diagnostic at any column of the
extracted text therefore lands on the same word in the HTML source, and words inside attribute
values (``<a title="Talks resumed">``) can never be mistaken for text.

The lexing (`VisibleStream`, the tag index, ``<noscript>`` handling) is `lintnews.html_lexer`;
this module walks the tree and builds the text, its line tags and its `SpanMap`.
"""

from __future__ import annotations

import array
import re
import warnings
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from lintnews.html_lexer import VisibleStream, strip_noscript
from lintnews.markup_marks import LineMarks
from lintnews.sourcemap import SourceMap, SpanMap

BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu
    nav ol p pre section summary table tbody td tfoot th thead title tr ul""".split()
)
#: Never visible; ``title`` too, wherever the parser puts it (lxml moves a misplaced one into the body).
SKIP_TAGS = frozenset(
    "head title script style noscript template svg math iframe object embed canvas select".split()
)
CELL_TAGS = frozenset(("td", "th"))
_SKIP_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
#: Landmark elements by tag.
LANDMARK_TAGS = {"nav": "navigation", "footer": "footer", "aside": "aside"}
#: A word of an id or class that names a landmark: "comments", "comment-list", "commentlist",
#: "disqus_thread", "related-posts", "yarpp-related", "share-buttons", "sharedaddy",
#: "breadcrumbs", "main-nav", "menu". Matched on each word of the id and class (split at
#: ``-`` and ``_``), so "recommended" or "navy" never match.
_CLASS_WORDS = {
    "comment": "comments",
    "comments": "comments",
    "commentlist": "comments",
    "disqus": "comments",
    "related": "related",
    "relatedposts": "related",
    "yarpp": "related",
    "share": "share",
    "sharing": "share",
    "sharedaddy": "share",
    "sharethis": "share",
    "addthis": "share",
    "breadcrumb": "navigation",
    "breadcrumbs": "navigation",
    "nav": "navigation",
    "navbar": "navigation",
    "navigation": "navigation",
    "menu": "navigation",
    "topnav": "navigation",
    "subnav": "navigation",
}
_CLASS_SPLIT = re.compile(r"[\s_-]+")
#: Never landmarks by their class: these hold the whole page or the whole article (a blog's
#: ``<body class="has-comments">``, ``<article class="post-with-share">``).
_NO_CLASS_LANDMARK = frozenset("html body main article".split())


def _landmark(node: Tag) -> str | None:
    """The kind of landmark ``node`` is, from its tag or a word of its id or class."""
    name = node.name
    if name in LANDMARK_TAGS:
        return LANDMARK_TAGS[name]
    if name in _NO_CLASS_LANDMARK:
        return None
    attrs = node.attrs
    ident = attrs.get("id")
    cls = attrs.get("class")
    if not ident and not cls:
        return None
    names = " ".join(
        (ident if isinstance(ident, str) else "", " ".join(cls) if isinstance(cls, list) else str(cls or ""))
    )
    for word in _CLASS_SPLIT.split(names.casefold()):
        kind = _CLASS_WORDS.get(word)
        if kind is not None:
            return kind
    return None


#: Elements whose text is code, a key or a program's output shown inline: not the prose's.
INLINE_CODE_TAGS = frozenset(("code", "kbd", "samp", "tt"))


@dataclass
class ExtractedHTML:
    text: str
    source_map: SourceMap
    line_tags: list[str | None]
    #: Text lines that continue the previous line's block element after a single ``<br>``.
    soft_breaks: frozenset[int] = frozenset()
    #: Per line, the landmark it lies in and its link text (see `LineMarks`).
    marks: LineMarks | None = None


class _Builder:
    def __init__(self, source: str) -> None:
        self.stream = VisibleStream(source)
        self.lines: list[str] = []
        self.tags: list[str | None] = []
        #: Per line: (text column, index in the visible stream, length) of every word found.
        self.segments: list[list[tuple[int, int, int]]] = []
        self.parts: list[str] = []
        self.length = 0
        self.line_segments: list[tuple[int, int, int]] = []
        self.line_tag: str | None = None
        #: Separator owed before the next text (table cells are joined with " | ").
        self.pending_sep = ""
        self.soft_breaks: set[int] = set()
        #: The next line continues the current block (a single ``<br>`` was seen).
        self.soft = False
        #: Per line: landmark kind, landmark tag, link characters.
        self.marks: list[tuple[str | None, str | None, int]] = []
        self.line_mark: tuple[str | None, str | None] = (None, None)
        self.line_links = 0
        #: Per line holding inline code: its (start, end) columns; the current line's.
        self.code: dict[int, tuple[tuple[int, int], ...]] = {}
        self.line_code: list[tuple[int, int]] = []

    def newline(self, soft: bool = False) -> None:
        """End the current line. ``soft``: at a ``<br>``, so the next line is the same block;
        two ``<br>`` in a row (an empty line) separate paragraphs, as old pages use them."""
        if self.length:
            self.lines.append("".join(self.parts).rstrip())
            self.tags.append(self.line_tag)
            self.segments.append(self.line_segments)
            self.marks.append((*self.line_mark, min(self.line_links, len(self.lines[-1]))))
            if self.line_code:
                self.code[len(self.lines) - 1] = tuple(self.line_code)
            self.soft = soft
        elif not soft or self.soft:
            self.soft = False
        self.parts, self.length, self.line_segments, self.line_tag = [], 0, [], None
        self.line_links = 0
        self.line_code = []
        self.pending_sep = ""

    def add_text(
        self,
        raw: str,
        block: str | None,
        mark: tuple[str | None, str | None] = (None, None),
        link: bool = False,
        code: bool = False,
    ) -> None:
        text = _WS.sub(" ", raw)
        if not self.length:
            text = text.lstrip()
            if not text:
                return
            self.line_tag = block
            self.line_mark = mark
            if self.soft and self.lines and self.tags[-1] == block:
                self.soft_breaks.add(len(self.lines))
            self.soft = False
        elif self.pending_sep and text.strip():
            self._append(self.pending_sep[1:] if self.parts[-1].endswith(" ") else self.pending_sep)
            text = text.lstrip()
        elif self.parts[-1].endswith(" "):
            text = text.lstrip()  # whitespace across text nodes collapses too, as a browser shows it
        if text.strip():
            self.pending_sep = ""
        base = self.length
        for m in _WORD.finditer(text):
            word = m.group()
            found = self._find(word)
            if found >= 0:
                self.line_segments.append((base + m.start(), found, len(word)))
        if link:
            self.line_links += len(text.strip())
        if code and text.strip():
            self.line_code.append((base, base + len(text)))
        self._append(text)

    def _append(self, s: str) -> None:
        if not s:
            return
        self.parts.append(s)
        self.length += len(s)

    def _find(self, word: str) -> int:
        return self.stream.find(word)


def extract(source: str) -> ExtractedHTML:
    """Visible text of ``source`` with a map from text positions to source positions."""
    with warnings.catch_warnings():
        # bs4 warns about XHTML served as HTML and markup that looks like a file name; the page
        # is what it is, and a linter's output is no place for parser advice.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(strip_noscript(source), "lxml")
    builder = _Builder(source)
    # An explicit stack instead of recursion: pages nested thousands of levels deep must not crash.
    # per entry: node, entering, its block tag, its landmark (kind, tag), inside a link, inside
    # inline code
    Mark = tuple[str | None, str | None]
    none: Mark = (None, None)
    stack: list[tuple[object, bool, str | None, Mark, bool, bool]] = [(soup, True, None, none, False, False)]
    while stack:
        node, entering, block, mark, link, code = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIP_STRINGS):
                builder.add_text(str(node), block, mark, link, code)
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
            builder.newline(soft=True)
            continue
        inner = block
        if name in CELL_TAGS:
            builder.pending_sep = " | " if builder.length else ""
        elif name in BLOCK_TAGS:
            builder.newline()
            inner = name
        kind = _landmark(node)
        if kind is not None:
            mark = (kind, name)
        link = link or (name == "a" and bool(node.get("href")))
        code = code or name in INLINE_CODE_TAGS
        stack.append((node, False, block, mark, link, code))
        for child in reversed(node.contents):
            stack.append((child, True, inner, mark, link, code))
    builder.newline()
    source_map = _span_map(builder, _line_starts(source))
    m = builder.marks
    marks = LineMarks(tuple(x[0] for x in m), tuple(x[1] for x in m), tuple(x[2] for x in m), builder.code)
    return ExtractedHTML(
        "\n".join(builder.lines), source_map, builder.tags, frozenset(builder.soft_breaks), marks
    )


def _span_map(builder: _Builder, source_line_starts: list[int]) -> SpanMap:
    """The source span of every character of the text (see `SpanMap`): a word found in the
    visible stream takes the spans of its characters there; what lies between words (collapsed
    whitespace, cell separators, a word not found) spans the markup between its neighbours."""
    ss, se = builder.stream.starts, builder.stream.ends
    code = ss.typecode
    starts, ends = array.array(code), array.array(code)
    line_starts: list[int] = []
    lengths: list[int] = []
    prev_end = 0

    def gap(count: int, start: int, end: int) -> None:
        starts.extend(array.array(code, (start,)) * count)
        ends.extend(array.array(code, (end,)) * count)

    for i, (line, segments) in enumerate(zip(builder.lines, builder.segments)):
        if i:
            gap(1, prev_end, prev_end)  # the newline
        line_starts.append(len(starts))
        lengths.append(len(line))
        col = 0
        for at, index, length in segments:
            length = min(length, len(line) - at)
            if length <= 0:
                break
            if at > col:
                gap(at - col, prev_end, ss[index])
            starts.extend(ss[index : index + length])
            ends.extend(se[index : index + length])
            prev_end = se[index + length - 1]
            col = at + length
        if len(line) > col:
            gap(len(line) - col, prev_end, prev_end)
    return SpanMap(line_starts, lengths, starts, ends, source_line_starts)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts
