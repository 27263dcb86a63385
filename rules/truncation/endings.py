"""How a document ends: the last paragraph of prose behind trailing credits, and whether a word
is a word (for T002, ``truncated-document``).

A paragraph of prose that ends on a letter, a digit or a comma, with no closing punctuation, is
cut off; so is a short last line after finished prose that stops on a stump no dictionary knows
("The U.S. State Depar") or on a word no sentence ends with ("Petit might be 62, but").
Credits, bylines, tags, copyright and date lines, headings and list items after the last
paragraph are stepped over: they end without a full stop by design.
"""

from __future__ import annotations

import functools
import re

from lintnews.config import Settings
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, STOPWORDS, language_of
from lintnews.language_scripts import LETTER_LANGUAGES, OTHER_SCRIPTS

from . import caseless
from .shape import _mid_word
from .trailers import (
    _IMAGE_CREDIT,
    _LINK,
    _MAX_CREDIT_CHARS,
    _SIGNATURE,
    _THANKS,
    _YEAR,
    CLOSING,
    Trailers,
    chrome,
    is_bio,
    is_trailer,
    trailers_for,
)
from .wordlist import import_wordfreq, load, rarer_than

#: The end of a paragraph that could close a sentence: punctuation, closing quotes and brackets,
#: emoji and symbols. What is left (a letter, a digit, a comma) cannot.
_OPEN = re.compile(r"[^\W_],?$|,$")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Letters that are words on their own, per language (the rest, alone at the end, are stumps).
_ONE_LETTER_WORDS = {"en": "ai", "de": "", "fr": "ayà", "es": "aeouy"}
#: Below this Zipf frequency (wordfreq: 1 = once per billion words) a lower-case token that the
#: document itself never uses again is no word: the stump of one ("contac", "governmen").
_MIN_ZIPF = 2.0
#: A capitalised last line of one word that starts longer words of the text ("Polic", "Comme")
#: is their stump only when it is no common word itself ("Close", a button, starts "Closer").
_MIN_ZIPF_ALONE = 3.5
#: How many blocks after the last paragraph of prose may be stepped over (credits, tags …).
_MAX_TRAILER = 8
_MIN_PROSE_WORDS = 8
_MIN_RUN_ON_WORDS = 12
#: A sentence end closing a block: what a short line after it must follow to start a paragraph.
_SENTENCE_END = re.compile(r"\w[.!?…][\"'”’»)\]]*$")
_INNER_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
_QUOTES = frozenset("\"'„“‘«‚‹")
#: "I" and its contractions, capitalised inside a sentence.
_I = re.compile(r"I(?:['’]\w+)?$")


@functools.lru_cache(maxsize=1)
def _wordfreq_languages() -> frozenset[str]:
    try:
        wordfreq = import_wordfreq()  # (the import without its call stack)
    except ImportError:  # pragma: no cover - a declared dependency; the check degrades gracefully
        return frozenset()
    return frozenset(wordfreq.available_languages())


#: Letters of the Latin script (Basic Latin to Latin Extended-B, IPA, Latin Extended Additional).
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u02af\u1e00-\u1eff'’-]+")


@functools.lru_cache(maxsize=4096)
def _rare(word: str, lang: str, min_zipf: float = _MIN_ZIPF) -> bool | None:
    """Whether wordfreq rates ``word`` below ``min_zipf`` in ``lang`` (None: no list for it),
    without building wordfreq's whole dictionary of the language (`wordlist.rarer_than`).
    None too for a word in another script than the Latin of the languages `language_of` detects
    (or the English fallback of a document it cannot place): the English list knows no Russian
    word, so "агентства" ending a credit line ("по материалам агентства") was a stump to it; and
    for an English word with a letter outside ASCII, which a Czech or Hungarian text no profile
    places ends on ("Pokračování příště") and English words do not. A language of another
    script judges the words of its script by its list, but those told by their letters
    (`LETTER_LANGUAGES`: Chinese, Japanese, Korean, Thai, whose lists need a tokenizer of their
    own, Hindi and Bengali, whose words vowel signs split), and a word in Latin letters by the
    English list, as when no language is detected."""
    if lang in OTHER_SCRIPTS and _LATIN_WORD.fullmatch(word):
        lang = "en"
    elif lang in LETTER_LANGUAGES:
        return None
    if lang not in _wordfreq_languages() or (lang in STOPWORDS and not _LATIN_WORD.fullmatch(word)):
        return None
    if lang == "en" and not word.isascii():
        return None
    return rarer_than(word, lang, min_zipf)


def warm() -> None:
    """Load now what `_rare` loads in each process on first use: wordfreq (its import alone is
    ~0.1 CPU-s) and its list of English, the language met everywhere (the others stay lazy), read
    once for both thresholds. A check run calls this before it forks its workers, which then
    share them."""
    if "en" in _wordfreq_languages():
        load("en")


def is_stump(doc: Document, word: str, lang: str) -> bool:
    """Whether ``word`` is no word of ``lang``: a single letter that is not a word on its own,
    or a token the document uses nowhere else that the word list (wordfreq) does not know."""
    w = word.casefold()
    if not w.isalpha():
        return False
    if len(w) == 1:
        return lang in _ONE_LETTER_WORDS and w not in _ONE_LETTER_WORDS[lang]
    # (the word list first: a lookup, where the search of the text reads all of it, and most
    # last words are words)
    if _rare(w, lang) is not True:
        return False
    # a token the text uses elsewhere as a word is one (a second occurrence settles it: the
    # search stops there)
    found = re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.text, re.IGNORECASE)
    return next(found, None) is None or next(found, None) is None


def _lower_share(block: Block) -> float:
    count = block.word_count
    return block.lower_count / count if count else 0.0


def _is_prose(block: Block, trailers: Trailers) -> bool:
    """A paragraph, quote or list item of prose: by its words' case, or (not a list item) in a
    script without letter case (`caseless.is_caseless_prose`); never a credit line (matched
    last: the pattern is long)."""
    if block.kind not in ("paragraph", "quote", "list"):
        return False
    prose = block.word_count >= _MIN_PROSE_WORDS and _lower_share(block) >= 0.45
    if not prose and (block.kind == "list" or not caseless.is_caseless_prose(block)):
        return False
    return not trailers.credit.match(block.text)


def _runs_on(block: Block) -> bool:
    """Long enough, or with a finished sentence inside, to be a paragraph, not a headline."""
    if caseless.is_caseless_prose(block):
        return caseless.runs_on(block)
    return block.word_count >= _MIN_RUN_ON_WORDS or bool(_INNER_END.search(block.text.rstrip()))


def _tail_sentence(text: str) -> str:
    """The last sentence of ``text`` (after its last inner sentence end)."""
    ends = [m.end() - 1 for m in _INNER_END.finditer(text)]
    return text[ends[-1] :] if ends else text


def _open(text: str) -> bool:
    """Whether the right-stripped ``text`` ends open (`_OPEN`): a match takes at most its last
    two characters, so only they are searched (a search of the whole text tries every word
    character of a long paragraph)."""
    return _OPEN.search(text, max(0, len(text) - 2)) is not None


def _finished(block: Block) -> bool:
    return not _open(block.text.rstrip())


def _last_token(text: str) -> str:
    tokens = text.rsplit(None, 1)
    return tokens[-1] if tokens else ""


def open_end(doc: Document, blocks: list[Block], settings: Settings) -> tuple[int, int, str] | None:
    """(line, column, message) when the document's prose ends open, else None. Trailing lines
    of site chrome (a comment form, share buttons) are stepped over first."""
    while len(blocks) > 1 and _open(blocks[-1].text.rstrip()) and chrome(doc, settings, blocks[-1]):
        blocks = blocks[:-1]
    last = blocks[-1]
    lang = language_of(doc, settings) or "en"
    t = trailers_for(settings)  # (T002's words: rules/packs/T002.toml)
    # 1. The last block is a paragraph of prose that ends on a letter, digit or comma.
    if _is_prose(last, t) and _runs_on(last):
        if caseless.is_caseless_prose(last):
            return caseless.document_cut(last)
        return _judge(doc, last, lang, t, strict=False)
    # 2. A short last line after finished prose: the start of a paragraph, cut after a few words.
    after_prose = len(blocks) > 1 and _is_prose(blocks[-2], t) and _finished(blocks[-2])
    if after_prose and caseless.is_caseless_prose(blocks[-2]):
        return caseless.started_cut(last) if last.kind in ("paragraph", "quote") else None
    text = last.text.strip()
    if (
        last.kind in ("paragraph", "quote")
        and len(blocks) > 1
        and _open(text)
        # (a new paragraph's first words may also follow a short finished sentence: a verse, a reply)
        and (after_prose or _SENTENCE_END.search(blocks[-2].text.rstrip()[-8:]) is not None)
        and not t.credit.match(text)
        and not CLOSING.match(text)
        and not (len(text) <= _MAX_CREDIT_CHARS and _IMAGE_CREDIT.search(text))
        and not _YEAR.search(text)
        and " | " not in text
        and not _LINK.search(_last_token(text))
    ):
        words = _WORD.findall(text)
        if words and text.endswith(words[-1]):
            word = words[-1]
            # (its column on the block's last line: the block may hold several lines)
            col = doc.lines[last.end].rstrip().rindex(word)
            first = words[0].casefold()
            sentence_start = (
                text[:1] in _QUOTES
                or first in STOPWORDS.get(lang, frozenset())
                or first in OPEN_ENDINGS.get(lang, frozenset())
            )
            if after_prose and is_stump(doc, word, lang) and (word[:1].islower() or sentence_start):
                return last.end, col, f'Document is cut off mid-word ("{word}")'
            if (
                word[:1].isupper()
                and _rare(word.casefold(), lang, _MIN_ZIPF_ALONE)
                and _mid_word(doc, word, min_len=2)  # (scans the text: last)
            ):
                return last.end, col, f'Document is cut off mid-word ("{word}")'  # "Polic", "Th"
            if (
                sentence_start
                and not words[0][:1].islower()
                and (1 < len(words) < 5 or (len(words) == 1 and first in OPEN_ENDINGS.get(lang, frozenset())))
                and all(w[:1].islower() or _I.match(w) for w in words[1:])
            ):
                return last.end, col, f'Document is cut off (a sentence starts and stops: "{text}")'
            if after_prose and len(words) >= 3 and word in OPEN_ENDINGS.get(lang, frozenset()):
                return last.end, col, f'Document is cut off (ends on "{word}")'
            if (
                after_prose
                and len(words) >= 5
                and word[:1].islower()
                and sum(w[:1].islower() for w in words) >= 0.6 * len(words)
                and ":" not in text
            ):
                return _judge(doc, last, lang, t, strict=True)
    # 3. Credits, tags, copyright and date lines after the last paragraph of prose.
    trailer = 0
    for block in reversed(blocks[:-1] if is_trailer(last, t) else ()):
        trailer += 1
        if trailer > _MAX_TRAILER:
            return None
        if _is_prose(block, t) and _runs_on(block):
            if caseless.is_caseless_prose(block):
                return caseless.document_cut(block)
            return _judge(doc, block, lang, t, strict=True)
        if not is_trailer(block, t):
            return None
    return None


def _indent(doc: Document, block: Block) -> int:
    line = doc.lines[block.end]
    return len(line) - len(line.lstrip())


def _judge(doc: Document, block: Block, lang: str, t: Trailers, strict: bool) -> tuple[int, int, str] | None:
    text = block.text.rstrip()
    if not _open(text):
        return None
    tail = _tail_sentence(text)
    if (
        t.credit.match(tail)
        or t.call.match(tail)
        or _SIGNATURE.search(text)
        or " | " in tail
        or _THANKS.search(tail)
    ):
        return None
    if block.start == block.end and len(text) <= _MAX_CREDIT_CHARS and _IMAGE_CREDIT.search(text):
        return None  # a credit line, not a sentence
    token = _last_token(text)
    if _LINK.search(token):
        return None
    words = _WORD.findall(token)
    last_word = words[-1].casefold() if words else ""
    if (
        last_word
        and last_word not in STOPWORDS.get(lang, ())
        and last_word not in OPEN_ENDINGS.get(lang, ())
        and is_bio(text)
    ):
        return None  # an author's note, not a sentence cut off ("… and analista internacional")
    line = doc.lines[block.end]
    word = words[-1] if words and text.endswith(words[-1]) else None
    col = line.rstrip().rindex(token) if token in line else _indent(doc, block)
    if word is not None and is_stump(doc, word, lang) and (word[:1].islower() or not strict):
        return block.end, col, f'Document is cut off mid-word ("{word}")'
    if strict and (word is None or not word[:1].islower()):
        return None  # behind credits: only a lower-case last word is taken for a cut
    ending = word if word is not None else token
    return (
        block.end,
        col,
        f'Document is cut off mid-sentence (ends on "{ending}" with no closing punctuation)',
    )
