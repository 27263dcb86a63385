"""S004: SEO template section headings."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.packs import match_lines
from lintnews.registry import Rule, Violation, register


@register
class SeoSection(Rule):
    """## What it does
    Checks for section headings that SEO templates and text generators append to news pieces:
    "Benefits of Understanding the Summit's Outcome", "Why Following the Election Matters",
    "Practical Tips for Staying Informed About …", and their German, French and Spanish
    counterparts.

    ## Why is this bad?
    The section that follows is marketing copy ("Informed Decision-Making: Provides context…")
    padded onto the report; it says nothing the article did not.

    ## Example
    ```text
    Benefits of Understanding the Summit's Outcome
    Understanding the nuances of the summit is crucial for several reasons:
    ```

    ## Fix
    No automatic fix: where the section ends is a judgement call. Delete the heading and the
    padding under it by hand.

    ## Options
    Heading patterns: `seo-section` entries in `rules/packs/seo-<lang>.toml`.
    """

    code = "S004"
    name = "seo-section"
    reads_packs = True
    severity = Severity.WARNING
    summary = "SEO template section heading (\"Benefits of Understanding …\")"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for i, entry in match_lines(doc, settings, self.name):
            yield self.line_violation(
                doc, i, entry.message or "SEO section heading", severity=entry.severity
            )
