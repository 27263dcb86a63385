"""B030: a photo gallery an extractor flattened into the text, its captions and the title of each
slide.

A slideshow carries, on each slide, a caption and the gallery's title (or a credit): an
extractor that keeps the slides writes their captions one after the other, then the title once
per slide ("From the campaign trail" 177 times after 177 captions on a CNN page), then the
show's buttons ("HIDE CAPTION") and its heading ("Photos: From the campaign trail"). Caption by
caption the lines read like an article's short paragraphs ("Romney boards his campaign plane in
Bedford, Massachusetts."), so no line is judged alone: the gallery is told by its whole shape,
as many sentences as there are copies of the title right below them. A line repeated in a row
whose lines above are not as many different sentences (a forum's author column, "von lupa"
nine times under nine topics; a photo credit repeated under a list of tips; a spammer's line in
a comment thread) is not a gallery and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import eq

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

#: Fewest slides of a gallery: fewer repeated titles are too often a widget's two or three
#: entries of one author or one label.
_MIN_SLIDES = 5
#: Most different titles among the slides' titles (a gallery inside a gallery: "Northeast
#: storms from space" and "Weather from space" on one show).
_MAX_TITLES = 2
#: Fewest pairs of equal lines in a row among a gallery's titles (two titles: "A A B B A").
_MIN_PAIRS = 2
#: A slide's title: one to twelve words, no full stop at the end.
_MAX_TITLE_WORDS = 12
#: Fewest words of a caption.
_MIN_CAPTION_WORDS = 4
#: A sentence's end: a full stop, question or exclamation mark, maybe closed by a quote.
_SENTENCE_END = re.compile(r"""[.!?]["'”’)]?$""")
#: Most lines after the last title that may hold the gallery's heading ("HIDE CAPTION", then
#: "Photos: From the campaign trail").
_HEADING_WITHIN = 2


def _title(line: str) -> bool:
    """A slide's title: one to `_MAX_TITLE_WORDS` words, starting with a letter or digit, no
    sentence's end."""
    return 0 < len(line.split()) <= _MAX_TITLE_WORDS and line[:1].isalnum() and not _SENTENCE_END.search(line)


def _caption(line: str) -> bool:
    """A caption: a sentence of `_MIN_CAPTION_WORDS` words or more starting with a capital."""
    return line[:1].isupper() and len(line.split()) >= _MIN_CAPTION_WORDS and bool(_SENTENCE_END.search(line))


def _titles_at(texts: list[str], start: int) -> int:
    """How many lines from ``start`` are the slides' titles: a run of titles taking at most
    `_MAX_TITLES` different values, cut after the last one that occurs twice or more in it
    (a title seen once is the next widget's line). 0 when the run is no gallery's."""
    seen: dict[str, int] = {}
    end = start
    while end < len(texts) and _title(texts[end]) and (texts[end] in seen or len(seen) < _MAX_TITLES):
        seen[texts[end]] = seen.get(texts[end], 0) + 1
        end += 1
    while end > start and seen[texts[end - 1]] < 2:
        end -= 1
    return end - start


def galleries(doc: Document) -> Iterator[tuple[int, int, int]]:
    """(first caption, last line, slides) of each gallery, as line numbers of ``doc``: a run of
    `_MIN_SLIDES` titles or more (`_titles_at`) right below as many different captions, and the
    gallery's heading naming the title within `_HEADING_WITHIN` lines after them. The screen
    reads the lines' keys (`Document.line_keys`, shared with the phrase rules; a blank line's
    is empty): a text with no line equal to the one before it (blank lines aside) is left at
    once."""
    keys = list(filter(None, doc.line_keys))
    if sum(map(eq, keys, keys[1:])) < _MIN_PAIRS:
        return  # no line repeated in a row often enough: most texts end here
    lines = doc.lines
    rows = [i for i, line in enumerate(lines) if line.strip()]
    texts = [lines[i].strip() for i in rows]
    k = 0
    while k + 1 < len(texts):
        if texts[k] != texts[k + 1]:
            k += 1
            continue
        slides = _titles_at(texts, k)
        captions = texts[k - slides : k] if _MIN_SLIDES <= slides <= k else []
        if not (captions and len(set(captions)) == slides and all(map(_caption, captions))):
            k += max(slides, 1)
            continue
        end = k + slides - 1
        names = set(texts[k : k + slides])
        for j in range(end + 1, min(end + 1 + _HEADING_WITHIN, len(texts))):
            if any(texts[j].endswith(": " + name) for name in names):
                end = j
                break
        yield rows[k - slides], rows[end], slides
        k = end + 1


@register
class PhotoGallery(Rule):
    """## What it does
    Checks for a photo gallery flattened into the text: five or more captions (different
    sentences of four words or more), right below them the gallery's title once per caption
    (one line, or two different lines, repeated as many times as there are captions), and the
    gallery's heading naming the title ("Photos: From the campaign trail") if it follows
    within two lines. The region runs from the first caption to the last title, or to the heading.

    ## Why is this bad?
    The captions describe the site's photos of the day, not the article: a corpus gets dozens
    of present-tense one-sentence paragraphs ("Romney boards his campaign plane in Bedford,
    Massachusetts.") and the gallery's title over and over with the article.

    ## Example
    ```text
    Romney boards his campaign plane in Bedford, Massachusetts.
    A young supporter listens to Obama at Monday's rally in Des Moines.
    … (three more captions)
    From the campaign trail
    From the campaign trail
    … (three more copies)
    HIDE CAPTION
    Photos: From the campaign trail
    ```

    Use instead: the article without these lines.

    ## Fix
    Removes the region (unsafe: the captions are told from the article's paragraphs by the
    titles below them alone).
    """

    code = "B030"
    name = "photo-gallery"
    severity = Severity.WARNING
    summary = "Photo gallery (captions and the title of each slide) left in the text"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for start, end, slides in galleries(doc):
            yield self.removable_lines(
                doc,
                start,
                end,
                f"Photo gallery left in the text ({slides} captions and their titles,"
                f" {end - start + 1} lines)",
                "Remove the gallery",
                safe=False,
            )
