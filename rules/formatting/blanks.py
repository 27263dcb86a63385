"""F004: runs of blank lines, and blank lines at the end of the document."""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

_FENCE = re.compile(r"^\s*(```|~~~)")
#: The end of a line and three blank lines after it (``\s`` is what `str.strip` removes): every
#: run this rule reports inside the text is one of these.
_BLANK_RUN = re.compile(r"\n[^\S\n]*\n[^\S\n]*\n[^\S\n]*\n")


def _fenced_lines(lines: list[str], text: str) -> set[int]:
    """Lines inside Markdown code fences, where blank lines are content (``text``: the lines
    joined, which holds a fence's backticks or tildes when any line does)."""
    inside: set[int] = set()
    if "```" not in text and "~~~" not in text:
        return inside
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if m and (fence is None or m.group(1) == fence):
            fence = m.group(1) if fence is None else None
        elif fence is not None:
            inside.add(i)
    return inside


def _comment_lines(source: str) -> set[int]:
    """0-based lines that hold part of an HTML comment (found as `blank_html_comments` does)."""
    lines: set[int] = set()
    pos = line = 0  # line: the 0-based line of offset pos
    while (start := source.find("<!--", pos)) >= 0 and (end := source.find("-->", start + 4)) >= 0:
        line += source.count("\n", pos, start)
        last = line + source.count("\n", start, end)
        lines.update(range(line, last + 1))
        pos, line = end + 3, last
    return lines


@register
class ExcessBlankLines(Rule):
    """## What it does
    Checks for runs of three or more blank lines, and for blank lines at the end of the document.

    HTML documents are not checked: their blank lines come from the extraction, not the source.
    Neither are blank lines inside Markdown code fences, or at the start of the document.

    ## Why is this bad?
    Removed widgets, ads and related-content boxes leave their line breaks behind. The gaps carry
    no meaning, waste tokens and often mark the place where something was cut out.

    ## Example
    ```text
    The last paragraph of the article.



    ```

    ## Fix
    Collapses each run to one blank line and removes trailing blank lines (safe).
    """

    code = "F004"
    name = "excess-blank-lines"
    severity = Severity.INFO
    summary = "Run of blank lines, or blank lines at the end of the document"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if doc.kind == "html":
            return
        lines = doc.lines
        # The text's final line break leaves an empty last "line" that is not a blank line.
        count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
        # A Markdown HTML comment is blanked out in the text rules see, but its lines are lines
        # of the file that no fix removes (nor edits inside): they are not blank lines.
        commented = _comment_lines(doc.source) if doc.kind == "markdown" and doc.source is not None else set()
        # Nothing to report without a blank last line or three blank lines in a row (a run
        # reported inside the text follows a line and precedes the last content line, so each of
        # its blank lines ends in a line break: `_BLANK_RUN`). Asked before the lines' blankness
        # is listed: most documents end with text and hold no such run.
        blank_end = count > 0 and not lines[count - 1].strip() and count - 1 not in commented
        if not blank_end and not _BLANK_RUN.search(doc.text):
            return
        if commented:
            blank = [not lines[i].strip() and i not in commented for i in range(count)]
        else:  # (the same, without a Python loop over the lines)
            blank = list(map(operator.not_, map(str.strip, itertools.islice(lines, count))))
        last_content = count - 1 - blank[::-1].index(False) if False in blank else -1
        in_code = _fenced_lines(lines, doc.text)
        # Each run of blank lines before the last content line: from its first blank line i to
        # the next content line j (found by list.index, not a Python loop over the lines).
        i = 0
        while True:
            try:
                i = blank.index(True, i, last_content + 1)
            except ValueError:
                break
            j = blank.index(False, i)
            if j - i >= 3 and i > 0 and i not in in_code:
                # keep the first blank line, drop the rest
                fix = Fix("Collapse the blank lines", (Edit(doc.offset(i + 1), doc.offset(j), ""),), True)
                yield self.violation(i, 0, j - 1, len(lines[j - 1]), f"{j - i} blank lines in a row", fix=fix)
            i = j
        if last_content >= 0 and last_content + 1 < count:
            n = count - last_content - 1
            start = doc.offset(last_content) + len(lines[last_content])
            end = len(doc.text)
            replacement = "\n" if doc.text.endswith("\n") else ""
            fix = Fix("Remove the trailing blank lines", (Edit(start, end, replacement),), True)
            yield self.violation(
                last_content + 1,
                0,
                count - 1,
                len(lines[count - 1]),
                f"{n} blank line{'s' if n > 1 else ''} at the end of the document",
                fix=fix,
            )


# --------------------------------------------------------------------------------------------
# F005 mojibake
