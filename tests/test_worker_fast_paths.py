"""Per-document shortcuts in the workers give the answers of the straightforward computation:
`to_diagnostic`'s positions on the identity source map worked out without `SourcePos` objects,
and F004's runs of blank lines found by one regex search of the text instead of a loop over the
lines (HTML comments in Markdown included)."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lintnews.rules.formatting.blanks import ExcessBlankLines

from lintnews import native
from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic, Edit, Fix, RelatedLocation, Severity
from lintnews.document import Document
from lintnews.engine import Linter, to_diagnostic
from lintnews.registry import Violation
from lintnews.sourcemap import SourceMap, extent_of
from lintnews.sources import InputError, iter_documents
from lintnews.sources.documents import markdown_document

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


def _reference_runs(blank: list[bool], in_code: set[int]) -> list[tuple[int, int]]:
    """F004's runs inside the text (first and last line of each) as it found them before: a loop
    over whether each line is blank."""
    last_content = max((i for i, empty in enumerate(blank) if not empty), default=-1)
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


def _blank(lines: list[str], count: int) -> list[bool]:
    return [not lines[i].strip() for i in range(count)]


def _reference_fenced(lines: list[str]) -> set[int]:
    inside, fence = set(), ""
    for i, line in enumerate(lines):
        m = (native.FENCE_CLOSER if fence else native.FENCE_OPENER).match(line)
        if m and (not fence or m.group(1).startswith(fence)):
            fence = "" if fence else m.group(1)
        elif fence:
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
        assert inner == _reference_runs(_blank(lines, count), _reference_fenced(lines))
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
        assert found == _reference_runs(_blank(lines, count), _reference_fenced(lines))
        reported += len(found)
    assert reported > 100


def _reference_f004(doc: Document) -> list[tuple[int, int, int, int, str]]:
    """F004's findings as the rule found them before: whether each line is blank (and outside an
    HTML comment), then each run of blank lines from there."""
    lines = doc.lines
    count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    commented: set[int] = set()
    if doc.source is not None:
        for m in re.finditer(r"<!--.*?-->", doc.source, re.DOTALL):
            first = doc.source.count("\n", 0, m.start())
            commented.update(range(first, first + m.group().count("\n") + 1))
    blank = [not lines[i].strip() and i not in commented for i in range(count)]
    last_content = max((i for i in range(count) if not blank[i]), default=-1)
    found = [
        (i, 0, j, len(lines[j]), f"{j - i + 1} blank lines in a row")
        for i, j in _reference_runs(blank, _reference_fenced(lines))
    ]
    if last_content >= 0 and last_content + 1 < count:
        n = count - last_content - 1
        message = f"{n} blank line{'s' if n > 1 else ''} at the end of the document"
        found.append((last_content + 1, 0, count - 1, len(lines[count - 1]), message))
    return found


COMMENT_PIECES = [*PIECES, "<!-- a comment -->", "<!--", "-->", "text <!-- x", "y --> text", "\u2028", "\r"]


def test_f004_finds_the_findings_of_the_loop_over_every_line_between_html_comments() -> None:
    """Runs of blank lines cut by the lines of HTML comments (which the text rules see blanked
    out, and which are not blank lines), at the start, inside and at the end of the text."""
    rng = random.Random(32)
    reported = commented = 0
    for _ in range(3000):
        pieces = [rng.choice(COMMENT_PIECES) for _ in range(rng.randint(0, 40))]
        source = "\n".join(pieces) + rng.choice(["", "\n"])
        doc = markdown_document("a.md", source)
        found = [
            (v.line, v.column, v.end_line, v.end_column, v.message)
            for v in ExcessBlankLines().check(doc, Settings())
        ]
        assert found == _reference_f004(doc), repr(source)
        reported += len(found)
        commented += doc.source is not None and len(found) > 0
    assert reported > 1000 and commented > 300


def test_to_diagnostic_fills_each_field_by_its_name() -> None:
    """`to_diagnostic` calls `Diagnostic` by position: each value lands in its field (the same
    diagnostic as one made by keywords), so a change of the fields' order shows here."""
    doc = Document("a.jsonl", "First line.\n\n\n\n\nLast line.\n", record="7", record_line=8)
    [v] = ExcessBlankLines().check(doc, Settings())
    assert to_diagnostic(doc, v, Severity.INFO) == Diagnostic(
        path="a.jsonl",
        record="7",
        line=2,
        column=1,
        end_line=5,
        end_column=1,
        code="F004",
        name="excess-blank-lines",
        severity=Severity.INFO,
        message="4 blank lines in a row",
        fix=v.fix,
        related=[],
        record_line=8,
        snippet="\n\n\n",
        document_score=None,
        fix_edits=((3, 1, 6, 1, ""),),
        region_text=None,
        fix_replaced=("\n\n\n",),
        similarity=None,
        kept=None,
    )


def _edit_regions(doc: Document, fix: Fix) -> tuple[tuple[int, int, int, int, str], ...]:
    """The 1-based source regions of ``fix``'s edits, from `Document.position` of both ends."""
    regions = []
    for e in fix.edits:
        (a, col), (b, end_col) = doc.position(e.start), doc.position(e.end)
        regions.append((a + 1, col + 1, b + 1, end_col + 1, e.replacement))
    return tuple(regions)


@pytest.mark.parametrize(
    "edits",
    [
        [(0, 0)],  # the text's first character
        [(11, 13)],  # a line's break and the blank line's
        [(13, 13)],  # empty, at a line's start
        [(26, 39)],  # over three lines to the text's end
        [(39, 39)],  # at the text's end
        [(3, 5), (12, 30)],  # two, the second over four lines
        [(0, 39), (5, 5), (20, 22)],
    ],
)
def test_fix_edits_are_the_positions_of_their_offsets(edits: list[tuple[int, int]]) -> None:
    """`to_diagnostic`'s edit regions (one edit alone, the common case, made without the loop)
    are where `Document.position` puts each end, and the replaced texts the text's slices."""
    doc = Document("a.txt", "First line.\n\nSecond line.\n\n\nLast line.\n")
    assert len(doc.text) == 39
    fix = Fix("Edit", tuple(Edit(lo, hi, "x") for lo, hi in edits))
    v = Violation(ExcessBlankLines(), 0, 0, 0, 3, "message", fix)
    d = to_diagnostic(doc, v, Severity.INFO)
    assert d.fix_edits == _edit_regions(doc, fix)
    assert d.fix_replaced == tuple(doc.text[lo:hi] for lo, hi in edits)


def test_fix_edits_of_the_rules_are_the_positions_of_their_offsets() -> None:
    """The same on every fix the rules make on the fixtures."""
    settings_ = Settings(select=["ALL"])
    table = Linter(settings_).base_table
    folders = [str(ROOT / "fixtures"), str(ROOT / "tests" / "rule_fixtures")]
    docs = [d for d in iter_documents(folders, settings_) if not isinstance(d, InputError)]
    fixed = 0
    for doc in docs:
        if not doc.source_map.is_identity:
            continue
        for rule in table.rules:
            if rule.corpus:
                continue
            for v in rule.check(doc, settings_):
                if v.fix is not None:
                    d = to_diagnostic(doc, v, table.severity(rule, v))
                    assert d.fix_edits == _edit_regions(doc, v.fix), (rule.code, doc.path)
                    assert d.fix_replaced == tuple(doc.text[e.start : e.end] for e in v.fix.edits)
                    fixed += 1
    assert fixed > 50


def test_a_violation_is_the_frozen_dataclass_it_was() -> None:
    """`Violation` sets its fields at once: still a frozen dataclass with the same fields,
    defaults, equality, hash, ``repr`` and `dataclasses.replace`."""
    rule = ExcessBlankLines()
    v = Violation(rule, 1, 0, 4, 0, "4 blank lines in a row")
    assert [f.name for f in dataclasses.fields(v)] == [
        "rule",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "fix",
        "related",
        "severity",
    ]
    assert (v.fix, v.related, v.severity) == (None, (), None)
    same = Violation(rule=rule, line=1, column=0, end_line=4, end_column=0, message="4 blank lines in a row")
    assert v == same and hash(v) == hash(same) and v != dataclasses.replace(v, line=2)
    assert dataclasses.replace(v, severity=Severity.ERROR).severity is Severity.ERROR
    assert repr(v) == (
        f"Violation(rule={rule!r}, line=1, column=0, end_line=4, end_column=0, "
        "message='4 blank lines in a row', fix=None, related=(), severity=None)"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.line = 2  # type: ignore[misc]


def test_a_line_violation_is_the_violation_of_its_lines() -> None:
    """`Rule.line_violation` makes its `Violation` itself: the one `Rule.violation` gives for the
    line's span (leading blanks left out), its related places a tuple whatever they came as."""
    rule = ExcessBlankLines()
    doc = Document("a.txt", "First line.\n   Indented line.\n\nLast line.\n")
    fix = Fix("Remove", (Edit(12, 31, ""),))
    place = RelatedLocation(0)
    assert rule.line_violation(doc, 1, "m") == rule.violation(1, 3, 1, 17, "m")
    made = rule.line_violation(doc, 0, "m", end_line=1, fix=fix, related=[place], severity=Severity.ERROR)
    assert made == rule.violation(0, 0, 1, 17, "m", fix=fix, related=(place,), severity=Severity.ERROR)
    assert type(made.related) is tuple and hash(made) == hash(
        rule.violation(0, 0, 1, 17, "m", fix, [place], Severity.ERROR)
    )
