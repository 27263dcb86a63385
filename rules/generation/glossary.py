"""G002: a generated appendix of biographies after the article."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.packs import match_lines
from lintnews.registry import Rule, Violation, register


@register
class AppendedGlossary(Rule):
    """## What it does
    Checks for a generated appendix of encyclopedic notes after the article: a heading such as
    "About the People Mentioned" or "About the Organizations Mentioned" (and their German,
    French and Spanish counterparts, from the `appended-glossary` entries of the generation
    packs) followed by names and biographies. The diagnostic starts on the heading and spans the
    appendix, up to the next such heading or the end of the document.

    ## Why is this bad?
    Some article generators append background notes on every person and organisation they named.
    The notes are not part of the story, are often out of date or wrong, and mark the text as
    generated.

    ## Example
    ```text
    The talks ended without an agreement.
    About the People Mentioned
    Jane Doe
    Jane Doe, born 1961 in Leeds, is a British diplomat who ...
    ```

    ## Fix
    Removes the appendix (unsafe: check first that the article itself ended before it).
    """

    code = "G002"
    name = "appended-glossary"
    reads_packs = True
    severity = Severity.WARNING
    summary = "Generated appendix of biographies after the article"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        headings = [(i, entry) for i, entry in match_lines(doc, settings, self.name)]
        starts = [i for i, _ in headings]
        for n, (start, entry) in enumerate(headings):
            limit = starts[n + 1] - 1 if n + 1 < len(starts) else len(doc.lines) - 1
            end = limit
            while end > start and not doc.lines[end].strip():
                end -= 1
            if end == start:
                continue  # a heading with nothing after it is not an appendix
            yield self.line_violation(
                doc,
                start,
                entry.message or f'Generated appendix "{doc.lines[start].strip()[:60]}" after the article',
                end_line=end,
                fix=self.remove_lines_fix(doc, start, end, "Remove the appended notes", safe=False),
                severity=entry.severity,
            )


# --------------------------------------------------------------------------------------------
# G003 prompt-leak

#: Words and phrases that open a direct question, per language. A grammatical class (like the
#: open endings in `lintnews.language`), used to judge a line's shape, not matched as phrases.
