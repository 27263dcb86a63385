"""Visible text of an HTML page, one block element per line, mapped back to the markup.

BeautifulSoup (lxml parser) gives the tree but no source positions, so positions are recovered
separately: `_VisibleStream` lexes the markup into the characters a reader could see (tags,
comments and the contents of script, style, title … dropped; entities decoded), remembering the
source offset of each, and while the tree is walked in document order every word of every text
node is looked up in that stream after the previous one. A diagnostic at any column of the
extracted text therefore lands on the same word in the HTML source, and words inside attribute
values (``<a title="Talks resumed">``) can never be mistaken for text.
"""

from __future__ import annotations

import array
import bisect
import functools
import html
import re
import warnings
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from lintnews.sourcemap import SourceMap, SpanMap

BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu
    nav ol p pre section summary table tbody td tfoot th thead title tr ul""".split()
)
#: Never visible; ``title`` too, wherever the parser puts it (lxml moves a misplaced one into the body).
SKIP_TAGS = frozenset("head title script style noscript template svg math iframe object embed canvas select".split())
CELL_TAGS = frozenset(("td", "th"))
_SKIP_STRINGS = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
#: How far (in visible characters) past the previous word the next one may be: visible text the
#: tree walk skips is rare, and a word that is nowhere near is better left unmapped than matched
#: at a far copy of it (the search is a linear scan, so this also bounds the cost of a miss).
_WINDOW = 200_000

#: Markup tokens that are never visible: comments, CDATA, doctype and other declarations,
#: processing instructions, end tags, and the name of a start tag (its attributes are skipped by
#: `_tag_end`, which knows that quoted values may contain ``>``).
_MARKUP = re.compile(
    r"""<!--.*?(?:-->|\Z)"""
    r"""|<!\[CDATA\[.*?(?:\]\]>|\Z)"""
    r"""|<[!?][^>]*>?"""
    r"""|</[A-Za-z][^>]*>?"""
    r"""|<([A-Za-z][^\s/>]*)""",
    re.DOTALL,
)
#: Browsers read ``<noscript>`` as raw text up to the first ``</noscript>``; libxml2 parses it as
#: markup, so ``<noscript><div></noscript>`` would swallow the rest of the page. The parser gets
#: the markup without them (positions are still taken from the untouched source). A start tag
#: with no ``>`` after it is matched to the end, so that searching stops there (see `_strip_noscript`).
_NOSCRIPT_START = re.compile(r"<noscript\b[^>]*(>)?", re.IGNORECASE)
_NOSCRIPT_END = re.compile(r"</noscript\s*>", re.IGNORECASE)
_ATTR_STOP = re.compile(r"[>=]")
_SPACES = re.compile(r"\s*")
#: Array type of source offsets (4 bytes: pages under 2 GiB characters).
_OFFSETS = "i" if array.array("i").itemsize == 4 else "l"
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
#: Elements whose content is raw text up to the first matching end tag (``title`` is not raw
#: text, but the tree walk skips it with ``head`` and it often repeats the headline).
_RAW_TEXT = frozenset(("script", "style", "title", "iframe", "noscript"))
#: Elements the tree walk skips whose content is markup: skipped up to the matching end tag.
_SKIP_NESTED = frozenset(("template", "svg", "math", "select", "object", "canvas"))


class _VisibleStream:
    """The characters of ``source`` a reader could see, with the source span of each.

    ``text`` holds the visible characters; ``starts[i]`` and ``ends[i]`` are the source offsets
    of the markup character ``text[i]`` came from: one character of literal text, or the whole
    of an entity (every character an entity decodes to has the entity's span).
    """

    def __init__(self, source: str) -> None:
        self.source = source
        parts: list[str] = []
        code = _OFFSETS if len(source) < 1 << 31 else "q"
        self.starts = array.array(code)
        self.ends = array.array(code)
        starts, ends = self.starts, self.ends

        def literal(start: int, end: int) -> None:
            pos = start
            for m in _ENTITY.finditer(source, start, end):
                if m.start() > pos:
                    parts.append(source[pos : m.start()])
                    starts.extend(range(pos, m.start()))
                    ends.extend(range(pos + 1, m.start() + 1))
                decoded = html.unescape(m.group())
                parts.append(decoded)
                if decoded == m.group():  # not an entity after all ("&nosuch;"): literal text
                    starts.extend(range(m.start(), m.end()))
                    ends.extend(range(m.start() + 1, m.end() + 1))
                else:
                    starts.extend(array.array(code, (m.start(),)) * len(decoded))
                    ends.extend(array.array(code, (m.end(),)) * len(decoded))
                pos = m.end()
            if end > pos:
                parts.append(source[pos:end])
                starts.extend(range(pos, end))
                ends.extend(range(pos + 1, end + 1))

        pos = 0
        n = len(source)
        tags: dict[str, _TagIndex] = {}
        while pos < n:
            lt = source.find("<", pos)
            if lt < 0:
                literal(pos, n)
                break
            m = _MARKUP.match(source, lt)
            if m is None:  # a "<" that starts no tag is text
                literal(pos, lt + 1)
                pos = lt + 1
                continue
            literal(pos, lt)
            pos = m.end()
            name = (m.group(1) or "").lower()
            if name:
                pos = _tag_end(source, pos)
            if name and not source.endswith("/>", 0, pos):
                if name in _RAW_TEXT:
                    close = _end_tag(name).search(source, pos)
                    pos = close.end() if close else n
                elif name in _SKIP_NESTED:
                    index = tags.get(name)
                    if index is None:
                        index = tags[name] = _TagIndex(source, name)
                    pos = index.matching_end(pos)
        self.text = "".join(parts)
        self.cursor = 0

    def find(self, word: str) -> int:
        """Index in ``text`` of the next occurrence of ``word`` after the previous word found, or
        -1 (the cursor then stays put, so one unmatched word cannot derail the rest)."""
        pos = self.text.find(word, self.cursor, self.cursor + _WINDOW + len(word))
        if pos < 0:
            return -1
        self.cursor = pos + len(word)
        return pos


def _tag_end(source: str, pos: int) -> int:
    """Offset just past the ``>`` closing the start tag whose attributes begin at ``pos``.

    As in the HTML tokenizer, a quote opens a value only right after ``=``, so a stray quote
    (``height="63""``) does not swallow the page; a value whose quote never closes ends at the
    next ``>``.
    """
    n = len(source)
    while pos < n:
        m = _ATTR_STOP.search(source, pos)
        if m is None:
            return n
        if m.group() == ">":
            return m.end()
        pos = _SPACES.match(source, m.end()).end()  # type: ignore[union-attr]
        if pos < n and source[pos] in "\"'":
            close = source.find(source[pos], pos + 1)
            if close >= 0:
                pos = close + 1
    return n


@functools.cache
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}\b[^>]*>?", re.IGNORECASE)


@functools.cache
def _any_tag(name: str) -> re.Pattern[str]:
    """A start or end tag of ``name``; one with no ``>`` after it matches to the end of the source
    with group 2 empty (no later tag can be complete either), so a scan never restarts from every
    ``<name`` of a page that never closes them (that is quadratic)."""
    return re.compile(rf"<(/?){name}\b[^>]*(>)?", re.IGNORECASE)


class _TagIndex:
    """Every start and end tag of one element name in a page, so that finding the end tag that
    closes an element costs a binary search: scanning forward from each element (`_scan`) is
    quadratic on a page with thousands of ``<svg>`` that are never closed.

    ``prefix[k]`` is the nesting depth before tag ``k`` (start tags +1, end tags -1, self-closing
    0); the end tag matching the start tag before tag ``k`` is the first tag after which the depth
    falls to ``prefix[k] - 1``.
    """

    def __init__(self, source: str, name: str) -> None:
        self.source = source
        self.regex = _any_tag(name)
        self.index: dict[int, int] = {}  # match start -> tag number
        self.ends: list[int] = []
        self.prefix = [0]
        self.at_depth: dict[int, list[int]] = {0: [0]}  # depth -> the k (ascending) with prefix[k] == depth
        for m in self.regex.finditer(source):
            if not m.group(2):
                break
            self.index[m.start()] = len(self.ends)
            self.ends.append(m.end())
            depth = self.prefix[-1] + (-1 if m.group(1) else 0 if m.group().endswith("/>") else 1)
            self.at_depth.setdefault(depth, []).append(len(self.prefix))
            self.prefix.append(depth)

    def matching_end(self, pos: int) -> int:
        first = self.regex.search(self.source, pos)
        if first is None or not first.group(2):
            return pos
        k = self.index.get(first.start())
        if k is None:  # the scan from pos is not aligned with the one from the start (rare): scan
            return self._scan(pos)
        after = self.at_depth.get(self.prefix[k] - 1, [])
        i = bisect.bisect_left(after, k + 1)
        return self.ends[after[i] - 1] if i < len(after) else pos

    def _scan(self, pos: int) -> int:
        """Offset just past the end tag closing the element opened before ``pos`` (nested elements
        of the same name counted), or ``pos`` itself when there is none."""
        depth = 1
        for m in self.regex.finditer(self.source, pos):
            if not m.group(2):
                break
            if m.group(1):
                depth -= 1
                if depth == 0:
                    return m.end()
            elif not m.group().endswith("/>"):
                depth += 1
        return pos


def _strip_noscript(source: str) -> str:
    """``source`` without its ``<noscript>…</noscript>`` elements (what ``re.sub`` of
    ``<noscript\\b[^>]*>.*?</noscript\\s*>`` gives, in linear time: the regex rescans to the end
    of the page from every unclosed ``<noscript>``)."""
    parts: list[str] = []
    pos = 0
    while True:
        start = _NOSCRIPT_START.search(source, pos)
        if start is None or not start.group(1):
            break
        end = _NOSCRIPT_END.search(source, start.end())
        if end is None:
            break  # neither this one nor any later one is closed
        parts.append(source[pos : start.start()])
        pos = end.end()
    if not parts:
        return source
    parts.append(source[pos:])
    return "".join(parts)


@dataclass
class ExtractedHTML:
    text: str
    source_map: SourceMap
    line_tags: list[str | None]
    #: Text lines that continue the previous line's block element after a single ``<br>``.
    soft_breaks: frozenset[int] = frozenset()


class _Builder:
    def __init__(self, source: str) -> None:
        self.stream = _VisibleStream(source)
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

    def newline(self, soft: bool = False) -> None:
        """End the current line. ``soft``: at a ``<br>``, so the next line is the same block;
        two ``<br>`` in a row (an empty line) separate paragraphs, as old pages use them."""
        if self.length:
            self.lines.append("".join(self.parts).rstrip())
            self.tags.append(self.line_tag)
            self.segments.append(self.line_segments)
            self.soft = soft
        elif not soft or self.soft:
            self.soft = False
        self.parts, self.length, self.line_segments, self.line_tag = [], 0, [], None
        self.pending_sep = ""

    def add_text(self, raw: str, block: str | None) -> None:
        text = _WS.sub(" ", raw)
        if not self.length:
            text = text.lstrip()
            if not text:
                return
            self.line_tag = block
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
        soup = BeautifulSoup(_strip_noscript(source), "lxml")
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
            builder.newline(soft=True)
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
    source_map = _span_map(builder, _line_starts(source))
    return ExtractedHTML("\n".join(builder.lines), source_map, builder.tags, frozenset(builder.soft_breaks))


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
