"""bench/speed.py's table: each ratio is taken within its round, and a row of several rounds
shows the median round's ratio with the lowest and highest beside it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from speed import HEADER, Row, spread  # noqa: E402


def test_spread_is_the_median_with_its_range() -> None:
    assert spread([0.52]) == "0.52"
    assert spread([0.47, 0.55, 0.5]) == "0.50 (0.47-0.55)"
    assert spread([1.0, 2.0], digits=1) == "1.5 (1.0-2.0)"


def test_ratios_are_taken_within_each_round() -> None:
    # round 1 on a quiet minute, round 2 with every run twice as slow: the same ratios
    quiet = ((4.0, 150 * 1024, 4.2), (3.6, 120 * 1024, 3.6), (2.0, 90 * 1024, 4.0))
    busy = ((8.0, 150 * 1024, 4.2), (7.2, 130 * 1024, 3.7), (4.0, 90 * 1024, 4.1))
    row = Row(
        "c", 1000, 20_000_000, [quiet, busy], (2.0, 0, 4.0), (0.1, 0, 0.1), (3.0, 0, 3.2), "0.1 0.1 0.1"
    )
    cells = dict(zip(HEADER, row.cells()))
    assert cells["lintnews -j2 / datasketch, wall (≤ 0.5)"] == "0.50 (0.50-0.50)"
    assert cells["-j1 / -j2 wall (≥ 1.7)"] == "1.80 (1.80-1.80)"
    assert cells["peak MiB (-j1)"] == "125"
    assert cells["cached re-run / first run (≤ 0.1)"] == "0.050"
    # the corpus phase: 20 MB over the median -j1 CPU beyond the --no-corpus run's (3.65 - 3.2)
    assert cells["corpus phase, MB/s per core"] == "44.44"
    assert cells["per-document phase, MB/s per core"] == "6.25"


def test_one_round_prints_plain_ratios() -> None:
    one = ((4.0, 150 * 1024, 4.0), (3.5, 120 * 1024, 3.5), (2.0, 90 * 1024, 3.8))
    row = Row("c", 10, 20_000_000, [one], (2.0, 0, 4.0), (0.1, 0, 0.1), (3.0, 0, 3.0), "0.1 0.1 0.1")
    cells = row.cells()
    assert cells[3:5] == ["0.50", "1.75"]
    assert cells[10] == "0.95"
