"""Helpers shared by the formatting rules: prose lines and blocks, and lines holding a character."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable, Iterator

from lintnews.document import Block, Document

_LETTERS = re.compile(r"[^\W\d_]+")


def _prose_lines(
    doc: Document, kinds: tuple[str, ...] = ("paragraph", "quote")
) -> Iterator[tuple[Block, int]]:
    """(block, line) for every line of running text."""
    for block in doc.blocks:
        if block.kind in kinds and block.prose:
            for line in range(block.start, block.end + 1):
                yield block, line


def _blocks_of(doc: Document, lines: list[int]) -> Iterator[tuple[Block, int]]:
    """(block, line) for each of the ascending ``lines`` that is inside a block."""
    blocks = doc.blocks
    b = 0
    for line in lines:
        b = bisect.bisect_left(blocks, line, b, key=_END)  # the first block that ends at or after it
        if b == len(blocks):
            return
        if blocks[b].start <= line:
            yield blocks[b], line


_END = operator.attrgetter("end")


def _lines_with(text: str, chars: Iterable[str]) -> list[int]:
    """The numbers of the lines of ``text`` that hold any of ``chars`` (characters, or strings
    without a line break), in order. (`str.find` and `str.count` skip through the text in C,
    one line with a hit to the next, instead of a loop over every line.)"""
    found = set()
    for ch in chars:
        line, counted = 0, 0  # line breaks before `counted` are in `line`
        at = text.find(ch)
        while at >= 0:
            line += text.count("\n", counted, at)
            found.add(line)
            counted = text.find("\n", at)
            if counted < 0:
                break
            at = text.find(ch, counted)
    return sorted(found)


_BLANK = re.compile(r"[ \t]")


#: A Markdown code span (`` `typing.Annotated` ``): code, whose marks and tags are not the text's.
_CODE_SPAN = re.compile(r"`[^`]*`")
