"""The cheap screen in front of the comment-thread search (`regions.py`).

Most documents hold no thread, and testing every line after the article's prose with a regular
expression cost ~5 µs a line (py-spy put the search at a fifth of a whole run). A line can be a
comment header only if it holds one of a few literal words or a time (`HEADER_WORDS`,
`TIME_HINT_BEFORE`), and a counting heading only if it holds one of `HEADING_WORDS`: the screen
finds the lines holding either with one pass of a kernel (`native.short_lines_holding`). Only
those lines are then tested with the full patterns, so the result is exactly that of testing
every line.

The screen reads only the lines short enough to be a header or a heading (``longest``,
`thread_headers.MAX_HEADER`): an article's paragraphs are longer, and they held three fifths of
the text searched after the prose (the 20 MB crawl: 4.2 of 10.9 MB are short lines).

``str.lower`` keeps every match that the case-insensitive patterns make, with three exceptions
that `re.IGNORECASE` equates with an ASCII letter while ``lower`` does not ("İ", "ı", "ſ"; "İ" is
also the one character that lower-cases to two): a text holding one of them is not screened.
"""

from __future__ import annotations

import functools
import re

from lintnews.document import Document, View
from lintnews.native import short_lines_holding

#: Literal words one of which every comment header holds unless it holds a time (lower case)
#: are the literal parts of its hint, says-verbs included (`thread_words.HeaderPatterns`:
#: ``screen_words``, B011's word lists). What a time of the hint holds after its first digit:
#: one of these (the hint's ``h`` matches either case), then two decimal digits.
TIME_HINT_BEFORE = ":.hH"
#: Literal words one of which every counting heading (`thread_headings._COUNTED_HEADING`) holds.
HEADING_WORDS = ("comment", "respons", "replies", "thought", "kommentar", "comentario")
#: Characters that `re.IGNORECASE` matches with an ASCII letter but ``str.lower`` does not turn
#: into it (`thread_end.is_stop` screens by lower-cased words too).
UNSCREENABLE = re.compile("[\u0130\u0131\u017f]")

#: A run of blanks after a word.
_BLANKS = re.compile(r"(?<=\S)[ \t]{2,}")


def _read_lines(doc: Document) -> list[str]:
    """The lines of ``doc`` as the thread rules read them: on a Markdown document whose links
    are read as their words (`lintnews.sources.blank_markdown_links`) with each run of blanks
    after a word closed up, since an address's blanks are no length a reader sees ("by
    [NAME](http://…) on DATE. [Reply](…)"); else its lines."""
    if doc.source is not None and doc.kind == "markdown":
        return [_BLANKS.sub(" ", line) for line in doc.lines]
    return doc.lines


#: `_read_lines`, once a document (the screen and `thread_headers.SHOWN_LINES` read them).
READ_LINES: View[list[str]] = View("chrome.thread_read_lines", _read_lines)


class Screen:
    """The lines from ``first`` on of a document, of at most ``longest`` characters, that may
    hold a comment header or a counting heading (`lines`); None when the text cannot be
    screened (every line is then a candidate), or the header's words cannot (``header_words``
    None: a word the kernel cannot look for, not ASCII).

    One pass of a kernel over the lines (`native.short_lines_holding`): the lines' lengths
    stripped, the words of both in any case and the time hint, where the screen in Python
    selected the short lines, joined and lower-cased them and ran fifteen ``str.find`` loops and
    a regex over them (two fifths of B011's own time on a crawl, most of whose documents hold
    no thread). The headers and the heading are looked for among the same lines: each test is
    exact on any line, and a second pass for the heading's words alone cost more (~6 µs a
    document of the 200 MB crawl) than trying the header's few other lines as a heading and
    the heading's as a header."""

    def __init__(self, doc: Document, first: int, longest: int, header_words: tuple[str, ...] | None) -> None:
        self.first = first
        self._lines = READ_LINES.of(doc)  # (on Markdown, with its links' blanks closed up)
        self._longest = longest
        self._words = None if header_words is None else _words(header_words)
        self._found: list[int] | None = None
        self._screened = header_words is None

    def lines(self) -> list[int] | None:
        if not self._screened:
            assert self._words is not None
            self._found = short_lines_holding(
                self._lines, self.first, self._longest, self._words, TIME_HINT_BEFORE
            )
            self._screened = True
        return self._found


@functools.lru_cache(maxsize=8)
def _words(header_words: tuple[str, ...]) -> tuple[str, ...]:
    """What the screen looks for: a header's words or a heading's (in lower case), once each."""
    return tuple(dict.fromkeys(header_words + HEADING_WORDS))
