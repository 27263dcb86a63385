"""T: text cut off mid-sentence or mid-word.

Both rules look only at blocks of running text that read like a paragraph (`_runs_on`), and
only at endings that cannot close a sentence: a comma after a word, or a final lower-case word
that is a function word no sentence ends with ("to", "the", "und", "pour") or, at the end of
the document, the first letters of a longer word the text uses ("securit" for "security").
Anything else at the end (punctuation, closing quotes, brackets, emoji, a number, a URL, a
table bar) counts as a deliberate ending.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, STOPWORDS, language_of
from lintnews.registry import Rule, Violation, register

from .endings import open_end

_LAST_WORD = re.compile(r"(?<!\w)(\w+)\W*$", re.UNICODE)  # from word starts only: linear on long words
#: How much of the end of a long line `_last_word` searches first.
_LAST_WORD_TAIL = 80
#: A comma right after a word; ``"…",`` (code, JSON) and ``,,,`` are not sentences.
_OPEN_COMMA = re.compile(r"[^\W\d_],\s*$")
#: A last token that is a link or a path: ``… unter www.example.de/info/``.
_URL_END = re.compile(r"(?:://|^www\.|/)\S*$|\.[a-z]{2,6}/\S*$")
#: A feed excerpt's marker: ``… the council said […]``.
_EXCERPT_END = re.compile(r"\w\W{0,2}\s*[\[(](?:…|\.\.\.)[\])]\s*$")
#: A bare ellipsis after a word; an excerpt only when the word cannot end a sentence.
_ELLIPSIS_END = re.compile(r"(?<!\w)(\w+)\s*(?:…|\.{3,})\s*$")  # from word starts only: linear on long words
#: A sentence end followed by more text: the block holds at least one finished sentence.
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
#: Words a block must have, without an earlier finished sentence, to pass for a paragraph rather
#: than a headline written in sentence case ("Alfa Romeo stellt das Auto für 2022 vor").
_MIN_RUN_ON_WORDS = 12
#: A word as prose writes it: letters, capitalised at most at the start (not ``cookieMapa``).
_PLAIN_WORD = re.compile(r"^[^\W\d_][^\W\d_A-Z]*$")
_QUOTE_OPENERS = frozenset("\"'„“‘«‚‹")
_WORD_OPENERS = frozenset("(\"'„“‘«‚-–—/[")
#: Four spaces or a tab: an indented code block (Markdown, html2text) the sentence leads into.
_CODE_INDENT = re.compile(r"^(?: {4}|\t)")


def _last_word(block: Block) -> tuple[str, int] | None:
    """The block's final word and its column on its last line. A "word" glued to a symbol
    before it (``😂a``, ``x=a``) is not one a sentence could have been cut after."""
    line = block.text.rpartition("\n")[2]
    # `_LAST_WORD` can match only where the line's last run of word characters starts (a word
    # start followed by nothing but that word and non-word characters). A search from a later
    # position still sees the characters before it in the lookbehind, so it finds that same
    # match when the last word starts inside the tail, and none otherwise: search the tail of a
    # long line first, then the whole line.
    tail = len(line) - _LAST_WORD_TAIL
    m = _LAST_WORD.search(line, tail) if tail > 0 else None
    if m is None:
        m = _LAST_WORD.search(line)
    if m is None:
        return None
    before = line[m.start(1) - 1 : m.start(1)]
    if before and not (before.isspace() or before in _WORD_OPENERS):
        return None
    return m.group(1), m.start(1)


def _runs_on(block: Block) -> bool:
    """Running text shaped like a paragraph: prose with a finished sentence before the end, or
    long enough not to be a headline or a teaser line."""
    if not block.prose:
        return False
    text = block.text.rstrip()
    return bool(_INNER_SENTENCE_END.search(text)) or block.word_count >= _MIN_RUN_ON_WORDS


def _ends_on_letter_or_comma(text: str) -> bool:
    """Whether ``text`` (right-stripped) ends on a letter or a comma: what every cut-off word
    needs, and a cheap first test before any regex (most paragraphs end on a full stop)."""
    last = text[-1:]
    return last.isalpha() or last == ","


def _open_word_end(text: str) -> bool:
    """True when ``text`` ends on a letter (the cut can only be inside a sentence)."""
    if not _ends_on_letter_or_comma(text):
        return False
    tokens = text.rsplit(None, 1)
    return not _URL_END.search(tokens[-1]) if tokens else False


def _titled(block: Block) -> bool:
    """A heading, or a line shaped like a title: the start of a new section."""
    if block.kind == "heading":
        return True
    return block.heading_like and block.word_count >= 2 and not _INNER_SENTENCE_END.search(block.text.strip())


def _ends_open(doc: Document, block: Block, settings: Settings) -> str | None:
    """Why a paragraph looks cut off (None if it ends like a finished sentence)."""
    text = block.text.rstrip()
    if not _open_word_end(text):
        return None
    if text.endswith(","):
        return "ends on a comma" if _OPEN_COMMA.search(text) else None
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


def _next_section_starts(doc: Document, block: Block, nxt: Block, lang: str) -> bool:
    """Whether ``nxt`` starts something new after ``block`` rather than continuing its sentence
    on the next line (hard-wrapped text, a ``<br>`` in the page the text was taken from)."""
    if _CODE_INDENT.match(nxt.text):
        return False  # "… install it with" and the command below
    first = nxt.text.lstrip(" \t>")[:1]
    if first.islower() or first in _QUOTE_OPENERS:
        return False  # the sentence goes on, or leads into a quotation
    if _titled(nxt) or nxt.kind in ("heading", "table", "caption"):
        return True  # the paragraph was left unfinished before a new section
    if nxt.kind != "paragraph":
        return False  # a list may finish the sentence ("… distinguish between" / "- pain and …")
    if nxt.start > block.end + 1:
        return True  # a blank line in between ends the paragraph
    if doc.line_tags is not None:
        # In HTML every line is its own block element (lines after a single <br> are merged
        # into their block), so the next line is a new paragraph.
        return True
    # Plain text, the very next line: a wrapped line goes on with the sentence ("… Platz für /
    # 9 Personen", "… an die / Berliner"), a new sentence opens with a capitalised function word
    # ("A spokesperson said …", "Die Regierung …"), which never happens mid-sentence in German
    # and rarely in English.
    words = nxt.words
    if not words or not words[0][:1].isupper():
        return False
    head = words[0].casefold()
    return head in STOPWORDS.get(lang, frozenset()) or head in OPEN_ENDINGS.get(lang, frozenset())


@register
class TruncatedSentence(Rule):
    """## What it does
    Checks for a paragraph of running text, followed by more of the document, that stops in the
    middle of a sentence: on a comma, or on a word no sentence ends with ("to", "the", "and",
    "der", "pour" …), when what follows starts a new section (a heading, a list, a paragraph
    after a blank line, or another element of an HTML page).

    Headlines, list items, table rows, captions and lines that end with any punctuation, a
    closing quote, a number or a link are never checked, and a next line that continues the
    sentence (lower case, or a plain line right below) is taken for a wrapped line.

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
        for block, nxt in itertools.pairwise(blocks):
            if not block.prose:
                continue  # (the first test of `_runs_on`, the cheapest)
            # The cheap part of `_ends_open` before the regex of `_runs_on`: nothing is reported
            # unless the text ends on a letter or a comma (see `_open_word_end`), and most
            # paragraphs end on a full stop.
            if not _ends_on_letter_or_comma(block.text.rstrip()):
                continue
            if not _runs_on(block):
                continue
            why = _ends_open(doc, block, settings)
            if why is None or not _next_section_starts(doc, block, nxt, language_of(doc, settings) or "en"):
                continue
            if why == "ends on a comma" and not _titled(nxt):
                continue  # letters ("Alles Liebe,"), captions and lead-ins end on commas too
            last = _last_word(block)
            col = last[1] if last else 0
            yield self.violation(
                block.end,
                col,
                block.end,
                len(doc.lines[block.end]),
                f"Paragraph is cut off mid-sentence ({why})",
            )


def _mid_word(doc: Document, word: str) -> str | None:
    """A longer word of the document that ``word`` is a strict prefix of, when ``word`` itself
    never occurs as a word elsewhere and the text uses longer words starting with it at least
    twice (``securit`` in a text about security)."""
    if len(word) < 4:
        return None
    lowered = word.casefold()
    seen_whole = 0
    longer: list[str] = []
    for w in re.findall(r"\w+", doc.text):
        wl = w.casefold()
        if wl == lowered:
            seen_whole += 1
        elif len(wl) > len(lowered) and wl.startswith(lowered) and _PLAIN_WORD.match(w):
            longer.append(w)
    return longer[0] if len(longer) >= 2 and seen_whole <= 1 else None


@register
class TruncatedDocument(Rule):
    """## What it does
    Checks whether the document's last paragraph of prose stops mid-sentence or mid-word:

    - it ends on a letter, a digit or a comma, with no closing punctuation ("… as many as 80",
      "… biggest brands onlin");
    - a short last line after finished prose stops on a stump no word list knows ("The U.S.
      State Depar") or on a word no sentence ends with ("Officials might be ready, but");
    - it ends with an excerpt marker ("[…]") or an ellipsis after such a word.

    Credits, bylines, tags, copyright and date lines after the last paragraph are stepped over
    (a paragraph behind them is reported only when its last word is lower case). Headings, list
    items, table rows, captions, headlines, signatures ("… - Jane Doe"), calls to action
    ("Continue reading the main story", "Learn more … in the video below"), picture thanks and
    rows of links are never taken for a cut. Words are recognised with the `wordfreq` lists of
    the document's language and the document's own vocabulary.

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

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        blocks = [b for b in doc.blocks if b.kind != "code"]
        if not blocks:
            return
        found = self._marked_end(doc, blocks[-1], settings)
        if found is None:
            found = open_end(doc, blocks, settings)
        if found is not None:
            line, col, message = found
            yield self.violation(line, col, line, len(doc.lines[line]), message)

    def _marked_end(self, doc: Document, block: Block, settings: Settings) -> tuple[int, int, str] | None:
        """The findings on a last paragraph of running text: an excerpt marker, an ellipsis after
        a word no sentence ends with, an open word, a stump of a longer word of the text."""
        text = block.text.rstrip()
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
