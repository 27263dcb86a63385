"""Per-document shortcuts in the workers give the answers of the straightforward computation:
`to_diagnostic`'s positions on the identity source map worked out without `SourcePos` objects,
and F004's runs of blank lines found with `list.index` instead of a loop over the lines."""

from __future__ import annotations

import random
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lintnews.rules.formatting.blanks import ExcessBlankLines

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter, to_diagnostic
from lintnews.sourcemap import SourceMap, extent_of
from lintnews.sources import InputError, iter_documents

ROOT = Path(__file__).resolve().parent.parent
SOME = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


class _PlainMap(SourceMap):
    """The identity map, its extents worked out from its positions (`extent_of`), not by the
    identity's arithmetic."""

    def extent(self, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int, int, int]:
        return extent_of(self, line, column, end_line, end_column)


def test_diagnostics_on_the_identity_map_are_those_the_map_gives() -> None:
    settings_ = Settings(select=["ALL"])
    linter = Linter(settings_)
    table = linter.base_table
    folders = [str(ROOT / "fixtures"), str(ROOT / "tests" / "rule_fixtures")]
    docs = [d for d in iter_documents(folders, settings_) if not isinstance(d, InputError)]
    docs = [d for d in docs if type(d.source_map) is SourceMap]
    assert len(docs) > 20
    compared = fixed = 0
    for doc in docs:
        slow = Document(doc.path, doc.text, doc.record, doc.record_line, doc.kind, _PlainMap())
        for rule in table.rules:
            if rule.corpus:
                continue
            for v in rule.check(doc, settings_):
                severity = table.severity(rule, v)
                assert to_diagnostic(doc, v, severity) == to_diagnostic(slow, v, severity)
                compared += 1
                fixed += v.fix is not None
    assert compared > 80 and fixed > 50


def _reference_runs(lines: list[str], count: int, in_code: set[int]) -> list[tuple[int, int]]:
    """F004's runs inside the text as it found them before: a loop over every line."""
    blank = [not lines[i].strip() for i in range(count)]
    last_content = max((i for i in range(count) if not blank[i]), default=-1)
    runs, i = [], 0
    while i <= last_content:
        if not blank[i]:
            i += 1
            continue
        j = i
        while blank[j]:
            j += 1
        if j - i >= 3 and i > 0 and i not in in_code:
            runs.append((i, j - 1))
        i = j
    return runs


def _reference_fenced(lines: list[str]) -> set[int]:
    inside, fence = set(), None
    for i, line in enumerate(lines):
        m = re.match(r"^\s*(```|~~~)", line)
        if m and (fence is None or m.group(1) == fence):
            fence = m.group(1) if fence is None else None
        elif fence is not None:
            inside.add(i)
    return inside


PIECES = ["Some words.", "", "", "", " ", "\t", "\u00a0", "```", "~~~", "  ```py", "code", "\u2003"]


@SOME
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.booleans())
def test_f004_finds_the_runs_of_the_loop_over_every_line(pieces: list[str], final_break: bool) -> None:
    text = "\n".join(pieces) + ("\n" if final_break else "")
    doc = Document("a.md", text, kind="markdown")
    lines = doc.lines
    count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    found = list(ExcessBlankLines().check(doc, Settings()))
    inner = [(v.line, v.end_line) for v in found if "in a row" in v.message]
    blank_end = count > 0 and not lines[count - 1].strip()
    if blank_end or re.search(r"\n[^\S\n]*\n[^\S\n]*\n[^\S\n]*\n", text):
        assert inner == _reference_runs(lines, count, _reference_fenced(lines))
    else:
        assert inner == []


def test_f004_on_generated_pages_with_fences() -> None:
    rng = random.Random(29)
    reported = 0
    for _ in range(300):
        pieces = [rng.choice(PIECES) for _ in range(rng.randint(0, 60))]
        doc = Document("a.md", "\n".join(pieces), kind="markdown")
        lines = doc.lines
        count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
        found = [
            (v.line, v.end_line) for v in ExcessBlankLines().check(doc, Settings()) if "in a row" in v.message
        ]
        assert found == _reference_runs(lines, count, _reference_fenced(lines))
        reported += len(found)
    assert reported > 100
