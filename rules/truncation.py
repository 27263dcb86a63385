"""T: text cut off mid-sentence or mid-word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, language_of
from lintnews.registry import Rule, Severity, Violation, register

#: Characters a complete paragraph may end with (sentence punctuation, closing quotes and
#: brackets, emphasis markers).
_CLOSED_END = re.compile(r"""[.!?…:;)\]"'”’»›*_~]\s*$""")
_LAST_WORD = re.compile(r"(\w+)\W*$", re.UNICODE)
_OPEN_PUNCT = re.compile(r"[,\-–—/(]\s*$")
_EXCERPT_END = re.compile(r"\w(?:\s*\[(?:…|\.\.\.)\]|…|\.\.\.)\s*$")


def _last_word(block: Block) -> tuple[str, int] | None:
    """The block's final word and its column on its last line."""
    line = block.text.split("\n")[-1]
    m = _LAST_WORD.search(line)
    if m is None:
        return None
    return m.group(1), m.start(1)


def _ends_open(doc: Document, block: Block, settings: Settings) -> str | None:
    """Why a prose block looks cut off (None if it ends like a finished sentence)."""
    text = block.text.rstrip()
    if _CLOSED_END.search(text):
        return None
    if _OPEN_PUNCT.search(text):
        return "ends on a comma or dash"
    last = _last_word(block)
    if last is None:
        return None
    word = last[0]
    if not word[:1].islower():
        return None
    lang = language_of(doc, settings) or "en"
    if word.casefold() in OPEN_ENDINGS.get(lang, OPEN_ENDINGS["en"]):
        return f'ends on "{word}"'
    return None


@register
class TruncatedSentence(Rule):
    """## What it does
    Checks for a paragraph of running text, followed by more of the document, that stops in the
    middle of a sentence: on a comma or dash, or on a word no sentence ends with ("to", "the",
    "and", "der", "pour" …).

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
        blocks = [b for b in doc.blocks if b.kind != "code"]
        for block in blocks[:-1]:
            if not block.prose:
                continue
            why = _ends_open(doc, block, settings)
            if why is None:
                continue
            last = _last_word(block)
            col = last[1] if last else 0
            yield self.violation(
                block.end, col, block.end, len(doc.lines[block.end]), f"Paragraph is cut off mid-sentence ({why})"
            )


def _mid_word(doc: Document, word: str) -> str | None:
    """A longer word of the document that ``word`` is a strict prefix of, when ``word`` itself
    never occurs as a word elsewhere (``securit`` in a text about security)."""
    if len(word) < 3:
        return None
    lowered = word.casefold()
    seen_whole = 0
    longer = None
    for w in re.findall(r"\w+", doc.text):
        wl = w.casefold()
        if wl == lowered:
            seen_whole += 1
        elif longer is None and len(wl) > len(lowered) and wl.startswith(lowered):
            longer = w
    return longer if longer is not None and seen_whole <= 1 else None


@register
class TruncatedDocument(Rule):
    """## What it does
    Checks whether the document's last paragraph of running text stops mid-sentence or
    mid-word: no closing punctuation, and a final word that is lower case and either cannot end a
    sentence or is the start of a longer word used elsewhere in the text ("securit" in an article
    about security), or an excerpt marker ("[…]").

    Headings, list items, table rows, captions and short lines are never checked: they end
    without a full stop by design.

    ## Why is this bad?
    A feed excerpt or a download cut off by a size limit passes for the whole article.

    ## Example
    ```text
    The Kremlin's tech policies remain a critical facet of its governance, blending business,
    technology, and securit
    ```

    ## Fix
    No automatic fix: fetch the full article.
    """

    code = "T002"
    name = "truncated-document"
    severity = Severity.ERROR
    summary = "Document ends mid-sentence or mid-word"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        blocks = [b for b in doc.blocks if b.kind != "code"]
        if not blocks:
            return
        block = blocks[-1]
        if not block.prose:
            return
        text = block.text.rstrip()
        last = _last_word(block)
        if last is None:
            return
        word, col = last
        line_len = len(doc.lines[block.end])
        if _EXCERPT_END.search(text):
            yield self.violation(block.end, col, block.end, line_len, "Document ends with an excerpt ellipsis")
            return
        why = _ends_open(doc, block, settings)
        if why is None and not _CLOSED_END.search(text) and word[:1].islower() and text.endswith(word):
            longer = _mid_word(doc, word)
            if longer is not None:
                why = f'ends mid-word: "{word}" (as in "{longer}")'
        if why is not None:
            yield self.violation(block.end, col, block.end, line_len, f"Document is cut off ({why})")
