"""The compiled kernels (`lintnews._native`, built from ``_native.c`` when a C compiler is there)
and the pure-Python definitions they must equal.

Each name below is the compiled function when the extension is importable, else its Python
definition (``py_*``); set ``LINTNEWS_PURE_PYTHON=1`` to run the Python definitions anyway.
tests/test_native.py checks that both give the same results on generated text. The kernels
exist for speed only: every result, and so every diagnostic, is the same either way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from types import ModuleType

from lintnews.caseless import py_caseless_prose
from lintnews.native_chrome import ODD_FOLDS as ODD_FOLDS
from lintnews.native_chrome import (
    py_all_in,
    py_lines_holding,
    py_menu_kinds,
    py_short_key_runs,
    py_short_lines_holding,
)

#: A run of non-word characters within one line (the underscore, a word character for `re`,
#: is turned into a space first).
_NON_WORD_IN_LINE = re.compile(r"[^\w\n]+")
#: A word: letters and digits, with inner apostrophes and hyphens.
WORD = re.compile(r"\w+(?:[’'\-]\w+)*", re.UNICODE)


def py_normalized_lines(text: str) -> list[str]:
    """Per line of ``text``, its runs of alphanumeric characters joined by single spaces: the
    lines of `lintnews.language.py_normalized_counts` (the kernel `normalized_counts` makes
    them with a document's stop-word profile)."""
    return [line.strip() for line in _NON_WORD_IN_LINE.sub(" ", text.replace("_", " ")).split("\n")]


def py_words(text: str) -> list[str]:
    """The words of ``text`` (see `WORD`)."""
    return WORD.findall(text)


def py_word_stats(text: str) -> tuple[int, int]:
    """The number of `py_words` of ``text``, and how many start with a lower-case letter."""
    words = py_words(text)
    return len(words), sum(map(str.islower, "".join([w[0] for w in words])))


def py_count_words(text: str, vocabulary: dict[str, int]) -> tuple[list[int], int, int]:
    """Over the whitespace-separated words of ``text``: how often each word of ``vocabulary``
    (word -> its index, 0 to len - 1, or `py_vocabulary` of one) occurs, by index; the number of
    words; and the number of words that are `str.isdigit`."""
    words = text.split()
    counts = [0] * len(vocabulary)
    for word in words:
        at = vocabulary.get(word)
        if at is not None:
            counts[at] += 1
    return counts, len(words), sum(map(str.isdigit, words))


def py_vocabulary(vocabulary: dict[str, int]) -> dict[str, int]:
    """What `py_count_words` takes in place of ``vocabulary``, made once: a copy of it (the
    compiled one is the lookup table the kernel would make of the dict on every call)."""
    return dict(vocabulary)


def py_collapse_lines(lines: list[str], strip: str) -> list[str]:
    """Every line with its whitespace runs made one space, then ``strip`` characters taken off
    both ends."""
    return [" ".join(line.split()).strip(strip) for line in lines]


#: Markdown emphasis around words ("**Read more:**", "_Ähnliche Beiträge_"); a lone "*" between
#: spaces ("marked with * are required") and snake_case stay. (The leading ``(?=[*_])`` changes
#: no match, as both branches start with a ``*`` or ``_``, but lets the scan skip every other
#: position before trying the look-behinds: 2.7x faster on the lines of whole pages.) What pack
#: line keys are rid of (`lintnews.textnorm.EMPHASIS`), here for `py_line_keys`.
EMPHASIS = re.compile(r"""(?=[*_])(?:(?<!\w)[*_]{1,3}(?=[\w¿¡])|(?<=[\w.!?:…)"'])[*_]{1,3}(?!\w))""")


def py_line_keys(text: str, strip: str, froms: str = "", tos: str = "") -> list[str]:
    """`py_collapse_lines` of the lines of ``text`` rid of `EMPHASIS`: the pack line keys of a
    folded text with straightened quotes (`lintnews.textnorm.line_keys_of`). The compiled kernel
    reads the text once and matches the pattern's two branches itself (the regex costs ~2 µs a
    line, and a whole page has a "*" or "_" in one line of four). With ``froms`` and ``tos``:
    of ``text.translate(str.maketrans(froms, tos))`` (the kernel replaces them as it reads them;
    it refuses more than 64, any below U+0080 or above U+FFFF, more than 32 from U+0100, and
    ``tos`` wider than the text's characters)."""
    if froms or tos:
        widest = max(map(ord, text), default=0)
        fits = 0xFF if widest < 0x100 else 0xFFFF if widest < 0x10000 else 0x10FFFF
        tos_ok = len(froms) == len(tos) <= 64 and max(map(ord, tos)) <= fits
        froms_ok = all(0x80 <= ord(c) <= 0xFFFF for c in froms) and sum(ord(c) > 0xFF for c in froms) <= 32
        if not (tos_ok and froms_ok):
            raise ValueError("line_keys() takes froms and tos it can replace (see py_line_keys)")
        text = text.translate(str.maketrans(froms, tos))
    lines = [EMPHASIS.sub("", line) if "*" in line or "_" in line else line for line in text.split("\n")]
    return py_collapse_lines(lines, strip)


def py_chars_in(text: str, chars: str) -> set[str]:
    """The characters of ``chars`` (of the Basic Multilingual Plane) that occur in ``text``."""
    if any(ord(c) > 0xFFFF for c in chars):
        raise ValueError("chars_in() takes characters of the Basic Multilingual Plane")
    return set(chars).intersection(text)


def py_casefold(text: str) -> str:
    """`str.casefold` of ``text`` (the kernel folds ASCII characters inline: the method goes
    through a buffer of four bytes a character for any text that is not all ASCII)."""
    return text.casefold()


#: The kinds of `py_plain_block_spans`'s blocks, by number.
BLOCK_KINDS = ("paragraph", "heading", "list", "table", "quote", "code")
_PARAGRAPH, _HEADING, _LIST, _TABLE, _QUOTE, _CODE = range(6)
_HEADING_MD = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪►]|\d{1,3}[.)])\s+\S")
_TABLE_ROW = re.compile(r"^\s*\|.*\|?\s*$")
_QUOTE_LINE = re.compile(r"^\s*>")
#: A line that opens a Markdown code fence (the one definition every reader of fences uses; the
#: compiled ``plain_blocks`` tests the same): spaces or tabs (a fence in a list item of
#: hand-written Markdown stands four spaces or a tab in; CommonMark reads the indent against the
#: item's, which no reader here tracks), a run of 3 or more backticks or tildes (group 1), then white space
#: and an info string that starts with a letter or "{" ("python", "{.python}"), holding no
#: backtick after backticks. html2text's empty struck-out link "~~~~__" opens none, nor inline
#: code of its own line ("```` `x` ````"); a line of tildes alone does.
#: (Possessive runs: a line that fails is not tried again with fewer spaces or marks.)
FENCE_OPENER = re.compile(
    r"[ \t]*+(`{3,}+(?=\s*+(?:(?:[^\W\d_]|\{)[^`]*+)?\Z)|~{3,}+(?=\s*+(?:(?:[^\W\d_]|\{).*+)?\Z))", re.S
)
#: A line that closes a fence whose opening run of marks it starts with (``m[1].startswith(run)``):
#: spaces or tabs, a run of the same character at least as long as the opener's, white space.
FENCE_CLOSER = re.compile(r"[ \t]*+(`{3,}+|~{3,}+)\s*+\Z")


def fence_step(line: str, run: str) -> str | None:
    """What ``line`` does to a code fence. Outside code (``run`` ""): the run of marks of the fence
    it opens, or None. Inside a fence opened by ``run``: "" when it closes the fence, else None (a
    line of code, however fence-like: a "~~~" inside a "```" fence, a shorter "```")."""
    if run:
        m = FENCE_CLOSER.match(line)
        return "" if m is not None and m[1].startswith(run) else None
    m = FENCE_OPENER.match(line)
    return None if m is None else m[1]


def fence_spans(lines: Sequence[str], candidates: Iterable[int] | None = None) -> list[tuple[int, int]]:
    """The code fences of ``lines`` (`fence_step`), as (opening line, closing line), 0-based; a
    fence never closed closes at ``len(lines)``. Only the ``candidates`` lines (ascending; None:
    all) are read: a caller that knows which lines hold a backtick or a tilde passes those."""
    spans: list[tuple[int, int]] = []
    run, start = "", 0
    for i in range(len(lines)) if candidates is None else candidates:
        step = fence_step(lines[i], run)
        if step is not None:
            if run:
                spans.append((start, i))
            run, start = step, i
    if run:
        spans.append((start, len(lines)))
    return spans


_TERMINAL = re.compile(r"""[.!?…:;"'”’»)\]]\s*$""")


def _plain_line_kind(text: str) -> int:
    if _HEADING_MD.match(text):
        return _HEADING
    if _TABLE_ROW.match(text) and text.count("|") >= 2:
        return _TABLE
    if _LIST_ITEM.match(text):
        return _LIST
    if _QUOTE_LINE.match(text):
        return _QUOTE
    return _PARAGRAPH


def py_plain_block_spans(lines: list[str]) -> list[tuple[int, int, int]]:
    """The blocks of the lines of a plain text (no HTML tags, no soft breaks), as ``(start,
    end, kind)`` (lines 0-based, ``end`` inclusive, ``kind`` an index of `BLOCK_KINDS`): what
    `lintnews.document.Document.blocks` defines. Blank lines, headings, list items, table rows
    and code fences (`fence_step`; a fence's own lines are in no block) separate blocks; a
    paragraph or quote line that starts in lower case after a line of 40 characters or more that
    ends no sentence continues the block before it."""
    out: list[tuple[int, int, int]] = []
    run = ""  # the open fence's run of marks ("": not in code)
    cur_start, cur_kind = -1, _PARAGRAPH
    for i, line in enumerate(lines):
        letter = line[:1].isalpha()
        if not letter and (step := fence_step(line, run)) is not None:
            if cur_start >= 0:
                out.append((cur_start, i - 1, cur_kind))
                cur_start = -1
            run = step
            continue
        if run:
            if cur_start < 0:
                cur_start, cur_kind = i, _CODE
            continue
        if not letter and not line.strip():
            if cur_start >= 0:
                out.append((cur_start, i - 1, cur_kind))
                cur_start = -1
            continue
        kind = _PARAGRAPH if letter else _plain_line_kind(line)
        if cur_start >= 0 and kind == cur_kind and kind in (_PARAGRAPH, _QUOTE):
            stripped = line if letter else line.lstrip(" \t>") if kind == _QUOTE else line.lstrip()
            if stripped[:1].islower():
                prev = lines[i - 1].rstrip()
                if len(prev) >= 40 and not _TERMINAL.search(prev):
                    continue
        if cur_start >= 0:
            out.append((cur_start, i - 1, cur_kind))
        cur_start, cur_kind = i, kind
    if cur_start >= 0:
        out.append((cur_start, len(lines) - 1, cur_kind))
    return out


#: What a sentence, or a list of items, ends with (after stripping): not a title.
_SENTENCE_END_CHARS = (".", "!", ",", ";", ":")
_SPACE_RUN = re.compile(r"\S(?:[ \xa0]{3,}|\t)\s*\S")


def _heading_like(text: str, kind: str, count: int) -> bool:
    """A heading, or a paragraph of one line shaped like a title: at most 160 characters and
    20 words, starting with a capital or a digit, with no sentence punctuation at the end. A line
    ending in a colon introduces what follows (a label or a list intro), and a line with runs of
    blanks inside is a table row laid out with spaces: neither is a title."""
    if kind == "heading":
        return True
    if kind != "paragraph" or "\n" in text:
        return False
    text = text.strip()
    return (
        len(text) <= 160
        and (text[:1].isupper() or text[:1].isdigit())
        and not text.endswith(_SENTENCE_END_CHARS)
        and 1 <= count <= 20
        and not (("\t" in text or "\xa0" in text or "   " in text) and _SPACE_RUN.search(text) is not None)
    )


def cased_prose(word_count: int, lower_count: int) -> bool:
    """Whether a paragraph of ``word_count`` words, ``lower_count`` of them starting in lower
    case, is prose by its words' case (the compiled ``block_traits`` tests the same): 8 words or
    more, 45 % of them lower case (a title, a menu or a byline has fewer)."""
    return word_count >= 8 and lower_count >= 0.45 * word_count


class PyBlock:
    """A paragraph-like unit of a document: one or more consecutive text lines
    (`lintnews.document.Document.blocks` makes them; ``lintnews.document.Block`` is this class,
    or its compiled twin).

    ``kind`` is one of ``heading``, ``list``, ``table``, ``quote``, ``code``, ``caption`` or
    ``paragraph`` (prose or anything else). Lines are 0-based and ``end`` is inclusive.
    Treat a block as read-only (the compiled blocks are); blocks compare by identity.

    What most rules ask of a block is computed when it is made, in one pass over its text:
    nearly every block is asked, and an attribute is read faster than a lazily computed
    property. Only `words` is made on demand. Blocks are made for every line of every document,
    so a block is small (``__slots__``: no per-instance dict)."""

    __slots__ = (
        "index",
        "start",
        "end",
        "text",
        "kind",
        "word_count",
        "lower_count",
        "heading_like",
        "prose",
        "_words",
    )
    #: ``len(self.words)``.
    word_count: int
    #: How many of `words` start with a lower-case letter.
    lower_count: int
    #: A heading, or a paragraph of one line shaped like a title (see `_heading_like`).
    heading_like: bool
    #: Running text: a paragraph or quote of 8 words or more, at least 45 % of them lower case
    #: (titles are not); or, in a script without letter case, one `py_caseless_prose` takes.
    prose: bool
    _words: list[str]  # (unset until first asked for)

    def __init__(self, index: int, start: int, end: int, text: str, kind: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.word_count, self.lower_count = count, lower = py_word_stats(text)
        self.heading_like = _heading_like(text, kind, count)
        self.prose = kind in ("paragraph", "quote") and (cased_prose(count, lower) or py_caseless_prose(text))

    def __repr__(self) -> str:
        return (
            f"Block(index={self.index!r}, start={self.start!r}, end={self.end!r}, text={self.text!r}, "
            f"kind={self.kind!r})"
        )

    @property
    def words(self) -> list[str]:
        """The block's words (`py_words`), made on first use."""
        try:
            return self._words
        except AttributeError:
            found = self._words = py_words(self.text)
            return found

    def cached_words(self) -> list[str] | None:
        """`words`, when they were made already (None otherwise)."""
        try:
            return self._words
        except AttributeError:
            return None


def py_plain_blocks(lines: list[str]) -> list[PyBlock]:
    """The `PyBlock` of each of `py_plain_block_spans`, its text the lines joined by line
    breaks."""
    return [
        PyBlock(
            n,
            start,
            end,
            lines[start] if start == end else "\n".join(lines[start : end + 1]),
            BLOCK_KINDS[kind],
        )
        for n, (start, end, kind) in enumerate(py_plain_block_spans(lines))
    ]


def _load() -> ModuleType | None:
    if os.environ.get("LINTNEWS_PURE_PYTHON"):
        return None
    try:
        from lintnews import _native
    except ImportError:
        return None
    return _native


#: The compiled module, or None.
compiled = _load()


def describe() -> str:
    """Which kernels run, for ``lintnews --version``."""
    if compiled is not None:
        return "compiled kernels"
    if os.environ.get("LINTNEWS_PURE_PYTHON"):
        return "pure-Python kernels: LINTNEWS_PURE_PYTHON is set"
    return "pure-Python kernels: the C extension is not built"


words = compiled.words if compiled else py_words
count_words = compiled.count_words if compiled else py_count_words
vocabulary = compiled.vocabulary if compiled else py_vocabulary
collapse_lines = compiled.collapse_lines if compiled else py_collapse_lines
line_keys = compiled.line_keys if compiled else py_line_keys
chars_in = compiled.chars_in if compiled else py_chars_in
casefold = compiled.casefold if compiled else py_casefold
plain_blocks = compiled.plain_blocks if compiled else py_plain_blocks
Block = compiled.Block if compiled else PyBlock
# (the site-chrome rules' screens: their definitions are in `lintnews.native_chrome`)
short_lines_holding = compiled.short_lines_holding if compiled else py_short_lines_holding
lines_holding = compiled.lines_holding if compiled else py_lines_holding
short_key_runs = compiled.short_key_runs if compiled else py_short_key_runs
all_in = compiled.all_in if compiled else py_all_in
menu_kinds = compiled.menu_kinds if compiled else py_menu_kinds
