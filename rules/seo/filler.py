"""S001: related-content prompts and SEO stock lines.

A phrase rule: its metadata, docs and phrases live in ``rules/packs/S001.toml``.
"""

from __future__ import annotations

from lintnews.document import Document
from lintnews.packs import PhraseRule, phrase_rule
from lintnews.registry import register


@register
@phrase_rule("S001")
class SeoFiller(PhraseRule):
    # (The docs are the rule file's.) A label and a title on the document's first line, over its
    # first paragraph of prose, are the article's own title ("Lesetipp: Der Schwarm von Frank
    # Schätzing" over the review), not a teaser of another article: left (`_own_title`).
    def left(self, doc: Document, line: int) -> bool:
        return _own_title(doc, line)


def _own_title(doc: Document, line: int) -> bool:
    """``line`` is a one-line first block, a label then a title ("Lesetipp: …", "Related: …"),
    and the block under it is prose."""
    block = doc.block_at(line)
    if block is None or block.index != 0 or block.start != block.end or len(doc.blocks) < 2:
        return False
    _, colon, title = doc.lines[line].partition(":")
    return bool(colon) and len(title.split()) >= 3 and doc.blocks[1].prose


# --- off-topic related links ------------------------------------------------------------------

#: Function words that carry no topic, on top of the stop-word profiles of `lintnews.language`
#: (question words and auxiliaries are frequent in headlines).
