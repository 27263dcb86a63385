"""Text normalisation shared by rules that compare text (duplicates, corpus signatures)."""

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


def folded_text(doc: Document) -> str:
    """``doc.text`` in NFKC, case-folded (kept in ``doc.cache``): the common first step of
    `normalized_lines` and of pack line keys (`lintnews.packs.line_keys`).

    NFKC and case folding act on each line alone: neither maps anything to or from a line
    break, and no character composes with a line break or is reordered across it (it is a
    starter of combining class 0). So the folded text split at line breaks is, line by line,
    what folding each line would give.

    For the same reason only the lines that are not in NFKC already need normalising: most
    texts are in NFKC but for a few lines (a no-break space, an ellipsis), and the check is
    several times cheaper than the normalisation."""
    found: str | None = doc.cache.get("folded_text")
    if found is None:
        text = doc.text
        is_nfkc = unicodedata.is_normalized
        if not is_nfkc("NFKC", text):
            text = _COMMON_COMPAT.sub(_decomposed, text)
        if not is_nfkc("NFKC", text):
            nfkc = unicodedata.normalize
            text = "\n".join([line if is_nfkc("NFKC", line) else nfkc("NFKC", line) for line in text.split("\n")])
        found = doc.cache["folded_text"] = text.casefold()
    return found


#: The compatibility characters that keep most lines from being in NFKC: the full-width forms
#: of ASCII and the ideographic space of Chinese and Japanese text (a full-width comma or
#: parenthesis every few words), the no-break space and the ellipsis. Replaced by their
#: compatibility decomposition, they leave NFKC unchanged (NFKC composes the full decomposition
#: of the text, and a character's decomposition decomposes to itself), and the few lines still
#: not in NFKC are normalised: NFKC costs ~120 ns per character of CJK text, the replacement a
#: few per character. (tests/test_speed_paths.py checks the map and the result.)
_COMMON_COMPAT = re.compile("[\uff01-\uff5e\u3000\u00a0\u2026]")
_DECOMPOSED = {chr(c): unicodedata.normalize("NFKD", chr(c)) for c in [*range(0xFF01, 0xFF5F), 0x3000, 0xA0, 0x2026]}


def _decomposed(m: re.Match[str]) -> str:
    return _DECOMPOSED[m.group()]


def normalized_lines(doc: Document) -> list[str]:
    """``normalize(line)`` for every line of ``doc``, in one pass over the text (kept in
    ``doc.cache``; treat it as read-only); see `folded_text` for why the text can be folded
    whole and split afterwards."""
    found: list[str] | None = doc.cache.get("normalized_lines")
    if found is None:
        found = doc.cache["normalized_lines"] = native.normalized_lines(folded_text(doc))
    return found


def normalized_span(doc: Document, start: int, end: int) -> str:
    """``normalize`` of lines ``start`` to ``end`` (inclusive) of ``doc`` joined by line breaks."""
    lines = normalized_lines(doc)
    if start == end:
        return lines[start]
    return " ".join(n for n in lines[start : end + 1] if n)
