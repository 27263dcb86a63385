"""What heads a comment thread ("199 Comments", "5 Responses to “…”", "Leave a Reply"), and what
only looks like a heading: a tab of the page's menu ("* Article" / "* Comments") or the counter of
one post in a listing of posts ("156 comments" under each). `regions.py` starts a thread at a
heading (`is_heading`) and finds a thread without headers from a heading that counts it
(`counted_heading`, `lists_posts`).
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from .thread_headers import MAX_HEADER
from .thread_words import HeaderPatterns

#: A heading that counts the comments below it, enough to mark a thread without headers: English,
#: German, French and Spanish only. Not the nouns of session 46's languages nor the Chinese and
#: Japanese counts ("12条评论", "5件のコメント", which `HeaderPatterns.heading` reads since session
#: 47): `lists_posts` tells a listing of posts by its counters' "NUMBER NOUN" (`_COUNT`, a spaced
#: noun), which a count joined to its noun is not, and a listing of Chinese posts each with its
#: "12条评论" would be taken for a thread. The count may be followed by the reply form's link
#: ("126 Comments Add A Comment", "6 Comments Leave a comment": a theme's line over its thread). A
#: single comment is counted in words, WordPress's "One Response to “TITLE”", "Ein Kommentar zu
#: „TITLE“", "One comment Add your comment" (with "to" or "on", only before a title in quotes: "One
#: response to the plan was anger." is a sentence).
_COUNTED_HEADING = re.compile(
    r"""^\W*[1-9]\d*\s+(?:comments?|responses?|replies|thoughts|kommentare?|commentaires?|comentarios?)\b
        (?:\s+(?:to|on|zu|sur|en|a)\s+\W.{0,150}|.{0,20}(?:read\s+them\s+below|add\s+one).{0,30}|\W{0,3}
        |\W{0,3}\s*(?:add|leave|post|write)\s+(?:a|your)\s+(?:comment|reply)\W{0,3})$
      | ^\W*(?:reader\s+)?(?:comments|responses|replies|kommentare|commentaires|comentarios)\s*\(\s*[1-9]\d*\s*\)
        (?:\s*(?:add|leave|post|write)\s+(?:a|your)\s+(?:comment|reply))?\W{0,3}$
      | ^\W*(?:one|ein|un|une|una)\s+(?:comment|response|reply|thought|kommentar|commentaire|comentario)\b
        (?:\s+(?:to|on|zu|sur|en|a)\s+[“"«„‘'].{1,150}[”"»“’']
          |\W{0,3}\s*(?:add|leave|post|write)\s+(?:a|your)\s+(?:comment|reply))?\W{0,3}$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A counting heading's number and its noun's first four letters ("156 comments": 156, "comm";
#: "Comments (156)": "comm", 156).
_COUNT = re.compile(
    r"\W*(?:(\d+|one|ein|un|une|una)\s+(\w{4})|(?:reader\s+)?(\w{4})\w*\s*\(\s*(\d+))", re.IGNORECASE
)


def _count(line: str) -> tuple[str, str] | None:
    """`_COUNT` of ``line``: (number, the noun's first four letters in lower case), or None."""
    found = _COUNT.match(line)
    if found is None:
        return None
    if not found[1]:
        return found[4], found[3].lower()
    return (found[1] if found[1].isdigit() else "1"), found[2].lower()


#: An item of a bulleted list (html2text's "  * ", a "- " or "• " of other extractors).
_BULLET = re.compile(r"^\s*[*+\-•]\s+\S")
#: A heading that names the thread without counting it ("Comments", "Reader comments").
_UNCOUNTED = re.compile(r"^\W*[^\W\d]")


def is_heading(lines: list[str], i: int, patterns: HeaderPatterns) -> bool:
    """Whether line ``i`` heads a comment thread (``patterns.heading``, of B011's words). A word
    that names the comments without a count before it, as an item of a bulleted list beside
    another item, is a tab of the page's menu ("  * Article" / "  * Interactive Graphics" / "  *
    Comments", a news site's tabs above its article) or a comment's tool ("    * Recommend? (1)" / "    * Responses (0)" / "    *
    Report" under each comment of the Guardian's threads), not the thread's heading."""
    line = lines[i]
    if len(line) > MAX_HEADER or patterns.heading.match(line.strip()) is None:
        return False
    return not (
        _BULLET.match(line) and _UNCOUNTED.match(line.strip()) and _beside_an_item(lines, i, patterns.heading)
    )


def _beside_an_item(lines: list[str], i: int, heading: re.Pattern[str]) -> bool:
    """Whether the nearest line above or below line ``i`` that is not blank is another item of a
    bulleted list that heads no thread."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and not lines[k].strip():
            k += step
        if 0 <= k < len(lines) and _BULLET.match(lines[k]) and heading.match(lines[k].strip()) is None:
            return True
    return False


def counted_heading(line: str) -> bool:
    """Whether ``line`` is a heading that counts the comments under it ("{ 43 comments… read them
    below or add one }", "5 Responses to “…”")."""
    return len(line) <= MAX_HEADER and _COUNTED_HEADING.match(line.strip()) is not None


def first_counted_heading(lines: list[str], candidates: Iterable[int]) -> int | None:
    """The first of the ``candidates`` (line indices, ascending) that is a counting heading
    (`counted_heading`), or None (one call a document: the candidates are a few thousand lines
    of the crawl's documents)."""
    match = _COUNTED_HEADING.match
    return next((i for i in candidates if len(lines[i]) <= MAX_HEADER and match(lines[i].strip())), None)


#: A counting heading that is a line of its own and no more ("12 Comments", "Comments (12)", "One
#: comment"): also a post's counter by its byline, where it may stand between the article's first
#: paragraphs.
_BARE_COUNT = re.compile(
    r"^\W*(?:(?:\d+|one|ein|un|une|una)\s+\w+|(?:reader\s+)?\w+\s*\(\s*\d+\s*\))\W{0,3}$", re.IGNORECASE
)


#: How far below a post's one paragraph its thread's heading may stand (a signature, a share
#: row, a label between).
_EARLY_REACH = 16


#: A byline ("by Patrick Wyatt [Design, Social/Online]", "By NAME | March 3, 2012"; de "von", fr
#: "par", es "por").
_BYLINE = re.compile(r"^\W*(?:by|von|par|por)\s+\S", re.IGNORECASE)


def bylines_count(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is a bare count ("1 comments", `_BARE_COUNT`) right under a byline
    (the nearest line above it that is not blank, `_BYLINE`): the post's counter by its byline,
    over the article, not its thread's heading."""
    if _BARE_COUNT.match(lines[i]) is None:
        return False
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and len(lines[k]) <= MAX_HEADER and _BYLINE.match(lines[k]) is not None


def announcing_heading(lines: list[str], start: int, stop: int) -> int | None:
    """The first line from ``start`` to ``stop`` (excluded) that counts the comments under it and
    announces them (a colon, "2 comments:", Blogger's heading under a post; or a title or a
    prompt, "5 Responses to “…”"), or None: what heads a thread under a post of one paragraph,
    whose second block of prose is a comment. A bare "12 Comments" there may be the counter by
    the byline, between the standfirst and the article's body. Only the first `_EARLY_REACH`
    lines are read: a whole page's menus between its first paragraphs cost B011 a tenth more."""
    found = first_counted_heading(lines, range(start, min(stop, start + _EARLY_REACH)))
    if found is None or (_BARE_COUNT.match(lines[found]) and not lines[found].rstrip().endswith(":")):
        return None
    return found


def lists_posts(lines: list[str], heading: int, end: int, only: Container[int] | None = None) -> bool:
    """Whether a counting heading (line ``heading``) and the lines after it up to ``end`` (those
    in ``only``, when given) are a listing of posts, each with its counter ("156 comments", then
    another post's teaser and "292 comments"): a thread holds one count of its comments, and
    another counting heading of the same noun with another number below it counts another post's."""
    first = _count(lines[heading])
    if first is None:
        return False
    for k in range(heading + 1, end + 1):
        if (only is None or k in only) and counted_heading(lines[k]):
            other = _count(lines[k])
            if other is not None and other[1] == first[1] and other[0] != first[0]:
                return True
    return False
