"""B029: blocks of an HTML page that its markup marks as navigation, footer, sidebar or share
tools (split from B028, which judges the shape of the text's lines only).

The markup is believed only where it is clear (see `lintnews.landmarks`): a ``<nav>``, an
element whose id or class names a menu, a breadcrumb or share tools, a run of lines that are
almost all link text outside the article's prose (as jusText and boilerpipe judge link density),
and a ``<footer>`` or ``<aside>`` that is not between the article's paragraphs. Text input has no
markup: the rule reports nothing there.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.landmarks import LANDMARK_REGIONS
from lintnews.registry import Rule, Violation, register

#: The landmarks this rule reports, with what its message calls them.
MARKED = {"navigation": "navigation", "footer": "footer", "aside": "sidebar", "share": "share tools"}
#: Landmarks reported only outside the article's prose.
_OUTSIDE_ONLY = ("footer", "aside")


@register
class PageLandmark(Rule):
    """## What it does
    On HTML input (`.html`, `.htm`, `.xhtml`, a JSONL record's `html`), checks for the blocks
    the page's markup marks as chrome and reports each as one region: a `<nav>` element, an
    element whose id or class says menu, nav, navbar, navigation, breadcrumb or share (share,
    sharing, sharedaddy, addthis…), a run of three or more lines that are at least 80 % link text
    outside the article's prose, and a `<footer>` or `<aside>` that is not between the article's
    paragraphs (a fact box or the article's own credits are left alone). The id and class of
    `html`, `body`, `main` and `article` are never read, and a marked element holding more than
    half of the page's prose is not believed. Where the markup says nothing, nothing is reported:
    B028 judges the text's lines by their shape, on any input.

    ## Why is this bad?
    What the page marks as its navigation, footer, sidebar or share tools is the site's, not the
    article's; a corpus gets it in front of and after every article of the site.

    ## Example
    ```html
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <p>The council approved the budget on Tuesday after a long debate.</p>
    <footer>Copyright 2012 The Town Paper</footer>
    ```

    Reports the `<nav>` line and the `<footer>` line; the text that is left:
    ```text
    The council approved the budget on Tuesday after a long debate.
    ```

    Not in the default selection (`--extend-select B029`): on Dragnet's pages read as HTML it
    flags 13-14 % of the lines the gold calls article (3-4 % with the gold read strictly; README,
    "Residue").

    ## Fix
    Removes the block (unsafe: the markup may mark more than chrome, a page once put paragraphs
    of its article in a `<div id="nav-single">`).
    """

    code = "B029"
    name = "page-landmark"
    severity = Severity.WARNING
    summary = "Block the HTML page marks as navigation, footer, sidebar or share tools"
    fix_applicability = "unsafe"
    #: Not in the default selection: on Dragnet's pages read as HTML (bench/residue.py
    #: --extractor lintnews-html) it flags 13-14 % of the article lines, 3-4 % read strictly
    #: (README, "Residue").
    default = False

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        marked = LANDMARK_REGIONS.of(doc)
        if marked is None:
            return
        inside = marked.article or (len(doc.lines), -1)
        for region in marked.of_kind(*MARKED):
            if region.kind in _OUTSIDE_ONLY and region.end >= inside[0] and region.start <= inside[1]:
                continue  # a footer or aside within the article (a fact box, its own credits)
            what = "block of links" if not region.tag else f"<{region.tag}> {MARKED[region.kind]}"
            label = "Navigation menu" if region.kind == "navigation" else f"Page {MARKED[region.kind]}"
            n = region.end - region.start + 1
            yield self.removable_lines(
                doc,
                region.start,
                region.end,
                f"{label} left in the text ({what}, {n} line{'s' if n > 1 else ''})",
                f"Remove the {label.lower()}",
                safe=False,
            )
