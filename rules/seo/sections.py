"""S004: SEO template section headings."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import match_lines, phrase_rule
from lintnews.registry import Rule, Violation, register


@register
@phrase_rule("S004")
class SeoSection(Rule):
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for i, entry in match_lines(doc, settings, self.name):
            yield self.line_violation(doc, i, entry.message or "SEO section heading", severity=entry.severity)
