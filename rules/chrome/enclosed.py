"""B031: short lines enclosed by site chrome, judged by the chrome around them.

A page's widgets come in stacks: a follow box ("Find us on Instagram") over a feed link, a
newsletter box over a "Contributors" list, "Related articles..." over its links and a sign-up
prompt under them. Extractors keep the stack, and the phrase rules report the lines they know
("Subscribe to our newsletter", "Related articles...", "0 Comments"), leaving the lines between
them: a blog's own names for its pages ("My Other Blogs", "Gear we recommend"), the titles a
widget links to, a date. None of those lines says what it is; where it stands does. A run of
`_MIN_LINES` to `_MAX_LINES` short lines with a line of chrome right above and right below is
part of the same stack.

The chrome is what the rules that report single lines of site chrome match whole with their
phrases (`_CHROME_RULES`, whatever the selection runs). A run is left alone when one of its lines
is long (`_MAX_LENGTH`: a paragraph), reads as a sentence (an article's last words between a
share row and a newsletter box, a comment between two "Reply" links), or is a Markdown heading
or list item as html2text writes a page (`* World`, `## Categories`: a menu or sidebar of the
whole page, which `navigation-menu` judges). So is a run of tags: under a heading of tags or
topics (`tag-headings`), holding a line of tags (`tag-line`'s phrases) or an item ending with a
comma ("developer," / "xamarin,"); tags are `tag-line`'s to judge. One line between two chrome
lines is left too: a title above "Share" and under "Email" may be the article's. And so is a
run above the document's first sentence and its first paragraph of prose: before the article
starts, the lines between a menu and a share row are its title, date and credits as often as a
widget's (a photo blog's post, "Summertime" / "Posted July 26th, 2011" / "Photos by" / "Eirik"
between "RSS feed" and "Tweet"; on Dragnet's two halves 35 boilerplate lines to 13 of the
article there). (A line that reads as a sentence alone starts no article: lintnews's reading of
a page's HTML opens with its skip links, "Navigation: Jump to content areas:".)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.packs import alternation, line_keys, pack_words
from lintnews.packs.matching import lines_matched
from lintnews.registry import Rule, Violation, register
from lintnews.seen_width import seen_length

from .comment_form import comment_form_fields
from .regions import comment_threads

#: The phrase rules whose whole-line matches are a page's chrome around a run.
_CHROME_RULES = (
    "adblock-notice",
    "comment-widget",
    "cookie-consent",
    "newsletter-prompt",
    "social-share",
    "paywall-prompt",
    "advertisement-label",
    "post-navigation",
    "pagination",
    "print-tools",
    "link-row",
    "seo-filler",
    "copyright-notice",
    "breadcrumb",
    "lone-timestamp",
)
#: Fewest and most lines of text of a run (blank lines aside).
_MIN_LINES = 2
_MAX_LINES = 12
#: Longest line of a run, as a reader sees it.
_MAX_LENGTH = 100
#: A line that ends as a sentence or a clause does (closing quotes and brackets aside).
_SENTENCE_END = re.compile(r"[.!?:;…。！？؟।]['\"”’»)\]]*$")
#: Words of a sentence, at least; of them, at least `_LOWER_WORDS` not capitalised (a headline
#: in title case ending with a question mark is a link's text, not a sentence).
_SENTENCE_WORDS = 5
_LOWER_WORDS = 2
#: A line of no cased letter (Chinese, Japanese, Arabic, Hindi) ending as a sentence is one
#: from this many characters.
_CASELESS_SENTENCE = 15
#: html2text's Markdown of a whole page: a heading, a list item starting with `*` or `+`, or a
#: bold label.
_MARKDOWN_MENU = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[*+][ \t]|\*\*)")


#: A heading of the article's tags or topics, whole (its key, `line_key`), from the word list
#: `tag-headings` of rules/packs/B031.toml: the run under it is the tag list, `tag-line`'s to judge
#: (not in the default selection: Dragnet's gold keeps many tags).
@functools.lru_cache(maxsize=8)
def _tag_heading(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(alternation(words))


#: The last characters `_SENTENCE_END` can end on (most lines end on none: a cheap test first).
_LAST = frozenset(".!?:;…。！？؟।'\"”’»)]")


def _sentence(line: str) -> bool:
    text = line.strip()
    if text[-1:] not in _LAST or _SENTENCE_END.search(text) is None:
        return False
    if not any(c.isupper() or c.islower() for c in text):
        return len(text) >= _CASELESS_SENTENCE
    found = words(text)
    return len(found) >= _SENTENCE_WORDS and sum(not w[:1].isupper() for w in found) >= _LOWER_WORDS


def _quiet_line(doc: Document, i: int) -> bool:
    """Whether line ``i`` may belong to a run: short, no sentence, no html2text menu line."""
    line = doc.lines[i]
    if len(line) > _MAX_LENGTH and seen_length(doc, i) > _MAX_LENGTH:
        return False
    return _MARKDOWN_MENU.match(line) is None and not _sentence(line)


def _run(doc: Document, above: int, below: int) -> list[int] | None:
    """The lines of text between chrome lines ``above`` and ``below`` when they are a run (read
    until the first that is not: most gaps between two chrome lines are the article)."""
    lines = doc.lines
    run: list[int] = []
    for i in range(above + 1, below):
        if not lines[i].strip():
            continue
        if len(run) == _MAX_LINES or not _quiet_line(doc, i):
            return None
        run.append(i)
    return run if len(run) >= _MIN_LINES else None


def enclosed_runs(doc: Document, settings: Settings) -> Iterator[tuple[int, int, int]]:
    """The runs of ``doc`` (see the module's docstring), each as its first line, its last and how
    many lines of text it holds."""
    chrome = lines_matched(doc, settings, _CHROME_RULES)
    if len(chrome) < 2:
        return
    chrome.update(comment_form_fields(doc, settings))  # (B002's bare "Name:" under "Post a comment")
    lines = doc.lines
    keys = line_keys(doc)
    marks = sorted(chrome)
    tags: set[int] | None = None
    tag_heading = _tag_heading(pack_words(settings, "enclosed-chrome", "tag-headings"))
    first_sentence = -1  # where the article starts: not looked for yet
    for above, below in zip(marks, marks[1:]):
        if below - above - 1 < _MIN_LINES or tag_heading.fullmatch(keys[above]):
            continue
        run = _run(doc, above, below)
        if run is None:
            continue
        if first_sentence < 0:
            first_sentence = max(
                next((i for i, line in enumerate(lines) if _sentence(line)), len(lines)),
                next((b.start for b in doc.blocks if b.prose), len(lines)),
            )
        if first_sentence > above:
            continue  # the article has not started: the run may be its title, byline and date
        if tags is None:
            tags = lines_matched(doc, settings, ("tag-line",))
        if tags.isdisjoint(run) and not any(lines[i].rstrip().endswith(",") for i in run):
            yield run[0], run[-1], len(run)


@register
class EnclosedChrome(Rule):
    """## What it does
    Checks for short lines enclosed by site chrome: two to twelve lines of text (blank lines
    aside) with a line that a chrome rule's phrases match whole right above them and another
    right below (a share button, a newsletter or follow prompt, a related-content prompt, a
    comment counter, a row of site links, a copyright line, a lone "Home" link, a lone "3 hours
    ago"). The lines are the rest of the same stack of widgets: a blog's names for its pages,
    the titles a widget links to, a date. The run is left alone when a line of it is longer
    than 100 characters, reads as a sentence (five words or more, two of them not capitalised,
    ending with a full stop, a colon, a question or exclamation mark), or is a Markdown heading
    or `*` list item (html2text's menus, which `navigation-menu` judges); so are tags (under a
    heading of tags or topics, or holding a line of tags, `tag-line`'s to judge), a single
    line between two chrome lines and a run above the document's first sentence or its first
    paragraph of prose (the article's title, date and credits between a menu and a share row).
    A run inside a comment thread ("Love it" between two "Reply" links) is the thread's:
    `comment-thread` (B011) reports the region that holds it.

    ## Why is this bad?
    Between a follow box and a newsletter box, "Our gear on Amazon.com" and "Gear we
    recommend" are links of the page, not words of the article; between "Related articles..."
    and "Was this article useful? Sign up…", a list of titles belongs to the related-articles
    box whatever it says. No line says what it is, so no phrase can catch it; its neighbours do.

    ## Example
    ```text
    The council approved the budget on Tuesday after a six-hour debate.
    Find us on Instagram
    We're on G+
    Read us on Android and iOS with the Currents app
    Subscribe on Kindle
    ```

    Use instead:
    ```text
    The council approved the budget on Tuesday after a six-hour debate.
    ```
    (the chrome lines themselves are their own rules' findings).

    ## Fix
    Removes the run (unsafe: the lines are judged by their neighbours alone).
    """

    code = "B031"
    name = "enclosed-chrome"
    # (info: judged by its neighbours alone, its precision on Dragnet's held-out half B is 0.948
    # on trafilatura's favor_recall text, under issue 16's 0.95 for a warning)
    severity = Severity.INFO
    summary = "Short lines enclosed by site chrome (a widget's links between chrome lines) left in the text"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        threads: list[tuple[int, int]] | None = None
        for start, end, count in enclosed_runs(doc, settings):
            if threads is None:
                threads = [(t.start, t.end) for t in comment_threads(doc, settings)]
            if any(first <= start and end <= last for first, last in threads):
                continue  # (inside a comment thread: B011's region holds it)
            yield self.removable_lines(
                doc,
                start,
                end,
                f"Short lines enclosed by site chrome ({count} lines between two lines of chrome)",
                "Remove the lines",
                safe=False,
            )
