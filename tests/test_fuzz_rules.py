"""Fuzzing the document builders, every rule and the fixer (see tests/fuzz_target.py for what
must hold), with hypothesis for a bounded number of examples, and with atheris (libFuzzer) for a
bounded time; plus the cases fuzzing found, kept as regression tests.

``LINTNEWS_FUZZ_EXAMPLES`` (default 300 per kind) and ``LINTNEWS_FUZZ_SECONDS`` (default 8 for
atheris) set the budget: CI runs the defaults (~20 s in all), a long local session raises them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz_target import ATOMS, KINDS, LINTER, check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintnews.document import Document
from lintnews.fixes import FixPolicy, fix_document

EXAMPLES = int(os.environ.get("LINTNEWS_FUZZ_EXAMPLES", "300"))
SECONDS = int(os.environ.get("LINTNEWS_FUZZ_SECONDS", "8"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

PIECE = st.one_of(
    st.sampled_from(ATOMS),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.sampled_from(["\n", "\n\n", "\n\n\n\n", " ", "", "\r\n", "\t"]),
)
ARTICLE = st.lists(st.tuples(PIECE, st.sampled_from(["\n", "\n\n", " ", "", "\n\n\n\n"])), max_size=30).map(
    lambda rows: "".join(a + b for a, b in rows)
)


@pytest.mark.parametrize("kind", KINDS)
@given(text=ARTICLE, tags=st.lists(st.integers(0, 7), min_size=1, max_size=5))
@FUZZ
def test_builders_rules_and_fixer_on_hostile_text(kind: str, text: str, tags: list[int]) -> None:
    check(kind, text, tags)


_STUMP = (
    "\n > Talks resumed in Geneva on Monday after a two-week pause, officials said.\n\n\n\n\n"
    + "a" * 300
    + "\nsecuritsecurit\nTalks resumed in Geneva on Monday after a two-week pause, officials said."
)
#: Inputs fuzzing found, each with what was wrong (kept so that the bug stays fixed).
REGRESSIONS: list[tuple[str, str, list[int]]] = [
    # F004 ended a run of blank lines one column past the end of its last (empty) line
    ("text", "A line here.\n\n\n\nB line here.\n\n", [0]),
    ("markdown", "A line here.\n\n\n\nB line here.\n\n", [0]),
    # after fixing, T002 gave the column of the stump in its two-line paragraph, not in its line
    ("text", _STUMP, [4, 4, 2]),
]


@pytest.mark.parametrize(("kind", "text", "tags"), REGRESSIONS)
def test_cases_fuzzing_found(kind: str, text: str, tags: list[int]) -> None:
    check(kind, text, tags)


def test_atheris_finds_nothing_in_a_bounded_run(tmp_path: Path) -> None:
    harness = Path(__file__).with_name("fuzz_atheris.py")
    (tmp_path / "corpus").mkdir()
    proc = subprocess.run(
        [
            sys.executable,
            str(harness),
            f"-max_total_time={SECONDS}",
            "-rss_limit_mb=4096",
            "-seed=1",
            f"-artifact_prefix={tmp_path}/",
            str(tmp_path / "corpus"),
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS * 10 + 120,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "Done" in proc.stderr and "runs in" in proc.stderr, proc.stderr[-2000:]


def test_a_run_of_blank_lines_ends_where_its_last_line_starts() -> None:
    doc = Document(path="f.txt", text="A line here.\n\n\n\nB line here.\n\n")
    found = [
        (d.line, d.column, d.end_line, d.end_column) for d in LINTER.lint(doc).diagnostics if d.code == "F004"
    ]
    assert found == [(2, 1, 4, 1), (6, 1, 6, 1)]


def test_a_stump_on_the_second_line_of_a_paragraph_is_reported_in_that_line() -> None:
    fixed = fix_document(
        Document(path="f.txt", text=_STUMP), lambda d: LINTER.lint(d).diagnostics, FixPolicy(unsafe=True)
    ).document
    assert fixed.text.endswith("a" * 300 + "\nsecuritsecurit")
    found = [
        (d.line, d.column, d.end_line, d.end_column, d.message)
        for d in LINTER.lint(fixed).diagnostics
        if d.code == "T002"
    ]
    assert found == [(5, 1, 5, 15, 'Document is cut off mid-word ("securitsecurit")')]
