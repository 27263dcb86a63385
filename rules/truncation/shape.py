"""T: text cut off mid-sentence or mid-word.

Both rules look only at blocks of running text that read like a paragraph (`_runs_on`), and
only at endings that cannot close a sentence: a comma after a word, or a final lower-case word
that is a function word no sentence ends with ("to", "the", "und", "pour") or, at the end of
the document, the first letters of a longer word the text uses ("securit" for "security").
Anything else at the end (punctuation, closing quotes, brackets, emoji, a number, a URL, a
table bar) counts as a deliberate ending.
"""

from __future__ import annotations

import re

from lintnews.block_edges import blocks_where
from lintnews.config import Settings
from lintnews.document import KINDS, Block, Document, View
from lintnews.language import OPEN_ENDINGS, STOPWORDS, language_of

from .caseless import is_caseless_prose
from .caseless import runs_on as caseless_runs_on

#: The last word of a line and the non-word characters after it: what `_last_word` finds (the
#: definition; `_LAST_WORD_REVERSED` finds it).
_LAST_WORD = re.compile(r"(?<!\w)(\w+)\W*$", re.UNICODE)
#: `_LAST_WORD` read backwards, at the start of a line's end reversed: the non-word characters
#: after the last word, then the word (possessive: an end without a word fails in one pass).
_LAST_WORD_REVERSED = re.compile(r"\W*+(\w+)")
#: How much of the end of a line `_last_word` reads first (four times more each time after).
_LAST_WORD_TAIL = 64
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
#: An item of an enumeration ending on its conjunction ("…; and", "…; or"), and the next item's
#: enumerator ("(b)", "ii)", "2."): the list goes on.
_LIST_ITEM_END = re.compile(r";\s*\w+\s*$")
_ENUMERATOR = re.compile(r"\s*(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])\s")
#: Four spaces or a tab: an indented code block (Markdown, html2text) the sentence leads into.
_CODE_INDENT = re.compile(r"^(?: {4}|\t)")


#: Every kind of block but code.
_TEXT_KINDS = tuple(kind for kind in KINDS if kind != "code")


def _text_blocks(doc: Document) -> list[Block]:
    """The blocks of ``doc`` other than code: T001 reads each with the next, T002 the last.
    (Picked by a kernel, `blocks_where`: a list comprehension cost ~3 µs a page of ~100 blocks.)"""
    return blocks_where(doc.blocks, _TEXT_KINDS, -1, 0)


#: `_text_blocks`, made once per document for both rules.
TEXT_BLOCKS: View[list[Block]] = View("truncation.text_blocks", _text_blocks)


def _last_word(block: Block) -> tuple[str, int] | None:
    """The block's final word and its column on its last line. A "word" glued to a symbol
    before it (``😂a``, ``x=a``) is not one a sentence could have been cut after."""
    line = block.text.rpartition("\n")[2]
    found = _last_run(line)
    if found is None:
        return None
    start, stop = found
    before = line[start - 1 : start]
    if before and not (before.isspace() or before in _WORD_OPENERS):
        return None
    return line[start:stop], start


def _last_run(line: str) -> tuple[int, int] | None:
    """Where the match of `_LAST_WORD` in ``line`` has its word (start, stop): the line's last
    run of word characters, when nothing but non-word characters follow it. Read backwards from
    the end of the line, in growing pieces until one holds the whole run and a character before
    it (or the line's start), so the cost is that of the end read. (A search of the line's last
    80 characters, then of all of it, tried every word start there: a third of T001's time on
    the crawl.)"""
    end, size = len(line), _LAST_WORD_TAIL
    while True:
        lo = max(end - size, 0)
        m = _LAST_WORD_REVERSED.match(line[lo:][::-1])
        if m is not None and (m.end() < end - lo or lo == 0):
            return end - m.end(), end - m.start(1)
        if lo == 0:
            return None  # (no word character in the line)
        size *= 4


def _runs_on(block: Block) -> bool:
    """Running text shaped like a paragraph: prose with a finished sentence before the end, or
    long enough not to be a headline or a teaser line (prose of a script without letter case:
    `caseless.runs_on`)."""
    if not block.prose:
        return False
    if is_caseless_prose(block):
        return caseless_runs_on(block)
    # (the word count first: a search of a long paragraph for a sentence end costs more)
    return (
        block.word_count >= _MIN_RUN_ON_WORDS or _INNER_SENTENCE_END.search(block.text.rstrip()) is not None
    )


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


def _titled(block: Block, lang: str) -> bool:
    """A heading, or a line shaped like a title: the start of a new section. A line that ends on
    a word no sentence ends with ("and", "the", "der") is no title however it is capitalised: it
    is a sentence going on, as a hard-wrapped RFC's "DELETE requests MAY have an If-Match request
    header, and" under "… successful GET requests MUST return an 'Expires: 0' header. PUT and"."""
    if block.kind == "heading":
        return True
    if not (block.heading_like and block.word_count >= 2):
        return False
    text = block.text.strip()
    if _INNER_SENTENCE_END.search(text):
        return False
    last = _last_word(block)
    return last is None or last[0].casefold() not in OPEN_ENDINGS.get(lang, OPEN_ENDINGS["en"])


#: The last character of every word of `OPEN_ENDINGS`, per language: a text whose last letter,
#: case-folded, ends with none of them cannot end on such a word.
_OPEN_ENDING_LAST = {lang: frozenset(w[-1] for w in words) for lang, words in OPEN_ENDINGS.items()}


def _ends_open(doc: Document, block: Block, settings: Settings) -> str | None:
    """Why a paragraph looks cut off (None if it ends like a finished sentence).

    A text ending on a letter is cut off only when its last word is one of the language's
    `OPEN_ENDINGS`; that word ends with the text's last letter (case folding maps each
    character on its own), so a last letter no such word ends with (most of them: any letter
    of a script without a list) settles it before the last word is looked for."""
    text = block.text.rstrip()
    comma = text.endswith(",")
    if not comma:
        lang = language_of(doc, settings) or "en"
        if text[-1:].casefold()[-1:] not in _OPEN_ENDING_LAST.get(lang, _OPEN_ENDING_LAST["en"]):
            return None
    if not _open_word_end(text):
        return None
    if comma:
        # (the comma is the text's last character: a match can only start one before it)
        return "ends on a comma" if _OPEN_COMMA.search(text, max(len(text) - 2, 0)) else None
    last = _last_word(block)
    if last is None:
        return None
    word = last[0]
    if not word[:1].islower():
        return None
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
    if _LIST_ITEM_END.search(block.text[-40:]) and _ENUMERATOR.match(nxt.text):
        return False  # "… as part of a Larger Work; and" over "(b) under Patent Claims …"
    below = nxt.start == block.end + 1 and doc.line_tags is None
    if below and _wrapped_below(doc, block.end):
        return False  # hard-wrapped text: the sentence goes on, however the next line starts
    # (in Markdown the line right below is the same paragraph, a soft break, however it is
    # shaped: "… see the" over a link "Trait Types"; a capitalised function word still opens a
    # new sentence there, below)
    soft = below and doc.kind == "markdown" and nxt.kind == "paragraph"
    if (_titled(nxt, lang) and not soft) or nxt.kind in ("heading", "table", "caption"):
        return True  # the paragraph was left unfinished before a new section
    if nxt.kind != "paragraph":
        return False  # a list may finish the sentence ("… distinguish between" / "- pain and …")
    if nxt.start > block.end + 1 and any(i not in doc.void_lines for i in range(block.end + 1, nxt.start)):
        return True  # a blank line in between ends the paragraph (a Markdown image's line is none)
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


#: The lengths of a line of hard-wrapped text (wrapped at 64-80 characters, as e-mail, RFCs,
#: licences and plain-text newsletters are): no shorter than this ...
_WRAP_MIN = 40
#: ... and no longer than this.
_WRAP_MAX = 100
#: Lines of a wrapped line's length a document must hold to be hard-wrapped, and the least share
#: of its lines of `_WRAP_MIN` characters or more they must make up (a text of one paragraph a
#: line, as extractors write it, has few lines under `_WRAP_MAX` among its long ones).
_WRAPPED_LINES = 5
_WRAPPED_SHARE = 0.9


def _hard_wrapped(doc: Document) -> bool:
    """Whether ``doc`` is hard-wrapped at a fixed width: most of its long lines are of a wrapped
    line's length, and a sentence of it goes on in lower case on the next line (a paragraph of
    several lines, `Document.blocks`)."""
    long = wrapped = 0
    for line in doc.lines:
        n = len(line)
        if n >= _WRAP_MIN:
            long += 1
            wrapped += n <= _WRAP_MAX
    if wrapped < _WRAPPED_LINES or wrapped < _WRAPPED_SHARE * long:
        return False
    return any(b.end > b.start and b.kind == "paragraph" for b in doc.blocks)


#: `_hard_wrapped`, once per document (asked only of the few paragraphs T001 finds open).
_HARD_WRAPPED: View[bool] = View("truncation.hard_wrapped", _hard_wrapped)


def _wrapped_below(doc: Document, line: int) -> bool:
    """Whether the line below ``line`` goes on with it in a hard-wrapped text (`_hard_wrapped`):
    both are of a wrapped line's length, and the next line's first word would not have fitted
    on ``line`` (the text was wrapped there, not broken by its writer): "… Secondary Licenses,
    and the" over "Covered Software is not Incompatible With Secondary Licenses, this" in a
    licence, "… how to set up a" over "Kerberos realm using the Debian packages, …"."""
    above, below = doc.lines[line].rstrip(), doc.lines[line + 1].rstrip()
    if not (_WRAP_MIN <= len(above) <= _WRAP_MAX and _WRAP_MIN <= len(below) <= _WRAP_MAX):
        return False
    first = below.split(None, 1)[0]
    if len(above) + 1 + len(first) <= max(len(above), len(below)):
        return False  # the word would have fitted: the writer broke the line
    return _HARD_WRAPPED.of(doc)


def _mid_word(doc: Document, word: str, min_len: int = 4) -> str | None:
    """A longer word of the document that ``word`` is a strict prefix of, when ``word`` itself
    never occurs as a word elsewhere and the text uses longer words starting with it at least
    twice (``securit`` in a text about security)."""
    if len(word) < min_len:
        return None
    lowered = word.casefold()
    if doc.text.casefold().count(lowered) < 2:
        return None  # (casefold maps each character on its own: the two longer words need this)
    seen_whole = 0
    longer: list[str] = []
    for w in re.findall(r"\w+", doc.text):
        wl = w.casefold()
        if wl == lowered:
            seen_whole += 1
        elif len(wl) > len(lowered) and wl.startswith(lowered) and _PLAIN_WORD.match(w):
            longer.append(w)
    return longer[0] if len(longer) >= 2 and seen_whole <= 1 else None
