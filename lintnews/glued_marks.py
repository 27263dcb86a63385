"""The lines of a text that hold a punctuation mark glued between two words (F001's screen,
`lintnews.rules.formatting.spacing`): the compiled kernel `lintnews._native.glued_lines` when it
is built, else `py_glued_lines`, its definition (one regex per mark; tests/test_formatting_screens.py
compares them). Kept out of `lintnews.native` for that module's size, as `lintnews.bmp_sets` is.

The kernel reads the text once and tests the letters around each mark it meets, where the
regexes searched the text once per mark and F001 then looked up the line of every match (~17 µs a
document of the 200 MB crawl, where F001 itself cost ~29)."""

from __future__ import annotations

import bisect
import functools
import re

from lintnews.native import compiled


@functools.lru_cache(maxsize=16)
def glued_pattern(mark: str) -> re.Pattern[str]:
    """``mark`` with two letters (``[^\\W\\d_]``: word characters other than digits and the
    underscore) right after it and two right before it. (The lookahead first: most marks are
    followed by a space, which fails it at once; and a pattern that starts with a literal lets
    the search skip ahead to it.)"""
    return re.compile(re.escape(mark) + r"(?=[^\W\d_]{2})(?<=[^\W\d_]{2}.)")


def py_glued_lines(text: str, marks: str) -> list[int]:
    """The numbers (ascending) of the lines of ``text`` (``text.split("\\n")``) that hold a
    character of ``marks`` (no line break) with two letters right before it and two right
    after it (`glued_pattern`; letters are never line breaks, so such a match lies within one
    line)."""
    if "\n" in marks:
        raise ValueError("glued_lines() takes no line break among the marks")
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    found = {
        bisect.bisect_right(starts, m.start()) - 1
        for mark in dict.fromkeys(marks)
        if mark in text
        for m in glued_pattern(mark).finditer(text)
    }
    return sorted(found)


glued_lines = compiled.glued_lines if compiled else py_glued_lines
