"""S001: related-content prompts and SEO stock lines.

A phrase rule: its metadata, docs and phrases live in ``rules/packs/S001.toml``.
"""

from __future__ import annotations

from lintnews.packs import PhraseRule, phrase_rule
from lintnews.registry import register


@register
@phrase_rule("S001")
class SeoFiller(PhraseRule):
    pass


# --- off-topic related links ------------------------------------------------------------------

#: Function words that carry no topic, on top of the stop-word profiles of `lintnews.language`
#: (question words and auxiliaries are frequent in headlines).
