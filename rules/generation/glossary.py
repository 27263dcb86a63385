"""G002: a generated appendix of biographies after the article."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import match_lines, phrase_rule
from lintnews.registry import Rule, Violation, register


@register
@phrase_rule("G002")
class AppendedGlossary(Rule):
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
            yield self.removable_lines(
                doc,
                start,
                end,
                entry.message or f'Generated appendix "{doc.lines[start].strip()[:60]}" after the article',
                "Remove the appended notes",
                safe=False,
                severity=entry.severity,
            )


# --------------------------------------------------------------------------------------------
# G003 prompt-leak

#: Words and phrases that open a direct question, per language. A grammatical class (like the
#: open endings in `lintnews.language`), used to judge a line's shape, not matched as phrases.
