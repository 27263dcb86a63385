"""B028: navigation menus, recognisable only as a run of short non-prose lines.

One short line ("Sport", "Home") says nothing: an article has headings and labels too. What
marks a menu is a run of them, standing before the article's first paragraph of prose or after
its last (before a comment thread: `regions.comment_threads`), with no sentence among them:
mostly one to four capitalised words ("League Cup", "Disability sport"), rows of links joined by
separators ("About Us | Contact | Privacy"), or the entries of a blog's archive and category
lists ("November 2012 (4)", "Candy (5)"). Between the article's paragraphs only a run of sixteen
items or more counts (a sidebar between the article and the comments), or a shorter one next to
such a run (its next box: `menu_shapes.chained_runs`), and so in a text with no
paragraph of prose at all (an extractor that kept only a page's list of contributors); the rule
judges the run as a whole. A run before the article whose items come back as its headings is the
article's table of contents, not a menu, and a run between its paragraphs that a paragraph
announces ("Here are the places we'll visit:") is its list.

The rule judges the shape of the lines on any input; what an HTML page's markup marks as
navigation, footer, sidebar or share tools is B029's (`rules/chrome/landmark_blocks.py`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Block, Document
from lintnews.packs import pack_terms
from lintnews.registry import Rule, Violation, register
from lintnews.seen_width import SEEN_LINES
from lintnews.textnorm import line_key

from .menu_shapes import (
    ITEM,
    MARKER,
    MARKER_START,
    MIN_ITEMS,
    MIN_MIDDLE,
    ROW,
    SENTENCE_END,
    WORD,
    article_prose,
    chained_runs,
    is_infobox,
    menu_kinds,
    menu_runs,
)
from .regions import comment_threads

#: Fewest words of the article's title right above its first paragraph (see `_title_above`): as
#: many as a menu item may hold at most, so "Arts and Culture" over the prose stays the menu's.
_TITLE_WORDS = 4


@register
class NavigationMenu(Rule):
    """## What it does
    Checks for a navigation menu of the page left before the article's first paragraph of prose
    or after its last (the readers' comments of a thread B011 finds are not the article's, however
    much prose they hold): a run of at least four short lines with no sentence among them (section
    names of one to four capitalised words, "Home", "Search", "Top", "Most Viewed Articles"; in
    a script without letter case, such as Chinese, Arabic or Bengali, any short name: "要闻",
    "رياضة", "খেলা"), or of at least two rows of links joined by separators ("About Us | Contact
    | Privacy Policy", "Print this story | Email this story | Discuss Story"). The whole run is
    reported as one region. A Chinese or Japanese line of more than ten characters is no section
    name (a reader's one-line comment with no punctuation is not taken for one), and a Thai, Lao,
    Myanmar or Khmer line is none (no space between words, often no full stop: unmeasured).

    Entries of a blog's archive or category list ("November 2012 (4)", "► Nov 2010 (29)",
    "Candy (5)") count as items too. Between the article's paragraphs only a run of sixteen
    items or more is reported (a sidebar or an archive between the article and its comments), or
    a run of four or more next to one (at most three lines of text and no paragraph between: the
    sidebar's next box, "### Favorites" over "Help Center", "Security", ...), and
    so in a text with no paragraph of prose at all (what an extractor kept of a page that is only
    chrome: a list of 129 contributors' names), so a heading, a short label or a short list
    inside the article is never reported (a list of sixteen or more short names in title case
    with no sentence among them would be); nor is a run broken by a sentence, a date or a byline,
    nor a run before the article most of whose items are headings of the article further down
    (its table of contents) or an infobox's field names over their values ("Industry" /
    "Open-source software" / "Founder" / ...: two names or more, never two in a row, making a
    quarter of its items), nor a run between the paragraphs that a paragraph announces ("Here
    are the places we'll visit this year:" over "Jakarta", "Hong Kong", "Shanghai", ...).
    Markup an extractor left as text ("<div class=…>", a tracking pixel's `<img …>`) is no
    paragraph of the article, and neither is a line of prose alone at the top of a whole page
    with thirty lines of text or more and no prose under it, at most 250 characters long (a
    cookie notice, a ticker's headline, a blog's description; not a list's announcement ending
    with a colon): the menus under it are before the article.
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

    ## Fix
    Removes the region (unsafe: where the menu ends is judged from the shape of its lines).

    ## Options
    The infobox's field names: `infobox-labels` in `rules/packs/B028.toml`, per language; add
    your own with a rule file in `extend-packs` (README, "Phrase packs").
    """

    code = "B028"
    name = "navigation-menu"
    severity = Severity.WARNING
    summary = "Navigation menu (section names, rows of links) left in the text"
    fix_applicability = "unsafe"
    #: In the default selection since session 51: on Dragnet it flags 0.46-0.47 % of html2text's article lines read
    #: strictly (6.3-6.9 % as labelled, where a line "* Home" is article because a gold sentence says "home"),
    #: at precision 0.96-0.998, and doubles the boilerplate found on whole pages (README, "Residue").

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        prose = article_prose(doc)
        kinds = menu_kinds(doc)
        found: list[tuple[int, int, int]] = []
        if prose:
            # the article's prose: lines first..last, before its comment thread (B011's: the
            # readers' comments are prose, and a menu under them is after the article)
            first, last = prose[0].start, prose[-1].end
            threads = comment_threads(doc, settings)
            if threads:
                last = max((b.end for b in prose if b.end < threads[0].start), default=last)
            before = menu_runs(kinds, 0, _title_above(doc, first))
            if before:
                items = [_items(doc, m) for m in before]
                later = _later_keys(doc, items, first, last)
                # (an infobox's field names: the rule's terms-only file, rules/packs/B028.toml)
                labels = pack_terms(doc, settings, self.name, "infobox-labels")
                found += [
                    m
                    for m, keys in zip(before, items)
                    if not (_contents(keys, later) or is_infobox(doc, kinds, m, labels))
                ]
            found += menu_runs(kinds, last + 1, len(doc.lines))
        else:
            # no paragraph of prose (an extractor kept only the page's chrome, or a list): no run
            # is before or after the article, so only one a sidebar's length counts, as between
            # its paragraphs
            first, last = 0, len(doc.lines) - 1
        middle = [m for m in menu_runs(kinds, first, last + 1) if not _announced(doc, prose, m[0])]
        found += [m for m in middle if m[2] >= MIN_MIDDLE]
        found += chained_runs(doc, prose, [m for m in middle if m[2] < MIN_MIDDLE], found)
        found = [kept for m in found if (kept := _past_a_byline(doc, kinds, m)) is not None]
        for start, end, n in sorted(found):
            yield self.removable_lines(
                doc,
                start,
                end,
                f"Navigation menu left in the text ({n} items, {end - start + 1} lines)",
                "Remove the navigation menu",
                safe=False,
            )


def _past_a_byline(
    doc: Document, kinds: bytearray, menu: tuple[int, int, int]
) -> tuple[int, int, int] | None:
    """``menu`` without a name of two words or more printed twice, and not a third time, at its
    start (an author box's picture caption and link, "John Koetsier" / "John Koetsier", over
    "Twitter" / "Profile"): what is left, or None when too few items are left (`MIN_ITEMS`)."""
    start, end, n = menu
    items = [j for j in range(start, end + 1) if kinds[j] & (ITEM | ROW)]
    name = doc.lines[items[0]].strip() if len(items) >= 3 else ""
    if (
        len(WORD.findall(name)) < 2
        or doc.lines[items[1]].strip() != name
        or doc.lines[items[2]].strip() == name
    ):
        return menu  # (a section printed twice, "Home" / "Home", or a label over and over, is the menu's)
    rest = items[2:]
    return (rest[0], end, len(rest)) if len(rest) >= MIN_ITEMS else None


def _title_above(doc: Document, first: int) -> int:
    """Where a menu before the article must stop: the line right above its first paragraph of
    prose, when it holds four words or more, is the article's title ("Monokini Madness Hits
    Hollywood"), however much it looks like the menu's last item."""
    above = first - 1
    if above >= 0 and len(WORD.findall(doc.lines[above])) >= _TITLE_WORDS:
        return above
    return first


#: Most lines of the article's list between the sentence announcing it and a menu-shaped run of
#: its items ("Brazil (Brasilia, Rio de Janeiro)" above "Jakarta", "Hong Kong", ...).
_LIST_ABOVE = 8
#: Short lines of a list: no sentence end, at most this long (see `_announced`).
_LIST_LINE = 80
#: A sentence announcing a list: it ends with a colon.
_ANNOUNCES = re.compile(r":\s*$")


def _announced(doc: Document, prose: list[Block], start: int) -> bool:
    """Whether the run from ``start``, between the article's paragraphs, is a list of its own
    that one of its paragraphs of prose (``prose``) announces: the nearest line above that is not
    a short list line (up to `_LIST_ABOVE` of them, items the run's shape did not take:
    "Australia (Adelaide, Perth)") ends with a colon and is a paragraph's ("Here are the places
    we'll visit in the first half of 2013:"), not a form's label ("If you subscribe, log in
    here:"), a menu's header ("Sections:") or a list item heading a sublist of the menu."""
    seen, lines = 0, SEEN_LINES.of(doc)  # (a list line is as long as a reader sees it)
    for i in range(start - 1, -1, -1):
        line = lines[i].strip()
        if not line:
            continue
        if _ANNOUNCES.search(line):
            return any(b.start <= i <= b.end for b in prose)
        if seen == _LIST_ABOVE or len(line) > _LIST_LINE or SENTENCE_END.search(line):
            return False
        seen += 1
    return False


@functools.lru_cache(maxsize=1 << 15)
def _item_key(line: str) -> str:
    """A line without its list or heading marker, emphasis and case ("* The Concept", "## The
    concept": "the concept"). Kept per process: a site's menu comes back on each of its pages."""
    return MARKER.sub("", line).strip().strip("*_").strip().casefold()


def _items(doc: Document, menu: tuple[int, int, int]) -> set[str]:
    """The keys of a menu's items (`_item_key` of its lines that are not blank)."""
    start, end, _ = menu
    items = {_item_key(doc.lines[i]) for i in range(start, end + 1) if doc.lines[i].strip()}
    items.discard("")
    return items


def _later_keys(doc: Document, items: list[set[str]], first: int, last: int) -> set[str]:
    """The keys of the article's lines ``first..last`` that equal an item of the menus whose
    `_items` are ``items``, list items left out (a table of contents points to headings; a
    whole page prints its menu again as a list in its footer, "* TODAY" under "* TODAY").

    A line is keyed only when its `line_key` (the document's, made once) is one of the items'
    (``line_key`` of an item's key equals the line's own whenever the line's key starts with
    no marker `line_key` keeps, "▪": checked on the crawl's and Dragnet's 190,000 short lines),
    where keying every short line cost 0.06 ms a document."""
    wanted = {line_key(key) for keys in items for key in keys}
    wanted.discard("")
    lines, keys = doc.lines, doc.line_keys
    return {
        _item_key(lines[i])
        for i in range(first, last + 1)
        if (keys[i] in wanted or keys[i][:1] in MARKER_START) and _LIST_ITEM.match(lines[i]) is None
    }


#: A list item's bullet or number ("* TODAY", "  - Sport", "3. Politics").
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•·▪►]|\d{1,3}[.)])\s")


def _contents(items: set[str], later: set[str]) -> bool:
    """Whether a run before the article is its table of contents: more than half of its items
    (``items``: their keys) come back as lines of the article (``later``: their keys; its
    headings: "* The Concept" over "## The Concept")."""
    return bool(items) and 2 * len(items & later) > len(items)
