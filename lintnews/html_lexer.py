"""The markup of an HTML page lexed into the characters a reader could see (`VisibleStream`:
tags, comments and raw-text elements dropped, entities decoded), each with its source offset,
an index of tags for skipping elements (`_TagIndex`), and ``<noscript>`` blanked for the parser
(see `lintnews.html_source`, which uses them).
"""

from __future__ import annotations

import array
import bisect
import functools
import html
import re

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
#: with no ``>`` after it is matched to the end, so that searching stops there (see `strip_noscript`).
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


class VisibleStream:
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


def strip_noscript(source: str) -> str:
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
