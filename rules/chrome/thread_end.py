"""Where a comment thread stops (`regions.py`).

A thread found from its headers runs from its heading (or first header) through every header
that follows and the last comment's body, and stops before the first line that is not a
comment's: the comment form or the thread's closing note ("Leave a Reply", "Post a Comment",
"Name (required)", "Your email address will not be published", "The comments to this entry are
closed", "Subscribe to followup comments via RSS"), the post navigation ("« Previous Post",
"Older Post"), a footer ("© 2012 …", "All rights reserved"), and, once no header follows within
`MAX_GAP` lines, a heading of the page's sidebar (a Markdown heading, html2text's rendering of
"Recent Posts") or a run of short bulleted lines (a menu). Between two headers a Markdown heading
or bullets are a comment's title or tools ("##### LOL", "* Recommend? (3)"). A thread found from
a heading that counts it, with no header, stops at the same lines, except for the form that may
stand between the heading and the first comment ("Leave a Reply", "You must be logged in to post
a comment")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lintnews.document import Document

from .thread_screen import UNSCREENABLE

#: Most lines one comment (body and reply tools) spans between its header and the next: the
#: most between two headers of one thread (`regions.py` reads it too).
MAX_GAP = 40
#: Bulleted lines in a row that make a menu or a list of links, not a comment.
MENU_BULLETS = 3
#: Bulleted lines longer than this are a comment's list, not a menu's entries.
_MENU_ITEM = 80

#: Lines that close a thread or stand after it: the comment form, the note that comments are
#: closed, the thread's feeds and trackback address, the post navigation, a footer. These forms
#: start at the line's first word (`re.match`) ...
_STOP_START = re.compile(
    r"""^\W*(?:leave|post|add|write|submit|have)\s+(?:a|your|new)\s+(?:reply|comment|response|say)s?\b.{0,40}$
      | ^\W*(?:name|e-?mail|mail|website|url)\b.{0,30}(?:\(required\)|\(will\s+not\s+be\s+published\)|\*\s*$|required)
      | ^\W*subscribe\s+to(?::|\s+(?:followup\s+)?comments)
      | ^\W*(?:cancel\s+reply|click\s+here\s+to\s+cancel\s+reply)\W*$
      | ^\W*(?:«|‹|<|<<)?\s*(?:previous|next|older|newer)\s+(?:post|entry|article|story|page)s?\b
      | ^(?:©|copyright\s*(?:©|\(c\))?\s*\d{4}|\(c\)\s*\d{4})""",
    re.IGNORECASE | re.VERBOSE,
)
#: ... these anywhere in it (`re.search`), and only on a line holding one of `_STOP_WORDS`: a
#: search of all of them cost ~40 µs on a long comment line, a third of the thread search.
_STOP_ANYWHERE = re.compile(
    r"""will\s+not\s+be\s+published | required\s+fields\s+are\s+marked | notify\s+me\s+of\s+(?:follow-?up|new)
      | you\s+must\s+be\s+(?:logged|signed)\s+in | comments\s+(?:to\s+this\s+entry\s+)?are\s+closed
      | post\s+comments\s+\(atom\)|trackback\s+url | \ball\s+rights\s+reserved\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: A word each form of `_STOP_ANYWHERE` holds (lower case).
_STOP_WORDS = ("published", "marked", "notify", "must", "closed", "(atom)", "trackback", "reserved")
#: A Markdown heading (html2text's rendering of <h1>-<h6>).
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
#: html2text's bullet for an item of <ul> (indented; a reader who types a list starts the line
#: with "-" or "*").
_BULLET = re.compile(r"^ {2,}\* +\S")
#: Lines (not blank) below a thread's heading that its form may take before the first comment.
_FORM_REACH = 6


#: HTML block tags of a heading; landmark kinds that are the page's, never a comment's.
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_CHROME_KINDS = frozenset(("navigation", "footer", "aside", "related", "share"))


@dataclass(frozen=True)
class Markup:
    """What an HTML page's markup says of its lines where the text says less: a heading is an
    ``<h1>``-``<h6>`` (html2text's "##"), a list item an ``<li>`` (its "  * "), and a line inside a
    ``<nav>``, ``<footer>``, ``<aside>`` or an element named for related content or share tools
    is the page's; a line outside the element marked comments that holds the last header has
    left the thread. Inside an element marked comments, a heading or a list is a comment's."""

    tags: list[str | None]
    landmark: tuple[str | None, ...]

    def heading(self, i: int) -> bool:
        return i < len(self.tags) and self.tags[i] in _HEADING_TAGS and self.kind(i) != "comments"

    def item(self, i: int) -> bool:
        return i < len(self.tags) and self.tags[i] == "li" and self.kind(i) != "comments"

    def kind(self, i: int) -> str | None:
        return self.landmark[i] if i < len(self.landmark) else None


def markup_of(doc: Document) -> Markup | None:
    """The markup `thread_end` reads (None for text and Markdown: html2text's marks are read
    from the text)."""
    if doc.line_tags is None:
        return None
    marks = doc.markup_marks
    return Markup(doc.line_tags, marks.landmark if marks is not None else ())


def is_stop(line: str, reply: re.Pattern[str] | None = None) -> bool:
    """A line after which no comment of the thread is read (see the module docstring); ``reply``:
    the heading of the reply form in every language of B011's `reply-headings` ("Lascia un
    commento", "Добавить комментарий", "コメントを残す"; `HeaderPatterns.reply`)."""
    text = line.strip()
    if _STOP_START.match(text) is not None or (reply is not None and reply.match(text) is not None):
        return True
    low = text.lower()
    # (an ASCII text holds none of the characters `UNSCREENABLE` stands for, and `isascii` is
    # read from the string's header: the search over a whole comment line is spared)
    if not any(w in low for w in _STOP_WORDS) and (text.isascii() or UNSCREENABLE.search(text) is None):
        return False
    return _STOP_ANYWHERE.search(text) is not None


def thread_end(
    lines: list[str],
    last: int,
    later: Iterable[int],
    headed: bool = False,
    markup: Markup | None = None,
    reply: re.Pattern[str] | None = None,
) -> tuple[int, bool]:
    """The last line of a thread whose last header so far is line ``last``, and whether a line
    that closes a thread (its form, its closing note) was seen; ``later``: the header lines
    after ``last`` (ascending); ``headed``: a thread found from its heading alone (``last``);
    ``markup``: an HTML page's (`markup_of`); ``reply``: the reply form's heading in every
    language (`is_stop`)."""
    pending = iter(later)
    nxt = next(pending, None)
    end = last
    bullets = 0  # bulleted lines in a row (blank lines between them do not break the row)
    bullets_from = -1
    # a thread found from its heading may have its form between the heading and the first
    # comment ("Leave a Reply", "You must be logged in to post a comment"): the first lines
    # below the heading may be stop lines
    form_lines = _FORM_REACH if headed else 0
    formed = False
    for i in range(last + 1, len(lines)):
        if i == nxt:
            end = last = i
            nxt = next(pending, None)
            bullets = 0
            continue
        line = lines[i]
        if not line.strip():
            continue
        # between two headers (the next within `MAX_GAP` lines) a heading or a bulleted
        # line is a comment's title or its tools ("##### LOL", "* Recommend? (3)")
        inside = nxt is not None and nxt - i <= MAX_GAP
        if not inside and (MD_HEADING.match(line) or (markup is not None and _left(markup, last, i))):
            return end, formed
        stop = is_stop(line, reply)
        if form_lines > 0:
            form_lines -= 1
            if stop:
                formed = True
                continue
        if stop:
            return end, True
        bullet = (
            not inside
            and len(line) <= _MENU_ITEM
            and (_BULLET.match(line) is not None or (markup is not None and markup.item(i)))
        )
        if bullet:
            if bullets == 0:
                bullets_from = end
            bullets += 1
            if bullets >= MENU_BULLETS:
                return bullets_from, formed
        else:
            bullets = 0
        end = i
    return end, formed


def _left(markup: Markup, last: int, i: int) -> bool:
    """Whether line ``i``, after the thread's last header (line ``last``), is the page's by its
    markup: a heading, a line in a landmark of the page's chrome, or one outside the element
    marked comments that holds the last header."""
    if markup.heading(i):
        return True
    kind = markup.kind(i)
    return kind in _CHROME_KINDS or (markup.kind(last) == "comments" and kind != "comments")
