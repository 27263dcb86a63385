"""Text normalisation shared by rules that compare text (duplicates, corpus signatures)."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‚": "'"})


def normalize(text: str) -> str:
    """Lower-cased words separated by single spaces: whitespace, case, punctuation and quote
    style do not matter."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NON_WORD.sub(" ", text).strip()
