"""T001: a paragraph that stops mid-sentence before the next section."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.block_edges import open_blocks
from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.language import language_of
from lintnews.registry import Rule, Violation, register

from .caseless import is_caseless_prose, open_end
from .shape import (
    TEXT_BLOCKS,
    _ends_open,
    _last_word,
    _next_section_starts,
    _runs_on,
    _titled,
)
from .trailers import chrome

#: Commas in a title-shaped next line that make it the rest of a list a line ending on a comma
#: began, not a title.
_LIST_COMMAS = 2


@register
class TruncatedSentence(Rule):
    """## What it does
    Checks for a paragraph of running text, followed by more of the document, that stops in the
    middle of a sentence: on a comma, or on a word no sentence ends with ("to", "the", "and",
    "der", "pour" …), when what follows starts a new section (a heading, a list, a paragraph
    after a blank line, or another element of an HTML page).

    In a script without letter case (Chinese, Japanese, Korean, Arabic, Hebrew, Hindi …), where
    no word list says which words a sentence cannot end with, a paragraph that holds a finished
    sentence and then stops on a letter of the script or a comma ("，", "、", "،") is reported.

    Headlines, list items, table rows, captions and lines that end with any punctuation, a
    closing quote, a number or a link are never checked, and a next line that continues the
    sentence (lower case, or a plain line right below) is taken for a wrapped line, and so is a
    title-shaped next line that itself ends on such a word ("DELETE requests MAY have an
    If-Match request header, and" in a hard-wrapped specification) or, after a comma, goes on
    with a list ("Daniel Groeber, Bjarni Runar, Jan Wildeboer, Peter"). In a text hard-wrapped
    at a fixed width (a licence, an RFC, a plain-text newsletter) the line below goes on with
    the sentence whenever its first word would not have fitted on the line above, and an item
    of an enumeration ending on "; and" before the next item ("(b) …") is no cut.

    ## Why is this bad?
    Generators that hit a token limit, and scrapers that drop the rest of a paragraph behind a
    "read more" toggle, leave half a sentence before the next section. The text then says less
    than it seems to, and the reader notices.

    ## Example
    ```text
    In conclusion, the talks achieved little. As tensions continue to
    About the People Mentioned
    ```

    ## Fix
    No automatic fix: only the source knows how the sentence ended. Re-fetch or regenerate.
    """

    code = "T001"
    name = "truncated-sentence"
    severity = Severity.ERROR
    summary = "Paragraph stops mid-sentence before the next section"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        blocks = TEXT_BLOCKS.of(doc)
        # Nothing is reported unless the paragraph is prose (the first test of `_runs_on`) and
        # its text ends on a letter or a comma (the cheap part of `_ends_open`, see
        # `_open_word_end`): most paragraphs end on a full stop. A kernel picks those blocks.
        for i in open_blocks(blocks):
            if i + 1 == len(blocks):
                break  # (the last block has no next one)
            block, nxt = blocks[i], blocks[i + 1]
            caseless, cut = is_caseless_prose(block), None
            if caseless:
                # a script without letter case: its last letter, after a finished sentence
                cut = open_end(block, finished_before=True)
                why = None if cut is None else cut[2]
            else:
                # (`_ends_open` first: its last letter's test settles most blocks, where
                # `_runs_on` may search a short block for a sentence end)
                why = _ends_open(doc, block, settings)
            if why is None or not _runs_on(block) or chrome(doc, settings, block):
                continue  # (a line of chrome is its own rule's: "Related: … as they used to")
            lang = language_of(doc, settings) or "en"
            if not _next_section_starts(doc, block, nxt, lang):
                continue
            if why == "ends on a comma" and (not _titled(nxt, lang) or nxt.text.count(",") >= _LIST_COMMAS):
                # letters ("Alles Liebe,"), captions and lead-ins end on commas too, and a list of
                # names goes on over the next line ("… including Kenny Bentley, Javier Diaz," over
                # "Daniel Groeber, Bjarni Runar, Jan Wildeboer, Charles Schultz, Peter")
                continue
            last = (cut[0], cut[1]) if cut is not None else _last_word(block)
            col = last[1] if last else 0
            yield self.violation(
                block.end,
                col,
                block.end,
                len(doc.lines[block.end]),
                f"Paragraph is cut off mid-sentence ({why})",
            )
