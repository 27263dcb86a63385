"""B028: navigation menus, recognisable only as a run of short non-prose lines.

One short line ("Sport", "Home") says nothing: an article has headings and labels too. What
marks a menu is a run of them, standing before the article's first paragraph of prose or after
its last, with no sentence among them: mostly one to four capitalised words ("League Cup",
"Disability sport"), rows of links joined by separators ("About Us | Contact | Privacy"), or
the entries of a blog's archive and category lists ("November 2012 (4)", "Candy (5)"). Between
the article's paragraphs only a run of sixteen items or more counts (a sidebar between the
article and the comments), and so in a text with no paragraph of prose at all (an extractor that
kept only a page's list of contributors); the rule judges the run as a whole. A run before the
article whose items come back as its headings is the article's table of contents, not a menu.

The rule judges the shape of the lines on any input; what an HTML page's markup marks as
navigation, footer, sidebar or share tools is B029's (`rules/chrome/landmark_blocks.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Block, Document
from lintnews.registry import Rule, Violation, register

#: A list marker or heading mark in front of a menu item ("* Home", "- Sport", "## News").
_MARKER = re.compile(r"^\s*(?:[-*+•·▪►>]|#{1,6})\s+")
#: Separators of a row of links ("Home | News", "About Us • Contact", "Contact Us : Privacy").
_SEPARATOR = re.compile(r"\s(?:\||•|·|::?|»|›|/|–|—)\s|^\s*\||\|\s*$")
#: What a sentence ends with; a menu item never does.
_SENTENCE_END = re.compile(r"[.!?;,…\"”]\s*$")
#: Words a menu item may hold in lower case ("Arts and culture", "Disability sport").
_WORD = re.compile(r"[^\W\d_][\w'’&-]*|&")
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
_LONGEST = 200
#: Fewest items of a menu between the article's first and last paragraphs of prose (a sidebar
#: between the article and the comments, a blog's archive): a list inside an article is shorter.
_MIN_MIDDLE = 16


def _item(line: str) -> bool:
    """A menu item: one to four words, the first capitalised, no digits, no sentence end, not a
    byline."""
    text = _MARKER.sub("", line).strip()
    if not text or len(text) > 40 or _SENTENCE_END.search(text) or _DIGIT.search(text):
        return False
    found = _WORD.findall(text)
    if not 1 <= len(found) <= _ITEM_WORDS or not found[0][:1].isupper():
        return False
    if found[0].casefold() in ("by", "von", "par", "por", "posted", "written"):
        return False
    # nothing but words and spaces (and the separators of one item: "Arts & Culture", "Q&A")
    rest = _WORD.sub("", text)
    return all(ch in " -&'’/" for ch in rest)


def _archive(line: str) -> bool:
    """An entry of an archive or category list (see `_ARCHIVE`)."""
    text = _MARKER.sub("", line).strip()
    return len(text) <= 60 and _ARCHIVE.match(text) is not None


def _title_case(line: str) -> bool:
    """Every word of four letters or more starts with a capital (rows of links and archive entries
    count too)."""
    return all(w[:1].isupper() for w in _WORD.findall(line) if len(w) >= 4) or "|" in line or _archive(line)


def _row(line: str) -> bool:
    """A row of links: at least two separators, every segment a short item."""
    if not _ROW_HINT.search(line):
        return False  # no separator at all (most lines): the cheap test first
    text = _MARKER.sub("", line).strip()
    if len(text) > _LONGEST or _SENTENCE_END.search(text.rstrip("| ")):
        return False
    if _DIGIT.search(text):
        return False  # a table row ("AZ-1 | NEW | McCain +3"), not links
    parts = [p.strip() for p in re.split(r"\s*(?:\||•|·|::?|»|›)\s*", text) if p.strip()]
    if len(parts) < 3 or len(_SEPARATOR.findall(f" {text} ")) < 2:
        return False
    return all(len(_WORD.findall(p)) <= _SEGMENT_WORDS and not re.search(r"[.!?]$", p) for p in parts)


def menu_lines(doc: Document, first: int, stop: int) -> list[tuple[int, int, int]]:
    """The menus among lines ``first..stop-1``: (start, end, number of items) of every run of
    item lines and link rows that is long enough and has no other line in it."""
    lines = doc.lines
    found: list[tuple[int, int, int]] = []
    run: list[int] = []
    blanks = 0

    def close() -> None:
        # items not in title case at either end are not the menu's ("Safety features" after it)
        titled = [_title_case(lines[i]) for i in run]
        lo, hi = 0, len(run)
        while lo < hi and not titled[lo]:
            lo += 1
        while hi > lo and not titled[hi - 1]:
            hi -= 1
        n = hi - lo
        rows = sum(1 for i in run[lo:hi] if _row(lines[i]))
        if (
            n >= _MIN_ROWS
            and sum(titled[lo:hi]) >= _MIN_TITLED * n
            and (n >= _MIN_LINES or rows >= _MIN_ROWS)
        ):
            found.append((run[lo], run[hi - 1], n))

    for i in range(first, stop):
        line = lines[i]
        if not line.strip():
            blanks += 1
            if blanks > _MAX_BLANKS and run:
                close()
                run = []
            continue
        blanks = 0
        if len(line.strip()) <= _LONGEST + 8 and (_item(line) or _row(line) or _archive(line)):
            run.append(i)
        else:
            if run:
                close()
            run = []
    if run:
        close()
    return found


def article_prose(doc: Document) -> list[Block]:
    """The blocks of prose of ``doc``, but for rows of links ("Print this story | Email this
    story | Discuss Story" has the words of a sentence)."""
    return [b for b in doc.blocks if b.prose and not (b.start == b.end and _row(b.text))]


@register
class NavigationMenu(Rule):
    """## What it does
    Checks for a navigation menu of the page left before the article's first paragraph of prose
    or after its last: a run of at least four short lines with no sentence among them (section
    names of one to four capitalised words, "Home", "Search", "Top", "Most Viewed Articles"), or
    of at least two rows of links joined by separators ("About Us | Contact | Privacy Policy",
    "Print this story | Email this story | Discuss Story"). The whole run is reported as one
    region.

    Entries of a blog's archive or category list ("November 2012 (4)", "► Nov 2010 (29)",
    "Candy (5)") count as items too. Between the article's paragraphs only a run of sixteen
    items or more is reported (a sidebar or an archive between the article and its comments), and
    so in a text with no paragraph of prose at all (what an extractor kept of a page that is only
    chrome: a list of 129 contributors' names), so a heading, a short label or a short list
    inside the article is never reported (a list of sixteen or more short names in title case
    with no sentence among them would be); nor is a run broken by a sentence, a date or a byline,
    nor a run before the article most of whose items are headings of the article further down
    (its table of contents).
    The rule judges the lines' shape on any input, HTML included; what a page's markup marks
    (`<nav>`, `<footer>`, `<aside>`, blocks of links) is reported by B029.

    ## Why is this bad?
    The menu is the site's, not the article's: a corpus gets the same section names in front
    of every article of the site, and a reader (or a model) gets a list of words that say
    nothing about the story.

    ## Example
    ```text
    Home
    News
    Sport
    Arts and culture
    The council approved the budget on Tuesday after a long debate.
    ```

    Use instead:
    ```text
    The council approved the budget on Tuesday after a long debate.
    ```

    Not in the default selection (`--extend-select B028`): see the README's residue figures.

    ## Fix
    Removes the region (unsafe: where the menu ends is judged from the shape of its lines).
    """

    code = "B028"
    name = "navigation-menu"
    severity = Severity.WARNING
    summary = "Navigation menu (section names, rows of links) left in the text"
    fix_applicability = "unsafe"
    #: Not in the default selection: on Dragnet its flagged lines are all junk on trafilatura's text and 0.96-0.97
    #: on whole-page text, but it flags 6-8 % of the lines the gold calls article there (html2text, HTML input),
    #: spread over a quarter of its regions (README, "Residue", "Region rules").
    default = False

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        prose = article_prose(doc)
        found: list[tuple[int, int, int]] = []
        if prose:
            # the article's prose: lines first..last
            first, last = prose[0].start, prose[-1].end
            found += [m for m in menu_lines(doc, 0, first) if not _contents(doc, m, first, last)]
            found += menu_lines(doc, last + 1, len(doc.lines))
        else:
            # no paragraph of prose (an extractor kept only the page's chrome, or a list): no run
            # is before or after the article, so only one a sidebar's length counts, as between
            # its paragraphs
            first, last = 0, len(doc.lines) - 1
        found += [m for m in menu_lines(doc, first, last + 1) if m[2] >= _MIN_MIDDLE]
        for start, end, n in sorted(found):
            yield self.removable_lines(
                doc,
                start,
                end,
                f"Navigation menu left in the text ({n} items, {end - start + 1} lines)",
                "Remove the navigation menu",
                safe=False,
            )


def _item_key(line: str) -> str:
    """A line without its list or heading marker, emphasis and case ("* The Concept", "## The
    concept": "the concept")."""
    return _MARKER.sub("", line).strip().strip("*_").strip().casefold()


def _contents(doc: Document, menu: tuple[int, int, int], first: int, last: int) -> bool:
    """Whether a run before the article is its table of contents: more than half of its items
    come back as lines of the article (its headings: "* The Concept" over "## The Concept")."""
    start, end, _ = menu
    items = {_item_key(doc.lines[i]) for i in range(start, end + 1) if doc.lines[i].strip()}
    items.discard("")
    if not items:
        return False
    later = {_item_key(line) for line in doc.lines[first : last + 1] if len(line) <= _LONGEST}
    return 2 * len(items & later) > len(items)
