"""B010's about box: "About NAME" over one paragraph that presents NAME, under a post.

Blogs and magazines close a post with a box on its writer or on the site: a heading "About
Jane Roe" ("ABOUT ANNIE DOWNS", "About Gadgetwise", "Über Erika Muster", "À propos de Marie
Dupont", "Sobre Ana García") over a paragraph that starts with the name (or its first word) and
says what it is: a writer, an editor, a blog, a magazine ("Jane Roe is a freelance writer in
Austin.", "Gadgetwise is a blog about everything related to buying and using tech products.").
The heading must be a name (capitalised words, or a heading all in capitals), the paragraph
must start with it and name a trade or a publication in its first sentence: a health story's
section "About Lyme Disease" over "Lyme disease is an infection …" is the article's own.
"""

from __future__ import annotations

import functools
import re

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import alternation, any_word, pack_words

#: "About NAME" (one to four words after it): what follows one of the words that start the
#: heading (B010's term list `about-headings`); Markdown heading marks and emphasis around it, a
#: colon after it.
_NAME = r"\s+((?:[^\W\d_][\w.'’&-]*\s+){0,3}[^\W\d_][\w.'’&-]*)[\s*_:]*$"


@functools.lru_cache(maxsize=8)
def _heading(starts: frozenset[str]) -> re.Pattern[str]:
    """The pattern of an about box's heading that starts with one of ``starts`` (the longest
    first, so that the name is what follows the longest)."""
    words = "|".join(re.escape(w) for w in sorted(starts, key=lambda w: (-len(w), w)))
    return re.compile(rf"^[\s#*_]*(?:{words}){_NAME}", re.IGNORECASE)


#: B010's word lists (rules/packs/B010.toml, every language at once: `pack_words`): the
#: `name-links`, small words a name may hold in its middle ("Society of Authors", "Hacker
#: News"; "&" too, a shape); the `presenting-verbs` that present the name ("Jane Roe is …",
#: "Matthew is PCMag's UK-based editor"); the `trades-and-publications`, one of which the
#: paragraph's first sentence names.
_RULE = "post-navigation"


@functools.lru_cache(maxsize=8)
def _name_links(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words) | {"&"}


@functools.lru_cache(maxsize=8)
def _presents(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``verbs`` between blanks, in any case (compiled once a list)."""
    return re.compile(rf"\s+{alternation(verbs)}\s", re.IGNORECASE)


_FIRST_SENTENCE = re.compile(r"^.*?[.!?](?:\s|$)")
_MAX_BIO = 700


def warm_about_box(settings: Settings) -> None:
    """Compile the about box's patterns now (a check run's warm-up, `Engine.warm`)."""
    _name_links(pack_words(settings, _RULE, "name-links"))
    _presents(pack_words(settings, _RULE, "presenting-verbs"))
    any_word(pack_words(settings, _RULE, "trades-and-publications"))


def _is_name(words: list[str], heading: str, links: frozenset[str]) -> bool:
    """Capitalised words (small linking words, ``links``, between them), or a heading all in
    capitals."""
    if heading.isupper():
        return True
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in links for w in words)


def about_bio(
    doc: Document, i: int, reported: set[int], starts: frozenset[str], settings: Settings
) -> int | None:
    """The line of the paragraph that presents NAME under line ``i`` when line ``i`` is an
    "About NAME" heading (B010's pack pattern found it; it starts with one of ``starts``), else
    None (``settings``: whose packs give the words)."""
    lines = doc.lines
    line = lines[i]
    m = _heading(starts).match(line)
    if m is None or len(line) > 80:
        return None
    words = m[1].split()
    if not _is_name(words, line.strip(" #*_:"), _name_links(pack_words(settings, _RULE, "name-links"))):
        return None
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    if j >= len(lines) or j in reported or not lines[j].strip():
        return None
    bio = lines[j].strip().lstrip("*_ ")
    start = re.match(rf"{re.escape(words[0])}(?:'s|’s)?\b", bio, re.IGNORECASE)
    if start is None or len(bio) > _MAX_BIO:
        return None
    first = _FIRST_SENTENCE.match(bio)
    sentence = first[0] if first else bio
    presents = _presents(pack_words(settings, _RULE, "presenting-verbs"))
    what = any_word(pack_words(settings, _RULE, "trades-and-publications"))
    return j if presents.search(sentence) and what.search(sentence) else None
