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


@pytest.mark.parametrize("seed", range(8))
def test_template_lines_with_exact_copies_are_the_reference(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With exact copies (a line counts once per group of copies) and blocks measured on the
    first few occurrences in input order: which documents are sampled depends on that order."""
    from test_speed_paths import reference_block_words

    from lintnews.corpus import storage, templates

    monkeypatch.setattr(templates, "TEMPLATE_SAMPLE", 4)
    monkeypatch.setattr(templates, "MAX_TEMPLATE_BLOCK_WORDS", 12)
    rng = np.random.default_rng(seed)
    n_docs, per_doc = 60, 6
    lines = np.zeros(n_docs * per_doc, KEPT_DTYPE)
    lines["hash"] = rng.integers(1, 9, len(lines)).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    lines["from_start"] = rng.integers(0, 2, len(lines))
    lines["from_end"] = rng.integers(0, 2, len(lines))
    lines["words"] = rng.integers(1, 30, len(lines))
    docs = np.repeat(np.arange(n_docs), per_doc).tolist()
    # some documents are exact copies of an earlier one (each named by the first of its group)
    twin = {i: int(rng.integers(0, i)) for i in range(1, n_docs) if rng.random() < 0.3}
    twin = {i: j for i, j in twin.items() if j not in twin}
    opts = CorpusOptions.from_settings(Settings())
    owner, count = array.array("I", range(n_docs)), array.array("I", [per_doc] * n_docs)
    template, _, counts = find_templates(
        lines, owner, count, n_docs, twin, opts, lambda name, total: lambda done: None
    )
    first: dict[tuple[int, int], int] = {}
    for row, (h, doc) in enumerate(zip(lines["hash"].tolist(), docs)):
        first.setdefault((h, twin.get(doc, doc)), row)
    rows_of: dict[int, list[int]] = {}
    for (h, _group), row in sorted(first.items(), key=lambda item: item[1]):
        rows_of.setdefault(h, []).append(row)
    index = storage.RowIndex(owner, count)
    rows_of_doc = {d: index[d] for d in range(n_docs)}
    expected = {}
    for h, rows in rows_of.items():
        stable = max(
            max(Counter(lines["from_start"][rows].tolist()).values()),
            max(Counter(lines["from_end"][rows].tolist()).values()),
        )
        if len(rows) < opts.template_min_docs or stable < opts.template_min_stability * len(rows):
            continue
        sample = np.array([docs[r] for r in rows[:4]], np.uint32)
        if reference_block_words(lines, sample, rows_of_doc) <= 12:
            expected[h] = len(rows)
    assert 0 < len(expected) < len(rows_of)
    assert template == set(expected)
    assert counts == expected
