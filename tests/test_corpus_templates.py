"""`find_templates` keeps the recurring lines at a stable place (one numpy pass over every
recurring line's occurrences) as the plain per-line count does."""

from __future__ import annotations

import array
from collections import Counter

import numpy as np
import pytest

from lintnews.config import Settings
from lintnews.corpus.options import CorpusOptions
from lintnews.corpus.signature import KEPT_DTYPE
from lintnews.corpus.templates import find_templates


def reference_placed(lines: np.ndarray, docs: list[int], need: int, share: float) -> set[int]:
    """Lines in ``need`` documents or more whose first occurrence in a document is, for at least
    ``share`` of those documents, at the same place from the start or from the end."""
    first: dict[tuple[int, int], int] = {}
    for row, (h, doc) in enumerate(zip(lines["hash"].tolist(), docs)):
        first.setdefault((h, doc), row)
    rows_of: dict[int, list[int]] = {}
    for (h, _doc), row in first.items():
        rows_of.setdefault(h, []).append(row)
    placed = set()
    for h, rows in rows_of.items():
        if len(rows) < need:
            continue
        stable = max(
            max(Counter(lines["from_start"][rows].tolist()).values()),
            max(Counter(lines["from_end"][rows].tolist()).values()),
        )
        if stable >= share * len(rows):
            placed.add(h)
    return placed


@pytest.mark.parametrize("seed", range(8))
def test_stable_recurring_lines_are_the_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_docs, per_doc = 60, 6
    lines = np.zeros(n_docs * per_doc, KEPT_DTYPE)
    lines["hash"] = rng.integers(1, 25, len(lines)).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    lines["from_start"] = rng.integers(0, 3, len(lines))
    lines["from_end"] = rng.integers(0, 4, len(lines))
    lines["words"] = 1  # blocks of a few words: every stable recurring line is a template line
    docs = np.repeat(np.arange(n_docs), per_doc).tolist()
    opts = CorpusOptions.from_settings(Settings())
    template, line_docs, counts = find_templates(
        lines,
        array.array("I", range(n_docs)),
        array.array("I", [per_doc] * n_docs),
        n_docs,
        {},
        opts,
        lambda name, total: lambda done: None,
    )
    expected = reference_placed(lines, docs, opts.template_min_docs, opts.template_min_stability)
    assert 0 < len(expected) < 24
    assert template == expected
    assert line_docs.tolist() == docs
    assert set(counts) == template
