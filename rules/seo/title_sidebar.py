"""S006: a sidebar of other articles' titles, judged from its length and shape alone.

S005 reports a short list of titles where its place says what it is (under a related-content
heading, or alone after the article's last paragraph); it is not in the default selection
because the gold of Dragnet keeps such short lists as the article's. A blog's sidebar of its
other posts is another thing: dozens of headlines in title case in a row, at most split by a
section label ("Warriors Pearl Foundation:") or a promotion line or two repeated between the
groups. No article sets thirty-two headlines in a row without a sentence among them; an article that
does list other posts (a blog hop, a round-up) announces the list with a sentence ending in a
colon, and such a list is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.registry import Rule, Violation, register

from .titles import MARKER, TITLE_LONGEST, TITLE_QUOTES, TITLE_WORDS, headline

#: Fewest titles of a sidebar: more than any list of an article's own subheadings.
_MIN_TITLES = 32
#: Most lines that are not titles between two groups of one sidebar (a promotion repeated
#: between the groups, a teaser under a title), and fewest titles of each group so joined.
_MAX_BETWEEN = 2
_MIN_GROUP = 3
#: Share of the titles in title case (see `_title_case`); a list of sentence-case items is
#: more often the article's own (steps, ingredients, names).
_MIN_TITLED = 0.75
#: Share of a title's words, small words aside, that start with a capital for title case.
_TITLED_WORDS = 0.75
#: Words a title in title case may hold in lower case.
_SMALL = frozenset("a an and as at but by for from in into is of on or over the to vs with about".split())
#: A section label between groups of titles ("Warriors Pearl Foundation:", "Recipes:").
_LABEL = re.compile(r"^[^.!?]{2,60}:$")
#: The first characters of a list marker `headline` strips ("- ", "• ", "1. "), digits aside.
_MARKER_START = frozenset("-*+•·▪►>")
#: Last characters no title ends with, first tested here for speed (`headline` tests them too):
#: the lines of prose end with one, and are passed over without a regular expression.
_NOT_LAST = frozenset(".,;:")
#: Most words of a section label.
_LABEL_WORDS = 6
#: A line with no letter or digit ("* * *", "•"): a separator.
_SEPARATOR = re.compile(r"^[\W_]+$")
#: A sentence announcing the list that follows it ("… at these #SundaySupper blogs:").
_ANNOUNCES = re.compile(r":\s*$")
#: Most short lines between the sentence announcing a list and its first title ("#CookForJulia
#: Breakfast"), and how long such a line may be.
_ABOVE = 4
_SHORT = 80
#: A numbered item, also as html2text escapes it ("4. Moral Clarity", "4\\. Moral Clarity").
_NUMBERED = re.compile(r"^\s*\d{1,3}\\?[.)]\s")


def _title_case(line: str) -> bool:
    """Most words of the title start with a capital, small words aside ("John Edwards Trial:
    Bizarre Alternate Jury Antics")."""
    found = [w for w in words(MARKER.sub("", line)) if w[:1].isalpha() and w.casefold() not in _SMALL]
    return bool(found) and sum(w[:1].isupper() for w in found) >= _TITLED_WORDS * len(found)


def _title(stripped: str) -> bool:
    """`headline` of a stripped line short enough, with two spaces or more, that does not end
    with a full stop, comma, colon or semicolon and does not start in lower case (`_groups`
    tests these first): a bullet is stripped here as `headline` strips it, and only a line
    starting with a digit needs its regular expression."""
    first = stripped[0]
    if first in _MARKER_START and stripped[1:2].isspace():
        stripped = stripped[2:].lstrip()  # a bullet ("- ", "* ") as `headline` strips it
        if not stripped:
            return False
        first = stripped[0]
    elif first.isdigit():
        return headline(stripped)  # a number ("1. ") for `headline` to strip, or a title's first digit
    if not (first.isupper() or first in TITLE_QUOTES):
        return False
    return TITLE_WORDS[0] <= len(words(stripped)) <= TITLE_WORDS[1]


def _announcing(line: str) -> bool:
    """A sentence announcing a list: it ends with a colon and is not in title case ("You can
    find other recipes at these blogs:", not a section label: "Dennys News Politics Comedy
    Science Arts & Food:")."""
    return bool(_ANNOUNCES.search(line)) and not _title_case(line)


def _groups(lines: list[str]) -> list[list[int]]:
    """The runs of headline-shaped lines (`headline`), in order: blank lines (never two in a
    row), section labels and separators between two titles keep a run going; anything else ends
    it. A title here has three words or more separated by spaces; only the lines a title could
    be are tested (short, two spaces or more, no full stop at the end, no lower-case start), and
    a text with fewer titles than a sidebar holds is left at once."""
    stripped = list(map(str.strip, lines))
    titles = [
        i
        for i, text in enumerate(stripped)
        if len(text) <= TITLE_LONGEST
        and text.count(" ") >= 2
        and text[-1] not in _NOT_LAST
        and not text[0].islower()
    ]
    if len(titles) >= _MIN_TITLES:
        titles = [i for i in titles if _title(stripped[i])]
    if len(titles) < _MIN_TITLES:
        return []
    found = [[titles[0]]]
    for before, title in zip(titles, titles[1:]):
        if _keeps_run(stripped[before + 1 : title]):
            found[-1].append(title)
        else:
            found.append([title])
    return found


def _keeps_run(between: list[str]) -> bool:
    """Whether the lines between two titles keep them in one run: blank lines but never two in
    a row, section labels ("Recipes:") and separators ("* * *")."""
    blank = False
    for text in between:
        if not text:
            if blank:
                return False
            blank = True
            continue
        blank = False
        if not (_SEPARATOR.match(text) or (_LABEL.match(text) and len(words(text)) <= _LABEL_WORDS)):
            return False
    return True


def _sidebars(lines: list[str]) -> Iterator[list[int]]:
    """Groups of titles joined across up to `_MAX_BETWEEN` lines that are not titles (a
    promotion repeated between the groups), when both groups hold three titles or more and no
    line between them announces a list (`_announcing`)."""
    joined: list[list[int]] = []
    for group in _groups(lines):
        if not joined:
            joined.append(group)
            continue
        last = joined[-1]
        between = [k for k in range(last[-1] + 1, group[0]) if lines[k].strip()]
        joins = len(between) <= _MAX_BETWEEN and not any(map(_announcing, (lines[k] for k in between)))
        if joins and len(last) >= _MIN_GROUP and len(group) >= _MIN_GROUP:
            last.extend(group)
        else:
            joined.append(group)
    return (g for g in joined if len(g) >= _MIN_TITLES)


def _prose_at(doc: Document, starts: list[int], line: int) -> bool:
    """Whether ``line`` lies in a block of prose (``starts``: the blocks' first lines, in order)."""
    k = bisect_right(starts, line) - 1
    return k >= 0 and doc.blocks[k].end >= line and doc.blocks[k].prose


def _announced(doc: Document, starts: list[int], start: int) -> bool:
    """Whether a paragraph of prose above the list announces it, ending with a colon, with at
    most `_ABOVE` short lines between them (a group's heading: "#CookForJulia Breakfast")."""
    seen = 0
    for i in range(start - 1, -1, -1):
        line = doc.lines[i].strip()
        if not line:
            continue
        if _ANNOUNCES.search(line) and len(words(line)) > _LABEL_WORDS and _prose_at(doc, starts, i):
            return True  # a sentence, not a section label ("Recent Posts:")
        if seen == _ABOVE or len(line) > _SHORT:
            return False
        seen += 1
    return False


@register
class TitleSidebar(Rule):
    """## What it does
    Checks for a sidebar of other articles' titles: thirty-two different headline-shaped lines
    or more (3 to 15 words separated by spaces, starting with a capital, not ending in a period,
    comma, colon or semicolon), three quarters of them in title case, in a row with no sentence
    among them. Section labels
    ("Recipes:"), separators ("* * *") and blank lines between the titles keep the run going, and
    one or two other lines (a promotion repeated between groups of titles) join two groups of
    three titles or more. The region runs from the first title to the last.

    A list that a paragraph of the article announces, ending with a colon ("You can find other
    recipes at these blogs:"), is the article's and is not reported, nor is a numbered list.

    ## Why is this bad?
    The titles belong to the site's other articles: a corpus gets a page of the site's
    headlines with every article, and a model trained on it learns them as the article's text.

    ## Example
    ```text
    Over the past months I posted plenty of funny posts for you to enjoy.
    Recipes:
    Black Raspberry Chocolate Macadamia Cookies
    Easy Triple Layer Mud Pie
    Cajun Red Beans and Rice
    … (thirty more titles)
    ```

    Use instead:
    ```text
    Over the past months I posted plenty of funny posts for you to enjoy.
    ```

    ## Fix
    Removes the region (unsafe: where the sidebar ends is judged from the shape of its lines).
    """

    code = "S006"
    name = "title-sidebar"
    severity = Severity.WARNING
    summary = "Sidebar of other articles' titles (32 headlines or more in a row) left in the text"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lines = doc.lines
        starts: list[int] = []
        for titles in _sidebars(lines):
            items = [lines[i] for i in titles]
            if len(set(map(str.strip, items))) < _MIN_TITLES:
                continue  # one line over and over (a comment thread's spam) is no list of titles
            if sum(map(_title_case, items)) < _MIN_TITLED * len(items):
                continue
            if 2 * sum(1 for line in items if _NUMBERED.match(line)) > len(items):
                continue
            starts = starts or [b.start for b in doc.blocks]
            if _announced(doc, starts, titles[0]):
                continue
            start, end = titles[0], titles[-1]
            yield self.removable_lines(
                doc,
                start,
                end,
                f"Sidebar of other articles' titles left in the text ({len(titles)} titles,"
                f" {end - start + 1} lines)",
                "Remove the list of titles",
                safe=False,
            )
