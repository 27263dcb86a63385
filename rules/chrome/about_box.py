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

from lintnews.document import Document

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


#: Small words a name may hold in its middle ("Society of Authors", "Hacker News").
_NAME_LINKS = frozenset({"of", "the", "and", "de", "la", "le", "von", "van", "der", "du", "di", "y", "&"})
#: The verb that presents the name ("Jane Roe is …", "Matthew is PCMag's UK-based editor").
_PRESENTS = re.compile(r"\s+(?:is|was|has been|ist|war|est|es|fue)\s", re.IGNORECASE)
#: A trade or a publication in the paragraph's first sentence.
_WHAT = re.compile(
    r"\b(?:writer|reporter|journalist|editor|contributor|correspondent|columnist|commentator|blogger|"
    r"author|freelance|freelancer|founder|co-founder|ceo|photographer|broadcaster|podcaster|"
    r"blog|website|web site|magazine|publication|newsletter|source for news|news site|news and reviews|"
    r"autor(?:in)?|journalist(?:in)?|redakteur(?:in)?|korrespondent(?:in)?|bloggerin|gründer(?:in)?|"
    r"journaliste|rédact(?:eur|rice)|chroniqueu(?:r|se)|fondat(?:eur|rice)|"
    r"periodista|redactor(?:a)?|escritor(?:a)?|fundador(?:a)?|revista)\b",
    re.IGNORECASE,
)
_FIRST_SENTENCE = re.compile(r"^.*?[.!?](?:\s|$)")
_MAX_BIO = 700


def _is_name(words: list[str], heading: str) -> bool:
    """Capitalised words (small linking words between them), or a heading all in capitals."""
    if heading.isupper():
        return True
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words)


def about_bio(doc: Document, i: int, reported: set[int], starts: frozenset[str]) -> int | None:
    """The line of the paragraph that presents NAME under line ``i`` when line ``i`` is an
    "About NAME" heading (B010's pack pattern found it; it starts with one of ``starts``), else
    None."""
    lines = doc.lines
    line = lines[i]
    m = _heading(starts).match(line)
    if m is None or len(line) > 80:
        return None
    words = m[1].split()
    if not _is_name(words, line.strip(" #*_:")):
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
    return j if _PRESENTS.search(sentence) and _WHAT.search(sentence) else None
