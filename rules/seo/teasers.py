"""S007: a list of other articles' teasers, each cut off by an ellipsis, judged from the run alone.

A site's widgets shorten what they show of other pages to a few words and an ellipsis: the
teasers of a related-articles box ("Create a smokey portal effect with..."), the recent
comments of a sidebar ("Brian: I was at Postal Buddy..."), the most-read list ("Oscar
Pistorius Denied 4x400M Relay Run..."). S002 reports such a cut title next to a related-content
prompt; a run of them needs no prompt: an article's own sentence rarely stops on an ellipsis
right after a word, and four in a row, one line apart at most, do not occur in an article's
text (none on the 200 MB crawl's articles: the runs found there are sidebars, in German,
French, Spanish and Chinese as much as English). A lone word trailing off ("Loading...", "HE
HAS…" in a reader's comment) is no teaser: a teaser keeps four words or more; nor is a
quotation trailing off inside a sentence ('she said: "We'll see..."').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

from .line_shapes import close_runs

#: Fewest teasers of a list: three cut lines in a row still occur in a transcript or a poem.
_MIN_TEASERS = 4
#: Most lines between two teasers of one list that are not teasers (a teaser's title above it).
_MAX_BETWEEN = 1
#: A teaser's length in words: the few words a widget keeps of a title or a comment.
_MIN_WORDS = 4
_MAX_WORDS = 14
#: A line cut off by an ellipsis right after a word ("… effect with...", "… Te…"), maybe closed by
#: a quote, a bracket or Markdown's emphasis.
_CUT = re.compile(r"\w(?:\.\.\.|…)[\W_]{0,3}$")


#: A quotation opened inside the line ('she said: "We'll see..."'): a sentence of the article
#: quoting someone who trails off, not a teaser (a teaser quoting a comment opens with its quote).
_INNER_QUOTE = re.compile(r"""\w\W*["“„«‘]""")


def _teaser(line: str) -> bool:
    return (
        _MIN_WORDS <= len(line.split()) <= _MAX_WORDS
        and _CUT.search(line) is not None
        and _INNER_QUOTE.search(line) is None
    )


def _ellipsis_lines(doc: Document) -> list[int]:
    """The lines of ``doc`` that end with an ellipsis (then at most three other characters),
    found by searching the text for the ellipsis: a step a character in C, where testing every
    line in Python cost a step a line (most texts hold none, or one or two). A line's end is
    found once and only the last mark a search steps on is tested (what follows it is the
    shortest): testing each mark against the rest of its line made a line of dots quadratic."""
    text = doc.text
    found: set[int] = set()
    for mark in ("...", "…"):
        at = text.find(mark)
        while at >= 0:
            stop = text.find("\n", at)
            if stop < 0:
                stop = len(text)
            last, after = at, text.find(mark, at + len(mark), stop)
            while after >= 0:
                last, after = after, text.find(mark, after + len(mark), stop)
            if len(text[last + len(mark) : stop].strip()) <= 3:
                found.add(doc.position(last)[0])
            at = text.find(mark, stop)
    return sorted(found)


def teaser_runs(doc: Document) -> Iterator[list[int]]:
    """The runs of `_MIN_TEASERS` teasers or more (line numbers), at most `_MAX_BETWEEN` other
    lines between two of them (blank lines aside)."""
    lines = doc.lines
    return close_runs(
        lines, [i for i in _ellipsis_lines(doc) if _teaser(lines[i].strip())], _MIN_TEASERS, _MAX_BETWEEN
    )


@register
class TeaserList(Rule):
    """## What it does
    Checks for a list of teasers of other pages: four lines or more of four to fourteen words,
    each cut off by an ellipsis right after a word ("Create a smokey portal effect with..."),
    with at most one other line between two of them (a teaser's title). The region runs from the
    first teaser to the last.

    ## Why is this bad?
    The teasers are the site's other articles or its readers' comments, cut to fit a widget:
    a corpus gets half-sentences that stop mid-phrase with every article.

    ## Example
    ```text
    The new plug-in ships in March, the company said.
    Create a smokey portal effect with...
    Use a Z-depth pass to generate a...
    Composite Z depth pass in After Effects...
    Move 2D layers into 3D space with...
    ```

    Use instead:
    ```text
    The new plug-in ships in March, the company said.
    ```

    ## Fix
    Removes the region (unsafe: the list's ends are judged from the shape of its lines).
    """

    code = "S007"
    name = "teaser-list"
    severity = Severity.WARNING
    summary = "List of teasers of other pages (lines cut off by an ellipsis) left in the text"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for run in teaser_runs(doc):
            yield self.removable_lines(
                doc,
                run[0],
                run[-1],
                f"List of teasers cut off by an ellipsis left in the text ({len(run)} teasers)",
                "Remove the list of teasers",
                safe=False,
            )
