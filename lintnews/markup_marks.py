"""What the markup of an HTML page says about each line of its text (no dependencies: the
document model and the HTML extraction both use it).

`lintnews.html_source` fills a `LineMarks` while it walks the tree; `lintnews.landmarks` turns it
into the regions rules report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kinds of landmark, from the tag or from a word of the element's id or class.
LANDMARK_KINDS = ("navigation", "footer", "aside", "comments", "related", "share")


@dataclass(frozen=True)
class LineMarks:
    """Per text line: the kind of the innermost landmark element it lies in (one of
    `LANDMARK_KINDS`, or None where the markup says nothing), that element's tag, how many of
    the line's characters are link text (inside ``<a href>``), and the columns (start, end) of
    its inline code (inside ``<code>``, ``<kbd>``, ``<samp>``, ``<tt>``: `code_spans` of a line)."""

    landmark: tuple[str | None, ...]
    tag: tuple[str | None, ...]
    link_chars: tuple[int, ...]
    #: Per line that holds inline code: its spans (no part of the marks' hash: a dict has none).
    code: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict, hash=False)

    def code_spans(self, line: int) -> tuple[tuple[int, int], ...]:
        """The (start, end) columns of the inline code on ``line`` (none on most lines)."""
        return self.code.get(line, ())
