"""What a reader comment's header line looks like ("Chris — July 10th, 2012, 10:03 am", "Posted
by: NAME | October 13, 2012 at 04:31 PM", "NAME says:", a slashdot title with its score), and
what only looks like one (a trackback's stamp, a byline set as a heading, a field's label
before a date). `regions.py` finds threads from these lines; `thread_screen.py` spares the
header pattern on lines that hold none of `HEADER_HINT`'s words.
"""

from __future__ import annotations

import functools
import re

from lintnews import regex_cache
from lintnews.document import Document, View

from .thread_end import MD_HEADING
from .thread_screen import READ_LINES

#: Lines this long are prose, never a header.
MAX_HEADER = 160

#: Month names (en, de, fr, es) and their usual abbreviations, whole words only ("Neumarkt" is
#: no month).
_MONTH = (
    r"(?<!\w)(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|januar|februar|märz|mai|juni|juli|oktober|dezember|okt|dez"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|janv|févr|avr|juil|déc"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|ene|abr|ago|dic)(?!\w)\.?"
)
#: Weekday names (en, de, fr, es), whole words only.
_WEEKDAY = (
    r"(?<!\w)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo)(?!\w)"
)
#: A date; a numeric one has a year of two or four digits and no more digits after it, so a
#: version number ("2.9.176") is no date. A date without its year is one only after its
#: weekday ("Thursday, November 1", "Donnerstag, 1. November": a blog stamping its comments
#: within the year); "November 1" alone is too often a day the text names.
_DATE = (
    rf"(?:{_WEEKDAY},?\s+(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH})(?!,?\s*\d)"
    rf"|(?:{_WEEKDAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?\d{{4}}"
    r"|(?<![\d.])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\.?\d)|(?<![\d.])\d{4}-\d{2}-\d{2}(?!\d))"
)
_TIME = r"(?<![\d.])\d{1,2}[:.h]\d{2}(?::\d{2})?(?!\.?\d)\s*(?:[ap]\.?\s?m\.?)?"
#: A date and a time: a comment is stamped to the minute, an article's dateline or a cited
#: source ("Thomas Erdbrink, New York Times, August 7, 2012") usually to the day only.
_STAMP = rf"(?:{_DATE}\s*(?:at|um|à|a\s+las|,|@|-|—|–)?\s*{_TIME}|{_TIME}\s*(?:on|,)?\s*{_DATE})"
#: An author name as comment headers give it: at most five tokens, no sentence punctuation, and
#: not a word that stamps the page itself ("updated 5:15 PM EST, …", "Posted on …"); a reply's
#: number ("#1.1 - Tue Jul 24, 2012 10:35 AM") may stand first.
_NAME = (
    r"(?!\W*(?:on|at|am|le|el|posted|(?:last\s+)?(?:update|updated|modified|published))\b)"
    r"(?:[^\s.!?]{1,30}|\w{1,3}\.|\d{1,3}(?:\.\d{1,3})+)(?:\s+(?:[^\s.!?]{1,30}|\w{1,3}\.)){0,4}"
)
_HEADER_PATTERN = rf"""^\W*(?:(?:posted|written|submitted|comment(?:ed)?|geschrieben|publié)\s+)?(?:(?:by|von|par|por):?\s+)?
        {_NAME}\s*[|—–\-,:]?\s*(?:on|at|am|le|el|said\s+on|wrote\s+on)?\s*{_STAMP}.{{0,40}}$
      | ^\W*(?:written|submitted|comment(?:ed)?)\s+by:?\s+{_NAME}\s*[|—–\-,]?\s*(?:on\s+)?{_DATE}.{{0,20}}$
      | ^\W*(?:\d{{1,4}}\.\s+)?(?:{_DATE}\s*[/|—–\-,]?\s*)?{_NAME}\s+(?:says|sagt|schreibt|dit|dice)(?:\s+(?:on\s+|am\s+|le\s+|el\s+)?{_STAMP}.{{0,20}})?:\s*$
      | ^\W*{_NAME}\s+(?:said|wrote|schrieb|a\s+dit|escribió)\s+(?:on\s+|am\s+|le\s+|el\s+)?{_STAMP}.{{0,20}}:\s*$
      | ^\W*(?:on\s+)?{_STAMP}\W*(?:reply|permalink|\#)?\W*$"""


@functools.cache
def header_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The comment header's pattern (``re.IGNORECASE``) and its case-sensitive twin for ASCII
    text lower-cased (`_is_header_text`), made on first use, which a run answered from the cache
    never needs (B011's and B012's ``warm`` make them before the workers fork). `re` compiles
    them in ~90 ms; `lintnews.regex_cache` keeps what it made for the next process (~2 ms)."""
    header, cased = regex_cache.compile_all(
        "comment-headers", [(_HEADER_PATTERN, re.IGNORECASE | re.VERBOSE), (_HEADER_PATTERN, re.VERBOSE)]
    )
    return header, cased


#: A slashdot comment's title with its score, the end of its header line ("Budget cuts are not
#: the answer (Score:5, Insightful)", "Re: (Score:2)"); searched apart from the header pattern, whose
#: other forms start at the line's first word.
_SCORE_TITLE = re.compile(r"\(score:\s*-?\d+(?:,\s*[^\W\d]+)?\)\s*$", re.IGNORECASE)

#: What every header holds somewhere (a time, a "says", a "written by", a "(Score:"): a cheap
#: search that spares the full pattern on nearly every line of a document.
_HEADER_HINT = r"\d[:.h]\d\d|written|submitted|comment|says|sagt|schreibt|\bdit\b|dice|score:"
HEADER_HINT = re.compile(_HEADER_HINT, re.IGNORECASE)
#: `HEADER_HINT` made case-sensitive, for an ASCII line lower-cased (`_hinted`; the same answer,
#: as for the header pattern in `_is_header_text`): ~1.6 times faster, as a case-insensitive
#: alternation is tried branch by branch at every place of the line.
_CASED_HEADER_HINT = re.compile(_HEADER_HINT)


#: What every date of `_DATE` holds (a four-digit year, "d.m" / "d/m" / "d-m", or a weekday): every
#: header but a "NAME says:" (ends with a colon) and a "(Score:N)" one holds a date, and a line
#: without one fails the header pattern only after trying every split of its words (~20 µs).
_DATE_HINT = re.compile(rf"\d\d\d\d|\d[./-]\d|{_WEEKDAY}", re.IGNORECASE)


#: What every text the header pattern matches holds (`_is_header_text` tests them first): a
#: time (`_TIME`, part of every stamp: the pattern's first, fourth and fifth forms), a "written
#: by" (its second form) or a final colon (its third, "NAME says:"). Case-insensitive, as the
#: pattern is.
_TIME_ANYWHERE = re.compile(_TIME, re.IGNORECASE)
_WRITTEN_BY = re.compile(r"(?:written|submitted|comment(?:ed)?)\s+by", re.IGNORECASE)

#: What every text the header pattern matches holds besides a date: a time (every stamp has
#: one), a "written by" (the one form stamped to the day), or a final colon ("NAME says:"). Most
#: short lines holding a date and a header's word hold neither (a dateline, a listing of posts:
#: "### 5 Mejores florerías en Miami"), and the pattern fails on them only after trying every
#: split of their words (~30-100 µs on a non-ASCII line, matched case-insensitively).
_STAMP_HINT = re.compile(r"\d[:.h]\d\d|(?:written|submitted|comment(?:ed)?)\s+by", re.IGNORECASE)


#: Header-shaped lines that head no reader's comment: a TypePad trackback's stamp ("Tracked on
#: Mar 21, 2007 11:15:37 PM", under another blog's excerpt citing the post), a byline set as a
#: heading ("### By NAME on October 30, 2012 at 03:56 p.m.", a post in a listing of posts;
#: html2text renders the heading's marks) and a field's label before the stamp ("Termin:
#: 28.02.2020, 18:30 Uhr", "Date: July 11, 2012 11:56 AM": a commenter's name is followed by a
#: dash, a bar, a comma or "on", the colon by "says" or "by").
_NOT_A_HEADER = re.compile(
    rf"^(?:\W*tracked\s+on\b|#{{1,6}}\s+\W*by\b|\W*[^\W\d]+:\s*(?:on\s+)?(?:{_DATE}|{_TIME}))", re.IGNORECASE
)
#: A stamp alone on its line ("02 de febrero de 2022 12:02 PM"): under a Markdown heading that is
#: no header (html2text's "### TITLE") it dates a post in a listing, not a comment.
_BARE_STAMP = re.compile(rf"^\W*(?:on\s+)?{_STAMP}\W*$", re.IGNORECASE)
#: A box-drawing character: the line is a row of a table printed as text (a query's result in
#: an article: "200 │ 2020-08-01 18:00:00+00 │ 1.89"), never a comment's header.
_TABLE_RULE = re.compile("[\u2500-\u257f]")
#: A stamp in quotes: a literal in code or a quotation ("-- period > '2020-08-01 17:00
#: UTC'::timestamptz" in an article's SQL), never the stamp a site prints on a comment (which a
#: quoted name may precede: '118 "H" November 7, 2012 at 7:03 PM').
_QUOTED_STAMP = re.compile(rf"""['"‘“]\s*(?:{_STAMP})[^'"’”\n]{{0,12}}['"’”]""", re.IGNORECASE)
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


def _is_header_text(text: str) -> bool:
    """Whether the header pattern matches ``text``. On ASCII text it is matched lower-cased with
    its case-sensitive twin (the same answer: the pattern is written in lower case, ASCII letters have
    no other case equivalents, and lower-casing them changes no ``\\w``, ``\\s``, ``\\d`` or
    ``\\b``), about twice as fast: `re` skips an alternative whose first letter differs from
    the text's only in a case-sensitive pattern, and the months' alternation is tried wherever
    a stamp may start.

    A text holding no time, no "written by" and no final colon is turned down first
    (`_TIME_ANYWHERE`, `_WRITTEN_BY`: a date alone, "DONNERSTAG, 17.01.2019", a number, "1.200
    Menschen"): the pattern fails on it only after trying every split of its words (~30 us a
    text; 288 of the 1,652 texts the 20 MB crawl tries, 13 % of the pattern's time)."""
    if not (text.rstrip().endswith(":") or _TIME_ANYWHERE.search(text) or _WRITTEN_BY.search(text)):
        return False
    header, cased = header_patterns()
    if text.isascii():
        return cased.match(text.lower()) is not None
    return header.match(text) is not None


def _hinted(line: str) -> bool:
    """Whether ``line`` holds `HEADER_HINT` (an ASCII line lower-cased is searched with its
    case-sensitive twin)."""
    if line.isascii():
        return _CASED_HEADER_HINT.search(line.lower()) is not None
    return HEADER_HINT.search(line) is not None


def is_header(lines: list[str], i: int) -> bool:
    """Whether line ``i`` of ``lines`` is a reader comment's header."""
    line = lines[i]
    if len(line) > MAX_HEADER:
        return False
    shape = _header_shape(line)
    return shape is not None and not (shape and _under_a_title(lines, i))


@functools.lru_cache(maxsize=1 << 14)
def _header_shape(line: str) -> bool | None:
    """What ``line`` alone says (`is_header` reads the line above only for a bare stamp): None
    when it is no header, else whether it is a bare stamp (`_BARE_STAMP`). Kept per line text:
    a header line recurs in every copy of a syndicated story and the header pattern costs
    ~30 µs a line (the 20 MB crawl: 1,664 distinct texts among the 3,536 lines it is tried on)."""
    if not _hinted(line) or _TABLE_RULE.search(line):
        return None
    text = _plain(line)
    colon = text.endswith(":")
    if not (colon or "(" in text or _DATE_HINT.search(text)):
        return None
    header = (colon or _STAMP_HINT.search(text) is not None) and _is_header_text(text)
    if not (header or _SCORE_TITLE.search(text)) or _NOT_A_HEADER.match(text) or _QUOTED_STAMP.search(text):
        return None
    return _BARE_STAMP.match(text) is not None


def _under_a_title(lines: list[str], i: int) -> bool:
    """Whether the line above ``i`` (blank lines skipped) is a Markdown heading that is no
    comment header ("### **NAME** says:" over "#### on October 27, 2012 at 5:23 am" is one)."""
    above = next((lines[k] for k in range(i - 1, max(-1, i - 4), -1) if lines[k].strip()), "")
    if not MD_HEADING.match(above):
        return False
    text = _plain(above)
    return not (_is_header_text(text) or _SCORE_TITLE.search(text))


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
