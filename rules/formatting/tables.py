"""F003: Markdown tables whose rows do not match their header."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews import native
from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

_GLUED_TABLE_ROWS = 3
_HOLLOW_ROWS = 3
#: (Written so that no two ``\s*`` touch: ``\s*\|?\s*`` is quadratic on a long line of spaces.)
_SEPARATOR = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")


#: A cell border: a bar that no backslash escapes.
_BORDER = re.compile(r"(?<!\\)\|")


def _cells(row: str) -> list[str]:
    row = row.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    # a row without a backslash has no escaped bar: every bar is a border, and `str.split`
    # finds them (the regex split cost a tenth of a run's F003 on pages of long tables)
    return [c.strip() for c in (_BORDER.split(row) if "\\" in row else row.split("|"))]


@register
class MalformedTable(Rule):
    """## What it does
    Checks Markdown pipe tables (a header row, then a `|---|---|` separator) for rows with text in
    more cells than the header has (renderers drop it), and for tables where most rows fill only
    the first column while other rows are full (text that belonged in several columns was poured
    into one; rows that stop early count as rows with empty cells). The diagnostic spans the
    broken rows.

    A few empty cells, a column left empty in every row (icons an extractor dropped) and a second
    table glued under the first (a run of rows of another width at the end) are not reported.

    ## Why is this bad?
    Generators that emit Markdown tables lose track of the columns; converters then render the
    rows shifted or drop cells, and the table says something else than the writer meant.

    ## Example
    ```text
    | Party | Seats |
    |---|---|
    | Greens | 12 | +2 |
    | Liberals | 9 |
    ```

    ## Fix
    No automatic fix: only the writer knows which cell was lost.
    """

    code = "F003"
    name = "malformed-table"
    severity = Severity.WARNING
    summary = "Markdown table rows do not match the header"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if "|" not in doc.text:
            return  # no separator row (it holds a bar)
        lines = doc.lines
        i = 0  # the first line that may head a table (the lines above are read)
        # a table's header is the line above a separator row, and both hold a bar: only the
        # lines with a bar are tried, found by one pass of a kernel (a loop over every line cost
        # a third of F003; a search of the text for "---", then `str.find` of it and a count of
        # line breaks to each, half of what was left: 11.4 -> 9.3 µs a crawl document)
        for sep in native.lines_holding(doc.text, "|", ""):
            if sep - 1 < i or "---" not in lines[sep]:
                continue
            if "|" in lines[sep - 1] and _SEPARATOR.match(lines[sep]):
                end = sep + 1
                while end < len(lines) and "|" in lines[end] and lines[end].strip():
                    end += 1
                yield from self._table(doc, sep - 1, end - 1)
                i = end

    def _table(self, doc: Document, header: int, last: int) -> Iterator[Violation]:
        head = _cells(doc.lines[header])
        # The separator row counts the columns; a header may leave its first cell out entirely
        # (`  | 2019 | 2020` over `---|---|---`).
        width = max(len(head), len(_cells(doc.lines[header + 1])))
        rows = list(range(header + 2, last + 1))
        if width < 2 or not rows:
            return
        cells = {r: _cells(doc.lines[r]) for r in rows}
        # Extractors glue two tables together when nothing separates them: a run of rows at the
        # end that all share another width is a second table, not broken rows of the first.
        tail = rows[-1]
        while tail - 1 in cells and len(cells[tail - 1]) == len(cells[rows[-1]]):
            tail -= 1
        if len(cells[rows[-1]]) != width and rows[-1] - tail >= _GLUED_TABLE_ROWS - 1 and tail > rows[0]:
            rows = rows[: rows.index(tail)]
        # Renderers pad a short row with empty cells, so a short row is a row with empty cells;
        # they drop cells beyond the header's, so text there is lost.
        wrong = [r for r in rows if any(cells[r][width:])]
        padded = {r: cells[r][:width] + [""] * (width - len(cells[r])) for r in rows}
        full = [r for r in rows if all(padded[r])]
        wrong_set = set(wrong)  # (a set: `in` on the list made a table of many wrong rows quadratic)
        hollow = [r for r in rows if r not in wrong_set and padded[r][0] and not any(padded[r][1:])]
        # A few empty cells are normal (and so is a column of icons an extractor dropped); a
        # table whose rows mostly fill only the first column, while others show what a full row
        # looks like, had its text poured into one column.
        if len(hollow) < _HOLLOW_ROWS or len(hollow) * 2 < len(rows) or not full or not all(head):
            hollow = []
        bad = sorted(wrong + hollow)
        if not bad:
            return
        parts = []
        if wrong:
            counts = sorted({len(cells[r]) for r in wrong})
            parts.append(
                f"{len(wrong)} row{'s' if len(wrong) > 1 else ''} with {'/'.join(map(str, counts))} "
                f"cells where the header has {width} (renderers drop the extra cells)"
            )
        if hollow:
            parts.append(f"{len(hollow)} rows with only the first of {width} columns filled")
        first, end = bad[0], bad[-1]
        yield self.violation(
            first,
            len(doc.lines[first]) - len(doc.lines[first].lstrip()),
            end,
            len(doc.lines[end]),
            "Malformed table: " + "; ".join(parts),
        )


# --------------------------------------------------------------------------------------------
# F004 excess-blank-lines
