"""T002: a document that ends mid-sentence or mid-word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.caseless import py_letter_end
from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, language_of
from lintnews.registry import Rule, Violation, register

from .caseless import CUT_ENDS, is_caseless_prose, unclosed_quote
from .caseless import document_cut as caseless_end
from .endings import open_end, warm
from .shape import (
    _ELLIPSIS_END,
    _EXCERPT_END,
    TEXT_BLOCKS,
    _ends_on_letter_or_comma,
    _ends_open,
    _last_word,
    _mid_word,
    _open_word_end,
    _runs_on,
)

#: A dash between words, spaced, the text's last character: "… мира в этой футболке –", "… the
#: group behind the attack —". A sentence goes on after it (a clause, a quotation, a list
#: leads in on the next line), so a document's last paragraph of prose that ends on one is cut.
#: (A signature's dash opens a line, "– Jane Doe"; an interrupted speaker's is unspaced, "But I—".)
_DASHES = frozenset("–—")
_DASH_END = re.compile(r"[^\W\d_][\"'”’»)]?\s+[–—]$")


@register
class TruncatedDocument(Rule):
    """## What it does
    Checks whether the document's last paragraph of prose stops mid-sentence or mid-word:

    - it ends on a letter, a digit or a comma, with no closing punctuation ("… as many as 80",
      "… biggest brands onlin");
    - a short last line after finished prose stops on a stump no word list knows ("The U.S.
      State Depar") or on a word no sentence ends with ("Officials might be ready, but");
    - a short last line after a finished sentence holds only a sentence's first words (a
      capitalised function word, then sentence case: "It was", "But that privilege") or ends on
      a capitalised stump of longer words of the text that is no common word ("Polic");
    - it ends with an excerpt marker ("[…]") or an ellipsis after such a word, or on a spaced
      dash ("… in this shirt –"), after which a sentence goes on;
    - in a script without letter case (Chinese, Japanese, Korean, Arabic, Hebrew, Hindi …), where
      no word list tells a stump from a word, it ends on a letter of the script or a comma
      ("，", "、", "،"): "…该公司表示，今年的收", or on a title quoted inside its last sentence
      ("…三省堂の『例解小学国語辞典』"); or its last line opens a quotation or a title with a
      corner bracket ("「", "『") or a curved quote ("“") and stops before closing it: "「NEWS W",
      "“…我一直关注着‘大众创业、万众创新’"; or, in Arabic or Hebrew script, a short last line stops
      on a one-letter stump after two words.

    Credits, bylines, tags, copyright and date lines after the last paragraph are stepped over
    (a paragraph behind them is reported only when its last word is lower case). Headings, list
    items, table rows, captions, headlines, signatures ("… - Jane Doe"), authors' notes ("Jane Doe is a senior fellow at …"), calls to action
    ("Continue reading the main story", "Learn more … in the video below"), picture thanks,
    closing formulas ("To be continued", "Fortsetzung folgt", "À suivre") and rows of links are
    never taken for a cut. Words are recognised with the `wordfreq` lists of
    the document's language and the document's own vocabulary; a word in another script than
    the language's (Cyrillic, Greek in a text no stop-word profile places) is never a stump.

    ## Why is this bad?
    A feed excerpt or a download cut off by a size limit passes for the whole article.

    ## Example
    ```text
    The Kremlin's tech policies remain a critical facet of its governance, blending business,
    technology, and securit
    ```

    Use instead: the whole article, fetched again.

    ## Fix
    No automatic fix: fetch the full article.
    """

    code = "T002"
    name = "truncated-document"
    severity = Severity.ERROR
    summary = "Document ends mid-sentence or mid-word"
    warm_imports = True  # (wordfreq)

    def warm(self, settings: Settings) -> None:
        """Load the word lists every process would load on its first documents (see
        `lintnews.engine.Linter.warm`)."""
        warm()

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        blocks = TEXT_BLOCKS.of(doc)
        if not blocks:
            return
        found = self._marked_end(doc, blocks[-1], settings)
        if found is None:
            found = open_end(doc, blocks, settings)
        if found is None:
            found = unclosed_quote(blocks, doc.lines)
        if found is not None:
            line, col, message = found
            yield self.violation(line, col, line, len(doc.lines[line]), message)

    def _marked_end(self, doc: Document, block: Block, settings: Settings) -> tuple[int, int, str] | None:
        """The findings on a last paragraph of running text: an excerpt marker, an ellipsis after
        a word no sentence ends with, an open word, a stump of a longer word of the text."""
        text = block.text.rstrip()
        if is_caseless_prose(block) and (text[-1:] in CUT_ENDS or py_letter_end(text[-1:] or ".")):
            return caseless_end(block) if _runs_on(block) else None
        if text[-1:] in _DASHES and _DASH_END.search(text, max(0, len(text) - 4)) and _runs_on(block):
            col = max(0, doc.lines[block.end].rstrip().rfind(text[-1]))
            return block.end, col, f'Document is cut off mid-sentence (ends on "{text[-1]}")'
        # What each finding needs at the very end of the text (which ends on no whitespace): an
        # excerpt marker a closing bracket, an ellipsis "…" or "...", and a word cut off (see
        # `_ends_open` and `_open_word_end`) a letter or a comma. Most texts end otherwise, on a
        # full stop: then nothing below can report, and its regexes are not run.
        end = text[-1:]
        excerpt = end in ("]", ")")
        ellipsis = text.endswith(("…", "..."))
        if not (excerpt or ellipsis or _ends_on_letter_or_comma(text)):
            return None
        if not _runs_on(block):
            return None
        last = _last_word(block)
        if last is None:
            return None
        word, col = last
        if excerpt and _EXCERPT_END.search(text):
            return block.end, col, "Document ends with an excerpt marker"
        bare = _ELLIPSIS_END.search(text) if ellipsis else None
        if bare is not None:
            lang = language_of(doc, settings) or "en"
            if bare.group(1).casefold() in OPEN_ENDINGS.get(lang, OPEN_ENDINGS["en"]):
                return block.end, col, f'Document is cut off (ellipsis after "{bare.group(1)}")'
            return None
        why = _ends_open(doc, block, settings)
        if why is None and _open_word_end(text) and word[:1].islower() and text.endswith(word):
            longer = _mid_word(doc, word)
            if longer is not None:
                why = f'ends mid-word: "{word}" (as in "{longer}")'
        return None if why is None else (block.end, col, f"Document is cut off ({why})")
