"""Comment headers that no byline's pattern reads, each believed only in a run of them
(`_MIN_PAIRS`, each within `thread_end.MAX_GAP` lines of the next, `_first_run`), which
`thread_dated.early_headers` adds to the headers `regions.py`'s search finds: a numbered list of
comments dated to the day (`numbered_headers`: "2. The Keeper - October 26, 2012"), believed in a
run of three whose numbers rise, with text between them; Disqus's list items holding a reader's
name alone over each comment (`named_items`: "  • Mike Merrill"), believed in a run of three under
a thread's heading ("7 Comments", "Leave a Reply") or with a reader's web address before a name;
and the lines holding a reader's name and "said..." or "said," alone (`said_headers`: Blogger's
"tRiSh said...", with the stamp under the comment), in a run of three with text between them.
The name and the day of a comment on two lines are `thread_dated`'s. Also the readers the other
thread searches share: a run of lines alone (`alone_run`), the heading above a line
(`heading_above`) and what a screen looks for in a word (`screen_parts`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from lintnews.native import lines_holding, short_lines_holding
from lintnews.native_chrome import ODD_FOLDS
from lintnews.packs import alternation

from .thread_end import MAX_GAP
from .thread_headers import _plain
from .thread_headings import is_heading
from .thread_words import HeaderPatterns, _screenable

#: A reader's name after its first character: up to four words in all and no sentence mark, comma
#: or colon (`thread_dated`'s names, `_SAID_NAME`, `_NAMED_ITEM`).
_NAME_REST = r"[^\s.!?:;,#*|()\[\]]{0,29}(?:\s[^\s.!?:;,#*|()\[\]]{1,30}){0,3}"
#: Pairs a thread must hold; how far above the first pair the thread's heading may stand.
_MIN_PAIRS = 3
_HEADING_REACH = 15


def _first_run(found: list[int], apart: Callable[[int, int], bool] | None = None) -> list[int]:
    """The first run of `_MIN_PAIRS` or more of the lines ``found`` (ascending), each within
    `thread_end.MAX_GAP` lines of the one before and not ``apart`` from it; [] when there is none."""
    run: list[int] = []
    for i in found:
        if run and (i - run[-1] > MAX_GAP or (apart is not None and apart(run[-1], i))):
            if len(run) >= _MIN_PAIRS:
                break
            run = []
        run.append(i)
    return run if len(run) >= _MIN_PAIRS else []


def _text_between(lines: list[str], above: int, below: int) -> bool:
    """Whether a line of text (a comment) stands between lines ``above`` and ``below``."""
    return any(lines[k].strip() for k in range(above + 1, below))


def heading_above(lines: list[str], top: int, patterns: HeaderPatterns, low: int = 0) -> int | None:
    """The nearest thread's heading at most `_HEADING_REACH` lines above line ``top``, and not
    above line ``low``; None when there is none."""
    reach = range(top - 1, max(low, top - _HEADING_REACH) - 1, -1)
    return next((k for k in reach if is_heading(lines, k, patterns)), None)


def _under_heading(lines: list[str], top: int, patterns: HeaderPatterns) -> bool:
    """Whether a thread's heading stands at most `_HEADING_REACH` lines above line ``top``."""
    return heading_above(lines, top, patterns) is not None


def screen_parts(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """What a screen looks for in a line holding one of ``words``: each word's longest part the
    kernel can look for (`thread_words._screenable`; Turkish "yanıtla": "yan", which the line
    "YANITLA" lower-cased holds too), or None when a word has no such part."""
    parts = []
    for word in words:
        found = [p for w in word.split() for p in _UNSCREENABLE.split(w) if p and _screenable(p)]
        if not found:
            return None
        parts.append(max(found, key=len))
    return tuple(parts)


#: The characters `thread_words._screenable` turns a word down for.
_UNSCREENABLE = re.compile(f"[{re.escape(ODD_FOLDS)}\u03c3]")


def alone_run(
    lines: list[str], first: int, longest: int, pattern: re.Pattern[str], words: tuple[str, ...] | None
) -> list[int]:
    """The first run (`_first_run`) of the lines from ``first`` on, at most ``longest`` long,
    that ``pattern`` matches (a header or a link alone on its line), with a line of text (a
    comment) between each two; ``words``: what every such line holds (`screen_parts`), which a
    kernel screens the lines for (None: every short line is read)."""
    found = None if words is None else short_lines_holding(lines, max(first, 0), longest, words, "")
    if found is None:
        found = [i for i in range(max(first, 0), len(lines)) if len(lines[i].strip()) <= longest]
    hits = [i for i in found if pattern.match(lines[i]) is not None]
    return _first_run(hits, lambda above, i: not _text_between(lines, above, i))


#: How long a numbered header (`numbered_headers`) may be.
_LONGEST_NUMBERED = 120


@functools.lru_cache(maxsize=8)
def _numbered(date: str) -> re.Pattern[str]:
    """A comment's header in a numbered list of comments, dated to the day (``date``:
    `HeaderPatterns.date`), as WordPress's default themes print it: "2. The Keeper - October 26,
    2012", "1. Joel Leigh - 29 August, 2011", "2. November 8, 2012, | Permalink" (a permalink
    and no name; unnumbered in html2text's text), or the number and the day alone (an extractor
    that drops the name: "1. Aug 8 2012"). Group 1, 2 or 3: the number (3: the day alone)."""
    return re.compile(
        rf"^\s*(?:(\d{{1,4}})\.\s+\S.{{0,60}}?\s[-–—|]\s+{date}\s*"
        rf"|(?:(\d{{1,4}})\.\s+)?{date},?\s*\|\s*permalink\s*|(\d{{1,4}})\.\s+{date}\s*)$",
        re.IGNORECASE,
    )


def numbered_headers(lines: list[str], first: int, patterns: HeaderPatterns) -> list[int]:
    """The headers of a numbered list of comments dated to the day (`_numbered`:
    "1. Joel Leigh - 29 August, 2011", "2. November 8, 2012, | Permalink") from line ``first``
    on, when they make a thread: at least `_MIN_PAIRS` of them, each within `thread_end.MAX_GAP`
    lines of the next with a line of text (the comment) between the two, and their numbers
    rising (an extractor may drop a comment, never reorder them). A numbered list of dated
    items without text between them (a timeline) is no thread; neither are numbers that do not
    rise. Unnumbered, only the permalink's form counts (html2text drops the list's numbers);
    numbers over the day alone count only under a thread's heading ("20 Comments Post a comment")."""
    found = short_lines_holding(lines, max(first, 0), _LONGEST_NUMBERED, (), "0123456789")
    if found is None:
        found = list(range(max(first, 0), len(lines)))
    numbered = _numbered(patterns.date)
    numbers: dict[int, int] = {}  # header line: its number (0 for none)
    bare: set[int] = set()  # the headers that hold the day alone
    for i in found:
        line = lines[i]
        # (most lines holding a year neither open with a number nor hold "permalink")
        if not line.lstrip()[:1].isdigit() and "ermalink" not in line:
            continue
        m = numbered.match(_plain(line))
        if m is not None:
            numbers[i] = int(m.group(1) or m.group(2) or m.group(3) or 0)
            if m.group(3) is not None:
                bare.add(i)

    def apart(above: int, i: int) -> bool:
        return bool(numbers[i]) and numbers[i] <= numbers[above] or not _text_between(lines, above, i)

    run = _first_run(list(numbers), apart)
    # (a numbered timeline of days, with text between, is no thread)
    if run and bare.issuperset(run) and not _under_heading(lines, run[0], patterns):
        return []
    return run


#: How long a "NAME said..." header (`said_headers`) may be.
_LONGEST_SAID = 60
#: A reader's name before "said...": one to four words, no sentence mark, comma or colon (the end
#: of a wrapped sentence, "of the budget, the mayor said,", is none).
_SAID_NAME = rf"[^\W_]{_NAME_REST}"


@functools.lru_cache(maxsize=8)
def _said(wrote: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...] | None]:
    """The pattern of a "NAME said..." header with B011's wrote-verbs (``wrote``), and the words
    its screen looks for (a verb's longest word; None when one cannot be screened for)."""
    said = re.compile(rf"^\W*{_SAID_NAME}\s+{alternation(wrote)}\s*(?:,|\.\.\.|…)\s*$", re.IGNORECASE)
    return said, screen_parts(wrote)


def said_headers(lines: list[str], first: int, patterns: HeaderPatterns) -> list[int]:
    """The headers that hold a reader's name and a wrote-verb alone, ending with an ellipsis or a
    comma (Blogger's "tRiSh said...", a theme's "Progress Trap said,": `_said`), from line
    ``first`` on, when they make a thread: at least `_MIN_PAIRS` of them, each within
    `thread_end.MAX_GAP` lines of the next with a line of text (the comment) between the two."""
    return alone_run(lines, first, _LONGEST_SAID, *_said(patterns.wrote))


#: A list item holding a reader's name alone, maybe after the reader's web address, as Disqus's
#: threads print each comment's header when the extractor drops its date ("  • Mike Merrill",
#: "  * http://twitter.com/danamac Dana McMahan"). Group 1: the address.
_NAMED_ITEM = re.compile(rf"^ {{0,4}}[•*]\s+(https?://\S+\s+)?[^\W\d_]{_NAME_REST}\s*$")
#: An item's comment: the next line with text, no list item, of this many words or more.
_BODY_WORDS = 4


def named_items(lines: list[str], first: int, patterns: HeaderPatterns) -> list[int]:
    """The headers of a thread whose comments are list items holding their reader's name alone
    (`_NAMED_ITEM`), each over its comment (a line of text of `_BODY_WORDS` words or more, no
    list item), from line ``first`` on: at least `_MIN_PAIRS` of them, each within
    `thread_end.MAX_GAP` lines of the next, under a thread's heading ("COMMENTS"), or with a
    reader's web address before a name. A list of people each over a paragraph presenting them
    has neither, nor a listing's teasers under their category ("* General News", met many times)."""
    items: list[int] = []
    start = max(first, 0)
    # (only the lines holding a bullet, found by one pass of a kernel: the pattern tried on every
    # line cost ~0.1 s on the 20 MB crawl)
    count = len(lines)
    for j in lines_holding("\n".join(lines[start:]), "•*", ""):
        i = start + j
        # the comment first (a menu's items, most of the lines found, stand over one another)
        k = i + 1 if i + 1 < count and lines[i + 1].strip() else i + 2
        body = lines[k].lstrip() if k < count else ""
        if (
            len(body.split(None, _BODY_WORDS - 1)) >= _BODY_WORDS
            and not body.startswith(("•", "* ", "- ", "+ "))
            and _NAMED_ITEM.match(lines[i]) is not None
        ):
            items.append(i)
    run = _first_run(items)
    if not run:
        return []
    found = [_NAMED_ITEM.match(lines[i]) for i in run]
    if any(m is not None and m.group(1) for m in found) or _under_heading(lines, run[0], patterns):
        return run
    return []
