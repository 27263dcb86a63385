"""Where a repeated heading-shaped line stands when it is no repeated title: a cell of a table
flattened to one cell a line or a line of a Markdown table's cell, a photo credit under each
picture, a list of a text's parts set above the sections that describe them. D002
(``headings.py``) leaves these alone."""

from __future__ import annotations

import re

from lintnews.config import Settings
from lintnews.document import Block, Document, View, words
from lintnews.packs import lines_matched
from lintnews.packs.matching import phrase_lines

from .keys import _MD_HEADING

#: A cell of numbers: a count, a share, an amount ("455499", "88.1%", "42,700", "$1,200", "2").
_NUMBER_CELL = re.compile(r"^[\s$€£¥+\-−–(]*\d[\d\s.,:%/+\-−–)]*$")
#: How many lines with text each side of a line `table_cell` reads, and how many of them must be
#: cells of numbers on each side.
_CELL_REACH = 3
_CELLS = 2
#: A numbered item ("2.", "2. 2"): the rank of a list, not a cell.
_RANK = re.compile(r"^\d{1,3}\.(?:\s|$)")
#: New York Times's credit label, glued to the credit ("CreditPhoto Illustration by Jane Roe for
#: The New York Times", "CreditJane Roe for The New York Times").
_GLUED_CREDIT = re.compile(r"^\W*Credit(?=[A-Z])")


def table_cell(doc: Document, block: Block, sides: int = 2) -> bool:
    """``block`` is a cell of a table set out one cell a line ("Bay of Plenty" between "Tauranga",
    "42,700" and "141,600", "15"; a name between two rows of "455499" and "88.1%"): among the
    `_CELL_REACH` lines with text on each of ``sides`` sides of it (2: both, 1: either, for the
    first copy, which may stand in the first row), at least `_CELLS` are cells of numbers.
    A region or a name recurs down such a column by design; a title repeated over a copied story
    stands between paragraphs, and a list of headlines printed twice has one rank or date
    between two titles (a Markdown heading or a numbered item is no cell)."""
    if _MD_HEADING.match(block.text):
        return False
    lines = doc.lines
    full = 0
    for step, start in ((-1, block.start - 1), (1, block.end + 1)):
        i, seen, found = start, 0, 0
        while 0 <= i < len(lines) and seen < _CELL_REACH:
            text = lines[i].strip()
            i += step
            if not text:
                continue
            seen += 1
            found += len(text) <= 20 and _NUMBER_CELL.match(text) is not None and not _RANK.match(text)
        full += found >= _CELLS
    return full >= sides


#: A Markdown table's delimiter row ("---|---", "|:--|--:|"), as html2text and GitHub write it.
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
#: Most lines of one cell `pipe_table_line` reads each side of a line for a cell separator, and
#: how far it looks for the table's delimiter row.
_CELL_LINES = 3
_TABLE_REACH = 60


def pipe_table_line(doc: Document, block: Block) -> bool:
    """``block`` is a line of a Markdown table: a row, or a line of a cell that holds line breaks
    (html2text writes a box score's "WP: James Shields (10 - 7)", "SV: Fernando Rodney" and
    "LP: J.A. Happ" of one cell on three lines of one row): a line with a cell separator ("|")
    within `_CELL_LINES` lines each side of it, and the table's delimiter row ("---|---") above
    or below (under the first row, the header), with no blank line between. The same pitcher
    recurs down such a column by design; a line after a table's notes (a text with no blank
    lines, "Quelle: …" under each of two tables) stands further from its rows."""
    lines = doc.lines
    for step, start in ((-1, block.start - 1), (1, block.end + 1)):
        i = start
        while (
            0 <= i < len(lines) and abs(i - start) < _CELL_LINES and lines[i].strip() and "|" not in lines[i]
        ):
            i += step
        if not (0 <= i < len(lines) and "|" in lines[i]):
            return False
    for step, start in ((-1, block.start - 1), (1, block.end + 1)):
        i = start
        while 0 <= i < len(lines) and abs(i - start) < _TABLE_REACH and lines[i].strip():
            if _DELIMITER_ROW.match(lines[i]):
                return True
            i += step
    return False


def photo_credit(doc: Document, settings: Settings, block: Block) -> bool:
    """``block`` is a photo credit (an `image-credit` phrase, "Mark Roe/iStock/Getty Images", or
    the New York Times's glued "CreditJane Roe for The New York Times"): a page repeats it under
    each picture of one photographer, and B021 (not in the default selection) reports it."""
    if _GLUED_CREDIT.match(block.text):
        return True
    return block.start == block.end and block.start in lines_matched(doc, settings, ("image-credit",))


def _plain(text: str) -> str:
    return " ".join(words(text)).casefold()


def listed_parts(doc: Document, settings: Settings, block: Block, first: Block) -> bool:
    """``first`` is an entry of a list of a text's parts (three short lines or more in a row:
    "ATF consists of the following components:", then "Frontend", "Task Store", "Queue") and
    ``block`` the heading of that part's section, over a paragraph of prose: at least three
    entries of the list are headings of such sections further down. Entries of one or two words
    count (D002's table-of-contents test sees only headings of ``min-words``); lines of chrome
    that a phrase rule reports do not ("Adblock Detected" and "Share on Facebook" under a
    headline name no part, wherever else the page repeats them)."""
    blocks = doc.blocks
    nxt = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
    if nxt is None or not nxt.prose:
        return False
    lo = hi = first.index
    while lo > 0 and _short_line(blocks[lo - 1]):
        lo -= 1
    while hi + 1 < len(blocks) and _short_line(blocks[hi + 1]):
        hi += 1
    if hi - lo < 2:
        return False
    last = _SECTIONS.of(doc)
    chrome = phrase_lines(doc, settings)
    entries = {_plain(blocks[i].text) for i in range(lo, hi + 1) if blocks[i].start not in chrome}
    return sum(last.get(e, -1) > first.index for e in entries) >= 3


def _section_headings(doc: Document) -> dict[str, int]:
    """The headings over a paragraph of prose (`_plain` text), each with the index of its last
    such block."""
    blocks = doc.blocks
    return {_plain(b.text): b.index for b, below in zip(blocks, blocks[1:]) if b.heading_like and below.prose}


#: Per document: `_section_headings`, made once for all the pairs D002 asks about.
_SECTIONS: View[dict[str, int]] = View("duplication.section_headings", _section_headings)


def _short_line(block: Block) -> bool:
    return (block.heading_like or block.kind == "list") and block.word_count <= 8
