"""D001/D002's test of a line of code (`listings._code_line`): its alternatives searched one by
one, each on a line holding its characters, answer as the one alternation `_CODE_MARKS` does."""

from __future__ import annotations

import random

import pytest
from lintnews.rules.duplication import listings

PIECES = [
    "The council met on Tuesday",
    "and voted",
    "entries > 10",
    "publish = false",
    "a == b",
    "x <= 'y'",
    "< previous",
    "next >",
    "AVG(entries)",
    "sum [1]",
    "published[1][2].",
    "(see below)",
    "std::vector",
    "10:30",
    "mean_entries,",
    "HARBOUR_ARCHIVE",
    "$ hg pull",
    "$5 million",
    "--edit",
    "hg --local",
    "long—dash",
    "200 │ 2020-08-01",
    "{ }",
    "[extensions]",
    "[...]",
    "[…]",
    "> quoted",
    "https://example.com/a_b?c=d",
    "www.example.com/x=y",
    "Ελλάδα (Αθήνα)",
    "東京=大阪",
    " ",
    "\t",
]


def _one_alternation(line: str) -> bool:
    """What `_code_line` answered before its alternatives were searched apart."""
    if ">" in line or "[" in line or "://" in line or "www." in line:
        line = listings._NOT_CODE.sub(" ", line)
    return listings._CODE_MARKS.search(line.strip()) is not None


@pytest.mark.parametrize("seed", range(10))
def test_code_line_answers_as_the_one_alternation(seed: int) -> None:
    rng = random.Random(seed)
    marked = plain = 0
    for _ in range(500):
        line = rng.choice(["", " ", "$", "[", "  "]) + "".join(
            rng.choice(PIECES) + rng.choice(["", " ", "  ", "_", "-", "="])
            for _ in range(rng.randrange(1, 5))
        )
        expected = _one_alternation(line)
        assert listings._code_line(line) == expected, line
        marked += expected
        plain += not expected
    assert marked > 20 and plain > 20  # (the generated lines hold both)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("AVG(entries) OVER status_window as mean_entries,", True),
        ("$ hg -R bob config --edit --local", True),
        ("[extensions]", True),
        ("  [...]  ", True),
        ("200 │ 2020-08-01 18:00:00+00 │ 1.89", True),
        ("if entries > 10", True),
        ("The council met (again) on Tuesday", False),
        ("< previous | next >", False),
        ("The works cost $5 million.", False),
        ("It was published[1][2].", False),
        ("See https://example.com/a_b?c=d for the report", False),
        ("> the staff is trying", False),
    ],
)
def test_code_line(line: str, expected: bool) -> None:
    assert listings._code_line(line) is expected
