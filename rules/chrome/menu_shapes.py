"""The shapes of a navigation menu's lines, and the runs they make (B028, `menus.py`).

A menu item is one to four capitalised words ("League Cup", "U.S."), a row of links joined by
separators ("About Us | Contact | Privacy"), or an entry of a blog's archive or category list
("November 2012 (4)", "Candy (5)"); a separator on a line of its own ("•", "»") keeps a run
going. `menu_lines` finds the runs of such lines that are long enough and mostly in title case;
where in the document a run counts is the rule's to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.document import Block, Document
from lintnews.seen_width import SEEN_LINES

#: A list marker or heading mark in front of a menu item ("* Home", "- Sport", "## News").
MARKER = re.compile(r"^\s*(?:[-*+•·▪►>]|#{1,6})\s+")
#: Separators of a row of links ("Home | News", "About Us • Contact", "Contact Us : Privacy").
_SEPARATOR = re.compile(r"\s(?:\||•|·|::?|»|›|/|–|—)\s|^\s*\||\|\s*$")
#: What a sentence ends with; a menu item never does.
SENTENCE_END = re.compile(r"[.!?;,…\"”]\s*$")
#: Words a menu item may hold in lower case ("Arts and culture", "Disability sport").
WORD = re.compile(r"[^\W\d_][\w'’&-]*|&")
#: Most words of one menu item.
_ITEM_WORDS = 4
#: Most words of one segment of a row of links.
_SEGMENT_WORDS = 5
#: Fewest non-blank lines of a menu, and of a menu made of link rows only.
_MIN_LINES = 4
_MIN_ROWS = 2
#: Share of the menu's lines in title case (every word of four letters or more capitalised),
#: or link rows: a list of features ("Advanced all-wheel drive system") is not a menu.
_MIN_TITLED = 0.6
#: Blank lines allowed between two items of one menu.
_MAX_BLANKS = 1
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
#: A section name written as an abbreviation with its full stops ("U.S.", "U.K."), which
#: `SENTENCE_END` would take for a sentence's end.
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$")


#: The first characters of a marker (`MARKER`).
_MARKER_START = frozenset("-*+•·▪►>#")


def _bare(line: str) -> str:
    """A line without its list or heading marker and the spaces around it: what `_item`,
    `_archive` and `_row` judge."""
    stripped = line.strip()
    if stripped[:1] not in _MARKER_START:
        return stripped  # no marker (most lines): `MARKER` would take nothing
    return MARKER.sub("", line).strip()


def _item(text: str) -> bool:
    """A menu item (``text``: a `_bare` line): one to four words, the first capitalised, no
    digits, no sentence end, not a byline."""
    if len(text) <= 6 and _ABBREVIATION.match(text):
        return True
    if not text or len(text) > 40 or SENTENCE_END.search(text) or _DIGIT.search(text):
        return False
    found = WORD.findall(text)
    if not 1 <= len(found) <= _ITEM_WORDS or not found[0][:1].isupper():
        return False
    if found[0].casefold() in ("by", "von", "par", "por", "posted", "written"):
        return False
    # nothing but words and spaces (and the separators of one item: "Arts & Culture", "Q&A")
    rest = WORD.sub("", text)
    return all(ch in " -&'’/" for ch in rest)


def _archive(text: str) -> bool:
    """An entry of an archive or category list (see `_ARCHIVE`; ``text``: a `_bare` line)."""
    return len(text) <= 60 and _ARCHIVE.match(text) is not None


def _title_case(line: str) -> bool:
    """Every word of four letters or more starts with a capital (rows of links and archive entries
    count too)."""
    return (
        all(w[:1].isupper() for w in WORD.findall(line) if len(w) >= 4)
        or "|" in line
        or _archive(_bare(line))
    )


def _row(text: str) -> bool:
    """A row of links (``text``: a `_bare` line): at least two separators, every segment a short
    item."""
    if not _ROW_HINT.search(text):
        return False  # no separator at all (most lines): the cheap test first
    if len(text) > LONGEST or SENTENCE_END.search(text.rstrip("| ")):
        return False
    if _DIGIT.search(text):
        return False  # a table row ("AZ-1 | NEW | McCain +3"), not links
    parts = [p.strip() for p in re.split(r"\s*(?:\||•|·|::?|»|›)\s*", text) if p.strip()]
    if len(parts) < 3 or len(_SEPARATOR.findall(f" {text} ")) < 2:
        return False
    return all(len(WORD.findall(p)) <= _SEGMENT_WORDS and not re.search(r"[.!?]$", p) for p in parts)


def menu_lines(doc: Document, first: int, stop: int) -> list[tuple[int, int, int]]:
    """The menus among lines ``first..stop-1``: (start, end, number of items) of every run of
    item lines and link rows that is long enough and has no other line in it (a Markdown line
    as a reader sees it: `SEEN_LINES`)."""
    lines = SEEN_LINES.of(doc)
    found: list[tuple[int, int, int]] = []
    run: list[int] = []
    #: per line of ``run``: whether it is a row of links (an item or an archive entry never is)
    rows_in: list[bool] = []
    blanks = 0

    def close() -> None:
        if len(run) < _MIN_ROWS:
            return  # too short for a menu of any kind, however its ends are trimmed
        # items not in title case at either end are not the menu's ("Safety features" after it)
        titled = [_title_case(lines[i]) for i in run]
        lo, hi = 0, len(run)
        while lo < hi and not titled[lo]:
            lo += 1
        while hi > lo and not titled[hi - 1]:
            hi -= 1
        n = hi - lo
        rows = sum(rows_in[lo:hi])
        if (
            n >= _MIN_ROWS
            and sum(titled[lo:hi]) >= _MIN_TITLED * n
            and (n >= _MIN_LINES or rows >= _MIN_ROWS)
        ):
            found.append((run[lo], run[hi - 1], n))

    for i in range(first, stop):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            blanks += 1
            if blanks > _MAX_BLANKS and run:
                close()
                run, rows_in = [], []
            continue
        blanks = 0
        bare = _bare(line) if len(stripped) <= LONGEST + 8 else ""
        # a menu line: an item, a row of links or an archive entry (one kind at most)
        if bare and (_item(bare) or _archive(bare)):
            run.append(i)
            rows_in.append(False)
        elif bare and _row(bare):
            run.append(i)
            rows_in.append(True)
        elif not _SEPARATOR_LINE.match(stripped):
            if run:
                close()
            run, rows_in = [], []
        # a separator alone between two items keeps the run going, as an item would
    if run:
        close()
    return found


def stretches(lines: list[str], first: int, stop: int, least: int) -> Iterator[tuple[int, int]]:
    """The stretches (start, stop) of lines ``first..stop-1`` that can hold a menu of ``least``
    items: ``least`` non-blank lines or more, none too long to be a menu line, never two blank
    lines in a row. A run of `menu_lines` ends at a longer line and at two blank lines, so it
    never crosses from one stretch to the next: reading the stretches alone finds the same long
    menus, and the article's paragraphs between them (most of its lines) are measured, not read."""
    start, filled, blanks = first, 0, 0
    for i, size in enumerate(map(len, map(str.strip, lines[first:stop])), first):
        if not size:
            blanks += 1
            if blanks <= _MAX_BLANKS:
                continue
        elif size <= LONGEST + 8:
            blanks = 0
            filled += 1
            continue
        if filled >= least:
            yield start, i
        start, filled, blanks = i + 1, 0, 0
    if filled >= least:
        yield start, stop


def article_prose(doc: Document) -> list[Block]:
    """The blocks of prose of ``doc``, but for rows of links ("Print this story | Email this
    story | Discuss Story" has the words of a sentence)."""
    return [b for b in doc.blocks if b.prose and not (b.start == b.end and _row(_bare(b.text)))]
