"""S008's archive and category lists: a blog's widget listing its months or categories, each
with its count of posts.

A blog's sidebar lists its archive by month and its categories or labels, one link a line, each
followed by how many posts it holds ("March 2009 (12)", "Advice (65)", "Politik (1.204)"),
Blogger's with its triangles ("► 2012 (45)", "► November (3)"), html2text's with the link
("[Advice](https://…) (65)"). Extractors keep the widget under or without its heading
("Categories", "Archives", "Labels"). `_MIN_ITEMS` such lines in a row, blank lines aside, are
the widget: an article's own list does not close each item with a bare count in brackets (it
gives a year, "Puzzle Quest - Tile-matching strategy RPG (2007)", which is no count here, or
puts the number in its sentence). A name is short: one to `_MOST_WORDS` words, starting with a
letter, not ending like a sentence. A short run (fewer than `_SURE_ITEMS`) could still be an
article's (three parties and their seats): it counts only under a widget's heading, naming
months or years, or beside a second run of the page (a widget's nested categories). On the
20 MB crawl and Dragnet's extractions that leaves out three lines of widgets.
"""

from __future__ import annotations

import functools
import re

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import alternation, pack_words

from .line_shapes import close_runs

#: Fewest items of a widget: two "Name (N)" lines may be an article's (two parties' seats).
_MIN_ITEMS = 3
#: Fewest items of a run that needs no heading, months or second run to count.
_SURE_ITEMS = 5
#: Most words of an item's name ("Dog, tuna & the wizard of OZ").
_MOST_WORDS = 8
#: A count in brackets at a line's end, found over the whole text (its bracket and digit are the
#: search's cheap literal start): a line ending otherwise is never read.
_COUNT_END = re.compile(r"\([ \t]*\d[\d,.]*[ \t]*\)[ \t\u00a0]*$", re.MULTILINE)
#: The whole item: bullets or Blogger's triangles, the name (a Markdown link's text or bare
#: words, maybe spaced out where a link's address was blanked; a letter or an archive's year
#: first), the count in brackets that is no year (nor a date, "(08.07.2020)").
_ITEM = re.compile(
    r"[ \t]*(?:[-*•+►▼▶»][ \t\u00a0]*)*"
    r"(?:\[(?P<link>[^\[\]\n]{1,80})\]\([^()\s]*\)|(?P<name>(?:[^\W\d_]|(?:1[5-9]|20)\d\d\b)[^()\n]{0,80}?))"
    r"[ \t\u00a0]*\([ \t]*(?!(?:1[5-9]|20)\d\d[ \t]*\))(?:\d{1,3}(?:[,.]\d{3})+|\d+)[ \t]*\)[ \t\u00a0]*"
)
#: A name ending like a sentence or a clause ("… the seats won by each party: (12)").
_SENTENCE_END = re.compile(r"[.:;!?,]$")
#: An archive's item names a month (whole, or its three letters) or a year: the months are the
#: word list `months` of rules/packs/S008.toml (every language at once: `pack_words`).
_YEAR = r"(?:1[5-9]|20)\d\d"
#: A widget's heading over the run (one of the two lines of text above it, `_HEADING_WORDS`
#: words at most) holds one of S008's `widget-heading-stems` anywhere ("Categories") or of its
#: `widget-heading-words` as a word ("Tags").
_HEADING_WORDS = 6


def _item(line: str) -> bool:
    m = _ITEM.fullmatch(line)
    if m is None:
        return False
    name = (m["link"] or m["name"]).strip()
    return 0 < len(name.split()) <= _MOST_WORDS and _SENTENCE_END.search(name) is None


def archive_runs(doc: Document, settings: Settings) -> list[tuple[int, int, int]]:
    """The archive and category lists of ``doc`` (see the module's docstring), each as its first
    line, its last and how many items it holds (``settings``: whose packs give the words)."""
    text = doc.text
    ends = [m.start() for m in _COUNT_END.finditer(text)]
    if len(ends) < _MIN_ITEMS:
        return []
    lines = doc.lines
    items = sorted({line for line in (doc.position(at)[0] for at in ends) if _item(lines[line])})
    runs = list(close_runs(lines, items, _MIN_ITEMS, 0))
    if not runs:
        return []
    if any(len(run) < _SURE_ITEMS for run in runs) and len(runs) == 1:
        rule = "story-link-list"  # (its words: rules/packs/S008.toml)
        dated = _month_or_year(pack_words(settings, rule, "months"))
        heading = _heading(
            pack_words(settings, rule, "widget-heading-stems"),
            pack_words(settings, rule, "widget-heading-words"),
        )
        if not (_dated(lines, runs[0], dated) or _headed(lines, runs[0][0], heading)):
            return []
    return [(run[0], run[-1], len(run)) for run in runs]


@functools.lru_cache(maxsize=8)
def _month_or_year(months: tuple[str, ...]) -> re.Pattern[str]:
    """A year or one of ``months`` as a word, maybe with a full stop (compiled once a list)."""
    return re.compile(rf"\b(?:{_YEAR}|{alternation(months)})\b\.?", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _heading(stems: tuple[str, ...], words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``stems`` anywhere, or of ``words`` as a word (compiled once a pair of lists)."""
    return re.compile(rf"{alternation(stems)}|\b{alternation(words)}\b", re.IGNORECASE)


def _dated(lines: list[str], run: list[int], dated: re.Pattern[str]) -> bool:
    """Whether half the items of ``run`` or more name a month or a year (an archive)."""
    return 2 * sum(dated.search(lines[i].rpartition("(")[0]) is not None for i in run) >= len(run)


def _headed(lines: list[str], first: int, heading: re.Pattern[str]) -> bool:
    """Whether one of the two lines of text above ``first`` is a widget's heading."""
    above = [line for line in lines[max(0, first - 4) : first] if line.strip()][-2:]
    return any(heading.search(line) is not None and len(line.split()) <= _HEADING_WORDS for line in above)
