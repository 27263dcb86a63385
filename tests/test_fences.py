"""One reading of a Markdown code fence (`lintnews.native.FENCE_OPENER`, `FENCE_CLOSER`,
`fence_step`) by all five of its readers: the blocks (the compiled kernel, its Python twin and the
general loop of `Document.blocks`), suppression comments (`directives._fenced_lines`), F004
(`blanks._fenced_lines`), the phrase rules' code lines and F006's (`block_edges.CODE_LINES`).

html2text writes an empty struck-out link as "~~~~__": read as a fence, the lines up to the next
one were "code" (870 lines of a crawl page's chrome). Every case below found other codes or lines
before this reading, through the functions and through ``lintnews check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lintnews.rules.formatting import blanks

from lintnews import _native, native
from lintnews.block_edges import CODE_LINES
from lintnews.cli import main
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.suppress import directives

P = "The harbour authority said the new ferry terminal would open to passengers in the spring."
Q = "Officials expect about four thousand travellers a day once the full timetable is running."
R = "A spokesperson for the operator declined to comment on the cost of the delayed works."
H = "# Ferry terminal to open in spring"
STRUCK = "~~~~__"  # html2text's empty struck-out link
ENTITY = "Johnson &amp; Johnson said the recall was voluntary."
COMMENT = "<!-- lintnews: disable-next-line=B025 -- the page's own button -->"


def md(*lines: str) -> str:
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("line", "run"),
    [
        ("```", "```"),
        ("```python", "```"),
        ("``` python  ", "```"),
        ("```{.python}", "```"),
        ("````", "````"),
        ("~~~", "~~~"),
        ("~~~~~~~~", "~~~~~~~~"),  # a line of tildes alone is a fence (CommonMark), no underline
        ("~~~ python `x`", "~~~"),  # (a tilde fence's info string may hold backticks)
        ("   ```", "```"),
        ("~~~~__", None),
        ("```` `x` ````", None),  # inline code on a line of its own
        ("``` a`b", None),
        ("```1", None),
        ("``", None),
        ("~~", None),
        ("    ```", "```"),  # four spaces or a tab: a list item's fence in hand-written Markdown
        ("\t```", "```"),
        ("\xa0```", None),
    ],
)
def test_what_opens_a_fence(line: str, run: str | None) -> None:
    assert native.fence_step(line, "") == run
    assert native.fence_spans([line]) == ([] if run is None else [(0, 1)])


@pytest.mark.parametrize(
    ("line", "opener", "closes"),
    [
        ("```", "```", True),
        ("````  ", "```", True),  # a longer closer
        ("   ```", "```", True),
        ("```", "````", False),  # a shorter one is code
        ("~~~", "```", False),  # the other mark is code
        ("```python", "```", False),  # a closer has no info string
        ("    ```", "```", True),
        ("~~~~~", "~~~~", True),
        ("~~~~__", "~~~", False),
    ],
)
def test_what_closes_a_fence(line: str, opener: str, closes: bool) -> None:
    assert native.fence_step(line, opener) == ("" if closes else None)


def _general_blocks(text: str) -> list[tuple[int, int, str]]:
    """`Document.blocks` by its general loop (a soft break on no line sends a document there)."""
    doc = Document(path="a.md", text=text, kind="markdown", soft_breaks=frozenset({10**9}))
    return [(b.start, b.end, b.kind) for b in doc.blocks]


def _code(blocks: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    return [(start, end) for start, end, kind in blocks if kind == "code"]


BLOCK_CASES = [
    # (text, code blocks (0-based, inclusive): the same from every reader)
    ("struck-out links around chrome", md(P, STRUCK, "Print", "", "FOLLOW US", STRUCK, Q), []),
    ("~~~ inside a ``` block is code", md(P, "```text", "a()", "~~~", "b()", "```", Q), [(2, 4)]),
    ("a longer closer", md(P, "```", "a()", "`````", "b()", "~~~", "c()", "~~~~~ ", Q), [(2, 2), (6, 6)]),
    ("a shorter closer is code", md(P, "````", "a()", "```", "b()", "````", Q), [(2, 4)]),
    ("an unclosed fence runs to the end", md(P, "~~~", "a()", "", "Print"), [(2, 5)]),
    ("indented fences", md(P, "   ```", "a()", "  ```", "    ```", "b()", "\t```", Q), [(2, 2), (5, 5)]),
]


@pytest.mark.parametrize(
    ("text", "code"), [case[1:] for case in BLOCK_CASES], ids=[c[0] for c in BLOCK_CASES]
)
def test_every_reader_finds_the_same_code(text: str, code: list[tuple[int, int]]) -> None:
    lines = text.split("\n")
    kernel = [(b.start, b.end, b.kind) for b in _native.plain_blocks(lines)]
    twin = [(s, e, native.BLOCK_KINDS[k]) for s, e, k in native.py_plain_block_spans(lines)]
    assert kernel == twin
    assert _code(kernel) == _code(_general_blocks(text)) == code
    inside = {i for start, end in code for i in range(start, end + 1)}
    doc = Document(path="a.md", text=text, kind="markdown")
    assert CODE_LINES.of(doc) == inside
    assert blanks._fenced_lines(lines, text) == inside
    # the comments' lines are 1-based and hold the fences too
    spans = native.fence_spans(lines)
    assert directives._fenced_lines(text) == {
        i + 1 for start, end in spans for i in range(start, min(end + 1, len(lines)))
    }
    assert {i for start, end in spans for i in range(start + 1, end)} == inside


#: (name, Markdown text, the (code, line) pairs of a default run). Each was found otherwise
#: before fences were read strictly, in the comment the reader that changed.
LINT_CASES = [
    # the phrase rules: the chrome between two struck-out links is reported (as it was: they
    # re-checked the opener) ...
    ("chrome", md(H, "", P, "", STRUCK, "", "FOLLOW US", "", "Print", "", STRUCK, "", Q), [("B005", 7), ("B025", 9)]),
    # F004: ... and its blank lines too (were inside a "fence")
    ("blanks", md(H, "", P, "", STRUCK, "", "", "", "", Q, "", STRUCK, "", R), [("F004", 6)]),
    # suppression comments between them act (were examples in code: B025 on line 8)
    ("suppressed", md(H, "", P, "", STRUCK, "", COMMENT, "Print", "", STRUCK, "", Q), []),
    # the D rules: a paragraph between them repeats the story's (was code)
    ("repeat", md(H, "", P, "", STRUCK, "", P, "", STRUCK, "", Q), [("D001", 7)]),
    # F006: an entity between them is reported (was code)
    ("entity", md(H, "", P, "", STRUCK, "", ENTITY, "", STRUCK, "", Q), [("F006", 7)]),
    # the phrase rules: a "~~~" in a ``` block is code, the block runs on to its "```" and the
    # chrome after it is the page's (were B025 on line 7 and nothing on line 10)
    ("tilde in backticks", md(H, "", P, "", "```text", "~~~", "Print", "```", "", "2 hours ago", "", Q), [("B023", 10)]),
    ("longer closer", md(H, "", P, "", "````", "```", "Print", "````", "", "2 hours ago", "", Q), [("B023", 10)]),
    # F006: markup after a "~~~" in a ``` block is code (was F006 twice on line 8)
    ("markup in code", md(H, "", P, "", "```html", ENTITY, "~~~", "<p>x</p>", "```", "", Q), []),
    # suppression: a comment after a "~~~" in a ``` block is an example (suppressed D001)
    (
        "comment in code",
        md(H, "", P, "", "```html", "~~~", "<!-- lintnews: disable=D001 -- shown -->", "```", "", P),
        [("D001", 10)],
    ),
    # an unclosed fence runs to the end: its chrome is code
    ("unclosed", md(H, "", P, "", "```", "Print", "", "2 hours ago"), []),
    # a fence in a list item, four spaces or a tab in, is one: its "Print" is code, its blank
    # lines are the program's
    ("tab", md(H, "", P, "", "- Print it:", "", "\t```", "Print", "\t```", "", Q), []),
    ("indented blanks", md(H, "", P, "", "- Run:", "", "    ```", "", "", "", "", Q, "    ```", "", R), []),
    # up to three spaces do make one
    ("three spaces", md(H, "", P, "", "   ```", "Print", "", "", "", "", "   ```", "", Q), []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LINT_CASES], ids=[c[0] for c in LINT_CASES])
def test_rules_read_the_fences(text: str, expected: list[tuple[str, int]]) -> None:
    doc = Document(path="story.md", text=text, kind="markdown")
    assert [(d.code, d.line) for d in Linter(Settings()).lint(doc).diagnostics] == expected


def test_lintnews_check_reads_the_fences(tmp_path: Path) -> None:
    # (one document a run: the corpus rules would compare documents that share paragraphs)
    found, expected = {}, {}
    for name, text, pairs in LINT_CASES:
        path = tmp_path / f"{name.replace(' ', '-')}.md"
        path.write_text(text, encoding="utf-8")
        args = ["check", "--isolated", "--no-cache", "--exit-zero", "--output-format", "json", str(path)]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        found[name] = [(d["code"], d["line"]) for d in json.loads(result.stdout)]
        expected[name] = pairs
    assert found == expected
