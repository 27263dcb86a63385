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
    character and becomes a space like any other punctuation. A folded "İ" is a plain "i"
    (`undotted`), as in `fold`, whose lines normalise to the same words."""
    text = undotted(unicodedata.normalize("NFKC", text).casefold())
    return _NON_WORD.sub(" ", text).strip()


def fold(text: str) -> str:
    """``text`` in NFKC, case-folded: the common first step of normalised lines and of pack
    line keys (`Document.folded_text` keeps it per document).

    NFKC acts on the text between two "stable" characters alone: a character of `SURELY_NFKC`
    is in NFKC, a starter, and never composes with a character before it, so nothing before it
    changes what NFKC makes of it and of what follows, nor the other way round (UAX #15,
    "Stable Code Points"; a line break is one of them). Most texts are of those characters
    alone (2,999 of 3,591 crawl documents): they are in NFKC. In the others, one pass of a
    kernel (`fold_scan`) replaces the compatibility characters of `_DECOMPOSED` (a no-break
    space, an ellipsis, full-width punctuation: their NFKC, ASCII) and finds the spans around
    the other characters, each from the stable character before to the one after: only those
    few characters are normalised (checking or normalising whole lines cost 2 % of a run's
    instructions, most of it pages of Bengali, whose letters with a nukta decompose), then the
    text case-folded (`native.casefold`: `str.casefold`, ASCII characters folded inline)."""
    found = fold_scan(text, _FOLD_TABLE, _REPLACEMENTS)
    if found is None:
        return undotted(native.casefold(text))
    text, spans = found
    if spans:
        nfkc = unicodedata.normalize
        pieces: list[str] = []
        at = 0
        for k in range(0, len(spans), 2):
            start, end = spans[k], spans[k + 1]
            pieces += (text[at:start], nfkc("NFKC", text[start:end]))
            at = end
        pieces.append(text[at:])
        text = "".join(pieces)
    return undotted(native.casefold(text))


def undotted(folded: str) -> str:
    """``folded`` (case-folded) with every "i" and combining dot above (U+0307) as a plain "i".

    Case folding turns the Turkish capital "İ" into those two characters, so a heading in
    capitals ("İLGİLİ HABERLER", "DİĞER HABERLER") folded to another key than the same words in
    lower case ("ilgili haberler") and matched no entry written so; the dot marks nothing a
    folded text keeps apart (no other letter takes it after an "i" but in Lithuanian's accented
    i, rare in news text). The Turkish capital "I" (of "ı") folds to "i" and stays so: what it
    stands for depends on the language."""
    return folded.replace("i\u0307", "i") if "\u0307" in folded else folded


def py_fold_scan(text: str, table: bytes, replacements: dict[int, str]) -> tuple[str, list[int]] | None:
    """None when every character of ``text`` has the byte 1 in ``table`` (indexed by code
    point, as `lintnews.native.all_in` reads it); else ``text`` with each character of byte 2
    replaced by ``replacements[ord(character)]`` (ASCII), and the spans ``[start, end)`` of that
    text, as a flat list, that may need normalising: each from the last character of byte 1 or
    replaced before a character of another byte (or from the start) to the next character of
    byte 1 or replaced after it (or the end). The definition of the kernel `fold_scan`."""
    if all(ord(ch) < len(table) and table[ord(ch)] == 1 for ch in text):
        return None
    out: list[str] = []
    spans: list[int] = []
    size = 0
    last_stable = opened = -1
    for ch in text:
        byte = table[ord(ch)] if ord(ch) < len(table) else 0
        if byte == 0:
            if opened < 0:
                opened = max(last_stable, 0)
            out.append(ch)
            size += 1
            continue
        if opened >= 0:
            spans += (opened, size)
            opened = -1
        piece = replacements[ord(ch)] if byte == 2 else ch
        out.append(piece)
        size += len(piece)
        last_stable = size - 1
    if opened >= 0:
        spans += (opened, size)
    return "".join(out), spans


fold_scan = native.compiled.fold_scan if native.compiled else py_fold_scan


#: Characters of the Basic Multilingual Plane a text made of which is in NFKC, whatever their
#: order: each is in NFKC alone, a starter (combining class 0), and never the second character
#: of a canonical composition (so nothing before it composes with it). Such characters have
#: the NFKC quick-check property Yes, and a text of Yes characters in canonical order (all
#: starters: any order) is in NFKC (UAX #15). The ranges hold the assigned characters of
#: Unicode 14 with those properties in the blocks a news crawl is written in (Latin, Greek,
#: Cyrillic, Hebrew, Arabic, Devanagari, Bengali, Thai, Vietnamese, punctuation, arrows and
#: symbols, kana, Bopomofo, CJK ideographs, Hangul syllables, variation selectors);
#: normalisation stability keeps them so in later versions. tests/test_textnorm_nfkc.py checks
#: every one against the properties `unicodedata` gives it.
SURELY_NFKC_RANGES = (
    (0x0000, 0x007F),
    (0x0080, 0x009F),
    (0x00A1, 0x00A7),
    (0x00A9, 0x00A9),
    (0x00AB, 0x00AE),
    (0x00B0, 0x00B1),
    (0x00B6, 0x00B7),
    (0x00BB, 0x00BB),
    (0x00BF, 0x0131),
    (0x0134, 0x013E),
    (0x0141, 0x0148),
    (0x014A, 0x017E),
    (0x0180, 0x01C3),
    (0x01CD, 0x01F0),
    (0x01F4, 0x024F),
    (0x0370, 0x0373),
    (0x0375, 0x0377),
    (0x037B, 0x037D),
    (0x037F, 0x037F),
    (0x0386, 0x0386),
    (0x0388, 0x038A),
    (0x038C, 0x038C),
    (0x038E, 0x03A1),
    (0x03A3, 0x03CF),
    (0x03D7, 0x03EF),
    (0x03F3, 0x03F3),
    (0x03F6, 0x03F8),
    (0x03FA, 0x03FF),
    (0x0400, 0x0482),
    (0x0488, 0x052F),
    (0x05BE, 0x05BE),
    (0x05C0, 0x05C0),
    (0x05C3, 0x05C3),
    (0x05C6, 0x05C6),
    (0x05D0, 0x05EA),
    (0x05EF, 0x05F4),
    (0x0600, 0x060F),
    (0x061B, 0x064A),
    (0x0660, 0x066F),
    (0x0671, 0x0674),
    (0x0679, 0x06D5),
    (0x06DD, 0x06DE),
    (0x06E5, 0x06E6),
    (0x06E9, 0x06E9),
    (0x06EE, 0x06FF),
    (0x0900, 0x093B),
    (0x093D, 0x094C),
    (0x094E, 0x0950),
    (0x0955, 0x0957),
    (0x0960, 0x0983),
    (0x0985, 0x098C),
    (0x098F, 0x0990),
    (0x0993, 0x09A8),
    (0x09AA, 0x09B0),
    (0x09B2, 0x09B2),
    (0x09B6, 0x09B9),
    (0x09BD, 0x09BD),
    (0x09BF, 0x09C4),
    (0x09C7, 0x09C8),
    (0x09CB, 0x09CC),
    (0x09CE, 0x09CE),
    (0x09E0, 0x09E3),
    (0x09E6, 0x09FD),
    (0x0E01, 0x0E32),
    (0x0E34, 0x0E37),
    (0x0E3F, 0x0E47),
    (0x0E4C, 0x0E5B),
    (0x1E00, 0x1E99),
    (0x1E9C, 0x1EFF),
    (0x200B, 0x2010),
    (0x2012, 0x2016),
    (0x2018, 0x2023),
    (0x2027, 0x202E),
    (0x2030, 0x2032),
    (0x2035, 0x2035),
    (0x2038, 0x203B),
    (0x203D, 0x203D),
    (0x203F, 0x2046),
    (0x204A, 0x2056),
    (0x2058, 0x205E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0x20A0, 0x20A7),
    (0x20A9, 0x20C0),
    (0x2190, 0x222B),
    (0x222E, 0x222E),
    (0x2231, 0x22FF),
    (0x2500, 0x27BF),
    (0x3001, 0x3029),
    (0x3030, 0x3035),
    (0x3037, 0x3037),
    (0x303B, 0x303F),
    (0x3041, 0x3096),
    (0x309D, 0x309E),
    (0x30A0, 0x30FE),
    (0x3105, 0x312F),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
)


def _table(ranges: tuple[tuple[int, int], ...]) -> bytes:
    """A byte per code point up to the last of ``ranges``: 1 inside one of them, else 0."""
    table = bytearray(max(end for _, end in ranges) + 1)
    for start, end in ranges:
        table[start : end + 1] = b"\x01" * (end - start + 1)
    return bytes(table)


#: `SURELY_NFKC_RANGES` as the table `native.all_in` reads.
SURELY_NFKC = _table(SURELY_NFKC_RANGES)


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


def _fold_table() -> bytes:
    """`SURELY_NFKC` with the byte 2 for the characters of `_DECOMPOSED` (the table
    `fold_scan` reads)."""
    table = bytearray(SURELY_NFKC) + bytes(max(0, max(map(ord, _COMPAT_CHARS)) + 1 - len(SURELY_NFKC)))
    for char in _COMPAT_CHARS:
        table[ord(char)] = 2
    return bytes(table)


#: The table and the replacements `fold` hands `fold_scan`.
_FOLD_TABLE = _fold_table()
_REPLACEMENTS = {ord(char): replacement for char, replacement in _DECOMPOSED.items()}


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
    key = undotted(key.casefold())
    if "*" in key or "_" in key:
        key = EMPHASIS.sub("", key)
    # Whitespace runs become one space, then `EDGE` characters are trimmed from both ends
    # (whitespace is a str.split/isspace matter, the same set as the regex ``\s``).
    return " ".join(key.split()).strip(EDGE_CHARS)


#: `QUOTE_PAIRS` as the two strings `lintnews.native.line_keys` replaces the first by the second of.
_QUOTE_FROMS = "".join(char for char, _ in QUOTE_PAIRS)
_QUOTE_TOS = "".join(replacement for _, replacement in QUOTE_PAIRS)


def line_keys_of(folded: str) -> list[str]:
    """``line_key(line)`` for every line of a text already folded (`fold`), with quotes
    straightened on the whole text: a quote mark is neither changed nor produced by case
    folding, so straightening after folding is the same as before. The lines are split,
    straightened, rid of emphasis and collapsed in one pass (`lintnews.native.line_keys`: each
    quote replaced as it is read, where a search and a copy of the text for each quote mark it
    held cost a sixth of the view)."""
    if folded.isascii():
        return native.line_keys(folded, EDGE_CHARS)
    return native.line_keys(folded, EDGE_CHARS, _QUOTE_FROMS, _QUOTE_TOS)
