"""D: text duplicated within one document."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Block, Document
from lintnews.registry import RelatedLocation, Rule, Severity, Violation, register
from lintnews.textnorm import normalize


def _first_copies(doc: Document, blocks: list[Block]) -> Iterator[tuple[Block, Block]]:
    """(repeat, first copy) pairs among ``blocks``, comparing normalised text."""
    seen: dict[str, Block] = {}
    for block in blocks:
        key = normalize(block.text)
        if not key:
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = block
        else:
            yield block, first


@register
class DuplicateParagraph(Rule):
    """## What it does
    Checks for a paragraph that repeats an earlier paragraph of the same document. Whitespace,
    case, punctuation and quote style are ignored when comparing.

    ## Why is this bad?
    Scrapers that follow pagination, merge an AMP and a canonical page, or retry a failed fetch
    paste whole paragraphs twice. Readers see the repeat; models trained on the text learn it.

    ## Example
    ```text
    Talks resumed in Geneva on Monday after a two-week pause.
    Both delegations said they expected a long week.
    Talks resumed in Geneva on Monday after a two-week pause.
    ```

    Use instead:
    ```text
    Talks resumed in Geneva on Monday after a two-week pause.
    Both delegations said they expected a long week.
    ```

    ## Fix
    Removes the repeated paragraph (safe: the first copy stays).

    ## Options
    `[rule-options.D001] min-words` (default 6): shorter paragraphs are left to the chrome rules.
    """

    code = "D001"
    name = "duplicate-paragraph"
    severity = Severity.ERROR
    summary = "Paragraph repeats an earlier paragraph of the document"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        min_words = int(settings.option(self, "min-words", 6))
        blocks = [
            b for b in doc.blocks
            if b.kind not in ("code", "heading") and not b.heading_like and len(b.words) >= min_words
        ]
        for block, first in _first_copies(doc, blocks):
            yield self.line_violation(
                doc,
                block.start,
                f"Paragraph repeats line {doc.to_source(first.start, 0).line}",
                end_line=block.end,
                fix=self.remove_lines_fix(doc, block.start, block.end, "Remove the repeated paragraph"),
                related=[RelatedLocation(first.start, 0)],
            )


@register
class DuplicateHeading(Rule):
    """## What it does
    Checks for a title or heading that repeats an earlier one, ignoring case and punctuation.

    ## Why is this bad?
    Extractors often emit the page title (from `<title>` or `og:title`) and then the article's
    `<h1>`, or a template repeats the headline above a second copy of the story. The repeat is
    noise, and it often marks the start of a duplicated block.

    ## Example
    ```text
    Trump-Putin Summit: A Cold Exchange of Promises
    ...
    Trump-Putin summit: a cold exchange of promises
    ```

    ## Fix
    Removes the repeated heading line (safe).
    """

    code = "D002"
    name = "duplicate-heading"
    severity = Severity.ERROR
    summary = "Title or heading repeats an earlier one"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        min_words = int(settings.option(self, "min-words", 3))
        blocks = [b for b in doc.blocks if b.heading_like and len(b.words) >= min_words]
        for block, first in _first_copies(doc, blocks):
            yield self.line_violation(
                doc,
                block.start,
                f"Heading repeats line {doc.to_source(first.start, 0).line}",
                end_line=block.end,
                fix=self.remove_lines_fix(doc, block.start, block.end, "Remove the repeated heading"),
                related=[RelatedLocation(first.start, 0)],
            )
