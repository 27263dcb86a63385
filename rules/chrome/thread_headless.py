"""Comment threads with no comment header: an extractor that drops every comment's header (the
reader's name, the day) keeps the bodies, and what marks them is left around them.

- A heading that counts the comments ("{ 43 comments… read them below or add one }", "5
  Responses to “…”") over them (`headed_thread`).
- The link under each comment that answers it, alone on its line (WordPress's "Reply":
  "[Reply]", "Antworten", "Répondre", "回复", Blogger's "ReplyDelete"; B011's word list `reply-links`,
  `rules/packs/B011.toml`), in a run of at least three, each within `thread_end.MAX_GAP` lines of
  the next with text between, after the article's second paragraph of prose (`replied_thread`).
  One such link says little (a forum's buttons may end an article). Where the first comment
  starts is not printed: the thread starts at a thread's heading a few lines above the first
  link ("Comments"), else at the first link, leaving the first comment's body to the article
  (its lines and the article's last ones cannot be told apart). B002 reports each link's line as
  a comment widget's text as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import PackSet, alternation
from lintnews.packs.matching import per_pack_set
from lintnews.seen_width import SEEN_LINES

from .thread_end import markup_of, thread_end
from .thread_headings import bylines_count, first_counted_heading, lists_posts
from .thread_pairs import alone_run, heading_above, screen_parts
from .thread_screen import Screen
from .thread_words import THREAD_RULE, HeaderPatterns

#: Lines a thread found from its heading alone must hold (a counter over nothing is no thread).
_MIN_HEADED_LINES = 2
#: How long a reply link's line may be ("- Reply to this comment ↓", with its marks).
_LONGEST_LINK = 40


@dataclass(frozen=True)
class Thread:
    """A comment thread: lines ``start..end``, the header lines in it, and the markup element
    that marked it (HTML input) or None (found from the text)."""

    start: int
    end: int
    headers: tuple[int, ...]
    tag: str | None = None


def headed_thread(doc: Document, screen: Screen, patterns: HeaderPatterns) -> list[Thread]:
    """A thread without headers (an extractor that drops them keeps the bodies): from a
    heading that counts them ("{ 43 comments… read them below or add one }", "5 Responses to
    “…”") to where the page takes over (`thread_end`)."""
    lines, seen = doc.lines, SEEN_LINES.of(doc)  # (seen: headings as a reader sees them)
    candidates = screen.lines()
    lines_from = range(screen.first, len(lines)) if candidates is None else candidates
    i = first_counted_heading(seen, lines_from)
    if i is not None and bylines_count(seen, i):  # the byline's counter over the article
        i = first_counted_heading(seen, (j for j in lines_from if j > i))
    if i is None:
        return []
    # the same count again further down: the first was the post's own line ("4 Comments" by
    # its byline, above the article), the thread is under the last
    heading = lines[i].strip()
    i = max((j for j in lines_from if j > i and lines[j].strip() == heading), default=i)
    end, stopped = thread_end(lines, i, [], headed=True, markup=markup_of(doc), reply=patterns.reply)
    # a counter over nothing is no thread; one closed by its form holds a comment; counters of
    # other posts below it make a listing of posts
    if end - i >= (1 if stopped else _MIN_HEADED_LINES) and not lists_posts(seen, i, end):
        return [Thread(i, end, ())]
    return []


def _links(packs: PackSet) -> tuple[re.Pattern[str], tuple[str, ...] | None] | None:
    """The pattern of a reply link alone on a line, in every language of `reply-links`, and the
    words the screen looks for (`thread_pairs.screen_parts`); None without words."""
    words = packs.word_list(THREAD_RULE, "reply-links")
    if not words:
        return None
    return re.compile(rf"^\W*(?:{alternation(words)})\W*$", re.IGNORECASE), screen_parts(words)


#: `_links` of a configuration's packs.
_links_for = per_pack_set(_links)


def reply_links(lines: list[str], first: int, settings: Settings) -> list[int]:
    """The reply links of a thread with no header from line ``first`` on: the first run of three
    or more, each within `thread_end.MAX_GAP` lines of the next with a line of text between."""
    links = _links_for(settings)
    return [] if links is None else alone_run(lines, first, _LONGEST_LINK, *links)


def replied_thread(doc: Document, first: int, settings: Settings, patterns: HeaderPatterns) -> list[Thread]:
    """The thread of reply links (`reply_links`) from line ``first`` on: from its heading (the
    nearest at most 15 lines above the first link, `thread_pairs.heading_above`) or its first link
    to where the page takes over (`thread_end`, every link a header it reads past)."""
    links = reply_links(doc.lines, first, settings)
    if not links:
        return []
    top = links[0]
    start = heading_above(SEEN_LINES.of(doc), top, patterns, low=first)
    end, _ = thread_end(doc.lines, top, links[1:], markup=markup_of(doc), reply=patterns.reply)
    return [Thread(top if start is None else start, end, ())]
