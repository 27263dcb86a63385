"""What a reader comment's header line looks like ("Chris — July 10th, 2012, 10:03 am", "Posted
by: NAME | October 13, 2012 at 04:31 PM", "NAME says:", a slashdot title with its score), and
what only looks like one (a trackback's stamp, a byline set as a heading, a field's label
before a date). `regions.py` finds threads from these lines; `thread_screen.py` spares the
header pattern on lines that hold none of the hint's words. The words of a header (months,
weekdays, "says", "wrote") are B011's word lists, in the patterns of `thread_words.py`: every test
here takes the `HeaderPatterns` of the run's configuration.
"""

from __future__ import annotations

import functools
import re

from lintnews.rules.formatting.remnants import ABBREVIATION_DEFINITION

from lintnews.document import Document, View

from .thread_end import MD_HEADING
from .thread_screen import READ_LINES
from .thread_words import HeaderPatterns

#: Lines this long are prose, never a header.
MAX_HEADER = 160

#: A slashdot comment's title with its score, the end of its header line ("Budget cuts are not
#: the answer (Score:5, Insightful)", "Re: (Score:2)"); searched apart from the header pattern, whose
#: other forms start at the line's first word.
_SCORE_TITLE = re.compile(r"\(score:\s*-?\d+(?:,\s*[^\W\d]+)?\)\s*$", re.IGNORECASE)

#: What every text the header pattern matches holds (`_is_header_text` tests them first): a
#: time (`thread_words._TIME`, part of every stamp: the pattern's first, fourth and fifth forms),
#: a "written by" (its second form) or a final colon (its third, "NAME says:"). Case-insensitive,
#: as the pattern is. The time is written to start with its digit, the lookbehind before it read
#: after it (``(?<![\d.])\d`` is ``\d(?<![\d.]\d)``; the optional tail of `_TIME` decides no
#: search): the same texts hold one, and `re` skips to the digits instead of trying the
#: lookbehind at every character (a third of the time on the crawl's short lines).
_TIME_ANYWHERE = re.compile(r"\d(?<![\d.]\d)\d?[:.h]\d{2}(?::\d{2})?(?!\.?\d)", re.IGNORECASE)
_WRITTEN_BY = re.compile(r"(?:written|submitted|comment(?:ed)?)\s+by", re.IGNORECASE)

#: What every text the header pattern matches holds besides a date: a time (every stamp has
#: one), a "written by" (the one form stamped to the day), or a final colon ("NAME says:"). Most
#: short lines holding a date and a header's word hold neither (a dateline, a listing of posts:
#: "### 5 Mejores florerías en Miami"), and the pattern fails on them only after trying every
#: split of their words (~30-100 µs on a non-ASCII line, matched case-insensitively).
_STAMP_HINT = re.compile(r"\d[:.h]\d\d|(?:written|submitted|comment(?:ed)?)\s+by", re.IGNORECASE)
#: `_STAMP_HINT`'s first branch (its second is `_WRITTEN_BY`).
_TIME_HINT = re.compile(r"\d[:.h]\d\d", re.IGNORECASE)


#: Header-shaped lines that head no reader's comment (`HeaderPatterns.not_a_header`): a
#: TypePad trackback's stamp ("Tracked on Mar 21, 2007 11:15:37 PM", under another blog's excerpt
#: citing the post), a byline set as a heading ("### By NAME on October 30, 2012 at 03:56 p.m.",
#: a post in a listing of posts; html2text renders the heading's marks) and a field's label
#: before the stamp ("Termin: 28.02.2020, 18:30 Uhr", "Date: July 11, 2012 11:56 AM": a
#: commenter's name is followed by a dash, a bar, a comma or "on", the colon by "says" or "by").
#: A stamp alone on its line ("02 de febrero de 2022 12:02 PM", `HeaderPatterns.bare_stamp`):
#: under a Markdown heading that is no header (html2text's "### TITLE") it dates a post in a
#: listing, not a comment. A stamp in quotes (`HeaderPatterns.quoted_stamp`): a literal in code
#: or a quotation ("-- period > '2020-08-01 17:00 UTC'::timestamptz" in an article's SQL), never
#: the stamp a site prints on a comment (which a quoted name may precede: '118 "H" November 7,
#: 2012 at 7:03 PM').
#: A box-drawing character: the line is a row of a table printed as text (a query's result in
#: an article: "200 │ 2020-08-01 18:00:00+00 │ 1.89"), never a comment's header.
_TABLE_RULE = re.compile("[\u2500-\u257f]")
#: A time at midnight ("12:00 A. M.", "00:00"): what a site prints by a date it stores without
#: a time ("NAME 04 de mayo 2022, 12:00 A. M." under each item of a listing), so the line is
#: dated to the day only (a reader's comment at the exact minute of midnight is rare enough).
#: A UTC offset ("+00:00") is no time.
_MIDNIGHT = re.compile(
    r"(?<![\d.:+\-])(?:12[:.]00(?::00)?\s*a\.?\s?m\.?|0?0[:.h]00(?::00)?(?!\s*[ap]\.?\s?m))(?!\.?\d)",
    re.IGNORECASE,
)
#: html2text's escapes of Markdown's marks ("13\. Jun, 2012", "NAME \- Tue Jul 24, …") and a
#: link's text and address ("[NAME](http://…) says:"): the header is the text a reader sees.
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")


def _plain(line: str) -> str:
    """``line`` as a reader sees it, Markdown escapes and links undone (one space between
    words: runs of blanks, a table's columns, would make the header pattern's optional blanks
    try every split of them)."""
    if "\\" in line:
        line = _MD_ESCAPE.sub(r"\1", line)
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "**" in line:
        line = line.replace("**", "")  # bold ("### **Robert K.** says:")
    if "00" in line:
        line = _MIDNIGHT.sub("", line)  # a stamp at midnight dates a day, not a comment
    return " ".join(line.split())


def _is_header_text(text: str, patterns: HeaderPatterns) -> bool:
    """Whether the header pattern matches ``text``, tried form by form (`HeaderPatterns.forms`:
    each form is anchored at both ends, so the pattern matches exactly when one of them does),
    and only the forms the text may match: the "NAME says:" and "NAME wrote on STAMP:" forms
    on a text ending with a colon, "written by" on one holding it (`_WRITTEN_BY`), a name and a
    stamp and a stamp alone on one holding a stamp (a time first, `_TIME_ANYWHERE`: every stamp
    holds one). A name and a stamp is the costliest: on a text without a stamp it fails only
    after trying every split of the text's first words (0.05 of the 0.08 CPU-s the pattern cost
    on the 20 MB crawl's 1,948 texts, 927 of which hold a time but no stamp), where one search
    for the stamp costs a fifth of that. A text holding none of these is turned down at once
    (a date alone, "DONNERSTAG, 17.01.2019", a number, "1.200 Menschen").

    On ASCII text the forms are matched lower-cased with their case-sensitive twins (the same
    answer: the pattern is written in lower case, ASCII letters have no other case equivalents,
    and lower-casing them changes no ``\\w``, ``\\s``, ``\\d`` or ``\\b``), about twice as
    fast: `re` skips an alternative whose first letter differs from the text's only in a
    case-sensitive pattern, and the months' alternation is tried wherever a stamp may start."""
    colon = text.rstrip().endswith((":", "："))  # (zh: "NAME说道：")
    timed = _TIME_ANYWHERE.search(text) is not None
    written = _WRITTEN_BY.search(text) is not None
    if not (colon or timed or written):
        return False
    folded, cased = patterns.forms()
    if text.isascii():
        forms, text = cased, text.lower()
    else:
        forms = folded
    stamp, stamped, written_by, says, wrote, bare = forms
    return (
        (timed and stamp.search(text) is not None and (stamped.match(text) or bare.match(text)) is not None)
        or (written and written_by.match(text) is not None)
        or (colon and (says.match(text) or wrote.match(text)) is not None)
    )


def _hinted(line: str, patterns: HeaderPatterns) -> bool:
    """Whether ``line`` holds the hint (`HeaderPatterns.hint`: an ASCII line lower-cased is
    searched with its case-sensitive twin)."""
    if line.isascii():
        return patterns.cased_hint.search(line.lower()) is not None
    return patterns.hint.search(line) is not None


def is_header(lines: list[str], i: int, patterns: HeaderPatterns) -> bool:
    """Whether line ``i`` of ``lines`` is a reader comment's header."""
    line = lines[i]
    if len(line) > MAX_HEADER:
        return False
    shape = _header_shape(line, patterns)
    return shape is not None and not (shape and _under_a_title(lines, i, patterns))


@functools.lru_cache(maxsize=1 << 14)
def _header_shape(line: str, patterns: HeaderPatterns) -> bool | None:
    """What ``line`` alone says (`is_header` reads the line above only for a bare stamp): None
    when it is no header, else whether it is a bare stamp (`HeaderPatterns.bare_stamp`). Kept per
    line text (and patterns):
    a header line recurs in every copy of a syndicated story and the header pattern costs
    ~30 µs a line (the 20 MB crawl: 1,664 distinct texts among the 3,536 lines it is tried on)."""
    # (an abbreviation's definition, "*[2012/08/06]: 2012/08/06 09:49:10", is F006's, no header)
    if not _hinted(line, patterns) or _TABLE_RULE.search(line) or ABBREVIATION_DEFINITION.match(line):
        return None
    text = _plain(line)
    colon = text.endswith((":", "："))
    if not (colon or "(" in text or patterns.dated(text)):
        return None
    # (`_STAMP_HINT.search(text)`, a branch at a time: its time's branch begins with a digit)
    hinted = colon or _TIME_HINT.search(text) is not None or _WRITTEN_BY.search(text) is not None
    header = hinted and _is_header_text(text, patterns)
    if not (header or _SCORE_TITLE.search(text)):
        return None
    if patterns.not_a_header.match(text) or patterns.quoted_stamp.search(text):
        return None
    return patterns.bare_stamp.match(text) is not None


def _under_a_title(lines: list[str], i: int, patterns: HeaderPatterns) -> bool:
    """Whether the line above ``i`` (blank lines skipped) is a Markdown heading that is no
    comment header ("### **NAME** says:" over "#### on October 27, 2012 at 5:23 am" is one)."""
    above = next((lines[k] for k in range(i - 1, max(-1, i - 4), -1) if lines[k].strip()), "")
    if not MD_HEADING.match(above):
        return False
    text = _plain(above)
    return not (_is_header_text(text, patterns) or _SCORE_TITLE.search(text))


#: A level-one Markdown heading (html2text's "# TITLE", an HTML page's ``<h1>``).
_TITLE = re.compile(r"^\s{0,3}#\s+\S")
#: A bare address on a line of its own.
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


def over_a_title(lines: list[str], i: int) -> bool:
    """Whether the next line after header ``i`` that is not blank (within four) is a level-one
    heading, the page's title ("# Ex-Anglo Irish Executives Charged"): the header is the page's
    dateline above it, not a comment's (html2text's text of a news page prints both twice,
    above its tabs, "* Article" / "* Comments", and below them)."""
    for k in range(i + 1, min(i + 5, len(lines))):
        if lines[k] and not lines[k].isspace():
            return _TITLE.match(lines[k]) is not None
    return False


def cites_a_source(lines: list[str], i: int) -> bool:
    """A header-shaped line over a bare address is the source of a quoted story in a digest
    ("Carlo Muñoz, The Hill, 08/06/12 01:49 PM ET" over its link), not a reader's comment."""
    nxt = next((line for line in lines[i + 1 : i + 3] if line.strip()), "")
    return _URL_LINE.match(nxt) is not None


def _shown(doc: Document) -> list[str]:
    if doc.line_tags is None:
        return READ_LINES.of(doc)
    tags = doc.line_tags
    return [
        f"{'#' * int(tag[1])} {line}"
        if (tag := tags[i] if i < len(tags) else None) in _HEADING_TAGS and tag
        else line
        for i, line in enumerate(doc.lines)
    ]


_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: The lines `is_header` reads: on HTML input a heading's line starts with its Markdown marks,
#: as html2text shows it ("### By NAME on October 30, 2012 at 03:56 p.m."), so that a byline
#: set as a heading over each post of a listing, and a bare stamp under a post's title, are
#: known from either source.
SHOWN_LINES: View[list[str]] = View("chrome.thread_shown_lines", _shown)
