"""S006's titles: the lines whose stripped text is headline-shaped (`py_title_lines`), found by
the compiled kernel `lintnews._native.title_lines` when it is built, else by `py_title_lines`,
its definition (tests/test_title_lines.py compares them on lines of several scripts and on
generated text; both, and main's comprehension, gave the same 394,915 titles on every line of
the 200 MB crawl).

Why a kernel: S006 (`rules/seo/title_sidebar.py`) needs 32 titles in a row, so it has to find
the titles of every document of 32 lines or more; a comprehension over the stripped lines and
`py_title`'s words on each candidate cost 0.06 ms a document on the 200 MB crawl's first 3,000
documents, +4 % of a whole run for one rule. The kernel strips and tests each line in place
without making a str of it (S006 0.069 -> 0.017 ms a document there, `bench/rule_costs.py`).
`py_title_lines` is also what S006 runs without the extension, as fast as the comprehension it
replaced."""

from __future__ import annotations

from lintnews.document import words
from lintnews.native import compiled

from .titles import TITLE_LONGEST, TITLE_QUOTES, TITLE_WORDS, headline

#: The first characters of a list marker `headline` strips ("- ", "• ", "1. "), digits aside.
MARKER_START = "-*+•·▪►>"
#: Last characters no title ends with (`headline` tests them too).
_NOT_LAST = ".,;:"


def py_title(stripped: str) -> bool:
    """`headline` of a stripped line at most `TITLE_LONGEST` characters long, with two spaces or
    more, that does not end with a full stop, comma, colon or semicolon and does not start in
    lower case: a bullet is stripped here as `headline` strips it, and only a line starting
    with a digit needs its regular expression."""
    if not (
        len(stripped) <= TITLE_LONGEST
        and stripped.count(" ") >= 2
        and stripped[-1] not in _NOT_LAST
        and not stripped[0].islower()
    ):
        return False
    first = stripped[0]
    if first in MARKER_START and stripped[1:2].isspace():
        stripped = stripped[2:].lstrip()  # a bullet ("- ", "* ") as `headline` strips it
        if not stripped:
            return False
        first = stripped[0]
    elif first.isdigit():
        return headline(stripped)  # a number ("1. ") for `headline` to strip, or a title's first digit
    if not (first.isupper() or first in TITLE_QUOTES):
        return False
    return TITLE_WORDS[0] <= len(words(stripped)) <= TITLE_WORDS[1]


def py_title_lines(lines: list[str]) -> list[int]:
    """The numbers of the lines whose stripped text is a title (`py_title`), in order."""
    return [i for i, line in enumerate(lines) if py_title(line.strip())]


def title_lines(lines: list[str]) -> list[int]:
    """`py_title_lines`, by the compiled kernel when it is built."""
    if compiled is None:
        return py_title_lines(lines)
    return compiled.title_lines(lines, TITLE_LONGEST, *TITLE_WORDS, TITLE_QUOTES, MARKER_START)  # type: ignore[no-any-return]
