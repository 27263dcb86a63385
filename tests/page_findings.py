"""What the language tests of the phrase packs (`test_packs_intl_*.py`) read a page with: its
text from (line, rule) pairs, and the findings of a run as (code, the line a finding starts on)."""

from __future__ import annotations

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter


def text_of(lines: list[tuple[str, str | None]]) -> str:
    """The page's lines, a blank line between two, as an extractor keeps paragraphs."""
    return "\n\n".join(line for line, _ in lines) + "\n"


def findings(text: str, settings: Settings | None = None) -> list[tuple[str, str]]:
    """Every finding of ``settings``' rules (the default ones when none) as (code, the line it
    starts on)."""
    diags = Linter(settings or Settings()).lint(Document("page.txt", text)).diagnostics
    lines = text.split("\n")
    return [(d.code, lines[d.line - 1]) for d in diags]
