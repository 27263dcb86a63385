"""The runs of blank lines of a text (F004's search, `lintnews.rules.formatting.blanks`): the
compiled kernel `lintnews._native.blank_runs` when it is built, else `py_blank_runs`, its
definition (one regex search of the text; tests/test_blank_lines.py compares them). Kept out of
`lintnews.native` for that module's size, as `lintnews.glued_marks` is.

The regex is tried at every line break of the text and its matches are then placed on their
lines by counting the line breaks before them (~16 µs a document of the 200 MB crawl, a third of
F004's time); the kernel reads the text once and knows each line as it goes."""

from __future__ import annotations

import functools
import re

from lintnews.native import compiled


@functools.lru_cache(maxsize=4)
def blank_run_pattern(least: int) -> re.Pattern[str]:
    """The end of a line and the ``least`` or more blank lines after it that end in a line break
    (``\\s`` is what `str.strip` removes)."""
    return re.compile(rf"\n(?:[^\S\n]*\n){{{least},}}")


def py_blank_runs(text: str, least: int) -> list[int]:
    """The matches of `blank_run_pattern` in ``text`` (``least >= 1``), as flat pairs: the
    0-based line (of ``text.split("\\n")``) of the match's first line break, then the number of
    blank lines after it."""
    if least < 1:
        raise ValueError("blank_runs() takes least >= 1")
    found: list[int] = []
    line = counted = 0  # line: the number of line breaks before offset counted
    for m in blank_run_pattern(least).finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        found += (line, m.group().count("\n") - 1)
    return found


blank_runs = compiled.blank_runs if compiled else py_blank_runs
