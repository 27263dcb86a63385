"""S003: FAQ blocks whose questions were stripped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.packs import match_lines
from lintnews.registry import Rule, Violation, register

from .related import _next_nonblank

_QUESTION = re.compile(r"\?\s*(?:[\"'”»)]+\s*)?$")  # not \s*[…]*\s*: quadratic on a run of spaces
_ANSWER_MIN_WORDS = 8


@register
class FaqBlock(Rule):
    """## What it does
    Checks for a "Frequently asked questions" heading ("FAQ", "Häufig gestellte Fragen",
    "Questions fréquentes", "Preguntas frecuentes" …) followed by two or more answers whose
    questions were stripped: paragraphs of running text with no question line among them.

    A FAQ with its questions in place is left alone.

    ## Why is this bad?
    The questions lived in collapsible widgets the scraper skipped. What remains is a string of
    answers ("No, diplomatic efforts have not been effective…") to questions the reader never
    sees, usually repeating the article in worse words.

    ## Example
    ```text
    Frequently asked questions
    No, the ceasefire has not held since it was signed.
    Both sides accuse each other of breaking it within days.
    ```

    ## Fix
    Removes the heading and the answers. Unsafe: the answers may hold something the article does
    not say.

    ## Options
    Headings: `faq-block` entries in `rules/packs/seo-<lang>.toml`.
    """

    code = "S003"
    name = "faq-block"
    reads_packs = True
    severity = Severity.WARNING
    summary = "FAQ block with its questions stripped"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for i, _entry in match_lines(doc, settings, self.name):
            answers: list[int] = []
            j = _next_nonblank(doc, i, 1)
            while j is not None:
                line = doc.lines[j].strip()
                if _QUESTION.search(line) or doc.line_kind(j) == "heading":
                    break
                if len(words(line)) < _ANSWER_MIN_WORDS or not re.search(r"[.!…\"'”»)]$", line):
                    break
                answers.append(j)
                j = _next_nonblank(doc, j, 1)
            if len(answers) < 2:
                continue
            end = answers[-1]
            yield self.line_violation(
                doc,
                i,
                f"FAQ block of {len(answers)} answers without their questions",
                end_line=end,
                fix=self.remove_lines_fix(doc, i, end, "Remove the FAQ block", safe=False),
            )
