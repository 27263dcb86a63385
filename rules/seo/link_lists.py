"""S008: a list of links to other stories, each item ending with its source or a read-more link.

Link roundups and news widgets list other pages' stories as list items, each closed by where
it leads: the site's name after a spaced dash ("- KFC-flavored potato chips are a thing —
Delish", HuffPost's "Link Love") or a "Read more" link, often with the story's date ("…
SiNG PARTY details... Read more... 2012-11-07", a press room's latest releases). The item's
end is the widget's template, not the writer's: an article's list item stops on its own words.
Four such items in a row, at most one other line between two of them, do not occur in an
article's text on Dragnet's extractions (its lists of "Name — date" are comment headers, and a
date ends them, not a name) nor on the 200 MB crawl, where the runs found are link roundups,
press rooms and a publisher's list of its other sites.

A source is a name: one to four words, the first capitalised, no digit (a date closes a comment
header, "Chris Huang — July 10th, 2012"), no full stop, comma, colon or question mark at its end
(a sentence's last clause after a dash: "- It was about marketing — not better algorithms.").

A widget of a site's latest, most-read or most-viewed posts closes each item with its stamp
instead: the date or time it was posted ("- Is Ohio a 'Toss-Up'? 5:12 PM ET", "- Together We
Stand, Divided We Fall Nov 2, 2012", "- The Breakup Bed (October 18, 2012)", "… By Jenn Pelly on
October 30, 2012 at 03:00 p.m.") or its count of readers ("- Social Media Icons Pack in 3 Sizes for
Download (383)", "- the relish tray - 23,886 views"). An article's own lists put a date first (a
timeline, fixtures: "- 18 Aug: Swansea (h)"), after a comma or a preposition ("- The Briefing,
Tuesday, November 6, 2012", "… was released on May 4, 2012"), or end on a year in brackets (a
reference list, a filmography: "… Chicago (1969)"), and a dash before a date is a comment header's
("Chris Huang — July 10th, 2012, 1:26 am"): none of these counts. A time alone counts only with
its "AM" or "PM": "- Track title 3:45" is an album's track list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.block_edges import blocks_where
from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.packs import pack_terms
from lintnews.registry import Rule, Violation, register

from .archive_lists import archive_runs
from .line_shapes import close_runs
from .teaser_blocks import read_more_runs

#: Fewest items of a list: three "Title — Name" items still occur in an article's list of books
#: or albums with their authors.
_MIN_ITEMS = 4
#: Most lines between two items of one list that are not items (a teaser's title above it).
_MAX_BETWEEN = 1
#: Fewest words of an item before its ending: a story's headline, where a list of an article's
#: own names a film, a book or a place in one to three words ("- The Godfather — Coppola").
_MIN_TITLE_WORDS = 4
#: A list item (a bullet, then its text; a numbered item is left alone: a ranked list of an
#: article's own, "1. The Godfather — Francis Ford Coppola") ending with its source after a spaced
#: em or en dash: one to four words, the first capitalised, no digit, not ending like a sentence
#: or a clause ("Geek & Co" has three).
_SOURCE_ITEM = re.compile(
    r"[ \t]*[-*•+][ \t]+(?P<title>\S.*?) [—–] +[A-Z](?:{w}*{l})?[!'’]?(?: (?:&|{w}*{l}[!'’]?)){{0,3}}[ \t]*".format(
        w=r"(?:[^\W\d_]|[.'’&!-])", l=r"[^\W\d_]"
    )
)
#: A list item ending with a read-more link, its arrow or ellipsis, maybe the story's date.
_READ_MORE_ITEM = re.compile(
    r"[ \t]*[-*•+][ \t]+(?P<title>\S.*?)\b(?:read more|weiterlesen|lire la suite|leer más)"
    r"\W{0,6}(?:\d{1,4}[-./]\d{1,2}[-./]\d{1,4})?[ \t]*",
    re.I,
)
#: The stamps that close an item of a list of other posts (see the module docstring): a date
#: ("Nov 2, 2012", "30 October 2012", maybe with its time), a time with its "AM" or "PM" (and a
#: time zone), either in brackets; a count of readers in brackets that is no year ("(383)"), or
#: of views, reads or hits.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}})"
_TIME = r"\d{1,2}[:.]\d\d ?[ap]\.?m\.?(?: [a-z]{1,4})?"
_STAMP = rf"(?:{_DATE}(?:,? (?:at )?{_TIME})?|{_TIME})"
_STAMP_END = re.compile(
    rf"(?<=[ \t])(?:(?P<stamp>{_STAMP})|\((?P<bracketed>{_STAMP})\)"
    r"|\((?!(?:1[5-9]|20)\d\d\))(?P<count>\d[\d,.]*)\)|(?P<views>\d[\d,.]* (?:views|reads|hits)))[ \t]*$",
    re.I,
)
#: How far from a line's end `_STAMP_END` is searched for: a date with its time and brackets.
_STAMP_TAIL = 48
#: Every stamp holds a digit within this many characters of the line's end ("7:28 PM EDT",
#: "(October 18, 2012)", "23,886 views", a space or two after it): the cheap test that spares
#: `_STAMP_END` on most items (its months and times tried at each place of the tail cost ~2 µs).
_DIGIT_TAIL = 16
_DIGIT = re.compile(r"\d")
#: A bulleted item's title (a numbered item is an article's own, as for the other endings).
_BULLETED = re.compile(r"[ \t]*[-*•+][ \t]+(?P<title>\S.*)")
#: Fewest words of an item before a count of views: a most-viewed list's titles are short ("the
#: relish tray - 23,886 views"), and no article's list ends each item with its views.
_MIN_VIEWS_TITLE_WORDS = 2
#: The words after which a date is the item's own (a sentence's "… was released on May 4, 2012"),
#: unless a byline stands before them ("… By Jenn Pelly on October 30, 2012").
_DATE_WORDS = frozenset("on in since until till from of at before after by to and or between".split())
_BYLINE_ON = re.compile(r"\bby(?: \S+){1,4} on$", re.I)
#: The kinds of block a stamped item stands in.
_LIST = ("list",)
#: What a run is, in its message: a list of other stories, or a blog's archive or category
#: widget (``archive_lists.py``).
_STORIES = "List of links to other stories"
_ARCHIVE = "Archive or category list of the site"

#: The marks each ending holds, searched for in the text: a step a character in C, where a
#: regular expression over the text tried every space (0.17 ms a document on the crawl); a lone
#: dash is found fastest (the search for a single character is a memchr). An article's dashes
#: mid-sentence are dropped by their distance to the line's end before any line is read.
_DASHES = ("—", "–")
#: The read-more links by language, searched for in English and the text's own language: each
#: search of a 7 kB text costs about 4 µs, and five of them were most of the rule's time.
_READ_MORE_MARKS = {
    "en": ("ead more", "ead More"),
    "de": ("eiterlesen",),
    "fr": ("la suite",),
    "es": ("er más",),
}
#: Most characters from a mark to the end of its line: a source's four words or a read-more
#: link with its arrow and a date.
_MAX_TAIL = 48


def _marks(doc: Document) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The marks to search ``doc`` for, each with the item it closes: the read-more links of
    English and of the text's own language."""
    for dash in _DASHES:
        yield dash, _SOURCE_ITEM
    for lang in ("en", doc.language) if doc.language != "en" else ("en",):
        for mark in _READ_MORE_MARKS.get(lang or "", ()):
            yield mark, _READ_MORE_ITEM


def _items(doc: Document) -> list[int]:
    """The lines of ``doc`` that are list items ending with a source after a dash or with a
    read-more link, `_MIN_TITLE_WORDS` words or more before it."""
    text = doc.text
    lines = doc.lines
    found: set[int] = set()
    for mark, item in _marks(doc):
        at = text.find(mark)
        while at >= 0:
            stop = text.find("\n", at)
            end = stop if stop >= 0 else len(text)
            if end - at > _MAX_TAIL and text[end - 1] in " \t":  # (a Markdown link's blanked address)
                end = at + len(text[at:end].rstrip(" \t"))
            if end - at > _MAX_TAIL:
                # Every mark of this line before ``end - _MAX_TAIL`` is as far from its end (the
                # same ``end``: a mark is no blank): the search goes on from there, where going
                # to the end of a long paragraph again for each of its dashes cost more than
                # the rest of the rule.
                at = text.find(mark, end - _MAX_TAIL)
                continue
            line = doc.position(at)[0]
            m = item.fullmatch(lines[line])
            if m is not None and len(m["title"].split()) >= _MIN_TITLE_WORDS:
                found.add(line)
            at = text.find(mark, at + 1)
    found.update(_stamped_items(doc))
    return sorted(found)


def _stamped_items(doc: Document) -> Iterator[int]:
    """The list items of ``doc`` that end with a post's date, time or count of readers (see the
    module docstring), read from the list blocks of a bullet, a title and a count's two words or
    more (picked by a kernel: a loop over every block in Python cost 0.05 ms a document on the
    20 MB crawl, more than twice the rest of the rule)."""
    lines = doc.lines
    blocks = blocks_where(doc.blocks, _LIST, -1, _MIN_VIEWS_TITLE_WORDS + 2)
    if len(blocks) < _MIN_ITEMS:
        return
    digit = _DIGIT.search
    tails = [
        i
        for b in blocks
        for i in range(b.start, b.end + 1)
        if digit(lines[i], _shown_end(lines[i]) - _DIGIT_TAIL)
    ]
    if len(tails) < _MIN_ITEMS:
        return  # (too few to make a list: most texts stop here)
    for i in tails:
        line = lines[i]
        end = _STAMP_END.search(line, max(0, _shown_end(line) - _STAMP_TAIL))
        if end is not None and _stamped(line[: end.start()].rstrip(), end):
            yield i


def _shown_end(line: str) -> int:
    """Where ``line``'s words end: before its trailing blanks (a Markdown link's address, blanked
    in the text rules see, leaves a run of them: "* [Title (3812)](http://…)")."""
    return len(line.rstrip(" \t")) if line[-1:] in (" ", "\t") else len(line)


def _stamped(head: str, end: re.Match[str]) -> bool:
    """Whether an item whose line ends with a stamp (`_STAMP_END` matched ``end``; ``head`` is
    the line before it) is a bulleted title closed by a widget's stamp rather than its own words:
    a title of enough words, and a date or time that no dash, comma or preposition ties to it."""
    item = _BULLETED.match(head)
    if item is None:
        return False
    if end["views"] is not None:
        return len(item["title"].rstrip(" -–—|·").split()) >= _MIN_VIEWS_TITLE_WORDS
    title = item["title"].split()
    if len(title) < _MIN_TITLE_WORDS or title[-1][-1] in ",;:-–—|":
        return False
    if end["count"] is not None or end["bracketed"] is not None:
        return True
    last = title[-1].casefold()
    return last not in _DATE_WORDS or (last == "on" and _BYLINE_ON.search(item["title"]) is not None)


def link_runs(doc: Document) -> Iterator[list[int]]:
    """The runs of `_MIN_ITEMS` link items or more (line numbers), at most `_MAX_BETWEEN` other
    lines between two of them (blank lines aside)."""
    return close_runs(doc.lines, _items(doc), _MIN_ITEMS, _MAX_BETWEEN)


@register
class StoryLinkList(Rule):
    """## What it does
    Checks for a list of links to other stories: four list items or more, each ending with the
    name of the site it leads to after a spaced dash ("— Delish"), with a read-more link
    ("Read more... 2012-11-07"), or with the stamp of a widget of latest or most-read posts: the
    post's date or time ("5:12 PM ET", "Nov 2, 2012", "(October 18, 2012)") or its count of
    readers ("(383)", "- 23,886 views"), with at most one other line between two of them. The
    region runs from the first item to the last. A listing set out over lines, three read-more
    links or more each on a line of its own ("READ MORE", "Weiterlesen »") with at most four
    lines of text between two of them (another post's title, date and first words), is such a
    list too, from its first link to its last; so is a blog's archive or category widget, three
    lines or more in a row each naming a month or a category with its count of posts ("March
    2009 (12)", "Advice (65)"; a year in brackets is no count).

    ## Why is this bad?
    The items are other pages' headlines that a link roundup or a news widget shows around the
    article: a corpus gets the same list of unrelated stories with every article of the site.

    ## Example
    ```text
    The chain said sales fell for a third quarter.
    - Why burger chains are hurting — Grub Street
    - KFC-flavored potato chips are a thing — Delish
    - 20 quick and easy polenta recipes — HuffPost Taste
    - A feud erupts on Next Iron Chef — The Braiser
    ```

    Use instead:
    ```text
    The chain said sales fell for a third quarter.
    ```

    ## Fix
    Removes the region (unsafe: the list's ends are judged from the shape of its lines).
    """

    code = "S008"
    name = "story-link-list"
    severity = Severity.WARNING
    summary = (
        "List of links to other stories (items ending with their source or a read-more link) left in the text"
    )
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        runs = [(run[0], run[-1], len(run), _STORIES) for run in link_runs(doc)]
        read_more = pack_terms(doc, settings, self.name, "read-more-links")  # (rules/packs/S008.toml)
        for start, end, n in read_more_runs(doc, read_more):
            if not any(a <= end and start <= b for a, b, _, _ in runs):
                runs.append((start, end, n, _STORIES))
        for start, end, n in archive_runs(doc, settings):
            if not any(a <= end and start <= b for a, b, _, _ in runs):
                runs.append((start, end, n, _ARCHIVE))
        for start, end, n, what in sorted(runs):
            yield self.removable_lines(
                doc,
                start,
                end,
                f"{what} left in the text ({n} links)",
                "Remove the list of links",
                safe=False,
            )
