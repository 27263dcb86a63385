"""The document model every rule sees.

A `Document` is the text of one article as rules see it (always ``\\n`` line breaks), plus enough
provenance to point a diagnostic back at the file, the JSONL record and the line and column of the
*source* the text came from (for HTML that is the markup, not the extracted text).

Rules address text with 0-based ``(line, column)`` pairs; a `SourceMap` (`lintnews.sourcemap`,
re-exported here) turns them into 1-based source positions when diagnostics are reported.

What several modules derive from a document is a typed view of it, computed on first use and
kept with it: `Document.blocks`, ``folded_text``, ``normalized_lines`` and ``line_keys``
(computed by `lintnews.textnorm`), ``stopword_profile`` and ``language`` (`lintnews.language`).
A value only one module uses (a rule's, a pack's) is a `View` that module declares.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from lintnews import native, textnorm
from lintnews.lazy import cached_property as cached_property
from lintnews.markup_marks import LineMarks
from lintnews.sourcemap import IDENTITY as IDENTITY
from lintnews.sourcemap import SourceMap as SourceMap
from lintnews.sourcemap import SourcePos as SourcePos
from lintnews.sourcemap import SpanMap as SpanMap

_T = TypeVar("_T")


class View(Generic[_T]):
    """A lazily computed value of a document that one module outside this one owns (a rule's,
    a pack's): declared once at module level, ``REFS = View("generation.reference_list",
    compute)``, read with ``REFS.of(doc)``: computed by ``compute(doc)`` on first use, then kept
    with the document. The `View` object itself is the key, so two modules never collide and the
    value's type is known. Values shared by several modules are `Document` properties instead."""

    __slots__ = ("name", "compute")

    def __init__(self, name: str, compute: Callable[[Document], _T]) -> None:
        self.name = name
        self.compute = compute

    def __repr__(self) -> str:
        return f"View({self.name!r})"

    def of(self, doc: Document) -> _T:
        views = doc._views
        try:
            value: _T = views[self]
        except KeyError:
            value = views[self] = self.compute(doc)
        return value


# The line shapes of the blocks view: defined once, in the Python twin of the blocks kernel.
_HEADING_MD, _LIST_ITEM, _TABLE_ROW = native._HEADING_MD, native._LIST_ITEM, native._TABLE_ROW
_QUOTE, _TERMINAL = native._QUOTE_LINE, native._TERMINAL
_OPENER, _CLOSER = native.FENCE_OPENER, native.FENCE_CLOSER


if TYPE_CHECKING:
    from lintnews import language as _language

    Block = native.PyBlock
else:
    #: A paragraph-like unit of a document, with what rules ask of it (words, heading-like,
    #: prose): defined by `lintnews.native.PyBlock`, compiled when the kernels are built.
    Block = native.Block


def _seen_before(i: int, void: frozenset[int] | set[int]) -> int:
    """Line ``i``, or the nearest line before it that is not a void line (-1: none)."""
    while i in void:
        i -= 1
    return i


def _runs_on(prev: str) -> bool:
    """Whether ``prev`` reads as prose cut by a soft wrap: long, not ending a sentence."""
    prev = prev.rstrip()
    return len(prev) >= 40 and not _TERMINAL.search(prev)


def _close_block(blocks: list[Block], lines: list[str], start: int, end: int, kind: str) -> None:
    """Add the block of ``lines[start..end]`` to ``blocks`` (nothing when ``start`` is -1)."""
    if start >= 0:
        if end == start:  # (one line: its text, and one int object for start and end)
            blocks.append(Block(len(blocks), start, start, lines[end], kind))
        else:
            blocks.append(Block(len(blocks), start, end, "\n".join(lines[start : end + 1]), kind))


@dataclass
class Document:
    """One article: its text, where it came from, and how text positions map to the source."""

    path: str
    text: str
    record: str | None = None
    #: 1-based physical line of the record in a JSONL file (None for plain files).
    record_line: int | None = None
    #: ``text``, ``markdown`` or ``html``: how the source was read.
    kind: str = "text"
    source_map: SourceMap = field(default_factory=lambda: IDENTITY)
    #: Per text line, the HTML block tag it came from (``h2``, ``li``, ``tr`` …), if known.
    line_tags: list[str | None] | None = None
    #: Text lines that continue the previous line's block (after a ``<br>`` inside a paragraph).
    soft_breaks: frozenset[int] = frozenset()
    #: Markdown lines that held only links or images without words (an avatar's ``![](…)``):
    #: blank in ``text``, as a reader sees no word there, but no paragraph break (`blocks`).
    void_lines: frozenset[int] = frozenset()
    #: Per text line, what the HTML markup says of it (landmark element, link text); None for
    #: text. Rules read it through `lintnews.landmarks.LANDMARK_REGIONS`.
    markup_marks: LineMarks | None = None
    #: Other fields of a JSONL record and similar metadata; never used for linting text.
    meta: dict[str, Any] = field(default_factory=dict)
    #: Raw source text (HTML markup) when it differs from ``text``; used by fixes and suppressions.
    source: str | None = None
    #: The JSONL line a record was read from (None for a whole file): a split run writes it
    #: back, and fixes rewrite it with the new text. Set by `lintnews.sources`.
    raw: bytes | None = field(default=None, repr=False, compare=False)
    #: The bytes of the file as read (None for a JSONL record or standard input): a fix is written
    #: in their encoding and line endings, and only if the file still holds them. Set by
    #: `lintnews.sources`.
    file_bytes: bytes | None = field(default=None, repr=False, compare=False)
    #: The values of `View` objects computed for this document.
    _views: dict[View[Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def line_starts(self) -> Sequence[int]:
        """The offset in ``text`` where each line starts: an array of machine integers (8 bytes
        a line, where a list of int objects took 40), summed from the lengths of `lines` by a
        kernel (`line_starts_of`: a step a line, where a pass over the text was a step a
        character, and summing them in Python cost ~1.5 % of a run)."""
        starts = array("q")
        starts.frombytes(line_starts_of(self.lines))
        return starts

    def offset(self, line: int, column: int = 0) -> int:
        """Character offset in ``text`` of a 0-based (line, column)."""
        return self.line_starts[line] + column

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, column) of a character offset in ``text``."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line, offset - self.line_starts[line]

    def to_source(self, line: int, column: int) -> SourcePos:
        return self.source_map.to_source(line, column)

    @property
    def display_name(self) -> str:
        return f"{self.path}#{self.record}" if self.record is not None else self.path

    def line_kind(self, line: int) -> str:
        """The structural kind of one text line (see `Block.kind`)."""
        if self.line_tags is not None and line < len(self.line_tags):
            tag = self.line_tags[line]
            if tag is not None:
                return _TAG_KINDS.get(tag, "paragraph")
        text = self.lines[line]
        if _HEADING_MD.match(text):
            return "heading"
        if _TABLE_ROW.match(text) and text.count("|") >= 2:
            return "table"
        if _LIST_ITEM.match(text):
            return "list"
        if _QUOTE.match(text):
            return "quote"
        return "paragraph"

    @cached_property
    def blocks(self) -> list[Block]:
        """Paragraph-like blocks, in order.

        Scraped text usually holds one paragraph per line, so every line starts a block unless the
        line before it looks soft-wrapped (prose that does not end a sentence, followed by a line
        that continues in lower case) or, in HTML, the line follows a single ``<br>`` inside the
        same element. Blank lines, headings, list items, table rows and code fences always
        separate blocks; a Markdown line of links without words (`void_lines`) is not there.
        """
        void = self.void_lines
        # plain text: the loop below, compiled
        if self.line_tags is None and not self.soft_breaks and not void:
            return native.plain_blocks(self.lines)
        blocks: list[Block] = []
        lines = self.lines
        run = ""  # the open fence's run of marks ("": not in code)
        cur_start = -1
        cur_kind = "paragraph"
        plain = self.line_tags is None
        for i, line in enumerate(lines):
            before = _seen_before(i - 1, void) if void else i - 1  # the line before, void lines skipped
            # A line that starts with a letter is no fence, not blank, and (without HTML tags)
            # a paragraph line: every other kind starts with a space or a mark.
            letter = plain and line[:1].isalpha()
            # `native.fence_step` written out (an HTML document asks of every line)
            fence = None if letter else (_CLOSER if run else _OPENER).match(line)
            if fence is not None and (not run or fence[1].startswith(run)):
                _close_block(blocks, lines, cur_start, i - 1 if run else before, cur_kind)
                cur_start = -1  # (inside code, every line is code)
                run = "" if run else fence[1]
                continue
            if run:
                if cur_start < 0:
                    cur_start, cur_kind = i, "code"
                continue
            if void and i in void:
                continue  # nothing a reader sees: neither text nor a paragraph break
            if not letter and not line.strip():
                _close_block(blocks, lines, cur_start, before, cur_kind)
                cur_start = -1
                continue
            kind = "paragraph" if letter else self.line_kind(i)
            if cur_start >= 0 and i in self.soft_breaks and kind == cur_kind:
                continue  # a line break inside one HTML block element
            if plain and cur_start >= 0 and kind == cur_kind and kind in ("paragraph", "quote"):
                # (the cheap tests first: most lines start with a capital)
                stripped = line if letter else line.lstrip(" \t>") if kind == "quote" else line.lstrip()
                if stripped[:1].islower() and _runs_on(lines[before]):
                    continue  # soft-wrapped continuation of the same paragraph
            _close_block(blocks, lines, cur_start, before, cur_kind)
            cur_start, cur_kind = i, kind
        _close_block(blocks, lines, cur_start, _seen_before(len(lines) - 1, void), cur_kind)
        return blocks

    @cached_property
    def folded_text(self) -> str:
        """``text`` in NFKC, case-folded (`lintnews.textnorm.fold`)."""
        return textnorm.fold(self.text)

    @cached_property
    def normalized_lines(self) -> list[str]:
        """`lintnews.textnorm.normalize` of every line, from `folded_text` in one pass; treat it
        as read-only."""
        return self._normalized_profile[0]

    @cached_property
    def line_keys(self) -> list[str]:
        """`lintnews.textnorm.line_key` of every line (what pack entries match), from
        `folded_text`; treat it as read-only."""
        return textnorm.line_keys_of(self.folded_text)

    @cached_property
    def stopword_profile(self) -> _language.Profile:
        """Stop-word hits per language near the start of the text, and the number of words
        there (`lintnews.language.profile_of_lines` of `normalized_lines`)."""
        return self._normalized_profile[1]

    @cached_property
    def _normalized_profile(self) -> tuple[list[str], _language.Profile]:
        """`normalized_lines` and `stopword_profile` made in one pass over `folded_text`
        (`lintnews.language.normalized_profile`): a default run reads both."""
        from lintnews import language  # (here: a re-run answered from the cache never needs it)

        return language.normalized_profile(self.folded_text)

    @cached_property
    def language(self) -> str | None:
        """Detected language code, from `stopword_profile`, else the letters of its script (see
        `lintnews.language.detect`; `lintnews.language_scripts.script_language` of
        `folded_text`, read only when the profile places none)."""
        from lintnews import language

        return language.detect_profile(self.stopword_profile) or language.script_language(self.folded_text)

    def block_at(self, line: int) -> Block | None:
        """The block that holds the line ``line`` (0-based), or None (a blank line): found by
        bisection, the blocks being in order."""
        k = bisect.bisect_right(self._block_starts, line) - 1
        if k >= 0 and line <= self.blocks[k].end:
            return self.blocks[k]
        return None

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]


def py_line_starts_of(lines: list[str]) -> bytes:
    """The offset of each line's start in ``"\\n".join(lines)`` (0, and one past each line
    break), as the bytes of an ``array("q")``, from the lines' lengths: the definition of the
    kernel `line_starts_of`."""
    return array("q", itertools.accumulate([len(line) + 1 for line in lines[:-1]], initial=0)).tobytes()


line_starts_of = native.compiled.line_starts_of if native.compiled else py_line_starts_of


_TAG_KINDS = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "title": "heading",
    "li": "list",
    "dt": "list",
    "dd": "list",
    "tr": "table",
    "th": "table",
    "td": "table",
    "caption": "caption",
    "figcaption": "caption",
    "blockquote": "quote",
    "pre": "code",
}
#: Every kind a block of `Document.blocks` may have: the plain text's (`native.BLOCK_KINDS`) and
#: the HTML elements' (a rule picking blocks by kind with `lintnews.block_edges.blocks_where`
#: names them from here).
KINDS = tuple(dict.fromkeys((*native.BLOCK_KINDS, *_TAG_KINDS.values())))


def words(text: str) -> list[str]:
    """Word tokens of a text (letters, digits, inner apostrophes and hyphens)."""
    return native.words(text)
