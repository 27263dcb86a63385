"""S005: lists of other articles' titles, judged as a run of headline-shaped lines.

S002 reports one title next to a related-content prompt when its topic differs from the
article's; this rule reports the whole list, whatever its topic, where its place and shape
leave no doubt: three or more headlines in a row under a related-content heading ("Related
stories", "More from Sport", "Most read", any `seo-filler` heading of the packs), or after the
article's last paragraph of prose with nothing but such lines (and blank lines) to the end of
the document. On HTML input an element whose id or class says related is reported as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.landmarks import LANDMARK_REGIONS
from lintnews.packs import match_lines
from lintnews.registry import Rule, Violation, register
from lintnews.seen_width import UNSEEN

#: Headings of lists of titles the `seo-filler` packs do not hold as such.
_HEADING = re.compile(
    r"""^\W*(?:most\s+(?:read|viewed|popular|emailed|e-mailed|commented|shared|recent)(?:\s+\w+){0,2}
        |more\s+(?:from|in|on|stories|news|articles|headlines)(?:\s+\S+){0,4}
        |(?:other|recent|latest|popular|related|top|similar)\s+(?:news|stories|articles|posts|headlines|entries|links)
        (?:\s+\S+){0,3}
        |also\s+(?:on|in|from)(?:\s+\S+){0,3}|what'?s\s+(?:hot|popular|new)|popular\s+now|elsewhere(?:\s+on\s+\S+)?
        |you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|recommended(?:\s+\w+){0,2}|see\s+also|further\s+reading)
        \s*[:»›>…-]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A list marker in front of a title.
MARKER = re.compile(r"^\s*(?:[-*+•·▪►>]|\d{1,2}[.)])\s+")
#: How a paragraph of prose ends.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]?\s*$")
#: What a headline never ends with.
_TITLE_END = re.compile(r"[.,;:]\s*$")
#: Words of a headline, its longest length and the quotation marks it may start with.
TITLE_WORDS = (3, 15)
TITLE_LONGEST = 160
TITLE_QUOTES = "\"“‘'"
#: Fewest titles of a list, and of a list with no heading above it.
_MIN_TITLES = 3
_MIN_TITLES_BARE = 4
#: Most words of a heading line taken from the packs (longer matches are "Read more: <title>").
_HEADING_WORDS = 5
#: Blank lines allowed between two titles of one list.
_MAX_BLANKS = 1
#: A numbered item ("1. Book the venue", "2) Ask the caterer").
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
#: Share of a bare list's items that may start with the same word before the list is taken for
#: the article's own enumeration ("Step 1 …", "Step 2 …", "Day 3: …").
_SAME_FIRST_WORD = 0.75


def headline(line: str) -> bool:
    """A headline: 3-15 words, starts with a capital or a digit, no sentence end but ? and !."""
    text = MARKER.sub("", line).strip()
    if not text or len(text) > TITLE_LONGEST or _TITLE_END.search(text):
        return False
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in TITLE_QUOTES):
        return False
    return TITLE_WORDS[0] <= len(words(text)) <= TITLE_WORDS[1]


def _titles_after(doc: Document, start: int) -> list[int]:
    """The titles in a row from line ``start`` on (blank lines between them allowed)."""
    lines = doc.lines
    found: list[int] = []
    blanks = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            blanks += 1
            if blanks > _MAX_BLANKS:
                break
            continue
        blanks = 0
        if not headline(line):
            break
        found.append(i)
    return found


def _own_list(items: list[str]) -> bool:
    """A bare list (no heading above it; ``items`` in document order) that is the article's own,
    not other articles' titles: numbered points, items that mostly start with the same word (an
    enumeration: "Step 1 (…): bold", "Step 2 (…): word"), or a line without a list marker over
    marked items: the article's subheading and its list ("What you need" over "- A passport").
    (Other articles' titles are set alike, all marked or none.)"""
    if any(_NUMBERED.match(line) for line in items):
        return True
    if not MARKER.match(items[0]) and all(MARKER.match(line) for line in items[1:]):
        return True
    texts = [MARKER.sub("", line).strip() for line in items]
    firsts = [w[0].casefold() for w in (words(t) for t in texts) if w]
    most = max((firsts.count(w) for w in set(firsts)), default=0)
    return most >= _SAME_FIRST_WORD * len(items)


def _headings(doc: Document, settings: Settings) -> list[int]:
    lines = doc.lines
    found = {i for i, _ in match_lines(doc, settings, "seo-filler") if len(words(lines[i])) <= _HEADING_WORDS}
    unseen = UNSEEN.of(doc)  # (a Markdown line's length is the one a reader sees)
    found.update(
        i
        for i, line in enumerate(lines)
        if len(line) - unseen.get(i, 0) <= 80 and _HEADING.match(line.strip())
    )
    return sorted(found)


@register
class RelatedTitlesList(Rule):
    """## What it does
    Checks for a list of other articles' titles: at least three headline-shaped lines in a row
    (3 to 15 words, starting with a capital, not ending in a period, comma, colon or semicolon)
    under a related-content heading ("Related stories", "More from Sport", "Most Viewed
    Articles", "You may also like", "Lesen Sie auch"), or at least four after the article's last
    paragraph of prose that run to the end of the document. The region runs from the heading
    (or the first title) to the last title. On HTML input, an element whose id or class says
    related is reported as one block.

    Titles between the article's paragraphs with no heading above them are never reported:
    subheadings look the same. Nor is a list at the end with no heading above it that is the
    article's own: numbered points, items that mostly start with the same word ("Step 1 …",
    "Step 2 …"), or a subheading over marked items ("What you need" over "- A valid passport").

    ## Why is this bad?
    The titles belong to other articles: a corpus gets them as if they were part of this one,
    and a summary or a model trained on the text learns the site's headlines of the day.

    ## Example
    ```text
    The council will vote on the plan in March.
    Most read
    Storm closes schools across the north
    City rivals share the points in a tense derby
    Ten recipes for a rainy weekend
    ```

    Use instead:
    ```text
    The council will vote on the plan in March.
    ```

    Not in the default selection (`--extend-select S005`): see the README's residue figures.

    ## Fix
    Removes the region (unsafe: where the list ends is judged from the shape of its lines).
    """

    code = "S005"
    name = "related-titles-list"
    severity = Severity.WARNING
    summary = "List of other articles' titles (related, most read) left in the text"
    fix_applicability = "unsafe"
    #: Not in the default selection: on Dragnet 0.66-0.72 of its flagged lines are junk on trafilatura (the gold keeps
    #: many related lists as article text) and it flags about 1 % of html2text's article lines (README, "Residue").
    default = False

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        marked = LANDMARK_REGIONS.of(doc)

        def taken(start: int, end: int) -> bool:
            return marked is not None and marked.overlaps(start, end, "related")

        if marked is not None:
            for region in marked.of_kind("related"):
                yield self._report(doc, region.start, region.end, f"<{region.tag}> marked related")
        done = -1
        for h in _headings(doc, settings):
            if h <= done:
                continue
            titles = _titles_after(doc, h + 1)
            if len(titles) >= _MIN_TITLES and not taken(h, titles[-1]):
                done = titles[-1]
                yield self._report(doc, h, titles[-1], f"{len(titles)} titles")
        # a bare list: the titles that end the document, right after a paragraph of prose
        lines = doc.lines
        end = len(lines) - 1
        while end >= 0 and not lines[end].strip():
            end -= 1
        trailing: list[int] = []
        i = end
        while i >= 0 and (not lines[i].strip() or headline(lines[i])):
            if lines[i].strip():
                trailing.append(i)
            i -= 1
        if len(trailing) < _MIN_TITLES_BARE or i < 0 or not _SENTENCE_END.search(lines[i]):
            return
        if _own_list([lines[k] for k in reversed(trailing)]):
            return
        block = doc.block_at(i)
        if block is None or not block.prose:
            return
        start = trailing[-1]
        if not taken(start, end) and done < start:
            yield self._report(doc, start, end, f"{len(trailing)} titles after the article")

    def _report(self, doc: Document, start: int, end: int, what: str) -> Violation:
        return self.removable_lines(
            doc,
            start,
            end,
            f"List of other articles' titles left in the text ({what}, {end - start + 1} line{'s' if end > start else ''})",
            "Remove the list of titles",
            safe=False,
        )
