"""The shapes of a navigation menu's lines, and the runs they make (B028, `menus.py`).

A menu item is one to four capitalised words ("League Cup", "U.S.", "要闻": `menu_items`), a row
of links joined by separators ("About Us | Contact | Privacy"), or an entry of a blog's archive
or category list ("November 2012 (4)", "Candy (5)"); a separator on a line of its own ("•", "»")
keeps a run going. `menu_kinds` reads what each line of a document is (a kernel,
`native.menu_kinds`, reads most lines alone and leaves the rest to `line_kind`), `menu_runs`
finds the runs of such lines that are long enough and mostly in title case; where in the
document a run counts is the rule's to judge, with `chained_runs` (a short run between the
article's paragraphs next to a menu found) and `is_infobox` (a run before the article that is
its infobox).
"""

from __future__ import annotations

import functools
import re

from lintnews import native
from lintnews.document import Block, Document
from lintnews.native_chrome import MENU_ASK
from lintnews.seen_width import SEEN_LINES

from .menu_items import WORD, capitalised, is_item, unmarked

#: The list markers and heading marks in front of a menu item ("* Home", "- Sport", "## News"),
#: all of them: html2text prints a nested list's empty parents and a heading in an item on the
#: item's line ("  *   *     * Portal", "  * #### Car Reviews").
MARKER = re.compile(r"^\s*(?:(?:[-*+•·▪►>]|#{1,6})\s+)+")
#: Separators of a row of links ("Home | News", "About Us • Contact", "Contact Us : Privacy").
_SEPARATOR = re.compile(r"\s(?:\||•|·|::?|»|›|/|–|—)\s|^\s*\||\|\s*$")
#: What a sentence ends with; a menu item never does.
SENTENCE_END = re.compile(r"[.!?;,…\"”]\s*$")
#: Most words of one segment of a row of links.
_SEGMENT_WORDS = 5
#: Fewest non-blank lines of a menu, and of a menu made of link rows only.
_MIN_LINES = MIN_ITEMS = 4
_MIN_ROWS = 2
#: Share of the menu's lines in title case (every word of four letters or more capitalised),
#: or link rows: a list of features ("Advanced all-wheel drive system") is not a menu.
_MIN_TITLED = 0.6
#: An entry of a blog's archive or category list: a month and year ("November 2012", "► Nov
#: 2010 (29)") or a name with a count of posts ("Candy (5)", "Massive Multiplayer (MMO) (47)").
_ARCHIVE = re.compile(
    r"""^(?:[►▼▸»]\s*)?(?:
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d(?:\s*\(\d{1,5}\))?
        |[^\W\d_][\w'’&./-]*(?:\s+[\w'’&./()-]+){0,5}\s*\(\d{1,5}\))$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A character of a separator of a row of links (see `_SEPARATOR`).
_ROW_HINT = re.compile(r"[|•·:»›/–—]")
#: A digit anywhere in a line.
_DIGIT = re.compile(r"\d")
#: Longest line (spaces and marker stripped) that can be an item, a row of links or an archive
#: entry; a line longer by more than a marker ("###### ") ends a run at once, which keeps a scan
#: over the article's prose cheap.
LONGEST = 200
#: Fewest items of a menu between the article's first and last paragraphs of prose (a sidebar
#: between the article and the comments, a blog's archive): a list inside an article is shorter.
MIN_MIDDLE = 16
#: A line that is only a separator between two links, which an extractor put on a line of its
#: own ("•", "»", ">", "|"): neither an item nor the end of a run.
_SEPARATOR_LINE = re.compile(r"[|•·»›>/:–—-]$")

#: What separates the segments of a row of links (`_row`), and a segment's sentence end.
_SEGMENTS = re.compile(r"\s*(?:\||•|·|::?|»|›)\s*")
_SEGMENT_END = re.compile(r"[.!?]$")


#: The first characters of a marker (`MARKER`).
MARKER_START = frozenset("-*+•·▪►>#")


def _bare(line: str) -> str:
    """A line without its list or heading marker and the spaces around it: what `is_item`,
    `_archive` and `_row` judge."""
    stripped = line.strip()
    if stripped[:1] not in MARKER_START:
        return stripped  # no marker (most lines): `MARKER` would take nothing
    return MARKER.sub("", line).strip()


def _archive(text: str) -> bool:
    """An entry of an archive or category list (see `_ARCHIVE`; ``text``: a `_bare` line)."""
    # (an entry ends with its year or its count: most lines are out before the pattern)
    return (
        len(text) <= 60 and (text[-1:] == ")" or text[-1:].isdecimal()) and _ARCHIVE.match(text) is not None
    )


def _row(text: str) -> bool:
    """A row of links (``text``: a `_bare` line): at least two separators, every segment a short
    item."""
    if len(text) > LONGEST or not _ROW_HINT.search(text):
        return False  # a paragraph, or no separator at all (most lines): the cheap tests first
    if len(_SEPARATOR.findall(f" {text} ")) < 2:
        return False  # a sentence with a dash or a colon in it
    if SENTENCE_END.search(text.rstrip("| ")):
        return False
    if _DIGIT.search(text):
        return False  # a table row ("AZ-1 | NEW | McCain +3"), not links
    parts = [p.strip() for p in _SEGMENTS.split(text) if p.strip()]
    if len(parts) < 3:
        return False
    return all(len(WORD.findall(p)) <= _SEGMENT_WORDS and not _SEGMENT_END.search(p) for p in parts)


#: What `line_kind` says of a line, as bits: a menu item or archive entry, a row of links, a
#: separator alone on its line (it keeps a run going), a blank line, and in title case.
ITEM, ROW, SEPARATOR, BLANK, TITLED = 1, 2, 4, 8, 16


@functools.lru_cache(maxsize=1 << 16)
def line_kind(line: str) -> int:
    """What one line (as a reader sees it) is to a menu, as `ITEM`... bits; 0 ends a run. Kept per
    process: a site's menus and footers come back on each of its pages and each copy of a story.
    (What `is_item`, `_archive` and `_row` say of it, each asked once at most.)"""
    stripped = line.strip()
    if not stripped:
        return BLANK
    if len(stripped) > LONGEST + 8:
        return 0  # a paragraph
    bare = stripped if stripped[0] not in MARKER_START else MARKER.sub("", line).strip()
    # a menu line: an item, an archive entry or a row of links (one kind at most); the words of
    # four letters or more capitalised make it a title-case line (an archive entry always is)
    if is_item(bare):
        titled = capitalised(unmarked(bare)) or _archive(bare)
        return ITEM | TITLED if titled else ITEM
    if _archive(bare):
        return ITEM | TITLED
    if _row(bare):
        return ROW | TITLED if capitalised(bare) or "|" in bare else ROW
    if len(stripped) == 1 and _SEPARATOR_LINE.match(stripped):
        return SEPARATOR
    return 0


#: A run of a menu's lines in the kinds of a stretch of lines (one byte a line, `line_kind`'s): an
#: item or a row, then items, rows, separators alone and blank lines, one blank line at most between
#: two items (two in a row end the run); any other line ends it. Only a run of two items or rows or more (`_MIN_ROWS`)
#: is found: a lone one is no menu, however its ends are trimmed.
_ITEM_OR_ROW = rb"[\x01\x02\x11\x12]"
_RUN = re.compile(
    _ITEM_OR_ROW + rb"(?:\x04|\x08(?!\x08))*" + _ITEM_OR_ROW + rb"(?:[\x01\x02\x04\x11\x12]|\x08(?!\x08))*"
)


def menu_kinds(doc: Document) -> bytearray:
    """`line_kind` of each line of ``doc`` as a reader sees it (`SEEN_LINES`), one byte a line: a
    kernel reads the lines it can alone, and leaves the others (`MENU_ASK`) to `line_kind`."""
    lines = SEEN_LINES.of(doc)
    kinds = bytearray(native.menu_kinds(lines))
    j = kinds.find(MENU_ASK)
    while j >= 0:
        kinds[j] = line_kind(lines[j])
        j = kinds.find(MENU_ASK, j + 1)
    return kinds


def menu_runs(kinds: bytearray, first: int, stop: int) -> list[tuple[int, int, int]]:
    """The menus among lines ``first..stop-1`` (``kinds``: `menu_kinds`): (start, end, number of
    items) of every run of item lines and link rows that is long enough and has no other line in
    it; a run ends at ``stop`` as at any line that is not the menu's."""
    found: list[tuple[int, int, int]] = []
    for m in _RUN.finditer(kinds, first, stop):
        run = [j for j in range(m.start(), m.end()) if kinds[j] & (ITEM | ROW)]
        # items not in title case at either end are not the menu's ("Safety features" after it)
        lo, hi = 0, len(run)
        while lo < hi and not kinds[run[lo]] & TITLED:
            lo += 1
        while hi > lo and not kinds[run[hi - 1]] & TITLED:
            hi -= 1
        n = hi - lo
        rows = sum(1 for j in run[lo:hi] if kinds[j] & ROW)
        titled = sum(1 for j in run[lo:hi] if kinds[j] & TITLED)
        if n >= _MIN_ROWS and titled >= _MIN_TITLED * n and (n >= _MIN_LINES or rows >= _MIN_ROWS):
            found.append((run[lo], run[hi - 1], n))
    return found


#: A paragraph that is markup an extractor left as text ("<div class="alertBox"> <div …",
#: "<img width=1 height=1 alt="" src=…>"): its attributes have the words of a sentence.
_MARKUP = re.compile(r"<[a-zA-Z][a-zA-Z0-9]{0,9}[\s>].*>\s*$", re.DOTALL)
#: A tag, and most words of text a paragraph of markup holds outside its tags (a paragraph
#: of the article wrapped in "<p>…</p>" holds more).
_TAG = re.compile(r"<[^<>]*>")
_MARKUP_WORDS = 3


def _markup(text: str) -> bool:
    """Whether a paragraph is markup left as text (`_MARKUP`), not prose in tags."""
    return (
        text.startswith("<")
        and _MARKUP.match(text) is not None
        and len(_TAG.sub(" ", text).split()) <= _MARKUP_WORDS
    )


#: Fewest lines of text, none of prose, under a paragraph of one line at the top of a whole page
#: for it to be no paragraph of the article, and its most characters (a listicle's introduction
#: over its thirty short items is longer; see `article_prose`).
_ISOLATED_TOP = 30
_ISOLATED_CHARS = 250


def _isolated_top(doc: Document, prose: list[Block]) -> bool:
    """Whether the first paragraph of prose is one line standing alone above the page's menus,
    `_ISOLATED_TOP` lines of text or more above the next (a cookie notice, "Please activate
    cookies in order to turn autoplay off", a ticker's headline, a blog's description): not
    one that announces a list (a colon at its end) nor one longer than `_ISOLATED_CHARS` (a
    listicle's introduction)."""
    if len(prose) < 2 or prose[0].start != prose[0].end or len(prose[0].text) > _ISOLATED_CHARS:
        return False
    text = sum(1 for k in range(prose[0].end + 1, prose[1].start) if doc.lines[k].strip())
    return text >= _ISOLATED_TOP and not prose[0].text.rstrip().endswith(":")


def article_prose(doc: Document) -> list[Block]:
    """The blocks of prose of ``doc``, but for rows of links ("Print this story | Email this
    story | Discuss Story" has the words of a sentence): a paragraph of one line that `line_kind`
    reads as a row (the kernel leaves every line that may be one to it); markup left as text
    (`_MARKUP`); and a line of prose alone at the top of the page (`_isolated_top`)."""
    prose = [b for b in doc.blocks if b.prose and not _markup(b.text)]
    if _isolated_top(doc, prose):
        prose = prose[1:]
    ones = [b for b in prose if b.start == b.end]
    screened = native.menu_kinds([b.text for b in ones])
    j = screened.find(MENU_ASK)
    rows = set()
    while j >= 0:
        if line_kind(ones[j].text) & ROW:
            rows.add(ones[j].index)
        j = screened.find(MENU_ASK, j + 1)
    return [b for b in prose if b.index not in rows] if rows else prose


#: Most lines of text between a menu found and a shorter run between the article's paragraphs
#: that continues it (`chained_runs`: a sidebar's next box, a menu's next column).
_CHAIN_GAP = 3


def chained_runs(
    doc: Document, prose: list[Block], short: list[tuple[int, int, int]], found: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """The runs between the article's paragraphs too short for a sidebar (``short``) that stand
    next to a menu found (``found``) or to one of them that does, with no paragraph of prose
    and at most `_CHAIN_GAP` lines of text between: the sidebar's next box ("### Facebook
    Favorites" over "* Help Center", "* Facebook Security", ...), a menu's next column."""
    if not (short and found):
        return []
    lines = doc.lines
    in_prose = {i for b in prose for i in range(b.start, b.end + 1)}

    def near(lo: int, hi: int) -> bool:
        """Whether at most `_CHAIN_GAP` lines of text, none of prose, stand between lines ``lo``
        and ``hi`` (the end of one run and the start of the next)."""
        text = 0
        for i in range(lo + 1, hi):
            if lines[i].strip():
                text += 1
                if text > _CHAIN_GAP or i in in_prose:
                    return False
        return True

    # in the order of the document, a short run is chained when the run before it or after it
    # (a menu found or a run chained) is near: forwards, then backwards, until none is added
    runs = sorted([(m, False) for m in short] + [(f, True) for f in found])
    taken = [menu for _, menu in runs]
    grown = True
    while grown:
        grown = False
        for order in (range(1, len(runs)), range(len(runs) - 2, -1, -1)):
            for k in order:
                j = k - 1 if order.step > 0 else k + 1
                if taken[k] or not taken[j]:
                    continue
                (a, _), (b, _) = sorted((runs[j], runs[k]))
                if near(a[1], b[0]):
                    taken[k] = grown = True
    return [m for (m, menu), t in zip(runs, taken) if t and not menu]


def is_infobox(doc: Document, kinds: bytearray, menu: tuple[int, int, int], labels: frozenset[str]) -> bool:
    """Whether ``menu``, a run before the article, is its infobox flattened one cell a line
    ("Industry" / "Open-source software" / "Founded"): two of its items or more are field names
    (``labels``, line keys), never two in a row (a label is followed by its value), and they make
    a quarter of its items or more. (Only before the article: an infobox leads it, as Wikipedia's
    does; a box of facts after it is the sidebar's, a shop's "Genre" / "RPG" / "Developer" /
    "Square Enix", which Dragnet's gold holds as boilerplate.)"""
    start, end, _ = menu
    keys = doc.line_keys
    items = [j for j in range(start, end + 1) if kinds[j] & (ITEM | ROW)]
    at = [k for k, j in enumerate(items) if keys[j] in labels]
    return len(at) >= 2 and 4 * len(at) >= len(items) and all(b - a > 1 for a, b in zip(at, at[1:]))
