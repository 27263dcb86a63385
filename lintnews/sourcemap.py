"""Source maps: where a 0-based ``(line, column)`` of a document's text came from in its source
file (or record), as a 1-based `SourcePos`. `SourceMap` is the identity (plain text, Markdown);
`SpanMap` maps text extracted from markup (HTML) back to the markup, character by character.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SourcePos:
    """A 1-based position in the source file (or record) a document came from."""

    line: int
    column: int


class SourceMap:
    """Maps 0-based text positions to 1-based source positions: the identity, which serves
    plain text and Markdown (see `SpanMap` for HTML)."""

    @property
    def is_identity(self) -> bool:
        return True

    def to_source(self, line: int, column: int) -> SourcePos:
        """Where the character at ``(line, column)`` starts in the source."""
        return SourcePos(line + 1, column + 1)

    def to_source_after(self, line: int, column: int) -> SourcePos:
        """The source position just past the character at ``(line, column)`` (an exclusive end)."""
        return SourcePos(line + 1, column + 2)

    def span(self, line: int, column: int) -> tuple[int, int] | None:
        """Source offsets ``(start, end)`` of the markup the character at ``(line, column)`` came
        from, or None for the identity (text and source agree)."""
        return None

    def extent(self, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int, int, int]:
        """A finding's 1-based source ``(line, column, end_line, end_column)``: where the character
        at ``(line, column)`` starts, and just past the character before ``(end_line,
        end_column)``; a finding that covers nothing of its last line (``end_column`` 0: a run of
        blank lines) ends where that line starts. The identity's answer is plain arithmetic,
        which every finding of plain text and Markdown needs (no `SourcePos` made)."""
        return line + 1, column + 1, end_line + 1, end_column + 1 if end_column > 0 else 1


class SpanMap(SourceMap):
    """The map of a text extracted from markup: every character of the text knows the span of
    source it came from, ``starts[i]`` to ``ends[i]`` (offsets in the source, ``i`` an offset in
    the text; newlines included). A literal character spans one source character, a character
    decoded from an entity the whole entity (``&uuml;``: 6), and a character the extraction made
    up (a collapsed run of whitespace, the " | " between table cells) spans the markup between
    its neighbours. A position past the end of a line maps to the end of its last character.
    """

    def __init__(self, text_line_starts: list[int], line_lengths: list[int], starts: Sequence[int],
                 ends: Sequence[int], source_line_starts: list[int]) -> None:  # fmt: skip
        self.text_line_starts = text_line_starts
        self.line_lengths = line_lengths
        self.starts = starts
        self.ends = ends
        self.source_line_starts = source_line_starts

    @property
    def is_identity(self) -> bool:
        return False

    def _pos(self, offset: int) -> SourcePos:
        line = bisect.bisect_right(self.source_line_starts, offset) - 1
        return SourcePos(line + 1, offset - self.source_line_starts[line] + 1)

    def span(self, line: int, column: int) -> tuple[int, int]:
        if not self.text_line_starts:
            return 0, 0
        line = min(max(line, 0), len(self.text_line_starts) - 1)
        length = self.line_lengths[line]
        at = self.text_line_starts[line]
        if 0 <= column < length:
            return self.starts[at + column], self.ends[at + column]
        if length:  # past the end of the line: its end
            end = self.ends[at + length - 1] + max(column - length, 0)
            return end, end
        # an empty line (there are none in extracted text, but be total)
        offset = self.starts[at] if at < len(self.starts) else (self.ends[-1] if len(self.ends) else 0)
        return offset, offset

    def to_source(self, line: int, column: int) -> SourcePos:
        return self._pos(self.span(line, column)[0])

    def to_source_after(self, line: int, column: int) -> SourcePos:
        start, end = self.span(line, column)
        return self._pos(max(end, start + 1))

    def extent(self, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int, int, int]:
        return extent_of(self, line, column, end_line, end_column)


def extent_of(
    source_map: SourceMap, line: int, column: int, end_line: int, end_column: int
) -> tuple[int, int, int, int]:
    """`SourceMap.extent` from the map's `to_source` and `to_source_after`: what any map answers
    (the identity's arithmetic shortcut is tested equal to it)."""
    start = source_map.to_source(line, column)
    # just past the last character (an entity ends at its ";")
    if end_column > 0:
        end = source_map.to_source_after(end_line, end_column - 1)
    else:
        end = source_map.to_source(end_line, 0)
    return start.line, start.column, end.line, end.column


IDENTITY = SourceMap()
