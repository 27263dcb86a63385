"""What the language tests of the phrase packs (`test_packs_intl_*.py`) read a page with: its
text from (line, rule) pairs, and the findings of a run as (code, the line a finding starts on)."""

from __future__ import annotations

from typing import Any

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


def reported(lines: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """(code, line) of each of ``lines`` that names the rule reporting it, in their order: what
    `findings` of the page should answer."""
    return [(code, line) for line, code in lines if code]


def with_sentences(page: Any) -> Any:
    """``page`` (a test's `NamedTuple` with ``paragraphs`` and ``sentences``) with its prose
    sentences, which open with the same words as its chrome, set after its first paragraph."""
    paragraphs = (page.paragraphs[0], *page.sentences, *page.paragraphs[1:])
    return page._replace(paragraphs=paragraphs)
