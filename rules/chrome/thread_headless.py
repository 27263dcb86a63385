"""Comment threads with no comment header: an extractor that drops every comment's header (the
reader's name, the day) keeps the bodies, and what marks them is left around them.

- A heading that counts the comments ("{ 43 comments… read them below or add one }", "5
  Responses to “…”") over them (`headed_thread`).
- The link under each comment that answers it, alone on its line (WordPress's "Reply":
  "[Reply]", "Antworten", "Répondre", "回复"; B011's word list `reply-links`,
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
from lintnews.native import short_lines_holding
from lintnews.native_chrome import ODD_FOLDS
from lintnews.packs import PackSet, alternation
from lintnews.packs.matching import per_pack_set
from lintnews.seen_width import SEEN_LINES

from .thread_end import markup_of, thread_end
from .thread_headings import first_counted_heading, is_heading, lists_posts
from .thread_pairs import _HEADING_REACH, _first_run, _text_between
from .thread_screen import Screen
from .thread_words import THREAD_RULE, HeaderPatterns, _screenable

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
    words the screen looks for (None when one cannot be screened for); None without words."""
    words = packs.word_list(THREAD_RULE, "reply-links")
    if not words:
        return None
    pattern = re.compile(rf"^\W*(?:{alternation(words)})\W*$", re.IGNORECASE)
    screened = [_screened_part(w) for w in words]
    return pattern, (tuple(p for p in screened if p) if all(screened) else None)


def _screened_part(word: str) -> str | None:
    """The longest part of ``word`` the screen's kernel can look for: the link's words without a
    character it cannot fold as `re` does (Turkish "yanıtla": "yan", "tla"; a line "YANITLA"
    lower-cased holds "tla"); None when no part is left."""
    parts = [p for w in word.split() for p in _UNSCREENABLE.split(w) if p and _screenable(p)]
    return max(parts, key=len) if parts else None


#: The characters `_screenable` turns a word down for.
_UNSCREENABLE = re.compile(f"[{re.escape(ODD_FOLDS)}\u03c3]")


#: `_links` of a configuration's packs.
_links_for = per_pack_set(_links)


def reply_links(lines: list[str], first: int, settings: Settings) -> list[int]:
    """The reply links of a thread with no header from line ``first`` on: the first run of three
    or more, each within `thread_end.MAX_GAP` lines of the next with a line of text between."""
    links = _links_for(settings)
    if links is None:
        return []
    pattern, words = links
    found = None if words is None else short_lines_holding(lines, max(first, 0), _LONGEST_LINK, words, "")
    if found is None:
        found = [i for i in range(max(first, 0), len(lines)) if len(lines[i].strip()) <= _LONGEST_LINK]
    hits = [i for i in found if pattern.match(lines[i]) is not None]
    return _first_run(hits, lambda above, i: not _text_between(lines, above, i))


def replied_thread(doc: Document, first: int, settings: Settings, patterns: HeaderPatterns) -> list[Thread]:
    """The thread of reply links (`reply_links`) from line ``first`` on: from its heading (the
    nearest at most `thread_pairs._HEADING_REACH` lines above the first link) or its first link
    to where the page takes over (`thread_end`, every link a header it reads past)."""
    links = reply_links(doc.lines, first, settings)
    if not links:
        return []
    seen, top = SEEN_LINES.of(doc), links[0]
    reach = range(top - 1, max(first, top - _HEADING_REACH) - 1, -1)
    start = next((k for k in reach if is_heading(seen, k, patterns)), top)
    end, _ = thread_end(doc.lines, top, links[1:], markup=markup_of(doc), reply=patterns.reply)
    return [Thread(start, end, ())]
