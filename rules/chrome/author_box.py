"""B005's author box: the writer's bio right above the prompt to follow the writer.

Magazines close an article with a box: a line of bio ("Jane Roe is a writer based in Austin,
where she covers Latin America.") over "Follow @janeroe on Twitter.". The follow prompt is a
pack phrase; the bio is judged here, by its place and its shape: a name (capitalised words), a
verb of the bio and a word of the trade, one to three sentences.
"""

from __future__ import annotations

import functools
import re

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import alternation, any_word, pack_words

#: B005's word lists (rules/packs/B005.toml, every language at once: `pack_words`):
#: `follow-starts` open the follow prompts whose line the bio may stand over (their line key's
#: start); `bio-verbs` follow the name the bio opens with; `trade-words` name the trade.
_RULE = "social-share"


@functools.lru_cache(maxsize=8)
def _follow(starts: tuple[str, ...]) -> re.Pattern[str]:
    """A line key starting with one of ``starts`` as a word (compiled once a list)."""
    return re.compile(rf"{alternation(starts)}\b")


@functools.lru_cache(maxsize=8)
def _bio_start(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A name of one to four capitalised words, then one of ``verbs`` (lower case, as written)."""
    return re.compile(rf"(?:[A-ZÀ-Þ][\w.'’-]*\s){{0,3}}[A-ZÀ-Þ][\w.'’-]*,?\s{alternation(verbs)}\b")


def warm_author_box(settings: Settings) -> None:
    """Compile the author box's patterns now (a check run's warm-up, before its workers fork:
    `lintnews.engine.Engine.warm`, whose patterns come from a kept file)."""
    _follow(pack_words(settings, _RULE, "follow-starts"))
    _bio_start(pack_words(settings, _RULE, "bio-verbs"))
    any_word(pack_words(settings, _RULE, "trade-words"))


_MAX_CHARS = 320
_MAX_SENTENCES = 3


def author_bio_lines(doc: Document, keys: list[str], reported: set[int], settings: Settings) -> list[int]:
    """The lines of bio right above a reported follow prompt (at most one blank line between;
    ``settings``: whose packs give the words)."""
    found: list[int] = []
    if not reported:
        return found
    follow = _follow(pack_words(settings, _RULE, "follow-starts"))
    bio_start = _bio_start(pack_words(settings, _RULE, "bio-verbs"))
    trade = any_word(pack_words(settings, _RULE, "trade-words"))
    for i in sorted(reported):
        if not follow.match(keys[i]):
            continue
        j = i - 1
        while j >= 0 and j >= i - 2 and not doc.lines[j].strip():
            j -= 1
        if j < 0 or j in reported or not doc.lines[j].strip():
            continue
        text = doc.lines[j].strip()
        sentences = len(re.findall(r"[.!?](?:\s|$)", text))
        if (
            len(text) <= _MAX_CHARS
            and sentences <= _MAX_SENTENCES
            and bio_start.match(text)
            and trade.search(text)
        ):
            found.append(j)
    return found
