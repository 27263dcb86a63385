"""How long a line is to a reader. A Markdown document's rules read its links as their words,
with the brackets and the address blanked by spaces in place (`lintnews.sources.documents`), so
``len(line)`` of ``[Home](http://example.com/) > [News](/news)`` counts the blanks where the
address was. Rules that judge a line by its length (a comment header is short, a breadcrumb
trail is under 400 characters, a menu item under 60) ask `seen_length` instead: the line's
length less the characters a reader does not see; rules that judge lines of a list as they are
(a thread's heading, a menu's items) read `SEEN_LINES`, the lines without those characters.
Any other document's lines are as written.
"""

from __future__ import annotations

from lintnews.document import Document, View


def _unseen(doc: Document) -> dict[int, int]:
    """Per line of a Markdown document that differs from its written line, how many of its
    characters are blanked markup (a space where the written line holds something else)."""
    source = doc.source
    if source is None or doc.kind != "markdown":
        return {}
    unseen: dict[int, int] = {}
    starts = doc.line_starts
    for i, line in enumerate(doc.lines):
        start = starts[i]
        written = source[start : start + len(line)]
        if written != line:
            unseen[i] = sum(1 for seen, was in zip(line, written) if seen == " " and was != " ")
    return unseen


#: Per line of a Markdown document whose markup was blanked, how many characters a reader does
#: not see (empty for any other document): a rule measuring every line reads it once.
UNSEEN: View[dict[int, int]] = View("seen_width.unseen", _unseen)


def seen_length(doc: Document, line: int) -> int:
    """The length of ``doc``'s line ``line`` as a reader sees it (see the module's docstring)."""
    text = doc.lines[line]
    if doc.source is None or doc.kind != "markdown":
        return len(text)
    return len(text) - UNSEEN.of(doc).get(line, 0)


def _seen_lines(doc: Document) -> list[str]:
    """``doc``'s lines, a Markdown document's without the characters of its blanked markup (the
    spaces `UNSEEN` counts): ``[Home](/) | [News](/news)`` is read as ``Home | News``. Any other
    document's lines are its lines (the same list)."""
    unseen = UNSEEN.of(doc)
    if not unseen:
        return doc.lines
    assert doc.source is not None
    source, starts = doc.source, doc.line_starts
    lines = list(doc.lines)
    for i in unseen:
        line = lines[i]
        written = source[starts[i] : starts[i] + len(line)]
        kept = "".join(seen for seen, was in zip(line, written) if seen != " " or was == " ")
        lines[i] = kept + line[len(written) :]
    return lines


#: `_seen_lines`, once a document: the lines a rule that measures lines of a list reads.
SEEN_LINES: View[list[str]] = View("seen_width.lines", _seen_lines)
