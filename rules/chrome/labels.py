"""B007-B010: empty bylines, paywall prompts, advertisement labels and post navigation.

Phrase rules (``rules/packs/<CODE>.toml``); the code adds bylines whose name sits on
the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import (
    PhraseRule,
    phrase_rule,
)
from lintnews.registry import Violation, register

_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|von|van|der|de|da|del|la|le|di|du|bin|al|y|und|and|et|&|,)$")


def _looks_like_name(line: str) -> bool:
    """A short line of capitalised words: the author name that belongs to a byline above it."""
    tokens = line.strip().replace(",", " , ").split()
    if not 1 <= len(tokens) <= 6 or len(line.strip()) > 60:
        return False
    return all(_NAME_WORD.match(t) for t in tokens) and any(t[:1].isupper() for t in tokens)


@register
@phrase_rule("B007")
class EmptyByline(PhraseRule):
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lines = doc.lines
        for v in super().check(doc, settings):
            # (read on from the line, not from a copy of the rest of the lines: once per byline,
            # that copy made a text of many bylines quadratic)
            nxt = next((lines[k] for k in range(v.line + 1, len(lines)) if lines[k].strip()), "")
            if nxt and _looks_like_name(nxt):
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

