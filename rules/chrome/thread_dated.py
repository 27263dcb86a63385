"""Comment headers set on two lines, a reader's name and the day of the comment, in either order:
the name over the date ("nomaduk" / "10.29.2012", "Jacob V" / "October 29, 2012", "broper" /
"Posted on August 9, 2012 at 11:40am") or the date over the name ("November 12, 2012" / "Beth"),
the comment's body under them. A dated line alone is a dateline as often as a header
(`thread_headers`: a header is stamped to the minute), and a short line under a date is a
timeline's event as often as a name, so such pairs are believed only among others of a thread:
at least `thread_pairs._MIN_PAIRS` of them, each within `thread_end.MAX_GAP` lines of the next,
under a thread's heading ("7 Comments", "Leave a Reply"), with one reader's name over two of
them (a conversation) or, for the date over the name, with their months written out and at most
`_THREAD_MONTHS` of them (a thread is written within days of its post; a timeline spans seasons)
and most of the names cased as readers' (`_cased_name`).

`early_headers`, which `regions.py` reads, adds the headers of `thread_pairs`' other readers;
`warm_threads` compiles the patterns of them all before a run's workers fork.
"""

from __future__ import annotations

import functools
import re

from lintnews.native import short_lines_holding

from .thread_headers import _SCORE_TITLE, MAX_HEADER
from .thread_pairs import (
    _NAME_REST,
    _first_run,
    _numbered,
    _said,
    _under_heading,
    named_items,
    numbered_headers,
    said_headers,
)
from .thread_words import HeaderPatterns

#: How long a date line may be.
_LONGEST_DATE = 48
#: A reader's name as a site prints it on a line of its own: one to four words and no sentence
#: mark, comma or colon ("nomaduk", "Jacob V", "Mary"); a heading's marks or a bullet make no name.
_NAME = re.compile(rf"^[^\W_]{_NAME_REST}$")
#: What every date of a bare date line (`HeaderPatterns.bare_date`: "10.29.2012", "October 29,
#: 2012", "29. Oktober 2012, 14:03", maybe with its time) holds: a digit, a dot, a slash or a dash before two digits
#: (a year's "2012", "10.29", "10/29", "-10"); the screen of short lines (`native.short_lines_holding`)
#: finds them in one pass of a kernel, so the pattern reads only those.
_BEFORE_DIGITS = "0123456789./-"

#: A list item's bullet, maybe with a heading's marks, before a name (html2text's "  * #####
#: broper"); a heading alone is no name ("### UK news in pictures" over each day of a gallery).
_BULLET = re.compile(r"^\s*[*+-]\s+(?:#{1,6}\s+)?")
#: The months (and years) a run of date-over-name pairs with no other sign of a thread may name.
_THREAD_MONTHS = 2
#: How long a name's line may be (four words of thirty characters, a bullet's marks).
_LONGEST_NAME = 140
#: A comment's first line: no heading's marks or list item's bullet before it, and four words or
#: more or a sentence's end.
_BODY = re.compile(r"^\s*(?![#>*+-]|\d+[.)]\s)(?:\S+\s+){3,}\S|^\s*(?![#>*+-])[^\n]*[.!?…]\s*$")
#: A mark no name holds, of any script: a comment's first words under its date ("终于通车了，等了
#: 好多年。") are no name; an apostrophe, a hyphen or an initial's full stop are a name's.
_MARK = re.compile(r"[^\w\s'’.-]")
#: A year, which a date may give with its month.
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
#: How many words a reader's name under its day may hold; the share of a run's names that must be
#: cased as readers' (three quarters: a reader may write "Susan wiggins" or "Natalie the
#: Singingfool", a timeline's days head sentences, "Sandy makes landfall", nearly all).
_NAME_WORDS = 3
_CASED_OF = (3, 4)


def _name_above(lines: list[str], i: int) -> int | None:
    """The name line of the pair whose date is line ``i``, if line ``i`` stands right under a
    name line and over a line of text; else None. In html2text's text a blank line stands
    between them when the name is a list item's ("  * ##### broper", "", "Posted on August 9,
    2012 at 11:40am", "", "Egads, …"); a plain name line must stand right above (in a listing of
    posts, "La Presse", "", "19/02/2020", "", "7", the author's name and the day are no reader's)."""
    if i < 1 or i + 1 >= len(lines):
        return None
    if lines[i - 1].strip():
        above, name = i - 1, lines[i - 1].strip()
        if not lines[i + 1].strip():
            return None
    else:
        above = i - 2
        m = _BULLET.match(lines[above]) if above >= 0 else None
        if m is None or i + 2 >= len(lines) or not (lines[i + 1].strip() or lines[i + 2].strip()):
            return None
        name = lines[above][m.end() :].strip()
    return above if _NAME.match(name) is not None and not any(c.isdigit() for c in name) else None


def _name_below(lines: list[str], i: int) -> int | None:
    """The name line of the pair whose date is line ``i``, if the next line of text under it is a
    name (a blank line may stand between them, as in html2text's text) over a comment's first
    words (`_BODY`); else None. A listing of posts sets the day over an author ("Par Loïc Le
    Clerc") or a label ("VIDEO", "READ MORE") over a title or a list item, which is no comment."""
    n = len(lines)
    below = i + 1 if i + 1 < n and lines[i + 1].strip() else i + 2
    if below >= n or len(lines[below]) > _LONGEST_NAME:
        return None
    name = lines[below].strip()
    if name[:1] in "*+-":
        name = _BULLET.sub("", name).strip()
    if _NAME.match(name) is None or _MARK.search(name) or any(c.isdigit() for c in name):
        return None
    body = below + 1 if below + 1 < n and lines[below + 1].strip() else below + 2
    return below if body < n and _BODY.match(lines[body]) is not None else None


@functools.lru_cache(maxsize=8)
def _month(source: str) -> re.Pattern[str]:
    """`HeaderPatterns.month` compiled (once a pattern)."""
    return re.compile(source, re.IGNORECASE)


def _few_months(dates: list[str], patterns: HeaderPatterns) -> bool:
    """Whether the dates ``dates`` all write their month out and name at most `_THREAD_MONTHS`
    months (a month with its year, where one is given)."""
    month = _month(patterns.month)
    named = set()
    for date in dates:
        m = month.search(date)
        if m is None:
            return False
        year = _YEAR.search(date)
        named.add((m.group().casefold().rstrip("."), year.group() if year else None))
    return len(named) <= _THREAD_MONTHS


def _cased_name(line: str) -> bool:
    """Whether the name on ``line`` is cased as a reader's: a handle in lower case ("steve
    cubel") or up to `_NAME_WORDS` words each capitalised ("Shirley Hershey Showalter"); an event
    of a timeline under its day is written as a sentence ("Sandy makes landfall")."""
    words = _BULLET.sub("", line).split()
    name = " ".join(words)
    return len(words) <= _NAME_WORDS and (all(w[:1].isupper() for w in words) or name == name.casefold())


def dated_pairs(lines: list[str], first: int, patterns: HeaderPatterns) -> list[int]:
    """The name and date lines of the name-over-date and date-over-name headers from line
    ``first`` on, when they make a thread (see the module's docstring); else none."""
    dates = short_lines_holding(lines, max(first, 1), _LONGEST_DATE, (), _BEFORE_DIGITS)
    if dates is None:  # a line the kernel cannot screen: read them all
        dates = list(range(max(first, 1), len(lines)))
    if not _first_run(dates):  # (the pairs' dates are some of these lines: no run, no thread)
        return []
    found: set[int] = set()
    for reader in (_name_above, _name_below):
        # (the reader first, and the date's pattern, ~4 µs a line, only when its pairs make a run:
        # the dates' lines of a run are some of the lines read, which make a run too)
        read = {i: k for i in dates if (k := reader(lines, i)) is not None}
        if not _first_run(list(read)):
            continue
        names = {i: k for i, k in read.items() if patterns.bare_date.match(lines[i])}
        run = _first_run(list(names))
        if not run:
            continue
        said = [_BULLET.sub("", lines[names[i]]).strip().casefold() for i in run]
        believed = len(set(said)) < len(said) or _under_heading(lines, min(run[0], names[run[0]]), patterns)
        if believed or (
            reader is _name_below
            and sum(_cased_name(lines[names[i]]) for i in run) * _CASED_OF[1] >= _CASED_OF[0] * len(run)
            and _few_months([lines[i] for i in run], patterns)
        ):
            found.update(run, (names[i] for i in run))
    return sorted(found)


def warm_threads(patterns: HeaderPatterns) -> None:
    """Compile the thread search's patterns before the workers fork (B011's and B012's `warm`):
    the header's forms, the numbered header's (~50 ms in `re`, else in every worker), the
    "NAME said..." header's and the months of the day over a name."""
    patterns.forms()
    _numbered(patterns.date)
    _said(patterns.wrote)
    _month(patterns.month)


def early_headers(lines: list[str], start: int, first: int, patterns: HeaderPatterns) -> list[int]:
    """The headers `regions.py` reads from line ``start`` (after the article's first paragraph) on,
    where its search, from line ``first`` (after the second) on, does not: the pairs of a name and a
    date, in either order (`dated_pairs`), the numbered headers (`numbered_headers`), the named items (`named_items`) and
    a slashdot comment's title with its score ("Deceptive Summary (Score:5, Informative)", "Re:
    (Score:1)"), which no byline looks like, over the first comment, whose body is the second
    paragraph of prose."""
    scored = [i for i in range(start, first) if len(lines[i]) <= MAX_HEADER and _SCORE_TITLE.search(lines[i])]
    return sorted(
        {
            *scored,
            *dated_pairs(lines, start, patterns),
            *numbered_headers(lines, start, patterns),
            *named_items(lines, start, patterns),
            *said_headers(lines, start, patterns),
        }
    )
