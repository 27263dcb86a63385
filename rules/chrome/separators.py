"""Where a text holds a few separator characters, found without testing each line (shared by
the B rules that look for rows of links and trails: `toolbars`, `breadcrumb`)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from lintnews.document import Document


def lines_holding(doc: Document, needles: Sequence[str], spaced: str = "") -> set[int]:
    """Indices of the lines of ``doc`` that hold one of ``needles`` (single characters, no line
    break), found with `str.find` over the whole text: a line holds one exactly where the text
    does, and this is much cheaper than testing each line when, as usual, few lines hold one.
    A needle in ``spaced`` counts only between two spaces; it is searched alone and its spaces
    checked after (`str.find` is slow on a needle that starts with a space)."""
    text = doc.text
    starts: Sequence[int] | None = None  # (`doc.line_starts` only when a needle is found)
    found: set[int] = set()
    for needle in needles:
        need_spaces = needle in spaced
        at = text.find(needle)
        while at >= 0:
            if need_spaces and not (text[at - 1 : at] == " " and text[at + 1 : at + 2] == " "):
                at = text.find(needle, at + 1)
                continue
            if starts is None:
                starts = doc.line_starts
            i = bisect.bisect_right(starts, at) - 1
            found.add(i)
            at = text.find(needle, starts[i + 1]) if i + 1 < len(starts) else -1
    return found
