"""F004: runs of blank lines, and blank lines at the end of the document."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews import native
from lintnews.blank_lines import blank_runs
from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

#: How many blank lines in a row this rule reports.
_LEAST = 3


def _fenced_lines(lines: list[str], text: str) -> set[int]:
    """Lines inside Markdown code fences (`lintnews.native.fence_spans`), where blank lines are
    content (``text``: the lines joined); to the end of the text when a fence never closes. (Only
    the lines holding a backtick or a tilde are read, found by one pass of a kernel over the text:
    a multi-line search of the text, or even two substring tests, cost more, and are made on every
    document with a run of blank lines to report, most of which hold no fence.)"""
    holding = native.lines_holding(text, "`~", "")
    return {i for start, end in native.fence_spans(lines, holding) for i in range(start + 1, end)}


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


def _last_content(lines: list[str], commented: set[int], count: int) -> int:
    """The last of the first ``count`` lines that holds more than white space, or a line of an
    HTML comment (-1: none). (Read back from the last line: the text's end, stripped and its line
    breaks counted, cost a copy and a count of the whole text.)"""
    last = len(lines) - 1
    while last >= 0 and (not lines[last] or lines[last].isspace()):
        last -= 1
    return max(last, max((i for i in commented if i < count), default=-1))


def _runs(lines: list[str], commented: set[int], found: list[int]) -> Iterator[tuple[int, int]]:
    """(i, j): the runs of blank lines ``i .. j - 1`` that may be three or more long: the runs
    `blank_runs` ``found`` (the line before each, then its length), each cut at the lines of an
    HTML comment (which are not blank lines). A run found after the first line, itself blank, is
    part of a run at the start of the document (``i == 0``)."""
    for k in range(0, len(found), 2):
        line = found[k]
        start, end = line + 1, line + 1 + found[k + 1]  # blank lines start .. end - 1 ...
        # ... and line `end` too when it is the last line of the text, blank without a line break
        if line == 0 and not lines[0].strip() and 0 not in commented:
            start = 0
        i = start
        for c in sorted(k for k in commented if start <= k < end) if commented else ():
            if c > i:
                yield i, c
            i = c + 1
        if i < end:
            yield i, end


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
        # of the file that no fix removes (nor edits inside): they are not blank lines; nor is
        # a line of links without words (an avatar's image, `blank_markdown_links`).
        commented = set()
        if doc.kind == "markdown" and doc.source is not None:
            commented = _comment_lines(doc.source)
            written = doc.source.split("\n")
            commented.update(i for i, line in enumerate(lines) if not line.strip() and written[i].strip())
        # Nothing to report without a blank last line or three blank lines in a row (a run
        # reported inside the text follows a line and precedes the last content line, so each of
        # its blank lines ends in a line break: `blank_runs`). Most documents end with text and
        # hold no such run.
        blank_end = count > 0 and not lines[count - 1].strip() and count - 1 not in commented
        found = blank_runs(doc.text, _LEAST)
        if not blank_end and not found:
            return
        last_content = _last_content(lines, commented, count)
        in_code: set[int] | None = None  # (found when a run is to be reported)
        # (`Document.offset` and `Rule.violation` written out: F004 reports more than any other
        # rule, 3,767 runs on the first 800 documents of the 20 MB crawl)
        starts = doc.line_starts
        for i, j in _runs(lines, commented, found):
            if j - i >= _LEAST and i > 0 and j <= last_content:
                if in_code is None:
                    in_code = _fenced_lines(lines, doc.text)
                if i not in in_code:
                    # keep the first blank line, drop the rest
                    fix = Fix("Collapse the blank lines", (Edit(starts[i + 1], starts[j], ""),), True)
                    yield Violation(
                        self, i, 0, j - 1, len(lines[j - 1]), f"{j - i} blank lines in a row", fix
                    )
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
