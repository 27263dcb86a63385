"""B007-B010: empty bylines, paywall prompts, advertisement labels and post navigation.

Phrase rules (``rules/packs/<CODE>.toml``); the code adds bylines whose name sits on
the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.language import STOPWORDS
from lintnews.packs import (
    PhraseRule,
    phrase_rule,
)
from lintnews.registry import Violation, register

_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|von|van|der|de|da|del|la|le|di|du|bin|al|y|und|and|et|&|,)$"
)


def _looks_like_name(line: str) -> bool:
    """A short line of capitalised words: the author name that belongs to a byline above it."""
    tokens = line.strip().replace(",", " , ").split()
    if not 1 <= len(tokens) <= 6 or len(line.strip()) > 60:
        return False
    return all(_NAME_WORD.match(t) for t in tokens) and any(t[:1].isupper() for t in tokens)


#: An author's bio under an "Author:" label: two to four capitalised words, the name, then a
#: comma or a verb ("Maria Elena Duron, is managing editor …", "Pete Leibman is the Founder …").
_BIO = re.compile(
    r"^\s*[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|von|van|der|de|da|del|la|le|di|du)){1,3}"
    r"(?:\s*,|\s+(?:is|was|has|had|writes|wrote|covers|lives|works|teaches|leads|runs|ist|war|est|es)\b)"
)


_EMPHASIS = re.compile(r"[*_]+")


def _names_author(line: str) -> bool:
    """The line below a byline gives the author: a short name, or a bio that starts with one."""
    if _looks_like_name(line):
        return True
    line = _EMPHASIS.sub("", line)  # "_**Maria Duron**, is …" in Markdown
    # ("The President is expected …" is a sentence, not a bio: a name starts with no stopword)
    first = line.split(None, 1)[0].casefold() if line.strip() else ""
    return bool(_BIO.match(line)) and not any(first in words for words in STOPWORDS.values())


@register
@phrase_rule("B007")
class EmptyByline(PhraseRule):
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lines = doc.lines
        for v in super().check(doc, settings):
            # (read on from the line, not from a copy of the rest of the lines: once per byline,
            # that copy made a text of many bylines quadratic)
            nxt = next((lines[k] for k in range(v.line + 1, len(lines)) if lines[k].strip()), "")
            if nxt and _names_author(nxt):
                continue
            yield v


@register
@phrase_rule("B008")
class PaywallPrompt(PhraseRule):
    pass


@register
@phrase_rule("B009")
class AdvertisementLabel(PhraseRule):
    pass


@register
@phrase_rule("B010")
class PostNavigation(PhraseRule):
    pass
