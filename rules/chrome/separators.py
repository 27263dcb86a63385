"""Which lines of a text hold a few separator characters (shared by the B rules that look for
rows of links and trails: `toolbars`, `breadcrumb`)."""

from __future__ import annotations

from lintnews import native
from lintnews.document import Document


def lines_holding(doc: Document, chars: str, spaced: str = "") -> list[int]:
    """Indices of the lines of ``doc`` that hold one of ``chars`` (no line break), in order; a
    character in ``spaced`` counts only between two spaces. One pass of a kernel over the lines
    (`native.lines_holding`), each read up to its first hit: most lines hold none, and the
    ``str.find`` loops over the whole text it replaces stopped in Python at every "/" of every
    web address of a whole page (and needed the lines' offsets to place a hit)."""
    return native.lines_holding(doc.text, chars, spaced)
