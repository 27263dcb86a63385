"""What a fix may remove: the lines its diagnostic covers, and blank lines next to them.

Issue 16 counts the article lines ``--fix`` removes; a fix that reached one line beyond its
finding would remove article text nobody was shown. `Rule.remove_lines_fix` (the fix of every
rule that reports chrome, copies or appendices) takes the flagged lines and at most one blank
line, and every fix of every rule's fixture keeps to its diagnostic's lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes import apply_edits
from lintnews.registry import all_rules
from lintnews.sources.documents import make_document

ROOT = Path(__file__).resolve().parent.parent

P1 = "The city council approved the new budget on Tuesday after a debate that lasted six hours."
P2 = "Opposition members said the plan cut too deeply into school funding and library hours."
P3 = "The mayor said the savings were needed to avoid a deficit next year and promised a review."


def removed(text: str, start: int, end: int) -> str:
    """``text`` after `remove_lines_fix` of its 0-based lines ``start..end``."""
    fix = all_rules()["S001"].remove_lines_fix(Document("a.txt", text), start, end, "Remove")
    return apply_edits(text, [fix])[0]


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        # between blank lines: the line and one of the blank lines, paragraphs stay one apart
        (f"{P1}\n\nRelated Posts\n\n{P2}\n", 2, 2, f"{P1}\n\n{P2}\n"),
        # inside a paragraph's run of lines: the line alone, its neighbours untouched
        (f"{P1}\nRelated Posts\n{P2}\n", 1, 1, f"{P1}\n{P2}\n"),
        # after a blank line, right above text: the line alone, the blank line stays
        (f"{P1}\n\nRelated Posts\n{P2}\n", 2, 2, f"{P1}\n\n{P2}\n"),
        # the first line, a blank line after it: both, so the text starts with text
        (f"Related Posts\n\n{P1}\n", 0, 0, f"{P1}\n"),
        # the first line right above text: the line alone
        (f"Related Posts\n{P1}\n", 0, 0, f"{P1}\n"),
        # the last line without a line break: the line and the break before it
        (f"{P1}\nRelated Posts", 1, 1, f"{P1}"),
        # three lines between blank lines: the three and one blank line
        (
            f"{P1}\n\nRelated Posts\nSimilar Posts:\nSee Also\n\n{P2}\n\n{P3}\n",
            2,
            4,
            f"{P1}\n\n{P2}\n\n{P3}\n",
        ),
    ],
)
def test_remove_lines_fix_takes_the_lines_and_at_most_one_blank_line(
    text: str, start: int, end: int, expected: str
) -> None:
    assert removed(text, start, end) == expected


def fixture_texts() -> list[Path]:
    """Every plain-text and Markdown fixture: each rule's must-flag text and the sample articles."""
    folders = (ROOT / "tests" / "rule_fixtures", ROOT / "fixtures")
    return sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".txt", ".md"))


def changed_lines(text: str, start: int, end: int) -> set[int]:
    """0-based lines of ``text`` an edit of ``text[start:end]`` changes a character of (the
    line break that ends a line is not the line's text)."""
    first = text.count("\n", 0, start)
    lines = text.split("\n")
    out, offset = set(), sum(len(line) + 1 for line in lines[:first])
    for k in range(first, len(lines)):
        if offset >= end and k > first:
            break
        if max(start, offset) < min(end, offset + len(lines[k])):
            out.add(k)
        offset += len(lines[k]) + 1
    return out


@pytest.mark.parametrize("path", fixture_texts(), ids=lambda p: p.name)
def test_every_fix_changes_only_its_diagnostics_lines_or_blank_lines(path: Path) -> None:
    kind = "markdown" if path.suffix == ".md" else "text"
    doc = make_document(str(path), path.read_bytes(), kind)
    text, lines, settings = doc.text, doc.text.split("\n"), Settings()
    fixed = 0
    for rule in all_rules().values():
        if rule.corpus:
            continue
        for v in rule.check(doc, settings):
            if v.fix is None:
                continue
            fixed += 1
            covered = set(range(v.line, v.end_line + 1))
            for edit in v.fix.edits:
                beyond = {k for k in changed_lines(text, edit.start, edit.end) - covered if lines[k].strip()}
                assert not beyond, (
                    f"{rule.code} at line {v.line + 1} changes lines {sorted(k + 1 for k in beyond)}"
                )
    own = all_rules().get(path.stem)
    assert fixed or own is None or not own.fixable or own.corpus  # a fixable rule's fixture is fixed
