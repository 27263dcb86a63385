"""What the lines next to a related-content prompt look like: a headline, a teaser cut off by an
ellipsis, a line that is no title (a credit, a date label, an address), and how to walk to them.

S002 (``related.py``) judges which of these belong to other articles; S003 (``faq.py``) walks the
same way from its prompt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.document import Document, words

SHORT_TITLE_WORDS = (2, 16)
TITLE_END = re.compile(r"[.,;:]$")

#: Lines of a page next to a prompt that are no title: a credit, a date label, a follow prompt,
#: an author's address ("Photo Credit: Shutterstock.com", "Published: November 7, 2012", "Follow
#: Jane on Twitter", "Write to Jane Roe at jane.roe@example.com": no headline holds an address),
#: a photographer's credit under a picture ("Matt Slocum / AP", "Rob Carr / Getty Images").
NO_TITLE = re.compile(
    r"""^\W*(?:(?:photo|image|picture|video)s?\s*(?:credits?|courtesy|source)?\s*:|credits?\s*:|source\s*:
        |(?:published|posted|updated|filed)\s*(?:on|at)?\s*:|follow\s+.{1,60}\bon\s+(?:twitter|facebook|instagram|linkedin)\b
        |.*\b[\w.+-]+@[\w-]+\.[\w.-]+
        |[^/]{1,60}\s/\s*(?:getty\s+images|getty|afp|reuters|ap|ap\s+photo|epa|dpa|shutterstock|istock(?:photo)?|corbis|bloomberg)\W*$)""",
    re.IGNORECASE | re.VERBOSE,
)

#: The heading of an author box ("About the author", "Über die Autorin", "À propos de l'auteur",
#: "Sobre el autor"): what follows it is the writer's name and bio, not other articles' titles, so
#: the walk down from a related-content prompt stops there.
AUTHOR_HEADING = re.compile(
    r"^\W*(?:about\s+(?:the\s+)?(?:author|writer|authors|contributor)s?|über\s+(?:den\s+autor|die\s+autorin|die\s+autoren)"
    r"|à\s+propos\s+de\s+l[’']auteure?|sobre\s+(?:el|la)\s+autora?|l[’']auteure?)\W*$",
    re.IGNORECASE,
)

#: A quotation cut off by an ellipsis on a line of its own, a teaser of a comment or of another
#: page in a "Most recommended" list: "“Obama's true colors are starting...;”". In the run below
#: a related-content prompt it is never one of the article's headings, so the vocabulary test
#: that tells those from other articles' titles does not apply to it.
CUT_QUOTE = re.compile(r"^[“\"‘'][^“”\"]{3,120}(?:\.{3,4}|…)[;,]?[”\"’']$")


def runs(lines: list[int]) -> list[tuple[int, int]]:
    """Sorted line indexes as runs of consecutive lines, ``(first, last)``."""
    found: list[tuple[int, int]] = []
    for i in lines:
        if found and found[-1][1] == i - 1:
            found[-1] = (found[-1][0], i)
        else:
            found.append((i, i))
    return found


def title_shaped(line: str) -> bool:
    """A headline: a short single line that starts with a capital and does not end like a
    sentence (questions and exclamations are fine: headlines ask them)."""
    text = line.strip()
    n = len(words(text))
    return (
        SHORT_TITLE_WORDS[0] <= n <= SHORT_TITLE_WORDS[1]
        and len(text) <= 160
        and text[:1].isupper()
        and not TITLE_END.search(text)
    )


def next_nonblank(doc: Document, i: int, step: int, max_blank: int = 1) -> int | None:
    """The next line from ``i`` in direction ``step`` that holds text, across at most
    ``max_blank`` blank lines (None when there is none)."""
    blanks = 0
    j = i + step
    while 0 <= j < len(doc.lines):
        if doc.lines[j].strip():
            return j
        blanks += 1
        if blanks > max_blank:
            return None
        j += step
    return None


def close_runs(
    lines: list[str], marked: list[int], fewest: int, most_between: int = 1
) -> Iterator[list[int]]:
    """The runs of ``fewest`` or more of the ``marked`` lines (ascending line numbers) with at
    most ``most_between`` lines that are not blank between two of them: the lists S007 (teasers)
    and S008 (links to other stories) report."""
    if len(marked) < fewest:
        return
    run = [marked[0]]
    for i in marked[1:]:
        if _at_most_between(lines, run[-1], i, most_between):
            run.append(i)
            continue
        if len(run) >= fewest:
            yield run
        run = [i]
    if len(run) >= fewest:
        yield run


def _at_most_between(lines: list[str], before: int, after: int, most: int) -> bool:
    """Whether at most ``most`` lines that are not blank stand between two marked lines."""
    between = 0
    for k in range(before + 1, after):
        if lines[k].strip():
            between += 1
            if between > most:
                return False
    return True
