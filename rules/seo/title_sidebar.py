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

from .title_lines import title_lines
from .titles import MARKER

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


#: A table's rows make at least 1 / `_TABLE_ROWS` of the run: it is the table, no sidebar.
_TABLE_ROWS = 4


def _table_row(line: str) -> bool:
    """A row of a table flattened to a line: two cell separators or more and a figure ("Yes |
    149 | 74%"); a title seldom holds both."""
    return line.count("|") >= 2 and any(c.isdigit() for c in line)


def _title_case(line: str) -> bool:
    """Most words of the title start with a capital, small words aside ("John Edwards Trial:
    Bizarre Alternate Jury Antics")."""
    found = [w for w in words(MARKER.sub("", line)) if w[:1].isalpha() and w.casefold() not in _SMALL]
    return bool(found) and sum(w[:1].isupper() for w in found) >= _TITLED_WORDS * len(found)


def _announcing(line: str) -> bool:
    """A sentence announcing a list: it ends with a colon and is not in title case ("You can
    find other recipes at these blogs:", not a section label: "Dennys News Politics Comedy
    Science Arts & Food:")."""
    return bool(_ANNOUNCES.search(line)) and not _title_case(line)


def _groups(lines: list[str]) -> list[list[int]]:
    """The runs of headline-shaped lines (`title_lines`), in order: blank lines (never two in a
    row), section labels and separators between two titles keep a run going; anything else ends
    it. A text with fewer titles than a sidebar holds is left at once."""
    if len(lines) < _MIN_TITLES:
        return []
    titles = title_lines(lines)
    if len(titles) < _MIN_TITLES:
        return []
    found = [[titles[0]]]
    for before, title in zip(titles, titles[1:]):
        if title == before + 1 or _keeps_run(lines, before + 1, title):
            found[-1].append(title)
        else:
            found.append([title])
    return found


def _keeps_run(lines: list[str], start: int, end: int) -> bool:
    """Whether the lines from ``start`` to ``end`` (excluded) between two titles keep them in
    one run: blank lines but never two in a row, section labels ("Recipes:") and separators
    ("* * *")."""
    blank = False
    for k in range(start, end):
        text = lines[k].strip()
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
    line between them announces a list (`_joins`). A sidebar is one group of `_MIN_TITLES`
    titles or groups of `_MIN_GROUP` or more joined: a text whose groups of three or more hold
    fewer titles in all is left at once."""
    groups = _groups(lines)
    if sum(len(g) for g in groups if len(g) >= _MIN_GROUP) < _MIN_TITLES:
        return iter(())
    joined: list[list[int]] = []
    for group in groups:
        last = joined[-1] if joined else None
        if (
            last
            and len(last) >= _MIN_GROUP
            and len(group) >= _MIN_GROUP
            and _joins(lines, last[-1], group[0])
        ):
            last.extend(group)
        else:
            joined.append(group)
    return (g for g in joined if len(g) >= _MIN_TITLES)


def _joins(lines: list[str], after: int, before: int) -> bool:
    """Whether the lines between two groups of titles (after line ``after``, before line
    ``before``) join them: at most `_MAX_BETWEEN` that are not blank, none announcing a list
    (`_announcing`). The count stops at the first line too many (prose between two groups of
    subheadings can run long)."""
    between: list[str] = []
    for k in range(after + 1, before):
        if lines[k].strip():
            if len(between) == _MAX_BETWEEN:
                return False
            between.append(lines[k])
    return not any(map(_announcing, between))


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
    recipes at these blogs:"), is the article's and is not reported, nor is a numbered list, nor
    a table flattened a row a line (a quarter of the lines or more hold two cell separators and a
    figure: "Phoenix | $83 | 28.7% | -2.1%", a poll's "Yes | 149 | 74%").

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
            if _TABLE_ROWS * sum(map(_table_row, items)) >= len(items):
                continue  # a table flattened a row a line ("Phoenix | $83 | 28.7% | -2.1%"), a poll's results
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
