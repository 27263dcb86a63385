"""B005's author box: the writer's bio right above the prompt to follow the writer.

Magazines close an article with a box: a line of bio ("Jane Roe is a writer based in Austin,
where she covers Latin America.") over "Follow @janeroe on Twitter.". The follow prompt is a
pack phrase; the bio is judged here, by its place and its shape: a name (capitalised words), a
verb of the bio and a word of the trade, one to three sentences.
"""

from __future__ import annotations

import re

from lintnews.document import Document

#: The follow prompts whose line the bio may stand over (their line key's start).
_FOLLOW = re.compile(r"(?:follow|folgen sie|folge|suivez|suis|sigue|síguenos|siga)\b")
#: A name of one to four capitalised words, then a verb of a bio.
_BIO_START = re.compile(
    r"(?:[A-ZÀ-Þ][\w.'’-]*\s){0,3}[A-ZÀ-Þ][\w.'’-]*,?\s"
    r"(?:is|was|has been|reports|writes|covers|blogs|ist|war|schreibt|berichtet|est|écrit|es|escribe)\b"
)
#: A word of the trade somewhere in the bio.
_TRADE = re.compile(
    r"\b(?:writer|reporter|journalist|editor|contributor|correspondent|columnist|blogger|author|"
    r"freelance|freelancer|reports from|redakteur(?:in)?|autor(?:in)?|journalist(?:in)?|"
    r"korrespondent(?:in)?|kolumnist(?:in)?|reporter(?:in)?|journaliste|rédact(?:eur|rice)|"
    r"correspondant(?:e)?|chroniqueu(?:r|se)|periodista|redactor(?:a)?|corresponsal|columnista)\b",
    re.IGNORECASE,
)
_MAX_CHARS = 320
_MAX_SENTENCES = 3


def author_bio_lines(doc: Document, keys: list[str], reported: set[int]) -> list[int]:
    """The lines of bio right above a reported follow prompt (at most one blank line between)."""
    found = []
    for i in sorted(reported):
        if not _FOLLOW.match(keys[i]):
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
            and _BIO_START.match(text)
            and _TRADE.search(text)
        ):
            found.append(j)
    return found
