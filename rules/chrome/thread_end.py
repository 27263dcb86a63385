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


def is_stop(line: str) -> bool:
    """A line after which no comment of the thread is read (see the module docstring)."""
    text = line.strip()
    if _STOP_START.match(text) is not None:
        return True
    low = text.lower()
    if not any(w in low for w in _STOP_WORDS) and UNSCREENABLE.search(text) is None:
        return False
    return _STOP_ANYWHERE.search(text) is not None


def thread_end(lines: list[str], last: int, later: Iterable[int], headed: bool = False) -> tuple[int, bool]:
    """The last line of a thread whose last header so far is line ``last``, and whether a line
    that closes a thread (its form, its closing note) was seen; ``later``: the header lines
    after ``last`` (ascending); ``headed``: a thread found from its heading alone (``last``)."""
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
        if not inside and MD_HEADING.match(line):
            return end, formed
        stop = is_stop(line)
        if form_lines > 0:
            form_lines -= 1
            if stop:
                formed = True
                continue
        if stop:
            return end, True
        bullet = not inside and len(line) <= _MENU_ITEM and _BULLET.match(line) is not None
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
