"""Text normalisation shared by rules that compare text (duplicates, phrase packs, corpus
signatures): `normalize` of one string, `line_key` of one line, and the whole-text forms
(`fold`, `line_keys_of`) behind the `Document` views ``folded_text``, ``normalized_lines`` and
``line_keys``. A leaf module: it imports nothing of the project but `lintnews.native`."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from lintnews import native

if TYPE_CHECKING:
    from lintnews.document import Document

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Lower-cased words separated by single spaces: whitespace, case, punctuation and quote
    style do not matter.

    Quote style needs no mapping: every quotation mark, straight or curly, is a non-word
    character and becomes a space like any other punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()


def fold(text: str) -> str:
    """``text`` in NFKC, case-folded: the common first step of normalised lines and of pack
    line keys (`Document.folded_text` keeps it per document).

    NFKC and case folding act on each line alone: neither maps anything to or from a line
    break, and no character composes with a line break or is reordered across it (it is a
    starter of combining class 0). So the folded text split at line breaks is, line by line,
    what folding each line would give.

    For the same reason only the lines that are not in NFKC already need normalising: most
    texts are in NFKC but for a few lines (a no-break space, an ellipsis), and the check is
    several times cheaper than the normalisation."""
    is_nfkc = unicodedata.is_normalized
    if not is_nfkc("NFKC", text):
        # each of the characters that occur (found in one pass: `native.chars_in`, several times
        # cheaper than a regex character class) replaced everywhere by one `str.replace` (a page
        # of Chinese holds a handful of them, hundreds of times: a callback per match cost more)
        for char in native.chars_in(text, _COMPAT_CHARS):
            text = text.replace(char, _DECOMPOSED[char])
    if not is_nfkc("NFKC", text):
        nfkc = unicodedata.normalize
        text = "\n".join([line if is_nfkc("NFKC", line) else nfkc("NFKC", line) for line in text.split("\n")])
    return native.casefold(text)  # (`str.casefold`, ASCII characters folded inline)


def folded_text(doc: Document) -> str:
    """``doc.folded_text``: `fold` of the document's text, computed once per document."""
    return doc.folded_text


#: The compatibility characters that keep most lines from being in NFKC: the full-width forms
#: of ASCII and the ideographic space of Chinese and Japanese text (a full-width comma or
#: parenthesis every few words), the no-break space and the ellipsis. Replaced by their
#: compatibility decomposition, they leave NFKC unchanged (NFKC composes the full decomposition
#: of the text, and a character's decomposition decomposes to itself), and the few lines still
#: not in NFKC are normalised: NFKC costs ~120 ns per character of CJK text, the replacement a
#: few per character. (tests/test_speed_paths.py checks the map and the result.)
_DECOMPOSED = {
    chr(c): unicodedata.normalize("NFKD", chr(c)) for c in [*range(0xFF01, 0xFF5F), 0x3000, 0xA0, 0x2026]
}
_COMPAT_CHARS = "".join(_DECOMPOSED)


def normalized_lines(doc: Document) -> list[str]:
    """``doc.normalized_lines``: ``normalize(line)`` for every line of ``doc``, in one pass over
    the folded text (treat it as read-only); see `fold` for why the text can be folded whole and
    split afterwards."""
    return doc.normalized_lines


def normalized_span(doc: Document, start: int, end: int) -> str:
    """``normalize`` of lines ``start`` to ``end`` (inclusive) of ``doc`` joined by line breaks."""
    lines = normalized_lines(doc)
    if start == end:
        return lines[start]
    return " ".join(n for n in lines[start : end + 1] if n)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\u00a0": " "})
#: What a pack line key is trimmed of at both ends, as a regex character class.
EDGE = r"""\s\-–—•·*#>|»«:;.,!?…_~=+"'()\[\]{}/\\▶►▸→›‹<"""
#: The characters of `EDGE` other than whitespace, plus the space: what `line_key` trims.
EDGE_CHARS = " -–—•·*#>|»«:;.,!?…_~=+\"'()[]{}/\\▶►▸→›‹<"
#: Markdown emphasis around words ("**Read more:**", "_Ähnliche Beiträge_"); a lone "*" between
#: spaces ("marked with * are required") and snake_case stay (defined with the kernel that
#: matches it, `lintnews.native.line_keys`).
EMPHASIS = native.EMPHASIS
#: `_QUOTES` as (character, replacement) pairs: a few `str.replace` calls on the rare non-ASCII
#: line cost a fraction of one `str.translate` with a dict.
QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())


def line_key(line: str) -> str:
    """The normalised form of a line that pack entries are matched against."""
    key = unicodedata.normalize("NFKC", line)
    if not key.isascii():
        for char, replacement in QUOTE_PAIRS:
            if char in key:
                key = key.replace(char, replacement)
    key = key.casefold()
    if "*" in key or "_" in key:
        key = EMPHASIS.sub("", key)
    # Whitespace runs become one space, then `EDGE` characters are trimmed from both ends
    # (whitespace is a str.split/isspace matter, the same set as the regex ``\s``).
    return " ".join(key.split()).strip(EDGE_CHARS)


def line_keys_of(folded: str) -> list[str]:
    """``line_key(line)`` for every line of a text already folded (`fold`), with quotes
    straightened on the whole text: a quote mark is neither changed nor produced by case
    folding, so straightening after folding is the same as before. The lines are split, rid of
    emphasis and collapsed in one pass (`lintnews.native.line_keys`)."""
    text = folded
    if not text.isascii():
        for char, replacement in QUOTE_PAIRS:
            if char in text:
                text = text.replace(char, replacement)
    return native.line_keys(text, EDGE_CHARS)
