"""B002's recent-comments box: the items a sidebar lists under its heading.

A blog's sidebar lists the latest comments of the whole site under "Recent Comments" (WordPress's
widget, Blogger's, Drupal's): each item names a reader and the post commented on ("Sona on
Windows Live Messenger Mobile", "Corinne commented on …", "Erwin bei …", "Marie dans …") or
shows the comment's first words cut off ("Hey! That's my image there! Thanks!...", then
"Carrie"). The pack names the heading (and its term list `recent-comments-headings`, in
``rules/packs/B002.toml``, says which reported lines head the box); the items are judged here, by
their place under it and their shape, so that a list of another kind after the heading (the page's
next widget) is left alone.
"""

from __future__ import annotations

import functools
import re

from lintnews.document import Document
from lintnews.packs import alternation, line_keys


@functools.lru_cache(maxsize=8)
def _named(links: tuple[str, ...]) -> re.Pattern[str]:
    """An item naming the reader and the post: "NAME on TITLE", "NAME commented on TITLE",
    "NAME bei TITLE", "NAME dans TITLE", "NAME en TITLE", one of ``links`` (B002's word list
    `item-links`, every language at once) between the two; compiled once a list. The name is
    one to five words with no sentence mark; the post's title follows."""
    return re.compile(
        rf"^((?:[^.!?:;]|(?<=\b\w)\.){{1,40}}?)\s+{alternation(links)}\s+\S.{{0,200}}$", re.IGNORECASE
    )


#: An item showing the comment's first words, cut off ("That word has a LOT of meaning here
#: in New...") and maybe by and on whom ("...by NAME on TITLE").
_CUT = re.compile(r"(?:\.\.\.|…)")
#: Drupal's mark on the name of a reader who has no account, at the item's end.
_UNVERIFIED = "(not verified)"
#: A reader's name on its own line under a cut item (one to four words, no sentence mark).
_NAME_LINE = re.compile(r"^[^\s.!?:;,]{1,30}(?:\s+[^\s.!?:;,]{1,30}){0,3}$")
#: Bullets and blanks around an item.
_BULLET = re.compile(r"^[\s*+\-•»·]+")
#: How many blank lines may separate two items; how many items a box lists at most.
_MAX_GAP = 2
_MAX_ITEMS = 20


def warm_recent_comments(links: tuple[str, ...]) -> None:
    """Compile the items' pattern of ``links`` now (a check run's warm-up, `Engine.warm`)."""
    _named(links)


def _item(text: str, after_cut: bool, named_item: re.Pattern[str]) -> bool:
    words = text.split()
    if not words or len(words) > 40 or text.startswith("#"):  # the next widget's heading
        return False
    named = named_item.match(text)
    if named and len(named[1].split()) <= 5:
        return True
    if _CUT.search(text) or text.endswith(_UNVERIFIED):
        return True
    return after_cut and _NAME_LINE.match(text) is not None


def recent_comment_lines(
    doc: Document, reported: set[int], headings: frozenset[str], links: tuple[str, ...]
) -> list[int]:
    """The item lines under a reported "Recent Comments" heading (a line whose key is one of
    ``headings``, B002's term list `recent-comments-headings`): each one right under the
    heading or under another item (at most ``_MAX_GAP`` blank lines between), in order; none
    unless the box lists two items at least. ``links``: B002's word list `item-links`."""
    keys = line_keys(doc)
    lines = doc.lines
    found: list[int] = []
    starts = sorted(i for i in reported if keys[i] in headings)
    if not starts:
        return found
    named_item = _named(links)
    for start in starts:
        items: list[int] = []
        i, after_cut = start, False
        while len(items) < _MAX_ITEMS:
            j = i + 1
            while j < len(lines) and j - i <= _MAX_GAP + 1 and not _BULLET.sub("", lines[j]).strip():
                j += 1  # a blank line, or a bullet left without its item
            if j >= len(lines) or j - i > _MAX_GAP + 1 or j in reported:
                break
            text = _BULLET.sub("", lines[j]).strip()
            if not _item(text, after_cut, named_item):
                break
            after_cut = _CUT.search(text) is not None
            items.append(j)
            i = j
        if len(items) >= 2:
            found.extend(items)
    return sorted(set(found))
