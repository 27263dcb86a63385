"""The cheap screen in front of the comment-thread search (`regions.py`).

Most documents hold no thread, and testing every line after the article's prose with a regular
expression cost ~5 µs a line (py-spy put the search at a fifth of a whole run). A line can be a
comment header only if it holds one of a few literal words or a time (`HEADER_WORDS`,
`TIME_HINT`), and a counting heading only if it holds one of `HEADING_WORDS`: the screen finds
those with one lower-casing, a few ``str.find`` loops and one search for a time, all at C speed,
and maps the hits to line numbers. Only those lines are then tested with the full patterns, so
the result is exactly that of testing every line.

The screen reads only the lines short enough to be a header or a heading (``longest``,
`thread_headers.MAX_HEADER`): an article's paragraphs are longer, and they held three fifths of
the text searched after the prose (the 20 MB crawl: 4.2 of 10.9 MB are short lines), so the
finds, the lower-casing and the search for a time each read less than half of it.

``str.lower`` keeps every match that the case-insensitive patterns make, with three exceptions
that `re.IGNORECASE` equates with an ASCII letter while ``lower`` does not ("İ", "ı", "ſ"; "İ" is
also the one character that lower-cases to two): a text holding one of them is not screened.
"""

from __future__ import annotations

import re

from lintnews.document import Document

#: Literal words one of which every comment header holds unless it holds a time (lower case):
#: the literal parts of `thread_headers.HEADER_HINT`.
HEADER_WORDS = ("written", "submitted", "comment", "says", "sagt", "schreibt", "dit", "dice", "score:")
#: What a time of `thread_headers.HEADER_HINT` holds after its first digit (the hint's ``h`` matches
#: either case); without the leading digit the search runs twice as fast.
TIME_HINT = re.compile(r"[:.hH]\d\d")
#: Literal words one of which every counting heading (`regions._COUNTED_HEADING`) holds.
HEADING_WORDS = ("comment", "respons", "replies", "thought", "kommentar", "comentario")
#: Characters that `re.IGNORECASE` matches with an ASCII letter but ``str.lower`` does not turn
#: into it (`thread_end.is_stop` screens by lower-cased words too).
UNSCREENABLE = re.compile("[\u0130\u0131\u017f]")


def unscreenable(text: str) -> bool:
    """Whether ``text`` holds a character of `UNSCREENABLE` (three ``in`` tests: a search of the
    character class read every character of the text, as long as lower-casing it)."""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)


class Screen:
    """The lines from ``first`` on of a document, of at most ``longest`` characters, that may
    hold a comment header (`header_lines`) or a counting heading (`heading_lines`); None when
    the text cannot be screened (every line is then a candidate)."""

    def __init__(self, doc: Document, first: int, longest: int) -> None:
        self.first = first
        lines = doc.lines
        #: the document's line number of each line searched (its text stripped is not empty
        #: and at most ``longest`` long: `regions._headed_thread` compares lines stripped), and
        #: those lines, one a line
        self._numbers = [i for i in range(first, len(lines)) if 0 < len(lines[i].strip()) <= longest]
        self._text = "\n".join([lines[i] for i in self._numbers])
        self._low = None if unscreenable(self._text) else self._text.lower()

    def _lines_of(self, offsets: list[int]) -> list[int]:
        """The lines (document line numbers) of the offsets ``offsets`` of the searched text."""
        text, numbers = self._text, self._numbers
        found: list[int] = []
        k, pos = 0, 0
        for off in sorted(offsets):
            k += text.count("\n", pos, off)
            pos = off
            if not found or found[-1] != numbers[k]:
                found.append(numbers[k])
        return found

    def _find_all(self, words: tuple[str, ...]) -> list[int]:
        low = self._low
        assert low is not None
        hits = []
        for w in words:
            i = low.find(w)
            while i >= 0:
                hits.append(i)
                i = low.find(w, i + 1)
        return hits

    def header_lines(self) -> list[int] | None:
        if self._low is None:
            return None
        if not self._low:
            return []
        hits = self._find_all(HEADER_WORDS)
        hits.extend(m.start() for m in TIME_HINT.finditer(self._text))
        return self._lines_of(hits)

    def heading_lines(self) -> list[int] | None:
        if self._low is None:
            return None
        if not self._low:
            return []
        return self._lines_of(self._find_all(HEADING_WORDS))
